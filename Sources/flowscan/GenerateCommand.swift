import FlowLogs
import Foundation

/// `flowscan generate DIRECTORY`: synthetic flow logs whose NAT traffic is known.
enum GenerateCommand: Runnable {
    static let command = Command(
        path: ["generate"], arguments: "DIRECTORY", argumentCount: 1...1,
        summary: "Write synthetic S3-layout flow logs with known NAT traffic (benchmarks, trials).",
        discussion: """
        Writes DIRECTORY/AWSLogs/… (one file per 5 minutes, as S3 delivery does), DIRECTORY/ip-ranges.json
        describing the AWS prefixes used, and DIRECTORY/expected.json with the NAT bytes per service and
        region the files hold. The same options and seed give the same logs.

        A bucket of several accounts, regions and VPCs: the accounts take the regions of --regions in
        turn (the first account the first region, the second the second, and so on, starting again at
        the first); --vpcs 2,1,1 puts two VPCs in the first account and one in each other. Each VPC has
        its own seed, ids and traffic; the N-th VPC of an account (from 0) uses 10.N.0.0/16, and
        expected.json gains one scope per VPC. Three accounts in two regions, two VPCs in the first:
          flowscan generate BUCKET --accounts 3 --regions us-east-1,eu-west-1 --vpcs 2,1,1
        """,
        options: [
            .value("seed", "N", "Random seed (default 1)."),
            .value("start", "TIME", "Start of the first 5-minute file (default 2026-11-24T00:00:00Z)."),
            .value("minutes", "N", "Minutes of logs: one file per 5 minutes (default 120)."),
            .value("connections", "N", "Connections per file (default 20); scales the file size."),
            .value("instances", "N", "Instances in the VPC (default 12)."),
            .value("nat-gateways", "N", "NAT gateways, one per AZ (default 2)."),
            .value("internet-hosts", "N", "Distinct internet hosts to draw from (default 50)."),
            .value("format", "default|v5|both", "Record format: default (v2), a v5 custom format, or both\n(the first half of the time in each; default both); or a\ncomma list, one per account (v5,default)."),
            .value("region", "REGION", "Region of the VPC (default us-east-1)."),
            .value("accounts", "N", "Accounts in the bucket (default 1), spread over --regions round-robin."),
            .value("account", "ID", "The first account's 12-digit id (default 123456789012); the\nothers are derived from it."),
            .value("regions", "R1,R2,...", "Regions of the bucket, in order (default the --region value)."),
            .value("vpcs", "N|N1,N2,...", "VPCs per account: N in every account, or one count per\naccount in order (default 1)."),
            .value("interfaces", "all|nat|instances", "Interfaces the flow log covers (default all: the whole VPC)."),
            .flag("plain", "Write plain text instead of gzip."),
            .flag("parquet", "Write Parquet as AWS delivers it (….log.parquet, GZIP pages) instead of text."),
            .value("level", "N", "gzip level 1-9 (default 6)."),
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        var options = SyntheticVPC.Options()
        func count(_ name: String, _ range: ClosedRange<Int>) throws(UsageError) -> Int? {
            try arguments.value(name, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)") {
                Int($0).flatMap { range.contains($0) ? $0 : nil }
            }
        }
        if let seed = try arguments.value("seed", expected: "a whole number", { UInt64($0) }) { options.seed = seed }
        if let start = try arguments.value("start", expected: "ISO-8601 or Unix seconds", UnixTime.parse) { options.start = start }
        if let value = try count("minutes", 5...(60 * 24 * 366)) { options.minutes = value }
        if let value = try count("connections", 0...10_000_000) { options.connectionsPerFile = value }
        if let value = try count("instances", 1...60_000) { options.instances = value }
        if let value = try count("nat-gateways", 0...6) { options.natGateways = value }
        if let value = try count("internet-hosts", 1...50_000_000) { options.internetHosts = value }
        if let value = try count("level", 1...9) { options.compressionLevel = Int32(value) }
        // One format, or one per account (a bucket where some accounts log v5 and others the default).
        let formats = try arguments.value("format", expected: "default, v5 or both, or a comma list of them (one per account)") { text in
            let plans = text.split(separator: ",", omittingEmptySubsequences: false).map { SyntheticVPC.FormatPlan(rawValue: String($0)) }
            return plans.allSatisfy { $0 != nil } ? plans.compactMap { $0 } : nil
        }
        if let formats, formats.count == 1 { options.formats = formats[0] }
        if let region = arguments.value("region") {
            guard RegionCode.isValid(region) else { throw UsageError.invalidValue(option: "--region", value: region, expected: "a region code such as us-east-1") }
            options.region = region
        }
        if let interfaces = try arguments.value("interfaces", expected: "all, nat or instances", { SyntheticVPC.LoggedInterfaces(rawValue: $0) }) {
            options.interfaces = interfaces
        }
        options.compress = !arguments.flag("plain")
        options.parquet = arguments.flag("parquet")
        if options.parquet && !options.compress {
            throw UsageError.other("--plain and --parquet cannot be used together: choose one")
        }
        // One page per column: keep each page well under the reader's 64 MB page bound.
        if options.parquet && options.connectionsPerFile > 400_000 {
            throw UsageError.other("--parquet writes one page per column: use --connections 400000 or fewer")
        }
        var bucketOptions = SyntheticBucket.Options()
        if let value = try count("accounts", 1...10_000) { bucketOptions.accounts = value }
        if let account = try arguments.value("account", expected: "a 12-digit account id such as 123456789012", {
            SyntheticBucket.isAccountID($0) ? $0 : nil
        }) { options.account = account }
        if let text = arguments.value("regions") {
            if arguments.value("region") != nil { throw UsageError.other("--region and --regions cannot be used together: list every region in --regions") }
            bucketOptions.regions = try text.split(separator: ",", omittingEmptySubsequences: false).map { part throws(UsageError) in
                guard RegionCode.isValid(String(part)) else {
                    throw UsageError.invalidValue(option: "--regions", value: text, expected: "region codes separated by commas, such as us-east-1,eu-west-1")
                }
                return String(part)
            }
        }
        if let counts = try arguments.value("vpcs", expected: "a count or a comma list of counts, such as 2 or 2,1,1", { text in
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
            return parts.allSatisfy { $0 != nil } ? parts.compactMap { $0 } : nil
        }) { bucketOptions.vpcsPerAccount = counts }
        if let formats, formats.count > 1 { bucketOptions.formatsPerAccount = formats }
        bucketOptions.vpc = options
        let bucket = try SyntheticBucket(options: bucketOptions)
        let directory = arguments.positionals[0]
        let truths = try bucket.write(to: directory)
        try Data(bucket.ipRangesJSON.utf8).write(to: URL(fileURLWithPath: directory + "/ip-ranges.json"))
        try Data(bucket.expectedJSON(truths).utf8).write(to: URL(fileURLWithPath: directory + "/expected.json"))
        var truth = SyntheticTruth(region: bucket.regions[0])
        for one in truths { truth.merge(one) }
        // Parquet files have no header line: their rows are the records.
        let written = options.parquet ? "\(truth.lines - truth.files) rows" : "\(truth.lines) lines"
        let scopes = bucket.vpcs.count == 1 ? "" : " in \(bucket.vpcs.count) VPCs (\(bucketOptions.accounts) accounts, \(bucket.regions.count) regions)"
        Console.error("wrote \(truth.files) files, \(written), \(truth.natBytes) NAT bytes\(scopes) to \(directory)\n")
        return .success
    }
}
