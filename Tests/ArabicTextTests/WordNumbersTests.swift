import Testing
@testable import ArabicText

@Suite("WordNumbers")
struct WordNumbersTests {
    func number(_ word: String, in table: inout WordNumbers) -> (number: Int32, isNew: Bool) {
        Array(word.utf8).withUnsafeBufferPointer { table.number(of: $0) }
    }

    @Test("numbers words from 0 in the order first met, and a word met again keeps its number")
    func numbersInOrder() {
        var table = WordNumbers()
        #expect(number("الطاقة", in: &table) == (0, true))
        #expect(number("النفط", in: &table) == (1, true))
        #expect(number("الطاقة", in: &table) == (0, false))
        #expect(number("", in: &table) == (2, true))
        #expect(table.word(1) == "النفط" && table.word(2) == "" && table.count == 3)
    }

    @Test("keeps every number as its table grows far past its first size, and forgets all at once")
    func grows() {
        var table = WordNumbers()
        let words = (0..<20_000).map { "كلمة\($0)" }
        for (k, word) in words.enumerated() { #expect(number(word, in: &table).number == Int32(k)) }
        for (k, word) in words.enumerated() where k % 97 == 0 {
            #expect(number(word, in: &table) == (Int32(k), false))
            #expect(table.word(Int32(k)) == word)
        }
        table.removeAll()
        #expect(table.count == 0 && number(words[5], in: &table) == (0, true))
    }
}
