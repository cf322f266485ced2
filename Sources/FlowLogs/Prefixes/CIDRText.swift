/// Reads the CIDR blocks of ip-ranges.json from bytes, more strictly than `IPPrefix(_:)`.
///
///     "3.5.0.0/19"         (IPv4)  -> 3.5.0.0/19
///     "2600:1f18::/33"     (IPv6)  -> 2600:1f18::/33
///     "2600:1f18::/33"     (IPv4)  -> wrongFamily
///     "3.5.0.1/19", "3.5.0.0", "3.5.0.0/33", "3.5.0.0/x" -> invalid, with the reason
enum CIDRText {
    /// Why a block was refused.
    enum Problem: Error, Equatable {
        /// An IPv6 block where IPv4 is expected, or the reverse (IPv4-mapped `::ffff:…` counts as IPv4).
        case wrongFamily
        /// Not a CIDR block; the reason is a lower-case phrase.
        case invalid(String)
    }

    /// Parses `ADDRESS/LENGTH` with no host bits set.
    /// - Parameters:
    ///   - bytes: the text, nothing else.
    ///   - ipv6: true for `ipv6_prefixes` entries, false for `prefixes`.
    static func parse(_ bytes: UnsafeRawBufferPointer, ipv6: Bool) -> Result<IPPrefix, Problem> {
        guard let slash = bytes.firstIndex(of: ASCII.slash) else {
            return .failure(.invalid("it has no '/' and prefix length"))
        }
        let addressBytes = UnsafeRawBufferPointer(rebasing: bytes[..<slash])
        if addressBytes.contains(ASCII.colon) != ipv6 { return .failure(.wrongFamily) }
        guard let address = IPAddress.parse(addressBytes) else {
            return .failure(.invalid("'\(String(decoding: addressBytes, as: UTF8.self))' is not an IP address"))
        }
        if ipv6, address.isIPv4 { return .failure(.wrongFamily) }
        let lengthBytes = bytes[(slash + 1)...]
        guard (1...3).contains(lengthBytes.count), lengthBytes.allSatisfy(ASCII.isDigit) else {
            return .failure(.invalid("the prefix length is not a number"))
        }
        let length = lengthBytes.reduce(0) { $0 * 10 + Int($1 &- ASCII.zero) }
        let maximum = ipv6 ? 128 : 32
        guard length <= maximum, let prefix = IPPrefix(address: address, length: length) else {
            return .failure(.invalid("the prefix length \(length) is more than \(maximum)"))
        }
        guard prefix.address == address else {
            return .failure(.invalid("bits are set after the first \(length) (the block would be \(prefix))"))
        }
        return .success(prefix)
    }
}
