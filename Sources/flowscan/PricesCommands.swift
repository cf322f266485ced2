import FlowLogs
import Foundation

/// `flowscan prices show [--region R]`: the prices a report would use and where each came from.
enum PricesShowCommand: Runnable {
    static let command = Command(
        path: ["prices", "show"], arguments: "", argumentCount: 0...0,
        summary: "The prices a report uses per region, and where each came from.",
        discussion: """
        Without --region, every region of the price table; with it, that region (us-east-1's prices
        stand in for what the table lacks, with a warning). --pricing and the price flags apply as
        they do to the report.
        """,
        options: [
            .value("region", "REGION", "The region to show (repeatable, or a comma list).", repeatable: true, commaList: true),
            SharedOptions.output(["text", "json"]),
        ] + ReportCommand.priceOptions)

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let output = try SharedOptions.outputValue(arguments, allowed: ["text", "json"])
        let choice = try ReportCommand.pricing(arguments)
        var regions: [String] = []
        for region in arguments.list("region") {
            guard PricingFile.isRegionCode(region) else {
                throw UsageError.invalidValue(option: "--region", value: region, expected: "a region code such as eu-west-1")
            }
            regions.append(region)
        }
        if regions.isEmpty { regions = choice.tableRegions }
        Console.output(output == "json" ? choice.json(regions: regions) : choice.text(regions: regions))
        return .success
    }
}

/// `flowscan prices import OFFER.json...`: AWS's Price List offer files into the cached price table.
enum PricesImportCommand: Runnable {
    static let command = Command(
        path: ["prices", "import"], arguments: "OFFER.json...", argumentCount: 1...Int.max,
        summary: "Read AWS Price List offer files (AmazonEC2, AmazonVPC, AWSDataTransfer) into the cached price table.",
        discussion: """
        Streams each bulk offer file (download them once with curl from
        https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/index.json,
        .../AmazonVPC/current/index.json and .../AWSDataTransfer/current/index.json, or a region's
        file), keeps the NAT gateway, interface endpoint (with its volume tiers), public IPv4 and
        cross-AZ prices of every region, checks every file to its end, then replaces the cached
        table at once. Reports use it in preference to the bundled table.
        """,
        options: [
            .value("to", "PATH", "Where to write the table. Default: $XDG_CACHE_HOME/flowscan/prices.json\n(~/.cache/flowscan/...), created if missing."),
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let path = arguments.value("to") ?? PriceTable.defaultCachePath(environment: ProcessInfo.processInfo.environment)
        let table = try PriceTable.importing(offers: arguments.positionals)
        try table.write(to: path)
        let figures = table.regions.values.reduce(0) { $0 + $1.count }
        Console.output("wrote \(path): \(NumberText.count(figures, "price")) in \(NumberText.count(table.regions.count, "region")), "
                       + "offers published \(table.date) or later\n")
        return .success
    }
}

extension PriceTable {
    /// The table in use: the one `prices import` cached over the bundled one, else the bundled one.
    static func inUse() throws -> PriceTable {
        let path = PriceTable.defaultCachePath(environment: ProcessInfo.processInfo.environment)
        guard FileManager.default.fileExists(atPath: path) else { return .bundled }
        return try PriceTable.load(importedAt: path)
    }
}
