import ArabicText

/// A set of words looked up by their UTF-8 bytes, answering as `Set<String>` would: a
/// `Set<String>` hashes a string by its normalized form, and for Arabic words that took a
/// slow path on every lookup, for every line. Two strings made only of scalars that NFC keeps
/// wherever they stand, with no combining marks (`ScalarTraits.composition` is 0 for each),
/// are in NFC, so they are equal as strings exactly when their bytes are. A word of other
/// scalars, looked up or in the set, is answered by the strings.
struct FoldedWordSet: Sendable {
    let strings: Set<String>
    /// The words' bytes, when every word is made of such scalars; empty otherwise.
    private let words: [[UInt8]]
    /// By hash: one more than the index of a word in `words`, or 0 (open addressing).
    private let slots: [Int32]
    private let bytesAreEnough: Bool

    init(_ strings: Set<String>) {
        self.strings = strings
        let words = strings.map { Array($0.utf8) }
        bytesAreEnough = words.allSatisfy { word in word.withUnsafeBufferPointer(Self.isPlain) }
        guard bytesAreEnough else {
            (self.words, slots) = ([], [])
            return
        }
        var size = 16
        while size < 2 * words.count { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (index, word) in words.enumerated() {
            var slot = word.withUnsafeBufferPointer { Int(truncatingIfNeeded: Self.hash($0)) } & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.words = words
        self.slots = slots
    }

    func contains(_ word: String) -> Bool { strings.contains(word) }

    /// Whether the word with UTF-8 `bytes` (valid UTF-8) is in the set.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytesAreEnough, Self.isPlain(bytes) else { return strings.contains(String(decoding: bytes, as: UTF8.self)) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return false }
            if words[entry - 1].elementsEqual(bytes) { return true }
            slot = (slot + 1) & mask
        }
    }

    func contains(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { contains($0) }
    }

    /// FNV-1a.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash ^ (hash >> 29)
    }

    /// Whether every scalar of `bytes` is one NFC keeps wherever it stands, without a combining class.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let composition = ScalarTraits.tables.composition
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let (v, length) = UTF8Bytes.scalar(at: i, in: bytes)
            guard let slot = ScalarTraits.slot(v), composition[slot] == 0 else { return false }
            i += length
        }
        return true
    }
}
