/// Numbers non-negative `Int32` keys (a `WordMemo`'s stem numbers) 0, 1, 2… in the order
/// they are first met, in an open-addressing table sized once: the summarizer numbers every
/// stem of every sentence of every article this way, and a `Dictionary` hashing each key with
/// SipHash was about a fifth of the term vectors' time.
struct FirstSeenNumbers: Sendable {
    /// Slot → key, or `empty`.
    private var keys: [Int32]
    /// Slot → the key's number.
    private var numbers: [Int32]
    private let shift: UInt64
    private(set) var count = 0
    private static let empty: Int32 = -1

    /// A table for up to `capacity` keys (more still fit: it grows).
    init(capacity: Int) {
        var bits = 3
        while 1 << bits < 2 * max(capacity, 1) { bits += 1 }
        keys = [Int32](repeating: Self.empty, count: 1 << bits)
        numbers = [Int32](repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// `key`'s number, given now when it is new.
    mutating func number(_ key: Int32) -> Int32 {
        precondition(key >= 0, "FirstSeenNumbers keys are non-negative")
        if 2 * (count + 1) > keys.count { grow() }
        var slot = self.slot(key)
        while true {
            let held = keys[slot]
            if held == key { return numbers[slot] }
            if held == Self.empty {
                keys[slot] = key
                numbers[slot] = Int32(count)
                count += 1
                return numbers[slot]
            }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// `key`'s number, nil when it was never numbered.
    func number(of key: Int32) -> Int32? {
        var slot = self.slot(key)
        while true {
            let held = keys[slot]
            if held == key { return numbers[slot] }
            if held == Self.empty { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Fibonacci hashing: the top bits of the key times 2^64 / φ.
    @inline(__always)
    private func slot(_ key: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        var larger = FirstSeenNumbers(capacity: keys.count)
        for slot in keys.indices where keys[slot] != Self.empty {
            larger.place(keys[slot], numbers[slot])
        }
        larger.count = count
        self = larger
    }

    private mutating func place(_ key: Int32, _ number: Int32) {
        var slot = self.slot(key)
        while keys[slot] != Self.empty { slot = (slot + 1) & (keys.count - 1) }
        keys[slot] = key
        numbers[slot] = number
    }
}
