import FlowLogs

/// `flowscan generate DIRECTORY`
enum GenerateCommand: Runnable {
    static let command = Command(
        path: ["generate"], arguments: "DIRECTORY", argumentCount: 1...1,
        summary: "Write synthetic S3-layout flow logs (for benchmarks and trials).",
        options: [])
    static func run(_ arguments: ParsedArguments) throws -> ExitStatus { .usage }
}
