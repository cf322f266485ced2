/// A small, fast, seedable random generator (SplitMix64): the same seed gives the same sequence
/// on every run and platform, so synthetic logs, benchmarks and randomised tests can be replayed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (a tiny bias for huge bounds does not matter here).
    public mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A random address inside `prefix`.
    public mutating func address(in prefix: IPPrefix) -> IPAddress {
        let random = UInt128(next()) << 64 | UInt128(next())
        return IPAddress(value: prefix.first.value | (prefix.length128 == 128 ? 0 : random >> prefix.length128))
    }
}
