import Foundation
import Testing
@testable import FlowLogs

/// flowscan's reading of the real files against what peer tools expect of the same files.
@Suite(.enabled(if: TestPaths.hasRealData, "../shared/realdata is absent (a user's clone has none): real-data tests skipped"))
struct RealDataPeerOutputTests {
    // MARK: flowlogs-reader (obsrvbl-oss)

    /// S3 files with alphabetical headers. flowlogs-reader leaves out fields whose value is `-`,
    /// so every field we read must be one it states, and every field it states must agree.
    @Test(arguments: ["v3-s3-with-header", "v4-s3-with-header", "v5-s3-with-header"])
    func flowlogsReaderS3Files(name: String) throws {
        let (_, records) = try RealData.read("flowlogs-reader/\(name).log")
        let expected = try #require(try RealData.json("flowlogs-reader/\(name).expected.json") as? [[String: Any]])
        #expect(expected.count == 2)
        try #require(records.count == expected.count)
        for (index, (record, document)) in zip(records, expected).enumerated() {
            let compared = expectAgreement(record, withFieldsOf: document, "\(name) record \(index + 1)")
            #expect(Set(record.texts.keys).subtracting(compared).isEmpty, "\(name) record \(index + 1): fields the peer does not state")
        }
    }

    @Test func flowlogsReaderFirstCloudWatchRecord() throws {
        let (_, records) = try RealData.read("flowlogs-reader/v2-cwl-messages.log")
        let document = try #require(try RealData.json("flowlogs-reader/v2-cwl-messages.first-record.expected.json") as? [String: Any])
        let first = try #require(records.first)
        let compared = expectAgreement(first, withFieldsOf: document, "v2-cwl-messages record 1")
        #expect(compared == Set(FlowField.defaultFormat))
    }

    /// flowscan recognises Transit Gateway records and does not read them as VPC traffic (DOMAIN.md §1),
    /// so the peer's per-field values have nothing to be compared with; the header flowscan recorded
    /// must still name exactly the fields the peer reports.
    @Test func flowlogsReaderTransitGatewayRecordIsCountedNotParsed() throws {
        let (summary, records) = try RealData.read("flowlogs-reader/v6-tgw-s3-with-header.log")
        let expected = try #require(try RealData.json("flowlogs-reader/v6-tgw-s3-with-header.expected.json") as? [[String: Any]])
        #expect(summary.transitGateway == expected.count)
        #expect(summary.records == 0)
        #expect(records.isEmpty)
        let peerFields = Set(expected.flatMap(\.keys).map { $0.replacingOccurrences(of: "_", with: "-") })
        #expect(summary.formats.map(Set.init) == [peerFields])
    }

    // MARK: Elastic

    /// Elastic's ECS paths and the flow-log field each one states (its `aws.vpcflow.*` keys are mapped by name).
    static let elasticPaths: [(String, FlowField)] = [
        ("source.address", .srcaddr), ("source.ip", .srcaddr), ("destination.address", .dstaddr), ("destination.ip", .dstaddr),
        ("source.port", .srcport), ("destination.port", .dstport),
        ("network.bytes", .bytes), ("source.bytes", .bytes), ("network.packets", .packets), ("source.packets", .packets),
        ("network.iana_number", .protocol), ("network.direction", .flowDirection),
        ("event.start", .start), ("event.end", .end), ("event.action", .action), ("event.reason", .rejectReason),
        ("cloud.account.id", .accountID), ("cloud.instance.id", .instanceID),
        // v8: Elastic keeps `-` here ("region": "-"); a dash means no value to us, and the comparison treats it so.
        ("cloud.region", .region), ("cloud.availability_zone", .azID),
        ("orchestrator.cluster.id", .ecsClusterARN), ("orchestrator.cluster.name", .ecsClusterName),
        ("orchestrator.resource.id", .ecsContainerInstanceID), ("orchestrator.resource.name", .ecsContainerInstanceARN),
        ("service.name", .ecsServiceName),
    ]

    /// Compares an Elastic document (nested, or Filebeat's flat dotted keys) with what flowscan read.
    func expectElasticAgreement(_ captured: CapturedRecord, _ document: [String: Any], _ context: String,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        for (path, field) in Self.elasticPaths {
            guard var value = peerValue(document, path) else { continue }
            // Filebeat's processor writes event.action in lower case ("accept"); the integration as logged ("REJECT").
            if path == "event.action", let text = value as? String { value = text.uppercased() }
            expectAgreement(captured, field, value, "\(context) \(path)", sourceLocation: sourceLocation)
        }
        var vpcflow = (peerValue(document, "aws.vpcflow") as? [String: Any]) ?? [:]
        for (key, value) in document where key.hasPrefix("aws.vpcflow.") { vpcflow[String(key.dropFirst("aws.vpcflow.".count))] = value }
        #expect(!vpcflow.isEmpty, "\(context): no aws.vpcflow values", sourceLocation: sourceLocation)
        for (key, value) in vpcflow.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "tcp_flags_array":  // Elastic's names for the set bits of tcp-flags
                let names = ["fin", "syn", "rst", "psh", "ack", "urg"].enumerated()
                    .filter { (Int(captured.record.tcpFlags ?? 0) >> $0.offset) & 1 == 1 }.map(\.element)
                #expect(Set(names) == Set((value as? [String]) ?? ["?"]), "\(context) \(key)", sourceLocation: sourceLocation)
            case "sublocation":  // an empty object when sublocation-type and -id are `-`
                #expect((value as? [String: Any])?.isEmpty == true, sourceLocation: sourceLocation)
                #expect(captured[.sublocationType] == nil && captured[.sublocationID] == nil, sourceLocation: sourceLocation)
            case "pkt_src_service":
                expectAgreement(captured, .pktSrcAWSService, value, "\(context) aws.vpcflow.\(key)", sourceLocation: sourceLocation)
            case "pkt_dst_service":
                expectAgreement(captured, .pktDstAWSService, value, "\(context) aws.vpcflow.\(key)", sourceLocation: sourceLocation)
            default:
                guard let field = FlowField(rawValue: key.replacingOccurrences(of: "_", with: "-")) else {
                    Issue.record("\(context): aws.vpcflow.\(key) names no flow-log field", sourceLocation: sourceLocation)
                    continue
                }
                expectAgreement(captured, field, value, "\(context) aws.vpcflow.\(key)", sourceLocation: sourceLocation)
            }
        }
        // Where Elastic states no address (real NODATA/SKIPDATA rows, all `-`), flowscan has none either.
        if peerValue(document, "source.address") == nil { #expect(captured.record.srcaddr == nil, sourceLocation: sourceLocation) }
        if peerValue(document, "destination.address") == nil { #expect(captured.record.dstaddr == nil, sourceLocation: sourceLocation) }
        if let type = peerValue(document, "network.type") as? String {
            #expect(captured.record.srcaddr.map { $0.isIPv4 ? "ipv4" : "ipv6" } == type, "\(context) network.type", sourceLocation: sourceLocation)
        }
    }

    /// Each expected document is found in the file by `event.original` and compared with that line as
    /// flowscan parses it: with the file's header when it has one, else the format Elastic infers from the
    /// token count (14: default, 29: v5 all fields, 40: v8). Lines are parsed one by one because NODATA and
    /// SKIPDATA records never reach a sink, and Elastic keeps their values (the generated v8 NODATA row has data).
    @Test(arguments: [
        "test-extra-samples.older-version.log", "test-tcp-flag-sequence.log", "test-v5-all-fields.log",
        "test-v8-samples.log", "test-with-message-field.log",
    ])
    func elasticExpectedDocuments(log: String) throws {
        let root = try #require(try RealData.json("elastic-vpcflow/\(log)-expected.json") as? [String: Any])
        let documents = try #require(root["expected"] as? [[String: Any]])
        let originals = try documents.map { try #require(peerValue($0, "event.original") as? String) }
        let format = RealData.elasticFormat(tokens: originals.first?.split(separator: " ").count ?? 0)
        let lines = try RealData.parseLines("elastic-vpcflow/\(log)", format: format)
        #expect(documents.count == lines.filter { $0.captured != nil }.count, "every record line has a document")
        for (document, original) in zip(documents, originals) {
            // test-with-message-field.log holds `{"message":"<original>"}`: flowscan strips the wrapper.
            let line = try #require(lines.first { $0.text == original || $0.text.contains("\"\(original)\"") }, "\(original)")
            let captured = try #require(line.captured, "\(log) line \(line.number) was not read as a record: \(line.outcome)")
            expectElasticAgreement(captured, document, "\(log) line \(line.number)")
        }
    }

    /// Filebeat's flat-key output for the AWS doc's NAT example with a header. Filebeat keeps
    /// `instance_id: "-"` as a value; to flowscan a dash is no value, and the comparison treats it so.
    @Test func filebeatCustomNATGateway() throws {
        let documents = try #require(try RealData.json("elastic-beats-vpcflow/custom-nat-gateway.log-expected.json") as? [[String: Any]])
        let (_, records) = try RealData.read("elastic-beats-vpcflow/custom-nat-gateway.log")
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.real("elastic-beats-vpcflow/custom-nat-gateway.log"))))
        try #require(records.count == documents.count)
        for (index, (record, document)) in zip(records, documents).enumerated() {
            // log.offset is where Filebeat found the line: the same line must be flowscan's record.
            let offset = try #require(document["log.offset"] as? Int)
            let original = try #require(document["event.original"] as? String)
            #expect(bytes[offset...].starts(with: Array((original + "\n").utf8)))
            #expect(record[.interfaceID] == original.split(separator: " ")[1].description)
            expectElasticAgreement(record, document, "custom-nat-gateway record \(index + 1)")
        }
    }

    /// Filebeat's processor goldens: the v7 ECS sample in "original" mode (keys are field names) and the
    /// service-name/traffic-path samples in ECS mode. Each `message` is parsed with its case's format.
    @Test func filebeatProcessorGoldens() throws {
        let all = try RealData.beatsCases()
        let cases: [String: RealData.BeatsCase] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
        for name in ["v7-fields-original", "service-name-path-direction"] {
            let item = try #require(cases[name])
            let documents = try #require(try RealData.json("elastic-beats-processor/\(name).golden.json") as? [[String: Any]])
            #expect(documents.compactMap { $0["message"] as? String } == item.samples)
            let parser = RecordParser(format: try FlowLogFormat.parse(specification: item.format))
            for (index, document) in documents.enumerated() {
                let line = RealData.parse(try #require(document["message"] as? String), with: parser)
                let captured = try #require(line.captured, "\(name) \(index + 1): \(line.outcome)")
                if name == "v7-fields-original" {
                    let vpcflow = try #require(peerValue(document, "aws.vpcflow") as? [String: Any])
                    let compared = expectAgreement(captured, withFieldsOf: vpcflow, "\(name) \(index + 1)")
                    #expect(Set(captured.texts.keys).subtracting(compared).isEmpty, "fields the peer does not state")
                } else {
                    expectElasticAgreement(captured, document, "\(name) \(index + 1)")
                }
            }
        }
        // The v6 golden is a Transit Gateway record (double spaces, Cyrillic `б`): flowscan counts it and
        // does not read it as VPC traffic, so its per-field values have nothing to be compared with.
        let v6 = try #require(try RealData.json("elastic-beats-processor/v6-fields-original.golden.json") as? [[String: Any]])
        #expect(v6.compactMap { $0["message"] as? String } == cases["v6-fields-original"]?.samples)
        let parser = RecordParser(format: .assumedDefault)
        #expect(RealData.parse(try #require(v6.first?["message"] as? String), with: parser).outcome == .transitGateway)
    }

    // MARK: Panther

    /// Panther ignores the trailing extra value (the file has a header, so flowscan does too) and drops
    /// account-id `unknown`; flowscan keeps `unknown` as the account-id text AWS wrote: the one difference.
    @Test(arguments: ["v2-default-header-extra-token.log", "v3-extended-header-extra-token.log", "v2-nodata-account-unknown.log"])
    func pantherExpectedRecords(log: String) throws {
        let all = try #require(try RealData.json("panther/panther.expected.json") as? [String: Any])
        let document = try #require(all[log] as? [String: Any])
        let (summary, records) = try RealData.read("panther/\(log)")
        // OK records come from the reader's sink; the NODATA record from parsing the file's lines.
        let parsed = try RealData.parseLines("panther/\(log)").compactMap(\.captured)
        let captured = try #require(records.first ?? parsed.first)
        #expect(summary.records + summary.noData == 1)
        #expect(parsed.count == 1)
        let compared = expectAgreement(captured, withFieldsOf: document, "panther \(log)", ignoring: ["note"])
        let unknownAccount = log == "v2-nodata-account-unknown.log"
        #expect(Set(captured.texts.keys).subtracting(compared) == (unknownAccount ? [.accountID] : []))
        if unknownAccount { #expect(captured[.accountID] == "unknown") }
    }

    // MARK: grafana/vpc-flow-logs-analyzer

    /// The reader's entries (NODATA and SKIPDATA yield none there, and are not records here).
    /// PktPublicAddr, PktPrivateAddr and Reporter are that analyzer's own derivations, not fields.
    @Test func grafanaReaderEntries() throws {
        let root = try #require(try RealData.json("grafana-vpc-flow-logs-analyzer/aws-test_flow_logs.expected.json") as? [String: Any])
        let entries = try #require(root["entries"] as? [[String: Any]])
        let (_, records) = try RealData.read("grafana-vpc-flow-logs-analyzer/aws-test_flow_logs.log")
        try #require(records.count == entries.count)
        let keys: [(String, FlowField)] = [
            ("SrcAddr", .srcaddr), ("DstAddr", .dstaddr), ("SrcPort", .srcport), ("DstPort", .dstport),
            ("PktSrcAddr", .pktSrcaddr), ("PktDstAddr", .pktDstaddr),
            ("PktSrcAWSService", .pktSrcAWSService), ("PktDstAWSService", .pktDstAWSService),  // `-` means absent
            ("Bytes", .bytes), ("Start", .start), ("End", .end),
        ]
        for (index, (record, entry)) in zip(records, entries).enumerated() {
            for (key, field) in keys {
                let value = try #require(entry[key], "entry \(index + 1) has no \(key)")
                expectAgreement(record, field, value, "grafana entry \(index + 1) \(key)")
            }
            #expect((record.record.action == .accept) == (entry["Accepted"] as? Bool), "grafana entry \(index + 1) Accepted")
        }
    }

    /// The analyzer's totals for one client through the NAT gateway: all bytes, and the records whose
    /// [start, end] overlaps a time window, with the range it reports.
    @Test func grafanaAnalyzerTotals() throws {
        let root = try #require(try RealData.json("grafana-vpc-flow-logs-analyzer/aws-flow-logs-10.3.11.57-142.250.185.91.expected.json") as? [String: Any])
        let whole = try #require(root["case_without_time_filter"] as? [String: Any])
        let window = try #require(root["case_time_filter_partial"] as? [String: Any])
        let (summary, records) = try RealData.read("grafana-vpc-flow-logs-analyzer/aws-flow-logs-10.3.11.57-142.250.185.91.log")
        #expect(summary.bytes == UInt64(try #require(whole["endpoint_bytes"] as? Int)))
        #expect(records.map { $0.record.bytes ?? 0 }.reduce(0, +) == summary.bytes)
        let pair: Set = [IPAddress("10.3.11.57"), IPAddress("142.250.185.91")]
        #expect(records.allSatisfy { [$0.record.pktSrcaddr, $0.record.pktDstaddr] == pair })
        let from = UInt64(try #require(window["filter_start_unix"] as? Int))
        let to = UInt64(try #require(window["filter_end_unix"] as? Int))
        let inside = records.filter { ($0.record.start ?? .max) <= to && ($0.record.end ?? 0) >= from }
        #expect(inside.map { $0.record.bytes ?? 0 }.reduce(0, +) == UInt64(try #require(window["total_bytes"] as? Int)))
        #expect(inside.compactMap(\.record.start).min() == UInt64(try #require(window["reported_start_unix"] as? Int)))
        #expect(inside.compactMap(\.record.end).max() == UInt64(try #require(window["reported_end_unix"] as? Int)))
    }

    /// analyzer_test.go: 5.6.7.8 10000 > 1.2.3.4 5000 > 9.10.11.12 2000 bytes.
    @Test func grafanaSortingInput() throws {
        let (_, records) = try RealData.read("grafana-vpc-flow-logs-analyzer/aws-analyzer_sorting_test.log")
        let byPeer = records.sorted { ($0.record.bytes ?? 0) > ($1.record.bytes ?? 0) }
            .map { ($0.record.pktDstaddr?.description ?? "-", $0.record.bytes ?? 0) }
        #expect(byPeer.map(\.0) == ["5.6.7.8", "1.2.3.4", "9.10.11.12"])
        #expect(byPeer.map(\.1) == [10000, 5000, 2000])
    }
}
