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
