/// The ordered field list of flow-log records: from a header line, from `--format`, or the
/// default version-2 format.
///
/// Fields are mapped by name, never by count. Names flowscan does not know are kept as opaque
/// columns; a name repeated in one list is kept the first time and opaque after that.
public struct FlowLogFormat: Hashable, Sendable {
    /// One column of the format.
    public enum Column: Hashable, Sendable {
        case field(FlowField)
        case unknown(String)
    }

    /// The columns in record order.
    public let columns: [Column]
    /// The column names as written.
    public let names: [String]
    /// True when this is the default format assumed for input with no header and no `--format`.
    public let isAssumed: Bool
    /// Where each known field stands, indexed by `FlowField.ordinal`; -1 when absent.
    let positions: [Int]

    /// Creates a format from field names in record order.
    public init(names: [String], isAssumed: Bool = false) {
        self.names = names
        self.isAssumed = isAssumed
        var positions = [Int](repeating: -1, count: FlowField.allCases.count)
        var columns: [Column] = []
        for (index, name) in names.enumerated() {
            if let field = FlowField.byName[name], positions[field.ordinal] < 0 {
                positions[field.ordinal] = index
                columns.append(.field(field))
            } else {
                columns.append(.unknown(name))
            }
        }
        self.columns = columns
        self.positions = positions
        isTransitGateway = columns.contains { if case let .field(field) = $0 { return field.isTransitGatewayOnly } else { return false } }
    }

    /// The default format (version 2), assumed when a file has no header and no `--format` is given.
    public static let assumedDefault = FlowLogFormat(names: FlowField.defaultFormat.map(\.rawValue), isAssumed: true)

    /// The index of `field` in a record, or `nil` when the format does not have it.
    public func position(of field: FlowField) -> Int? {
        let position = positions[field.ordinal]
        return position >= 0 ? position : nil
    }

    /// True when the format has `field`.
    public func has(_ field: FlowField) -> Bool { positions[field.ordinal] >= 0 }

    /// True for Transit Gateway flow logs, a different record type than VPC flow logs.
    public let isTransitGateway: Bool

    /// Names that flowscan does not know (kept as opaque columns).
    public var unknownNames: [String] {
        columns.compactMap { if case let .unknown(name) = $0 { return name } else { return nil } }
    }

    /// The highest flow-log version among the fields (2–8), as `version` would hold.
    public var version: Int {
        columns.reduce(2) { highest, column in
            guard case let .field(field) = column else { return highest }
            return max(highest, field.introducedIn)
        }
    }
}

extension FlowLogFormat {
    /// Parses a `--format` value: `version srcaddr …`, `version,srcaddr,…`, or the console's
    /// `${version} ${srcaddr} …`.
    ///
    ///     "${version} ${account-id}"  →  ["version", "account-id"]
    ///
    /// - Throws: `FormatError` when the list is empty or a name is not a field name.
    public static func parse(specification: String) throws(FormatError) -> FlowLogFormat {
        let separators: Set<Character> = [" ", ",", "\t", "\n"]
        let words = specification.split(whereSeparator: { separators.contains($0) })
        guard !words.isEmpty else { throw .empty }
        guard words.count <= RecordParser.maximumFields else { throw .tooManyFields(words.count) }
        var names: [String] = []
        for word in words {
            var name = Substring(word)
            if name.hasPrefix("${") {
                guard name.hasSuffix("}"), name.count > 3 else { throw .invalidName(String(word)) }
                name = name.dropFirst(2).dropLast()
            }
            guard name.allSatisfy(\.isFieldNameCharacter) else { throw .invalidName(String(word)) }
            names.append(String(name))
        }
        return FlowLogFormat(names: names)
    }

    /// True when `line` is a header: every token is a field-like name and at least two of them
    /// (or the only one) are names flowscan knows.
    static func isHeader(_ tokens: [Substring]) -> Bool {
        guard !tokens.isEmpty else { return false }
        var known = 0
        for token in tokens {
            guard token.allSatisfy(\.isFieldNameCharacter) else { return false }
            if FlowField.byName[String(token)] != nil { known += 1 }
        }
        return known >= min(2, tokens.count)
    }
}

/// A `--format` value that cannot be used.
public enum FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The value names no fields.
    case empty
    /// A word is not a field name (letters, digits, `-` and `_`, optionally inside `${…}`).
    case invalidName(String)
    /// More fields than a record may hold.
    case tooManyFields(Int)

    public var description: String {
        switch self {
        case .empty:
            return "the format names no fields; give field names such as 'version account-id interface-id srcaddr …'"
        case let .invalidName(word):
            return "'\(word)' is not a field name; write names as in a flow-log header ('srcaddr') or as '${srcaddr}'"
        case let .tooManyFields(count):
            return "\(count) fields; a record has at most \(RecordParser.maximumFields)"
        }
    }
}

extension Character {
    /// Letters, digits, `-` and `_`: what flow-log field names are made of.
    var isFieldNameCharacter: Bool {
        isASCII && (isLetter || isNumber || self == "-" || self == "_")
    }
}

extension FlowField {
    /// The flow-log version that introduced the field (6 for Transit Gateway fields).
    var introducedIn: Int {
        if isTransitGatewayOnly { return 6 }
        switch self {
        case .vpcID, .subnetID, .instanceID, .tcpFlags, .type, .pktSrcaddr, .pktDstaddr: return 3
        case .region, .azID, .sublocationType, .sublocationID: return 4
        case .pktSrcAWSService, .pktDstAWSService, .flowDirection, .trafficPath: return 5
        case .rejectReason: return 8
        default: return rawValue.hasPrefix("ecs-") ? 7 : 2
        }
    }
}
