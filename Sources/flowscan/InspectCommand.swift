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
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let output = try SharedOptions.outputValue(arguments, allowed: ["text", "json"])
        let options = try SharedOptions.readOptions(arguments)
        let inspection = Inspection.run(paths: arguments.positionals, options: options)
        Console.output(output == "json" ? inspection.json() : inspection.text())
        return inspection.totals.isComplete ? .success : .partialInput
    }
}

/// Options more than one command shares, defined once.
enum SharedOptions {
    static let format = Option.value(
        "format", "FIELDS",
        "Field list for input without a header line: 'version srcaddr ...',\n'version,srcaddr,...' or '${version} ${srcaddr} ...'.")

    static func output(_ choices: [String]) -> Option {
        .value("output", choices.joined(separator: "|"), "Output format (default: \(choices[0])).")
    }

    /// The `--output` value, checked against the allowed choices.
    static func outputValue(_ arguments: ParsedArguments, allowed: [String]) throws(UsageError) -> String {
        try arguments.value("output", expected: allowed.joined(separator: ", ")) { allowed.contains($0) ? $0 : nil }
            ?? allowed[0]
    }

    /// Reading options from `--format`.
    static func readOptions(_ arguments: ParsedArguments) throws(UsageError) -> ReadOptions {
        var options = ReadOptions()
        if let specification = arguments.value("format") {
            do {
                options.format = try FlowLogFormat.parse(specification: specification)
            } catch {
                throw .invalidValue(option: "--format", value: specification, expected: error.description)
            }
        }
        return options
    }
}
