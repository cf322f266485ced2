/// The typed values of one flow-log record. `nil` where the format lacks the field or the
/// record holds `-` there.
///
/// Text fields (interface id, instance id, ARNs…) are not copied: read them through
/// `RecordParser.text(_:)` while the record is being handed out.
public struct FlowRecord: Sendable {
    public var version: UInt8?
    public var srcaddr: IPAddress?
    public var dstaddr: IPAddress?
    public var pktSrcaddr: IPAddress?
    public var pktDstaddr: IPAddress?
    public var srcport: UInt16?
    public var dstport: UInt16?
    /// The IANA protocol number (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6).
    public var protocolNumber: UInt8?
    public var packets: UInt64?
    public var bytes: UInt64?
    /// Unix seconds: the start of the aggregation window.
    public var start: UInt64?
    /// Unix seconds: the end of the aggregation window.
    public var end: UInt64?
    public var action: FlowAction?
    /// `nil` when the format has no `log-status` (records then count as OK).
    public var logStatus: LogStatus?
    public var flowDirection: FlowDirection?
    /// 1–8 (egress only); see DOMAIN.md §1.
    public var trafficPath: UInt8?
    public var tcpFlags: UInt8?

    public init() {}

    /// True unless the record is NODATA or SKIPDATA.
    public var isOK: Bool { logStatus == nil || logStatus == .ok }
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
        case let .controlCharacter(byte):
            return "control character 0x\(String(byte, radix: 16, uppercase: false)) in the line"
        case let .tooLong(limit):
            return "line longer than \(limit) bytes"
        case .incomplete:
            return "incomplete line where the file broke off (not counted)"
        }
    }
}
