import FlowLogs
import Foundation

/// `flowscan PATH...`: the savings and exposure report.
enum ReportCommand: Runnable {
    static let command = Command(
        path: [], arguments: "PATH...", argumentCount: 1...Int.max,
        summary: "The NAT gateway savings and exposure report (the main job).",
        discussion: """
        Reads VPC Flow Logs (files, folders synced from S3, - for standard input), counts the bytes
        that pass the NAT gateways by the AWS service and region they go to, prices them, and says
        what gateway and interface endpoints would save; a bucket of many accounts, regions and VPCs
        gives one scope per VPC, at its region's prices, and the estate's totals first.
        Also: 'flowscan report PATH...'.
        """,
        options: [
            SharedOptions.prefixes,
            SharedOptions.format,
            SharedOptions.output(["text", "json", "markdown", "html", "aggregate"]),
            .value("nat-eni", "ID", "A NAT gateway's interface id (repeatable, or a comma list).", repeatable: true, commaList: true),
            .value("nat-ip", "ADDRESS", "A NAT gateway's private IP (repeatable, or a comma list).", repeatable: true, commaList: true),
            .value("nat-gateways", "FILE", "The JSON printed by 'aws ec2 describe-nat-gateways'."),
            .value("vpc-cidr", "CIDR", "Private space beyond RFC 1918, 100.64.0.0/10 and fc00::/7\n(repeatable, or a comma list).", repeatable: true, commaList: true),
            .value("since", "TIME", "Keep records whose [start, end] overlaps from TIME (ISO-8601 or Unix seconds)."),
            .value("until", "TIME", "Keep records whose [start, end] overlaps up to TIME."),
            .value("region", "REGION", "The region of input whose records and path name none (the records'\nregion field, then the S3 key path, win)."),
            .value("scope", "ACCOUNT[/REGION[/VPC]]", "Keep only this scope (repeatable, or a comma list); VPC is a vpc-id\nor a flow log id (fl-...).", repeatable: true, commaList: true),
            .value("top-scopes", "N", "Scopes shown in detail by the text and Markdown reports (default 5;\nall are in the JSON)."),
            SharedOptions.dnsLogs,
            SharedOptions.dnsWindow,
        ] + priceOptions + [
            .value("azs", "N", "AZs an interface endpoint would span (default: the number of NAT gateways found)."),
            .value("top", "N", "Rows per table (default 10)."),
            .value("fail-above", "USD", "Exit with status 3 when the monthly saving available (the sum over\nthe scopes) exceeds USD."),
            .flag("no-file-list", "JSON: list in inputs.files only the files with a problem\n(default: every file; inputs.totals is whole either way)."),
            SharedOptions.jobs,
            SharedOptions.progress,
            SharedOptions.noProgress,
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let output = try SharedOptions.outputValue(arguments, allowed: ["text", "json", "markdown", "html", "aggregate"])
        // ip-ranges.json loads on another thread while the options are read and the inputs found;
        // its errors are reported where they were before: after those of the options.
        let prefixLocation = Result { () throws(PrefixFileError) in try SharedOptions.locatePrefixes(arguments) }
        let prefixLoad = output == "aggregate" ? nil : (try? prefixLocation.get()).map { PrefixTableLoad(contentsOf: $0.path) }
        var options = AnalysisOptions()
        options.read = try SharedOptions.readOptions(arguments)
        options.natHints = try natHints(arguments)
        options.vpcCIDRs = try arguments.list("vpc-cidr").map { text throws(UsageError) in
            guard let prefix = IPPrefix(text) else { throw .invalidValue(option: "--vpc-cidr", value: text, expected: "a CIDR block such as 10.0.0.0/16") }
            return prefix
        }
        options.since = try arguments.value("since", expected: "ISO-8601 (2026-11-22T00:00:00Z) or Unix seconds", UnixTime.parse)
        options.until = try arguments.value("until", expected: "ISO-8601 (2026-11-29T00:00:00Z) or Unix seconds", UnixTime.parse)
        if let since = options.since, let until = options.until, since > until {
            throw UsageError.other("--since (\(UnixTime.iso8601(since))) is after --until (\(UnixTime.iso8601(until)))")
        }
        options.region = try arguments.value("region", expected: "a region code such as us-east-1") { AnalysisOptions.isRegionName($0) ? $0 : nil }
        options.prices = try pricing(arguments)
        options.availabilityZones = try arguments.value("azs", expected: "a whole number from 1 to 64") { Int($0).flatMap { (1...64).contains($0) ? $0 : nil } }
        options.top = try arguments.value("top", expected: "a whole number from 1 to 10000") { Int($0).flatMap { (1...10_000).contains($0) ? $0 : nil } } ?? 10
        options.failAbove = try arguments.value("fail-above", expected: "a non-negative amount of US dollars", SharedOptions.dollars)
        options.jobs = try SharedOptions.jobsValue(arguments)
        options.scopes = try arguments.list("scope").map { text throws(UsageError) in
            guard let filter = ScopeFilter(text) else {
                throw .invalidValue(option: "--scope", value: text, expected: "ACCOUNT, ACCOUNT/REGION or ACCOUNT/REGION/VPC (e.g. 123456789012/eu-west-1/vpc-0abc)")
            }
            return filter
        }
        options.topScopes = try arguments.value("top-scopes", expected: "a whole number from 1 to 10000") { Int($0).flatMap { (1...10_000).contains($0) ? $0 : nil } } ?? 5
        options.dnsLogs = arguments.list("dns-logs")
        if let window = try SharedOptions.dnsWindowValue(arguments) { options.dnsNaming.window = window }
        if output == "aggregate" { return try aggregate(arguments, options: options) }
        let (path, origin) = try prefixLocation.get()
        let report = try ProgressDisplay.around(arguments) { progress in
            try TrafficAnalysis.run(paths: arguments.positionals, loading: prefixLoad!,
                                    prefixFile: { SharedOptions.prefixFileInfo($0, path: path, origin: origin) },
                                    options: options, progress: progress)
        }
        InputProblemsDisplay.show(report.inputs)
        if let nothing = report.inputs.nothingReadReason {
            Console.error("flowscan: \(nothing.sentence)\n")
            return .nothingRead
        }
        var said = Set<String>()
        for scope in report.scopes {
            for warning in scope.report.warnings where warning.isAboutTheWindow && said.insert(warning.message).inserted {
                Console.error("flowscan: warning: \(warning.message)\n")
            }
        }
        switch output {
        case "json": Console.output(report.json(fileList: !arguments.flag("no-file-list")))
        case "markdown": Console.output(report.markdown())
        case "html": Console.output(report.html())
        default: Console.output(report.text(width: Console.outputWidth()))
        }
        if report.thresholdExceeded { return .thresholdExceeded }
        return report.inputs.isComplete ? .success : .partialInput
    }

    /// `--output aggregate`: the pre-aggregated rows of the records read, as CSV (no prefixes needed).
    private static func aggregate(_ arguments: ParsedArguments, options: AnalysisOptions) throws -> ExitStatus {
        let (csv, inputs) = ProgressDisplay.around(arguments) { progress in
            AggregateRows.run(paths: arguments.positionals, options: options.read, since: options.since, until: options.until,
                              jobs: options.jobs, progress: progress)
        }
        InputProblemsDisplay.show(inputs)
        if let nothing = inputs.nothingReadReason {
            Console.error("flowscan: \(nothing.sentence)\n")
            return .nothingRead
        }
        Console.output(csv)
        return inputs.isComplete ? .success : .partialInput
    }

    /// NAT gateways from --nat-eni, --nat-ip and --nat-gateways.
    private static func natHints(_ arguments: ParsedArguments) throws -> [NATGatewayHint] {
        var hints: [NATGatewayHint] = []
        if let path = arguments.value("nat-gateways") {
            hints += try NATGatewayHint.load(describeNATGateways: path)
        }
        for eni in arguments.list("nat-eni") {
            guard NATGatewayHint.isInterfaceID(eni) else {
                throw UsageError.invalidValue(option: "--nat-eni", value: eni, expected: "an interface id such as eni-0123456789abcdef0")
            }
            hints.append(NATGatewayHint(interfaceIDs: [eni]))
        }
        for text in arguments.list("nat-ip") {
            guard let address = IPAddress(text) else {
                throw UsageError.invalidValue(option: "--nat-ip", value: text, expected: "an IP address such as 10.0.0.220")
            }
            hints.append(NATGatewayHint(privateIPs: [address]))
        }
        return hints
    }

    /// --pricing and the price flags (also `prices show`'s).
    static let priceOptions: [Option] = [
            .value("pricing", "FILE", "Prices as JSON: nat_gateway_hour, nat_gateway_gb, interface_endpoint_hour,\ninterface_endpoint_gb, interface_endpoint_gb_next_4pb, interface_endpoint_gb_over_5pb,\npublic_ipv4_hour, cross_az_gb, flat or keyed by region\n(default: the price table's row for the VPC's region; see 'flowscan prices show')."),
            .value("nat-gateway-hour", "USD", "NAT gateway price per hour (us-east-1: 0.045)."),
            .value("nat-gateway-gb", "USD", "NAT gateway price per GB processed (us-east-1: 0.045)."),
            .value("interface-endpoint-hour", "USD", "Interface endpoint price per hour per AZ (us-east-1: 0.01)."),
            .value("interface-endpoint-gb", "USD", "Interface endpoint price per GB (us-east-1: 0.01)."),
            .value("public-ipv4-hour", "USD", "Public IPv4 address price per hour (us-east-1: 0.005)."),
            .value("interface-endpoint-gb-next-4pb", "USD", "Interface endpoint price per GB beyond 1 PB a month in the region\n(us-east-1: 0.006)."),
            .value("interface-endpoint-gb-over-5pb", "USD", "Interface endpoint price per GB beyond 5 PB a month in the region\n(us-east-1: 0.004)."),
            .value("cross-az-gb", "USD", "Cross-AZ data transfer price per GB, each direction (us-east-1: 0.01;\nshown by 'prices show', not used by the report)."),
    ]

    /// The price table's row for the VPC's region, then --pricing, then the price flags.
    static func pricing(_ arguments: ParsedArguments) throws -> PriceChoice {
        var choice = PriceChoice(table: try PriceTable.inUse())
        if let path = arguments.value("pricing") { choice.file = try PricingFile.load(contentsOf: path) }
        for (flag, key) in priceFlags {
            if let price = try arguments.value(flag, expected: "a price in US dollars (0 to 1000000)", SharedOptions.price) {
                choice.flags[key] = price
            }
        }
        return choice
    }

    /// The price flags and the pricing keys they set: each flag is its key with dashes
    /// (`--nat-gateway-hour` sets `nat_gateway_hour`), so the keys are named in one place.
    static let priceFlags = Pricing.keys.map { ($0.replacingOccurrences(of: "_", with: "-"), $0) }
}
