import ArabicText
import Foundation
import Testing
@testable import DigestKit

@Suite("Search index")
struct SearchIndexTests {
    func index(_ digest: Digest) -> SearchPostings { SearchPostings(SearchCorpus(digest: digest)) }

    /// The documents a key's postings list.
    func documents(_ list: [(document: Int, frequency: Double, length: Double)]?) -> [Int] {
        list?.map(\.document) ?? []
    }

    /// A digest whose articles each have words of their own besides the fixture's, so its
    /// index has many keys and, with small shards, many shards.
    static func varied(count: Int) -> Digest {
        var digest = DiscoveryFixtures.digest(count: count)
        let letters = Array("بتثجحخدذرزسشصضطظعغفقكلمنهي")
        for i in digest.articles.indices {
            let words = (0..<12).map { k in String((0..<5).map { letters[(i * 7 + k * 13 + $0 * ($0 + i + k)) % letters.count] }) }
            digest.articles[i].article.blocks.append(.paragraph(words.joined(separator: " ")))
        }
        return digest
    }

    /// The text of one of the files every query needs (`SearchIndex.queryFiles`).
    static func queryFile(_ path: String, of digest: Digest) throws -> String {
        let index = SearchIndex(digest: digest, dates: try Build.dateDisplay(SiteConfig()))
        let file = try #require(index.queryFiles().first { $0.path == path })
        return String(decoding: file.bytes, as: UTF8.self)
    }

    /// The index's files by path, with term shards of about 250 bytes: many shards for a small digest.
    static func smallShardFiles(_ digest: Digest, dates: DateDisplay) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: SearchIndex(digest: digest, dates: dates, shardBytes: 250).files().map { ($0.path, $0.bytes) })
    }

    @Test("files a word under its stem and a clitic form under the attested word without the clitic")
    func cliticsAreFiledUnderTheWord() {
        var digest = DiscoveryFixtures.digest(count: 3)
        digest.articles[2].article.blocks = [.paragraph("زار الرئيس بكين أمس ثم عاد لكازاخستان")]
        let postings = index(digest)
        #expect(documents(postings.list(of: SearchKeys.primary("كازاخستان"))) == [0, 1, 2])
        #expect(postings.list(of: "بناء") == nil)
        // `بكين` has no proclitic reading attested elsewhere in this digest: not filed under `كين`.
        #expect(postings.list(of: "كين") == nil)
    }

    @Test("scores a document whose title has the word above one that only has it in the body")
    func titlesWeighMore() throws {
        var digest = DiscoveryFixtures.digest(count: 2)
        digest.articles[0].article.title = "خبر عن الطاقة"
        digest.articles[0].article.blocks = [.paragraph("نص قصير عن أمر آخر")]
        digest.articles[1].article.title = "خبر آخر"
        digest.articles[1].article.blocks = [.paragraph("نص قصير عن الطاقة")]
        for i in 0..<2 { digest.articles[i].summary = [] }
        let postings = index(digest)
        let list = try #require(postings.list(of: SearchKeys.primary(ArabicNormalizer.normalize("الطاقة"))))
        #expect(documents(list) == [0, 1])
        let average = Double(postings.totalLength) / 2 / 2
        let scores = list.map {
            SearchPostings.score(frequency: $0.frequency, length: $0.length, documentFrequency: list.count, documents: 2, averageLength: average)
        }
        #expect(scores[0] > scores[1], "title score \(scores[0]) is not above body score \(scores[1])")
    }

    @Test("keeps each posting's weight, its attested alternates' added, and its document's length")
    func postingsHoldWeightsAndLengths() throws {
        var digest = DiscoveryFixtures.digest(count: 2)
        digest.articles[0].article.title = "الطاقة"
        digest.articles[0].article.blocks = [.paragraph("كازاخستان لكازاخستان")]
        digest.articles[0].summary = []
        let postings = index(digest)
        let list = try #require(postings.list(of: SearchKeys.primary("كازاخستان")))
        // The country's name (2), the word in the body (1) and the reading of `لكازاخستان` without `ل` (1).
        #expect(list[0].frequency == 2 + 1 + 1)
        #expect(list[0].length == 3 + 2 + 2 + 1 + 1, "the title, two country names and two words of the body")
        #expect(postings.list(of: SearchKeys.primary("لكازاخستان"))?.map(\.frequency) == [1])
    }

    @Test("the articles' terms read one chunk after the other are the ones read on every core, numbered the same")
    func termsReadOnOneThread() {
        let digest = Self.varied(count: 300)
        let (spread, serial) = (SearchCorpus(digest: digest), SearchCorpus(digest: digest, spread: false))
        #expect(serial.terms == spread.terms)
        #expect(serial.documents.map { "\($0)" } == spread.documents.map { "\($0)" })
    }

    @Test("splits terms into shards by the hash the script computes, a power of two of about 24 kB each")
    func shardsScaleWithTheIndex() throws {
        let small = SearchIndex(digest: DiscoveryFixtures.digest(count: 2), dates: try Build.dateDisplay(SiteConfig()))
        #expect(small.files().filter { $0.path.hasPrefix("search/terms/") }.count == 1)
        let digest = Self.varied(count: 60)
        let whole = SearchIndex(digest: digest, dates: try Build.dateDisplay(SiteConfig()), shardBytes: 1 << 30)
        let bytes = whole.files().filter { $0.path.hasPrefix("search/terms/") }.reduce(0) { $0 + $1.bytes.count }
        let sharded = SearchIndex(digest: digest, dates: try Build.dateDisplay(SiteConfig()), shardBytes: bytes / 5)
        #expect(sharded.termShardCount == 8)
        #expect(sharded.files().filter { $0.path.hasPrefix("search/terms/") }.count == 8)
        // FNV-1a 32 of "a" is 0xe40c292c: the value the JavaScript's Math.imul loop gives too.
        #expect(SearchIndex.shard(of: "a", count: 1 << 31) == 0xe40c292c % (1 << 31))
        #expect(SearchIndex.shard(of: "كازاخست", count: 7) < 7)
    }

    @Test("an edit of one article changes only the term shards its keys are in, the manifest and the lengths, and their hashes only")
    func anEditChangesItsShardsOnly() throws {
        var digest = Self.varied(count: 60)
        let dates = try Build.dateDisplay(SiteConfig())
        func files(_ digest: Digest) -> [String: [UInt8]] { Self.smallShardFiles(digest, dates: dates) }
        func hashes(_ digest: Digest) -> [UInt64] {
            let index = SearchIndex(digest: digest, dates: dates, shardBytes: 250)
            return index.termShardKeys().map(index.hash(ofTermShard:))
        }
        let before = files(digest), hashesBefore = hashes(digest)
        let edited = 17
        let keysBefore = Set(SearchCorpus(digest: digest).keys(of: edited))
        digest.articles[edited].article.blocks.append(.paragraph("وأضاف المتحدث أن التعاون سيتواصل بين البلدين"))
        let after = files(digest), hashesAfter = hashes(digest)
        let keys = keysBefore.union(SearchCorpus(digest: digest).keys(of: edited))
        let shards = before.keys.filter { $0.hasPrefix("search/terms/") }.count
        #expect(shards >= 64)
        let touched = Set(keys.map { SitePaths.searchTerms(Int(SearchIndex.shard(of: $0, count: shards))) })
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(changed.contains(SitePaths.searchManifest))
        #expect(changed.subtracting([SitePaths.searchManifest, SitePaths.searchLengths]).isSubset(of: touched))
        #expect(changed.count > 1 && changed.count < shards / 2, "\(changed.count) of \(shards) term shards changed")
        // What a rebuild keeps a shard by: its hash changed exactly where its bytes did.
        for number in 0..<shards {
            let path = SitePaths.searchTerms(number)
            #expect((hashesBefore[number] != hashesAfter[number]) == changed.contains(path), "\(path)")
        }
    }

    @Test("a sentence added to an article remakes only the term shards of the keys whose weight it changed")
    func anAddedSentenceChangesItsWordsShardsOnly() throws {
        var digest = Self.varied(count: 60)
        let dates = try Build.dateDisplay(SiteConfig())
        func files(_ digest: Digest) -> [String: [UInt8]] { Self.smallShardFiles(digest, dates: dates) }
        func weights(_ digest: Digest, _ index: Int) -> [String: UInt32] {
            let corpus = SearchCorpus(digest: digest)
            let document = corpus.documents[index]
            return Dictionary((document.tf + document.alternates).map { (corpus.terms[Int($0.0)], $0.1) }, uniquingKeysWith: +)
        }
        let edited = 23
        let before = files(digest), weightsBefore = weights(digest, edited)
        digest.articles[edited].article.blocks.append(.paragraph("وأضاف المتحدث أن التعاون سيتواصل"))
        let after = files(digest), weightsAfter = weights(digest, edited)
        let reweighted = Set(weightsBefore.keys).union(weightsAfter.keys).filter { weightsBefore[$0] != weightsAfter[$0] }
        let shards = before.keys.filter { $0.hasPrefix("search/terms/") }.count
        let ofReweighted = Set(reweighted.map { SitePaths.searchTerms(Int(SearchIndex.shard(of: $0, count: shards))) })
        let ofAllKeys = Set(weightsAfter.keys.map { SitePaths.searchTerms(Int(SearchIndex.shard(of: $0, count: shards))) })
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(changed.isSuperset(of: [SitePaths.searchManifest, SitePaths.searchLengths]), "the length and the average changed")
        let changedShards = changed.filter { $0.hasPrefix("search/terms/") }
        #expect(!changedShards.isEmpty && changedShards.isSubset(of: ofReweighted))
        #expect(ofReweighted.count < ofAllKeys.count, "\(ofReweighted.count) of the article's \(ofAllKeys.count) shards")
    }

    @Test("writes every document's length, doubled, in the order of the documents")
    func lengthsFileListsEveryDocument() throws {
        let digest = Self.varied(count: 9)
        let text = try Self.queryFile(SitePaths.searchLengths, of: digest)
        #expect(text.hasPrefix(#"DigestSearchLoaded("lengths",["#) && text.hasSuffix("]);\n"))
        let numbers = text.dropFirst(#"DigestSearchLoaded("lengths",["#.count).dropLast(4).split(separator: ",").map { Int($0) }
        let expected = SearchCorpus(digest: digest).documents.map { Int(max(($0.length * 2).rounded(), 2)) }
        #expect(numbers == expected)
        #expect(numbers.count == 9)
    }

    @Test("makes the postings of the keys wanted only, each the same as the whole corpus's, alternates counted")
    func wantedKeysPostings() {
        let corpus = SearchCorpus(digest: Self.varied(count: 30))
        let whole = SearchPostings(corpus)
        let wanted = corpus.terms.indices.map { $0 % 7 == 3 }
        let some = SearchPostings(corpus, wanted: wanted, attested: corpus.attestedTerms())
        for term in corpus.terms.indices {
            let expected = wanted[term] ? whole.range(of: term).map { [whole.documents[$0], Int32(whole.frequencies[$0])] } : []
            #expect(some.range(of: term).map { [some.documents[$0], Int32(some.frequencies[$0])] } == expected, "\(corpus.terms[term])")
        }
        #expect(some.documents.count > 0 && some.documents.count < whole.documents.count)
        #expect(some.lengths == whole.lengths)
    }

    @Test("writes keys as the JSON encoder does, line separators escaped")
    func keysAsJSON() {
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        for text in ["كازاخستان", "a\"b\\c/d", controls, "\u{7F}é", "أ\u{2028}ب\u{2029}ج", "بدءا", "\u{2027}\u{202A}\u{2028}", ""] {
            var bytes: [UInt8] = []
            SearchIndex.appendJSONString(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == SearchIndex.json(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("writes each shard of documents as the JSON encoder writes its documents, line separators escaped")
    func documentShardsAsJSON() throws {
        var digest = Self.varied(count: 23)
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        digest.articles[0].article.title = "خبر \"مقتبس\" \\ / </script> & \u{2028}" + controls
        digest.articles[1].summary = ["أ\u{2029}ب", "it’s – “quoted”"]
        digest.articles[2].article.published = nil
        let index = SearchIndex(digest: digest, dates: try Build.dateDisplay(SiteConfig()))
        #expect(index.documentShards == 3)
        for number in 0..<index.documentShards {
            let documents = index.articles(inDocumentShard: number).map { index.document(digest.articles[$0]) }
            let expected = "DigestSearchLoaded(\"docs/\(number)\",\(SearchIndex.json(documents)));\n"
            #expect(String(decoding: index.documentFile(number).bytes, as: UTF8.self) == expected)
        }
    }

    @Test("writes the average document length the script divides by as the shortest decimal of the same double")
    func manifestAverageReadsBack() throws {
        let digest = Self.varied(count: 7)
        let text = try Self.queryFile(SitePaths.searchManifest, of: digest)
        let json = try #require(text.split(separator: "=", maxSplits: 1).last?.trimmingCharacters(in: CharacterSet(charactersIn: " ;\n")))
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let lengths = SearchCorpus(digest: digest).documents.map { max($0.length, 1) }
        let written = try #require(json.firstRange(of: #""averageLength":"#).map { json[$0.upperBound...].prefix { $0 != "," } })
        #expect(Double(String(written)) == lengths.reduce(0, +) / Double(lengths.count))
        #expect(fields["documents"] as? Int == 7)
        #expect(fields["version"] as? Int == 3)
    }

    @Test("writes the index as scripts the search page can load from disk")
    func scriptsNotJSON() throws {
        let (folder, _) = try DiscoveryFixtures.build(baseURL: nil)
        let manifest = try #require(folder.read("site/search/index.js"))
        #expect(manifest.hasPrefix("window.DigestSearchIndex = {"))
        #expect(folder.read("site/search/terms/0.js")?.hasPrefix("DigestSearchLoaded(\"terms/0\",{") == true)
        #expect(folder.read("site/search/docs/0.js")?.hasPrefix("DigestSearchLoaded(\"docs/0\",[[") == true)
        let search = try #require(folder.read("site/search.html"))
        #expect(search.contains(#"<script src="search/index.js"></script>"#))
        #expect(search.contains(#"<script src="assets/search.js" data-root="./"></script>"#))
        #expect(folder.read("site/assets/search.js") != nil)
    }

    @Test("escapes the line separators older JavaScript parsers end a line at, and nothing else")
    func escapesLineSeparators() {
        #expect(SearchIndex.json(["أ\u{2028}ب\u{2029}ج"]) == #"["أ\u2028ب\u2029ج"]"#)
        #expect(SearchIndex.json(["it’s – “quoted”"]) == #"["it’s – “quoted”"]"#)
        #expect(!SearchIndex.hasLineSeparator("’…–"))
        #expect(SearchIndex.hasLineSeparator("a\u{2029}"))
    }
}

extension SearchCorpus {
    /// The keys document `index` has, as primary keys or alternates.
    func keys(of index: Int) -> [String] {
        (documents[index].tf + documents[index].alternates).map { terms[Int($0.0)] }
    }
}
