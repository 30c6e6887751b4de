/// Looks for many words in a text at once, in one pass over its bytes: the last six bytes
/// of every position (four for words shorter than six) are hashed and looked up in a table
/// of the words' endings; only where the table says a word may end is it compared. Arabic
/// letters share their first UTF-8 byte and common endings (`ات`), so looking for each
/// word on its own compared at nearly every letter, once per word.
struct WordFinder: Sendable {
    let words: [[UInt8]]
    /// By the hash of six bytes: one more than the index of the first word of six bytes or
    /// more that ends in bytes of that hash, or 0.
    let longSlots: [UInt16]
    /// The same by four bytes, for words of four or five.
    let shortSlots: [UInt16]
    /// For each word, the next word in its slot in the same way, or 0.
    let next: [UInt16]
    /// Words shorter than four bytes, looked for one by one.
    let tiny: [Int]
    /// The last bytes of the words of four bytes or more, a bit each: at most positions of a
    /// text no word ends (a lead byte, or a letter no word ends with), and the tables are not read.
    /// Four words for every such word, then four for those of six bytes or more, and four for
    /// those of four or five: each table is read only where one of its words ends (the short
    /// words are often Latin, and need not be looked for at every Arabic letter).
    let lastBytes: [UInt64]
    static let (anyWord, longWord, shortWord) = (0, 4, 8)

    static let tableBits = 12

    init(_ words: [[UInt8]]) {
        self.words = words
        var longSlots = [UInt16](repeating: 0, count: 1 << Self.tableBits)
        var shortSlots = [UInt16](repeating: 0, count: 1 << Self.tableBits)
        var next = [UInt16](repeating: 0, count: words.count)
        var tiny: [Int] = []
        var lastBytes = [UInt64](repeating: 0, count: 12)
        for (index, word) in words.enumerated() {
            guard word.count >= 4, index < Int(UInt16.max) else { tiny.append(index); continue }
            if let last = word.last {
                for kind in [Self.anyWord, word.count >= 6 ? Self.longWord : Self.shortWord] {
                    lastBytes[kind + Int(last >> 6)] |= 1 << UInt64(last & 63)
                }
            }
            let ending = word.suffix(word.count >= 6 ? 6 : 4).reduce(0) { $0 << 8 | UInt64($1) }
            let key = Self.key(ending)
            if word.count >= 6 {
                next[index] = longSlots[key]
                longSlots[key] = UInt16(index + 1)
            } else {
                next[index] = shortSlots[key]
                shortSlots[key] = UInt16(index + 1)
            }
        }
        self.longSlots = longSlots
        self.shortSlots = shortSlots
        self.next = next
        self.tiny = tiny
        self.lastBytes = lastBytes
    }

    @inline(__always)
    static func key(_ ending: UInt64) -> Int { Int(truncatingIfNeeded: (ending &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - tableBits)) }

    /// The words of a finder a text holds, by index.
    struct Found {
        /// The first 64 words, a bit each.
        var first: UInt64 = 0
        /// The rest, when there are more.
        var rest: Set<Int> = []

        func contains(_ index: Int) -> Bool {
            index < 64 ? first & (1 << UInt64(index)) != 0 : rest.contains(index)
        }

        mutating func insert(_ index: Int) {
            if index < 64 { first |= 1 << UInt64(index) } else { rest.insert(index) }
        }

        func containsAny(in indices: Range<Int>) -> Bool { indices.contains(where: contains) }
    }

    /// Which of the words `text` holds.
    func found(in text: [UInt8]) -> Found {
        var found = Found()
        for index in tiny where Furniture.find(words[index], in: text) { found.insert(index) }
        guard text.count >= 4, tiny.count < words.count else { return found }
        text.withUnsafeBufferPointer { t in
            longSlots.withUnsafeBufferPointer { longSlots in
                shortSlots.withUnsafeBufferPointer { shortSlots in
                    lastBytes.withUnsafeBufferPointer { lastBytes in
                        var window = UInt64(t[0]) << 16 | UInt64(t[1]) << 8 | UInt64(t[2])
                        for end in 3..<t.count {
                            let byte = t[end]
                            window = window << 8 | UInt64(byte)
                            let quarter = Int(byte >> 6), bit: UInt64 = 1 << UInt64(byte & 63)
                            guard lastBytes[Self.anyWord + quarter] & bit != 0 else { continue }
                            if end >= 5, lastBytes[Self.longWord + quarter] & bit != 0 {
                                look(longSlots[Self.key(window & 0xFFFF_FFFF_FFFF)], end, t, &found)
                            }
                            if lastBytes[Self.shortWord + quarter] & bit != 0 {
                                look(shortSlots[Self.key(window & 0xFFFF_FFFF)], end, t, &found)
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    /// Compares the words of a slot with the text ending at `end`.
    @inline(__always)
    func look(_ slot: UInt16, _ end: Int, _ text: UnsafeBufferPointer<UInt8>, _ found: inout Found) {
        var slot = slot
        while slot != 0 {
            let index = Int(slot &- 1)
            if !found.contains(index), Self.ends(words[index], at: end, in: text) { found.insert(index) }
            slot = next[index]
        }
    }

    /// Whether `word` ends at `end` in `text`.
    @inline(__always)
    static func ends(_ word: [UInt8], at end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = end + 1 - word.count
        guard start >= 0 else { return false }
        for k in 0..<word.count where text[start + k] != word[k] { return false }
        return true
    }
}
