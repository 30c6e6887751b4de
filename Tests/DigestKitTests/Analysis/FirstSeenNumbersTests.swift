import Testing
@testable import DigestKit

@Suite("FirstSeenNumbers")
struct FirstSeenNumbersTests {
    @Test("numbers keys in the order first met, as a dictionary counting them would, past its first size")
    func numbersAsADictionaryWould() {
        var random = SeededNumbers()
        for round in 0..<100 {
            // Small tables that must grow, keys that collide (multiples of large powers of two),
            // repeats, and the largest keys.
            let capacity = random.next(8)
            var table = FirstSeenNumbers(capacity: capacity)
            var reference: [Int32: Int32] = [:]
            for _ in 0..<(1 + random.next(300)) {
                let key: Int32 = switch random.next(4) {
                case 0: Int32(random.next(20))
                case 1: Int32(random.next(64)) << 24
                case 2: Int32.max - Int32(random.next(3))
                default: Int32(random.next(1_000_000))
                }
                let expected = reference[key] ?? Int32(reference.count)
                reference[key] = expected
                #expect(table.number(key) == expected, "round \(round), key \(key)")
            }
            #expect(table.count == reference.count)
            for (key, number) in reference { #expect(table.number(of: key) == number) }
            #expect(table.number(of: 1_000_001) == nil)
        }
    }
}
