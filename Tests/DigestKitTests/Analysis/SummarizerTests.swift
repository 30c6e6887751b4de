import ArabicText
import Foundation
import Testing
@testable import DigestKit

@Suite("Summarizer")
struct SummarizerTests {
    /// A news article in the seeds' style: a lead, a quotation, background, a fragment and furniture.
    static let paragraphs = [
        "وقع الرئيس الكوري الجنوبي والرئيس الكازاخستاني اليوم اتفاقية شراكة في سلسلة توريد المعادن المهمة في العاصمة أستانا.",
        "وقال الرئيس الكوري في مؤتمر صحفي مشترك: «اتفق البلدان على تعزيز سلسلة توريد المعادن. سنعمل معا».",
        "وتمتلك كازاخستان احتياطيا كبيرا من اليورانيوم والكروم والتيتانيوم والمعادن الأرضية النادرة. مما يجعلها شريكا مهما لشركات صناعة البطاريات في كوريا.",
        "صور الزيارة",
        "وتدعو مذكرات التفاهم الأخرى إلى التنقيب المشترك عن مناجم الليثيوم وتطويرها والتعاون التكنولوجي بين القطاعين.",
        "The two presidents signed the agreement in Astana on Tuesday afternoon.",
        "وأضاف الوزير أن الاتفاق يشمل ما يلي:",
        "تابعونا على www.example.com وعلى تويتر @example للمزيد من الأخبار اليومية.",
        "وتهدف الاتفاقات إلى تطوير شراكة استراتيجية طويلة الأمد في مجال المعادن الحيوية بين البلدين.",
    ]

    static func allSentences() -> [String] { paragraphs.flatMap { SentenceSplitter.sentences($0) } }

    @Test("keeps the article's order and takes only whole sentences of it", arguments: SummaryMethod.allCases)
    func orderKept(method: SummaryMethod) {
        let all = Self.allSentences()
        let summary = Summarizer(budget: .ratio(0.6), method: method).summarize(title: "", paragraphs: Self.paragraphs)
        #expect(!summary.isEmpty)
        let places = summary.map { all.firstIndex(of: $0) }
        #expect(places.allSatisfy { $0 != nil }, "a summary sentence is not a sentence of the article")
        let indices = places.compactMap { $0 }
        #expect(indices == indices.sorted())
        #expect(Set(indices).count == indices.count)
    }

    @Test("keeps the default budget: at most three sentences and 60 words past the first")
    func budgetKept() {
        let summary = Summarizer(budget: SummaryBudget(sentences: 3, words: 60)).summarize(title: "", paragraphs: Self.paragraphs)
        #expect((1...3).contains(summary.count))
        let words = summary.map { Tokenizer.words($0).count }
        #expect(words.reduce(0, +) <= 60 || summary.count == 1)
        #expect(words[0] <= 120)
    }

    @Test("a word budget is kept for every method", arguments: SummaryMethod.allCases, [25, 40, 80])
    func wordBudget(method: SummaryMethod, words: Int) {
        let summary = Summarizer(budget: SummaryBudget(sentences: .max, words: words), method: method)
            .summarize(title: "", paragraphs: Self.paragraphs)
        let counts = summary.map { Tokenizer.words($0).count }
        // The first sentence may run over, up to twice the budget; the rest must fit.
        #expect(counts.count <= 1 || counts.reduce(0, +) <= words)
        #expect(counts.allSatisfy { $0 <= 2 * words })
    }

    @Test("a ratio budget grows with the share of the article")
    func ratioBudget() {
        let summarizer = { (ratio: Double) in Summarizer(budget: .ratio(ratio)).summarize(title: "", paragraphs: Self.paragraphs) }
        let total = Self.allSentences().map { Tokenizer.words($0).count }.reduce(0, +)
        let small = summarizer(0.2).map { Tokenizer.words($0).count }.reduce(0, +)
        let large = summarizer(0.8).map { Tokenizer.words($0).count }.reduce(0, +)
        #expect(small < large)
        #expect(large <= Int((0.8 * Double(total)).rounded()))
    }

    @Test("never takes fragments, other-language sentences, introductions or furniture, even with room for all")
    func neverPicks() {
        let summary = Summarizer(budget: SummaryBudget(sentences: 20, words: 1000)).summarize(title: "", paragraphs: Self.paragraphs)
        #expect(!summary.contains("صور الزيارة"))
        #expect(!summary.contains { $0.hasPrefix("The two presidents") })
        #expect(!summary.contains { $0.hasSuffix(":") })
        #expect(!summary.contains { $0.contains("www.") })
        #expect(summary.allSatisfy { Tokenizer.words($0).count >= 5 })
        #expect(summary.count == 6, "every other sentence of the article should fit this budget: \(summary)")
    }

    @Test("takes a sentence with a web address, a handle or an e-mail in any case for furniture")
    func addresses() {
        for text in ["تابعونا على WWW.Example.com", "الرابط HtTpS://x.y", "راسلونا على info@example.com"] {
            #expect(SummarySentence.containsAddress(text), "\(text)")
        }
        for text in ["وقال الوزير إن العلاقات جيدة", "ww.x", "htp", "W"] {
            #expect(!SummarySentence.containsAddress(text), "\(text)")
        }
    }

    @Test("finds an address wherever it stands in the bytes, across every eight-byte boundary")
    func addressesAtEveryPlace() {
        let alphabet = Array("بxHhTtPpWw.@` ".unicodeScalars)
        var random = SeededRandom(seed: 0x40)
        for _ in 0..<20_000 {
            let text = random.text(random.next(below: 24) + 1, from: alphabet)
            let lower = text.lowercased()
            let expected = lower.contains("@") || lower.contains("http") || lower.contains("www.")
            #expect(SummarySentence.containsAddress(text) == expected, "\(text)")
        }
    }

    @Test("overlap with the title lifts a later sentence about the title's subject")
    func titleOverlap() {
        let paragraphs = [
            "عقد مجلس الوزراء اجتماعه الأسبوعي اليوم في القصر الحكومي برئاسة رئيس الوزراء.",
            "وناقش المجلس خلال الاجتماع عددا من الملفات الاقتصادية والخدمية المطروحة على جدول الأعمال.",
            "وأقر المجلس اتفاقية التعاون مع كازاخستان في مجال التنقيب عن المعادن النادرة.",
            "كما استعرض المجلس تقارير الوزارات عن سير العمل في المشاريع الجارية في المحافظات.",
        ]
        var summarizer = Summarizer(budget: SummaryBudget(sentences: 2, words: 200))
        summarizer.weights.position = 0.3
        summarizer.weights.title = 0.5
        let untitled = summarizer.summarize(title: "", paragraphs: paragraphs)
        let titled = summarizer.summarize(title: "اتفاقية مع كازاخستان للتنقيب عن المعادن", paragraphs: paragraphs)
        #expect(!untitled.contains(paragraphs[2]), "\(untitled)")
        #expect(titled.contains(paragraphs[2]), "\(titled)")
    }

    @Test("never repeats the title or takes a sentence twice")
    func noRepeats() {
        let headline = "انعقاد أول مباحثات رسمية بين وزيري الصناعة الكوري والياباني منذ 6 أعوام"
        let body = "عقد وزيرا الصناعة الكوري الجنوبي والياباني مباحثات في العاصمة اليابانية طوكيو اليوم."
        let summary = Summarizer(budget: SummaryBudget(sentences: 3, words: 200))
            .summarize(title: headline, paragraphs: [headline, body, body])
        #expect(summary == [body])
    }

    @Test("an article of fragments only has no extracted summary")
    func fragmentsOnly() {
        #expect(Summarizer(budget: SummaryBudget(sentences: 3, words: 60)).summarize(title: "عنوان", paragraphs: ["صور", "فيديو الزيارة"]).isEmpty)
        #expect(Summarizer(budget: SummaryBudget(sentences: 3, words: 60)).summarize(title: "", paragraphs: []).isEmpty)
    }

    @Test("the same article gives the same summary every time")
    func deterministic() {
        let summarizer = Summarizer(budget: .ratio(0.5))
        let first = summarizer.summarize(title: "", paragraphs: Self.paragraphs)
        for _ in 0..<5 { #expect(summarizer.summarize(title: "", paragraphs: Self.paragraphs) == first) }
    }

    @Test("the similarities of every pair of sentences are each pair's cosine, to the last bit")
    func cosinesAreThePairsCosines() {
        // Seeded sets of sentences as stem numbers: repeats, shared stems, empty sentences.
        var numbers = SeededNumbers()
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        for _ in 0..<200 {
            let stems = (0..<(1 + next(12))).map { _ in (0..<next(9)).map { _ in Int32(next(15)) } }
            let vectors = TermVectors(stems)
            let matrix = vectors.cosines()
            for i in stems.indices {
                #expect(matrix[i, i] == 0)
                for j in stems.indices where j != i {
                    #expect(matrix[i, j].bitPattern == vectors.cosine(min(i, j), max(i, j)).bitPattern, "\(stems) \(i) \(j)")
                }
            }
        }
    }
}
