/// Bytes each way and records.
public struct DirectionalTally: Sendable, Equatable {
    public var bytesOut: UInt64 = 0
    public var bytesIn: UInt64 = 0
    public var packets: UInt64 = 0
    public var records: UInt64 = 0
    public var bytes: UInt64 { bytesOut.saturatingAdd(bytesIn) }

    public init() {}

    mutating func add(_ tally: Tally, direction: Direction) {
        if direction == .outbound { bytesOut = bytesOut.saturatingAdd(tally.bytes) } else { bytesIn = bytesIn.saturatingAdd(tally.bytes) }
        packets = packets.saturatingAdd(tally.packets)
        records = records.saturatingAdd(tally.records)
    }

    mutating func add(_ other: DirectionalTally) {
        bytesOut = bytesOut.saturatingAdd(other.bytesOut)
        bytesIn = bytesIn.saturatingAdd(other.bytesIn)
        packets = packets.saturatingAdd(other.packets)
        records = records.saturatingAdd(other.records)
    }
}
