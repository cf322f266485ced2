/// The typed values of one flow-log record. `nil` where the format lacks the field or the
/// record holds `-` there.
///
/// Values are stored unwrapped with one presence bit each, so starting a new record costs one
/// store (`clear()`), not seventeen optionals: this struct is filled millions of times a second.
/// Every number sits in a 64-bit cell and every address in an `IPAddress`, so the parser's fast
/// path writes any of them with one store at a fixed offset (`storageOffset(of:)`), no switch.
/// Text fields (interface id, instance id, ARNs…) are not copied: read them through
/// `RecordParser.text(_:)` while the record is being handed out.
public struct FlowRecord: Sendable {
    /// One bit per field: set when the field holds a value.
    var present: UInt32 = 0
    private var storedSrcaddr: IPAddress = IPAddress(value: 0)
    private var storedDstaddr: IPAddress = IPAddress(value: 0)
    private var storedPktSrcaddr: IPAddress = IPAddress(value: 0)
    private var storedPktDstaddr: IPAddress = IPAddress(value: 0)
    private var storedVersion: UInt64 = 0
    private var storedSrcport: UInt64 = 0
    private var storedDstport: UInt64 = 0
    private var storedProtocolNumber: UInt64 = 0
    private var storedPackets: UInt64 = 0
    private var storedBytes: UInt64 = 0
    private var storedStart: UInt64 = 0
    private var storedEnd: UInt64 = 0
    private var storedTrafficPath: UInt64 = 0
    private var storedTcpFlags: UInt64 = 0
    private var storedRecords: UInt64 = 0
    private var storedAction: FlowAction = .accept
    private var storedLogStatus: LogStatus = .ok
    private var storedFlowDirection: FlowDirection = .ingress

    public init() {}

    /// Forgets every value (the storage is reused).
    @inline(__always)
    mutating func clear() { present = 0 }

    /// True unless the record is NODATA or SKIPDATA.
    public var isOK: Bool { logStatus == nil || logStatus == .ok }

    public var version: UInt8? {
        @inline(__always) get { present & 1 != 0 ? UInt8(truncatingIfNeeded: storedVersion) : nil }
        @inline(__always) set {
            if let newValue { storedVersion = UInt64(newValue); present |= 1 } else { present &= ~1 }
        }
    }

    public var srcaddr: IPAddress? {
        @inline(__always) get { present & 2 != 0 ? storedSrcaddr : nil }
        @inline(__always) set {
            if let newValue { storedSrcaddr = newValue; present |= 2 } else { present &= ~2 }
        }
    }

    public var dstaddr: IPAddress? {
        @inline(__always) get { present & 4 != 0 ? storedDstaddr : nil }
        @inline(__always) set {
            if let newValue { storedDstaddr = newValue; present |= 4 } else { present &= ~4 }
        }
    }

    public var pktSrcaddr: IPAddress? {
        @inline(__always) get { present & 8 != 0 ? storedPktSrcaddr : nil }
        @inline(__always) set {
            if let newValue { storedPktSrcaddr = newValue; present |= 8 } else { present &= ~8 }
        }
    }

    public var pktDstaddr: IPAddress? {
        @inline(__always) get { present & 16 != 0 ? storedPktDstaddr : nil }
        @inline(__always) set {
            if let newValue { storedPktDstaddr = newValue; present |= 16 } else { present &= ~16 }
        }
    }

    public var srcport: UInt16? {
        @inline(__always) get { present & 32 != 0 ? UInt16(truncatingIfNeeded: storedSrcport) : nil }
        @inline(__always) set {
            if let newValue { storedSrcport = UInt64(newValue); present |= 32 } else { present &= ~32 }
        }
    }

    public var dstport: UInt16? {
        @inline(__always) get { present & 64 != 0 ? UInt16(truncatingIfNeeded: storedDstport) : nil }
        @inline(__always) set {
            if let newValue { storedDstport = UInt64(newValue); present |= 64 } else { present &= ~64 }
        }
    }

    /// The IANA protocol number (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6).
    public var protocolNumber: UInt8? {
        @inline(__always) get { present & 128 != 0 ? UInt8(truncatingIfNeeded: storedProtocolNumber) : nil }
        @inline(__always) set {
            if let newValue { storedProtocolNumber = UInt64(newValue); present |= 128 } else { present &= ~128 }
        }
    }

    public var packets: UInt64? {
        @inline(__always) get { present & 256 != 0 ? storedPackets : nil }
        @inline(__always) set {
            if let newValue { storedPackets = newValue; present |= 256 } else { present &= ~256 }
        }
    }

    public var bytes: UInt64? {
        @inline(__always) get { present & 512 != 0 ? storedBytes : nil }
        @inline(__always) set {
            if let newValue { storedBytes = newValue; present |= 512 } else { present &= ~512 }
        }
    }

    /// Unix seconds: the start of the aggregation window.
    public var start: UInt64? {
        @inline(__always) get { present & 1024 != 0 ? storedStart : nil }
        @inline(__always) set {
            if let newValue { storedStart = newValue; present |= 1024 } else { present &= ~1024 }
        }
    }

    /// Unix seconds: the end of the aggregation window.
    public var end: UInt64? {
        @inline(__always) get { present & 2048 != 0 ? storedEnd : nil }
        @inline(__always) set {
            if let newValue { storedEnd = newValue; present |= 2048 } else { present &= ~2048 }
        }
    }

    public var action: FlowAction? {
        @inline(__always) get { present & 4096 != 0 ? storedAction : nil }
        @inline(__always) set {
            if let newValue { storedAction = newValue; present |= 4096 } else { present &= ~4096 }
        }
    }

    /// `nil` when the format has no `log-status` (records then count as OK).
    public var logStatus: LogStatus? {
        @inline(__always) get { present & 8192 != 0 ? storedLogStatus : nil }
        @inline(__always) set {
            if let newValue { storedLogStatus = newValue; present |= 8192 } else { present &= ~8192 }
        }
    }

    public var flowDirection: FlowDirection? {
        @inline(__always) get { present & 16384 != 0 ? storedFlowDirection : nil }
        @inline(__always) set {
            if let newValue { storedFlowDirection = newValue; present |= 16384 } else { present &= ~16384 }
        }
    }

    /// 1–8 (egress only); see DOMAIN.md §1.
    public var trafficPath: UInt8? {
        @inline(__always) get { present & 32768 != 0 ? UInt8(truncatingIfNeeded: storedTrafficPath) : nil }
        @inline(__always) set {
            if let newValue { storedTrafficPath = UInt64(newValue); present |= 32768 } else { present &= ~32768 }
        }
    }

    public var tcpFlags: UInt8? {
        @inline(__always) get { present & 65536 != 0 ? UInt8(truncatingIfNeeded: storedTcpFlags) : nil }
        @inline(__always) set {
            if let newValue { storedTcpFlags = UInt64(newValue); present |= 65536 } else { present &= ~65536 }
        }
    }

    /// The `records` column of a pre-aggregated row: how many records it stands for.
    public var records: UInt64? {
        @inline(__always) get { present & 131072 != 0 ? storedRecords : nil }
        @inline(__always) set {
            if let newValue { storedRecords = newValue; present |= 131072 } else { present &= ~131072 }
        }
    }

    /// How many records this one stands for: its `records` value, else 1 (a raw record, or `-`).
    public var multiplicity: UInt64 {
        @inline(__always) get { present & 131072 != 0 ? storedRecords : 1 }
    }
}

extension FlowRecord {
    /// The bit of `present` that says whether `slot` holds a value (0 for slots without a field).
    static func presenceBit(of slot: RecordParser.Slot) -> UInt32 {
        switch slot {
        case .version: return 1
        case .srcaddr: return 2
        case .dstaddr: return 4
        case .pktSrcaddr: return 8
        case .pktDstaddr: return 16
        case .srcport: return 32
        case .dstport: return 64
        case .protocolNumber: return 128
        case .packets: return 256
        case .bytes: return 512
        case .start: return 1024
        case .end: return 2048
        case .action: return 4096
        case .logStatus: return 8192
        case .flowDirection: return 16384
        case .trafficPath: return 32768
        case .tcpFlags: return 65536
        case .records: return 131072
        case .text, .otherCount: return 0
        }
    }
}

extension FlowRecord {
    /// Where the value of `slot` is stored, for a write through a pointer to the record: a
    /// `UInt64` for numbers, an `IPAddress` for addresses; `nil` for keywords and for slots
    /// without a field.
    static func storageOffset(of slot: RecordParser.Slot) -> Int? {
        switch slot {
        case .version: return MemoryLayout<FlowRecord>.offset(of: \.storedVersion)
        case .srcaddr: return MemoryLayout<FlowRecord>.offset(of: \.storedSrcaddr)
        case .dstaddr: return MemoryLayout<FlowRecord>.offset(of: \.storedDstaddr)
        case .pktSrcaddr: return MemoryLayout<FlowRecord>.offset(of: \.storedPktSrcaddr)
        case .pktDstaddr: return MemoryLayout<FlowRecord>.offset(of: \.storedPktDstaddr)
        case .srcport: return MemoryLayout<FlowRecord>.offset(of: \.storedSrcport)
        case .dstport: return MemoryLayout<FlowRecord>.offset(of: \.storedDstport)
        case .protocolNumber: return MemoryLayout<FlowRecord>.offset(of: \.storedProtocolNumber)
        case .packets: return MemoryLayout<FlowRecord>.offset(of: \.storedPackets)
        case .bytes: return MemoryLayout<FlowRecord>.offset(of: \.storedBytes)
        case .start: return MemoryLayout<FlowRecord>.offset(of: \.storedStart)
        case .end: return MemoryLayout<FlowRecord>.offset(of: \.storedEnd)
        case .trafficPath: return MemoryLayout<FlowRecord>.offset(of: \.storedTrafficPath)
        case .tcpFlags: return MemoryLayout<FlowRecord>.offset(of: \.storedTcpFlags)
        case .records: return MemoryLayout<FlowRecord>.offset(of: \.storedRecords)
        case .action, .logStatus, .flowDirection, .text, .otherCount: return nil
        }
    }
}

/// Why a line is not a record.
public enum MalformedReason: Equatable, Sendable, CustomStringConvertible {
    /// Fewer values than the format has fields.
    case tooFewFields(found: Int, expected: Int, assumed: Bool)
    /// More values than the default format has, with no header or `--format` to explain them.
    case tooManyFields(found: Int, expected: Int)
    /// A value that does not parse or does not fit its field.
    case invalidValue(field: String, value: String, expected: String)
    /// A control character (NUL, escape…) inside the line.
    case controlCharacter(byte: UInt8)
    /// `end` is before `start`.
    case endBeforeStart(start: UInt64, end: UInt64)
    /// Longer than the line-length limit.
    case tooLong(limit: Int)
    /// The file broke off (damage) in the middle of this line.
    case incomplete

    public var description: String {
        let hint = " (default format assumed: pass --format)"
        switch self {
        case let .tooFewFields(found, expected, assumed):
            return "\(found) fields, the format has \(expected)" + (assumed ? hint : "")
        case let .tooManyFields(found, expected):
            return "\(found) fields, the format has \(expected)" + hint
        case let .invalidValue(field, value, expected):
            return "\(field) '\(value)' is not \(expected)"
        case let .endBeforeStart(start, end):
            return "end \(end) is before start \(start)"
        case let .controlCharacter(byte):
            return "control character 0x\(String(byte, radix: 16, uppercase: false)) in the line"
        case let .tooLong(limit):
            return "line longer than \(limit) bytes"
        case .incomplete:
            return "incomplete line where the file broke off (not counted)"
        }
    }
}
