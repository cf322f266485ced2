import FlowLogs
import Foundation

/// Options more than one command shares, defined once.
enum SharedOptions {
    static let prefixes = Option.value(
        "prefixes", "FILE",
        "ip-ranges.json to use (default: $FLOWSCAN_PREFIXES, else\n$XDG_CACHE_HOME/flowscan/ip-ranges.json; get one with 'flowscan prefixes update').")

    static let jobs = Option.value("jobs", "N", "Files read at once (default: the number of cores).")
    static let progress = Option.flag("progress", "Show progress on standard error even when it is not a terminal.")
    static let noProgress = Option.flag("no-progress", "Never show progress.")

    static let dnsLogs = Option.value(
        "dns-logs", "PATH", "Route 53 Resolver query logs (a file or folder) naming the services behind\nAMAZON addresses (repeatable; those among the PATHs are found by content).", repeatable: true)

    static let dnsWindow = Option.value(
        "dns-window", "SECONDS",
        "How long a DNS answer names its address after its query\n(default 3600; Resolver logs carry no TTL).")

    /// `--dns-window`.
    static func dnsWindowValue(_ arguments: ParsedArguments) throws(UsageError) -> UInt32? {
        try arguments.value("dns-window", expected: "a whole number of seconds from 1 to 604800") {
            UInt32($0).flatMap { (1...604_800).contains($0) ? $0 : nil }
        }
    }

    static let format = Option.value(
        "format", "FIELDS",
        "Field list for input without a header line: 'version srcaddr ...',\n'version,srcaddr,...' or '${version} ${srcaddr} ...'.")

    static func output(_ choices: [String]) -> Option {
        .value("output", choices.joined(separator: "|"), "Output format (default: \(choices[0])).")
    }

    /// The `--output` value, checked against the allowed choices.
    static func outputValue(_ arguments: ParsedArguments, allowed: [String]) throws(UsageError) -> String {
        let expected = allowed.dropLast().joined(separator: ", ") + " or " + allowed[allowed.count - 1]
        return try arguments.value("output", expected: expected) { allowed.contains($0) ? $0 : nil }
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

    /// `--jobs` (`InputScan.jobs`).
    static func jobsValue(_ arguments: ParsedArguments) throws(UsageError) -> Int {
        try arguments.value("jobs", expected: "a whole number from 1 to 256") { Int($0).flatMap { (1...256).contains($0) ? $0 : nil } } ?? 0
    }

    /// A price or threshold in US dollars.
    static func dollars(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
        return value
    }

    /// A unit price in US dollars: as the pricing file allows, 0 to 1,000,000.
    static func price(_ text: String) -> Double? {
        guard let value = dollars(text), value < 1_000_000 else { return nil }
        return value
    }

    /// Finds and loads ip-ranges.json (`--prefixes`, `$FLOWSCAN_PREFIXES`, the cache).
    static func loadPrefixes(_ arguments: ParsedArguments) throws -> (PrefixTable, PrefixFileInfo) {
        let (path, origin) = try locatePrefixes(arguments)
        let table = try PrefixTable.load(contentsOf: path)
        return (table, prefixFileInfo(table, path: path, origin: origin))
    }

    /// Where ip-ranges.json is (`PrefixFileLocation` order).
    static func locatePrefixes(_ arguments: ParsedArguments) throws(PrefixFileError) -> (path: String, origin: String) {
        try PrefixFileLocation.resolve(explicit: arguments.value("prefixes"), environment: ProcessInfo.processInfo.environment)
    }

    /// What the report says about the table it used.
    static func prefixFileInfo(_ table: PrefixTable, path: String, origin: String) -> PrefixFileInfo {
        let age = table.createdAt.map { now().timeIntervalSince($0) / 86_400 }
        return PrefixFileInfo(path: path, origin: origin, syncToken: table.syncToken, createDate: table.createDate, ageDays: age)
    }

    /// The current time, or `$SOURCE_DATE_EPOCH` when set (reproducible output for tests and archives).
    static func now() -> Date {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
            return Date(timeIntervalSince1970: epoch)
        }
        return Date()
    }
}
