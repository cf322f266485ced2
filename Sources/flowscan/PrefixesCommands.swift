import FlowLogs

/// `flowscan prefixes lookup ADDRESS...`
enum PrefixesLookupCommand: Runnable {
    static let command = Command(
        path: ["prefixes", "lookup"], arguments: "ADDRESS...", argumentCount: 1...Int.max,
        summary: "Which AWS service and region own each address (ip-ranges.json).",
        options: [])
    static func run(_ arguments: ParsedArguments) throws -> ExitStatus { .usage }
}

/// `flowscan prefixes info`
enum PrefixesInfoCommand: Runnable {
    static let command = Command(
        path: ["prefixes", "info"], arguments: "", argumentCount: 0...0,
        summary: "Age, syncToken and counts of the ip-ranges.json in use.",
        options: [])
    static func run(_ arguments: ParsedArguments) throws -> ExitStatus { .usage }
}

/// `flowscan prefixes update`
enum PrefixesUpdateCommand: Runnable {
    static let command = Command(
        path: ["prefixes", "update"], arguments: "", argumentCount: 0...0,
        summary: "Download the current ip-ranges.json from AWS.",
        options: [])
    static func run(_ arguments: ParsedArguments) throws -> ExitStatus { .usage }
}
