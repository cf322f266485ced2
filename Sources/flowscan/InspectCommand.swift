import FlowLogs

/// `flowscan inspect PATH...`: what was read, file by file.
enum InspectCommand: Runnable {
    static let command = Command(
        path: ["inspect"], arguments: "PATH...", argumentCount: 1...Int.max,
        summary: "What was read: files, formats, records, damage.",
        discussion: """
        PATH is a file, a directory (read recursively, sorted, hidden names skipped) or - for
        standard input. gzip is recognised by content, plain text otherwise.
        """,
        options: [
            SharedOptions.format,
            SharedOptions.output(["text", "json"]),
            SharedOptions.jobs,
            SharedOptions.progress,
            SharedOptions.noProgress,
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let output = try SharedOptions.outputValue(arguments, allowed: ["text", "json"])
        let options = try SharedOptions.readOptions(arguments)
        let jobs = try SharedOptions.jobsValue(arguments)
        let inspection = ProgressDisplay.around(arguments) { progress in
            Inspection.run(paths: arguments.positionals, options: options, jobs: jobs, progress: progress)
        }
        Console.output(output == "json" ? inspection.json() : inspection.text())
        return inspection.totals.isComplete ? .success : .partialInput
    }
}
