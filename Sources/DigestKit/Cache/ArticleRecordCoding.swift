import Foundation

/// The bytes of an article cache record (`ArticleCache.Record`), written and read field by
/// field. Decoding 10,000 records through `Codable` (`BinaryDecoder`: keyed containers,
/// protocol witnesses, a class per value) was most of a rebuild that changed nothing.
///
/// A record: its path, its entry's key, its diagnostics, then its articles. Each article is
/// what a build reads of it (`AnalyzedArticle` but for the fields below), then the byte
/// length of the rest and the rest: the article's blocks and the evidence of its tags, which
/// only pages rendered again need (`ArticleCache.fullArticles`), so a light read steps over
/// them. Strings are a varint length and UTF-8; integers zigzag varints; an optional is a
/// byte (0 none, 1 some) before its value; dictionaries go in key order, so equal entries
/// give equal bytes.
///
/// A field added to a type the cache holds must be added here and the cache's format bumped
/// (`ArticleCache.format`); the tests count each type's stored properties to catch one missed.
enum ArticleRecordCoding {
    static func encode(_ record: ArticleCache.Record) -> [UInt8] {
        var writer = RecordWriter()
        writer.string(record.path)
        writer.string(record.entry.key)
        writer.count(record.entry.diagnostics.count)
        for diagnostic in record.entry.diagnostics { writer.diagnostic(diagnostic) }
        writer.count(record.entry.articles.count)
        for article in record.entry.articles { writer.analyzed(article) }
        return writer.bytes
    }

    /// The record in `bytes`; `light` leaves the articles' blocks and evidence empty.
    /// Bytes of another shape, cut short or garbled are a `DecodingError`, never a crash.
    static func decode(_ bytes: UnsafeRawBufferPointer, light: Bool = false) throws -> ArticleCache.Record {
        var reader = RecordReader(bytes: bytes)
        let path = try reader.string()
        let key = try reader.string()
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count()) { diagnostics.append(try reader.diagnostic()) }
        let count = try reader.count()
        var articles: [AnalyzedArticle] = []
        articles.reserveCapacity(count)
        for _ in 0..<count { articles.append(try reader.analyzed(light: light)) }
        guard reader.offset == bytes.count else { throw RecordReader.corrupt("there are bytes after its value") }
        return ArticleCache.Record(path: path, entry: ArticleCache.Entry(key: key, articles: articles, diagnostics: diagnostics))
    }
}

struct RecordWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) { BinaryWriter.appendVarint(value, to: &bytes) }
    mutating func count(_ value: Int) { varint(UInt64(value)) }
    mutating func int(_ value: Int) {
        let value = Int64(value)
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func double(_ value: Double) { BinaryWriter.appendFixed(value.bitPattern, to: &bytes) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout RecordWriter, T) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        write(&self, value)
    }

    mutating func diagnostic(_ value: Diagnostic) {
        bytes.append(value.severity == .error ? 0 : 1)
        optional(value.file) { $0.string($1) }
        optional(value.line) { $0.int($1) }
        optional(value.column) { $0.int($1) }
        string(value.message)
    }

    mutating func date(_ value: ArticleDate) {
        int(value.year)
        int(value.month)
        int(value.day)
        optional(value.secondsOfDay) { $0.int($1) }
    }

    mutating func commentary(_ value: Commentary) {
        string(value.markdown)
        string(value.file)
        int(value.firstLine)
        optional(value.title) { $0.string($1) }
        optional(value.author) { $0.string($1) }
        optional(value.published) { $0.date($1) }
    }

    mutating func frontMatter(_ value: FrontMatter) {
        optional(value.title) { $0.string($1) }
        optional(value.published) { $0.date($1) }
        optional(value.updated) { $0.date($1) }
        optional(value.source) { $0.string($1) }
        optional(value.url) { $0.string($1) }
        optional(value.author) { $0.string($1) }
        optional(value.countries) { $0.strings($1) }
        optional(value.topics) { $0.strings($1) }
        optional(value.summary) { $0.strings($1) }
        optional(value.slug) { $0.string($1) }
        bool(value.draft)
    }

    mutating func evidence(_ value: [String: Evidence]) {
        count(value.count)
        for (name, evidence) in value.sorted(by: { $0.key < $1.key }) {
            string(name)
            strings(evidence.words)
            strings(evidence.places)
            double(evidence.score)
        }
    }

    mutating func block(_ value: Block) {
        switch value {
        case .paragraph(let text):
            bytes.append(0)
            string(text)
        case .heading(let text):
            bytes.append(1)
            string(text)
        case .quote(let text, let language):
            bytes.append(2)
            string(text)
            string(language)
        }
    }

    /// The light fields, then the length of the heavy ones and the heavy ones.
    mutating func analyzed(_ value: AnalyzedArticle) {
        let article = value.article
        string(article.path)
        string(article.slug)
        string(article.title)
        bool(article.titleIsDerived)
        optional(article.published) { $0.date($1) }
        optional(article.updated) { $0.date($1) }
        optional(article.source) { $0.string($1) }
        optional(article.dateline) { $0.string($1) }
        optional(article.editor) { $0.string($1) }
        optional(article.url) { $0.string($1) }
        frontMatter(article.frontMatter)
        optional(article.commentary) { $0.commentary($1) }
        optional(article.markdownBody) { $0.commentary($1) }
        count(article.warnings.count)
        for warning in article.warnings { diagnostic(warning) }
        strings(value.countries.primary)
        strings(value.countries.mentioned)
        strings(value.topics)
        strings(value.summary)
        strings(value.related)

        var heavy = RecordWriter()
        heavy.count(article.blocks.count)
        for block in article.blocks { heavy.block(block) }
        heavy.evidence(value.countries.evidence)
        heavy.evidence(value.topicEvidence)
        count(heavy.bytes.count)
        bytes.append(contentsOf: heavy.bytes)
    }
}

/// Reads what `RecordWriter` wrote; every read is checked against the end of the bytes.
struct RecordReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    static func corrupt(_ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: message))
    }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Self.corrupt("it ends in the middle of a value") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try self.byte()
            guard shift < 63 || (shift == 63 && byte <= 1) else { throw Self.corrupt("a number in it is too long") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// A count of things still to read, each at least a byte long: no larger than what is left.
    mutating func count() throws -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - offset) else { throw Self.corrupt("a count in it is larger than what follows") }
        return Int(value)
    }

    mutating func int() throws -> Int {
        let zigzag = try varint()
        return Int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Self.corrupt("a flag in it is neither 0 nor 1")
        }
    }

    mutating func double() throws -> Double {
        guard bytes.count - offset >= 8 else { throw Self.corrupt("it ends in the middle of a value") }
        defer { offset += 8 }
        return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
    }

    /// Not `String(validating:)`, which is much slower: bytes that are not UTF-8 are
    /// repaired instead, and the cache file's checksums keep damaged bytes from reaching here.
    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
    }

    mutating func strings() throws -> [String] {
        let count = try self.count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func optional<T>(_ read: (inout RecordReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func diagnostic() throws -> Diagnostic {
        let severity: Diagnostic.Severity
        switch try byte() {
        case 0: severity = .error
        case 1: severity = .warning
        default: throw Self.corrupt("a diagnostic in it has an unknown severity")
        }
        let file = try optional { try $0.string() }
        let line = try optional { try $0.int() }
        let column = try optional { try $0.int() }
        return Diagnostic(severity, file: file, line: line, column: column, try string())
    }

    mutating func date() throws -> ArticleDate {
        let year = try int(), month = try int(), day = try int()
        let seconds = try optional { try $0.int() }
        guard var date = ArticleDate(year: year, month: month, day: day) else { throw Self.corrupt("a date in it is not a day of the calendar") }
        date.secondsOfDay = seconds
        return date
    }

    mutating func commentary() throws -> Commentary {
        var value = Commentary(markdown: try string(), file: try string(), firstLine: try int())
        value.title = try optional { try $0.string() }
        value.author = try optional { try $0.string() }
        value.published = try optional { try $0.date() }
        return value
    }

    mutating func frontMatter() throws -> FrontMatter {
        var value = FrontMatter()
        value.title = try optional { try $0.string() }
        value.published = try optional { try $0.date() }
        value.updated = try optional { try $0.date() }
        value.source = try optional { try $0.string() }
        value.url = try optional { try $0.string() }
        value.author = try optional { try $0.string() }
        value.countries = try optional { try $0.strings() }
        value.topics = try optional { try $0.strings() }
        value.summary = try optional { try $0.strings() }
        value.slug = try optional { try $0.string() }
        value.draft = try bool()
        return value
    }

    mutating func evidence() throws -> [String: Evidence] {
        let count = try self.count()
        var values: [String: Evidence] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let name = try string()
            values[name] = Evidence(words: try strings(), places: try strings(), score: try double())
        }
        return values
    }

    mutating func block() throws -> Block {
        switch try byte() {
        case 0: return .paragraph(try string())
        case 1: return .heading(try string())
        case 2: return .quote(try string(), language: try string())
        default: throw Self.corrupt("a block in it has an unknown kind")
        }
    }

    mutating func analyzed(light: Bool) throws -> AnalyzedArticle {
        var article = Article(path: try string(), slug: try string(), title: try string(), blocks: [])
        article.titleIsDerived = try bool()
        article.published = try optional { try $0.date() }
        article.updated = try optional { try $0.date() }
        article.source = try optional { try $0.string() }
        article.dateline = try optional { try $0.string() }
        article.editor = try optional { try $0.string() }
        article.url = try optional { try $0.string() }
        article.frontMatter = try frontMatter()
        article.commentary = try optional { try $0.commentary() }
        article.markdownBody = try optional { try $0.commentary() }
        let warnings = try count()
        for _ in 0..<warnings { article.warnings.append(try diagnostic()) }
        let primary = try strings(), mentioned = try strings()
        let topics = try strings(), summary = try strings(), related = try strings()

        let heavyLength = try count()
        let heavyEnd = offset + heavyLength
        var countryEvidence: [String: Evidence] = [:], topicEvidence: [String: Evidence] = [:]
        if light {
            offset = heavyEnd
        } else {
            let blocks = try count()
            article.blocks.reserveCapacity(blocks)
            for _ in 0..<blocks { article.blocks.append(try block()) }
            countryEvidence = try evidence()
            topicEvidence = try evidence()
            guard offset == heavyEnd else { throw Self.corrupt("an article's text in it is not as long as it says") }
        }
        var analyzed = AnalyzedArticle(article: article, countries: CountryTags(primary: primary, mentioned: mentioned, evidence: countryEvidence),
                                       topics: topics, topicEvidence: topicEvidence, summary: summary)
        analyzed.related = related
        return analyzed
    }
}
