/// Bytes, packets and records counted together.
public struct Tally: Sendable, Equatable {
    public var bytes: UInt64 = 0
    public var packets: UInt64 = 0
    public var records: UInt64 = 0

    public init(bytes: UInt64 = 0, packets: UInt64 = 0, records: UInt64 = 0) {
        self.bytes = bytes
        self.packets = packets
        self.records = records
    }

    /// Counts one record, or a pre-aggregated row that stands for `records` of them.
    @inline(__always)
    mutating func add(bytes: UInt64, packets: UInt64, records: UInt64 = 1) {
        self.bytes = self.bytes.saturatingAdd(bytes)
        self.packets = self.packets.saturatingAdd(packets)
        self.records = self.records.saturatingAdd(records)
    }

    mutating func add(_ other: Tally) {
        bytes = bytes.saturatingAdd(other.bytes)
        packets = packets.saturatingAdd(other.packets)
        records = records.saturatingAdd(other.records)
    }

    /// The share (0…1) of these bytes and packets, rounded; the records stay as they are (they
    /// are the records the share was taken from).
    func scaled(by share: Double) -> Tally {
        Tally(bytes: UInt64(saturating: (Double(bytes) * share).rounded()),
              packets: UInt64(saturating: (Double(packets) * share).rounded()),
              records: records)
    }
}
