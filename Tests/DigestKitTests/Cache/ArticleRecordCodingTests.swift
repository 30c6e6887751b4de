import Foundation
import Testing
@testable import DigestKit

/// `ArticleRecordCoding`, the article cache's records written field by field: a record comes
/// back with every field, a light read leaves out only the text and the evidence, and bytes
/// that are not what was written are an error, never a crash.
@Suite("Article record coding")
struct ArticleRecordCodingTests {
    static var fullRecord: ArticleCache.Record {
        var plain = AnalyzedArticle(article: Article(path: "b.txt", slug: "b", title: "", blocks: []),
                                    countries: CountryTags(), topics: [], topicEvidence: [:], summary: [])
        plain.article.published = ArticleDate(year: 2024, month: 1, day: 31)
        let entry = ArticleCache.Entry(key: "k1", articles: [BinaryCoderTests.fullArticle, plain],
                                       diagnostics: [.warning("w", file: "a.txt", line: 2, column: 5), .error("e")])
        return ArticleCache.Record(path: "a.txt", entry: entry)
    }

    static func decode(_ bytes: [UInt8], light: Bool = false) throws -> ArticleCache.Record {
        try bytes.withUnsafeBytes { try ArticleRecordCoding.decode($0, light: light) }
    }

    @Test("a record with every field of every type set comes back as it went in")
    func fullRecordRoundTrips() throws {
        let record = Self.fullRecord
        let back = try Self.decode(ArticleRecordCoding.encode(record))
        #expect(back.path == record.path)
        #expect(back.entry.key == record.entry.key)
        #expect(back.entry.diagnostics == record.entry.diagnostics)
        #expect(back.entry.articles.count == 2)
        for (a, b) in zip(back.entry.articles, record.entry.articles) { BinaryCoderTests.expectSame(a, b) }
        #expect(back.entry.articles[0].countries.evidence["KR"]?.score.sign == .minus)
        #expect(back.entry.articles[0].article.commentary?.firstLine == 4)
    }

    @Test("every analysed seed article comes back as it went in, and as the Codable coder gives it")
    func seedRecordsRoundTrip() throws {
        for (path, entry) in try BinaryCoderTests.analysedSeedsByPath() {
            let record = ArticleCache.Record(path: path, entry: entry)
            let back = try Self.decode(ArticleRecordCoding.encode(record))
            let viaCodable = try BinaryDecoder().decode(ArticleCache.Record.self, from: try BinaryEncoder().encode(record))
            #expect(back.path == path)
            #expect(back.entry.key == entry.key)
            #expect(back.entry.diagnostics == entry.diagnostics)
            #expect(back.entry.articles.count == entry.articles.count)
            for (a, b) in zip(back.entry.articles, entry.articles) { BinaryCoderTests.expectSame(a, b) }
            for (a, b) in zip(back.entry.articles, viaCodable.entry.articles) { BinaryCoderTests.expectSame(a, b) }
        }
    }

    @Test("a light read gives every field but the articles' blocks and the evidence of their tags")
    func lightReadLeavesOutTextAndEvidence() throws {
        let record = Self.fullRecord
        let light = try Self.decode(ArticleRecordCoding.encode(record), light: true)
        let full = record.entry.articles[0], read = light.entry.articles[0]
        #expect(read.article.blocks.isEmpty)
        #expect(read.countries.evidence.isEmpty)
        #expect(read.topicEvidence.isEmpty)
        var expected = full
        expected.article.blocks = []
        expected.countries.evidence = [:]
        expected.topicEvidence = [:]
        BinaryCoderTests.expectSame(read, expected)
        #expect(light.entry.diagnostics == record.entry.diagnostics)
    }

    @Test("equal records give equal bytes, whatever order their dictionaries hold their keys in")
    func bytesAreDeterministic() {
        var a = Self.fullRecord, b = Self.fullRecord
        a.entry.articles[0].topicEvidence = ["x": Evidence(words: [], places: [], score: 1), "y": Evidence(words: [], places: [], score: 2)]
        b.entry.articles[0].topicEvidence = ["y": Evidence(words: [], places: [], score: 2), "x": Evidence(words: [], places: [], score: 1)]
        #expect(ArticleRecordCoding.encode(a) == ArticleRecordCoding.encode(b))
    }

    /// The coder writes each type's fields one by one: a field added to one of them must be
    /// added to the coder (and the cache's format bumped), or the cache would drop it.
    @Test("the coder knows every stored property of the types a record holds")
    func everyStoredPropertyIsKnown() throws {
        func fields(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        let article = BinaryCoderTests.fullArticle
        #expect(fields(article) == ["article", "countries", "topics", "topicEvidence", "summary", "related"])
        #expect(fields(article.article) == ["path", "slug", "title", "titleIsDerived", "published", "updated", "source", "dateline",
                                            "editor", "url", "blocks", "frontMatter", "commentary", "markdownBody", "warnings"])
        #expect(fields(article.article.frontMatter) == ["title", "published", "updated", "source", "url", "author", "countries",
                                                        "topics", "summary", "slug", "draft"])
        #expect(fields(Commentary(markdown: "", file: "")) == ["markdown", "file", "firstLine", "title", "author", "published"])
        #expect(fields(article.countries) == ["primary", "mentioned", "evidence"])
        #expect(fields(Evidence(words: [], places: [], score: 0)) == ["words", "places", "score"])
        #expect(fields(try #require(ArticleDate(year: 2024, month: 1, day: 1))) == ["year", "month", "day", "secondsOfDay"])
        #expect(fields(Diagnostic.error("e")) == ["severity", "file", "line", "column", "message"])
        #expect(fields(Self.fullRecord.entry) == ["key", "articles", "diagnostics"])
    }

    @Test("bytes cut short at any length are a decoding error")
    func truncatedBytesThrow() {
        let bytes = ArticleRecordCoding.encode(Self.fullRecord)
        for length in 0..<bytes.count {
            for light in [false, true] {
                #expect(throws: DecodingError.self) { try Self.decode(Array(bytes.prefix(length)), light: light) }
            }
        }
        #expect(throws: DecodingError.self) { try Self.decode(bytes + [0]) }
    }

    @Test("random damage to the bytes and random bytes never crash the decoder")
    func randomDamageNeverCrashes() {
        let bytes = ArticleRecordCoding.encode(Self.fullRecord)
        var random = SeededRandom(seed: 11)
        for _ in 0..<3000 {
            var damaged = bytes
            for _ in 0...random.next(below: 4) {
                damaged[random.next(below: damaged.count)] = UInt8(truncatingIfNeeded: random.next(below: 256))
            }
            // Damage inside a string's text may still decode; the cache file's checksums catch that.
            _ = try? Self.decode(damaged)
            _ = try? Self.decode(damaged, light: true)
        }
        for _ in 0..<3000 {
            let noise = (0..<random.next(below: 64)).map { _ in UInt8(truncatingIfNeeded: random.next(below: 256)) }
            _ = try? Self.decode(noise)
        }
    }
}
