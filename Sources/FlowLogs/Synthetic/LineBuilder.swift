/// Appends flow-log fields as bytes, without `String` per value (the generator writes
/// gigabytes of them).
struct LineBuilder {
    var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends a field, preceded by a space unless it starts the line.
    @inline(__always)
    mutating func separate() {
        if let last = bytes.last, last != ASCII.newline { bytes.append(ASCII.space) }
    }

    mutating func text(_ value: String) {
        separate()
        bytes.append(contentsOf: value.utf8)
    }

    mutating func text(_ value: [UInt8]) {
        separate()
        bytes.append(contentsOf: value)
    }

    mutating func dash() {
        separate()
        bytes.append(ASCII.dash)
    }

    mutating func number<I: FixedWidthInteger>(_ value: I) {
        separate()
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var remaining = UInt64(value)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = ASCII.zero + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            } while remaining > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    mutating func address(_ value: IPAddress) {
        separate()
        if let v4 = value.ipv4 {
            for shift in [24, 16, 8, 0] {
                appendDigits(UInt64(v4 >> UInt32(shift) & 0xff))
                if shift > 0 { bytes.append(ASCII.dot) }
            }
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    mutating func endLine() {
        bytes.append(ASCII.newline)
    }

    private mutating func appendDigits(_ value: UInt64) {
        if value >= 100 { bytes.append(ASCII.zero + UInt8(value / 100)) }
        if value >= 10 { bytes.append(ASCII.zero + UInt8(value / 10 % 10)) }
        bytes.append(ASCII.zero + UInt8(value % 10))
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same logs everywhere.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
