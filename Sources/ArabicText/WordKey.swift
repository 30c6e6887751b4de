/// A normalized word (or phrase) as a dictionary key, compared and hashed by its UTF-8
/// bytes. Swift's `String` compares and hashes by canonical equivalence, which for Arabic
/// means a Unicode table look-up per scalar on every hash and comparison; words from
/// `ArabicNormalizer` and `Tokenizer` are already in one canonical form, so their bytes
/// decide equality, at a fraction of the cost on the analysis hot paths.
public struct WordKey: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    public static func == (lhs: WordKey, rhs: WordKey) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var text = self.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public var description: String { text }
}
