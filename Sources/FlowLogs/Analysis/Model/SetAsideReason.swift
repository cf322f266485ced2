/// Why records that were read play no part in the NAT figures.
public enum SetAsideReason: Sendable, Equatable, CaseIterable {
    /// Outside `--since`/`--until`.
    case outsideWindow
    /// No source or destination address.
    case withoutAddresses
    /// Accepted, but `bytes` is `-`.
    case withoutBytes
    /// Private to private.
    case eastWest
    /// Neither side private, or a special address (link-local, multicast…).
    case otherAddresses
    /// REJECT records (shown under exposure).
    case rejected
    /// IPv6 (shown under exposure).
    case ipv6
}
