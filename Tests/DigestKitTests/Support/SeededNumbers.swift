/// Numbers from a fixed seed (a linear congruential generator), the same on every run: the
/// property tests' generated inputs, so that a failure comes back when the test runs again.
struct SeededNumbers {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
