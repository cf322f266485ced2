/// Why a line of a Resolver query log is not a usable query record (it is counted, never dropped
/// silently).
public enum ResolverLineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line does not start with `{` (after an optional CloudWatch timestamp).
    case notAnObject
    /// A byte JSON does not allow here (0-based offset within the record).
    case unexpected(byte: UInt8, offset: Int)
    /// A string without its closing quote.
    case unterminatedString(offset: Int)
    /// A backslash escape JSON does not define.
    case badEscape(offset: Int)
    /// The line ends inside the object.
    case incompleteObject
    /// Something other than spaces after the object.
    case trailing(offset: Int)
    /// Objects or arrays nested deeper than the parser reads.
    case tooDeep
    /// A field every Resolver query record has is missing.
    case missing(String)
    /// `query_timestamp` is not ISO-8601 UTC (`2021-12-11T22:46:26Z`).
    case badTimestamp(String)
    /// `srcaddr` is not an IP address.
    case badSource(String)
    /// The line is longer than the reader keeps.
    case tooLong(limit: Int)
    /// The file broke off (damaged gzip) in the middle of this line.
    case incomplete

    public var description: String {
        switch self {
        case .notAnObject:
            return "not a JSON object: a Resolver query log line is one {…} record"
        case let .unexpected(byte, offset):
            let shown = byte >= 0x20 && byte < 0x7f ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
            return "invalid JSON: unexpected \(shown) at character \(offset + 1)"
        case let .unterminatedString(offset):
            return "invalid JSON: the string at character \(offset + 1) has no closing quote"
        case let .badEscape(offset):
            return "invalid JSON: bad escape at character \(offset + 1)"
        case .incompleteObject:
            return "invalid JSON: the line ends inside the record (cut short?)"
        case let .trailing(offset):
            return "invalid JSON: text after the record at character \(offset + 1)"
        case .tooDeep:
            return "invalid JSON: nested deeper than \(ResolverLineParser.maximumDepth) levels"
        case let .missing(field):
            return "no \(field) field: not a Resolver query log record"
        case let .badTimestamp(text):
            return "query_timestamp '\(text)' is not ISO-8601 UTC (2021-12-11T22:46:26Z)"
        case let .badSource(text):
            return "srcaddr '\(text)' is not an IP address"
        case let .tooLong(limit):
            return "line longer than \(limit) bytes"
        case .incomplete:
            return "incomplete last line (the file broke off inside it)"
        }
    }
}
