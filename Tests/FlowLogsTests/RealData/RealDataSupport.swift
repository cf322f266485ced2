import Foundation
import Testing
@testable import FlowLogs

/// One record as flowscan read it: its typed values and the text of every field its format has
/// (`nil` for `-`).
struct CapturedRecord {
    var record: FlowRecord
    var texts: [FlowField: String]

    init(record: FlowRecord, parser: RecordParser) {
        self.record = record
        texts = [:]
        for field in FlowField.allCases {
            if let bytes = parser.text(field) { texts[field] = String(decoding: bytes, as: UTF8.self) }
        }
    }

    subscript(field: FlowField) -> String? { texts[field] }

    /// The typed value of a numeric field.
    func number(_ field: FlowField) -> UInt64? {
        switch field {
        case .version: return record.version.map(UInt64.init)
        case .srcport: return record.srcport.map(UInt64.init)
        case .dstport: return record.dstport.map(UInt64.init)
        case .protocol: return record.protocolNumber.map(UInt64.init)
        case .packets: return record.packets
        case .bytes: return record.bytes
        case .start: return record.start
        case .end: return record.end
        case .tcpFlags: return record.tcpFlags.map(UInt64.init)
        case .trafficPath: return record.trafficPath.map(UInt64.init)
        default: return nil
        }
    }

    /// The typed value of an address field.
    func address(_ field: FlowField) -> IPAddress? {
        switch field {
        case .srcaddr: return record.srcaddr
        case .dstaddr: return record.dstaddr
        case .pktSrcaddr: return record.pktSrcaddr
        case .pktDstaddr: return record.pktDstaddr
        default: return nil
        }
    }
}

/// Keeps every OK record the reader hands out, with `parser.text(field)` of every field present.
struct FieldCapturingSink: MergeableSink {
    var records: [CapturedRecord] = []
    mutating func beginFile(path: String) {}
    mutating func consume(_ parser: RecordParser) {
        records.append(CapturedRecord(record: parser.record, parser: parser))
    }
    mutating func merge(_ other: FieldCapturingSink) { records += other.records }
}

/// One line of a file parsed on its own (the sink only sees OK records; NODATA and SKIPDATA
/// values are checked through this).
struct ParsedLine {
    let number: Int
    let text: String
    let outcome: RecordParser.Outcome
    /// The values, for record, NODATA and SKIPDATA lines.
    let captured: CapturedRecord?
}

/// Reading the shared real data.
enum RealData {
    /// The v5 "all fields" order that Elastic uses for 29-token lines.
    static let v5AllFields = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status "
        + "vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id "
        + "pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path"
    /// v5 plus the ECS fields in DOMAIN.md order: Elastic's 39-token lines.
    static let v7AllFields = v5AllFields + " ecs-cluster-arn ecs-cluster-name ecs-container-instance-arn ecs-container-instance-id "
        + "ecs-container-id ecs-second-container-id ecs-service-name ecs-task-definition-arn ecs-task-arn ecs-task-id"
    /// v7 plus reject-reason: Elastic's 40-token lines.
    static let v8AllFields = v7AllFields + " reject-reason"

    /// The format Elastic's pipeline picks from a headerless line's token count (`nil`: the default, or a header decides).
    static func elasticFormat(tokens: Int) -> String? {
        switch tokens {
        case 29: return v5AllFields
        case 39: return v7AllFields
        case 40: return v8AllFields
        default: return nil
        }
    }

    /// The format named by `format`: a `.format` file under realdata, or field names.
    static func options(_ format: String?) throws -> ReadOptions {
        guard let format else { return ReadOptions() }
        let specification = format.hasSuffix(".format") ? try String(contentsOfFile: TestPaths.real(format), encoding: .utf8) : format
        return ReadOptions(format: try FlowLogFormat.parse(specification: specification))
    }

    /// Reads a file with flowscan's reader, keeping every OK record's values.
    static func read(_ relative: String, format: String? = nil) throws -> (FileSummary, [CapturedRecord]) {
        var sink = FieldCapturingSink()
        let reader = FlowLogFileReader(options: try options(format))
        defer { reader.deallocate() }
        let summary = reader.read(TestPaths.real(relative), into: &sink)
        return (summary, sink.records)
    }

    /// The file's bytes after decompression, through the reader's decoder (gzip by content).
    static func decodedBytes(_ relative: String) throws -> [UInt8] {
        let decoder = try DecodingReader(path: TestPaths.real(relative))
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { chunk.deallocate() }
        var bytes: [UInt8] = []
        while true {
            let count = try decoder.read(into: chunk)
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// Lines as a reader sees them: split at `\n`, the last one counted even without a newline.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        let newlines = bytes.count(where: { $0 == UInt8(ascii: "\n") })
        return newlines + (bytes.last.map { $0 == UInt8(ascii: "\n") ? 0 : 1 } ?? 0)
    }

    /// The file's text lines, decompressed (a final newline does not make an extra empty line).
    static func lines(_ relative: String) throws -> [String] {
        let text = String(decoding: try decodedBytes(relative), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    /// Parses every line of a text or gzip file with one parser (header lines switch its format).
    static func parseLines(_ relative: String, format: String? = nil) throws -> [ParsedLine] {
        let parser = RecordParser(format: try options(format).format ?? .assumedDefault)
        return try lines(relative).enumerated().map { index, line in
            parse(line, number: index + 1, with: parser)
        }
    }

    /// Parses one line with `parser`, capturing its values while the line is still in memory.
    static func parse(_ line: String, number: Int = 1, with parser: RecordParser) -> ParsedLine {
        var copy = line
        return copy.withUTF8 { buffer in
            let outcome = parser.parse(UnsafeRawBufferPointer(buffer))
            let hasValues = outcome == .record || outcome == .noData || outcome == .skipData
            return ParsedLine(number: number, text: line, outcome: outcome,
                              captured: hasValues ? CapturedRecord(record: parser.record, parser: parser) : nil)
        }
    }

    /// A test case of Filebeat's `aws-vpc-flow-logs.yml`: its format and samples.
    struct BeatsCase {
        var name: String
        var format: String
        var samples: [String] = []
    }

    /// The cases of `elastic-beats-processor/aws-vpc-flow-logs.yml` that have samples of their own (the
    /// `*-ecs` variants only alias them). Read line by line: the file uses one simple YAML shape.
    static func beatsCases() throws -> [BeatsCase] {
        var cases: [BeatsCase] = []
        for line in try lines("elastic-beats-processor/aws-vpc-flow-logs.yml") {
            if let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") {
                cases.append(BeatsCase(name: String(line[..<colon]), format: ""))
            } else if line.hasPrefix("  format: "), !cases.isEmpty {
                cases[cases.count - 1].format = String(line.dropFirst("  format: ".count))
            } else if line.hasPrefix("    - "), !cases.isEmpty {
                var sample = Substring(line.dropFirst("    - ".count))
                if sample.hasPrefix("'"), sample.hasSuffix("'") { sample = sample.dropFirst().dropLast() }
                cases[cases.count - 1].samples.append(String(sample))
            }
        }
        return cases.filter { !$0.samples.isEmpty }
    }

    /// A JSON file under realdata, parsed with Foundation.
    static func json(_ relative: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestPaths.real(relative))))
    }
}

// MARK: Comparing with peers' values

/// A peer's scalar JSON value as text; `nil` for `-` and null (a dash means "no value" in flow logs).
func peerText(_ value: Any) -> String? {
    if let text = value as? String { return text == "-" ? nil : text }
    if let number = value as? Int { return String(number) }
    return nil
}

/// The value at a dotted path: a flat key (`"source.ip"`, as Filebeat writes) or nested objects.
func peerValue(_ document: [String: Any], _ path: String) -> Any? {
    if let flat = document[path] { return flat }
    var current: Any = document
    for key in path.split(separator: ".") {
        guard let object = current as? [String: Any], let next = object[String(key)] else { return nil }
        current = next
    }
    return current
}

/// Checks that a peer's value for `field` agrees with what flowscan read: addresses compared as
/// `IPAddress`, numbers as numbers, times as Unix seconds (ISO-8601 or seconds), the rest as text.
func expectAgreement(_ captured: CapturedRecord, _ field: FlowField, _ value: Any, _ context: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
    let comment = Comment(rawValue: "\(context): \(field.rawValue) = \(value)")
    let text = peerText(value)
    if value is String || value is NSNull {} else if text == nil {
        Issue.record("\(context): \(field.rawValue) has a value that is neither text nor a whole number: \(value)", sourceLocation: sourceLocation)
        return
    }
    /// Converts the peer's text, recording an issue when it does not convert (so nil == nil never passes by accident).
    func converted<T>(_ convert: (String) -> T?) -> T? {
        guard let text else { return nil }
        let result = convert(text)
        if result == nil { Issue.record("\(comment.rawValue): the peer's value does not convert", sourceLocation: sourceLocation) }
        return result
    }
    switch field {
    case .srcaddr, .dstaddr, .pktSrcaddr, .pktDstaddr:
        #expect(captured.address(field) == converted { IPAddress($0) }, comment, sourceLocation: sourceLocation)
    case .start, .end:
        #expect(captured.number(field) == converted(UnixTime.parse), comment, sourceLocation: sourceLocation)
    case .version, .srcport, .dstport, .protocol, .packets, .bytes, .tcpFlags, .trafficPath:
        #expect(captured.number(field) == converted { UInt64($0) }, comment, sourceLocation: sourceLocation)
    case .action:
        #expect(captured.record.action == converted { ["ACCEPT": FlowAction.accept, "REJECT": .reject][$0] },
                comment, sourceLocation: sourceLocation)
    case .logStatus:
        #expect(captured.record.logStatus == converted { ["OK": LogStatus.ok, "NODATA": .noData, "SKIPDATA": .skipData][$0] },
                comment, sourceLocation: sourceLocation)
    case .flowDirection:
        #expect(captured.record.flowDirection == converted { ["ingress": FlowDirection.ingress, "egress": .egress][$0] },
                comment, sourceLocation: sourceLocation)
    default:
        #expect(captured[field] == text, comment, sourceLocation: sourceLocation)
    }
}

/// Compares a flat peer record whose keys are field names with `_` for `-` (flowlogs-reader,
/// Panther). Keys in `ignoring` are not fields; every other key must name one.
/// - Returns: the fields compared.
@discardableResult
func expectAgreement(_ captured: CapturedRecord, withFieldsOf document: [String: Any], _ context: String,
                     ignoring: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation) -> Set<FlowField> {
    var compared: Set<FlowField> = []
    for (key, value) in document.sorted(by: { $0.key < $1.key }) where !ignoring.contains(key) {
        guard let field = FlowField(rawValue: key.replacingOccurrences(of: "_", with: "-")) else {
            Issue.record("\(context): '\(key)' names no flow-log field", sourceLocation: sourceLocation)
            continue
        }
        expectAgreement(captured, field, value, context, sourceLocation: sourceLocation)
        compared.insert(field)
    }
    return compared
}
