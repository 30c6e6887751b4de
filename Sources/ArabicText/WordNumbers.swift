import Foundation

/// Numbers words by their UTF-8 bytes, from 0 in the order first met, without making a
/// `String` of a word seen before: the analysis of an article looks up every word it
/// reads, and most were met in earlier articles. The words' bytes are kept end to end in
/// one buffer, and found again through an open-addressing table of their numbers.
public struct WordNumbers {
    private var bytes: [UInt8] = []
    /// Word `n` is `bytes[ends[n - 1]..<ends[n]]` (from 0 for the first).
    private var ends: [Int32] = []
    private var hashes: [UInt64] = []
    /// By hash, a word's number in the low 32 bits and its hash's high 32 bits above (a word
    /// with another hash is passed over without reading its bytes, far away in memory);
    /// `empty` where none. The count is a power of two.
    private var slots: [UInt64] = Array(repeating: empty, count: 1024)
    private static let empty = UInt64.max

    public init() {}

    public var count: Int { ends.count }

    /// The number of the word with these bytes, and whether it is new.
    public mutating func number(of word: UnsafeBufferPointer<UInt8>) -> (number: Int32, isNew: Bool) {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let high = hash & 0xFFFF_FFFF_0000_0000
        while true {
            let entry = slots[slot]
            if entry == Self.empty { break }
            if entry & 0xFFFF_FFFF_0000_0000 == high {
                let n = Int32(truncatingIfNeeded: entry)
                if equals(Int(n), word) { return (n, false) }
            }
            slot = (slot + 1) & mask
        }
        let n = Int32(ends.count)
        bytes.append(contentsOf: word)
        ends.append(Int32(bytes.count))
        hashes.append(hash)
        slots[slot] = Self.entry(n, hash)
        if ends.count * 2 > slots.count { grow() }
        return (n, true)
    }

    /// The bytes of word `n` as a string.
    public func word(_ n: Int32) -> String {
        let (start, end) = range(Int(n))
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = Self.empty }
    }

    private func range(_ n: Int) -> (Int, Int) { (n == 0 ? 0 : Int(ends[n - 1]), Int(ends[n])) }

    private func equals(_ n: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, end) = range(n)
        guard end - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            word.count == 0 || memcmp(stored.baseAddress! + start, word.baseAddress!, word.count) == 0
        }
    }

    private mutating func grow() {
        slots = Array(repeating: Self.empty, count: slots.count * 2)
        let mask = slots.count - 1
        for n in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[n]) & mask
            while slots[slot] != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = Self.entry(Int32(n), hashes[n])
        }
    }

    private static func entry(_ n: Int32, _ hash: UInt64) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(bitPattern: n))
    }

    /// Eight bytes at a time, each chunk taken in with a rotation and a multiply (as FxHash
    /// does), the last few bytes as one more chunk, then MurmurHash3's finalizer so that the
    /// low bits the table uses depend on every byte. An Arabic word is a dozen bytes or so: a
    /// multiply for each byte (FNV-1a) was most of a look-up. Only this table sees the hashes;
    /// a word's number is the order it was first met in, whatever they are.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let k: UInt64 = 0x9FB2_1C65_1E98_DF25
        var h = UInt64(truncatingIfNeeded: word.count) &* k
        if let base = word.baseAddress {
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i + 8 <= word.count {
                h = (h.rotatedLeft(5) ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
                i += 8
            }
            if i < word.count {
                var tail: UInt64 = 0, shift: UInt64 = 0
                while i < word.count {
                    tail |= UInt64(base[i]) << shift
                    shift += 8
                    i += 1
                }
                h = (h.rotatedLeft(5) ^ tail) &* k
            }
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 33)
    }
}

private extension UInt64 {
    func rotatedLeft(_ n: UInt64) -> UInt64 { self << n | self >> (64 - n) }
}
