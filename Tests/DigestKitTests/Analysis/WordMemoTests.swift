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
        #expect(!memo.readings.isEmpty && !memo.countryHeads.isEmpty && !memo.forms.isEmpty && !memo.summaryStems.isEmpty)
    }

    @Test("a word's forms and summary stem are found once and then reused")
    func remembers() {
        let memo = WordMemo()
        let first = memo.forms(of: "بالطاقة", phrasesByFirst: [:])
        #expect(memo.forms(of: "بالطاقة", phrasesByFirst: [:]).stems == first.stems)
        #expect(memo.forms.count == 1)
        let stopwords = Stopwords(words: ["في"])
        #expect(memo.summaryStem(of: "في", stopwords: stopwords) == nil)
        let energy = memo.summaryStem(of: "الطاقات", stopwords: stopwords)
        #expect(energy != nil)
        // Another word with the same stem gets the same number; a different stem another.
        #expect(memo.summaryStem(of: "والطاقات", stopwords: stopwords) == energy)
        #expect(memo.summaryStem(of: "المعادن", stopwords: stopwords) != energy)
        #expect(memo.summaryStems.count == 4 && memo.stemNumbers.count == 2)
    }
}
