import FlowLogs
import Foundation

/// A command the executable can run: its table entry and what it does.
protocol Runnable: Sendable {
    /// The command's table: name, arguments and options (parsing and `--help` both use it).
    static var command: Command { get }
    /// Runs the command; errors that reach `Flowscan.main` become exit statuses there.
    static func run(_ arguments: ParsedArguments) throws -> ExitStatus
}

@main
enum Flowscan {
    static let version = "0.1.0"

    /// Every command, the main report first.
    static let commands: [any Runnable.Type] = [
        ReportCommand.self,
        InspectCommand.self,
        PrefixesLookupCommand.self,
        PrefixesInfoCommand.self,
        PrefixesUpdateCommand.self,
        PricesShowCommand.self,
        PricesImportCommand.self,
        GenerateCommand.self,
        SQLCommand.self,
    ]

    static func main() {
        let words = Array(CommandLine.arguments.dropFirst())
        let status = run(words)
        Console.flush()
        exit(status.rawValue)
    }

    /// Chooses the command named by the first words, parses the rest and runs it.
    static func run(_ words: [String]) -> ExitStatus {
        if words.isEmpty {
            Console.error(shortUsage)
            return .usage
        }
        if words == ["--help"] || words == ["-h"] || words == ["help"] {
            Console.output(overview())
            return .success
        }
        if words == ["--version"] {
            Console.output("flowscan \(version)\n")
            return .success
        }
        if words.first == "help", words.count > 1 {
            return run(Array(words.dropFirst()) + ["--help"])
        }
        // `flowscan prefixes --help`: the group's subcommands.
        if words.count == 2, words[1] == "--help" || words[1] == "-h", let help = groupHelp(words[0]) {
            Console.output(help)
            return .success
        }
        let (runner, rest): (any Runnable.Type, [String])
        do {
            (runner, rest) = try select(words)
        } catch {
            Console.error("flowscan: \(error)\n")
            return .usage
        }
        do {
            let arguments = try runner.command.parse(rest)
            if arguments.flag("help") {
                Console.output(runner.command.helpText())
                return .success
            }
            return try runner.run(arguments)
        } catch {
            Console.error("flowscan: \(error)\n")
            return .usage
        }
    }

    /// The command whose path the words start with (the longest match), and the words after it.
    static func select(_ words: [String]) throws(UsageError) -> (any Runnable.Type, [String]) {
        // `flowscan report PATH...` names the main command explicitly (for a folder called `inspect`).
        if words.first == "report" { return (ReportCommand.self, Array(words.dropFirst())) }
        let named = commands.filter { !$0.command.path.isEmpty }
        let matches = named.filter { Array(words.prefix($0.command.path.count)) == $0.command.path }
        if let best = matches.max(by: { $0.command.path.count < $1.command.path.count }) {
            return (best, Array(words.dropFirst(best.command.path.count)))
        }
        // A group word such as `prefixes` without one of its subcommands.
        if let first = words.first, named.contains(where: { $0.command.path.count > 1 && $0.command.path[0] == first }) {
            let sub = words.count > 1 ? words[1] : ""
            let choices = named.filter { $0.command.path[0] == first }.map { $0.command.path[1] }
            throw .other(sub.isEmpty
                ? "'flowscan \(first)' needs a subcommand: \(choices.joined(separator: ", ")); see 'flowscan \(first) --help'"
                : "unknown command '\(sub)' for 'flowscan \(first)'"
                    + (nearest(sub, among: choices).map { "; did you mean '\($0)'? choose" } ?? "; choose")
                    + " one of: \(choices.joined(separator: ", "))")
        }
        return (ReportCommand.self, words)
    }

    /// The choice at most 2 edits from `word` (and fewer than half its letters), if any.
    static func nearest(_ word: String, among choices: [String]) -> String? {
        let scored = choices.map { ($0, EditDistance.between(word, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 * 2 < max(word.count, best.0.count) else { return nil }
        return best.0
    }

    /// What `flowscan` alone prints on standard error (exit 1): the usage line and where help is.
    static let shortUsage = """
        USAGE: flowscan PATH... --prefixes ip-ranges.json [options]
        See 'flowscan --help' for the commands and options.

        """

    /// The help of a group word such as `prefixes`: its subcommands, or `nil` for another word.
    static func groupHelp(_ group: String) -> String? {
        let members = commands.filter { $0.command.path.count > 1 && $0.command.path[0] == group }
        guard !members.isEmpty else { return nil }
        var text = "USAGE: flowscan \(group) COMMAND [arguments] [options]\n\nCOMMANDS:\n"
        let width = members.map { $0.command.displayName.count }.max() ?? 0
        for runner in members {
            let name = runner.command.displayName
            text += "  " + name + String(repeating: " ", count: width - name.count + 2) + runner.command.summary + "\n"
        }
        text += "\nSee 'flowscan \(group) COMMAND --help' for a command's options.\n"
        return text
    }

    /// The top-level help: what flowscan does and its commands.
    static func overview() -> String {
        var text = """
        flowscan \(version): how much NAT gateway traffic in VPC Flow Logs goes to AWS services,
        what it costs, and what VPC endpoints would save.

        USAGE: flowscan PATH... --prefixes ip-ranges.json [options]
               flowscan COMMAND [arguments] [options]

        COMMANDS:

        """
        let width = commands.map { $0.command.displayName.count }.max() ?? 0
        for runner in commands {
            let name = runner.command.path.isEmpty ? "flowscan [report]" : runner.command.displayName
            text += "  " + name + String(repeating: " ", count: max(1, width - name.count + 2)) + runner.command.summary + "\n"
        }
        text += "\nSee 'flowscan COMMAND --help' for a command's options.\n"
        return text
    }
}
