import Foundation
import Testing
@testable import ArabicText

/// The cases the site's search script is held to as well (bench/search_check.py runs
/// them in Chromium): one file, so Swift and JavaScript cannot drift apart unseen.
struct SearchCases: Decodable {
    var match: [[String]]
    var differ: [[String]]
    var keys: [Key]

    struct Key: Decodable {
        var word: String
        var keys: [String]
        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            word = try container.decode(String.self)
            keys = try container.decode([String].self)
        }
    }

    static func load() throws -> SearchCases {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SearchCases/search-keys.json")
        return try JSONDecoder().decode(SearchCases.self, from: Data(contentsOf: file))
    }
}

@Suite("SearchKeys")
struct SearchKeysTests {
    func keys(_ text: String) -> Set<String> {
        Set(Tokenizer.words(text).flatMap(SearchKeys.keys))
    }

    @Test("a word as readers type it shares a key with the word as articles write it")
    func typedFormsMatchWrittenForms() throws {
        let cases = try SearchCases.load()
        #expect(cases.match.count >= 15)
        for pair in cases.match {
            #expect(!keys(pair[0]).isDisjoint(with: keys(pair[1])), "\(pair[0]) does not find \(pair[1]) (\(pair[2]))")
        }
    }

    @Test("different words share no key")
    func differentWordsDiffer() throws {
        for pair in try SearchCases.load().differ {
            #expect(keys(pair[0]).isDisjoint(with: keys(pair[1])), "\(pair[0]) finds \(pair[1])")
        }
    }

    @Test("lists the primary stem first, then the readings without proclitics")
    func keysOfAWord() throws {
        for item in try SearchCases.load().keys {
            #expect(SearchKeys.keys(ArabicNormalizer.normalize(item.word)) == item.keys, "keys of \(item.word)")
        }
    }

    @Test("takes a proclitic off only when three letters remain")
    func shortRemaindersStay() {
        #expect(SearchKeys.remainders("بكم") == [])
        #expect(SearchKeys.remainders("بحر") == [])
        #expect(SearchKeys.remainders("وبحر") == ["بحر"])
        #expect(SearchKeys.remainders("وبحار") == ["بحار", "حار"])
    }

    @Test("the generated fold table gives what the normalizer gives, for every BMP scalar")
    func tablesReproduceTheNormalizer() {
        let tables = SearchKeys.tables
        func fold(_ v: UInt32) -> UInt32? {
            if tables.dropped.contains(where: { $0[0] <= v && v <= $0[1] }) { return nil }
            if let r = tables.folded.first(where: { $0[0] <= v && v <= $0[1] }) { return r[2] + (v - r[0]) * r[3] }
            return v
        }
        var mismatches = 0
        for v in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            if fold(v) != ArabicNormalizer.fold(scalar)?.value { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(tables.folded.contains { $0[0] == 0x0660 && $0[1] == 0x0669 && $0[2] == 0x30 && $0[3] == 1 })
        #expect(tables.stemmerArticles.first == "وال")
    }
}
