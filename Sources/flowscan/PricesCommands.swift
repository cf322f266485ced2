import FlowLogs

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
