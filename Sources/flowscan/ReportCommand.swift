import FlowLogs

/// `flowscan PATH...`: the savings and exposure report.
enum ReportCommand: Runnable {
    static let command = Command(
        path: [], arguments: "PATH...", argumentCount: 1...Int.max,
        summary: "The NAT gateway savings and exposure report (the main job).",
        options: [])
    static func run(_ arguments: ParsedArguments) throws -> ExitStatus { .usage }
}
