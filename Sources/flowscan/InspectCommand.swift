import FlowLogs

/// `flowscan inspect PATH...`: what was read, file by file.
enum InspectCommand: Runnable {
    static let command = Command(
        path: ["inspect"], arguments: "PATH...", argumentCount: 1...Int.max,
        summary: "What was read: files, formats, records, damage.",
        discussion: """
        PATH is a file, a directory (read recursively, sorted, hidden names skipped) or - for
        standard input. gzip is recognised by content, plain text otherwise; so are Route 53
        Resolver query logs among flow logs (each file's note says what it is).
        """,
        options: [
            SharedOptions.format,
            .value("dns-logs", "PATH", "Route 53 Resolver query logs (a file or folder) to read as such (repeatable).", repeatable: true),
            SharedOptions.output(["text", "json"]),
            SharedOptions.jobs,
            SharedOptions.progress,
            SharedOptions.noProgress,
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let output = try SharedOptions.outputValue(arguments, allowed: ["text", "json"])
        let options = try SharedOptions.readOptions(arguments)
        let jobs = try SharedOptions.jobsValue(arguments)
        let scanned = ProgressDisplay.around(arguments) { progress in
            Inspection.run(paths: arguments.positionals, options: options, jobs: jobs, progress: progress)
        }
        // Resolver query logs found among the inputs are read as what they are.
        let (_, files) = ResolverLogs.read(completing: scanned.files, explicit: arguments.list("dns-logs"), options: DNSNamingOptions(),
                                           read: options, jobs: jobs)
        let inspection = Inspection(files: files)
        Console.output(output == "json" ? inspection.json() : inspection.text())
        return inspection.totals.isComplete ? .success : .partialInput
    }
}
