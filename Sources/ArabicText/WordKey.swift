import Foundation

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
        guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
        // Whole buffers at once: stepping through two UTF8Views byte by byte was a few percent of a build.
        var (l, r) = (lhs.text, rhs.text)
        return l.withUTF8 { a in r.withUTF8 { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    public func hash(into hasher: inout Hasher) {
        var text = self.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public var description: String { text }
}
