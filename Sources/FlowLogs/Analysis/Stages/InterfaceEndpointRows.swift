/// The interface-endpoint rows of the same-region AMAZON traffic, one per endpoint service that
/// DNS named (README, "Interface endpoints by service"), with the bytes DNS did not name in one
/// unattributed row and ambiguous addresses in rows of their own; and the callers of each
/// endpoint service and the DNS coverage.
///
/// Bytes are the counted NAT bytes (`CountedTraffic.legs`): each named flow key's bytes are
/// taken in the share of the key that was counted, so every byte counts once whatever the
/// vantage. Without DNS data every AMAZON byte is unattributed and no AMAZON saving is counted.
struct InterfaceEndpointRows {
    /// Rows for the same-region AMAZON destination (`Savings` puts them in its place).
    let amazonRows: [Savings.InterfaceEndpoint]
    let endpoints: InterfaceEndpoints

    /// The endpoint service an ip-ranges.json service other than AMAZON is carried by (AWS
    /// PrivateLink Guide, 'AWS services that integrate with AWS PrivateLink').
    static let addressRangeServices: [String: String] = [
        "API_GATEWAY": "execute-api", "KINESIS_VIDEO_STREAMS": "kinesisvideo", "EBS": "ebs", "EFS": "elasticfilesystem",
        "CODEBUILD": "codebuild", "AURORA_DSQL": "dsql", "AMAZON_APPFLOW": "appflow",
    ]

    /// The ECR pair: an image pull needs both endpoints (Amazon ECR User Guide, 'Amazon ECR
    /// interface VPC endpoints').
    static let ecrPair = ("ecr.api", "ecr.dkr")

    init(traffic: TrafficAggregator, counted: CountedTraffic, natLocals: Set<UInt32>, totals: NATTotals,
         names: ServiceRegionNames, prices: Pricing, azs: Int, inputs: Inspection, top: Int, vpc: String? = nil) {
        let factor = totals.window?.monthlyFactor ?? 0
        // The endpoints' per-GB price through the volume tiers, over all interface endpoints of
        // the region, exactly as `Savings` prices its other rows.
        let interfaceGB = totals.destinations.filter { $0.category == .interfaceEndpoint }
            .reduce(0) { $0 + Double($1.traffic.bytes) / 1e9 * factor }
        let savingPerGB = prices.natGatewayGB - prices.interfaceEndpointGBRate(monthlyGB: interfaceGB)
        let endpointMonthly = prices.interfaceEndpointHour * 730 * Double(azs)
        func row(service: String, region: String, bytes: UInt64) -> Savings.InterfaceEndpoint {
            let monthlyGB = Double(bytes) / 1e9 * factor
            var row = Savings.InterfaceEndpoint(
                service: service, region: region, monthlyGB: monthlyGB, savingPerGB: savingPerGB,
                endpointMonthlyUSD: endpointMonthly, breakEvenGB: savingPerGB > 0 ? endpointMonthly / savingPerGB : nil,
                netMonthlyUSD: monthlyGB * savingPerGB - endpointMonthly)
            row.bytes = bytes
            return row
        }
        guard let amazon = totals.destinations.first(where: { $0.service == "AMAZON" && $0.category == .interfaceEndpoint }) else {
            amazonRows = []
            endpoints = InterfaceEndpoints(dns: traffic.context.dnsNames.map { Self.coverage($0, vpc: vpc, traffic: traffic, inputs: inputs, amazon: 0, named: 0, ambiguous: 0) })
            return
        }
        let region = amazon.region
        guard let dns = traffic.context.dnsNames else {
            var unattributed = row(service: "AMAZON", region: region, bytes: amazon.traffic.bytes)
            unattributed.attribution = .unattributed
            amazonRows = [unattributed]
            endpoints = InterfaceEndpoints()
            return
        }

        // The counted share of each AMAZON flow key.
        var share: [FlowKey: Double] = [:]
        for (key, tally) in counted.legs where names.category(key.serviceRegionIndex) == .interfaceEndpoint
            && names.name(key.serviceRegionIndex).service == "AMAZON" {
            let all = traffic.flows[key]?.tally.bytes ?? 0
            share[key, default: 0] += all == 0 ? 0 : Double(tally.tally.bytes) / Double(all)
        }
        var bySlot: [Int32: UInt64] = [:]
        for (key, tally) in traffic.endpoints.flows {
            guard let part = share[key.flow], part > 0 else { continue }
            let bytes = part >= 1 ? tally.bytes : UInt64(saturating: (Double(tally.bytes) * part).rounded())
            bySlot[key.slot, default: 0].saturatingIncrease(by: bytes)
        }

        var interface: [String: (service: EndpointService, bytes: UInt64)] = [:]
        var notCarried: [String: InterfaceEndpoints.NotCarried] = [:]
        var ambiguous: [[String]: UInt64] = [:]
        var named: UInt64 = 0, ambiguousBytes: UInt64 = 0
        var slotLabels: [Int32: String] = [:]
        for (slot, bytes) in bySlot where bytes > 0 {
            guard slot >= 0 else {
                let services = traffic.endpoints.services(ofAmbiguous: slot).map { dns.label(ofService: $0) }.sorted()
                ambiguous[services, default: 0].saturatingIncrease(by: bytes)
                ambiguousBytes.saturatingIncrease(by: bytes)
                continue
            }
            named.saturatingIncrease(by: bytes)
            let service = dns.service(Int(slot))
            let label = dns.label(ofService: Int(slot))
            slotLabels[slot] = label
            if service.kind == .interface, service.region == region {
                interface[label, default: (service, 0)].bytes.saturatingIncrease(by: bytes)
            } else {
                notCarried[label, default: .init(name: label, kind: service.kind, region: service.region, bytes: 0, monthlyGB: 0,
                                                 note: service.region != region && service.kind == .interface
                                                     ? "an endpoint of \(service.region ?? "another region") cannot carry it from \(region)" : service.note)]
                    .bytes.saturatingIncrease(by: bytes)
            }
        }
        // ECR: both endpoints or neither.
        let prefix = (region.hasPrefix("cn-") ? "cn.com.amazonaws." : "com.amazonaws.") + region + "."
        let ecr = [prefix + Self.ecrPair.0, prefix + Self.ecrPair.1]
        if ecr.contains(where: { interface[$0] != nil }) {
            for (index, name) in ecr.enumerated() where interface[name] == nil {
                interface[name] = (EndpointService(kind: .interface, service: index == 0 ? Self.ecrPair.0 : Self.ecrPair.1, region: region,
                                                   note: EndpointCatalog.ecrBothNeeded, source: EndpointCatalog.Source.ecr.rawValue), 0)
            }
        }
        var rows: [Savings.InterfaceEndpoint] = interface.map { name, entry in
            var row = row(service: "AMAZON", region: region, bytes: entry.bytes)
            row.endpointService = name
            row.attribution = .dns
            row.note = entry.service.note
            return row
        }
        if let api = rows.firstIndex(where: { $0.endpointService == ecr[0] }), let dkr = rows.firstIndex(where: { $0.endpointService == ecr[1] }) {
            let pair = rows[api].netMonthlyUSD + rows[dkr].netMonthlyUSD
            rows[api].groupNetMonthlyUSD = pair
            rows[dkr].groupNetMonthlyUSD = pair
            rows[api].note = EndpointCatalog.ecrBothNeeded
            rows[dkr].note = EndpointCatalog.ecrBothNeeded
        }
        rows.sort { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : ($0.endpointService ?? "") < ($1.endpointService ?? "") }
        for (services, bytes) in ambiguous.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key) }) {
            var row = row(service: "AMAZON", region: region, bytes: bytes)
            row.attribution = .ambiguous
            row.ambiguousServices = services
            rows.append(row)
        }
        let attributed = named.saturatingAdd(ambiguousBytes)
        let unnamed = amazon.traffic.bytes > attributed ? amazon.traffic.bytes - attributed : 0
        if unnamed > 0 {
            var row = row(service: "AMAZON", region: region, bytes: unnamed)
            row.attribution = .unattributed
            rows.append(row)
        }
        amazonRows = rows
        let carried = notCarried.values.map { entry -> InterfaceEndpoints.NotCarried in
            var entry = entry
            entry.monthlyGB = Double(entry.bytes) / 1e9 * factor
            return entry
        }.sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.name < $1.name }
        endpoints = InterfaceEndpoints(
            dns: Self.coverage(dns, vpc: vpc, traffic: traffic, inputs: inputs, amazon: amazon.traffic.bytes, named: named, ambiguous: ambiguousBytes),
            notCarried: carried,
            sources: Self.sources(traffic, counted: counted, natLocals: natLocals, labels: slotLabels,
                                  rows: rows.filter { $0.attribution == .dns }, top: top))
    }

    /// The scope's DNS facts: the Resolver logs, queries and answers of the VPCs its records were
    /// looked up in (`DNSNames.lookupVPCs`), and what share of its AMAZON bytes they named.
    private static func coverage(_ dns: DNSNames, vpc: String?, traffic: TrafficAggregator, inputs: Inspection, amazon: UInt64,
                                 named: UInt64, ambiguous: UInt64) -> InterfaceEndpoints.DNSCoverage {
        let vpcs = dns.lookupVPCs(scope: vpc)
        let counts = vpcs.map { $0.compactMap { dns.counts(ofVPC: $0) }.reduce(DNSNameCounts()) { $0.adding($1) } } ?? dns.counts
        let files = inputs.files.filter { file in
            file.content == .resolverQueryLog && (vpcs.map { ids in file.resolverVPCs.contains(where: ids.contains) } ?? true)
        }
        return InterfaceEndpoints.DNSCoverage(
            files: files.count, vpcs: vpcs ?? dns.vpcIDs.sorted(),
            queries: counts.queries, answers: counts.addressAnswers, answersKept: counts.kept, answersDropped: counts.dropped.total,
            windowSeconds: dns.options.window, amazonBytes: amazon, namedBytes: named, ambiguousBytes: ambiguous,
            overflowRecords: traffic.endpoints.overflowRecords)
    }

    /// The heaviest callers of each named endpoint service, as `ServiceSources` counts them.
    private static func sources(_ traffic: TrafficAggregator, counted: CountedTraffic, natLocals: Set<UInt32>, labels: [Int32: String],
                                rows: [Savings.InterfaceEndpoint], top: Int) -> [InterfaceEndpoints.Sources] {
        var groups: [String: (rows: [IPAddress: UInt64], unknown: UInt64)] = [:]
        for (key, tally) in traffic.endpoints.sources?.entries ?? FastMap() {
            guard let label = labels[key.slot],
                  counted.countedKinds.contains(.init(local: key.local, kind: key.kind, showsInner: key.showsInner)) else { continue }
            var bytes = tally.bytes
            if counted.vantage == .instanceInterface {
                bytes = UInt64(saturating: (Double(bytes) * counted.share(local: key.local, serviceRegionIndex: Int(key.serviceRegionIndex))).rounded())
            }
            guard bytes > 0 else { continue }
            if natLocals.contains(key.local), key.kind == .outer {
                groups[label, default: ([:], 0)].unknown.saturatingIncrease(by: bytes)
            } else {
                groups[label, default: ([:], 0)].rows[key.origin, default: 0].saturatingIncrease(by: bytes)
            }
        }
        return rows.compactMap { row in
            guard let name = row.endpointService, row.bytes > 0 else { return nil }
            let group = groups[name] ?? ([:], 0)
            let listed = group.rows.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(top)
                .map { ServiceSources.Row(address: $0.key, details: traffic.details(of: $0.key), bytes: $0.value) }
            let sum = listed.reduce(UInt64(0)) { $0.saturatingAdd($1.bytes) }
            let unknown = min(group.unknown, row.bytes)
            let other = row.bytes > sum.saturatingAdd(unknown) ? row.bytes - sum - unknown : 0
            return InterfaceEndpoints.Sources(endpointService: name, rows: Array(listed), otherBytes: other, unknownBytes: unknown)
        }
    }
}
