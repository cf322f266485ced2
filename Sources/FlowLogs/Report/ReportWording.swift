/// The sentences of the report: the analysis returns facts (`ReportWarning`,
/// `ReportAssumption`, `GatewayEvidence`…), and every renderer words them here, the same way.

extension ReportWarning {
    /// The warning as the report prints it.
    var sentence: String {
        switch self {
        case .namedGatewaysMatchNoRecord(let names):
            return "the NAT gateways named (\(names.joined(separator: ", "))) match no record's interface-id or address, "
                + "so the gateways below were detected from the records instead; name them by private IP (--nat-ip) "
                + "when the format has no interface-id"
        case .gatewayLeftOut(let id, let otherNames, let state):
            let also = otherNames.isEmpty ? "" : " (\(otherNames.joined(separator: ", ")))"
            return "NAT gateway \(id)\(also) is \(state) in the describe-nat-gateways file and has no records in these logs: "
                + "it is left out (no hours, no AZ)"
        case .gatewaysWithoutRecords(let count, let all):
            return "\(count) of \(all) NAT gateways have no records of their own interface in these logs; "
                + "their traffic is not counted, but their hours are (leave out gateways of other VPCs)"
        case .duplicateLegs(let gateway, let bytes):
            return "NAT gateway \(gateway): its interface is logged over the same period in a format with pkt-* fields and in one without "
                + "(two flow logs on one interface, or the overlap at a format change): in that period only the instance-to-NAT legs are counted, "
                + "and \(NumberText.grouped(bytes)) bytes of NAT-to-internet legs from the format without pkt-* fields are left out as duplicates "
                + "(estimated from the time spans, exact when one lies within the other)"
        case .incompleteInputs(let damaged, let skipped):
            return "\(damaged) damaged and \(skipped) skipped input files: figures cover what was read (see inputs)"
        case .malformedLines(let count):
            return "\(NumberText.grouped(count)) malformed lines were not counted (see inputs)"
        case .notFlowLogFiles(let count):
            return (count == 1 ? "1 input is not a flow-log file" : "\(count) inputs are not flow-log files") + ": most of their lines are malformed (see Inputs; "
                + "give the fields of header-less logs with --format)"
        case .windowKeptNothing(let since, let until, let start, let end):
            let asked = [since.map { "--since \(UnixTime.iso8601($0))" }, until.map { "--until \(UnixTime.iso8601($0))" }].compactMap { $0 }
            let data = start.flatMap { start in end.map { "the data runs from \(UnixTime.iso8601(start)) to \(UnixTime.iso8601($0))" } }
                ?? "the records carry no start and end times"
            return "\(asked.joined(separator: " ")) kept none of the records read: \(data)"
        case .skipData(let count):
            return "\(NumberText.grouped(count)) SKIPDATA records: AWS skipped records during capture, so coverage is incomplete and figures are low"
        case .stalePrefixes(let days):
            return "ip-ranges.json is \(NumberText.decimal(days, 0)) days old (AWS changes it several times a week): run 'flowscan prefixes update'"
        case .roughProjection(let hours):
            return "only \(NumberText.decimal(hours, 2)) hours of data: monthly figures are a rough projection"
        case .tablesFolded(let capacity):
            return "per-address tables held more than \(NumberText.grouped(capacity)) rows per worker: "
                + "the lightest rows were folded into 'other' (totals stay exact)"
        case .serviceDisagreements(let records):
            return "\(NumberText.grouped(records)) records disagree with AWS's pkt-*-aws-service field (see service check)"
        case .otherRegions(let regions, let region):
            return "records name other regions than \(region) (\(regions.joined(separator: ", "))): they were analysed as \(region)"
        case .pricesFellBack(let region, let keys, let regionMissing, let date):
            let what = regionMissing ? "\(region) is not in the price table (\(date))" : "the price table (\(date)) lacks some of \(region)'s prices"
            return "\(what): us-east-1's were used for \(keys.joined(separator: ", ")); give the region's prices with --pricing or the price flags, "
                + "or import AWS's offer files with 'flowscan prices import'"
        }
    }
}

extension ReportAssumption {
    /// The assumption as the report prints it.
    var sentence: String {
        switch self {
        case .units:
            return "1 GB = 10^9 bytes (AWS bills decimal GB); a month = 730 hours; monthly figures = observed bytes × 730 h / window hours"
        case .billing:
            return "NAT data processing is billed on bytes in both directions, each byte once; "
                + "data transfer charges (internet egress, cross-AZ) are not included"
        case .vantage(let vantage):
            return "vantage \(vantage.rawValue): \(vantage.reason)"
        case .gatewaysDetected:
            return "NAT gateways were detected from the records (a heuristic; its evidence is listed): "
                + "pass --nat-eni, --nat-ip or --nat-gateways to name them"
        case .trafficPathAbsent:
            return "some records have no traffic-path field: their instance traffic to public addresses is assumed to leave "
                + "through a NAT gateway (an instance with a public IP would use an internet gateway instead)"
        case .trafficPathOneIsNotOnlyNAT:
            return "traffic-path 1 means 'through another resource in this VPC': a NAT gateway, but also a load balancer "
                + "replying to inbound connections, or a Transit Gateway or firewall endpoint (centralised egress); "
                + "log the NAT gateway's interface for exact figures"
        case .serviceLookup:
            return "services come from the longest matching prefix of ip-ranges.json, a specific service over AMAZON "
                + "(then S3, DYNAMODB, the others, EC2 last); addresses in no AWS range are INTERNET"
        case .amazonRangesHoldManyServices:
            return "the address alone does not name the service behind AMAZON ranges (ECR, STS, SQS, Secrets Manager, "
                + "CloudWatch Logs…): one interface endpoint serves one service, and Route 53 Resolver query logs can name them"
        case .dnsNames(let window):
            return "Route 53 Resolver answers name AMAZON addresses: an answer names its address for \(window) s from its query_timestamp "
                + "(the logs carry no TTL; --dns-window), and a record is named when its start-end overlaps that; the answers the connecting "
                + "interface asked for decide, else those of any interface of the record's VPC (of its scope's VPC for records without "
                + "vpc-id, of every VPC when the scope has none); names one endpoint service carries count as one, other names each as "
                + "its own; when the deciding answers give several, the address is ambiguous and its bytes go to none"
        case .interfaceEndpointPricing(let hourUSD, let azs, let source):
            return "interface endpoints: \(NumberText.price(hourUSD))/hour × \(NumberText.count(azs, "AZ")) (\(source.text)) each, "
                + "and the per-GB price of the first PB"
        }
    }
}

extension Vantage {
    /// Why the NAT bytes were counted from this vantage, and what that means.
    var reason: String {
        switch self {
        case .natInterface:
            return "the NAT gateways' own interfaces are in the logs; for each gateway one pair of legs is counted "
                + "(instance-to-NAT legs where pkt-* addresses name the public peer, else NAT-to-internet legs), so each byte counts once; "
                + "instance interfaces are not counted for these bytes"
        case .instanceInterface:
            return "no NAT gateway's own interface is in the logs, so NAT traffic is counted on instance interfaces: "
                + "private-to-public records leaving through another resource of the VPC (traffic-path 1), and the replies to them"
        case .none:
            return "no traffic through a NAT gateway was found: no NAT gateway interface in the logs, "
                + "and no instance traffic to public addresses through another resource of the VPC (traffic-path 1)"
        }
    }
}

extension GatewayEvidence {
    /// The evidence as the gateway's list prints it.
    var sentence: String {
        switch self {
        case .listedByDescribeNATGateways:
            return "listed by describe-nat-gateways"
        case .namedOnCommandLine:
            return "named on the command line"
        case .state(let state):
            return "state \(state)"
        case .privateConnectivity:
            return "a private NAT gateway: its traffic goes to other private networks, not to AWS public endpoints"
        case .recordsOnItsInterface(let records):
            return "\(NumberText.grouped(records)) records to or from public addresses on its interface"
        case .noRecordsOfItsInterface:
            return "no records of its own interface in these logs"
        case .forwardsToPublicPktAddresses(let records):
            return "\(NumberText.grouped(records)) records forward traffic between private addresses and public pkt-* addresses "
                + "(the instance-to-NAT legs)"
        case .mirrorsPrivateAndPublicBytes(let interfaceID, let privateIn, let publicOut, let publicIn, let privateOut):
            let place = interfaceID.map { "on its interface \($0) " } ?? ""
            return "receives from private addresses \(place)the bytes it sends to public addresses (\(NumberText.grouped(privateIn)) in, "
                + "\(NumberText.grouped(publicOut)) out) and the reverse (\(NumberText.grouped(publicIn)) in, "
                + "\(NumberText.grouped(privateOut)) out), as a NAT gateway forwards them (heuristic: no pkt-* fields)"
        case .namesAnInstance(let records):
            return "note: \(NumberText.grouped(records)) of its records name an instance, which NAT gateway interfaces do not"
        case .noInstanceID:
            return "instance-id is '-' on its interface's records, as on a NAT gateway's"
        case .atAddress(let address, let evidence):
            return "\(address): \(evidence.sentence)"
        }
    }
}

extension RegionSource {
    /// Where the region came from, as "region REGION (from …)" prints it.
    func text(region: String) -> String {
        switch self {
        case .option: return "--region"
        case .recordsField: return "the records' region field"
        case .s3KeyPath: return "the S3 key path (…/vpcflowlogs/\(region)/…)"
        case .unneeded: return "nothing: no traffic to public addresses was read"
        }
    }
}

extension AZCountSource {
    /// Where the AZ count came from, in the interface-endpoint pricing line.
    var text: String {
        switch self {
        case .option: return "--azs"
        case .gateways: return "the number of NAT gateways"
        case .noGateway: return "default (no NAT gateway identified)"
        }
    }
}

extension SetAsideReason {
    /// The reason as the "Records read but not NAT traffic" table prints it.
    var text: String {
        switch self {
        case .outsideWindow: return "outside --since/--until"
        case .withoutAddresses: return "no source or destination address"
        case .withoutBytes: return "accepted, but no byte count ('-')"
        case .eastWest: return "private to private (east-west)"
        case .otherAddresses: return "neither side private, or a special address (link-local, multicast…)"
        case .rejected: return "rejected (REJECT): shown under exposure"
        case .ipv6: return "IPv6: shown under exposure"
        }
    }
}

extension Report {
    /// The region and where it came from, as the summary prints it.
    var regionSourceText: String { regionSource.text(region: region) }
    /// The legs a gateway's bytes were counted from, `instance-nat+nat-internet`; nil when none.
    static func legsText(_ legs: [CountedLegs]) -> String? {
        legs.isEmpty ? nil : legs.sorted().map(\.rawValue).joined(separator: "+")
    }
}

extension InputProblem {
    /// The problem as standard error and the Inputs section say it, starting with the path.
    public var sentence: String {
        switch kind {
        case .skipped:
            return "\(path): skipped: \(reason)"
        case .damaged:
            return "\(path): damaged: \(reason) (the records before the damage count)"
        case .notFlowLog:
            let hint = reason.contains("--format") ? "" : "; if its lines are flow-log records without a header line, give their fields with --format"
            return "\(path): not a flow-log file: \(NumberText.grouped(malformed)) of \(NumberText.count(lines, "line")) malformed, "
                + "the first: \(reason)\(hint)"
        case .malformedLines:
            return "\(path): \(NumberText.count(malformed, "malformed line")) not counted (first: \(reason))"
        }
    }
}

extension Inspection.NothingRead {
    /// Why nothing was counted, as one sentence.
    public var sentence: String {
        switch self {
        case .noFiles:
            return "no flow-log record was read: the paths given hold no files"
        case .allSkipped(let count):
            return "no flow-log record was read: \(count == 1 ? "the only input was" : "all \(count) inputs were") skipped (reasons above)"
        case .notFlowLogs(let count, let skipped):
            return "no flow-log record was read: " + (count == 1 ? "the input is not a flow-log file" : "\(count) inputs are not flow-log files")
                + (skipped > 0 ? " and \(skipped) skipped" : "") + " (reasons above)"
        case .onlyResolverQueryLogs(let count):
            return "no flow-log record was read: " + (count == 1 ? "the input read is a Route 53 Resolver query log" : "the \(count) inputs read are Route 53 Resolver query logs")
                + " (they name AMAZON addresses; give the flow logs too)"
        case .noRecords(let files):
            return "no flow-log record was read: \(files == 1 ? "the input holds" : "the \(files) inputs hold") no records (empty, or header lines only)"
        }
    }
}

extension ReportWarning {
    /// The warning as one line for standard error (the same sentence as in the report).
    public var message: String { sentence }

    /// True for the warning that `--since`/`--until` kept nothing (also said on standard error).
    public var isAboutTheWindow: Bool {
        if case .windowKeptNothing = self { return true }
        return false
    }
}

extension PriceSource {
    /// Where the prices came from, as the report's "price source" line says it:
    /// `bundled price table (2026-12-04), us-east-1's row`.
    public var text: String { text(namingEveryKey: false) }

    /// - Parameter namingEveryKey: name the keys of each part even when it holds all of them
    ///   (the HTML report, whose text carries every name of the JSON).
    func text(namingEveryKey: Bool) -> String {
        func keys(_ list: [String]) -> String {
            list.count == Pricing.keys.count && !namingEveryKey ? "" : " for " + list.joined(separator: ", ")
        }
        var parts: [String] = []
        let table: String
        switch tableOrigin {
        case .bundled: table = "bundled price table (\(tableDate))"
        case .imported(let path): table = "imported price table \(path) (\(tableDate))"
        }
        let row = region == "unknown" ? "us-east-1's row (region unknown)" : "\(region)'s row"
        if !fromTable.isEmpty { parts.append("\(table), \(row)\(keys(fromTable))") }
        if !fellBack.isEmpty { parts.append((fromTable.isEmpty ? "\(table), " : "") + "us-east-1's row\(keys(fellBack))") }
        if let pricingFile, !fromFile.isEmpty { parts.append("--pricing \(pricingFile)\(keys(fromFile))") }
        if !fromFlags.isEmpty { parts.append("price flags\(keys(fromFlags))") }
        return parts.joined(separator: "; ")
    }

    /// The table's origin as JSON says it: "bundled" or "imported".
    var tableOriginKey: String {
        switch tableOrigin {
        case .bundled: return "bundled"
        case .imported: return "imported"
        }
    }
}

extension EstateWarning {
    /// The warning as the report prints it.
    var sentence: String {
        switch self {
        case let .unitSpansVPCs(account, region, unit, vpcs):
            return "\(unit) (account \(account), \(region)) shares interfaces with \(vpcs.count) VPCs (\(vpcs.joined(separator: ", "))): "
                + "it covers several VPCs or a VPC's flow log was recreated, so it is reported as a scope of its own, joined to none of them"
        case let .regionOptionNotUsed(option, regions, scopes):
            return "--region \(option) names only the region of input that carries none: "
                + (scopes == 1 ? "the scope's" : "\(scopes) scopes'") + " records or S3 keys name their own (\(regions.joined(separator: ", "))), which "
                + (scopes == 1 ? "is" : "are") + " used instead"
        case let .unitsOverflowed(capacity):
            return "more than \(NumberText.grouped(capacity)) account, region and VPC units were read by one worker: "
                + "the records of the rest are counted together as account 'other' (narrow the run with --scope)"
        }
    }

    /// The warning as standard error shows it.
    public var message: String { sentence }
}

/// The wording of the estate view (several scopes in one run).
enum EstateWording {
    static func title(scopes: Int, regions: [String]) -> String {
        "flowscan: NAT gateway traffic to AWS services, \(NumberText.count(scopes, "scope")) in \(regions.count == 1 ? regions[0] : NumberText.count(regions.count, "region"))"
    }

    /// The header line that names a single-scope run's scope.
    static func scopeLine(_ scope: ScopeReport) -> String {
        "\(scope.label) (\(keyText(scope)))"
    }

    /// Which key made the scope, in words.
    static func keyText(_ scope: ScopeReport) -> String {
        switch scope.scopeKey {
        case .vpcID:
            return "key vpc-id" + (scope.flowLogs.isEmpty ? "" : "; flow logs \(scope.flowLogs.joined(separator: ", "))")
        case .flowLog:
            return "key flow log: no vpc-id in the format"
        case .accountRegion:
            return "key account × region: no vpc-id, no flow log id"
        }
    }

    static func scopeHeading(_ index: Int, of count: Int, _ scope: ScopeReport) -> String {
        "Scope \(index + 1) of \(count): \(scope.label)"
    }

    static func leftToJSON(_ count: Int, top: Int) -> String {
        "\(NumberText.count(count, "more scope")) beyond --top-scopes \(top) \(count == 1 ? "is" : "are") only in the summary above and in --output json."
    }

    static func outside(_ outside: (scopes: Int, records: UInt64), filters: [ScopeFilter]) -> String {
        "\(filters.map(\.description).joined(separator: ", ")): \(NumberText.count(outside.scopes, "other scope")) "
            + "(\(NumberText.grouped(outside.records)) records) set aside"
    }
}

/// The sentences of the interface endpoints by service.
enum EndpointWording {
    static let noDNSData = "No Route 53 Resolver query logs were read: the AMAZON figures are unattributed (the most one endpoint "
        + "carrying them all could save, an upper bound, not in the total). Enable Resolver query logging for the VPC and pass "
        + "--dns-logs PATH (or put the logs beside the flow logs) to name the endpoint services."
    static let unattributedWithDNS = "AMAZON bytes no DNS answer named are unattributed: their row is an upper bound for one endpoint, "
        + "not in the total (log every resolver the VPC uses, over the whole window, for more names)."
    static let ambiguous = "Ambiguous rows: addresses that answers of several services named in one window; their bytes are given to none."
    static let ecrPair = "An ECR pull needs both com.amazonaws.REGION.ecr.api and com.amazonaws.REGION.ecr.dkr: the pair is worth it "
        + "or not together (image layers come from S3, which the free gateway endpoint carries)."

    static func coverage(_ dns: InterfaceEndpoints.DNSCoverage) -> String {
        let share = dns.coverage.map { NumberText.percent($0) } ?? "n/a"
        return "DNS names: \(share) of the AMAZON NAT bytes got a name from \(NumberText.count(dns.files, "Resolver query log")) "
            + "(\(NumberText.grouped(UInt64(dns.queries))) queries, \(NumberText.grouped(UInt64(dns.answers))) address answers, "
            + "each valid \(dns.windowSeconds) s)"
            + (dns.answersDropped > 0 ? "; \(NumberText.grouped(UInt64(dns.answersDropped))) answers not kept for lack of room" : "")
            + (dns.overflowRecords > 0 ? "; \(NumberText.grouped(dns.overflowRecords)) records not named for lack of room" : "") + "."
    }
}

extension Savings.InterfaceEndpoint {
    /// The row's name in the tables: the endpoint service when one is named, else the range's service.
    var endpointLabel: String {
        switch attribution {
        case .dns: return endpointService ?? service
        case .ambiguous: return "\(service) (ambiguous: \(ambiguousServices.joined(separator: " or ")))"
        case .unattributed, .addressRange: return service
        }
    }

    var verdict: String {
        switch attribution {
        case .unattributed: return netMonthlyUSD > 0 ? "unattributed: at most this, not counted" : "unattributed, below break-even"
        case .ambiguous: return "ambiguous: not counted"
        case .addressRange, .dns:
            if groupNetMonthlyUSD != nil { return worthIt ? "worth it (with its ECR pair)" : "not worth it (ECR pair below break-even)" }
            return worthIt ? "worth it" : "not worth it (below break-even)"
        }
    }
}

extension Inspection {
    /// The report's "inputs" line: files with their damaged, skipped and not-flow-log counts,
    /// records and malformed lines (the estate's summary and a single scope's say it alike).
    var summaryLine: String {
        let notFlowLogs = problems.filter { $0.kind == .notFlowLog }.count
        return "\(NumberText.count(totals.files, "file")) (\(totals.damagedFiles) damaged, \(totals.skippedFiles) skipped"
            + (notFlowLogs > 0 ? ", \(notFlowLogs) not flow logs" : "") + "), "
            + "\(NumberText.count(totals.records, "record")), \(NumberText.count(totals.malformed, "malformed line"))"
    }
}

/// The `--fail-above` threshold beside a saving, as every output words it.
enum FailAboveWording {
    /// " (--fail-above $X: exceeded)" after a saving, or "" without the option.
    static func note(_ failAbove: Double?, exceeded: Bool) -> String {
        failAbove.map { " (--fail-above \(NumberText.dollars($0)): \(exceeded ? "exceeded" : "not exceeded"))" } ?? ""
    }

    /// What follows the threshold's figure in the HTML facts.
    static func verdict(exceeded: Bool) -> String { exceeded ? " per month: exceeded" : " per month: not exceeded" }
}
