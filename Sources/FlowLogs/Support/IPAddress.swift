/// An IPv4 or IPv6 address held as one 128-bit integer.
///
/// IPv4 addresses are stored IPv4-mapped (`::ffff:a.b.c.d`), so `1.2.3.4` and `::ffff:1.2.3.4`
/// are the same address, every address orders and hashes as one integer, and prefix tables need
/// no separate IPv4 case.
///
///     IPAddress("10.0.0.1")!.isIPv4            // true
///     IPAddress("::ffff:10.0.0.1") == IPAddress("10.0.0.1")   // true
///     IPAddress("2600:1f18::1")!.description   // "2600:1f18::1"
public struct IPAddress: Hashable, Comparable, Sendable {
    /// The address as an integer; IPv4 lives in `::ffff:0:0/96`.
    public var value: UInt128

    /// The integer of `::ffff:0.0.0.0`, the base of the IPv4-mapped block.
    static let ipv4MappedBase: UInt128 = 0xffff_0000_0000

    /// Creates an address from its 128-bit integer.
    public init(value: UInt128) {
        self.value = value
    }

    /// Creates the IPv4-mapped form of an IPv4 address.
    public init(ipv4: UInt32) {
        self.value = Self.ipv4MappedBase | UInt128(ipv4)
    }

    /// Parses the textual form of an IPv4 or IPv6 address; `nil` when it is not one.
    public init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8({ IPAddress.parse(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// True for IPv4 addresses (including IPv6 input in `::ffff:a.b.c.d` form).
    @inline(__always)
    public var isIPv4: Bool { value >> 32 == 0xffff }

    /// The 32-bit IPv4 address, or `nil` for an IPv6 address.
    public var ipv4: UInt32? { isIPv4 ? UInt32(truncatingIfNeeded: value) : nil }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool { lhs.value < rhs.value }
}

extension IPAddress: CustomStringConvertible {
    /// Dotted quad for IPv4; RFC 5952 form (lower case, longest zero run as `::`) for IPv6.
    public var description: String {
        if let v4 = ipv4 {
            return "\(v4 >> 24).\(v4 >> 16 & 0xff).\(v4 >> 8 & 0xff).\(v4 & 0xff)"
        }
        let groups = (0..<8).map { UInt16(truncatingIfNeeded: value >> (112 - 16 * $0)) }
        // Longest run of at least two zero groups, the first one on ties (RFC 5952 §4.2).
        var bestStart = -1, bestLength = 1, index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            let start = index
            while index < 8, groups[index] == 0 { index += 1 }
            if index - start > bestLength { bestStart = start; bestLength = index - start }
        }
        func hex(_ range: Range<Int>) -> String {
            groups[range].map { String($0, radix: 16) }.joined(separator: ":")
        }
        guard bestStart >= 0 else { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }
}

// MARK: - Parsing bytes

extension IPAddress {
    /// Parses an address from ASCII bytes without allocating: the flow-log hot path.
    ///
    ///     "10.0.1.5"          -> ::ffff:10.0.1.5
    ///     "2001:db8::1"       -> 2001:db8::1
    ///     "::ffff:10.0.1.5"   -> ::ffff:10.0.1.5 (the same as "10.0.1.5")
    ///     "10.0.1.256", "fe80::1%eth0", "1.2.3" -> nil
    ///
    /// - Parameter bytes: the address text and nothing else (no spaces).
    /// - Returns: the address, or `nil` when the bytes are not exactly one address.
    @inline(__always)
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> IPAddress? {
        guard let base = bytes.baseAddress, bytes.count >= 2, bytes.count <= 45 else { return nil }
        let start = base.assumingMemoryBound(to: UInt8.self)
        if let v4 = parseIPv4(start, bytes.count) { return IPAddress(ipv4: v4) }
        return parseIPv6(start, bytes.count)
    }

    /// Parses a dotted quad: four decimal octets of one to three digits, each ≤ 255.
    @inline(__always)
    static func parseIPv4(_ start: UnsafePointer<UInt8>, _ count: Int) -> UInt32? {
        guard count >= 7, count <= 15 else { return nil }
        var index = 0
        var result: UInt32 = 0
        for octetNumber in 0..<4 {
            // One to three digits, unrolled: no loop counter, no per-byte dot test.
            guard index < count else { return nil }
            var octet = UInt32(start[index] &- ASCII.zero)
            guard octet < 10 else { return nil }
            index += 1
            if index < count {
                let second = UInt32(start[index] &- ASCII.zero)
                if second < 10 {
                    octet = octet * 10 + second
                    index += 1
                    if index < count {
                        let third = UInt32(start[index] &- ASCII.zero)
                        if third < 10 {
                            octet = octet * 10 + third
                            index += 1
                        }
                    }
                }
            }
            guard octet <= 255 else { return nil }
            result = result << 8 | octet
            if octetNumber < 3 {
                guard index < count, start[index] == ASCII.dot else { return nil }
                index += 1
            }
        }
        return index == count ? result : nil
    }

    /// Parses IPv6 text: hex groups, one `::`, and an optional trailing dotted quad.
    static func parseIPv6(_ start: UnsafePointer<UInt8>, _ count: Int) -> IPAddress? {
        var groups = (UInt16(0), UInt16(0), UInt16(0), UInt16(0), UInt16(0), UInt16(0), UInt16(0), UInt16(0))
        return withUnsafeMutableBytes(of: &groups) { raw -> IPAddress? in
            let group = raw.bindMemory(to: UInt16.self)
            var filled = 0
            var gap = -1  // index in `group` where `::` stands
            var index = 0
            if count >= 2, start[0] == ASCII.colon {
                guard start[1] == ASCII.colon else { return nil }
                gap = 0
                index = 2
            }
            while index < count {
                // One group, or an embedded IPv4 address at the end.
                var cursor = index
                var value: UInt32 = 0
                while cursor < count, cursor - index < 5, let nibble = ASCII.hexValue(start[cursor]) {
                    value = value << 4 | UInt32(nibble)
                    cursor += 1
                }
                if cursor < count, start[cursor] == ASCII.dot {
                    guard filled <= 6, let v4 = parseIPv4(start + index, count - index) else { return nil }
                    group[filled] = UInt16(v4 >> 16)
                    group[filled + 1] = UInt16(truncatingIfNeeded: v4)
                    filled += 2
                    index = count
                    break
                }
                let length = cursor - index
                guard length >= 1, length <= 4, filled < 8 else { return nil }
                group[filled] = UInt16(value)
                filled += 1
                index = cursor
                if index == count { break }
                guard start[index] == ASCII.colon else { return nil }  // a zone id (%eth0) ends here
                index += 1
                if index < count, start[index] == ASCII.colon {
                    guard gap < 0 else { return nil }
                    gap = filled
                    index += 1
                } else if index == count {
                    return nil  // a single trailing colon
                }
            }
            if gap < 0 {
                guard filled == 8 else { return nil }
            } else {
                guard filled < 8 else { return nil }
                let moved = filled - gap
                for offset in stride(from: moved - 1, through: 0, by: -1) {
                    group[8 - moved + offset] = group[gap + offset]
                }
                for position in gap..<(8 - moved) { group[position] = 0 }
            }
            var value: UInt128 = 0
            for position in 0..<8 { value = value << 16 | UInt128(group[position]) }
            return IPAddress(value: value)
        }
    }
}
