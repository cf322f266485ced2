/// NAT bytes per endpoint service, as DNS named them: what the report's per-endpoint rows are
/// made from. Bounded: one row per service the map knows (itself bounded), and per row at most
/// `maximumSources` connecting addresses (the rest summed apart). Unnamed and ambiguous bytes
/// keep their own totals: nothing is given to a service the data does not name.
///
///     var tally = EndpointTally()
///     tally.add(names.naming(vpc: vpc, address: peer, source: origin, start: start, end: end),
///               bytes: bytes, origin: origin)
public struct EndpointTally: Sendable, Equatable {
    /// The bytes one service was named for.
    public struct Row: Sendable, Equatable {
        public var bytes: UInt64 = 0
        public var records: UInt64 = 0
        /// Of `bytes`, those named by the connecting interface's own query (else by the VPC's).
        public var sameSourceBytes: UInt64 = 0
        /// Bytes by connecting address (at most `maximumSources` of them).
        public var sources: [IPAddress: UInt64] = [:]
        /// Bytes of connecting addresses beyond `maximumSources`.
        public var otherSourcesBytes: UInt64 = 0
    }

    public static let maximumSources = 64

    /// By service index of the `DNSNames` the namings came from.
    public private(set) var rows: [Int: Row] = [:]
    /// Bytes to addresses that answers of several services named in the window.
    public private(set) var ambiguousBytes: UInt64 = 0
    public private(set) var ambiguousRecords: UInt64 = 0
    /// Bytes to addresses no answer named.
    public private(set) var unnamedBytes: UInt64 = 0
    public private(set) var unnamedRecords: UInt64 = 0

    public init() {}

    /// Counts one record's bytes under what DNS said of its peer.
    public mutating func add(_ naming: DNSNaming, bytes: UInt64, origin: IPAddress?) {
        switch naming {
        case .unnamed:
            unnamedBytes = unnamedBytes.saturatingAdd(bytes)
            unnamedRecords += 1
        case .ambiguous:
            ambiguousBytes = ambiguousBytes.saturatingAdd(bytes)
            ambiguousRecords += 1
        case let .named(service, _, sameSource):
            rows[service, default: Row()].add(bytes: bytes, records: 1, sameSource: sameSource ? bytes : 0, origin: origin)
        }
    }

    /// All bytes counted, named or not.
    public var totalBytes: UInt64 {
        rows.values.reduce(unnamedBytes.saturatingAdd(ambiguousBytes)) { $0.saturatingAdd($1.bytes) }
    }

    /// The share of bytes that got a name (DNS coverage); `nil` without bytes.
    public var coverage: Double? {
        let total = totalBytes
        guard total > 0 else { return nil }
        return Double(total - unnamedBytes - ambiguousBytes) / Double(total)
    }

    /// Folds another worker's tally into this one (service indices of the same `DNSNames`).
    public mutating func merge(_ other: EndpointTally) {
        unnamedBytes = unnamedBytes.saturatingAdd(other.unnamedBytes)
        unnamedRecords += other.unnamedRecords
        ambiguousBytes = ambiguousBytes.saturatingAdd(other.ambiguousBytes)
        ambiguousRecords += other.ambiguousRecords
        for (service, row) in other.rows {
            var mine = rows[service] ?? Row()
            mine.bytes = mine.bytes.saturatingAdd(row.bytes)
            mine.records += row.records
            mine.sameSourceBytes = mine.sameSourceBytes.saturatingAdd(row.sameSourceBytes)
            mine.otherSourcesBytes = mine.otherSourcesBytes.saturatingAdd(row.otherSourcesBytes)
            for (origin, bytes) in row.sources.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                mine.addSource(origin, bytes)
            }
            rows[service] = mine
        }
    }
}

extension EndpointTally.Row {
    mutating func add(bytes: UInt64, records: UInt64, sameSource: UInt64, origin: IPAddress?) {
        self.bytes = self.bytes.saturatingAdd(bytes)
        self.records += records
        sameSourceBytes = sameSourceBytes.saturatingAdd(sameSource)
        if let origin { addSource(origin, bytes) } else { otherSourcesBytes = otherSourcesBytes.saturatingAdd(bytes) }
    }

    mutating func addSource(_ origin: IPAddress, _ bytes: UInt64) {
        if let known = sources[origin] {
            sources[origin] = known.saturatingAdd(bytes)
        } else if sources.count < EndpointTally.maximumSources {
            sources[origin] = bytes
        } else {
            otherSourcesBytes = otherSourcesBytes.saturatingAdd(bytes)
        }
    }
}
