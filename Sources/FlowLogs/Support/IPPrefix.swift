/// A CIDR block such as `10.0.0.0/16` or `2600:1f18::/33`.
///
/// IPv4 prefixes are held in the IPv4-mapped space, so `10.0.0.0/16` covers the same integers as
/// `::ffff:10.0.0.0/112`; `length` is always the IPv4 or IPv6 length the user wrote.
public struct IPPrefix: Hashable, Sendable, CustomStringConvertible {
    /// The first address of the block (host bits are cleared).
    public let address: IPAddress
    /// The prefix length as written: 0–32 for IPv4, 0–128 for IPv6.
    public let length: Int

    /// Creates a prefix, clearing any host bits of `address`.
    /// - Returns: `nil` when `length` is out of range for the address family.
    public init?(address: IPAddress, length: Int) {
        let maximum = address.isIPv4 ? 32 : 128
        guard length >= 0, length <= maximum else { return nil }
        self.length = length
        let mask = Self.mask(length128: address.isIPv4 ? length + 96 : length)
        self.address = IPAddress(value: address.value & mask)
    }

    /// Parses `ADDRESS/LENGTH`; `nil` when either part is invalid.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(String(parts[0])),
              !parts[1].isEmpty, parts[1].count <= 3, parts[1].allSatisfy(\.isASCII),
              let length = Int(parts[1]) else { return nil }
        self.init(address: address, length: length)
    }

    /// The prefix length in the 128-bit space (IPv4 lengths plus 96).
    public var length128: Int { address.isIPv4 ? length + 96 : length }

    /// The first address of the block.
    public var first: IPAddress { address }

    /// The last address of the block.
    public var last: IPAddress { IPAddress(value: address.value | ~Self.mask(length128: length128)) }

    /// True when `candidate` lies in the block.
    public func contains(_ candidate: IPAddress) -> Bool {
        candidate.value & Self.mask(length128: length128) == address.value
    }

    public var description: String { "\(address)/\(length)" }

    /// The network mask with `length128` leading one bits.
    static func mask(length128: Int) -> UInt128 {
        length128 == 0 ? 0 : ~UInt128(0) << (128 - length128)
    }
}
