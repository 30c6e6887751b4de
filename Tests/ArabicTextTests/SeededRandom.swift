/// SplitMix64 for the property tests of this module: the same texts on every run, so a failure can be replayed.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    /// A text of `count` scalars, each drawn from `alphabet`.
    mutating func text(_ count: Int, from alphabet: [Unicode.Scalar]) -> String {
        String(String.UnicodeScalarView((0..<count).map { _ in alphabet[next(below: alphabet.count)] }))
    }
}
