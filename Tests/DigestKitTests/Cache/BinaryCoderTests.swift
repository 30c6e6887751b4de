import Foundation
import Testing
@testable import DigestKit

/// `BinaryEncoder` and `BinaryDecoder`, the build cache's format: every type the cache holds
/// comes back as it went in, and bytes that are not what was written are an error, never a crash.
@Suite("Binary coder")
struct BinaryCoderTests {
    /// The default seeds, parsed and analysed as a build does, with the diagnostics of each.
    static func analysedSeeds() throws -> [ArticleCache.Entry] {
        var diagnostics = Diagnostics()
        let files = ContentLoader.files(in: Repository.seeds, diagnostics: &diagnostics)
        let stages = try defaultStages(SiteConfig())
        return try ArticleUnit.group(files).units.map { try stages.analyse($0, key: $0.contentKey) }
    }

    /// The seeds' cache entries under made-up paths.
    static func analysedSeedsByPath() throws -> [String: ArticleCache.Entry] {
        var byPath: [String: ArticleCache.Entry] = [:]
        for (i, entry) in try analysedSeeds().enumerated() { byPath["article-\(i).txt"] = entry }
        return byPath
    }

    /// Content and Analysis with the built-in resources, as a build with `config` runs them.
    static func defaultStages(_ config: SiteConfig) throws -> IncrementalAnalysis {
        IncrementalAnalysis(
            parser: ContentParser(rules: try BuiltInResources.contentRules(config: config)),
            analyzer: Analyzer(gazetteer: try BuiltInResources.gazetteer(config: config),
                               taxonomy: try BuiltInResources.taxonomy(config: config),
                               budget: SummaryBudget(sentences: 3, words: 60)))
    }

    /// An article with every field the cache keeps set, each kind of block, and a warning.
    static var fullArticle: AnalyzedArticle {
        var article = Article(path: "full.txt", slug: "full", title: "عنوان كامل",
                              blocks: [.paragraph("فقرة."), .heading("عنوان فرعي"), .quote("An English post.", language: "en")])
        article.titleIsDerived = true
        article.published = ArticleDate(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 60)
        article.updated = ArticleDate(year: 2024, month: 3, day: 1)
        article.source = "وكالة"
        article.dateline = "أستانا"
        article.editor = "محرر"
        article.url = "https://example.com/x?a=1&b=2"
        article.frontMatter.title = "عنوان المحرر"
        article.frontMatter.published = ArticleDate(year: 1, month: 1, day: 1)
        article.frontMatter.countries = []
        article.frontMatter.topics = ["energy"]
        article.frontMatter.summary = ["", "جملة"]
        article.frontMatter.draft = true
        var commentary = Commentary(markdown: "**رأي**\n", file: "full.md", firstLine: 4)
        commentary.author = "كاتب"
        article.commentary = commentary
        article.markdownBody = Commentary(markdown: "", file: "full.md")
        article.warnings = [.warning("تحذير", file: "full.txt", line: 3, column: nil), .error("e")]
        var analysed = AnalyzedArticle(
            article: article,
            countries: CountryTags(primary: ["KZ", "KR"], mentioned: ["KR", "KZ"],
                                   evidence: ["KZ": Evidence(words: ["كازاخستان"], places: ["title", "body"], score: 2.5),
                                              "KR": Evidence(words: [], places: [], score: -0.0)]),
            topics: ["energy"], topicEvidence: ["energy": Evidence(words: ["نفط"], places: ["lead"], score: .pi)],
            summary: ["جملة أولى.", "جملة ثانية."])
        analysed.related = ["a", "b"]
        return analysed
    }

    static func expectSame(_ a: AnalyzedArticle, _ b: AnalyzedArticle) {
        #expect(a.article == b.article)
        #expect(a.article.published?.secondsOfDay == b.article.published?.secondsOfDay)
        #expect(a.countries == b.countries)
        #expect(a.topics == b.topics)
        #expect(a.topicEvidence == b.topicEvidence)
        #expect(a.summary == b.summary)
        #expect(a.related == b.related)
    }

    @Test("every analysed seed article comes back from the binary form as it went in")
    func seedArticlesRoundTrip() throws {
        let entries = try Self.analysedSeeds()
        #expect(entries.count >= 5)
        for entry in entries {
            let bytes = try BinaryEncoder().encode(ArticleCache.Record(path: "p", entry: entry))
            let back = try BinaryDecoder().decode(ArticleCache.Record.self, from: bytes).entry
            #expect(back.key == entry.key)
            #expect(back.diagnostics == entry.diagnostics)
            #expect(back.articles.count == entry.articles.count)
            for (a, b) in zip(back.articles, entry.articles) { Self.expectSame(a, b) }
        }
    }

    @Test("an article with every optional field set, quotes and evidence comes back as it went in")
    func fullArticleRoundTrips() throws {
        let article = Self.fullArticle
        let back = try BinaryDecoder().decode(AnalyzedArticle.self, from: try BinaryEncoder().encode(article))
        Self.expectSame(back, article)
        #expect(back.countries.evidence["KR"]?.score.sign == .minus)
    }

    indirect enum Shape: Codable, Equatable {
        case empty
        case point(x: Int, y: Int?)
        case named(String, tags: [String: Int]?)
        case nested(Shape?, [Shape])
    }

    struct Everything: Codable, Equatable {
        var small: Int8 = -128
        var large: UInt64 = .max
        var negative: Int64 = .min
        var float: Float = 1.5
        var nothing: String? = nil
        var something: Int? = 0
        var list: [Int?] = [1, nil, -3]
        var byNumber: [Int: String] = [3: "three", -1: "minus one"]
        var byName: [String: [Double]] = ["": [], "x": [.infinity, -0.5]]
        var shapes: [Shape] = [.empty, .point(x: 1, y: nil), .named("", tags: ["a": 1]),
                               .nested(.point(x: -2, y: 7), [.named("n", tags: nil), .nested(nil, [])])]
        var text = "نص عربي\u{0}مع\nسطرين 🌍"
    }

    @Test("optionals, enums with associated values and dictionaries keyed by strings and numbers round trip")
    func codableShapesRoundTrip() throws {
        let value = Everything()
        let back = try BinaryDecoder().decode(Everything.self, from: try BinaryEncoder().encode(value))
        #expect(back == value)
        #expect(try BinaryDecoder().decode([String].self, from: try BinaryEncoder().encode([String]())) == [])
        #expect(try BinaryDecoder().decode(String?.self, from: try BinaryEncoder().encode(String?.none)) == nil)
    }

    struct Older: Codable { var name: String; var count: Int }
    struct Newer: Codable { var name: String; var count: String }
    struct Renamed: Codable { var title: String; var count: Int }

    @Test("bytes of another shape are a decoding error, not a guess")
    func otherShapeThrows() throws {
        let bytes = try BinaryEncoder().encode(Older(name: "a", count: 1))
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Newer.self, from: bytes) }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Renamed.self, from: bytes) }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode([Older].self, from: bytes) }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(AnalyzedArticle.self, from: bytes) }
    }

    @Test("bytes cut short at any length are a decoding error")
    func truncatedBytesThrow() throws {
        let bytes = try BinaryEncoder().encode(Self.fullArticle)
        for length in 0..<bytes.count {
            #expect(throws: DecodingError.self) { try BinaryDecoder().decode(AnalyzedArticle.self, from: Array(bytes.prefix(length))) }
        }
    }

    @Test("random damage to the bytes never crashes the decoder")
    func randomDamageNeverCrashes() throws {
        let bytes = try BinaryEncoder().encode(Self.fullArticle)
        var random = SeededRandom(seed: 42)
        for _ in 0..<3000 {
            var damaged = bytes
            for _ in 0...random.next(below: 4) {
                damaged[random.next(below: damaged.count)] = UInt8(truncatingIfNeeded: random.next(below: 256))
            }
            // Damage inside a string's text may still decode; the cache file's checksums catch that.
            _ = try? BinaryDecoder().decode(AnalyzedArticle.self, from: damaged)
        }
        for _ in 0..<3000 {
            let noise = (0..<random.next(below: 64)).map { _ in UInt8(truncatingIfNeeded: random.next(below: 256)) }
            _ = try? BinaryDecoder().decode(Everything.self, from: noise)
        }
    }

    /// Writes to a nested container after its parent moved on, which a byte stream cannot hold.
    struct OutOfOrder: Encodable {
        enum Keys: String, CodingKey { case a, b }
        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: Keys.self)
            var inner = outer.nestedContainer(keyedBy: Keys.self, forKey: .a)
            try outer.encode(1, forKey: .b)
            try inner.encode(2, forKey: .a)
        }
    }

    @Test("a container written to after its parent moved on is an encoding error")
    func outOfOrderWritesThrow() {
        #expect(throws: EncodingError.self) { try BinaryEncoder().encode(OutOfOrder()) }
    }
}

/// SplitMix64: the same damage on every run, so a failure can be replayed.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
    }

    /// `count` scalars drawn from `alphabet`.
    mutating func text(_ count: Int, from alphabet: [Unicode.Scalar]) -> String {
        String(String.UnicodeScalarView((0..<count).map { _ in alphabet[next(below: alphabet.count)] }))
    }
}
