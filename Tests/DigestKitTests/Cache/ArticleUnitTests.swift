import Testing
@testable import DigestKit

@Suite("ArticleUnit")
struct ArticleUnitTests {
    static func key(_ files: [(String, [UInt8])]) -> String {
        ArticleUnit(primaryPath: files.first?.0 ?? "", files: files.map { ContentFile(path: $0.0, bytes: $0.1) }).contentKey
    }

    @Test("a unit's key changes with any one byte of its files, whatever their length")
    func keyChangesWithEveryByte() {
        var numbers = SeededNumbers()
        for count in 0...40 {
            let bytes = (0..<count).map { _ in UInt8(numbers.next(256)) }
            let key = Self.key([("a.txt", bytes)])
            #expect(Self.key([("a.txt", bytes)]) == key)
            for i in bytes.indices {
                var changed = bytes
                changed[i] ^= UInt8(1 + numbers.next(255))
                #expect(Self.key([("a.txt", changed)]) != key, "byte \(i) of \(count)")
            }
        }
    }

    @Test("a unit's key changes with a file's length, even by zero bytes, and with its paths")
    func keyChangesWithLengthAndPaths() {
        let text = Array("خبر عن كازاخستان".utf8)
        let key = Self.key([("a.txt", text)])
        #expect(Self.key([("a.txt", text + [0])]) != key)
        #expect(Self.key([("a.txt", text + [0, 0, 0, 0, 0, 0, 0, 0])]) != key)
        #expect(Self.key([("a.txt", Array(text.dropLast()))]) != key)
        #expect(Self.key([("b.txt", text)]) != key)
        #expect(Self.key([("a.md", []), ("a.txt", text)]) != key)
        #expect(Self.key([("a.md", text), ("a.txt", [])]) != Self.key([("a.md", []), ("a.txt", text)]))
    }
}
