/// Looks for many words in a text at once, in one pass over its bytes: every four bytes of
/// the text are hashed and looked up in a table of the words' last four bytes; only where
/// the table says a word may end is it compared. Arabic letters share their first UTF-8
/// byte, so looking for each word on its own compared at nearly every letter, once per word.
struct WordFinder: Sendable {
    let words: [[UInt8]]
    /// By the hash of four bytes: one more than the index of the first word of four bytes or
    /// more whose last four hash so, or 0.
    let slots: [UInt16]
    /// For each word, the next word in its slot in the same way, or 0.
    let next: [UInt16]
    /// Words shorter than four bytes, looked for one by one.
    let short: [Int]

    static let tableBits = 13

    init(_ words: [[UInt8]]) {
        self.words = words
        var slots = [UInt16](repeating: 0, count: 1 << Self.tableBits)
        var next = [UInt16](repeating: 0, count: words.count)
        var short: [Int] = []
        for (index, word) in words.enumerated() {
            guard word.count >= 4, index < Int(UInt16.max) else { short.append(index); continue }
            let key = Self.key(word[(word.count - 4)...].reduce(0) { $0 << 8 | UInt32($1) })
            next[index] = slots[key]
            slots[key] = UInt16(index + 1)
        }
        self.slots = slots
        self.next = next
        self.short = short
    }

    @inline(__always)
    static func key(_ lastFour: UInt32) -> Int { Int((lastFour &* 0x9E37_79B1) >> UInt32(32 - tableBits)) }

    /// Which of the words `text` holds, by index.
    func found(in text: [UInt8]) -> [Bool] {
        var found = [Bool](repeating: false, count: words.count)
        for index in short where Furniture.find(words[index], in: text) { found[index] = true }
        guard text.count >= 4, short.count < words.count else { return found }
        text.withUnsafeBufferPointer { t in
            slots.withUnsafeBufferPointer { slots in
                var window = UInt32(t[0]) << 16 | UInt32(t[1]) << 8 | UInt32(t[2])
                for end in 3..<t.count {
                    window = window << 8 | UInt32(t[end])
                    var slot = slots[Self.key(window)]
                    while slot != 0 {
                        let index = Int(slot - 1)
                        if !found[index], Self.ends(words[index], at: end, in: t) { found[index] = true }
                        slot = next[index]
                    }
                }
            }
        }
        return found
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
