/// The span of the counted NAT records.
public struct TimeWindow: Sendable {
    public var start: UInt64
    public var end: UInt64
    public var hours: Double { Double(end - start) / 3600 }
    /// Monthly figures = observed × this (730 hours / window hours).
    public var monthlyFactor: Double { 730 / max(hours, 1.0 / 60) }
    /// Under a day of data: monthly figures are a rough projection. A day of logs spans a little
    /// less than 24 hours from its first record's start to its last record's end (records close
    /// at the end of their aggregation interval, at most 10 minutes), so a window of 23 h 50 min
    /// or more is a full day, never "only 23.98 hours".
    public var isRough: Bool { end - start < 24 * 3600 - 600 }
}
