/// One command-line option. The same table drives parsing and `--help`.
struct Option: Sendable {
    /// The long name without dashes: `format` for `--format`.
    let name: String
    /// The placeholder of the option's value (`FIELDS`), or `nil` for a flag.
    let value: String?
    /// One line (or a few) for `--help`.
    let help: String
    /// True when the option may be given several times (each value is kept).
    var repeatable = false
    /// True when values may also be comma-separated lists (`--nat-eni a,b`).
    var commaList = false

    static func flag(_ name: String, _ help: String) -> Option {
        Option(name: name, value: nil, help: help)
    }

    static func value(_ name: String, _ placeholder: String, _ help: String,
                      repeatable: Bool = false, commaList: Bool = false) -> Option {
        Option(name: name, value: placeholder, help: help, repeatable: repeatable, commaList: commaList)
    }
}

/// A command: its name, its positional arguments and its options.
struct Command: Sendable {
    /// The words that select the command (`["prefixes", "lookup"]`); empty for the main report.
    let path: [String]
    /// What the positional arguments are called in the usage line (`PATH...`).
    let arguments: String
    /// How many positional arguments are accepted.
    let argumentCount: ClosedRange<Int>
    /// One sentence for the command list.
    let summary: String
    /// A longer explanation printed by `--help` under the usage line.
    var discussion: String = ""
    let options: [Option]

    var displayName: String { (["flowscan"] + path).joined(separator: " ") }
}

/// Options every command accepts.
extension Option {
    static let help = Option.flag("help", "Show this help and exit.")
}

/// The parsed command line of one command.
struct ParsedArguments: Sendable {
    let command: Command
    var positionals: [String] = []
    private(set) var values: [String: [String]] = [:]

    init(command: Command) {
        self.command = command
    }

    /// True when the flag was given.
    func flag(_ name: String) -> Bool { values[name] != nil }

    /// The option's value; the last one when given several times.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value given for a repeatable option, comma lists split.
    func list(_ name: String) -> [String] { values[name] ?? [] }

    /// The option's value converted by `convert`, or `nil` when absent.
    /// - Throws: `UsageError.invalidValue` naming the option when `convert` returns `nil`.
    func value<T>(_ name: String, expected: String, _ convert: (String) -> T?) throws(UsageError) -> T? {
        guard let text = value(name) else { return nil }
        guard let converted = convert(text) else {
            throw .invalidValue(option: "--" + name, value: text, expected: expected)
        }
        return converted
    }

    fileprivate mutating func record(_ option: Option, _ value: String) throws(UsageError) {
        if !option.repeatable, values[option.name] != nil, option.value == nil {
            return  // a flag given twice means the same thing
        }
        let parts = option.commaList
            ? value.split(separator: ",").map(String.init).filter { !$0.isEmpty }
            : [value]
        if option.repeatable || option.commaList {
            values[option.name, default: []].append(contentsOf: parts)
        } else {
            values[option.name] = parts
        }
    }
}

extension Command {
    /// Parses the words after the command's name.
    ///
    /// Accepts `--name value`, `--name=value`, flags, `--` (everything after is positional) and
    /// `-` (a positional: standard input).
    /// - Throws: `UsageError` naming the option or argument at fault.
    func parse(_ words: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(command: self)
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || !word.hasPrefix("-") || word == "-" {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            guard word.hasPrefix("--") else {
                throw .unknownOption(word, command: displayName, suggestion: nearestOption(to: String(word.drop { $0 == "-" })))
            }
            let body = word.dropFirst(2)
            let name: String
            var inlineValue: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
            }
            guard let option = (options + [.help]).first(where: { $0.name == name }) else {
                throw .unknownOption("--" + name, command: displayName, suggestion: nearestOption(to: name))
            }
            if option.value == nil {
                guard inlineValue == nil else { throw .unexpectedValue(option: "--" + name) }
                try parsed.record(option, "")
                continue
            }
            if let inlineValue {
                try parsed.record(option, inlineValue)
            } else {
                guard index < words.count else { throw .missingValue(option: "--" + name, placeholder: option.value!) }
                try parsed.record(option, words[index])
                index += 1
            }
        }
        if parsed.flag("help") { return parsed }
        if parsed.positionals.count < argumentCount.lowerBound {
            throw .missingArgument(arguments, command: displayName)
        }
        if parsed.positionals.count > argumentCount.upperBound {
            throw .unexpectedArgument(parsed.positionals[argumentCount.upperBound], command: displayName)
        }
        return parsed
    }

    /// The option whose name is nearest to `name` (`--output` for `ouput`): at most 2 edits away,
    /// and fewer than half the name's letters; the first in table order on a tie.
    func nearestOption(to name: String) -> String? {
        guard !name.isEmpty else { return nil }
        let scored = (options + [.help]).map { ($0.name, EditDistance.between(name, $0.name)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 * 2 < max(name.count, best.0.count) else { return nil }
        return "--" + best.0
    }

    /// The `--help` text: usage line, discussion, and one entry per option, from the same table.
    func helpText() -> String {
        var text = "USAGE: \(displayName)"
        if !arguments.isEmpty { text += " \(arguments)" }
        text += " [options]\n\n\(summary)\n"
        if !discussion.isEmpty { text += "\n\(discussion)\n" }
        text += "\nOPTIONS:\n"
        let entries = (options + [.help]).map { option -> (String, String) in
            (option.value.map { "--\(option.name) \($0)" } ?? "--\(option.name)", option.help)
        }
        let width = min(28, entries.map(\.0.count).max() ?? 0)
        for (left, help) in entries {
            let helpLines = help.split(separator: "\n", omittingEmptySubsequences: false)
            if left.count > width {
                text += "  \(left)\n"
                for line in helpLines { text += String(repeating: " ", count: width + 4) + line + "\n" }
            } else {
                for (number, line) in helpLines.enumerated() {
                    let head = number == 0 ? left : ""
                    text += "  " + head + String(repeating: " ", count: width - head.count + 2) + line + "\n"
                }
            }
        }
        return text
    }
}
