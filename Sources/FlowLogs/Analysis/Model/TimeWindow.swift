/// The span of the counted NAT records.
public struct TimeWindow: Sendable {
    public var start: UInt64
    public var end: UInt64
    public var hours: Double { Double(end - start) / 3600 }
    /// Monthly figures = observed × this (730 hours / window hours).
    public var monthlyFactor: Double { 730 / max(hours, 1.0 / 60) }
    /// Under a day of data: monthly figures are a rough projection.
    public var isRough: Bool { hours < 24 }
}
