import Testing
import ArabicText
@testable import DigestKit

@Suite("Word memo")
struct WordMemoTests {
    static let articles = [
        ("وقع البلدان اتفاقات بالطاقة", ["وقع البلدان اتفاقات بالطاقة والنفطية وللكهرباء.", "وتتوسع الطاقات المتجددة في كازاخستان."]),
        ("اجتماع مجلس الأمن", ["اجتمع مجلس الأمن الدولي لبحث الطاقة.", "وناقش مجلس الأمن القرار مع الصين وروسيا."]),
        ("اتفاق للتعدين", ["وقع البلدان اتفاقية للتنقيب عن الليثيوم واليورانيوم ومحطات الطاقة الشمسية في كوريا."]),
    ]

    @Test("an analyzer sharing one memo across articles finds what it finds for each article alone")
    func sharedMemoChangesNothing() throws {
        let analyzer = try AnalysisFixtures.analyzer()
        let memo = WordMemo()
        for (title, paragraphs) in Self.articles + Self.articles {
            let article = AnalysisFixtures.article(title: title, paragraphs)
            let alone = analyzer.analyze(article)
            let shared = analyzer.analyze(article, memo: memo)
            #expect(shared.topics == alone.topics)
            #expect(shared.topicEvidence == alone.topicEvidence)
            #expect(shared.summary == alone.summary)
            #expect(shared.countries == alone.countries)
        }
        #expect(!memo.words.isEmpty && memo.readings.contains { $0 != nil } && memo.countryHeads.contains { $0 != nil }
                && memo.forms.contains { $0 != nil } && memo.summaryStems.contains { $0 != .unknown })
    }

    @Test("a word is numbered once, and its forms and summary stem are found once and then reused")
    func remembers() {
        let memo = WordMemo()
        let energy = memo.number(of: "بالطاقة")
        #expect(memo.number(of: "بالطاقة") == energy && memo.number(of: "الطاقة") != energy)
        let first = memo.forms(of: energy, phrasesByFirst: [:])
        #expect(memo.forms(of: energy, phrasesByFirst: [:]).stems == first.stems)
        #expect(memo.forms.compactMap { $0 }.count == 1)
        let stopwords = Stopwords(words: ["في"])
        #expect(memo.summaryStem(of: "في", stopwords: stopwords) == nil)
        let stem = memo.summaryStem(of: "الطاقات", stopwords: stopwords)
        #expect(stem != nil)
        // Another word with the same stem gets the same number; a different stem another.
        #expect(memo.summaryStem(of: "والطاقات", stopwords: stopwords) == stem)
        #expect(memo.summaryStem(of: "المعادن", stopwords: stopwords) != stem)
        #expect(memo.stemNumbers.count == 2)
    }

    @Test("past its capacity the memo forgets, between articles only")
    func forgetsBetweenArticles() {
        let memo = WordMemo()
        for k in 0..<WordMemo.capacity { _ = memo.number(of: "w\(k)") }
        let number = memo.number(of: "الطاقة")
        #expect(memo.words[Int(number)] == "الطاقة")
        memo.startArticle()
        #expect(memo.words.isEmpty && memo.readings.isEmpty && memo.stemNumbers.isEmpty)
    }
}
