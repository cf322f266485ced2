import Foundation

extension ReportBuilder {
    /// How much AWS-bound traffic takes the public path, and what depends on the NAT gateways.
    func exposure(_ destinations: [Destination]) -> Exposure {
        let awsViaNAT = destinations.filter { $0.category != .internet }.reduce(UInt64(0)) { $0.saturatingAdd($1.traffic.bytes) }
        let paths = instancePaths()
        let countedPairs = countedLocalKinds()
        func isCounted(_ index: UInt32, _ kind: LegKind, _ showsInner: Bool, _ classIndex: Int) -> Bool {
            guard countedPairs.contains(LocalKind(local: index, kind: kind, showsInner: showsInner)) else { return false }
            if vantage == .instanceInterface {
                return (natShare[LocalClass(local: index, classIndex: classIndex)] ?? 1) >= 0.5
            }
            return true
        }

        var internet: [PeerGroup: UInt64] = [:]
        for (key, tally) in aggregator.peers.entries where isCounted(key.local, key.kind, key.showsInner, 0) {
            let group = PeerGroup(peer: key.peer, port: key.port, protocolNumber: key.protocolNumber)
            internet[group] = (internet[group] ?? 0).saturatingAdd(tally.bytes)
        }
        var cleartext: [CleartextGroup: Tally] = [:]
        for (key, tally) in aggregator.cleartext where isCounted(key.local, key.kind, key.showsInner, key.classIndex) {
            cleartext[CleartextGroup(port: key.port, classIndex: key.classIndex), default: Tally()].add(tally)
        }
        let internetBytes = destinations.first { $0.category == .internet }?.traffic.bytes ?? 0
        let topPeers = internet.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(options.top)
            .map { Exposure.Peer(address: $0.key.peer, port: $0.key.port, protocolNumber: $0.key.protocolNumber,
                                 service: ServiceRegionName.internet, bytes: $0.value) }
        let listed = topPeers.reduce(UInt64(0)) { $0.saturatingAdd($1.bytes) }

        let cleartextRows = cleartext.map { group, tally in
            Exposure.Cleartext(port: group.port, name: CleartextPorts.names[group.port] ?? "", service: name(group.classIndex).service,
                               bytes: tally.bytes, records: tally.records)
        }.sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : ($0.port, $0.service) < ($1.port, $1.service) }

        var rejected: [RejectGroup: Tally] = [:]
        var rejectedRecords: UInt64 = 0
        for (key, tally) in aggregator.rejects.entries {
            let toNAT = aggregator.localIndexOf(key.local).map { natLocals.contains($0) } ?? false
            let direction = key.direction == .outbound ? "egress blocked" : (toNAT ? "inbound to a NAT gateway" : "inbound")
            rejected[RejectGroup(direction: direction, service: name(key.classIndex).service, port: key.port), default: Tally()].add(tally)
            rejectedRecords = rejectedRecords.saturatingAdd(tally.records)
        }
        rejectedRecords = rejectedRecords.saturatingAdd(aggregator.rejects.foldedTally.records)
        let rejectedRows = rejected.map {
            Exposure.Rejected(direction: $0.key.direction, service: $0.key.service, port: $0.key.port,
                              records: $0.value.records, bytes: $0.value.bytes)
        }.sorted { $0.records != $1.records ? $0.records > $1.records : ($0.direction, $0.service, $0.port) < ($1.direction, $1.service, $1.port) }

        var ipv6Out: UInt64 = 0, ipv6In: UInt64 = 0, ipv6Unknown: UInt64 = 0
        for (key, tally) in aggregator.ipv6 {
            switch key.direction {
            case .outbound: ipv6Out = ipv6Out.saturatingAdd(tally.bytes)
            case .inbound: ipv6In = ipv6In.saturatingAdd(tally.bytes)
            case nil: ipv6Unknown = ipv6Unknown.saturatingAdd(tally.bytes)
            }
        }
        return Exposure(
            awsViaNAT: awsViaNAT, awsViaInternetGateway: paths.internetGateway, awsViaEndpoints: paths.endpoint,
            awsAmbiguousPath: paths.ambiguous, internetPeers: Array(topPeers),
            internetOtherBytes: internetBytes > listed ? internetBytes - listed : 0, internetBytes: internetBytes,
            cleartext: Array(cleartextRows.prefix(options.top)), rejected: Array(rejectedRows.prefix(options.top)),
            rejectedRecords: rejectedRecords, ipv6Out: ipv6Out, ipv6In: ipv6In, ipv6UnknownDirection: ipv6Unknown,
            skipDataRecords: inputs.totals.skipData,
            folded: aggregator.sources.hasFolded || aggregator.peers.hasFolded || aggregator.rejects.hasFolded)
    }

    private struct PeerGroup: Hashable, Comparable {
        var peer: IPAddress
        var port: UInt16
        var protocolNumber: UInt8
        static func < (lhs: PeerGroup, rhs: PeerGroup) -> Bool {
            (lhs.peer, lhs.port, lhs.protocolNumber) < (rhs.peer, rhs.port, rhs.protocolNumber)
        }
    }

    private struct CleartextGroup: Hashable {
        var port: UInt16
        var classIndex: Int
    }

    private struct RejectGroup: Hashable {
        var direction: String
        var service: String
        var port: UInt16
    }

    /// AWS-bound bytes on instance interfaces by path: internet gateway, gateway endpoint, or
    /// traffic-path 2 to S3/DynamoDB (internet gateway or gateway endpoint: ambiguous).
    struct InstancePaths {
        var internetGateway: UInt64 = 0
        var endpoint: UInt64 = 0
        var ambiguous: UInt64 = 0
    }

    /// Egress bytes go by their traffic-path; replies (which have none) are shared out like the
    /// egress of the same address, service and format.
    private func instancePaths() -> InstancePaths {
        // Where an egress key's bytes belong; nil for paths not counted here (NAT, absent, …).
        func path(_ key: FlowKey) -> WritableKeyPath<InstancePaths, UInt64>? {
            switch key.trafficPath {
            case 8: return \.internetGateway
            case 7: return \.endpoint
            case 2: return category(key.classIndex) == .gatewayEndpoint ? \.ambiguous : \.internetGateway
            default: return nil
            }
        }
        var egress: [LocalClassFormat: (paths: InstancePaths, all: UInt64)] = [:]
        for (key, span) in aggregator.flows where key.kind == .outer && key.direction == .outbound
            && key.classIndex != 0 && !natLocals.contains(key.local) {
            var split = egress[LocalClassFormat(key)] ?? (InstancePaths(), 0)
            split.all.saturatingIncrease(by: span.tally.bytes)
            if let path = path(key) { split.paths[keyPath: path].saturatingIncrease(by: span.tally.bytes) }
            egress[LocalClassFormat(key)] = split
        }
        var result = InstancePaths()
        for (key, span) in aggregator.flows where key.kind == .outer && key.classIndex != 0 && !natLocals.contains(key.local) {
            guard let split = egress[LocalClassFormat(key)], split.all > 0 else { continue }
            if key.direction == .outbound {
                if let path = path(key) { result[keyPath: path].saturatingIncrease(by: span.tally.bytes) }
            } else {
                let bytes = Double(span.tally.bytes), all = Double(split.all)
                for path in [\InstancePaths.internetGateway, \.endpoint, \.ambiguous] {
                    result[keyPath: path].saturatingIncrease(by: UInt64(saturating: (bytes * Double(split.paths[keyPath: path]) / all).rounded()))
                }
            }
        }
        return result
    }

    // MARK: Words

    func reportAssumptions(_ report: Report) -> [String] {
        var lines = [
            "1 GB = 10^9 bytes (AWS bills decimal GB); a month = 730 hours; monthly figures = observed bytes × 730 h / window hours",
            "NAT data processing is billed on bytes in both directions, each byte once; data transfer charges (internet egress, cross-AZ) are not included",
        ]
        if let vantageLine = report.vantage == .none ? nil : "vantage \(report.vantage.rawValue): \(report.vantageReason)" {
            lines.append(vantageLine)
        }
        if gateways.contains(where: { $0.origin == "detected" }) {
            lines.append("NAT gateways were detected from the records (a heuristic; its evidence is listed): pass --nat-eni, --nat-ip or --nat-gateways to name them")
        }
        lines += assumptions
        lines.append("services come from the longest matching prefix of ip-ranges.json, a specific service over AMAZON (then S3, DYNAMODB, the others, EC2 last); addresses in no AWS range are INTERNET")
        if report.destinations.contains(where: { $0.service == "AMAZON" }) {
            lines.append("the address alone does not name the service behind AMAZON ranges (ECR, STS, SQS, Secrets Manager, CloudWatch Logs…): one interface endpoint serves one service, and Route 53 Resolver query logs can name them")
        }
        lines.append("interface endpoints: \(NumberText.price(report.prices.interfaceEndpointHour))/hour × \(NumberText.count(report.availabilityZones, "AZ")) (\(report.availabilityZonesSource)) each, and the per-GB price of the first PB")
        return lines
    }

    func reportWarnings(_ report: Report) -> [String] {
        var lines = warnings
        let totals = report.inputs.totals
        if !totals.isComplete {
            lines.append("\(totals.damagedFiles) damaged and \(totals.skippedFiles) skipped input files: figures cover what was read (see inputs)")
        }
        if totals.malformed > 0 {
            lines.append("\(NumberText.grouped(totals.malformed)) malformed lines were not counted (see inputs)")
        }
        if totals.skipData > 0 {
            lines.append("\(NumberText.grouped(totals.skipData)) SKIPDATA records: AWS skipped records during capture, so coverage is incomplete and figures are low")
        }
        if let age = report.prefixes.ageDays, age > 30 {
            lines.append("ip-ranges.json is \(NumberText.decimal(age, 0)) days old (AWS changes it several times a week): run 'flowscan prefixes update'")
        }
        if let window = report.window, window.isRough {
            lines.append("only \(NumberText.decimal(window.hours, 2)) hours of data: monthly figures are a rough projection")
        }
        if report.exposure.folded {
            lines.append("per-address tables held more than \(NumberText.grouped(options.tableCapacity)) rows per worker: the lightest rows were folded into 'other' (totals stay exact)")
        }
        if report.serviceCheck.disagreeing > 0 {
            lines.append("\(NumberText.grouped(report.serviceCheck.disagreeing)) records disagree with AWS's pkt-*-aws-service field (see service check)")
        }
        let regions = aggregator.recordRegions.keys.filter { $0 != region }.sorted()
        if !regions.isEmpty {
            lines.append("records name other regions than \(region) (\(regions.joined(separator: ", "))): they were analysed as \(region)")
        }
        return lines
    }
}
