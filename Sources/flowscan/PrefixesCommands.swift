import FlowLogs
import Foundation

/// The options and steps the three `prefixes` commands share.
private enum PrefixesOptions {
    static let prefixes = SharedOptions.prefixes
    static let output = SharedOptions.output(["text", "json"])

    /// How the answer is printed.
    enum Format: String {
        case text, json
    }

    static func format(_ arguments: ParsedArguments) throws(UsageError) -> Format {
        Format(rawValue: try SharedOptions.outputValue(arguments, allowed: ["text", "json"])) ?? .text
    }

    /// Finds and loads ip-ranges.json (`PrefixFileLocation` order).
    /// - Throws: `PrefixFileError`, which `Flowscan.run` prints and turns into exit status 1.
    static func load(_ arguments: ParsedArguments) throws -> (table: PrefixTable, path: String, origin: String) {
        let (table, info) = try SharedOptions.loadPrefixes(arguments)
        return (table, info.path, info.origin)
    }
}

/// `flowscan prefixes lookup ADDRESS...`
enum PrefixesLookupCommand: Runnable {
    static let command = Command(
        path: ["prefixes", "lookup"], arguments: "ADDRESS...", argumentCount: 1...Int.max,
        summary: "Which AWS service and region own each address (ip-ranges.json).",
        discussion: ServicePrecedence.summary.prefix(1).uppercased()
            + ServicePrecedence.summary.dropFirst().replacingOccurrences(of: ": ", with: ":\n") + ".\n"
            + "Addresses in no AWS range are 'internet', or private, loopback, link-local, ...\n"
            + "A malformed address is reported on standard error and the others are still answered\n"
            + "(exit status 1).",
        options: [PrefixesOptions.prefixes, PrefixesOptions.output])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let format = try PrefixesOptions.format(arguments)
        let table = try PrefixesOptions.load(arguments).table
        var addresses: [IPAddress] = []
        var malformed: [String] = []
        for word in arguments.positionals {
            if let address = IPAddress(word) { addresses.append(address) } else { malformed.append(word) }
        }
        let lookup = PrefixLookup(table: table, addresses: addresses)
        switch format {
        case .text:
            var text = ""
            if !addresses.isEmpty { lookup.renderText(into: &text) }
            Console.output(text)
        case .json:
            var bytes: [UInt8] = []
            lookup.renderJSON(into: &bytes)
            Console.output(bytes: bytes)
        }
        for word in malformed {
            Console.error("flowscan: '\(word)' is not an IPv4 or IPv6 address\n")
        }
        return malformed.isEmpty ? .success : .usage
    }
}

/// `flowscan prefixes info`
enum PrefixesInfoCommand: Runnable {
    static let command = Command(
        path: ["prefixes", "info"], arguments: "", argumentCount: 0...0,
        summary: "Age, syncToken and counts of the ip-ranges.json in use.",
        discussion: "Warns on standard error when the file is more than \(PrefixFileSummary.staleAfterDays) days old.",
        options: [PrefixesOptions.prefixes, PrefixesOptions.output])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let format = try PrefixesOptions.format(arguments)
        let (table, path, origin) = try PrefixesOptions.load(arguments)
        let info = PrefixFileSummary(table: table, path: path, origin: origin, now: SharedOptions.now())
        switch format {
        case .text:
            var text = ""
            info.renderText(into: &text)
            Console.output(text)
        case .json:
            var bytes: [UInt8] = []
            info.renderJSON(into: &bytes)
            Console.output(bytes: bytes)
        }
        if let warning = info.warning { Console.error("flowscan: warning: \(warning)\n") }
        return .success
    }
}

/// `flowscan prefixes update`
enum PrefixesUpdateCommand: Runnable {
    static let command = Command(
        path: ["prefixes", "update"], arguments: "", argumentCount: 0...0,
        summary: "Download the current ip-ranges.json from AWS.",
        discussion: "The file is checked before it replaces the old one (temporary file, then rename);\n"
            + "on any failure the old file is kept. Downloads time out after "
            + "\(Int(PrefixFileUpdater.defaultTimeout)) seconds.",
        options: [
            .value("to", "PATH", "Where to write the file. Default: $XDG_CACHE_HOME/flowscan/ip-ranges.json\n"
                + "(~/.cache/flowscan/...), created if missing."),
            .value("url", "URL", "Where to download from. Default: \(PrefixFileUpdater.defaultURL)"),
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        let environment = ProcessInfo.processInfo.environment
        let path = arguments.value("to") ?? PrefixFileLocation.defaultCachePath(environment: environment)
        let urlText = arguments.value("url") ?? PrefixFileUpdater.defaultURL
        guard let url = URL(string: urlText) else {
            throw UsageError.invalidValue(option: "--url", value: urlText, expected: "an http or https URL")
        }
        let previous = try? PrefixTable.load(contentsOf: path)
        let table: PrefixTable
        do {
            table = try PrefixFileUpdater.update(from: url, to: path)
        } catch {
            Console.error("flowscan: \(error)\n")
            if FileManager.default.fileExists(atPath: path) { Console.error("flowscan: kept \(path) as it was\n") }
            return .usage
        }
        Console.output(PrefixFileUpdater.summary(table, path: path, url: urlText, previous: previous))
        if arguments.value("to") == nil, let named = environment[PrefixFileLocation.environmentVariable],
           !named.isEmpty, named != path {
            Console.error("flowscan: note: $\(PrefixFileLocation.environmentVariable) names \(named), which the other "
                          + "commands read first; use 'flowscan prefixes update --to \(named)' to update that file\n")
        }
        return .success
    }
}
