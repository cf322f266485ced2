import FlowLogs

/// `flowscan inspect PATH...`
enum InspectCommand: Runnable {
    static let command = Command(
        path: ["inspect"], arguments: "PATH...", argumentCount: 1...Int.max,
        summary: "What was read: files, formats, records, damage.",
        options: [])
    static func run(_ arguments: ParsedArguments) throws -> ExitStatus { .usage }
}
