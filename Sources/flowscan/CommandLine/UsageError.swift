/// A mistake on the command line or in a companion file: nothing was analysed (exit status 1).
enum UsageError: Error, Equatable, CustomStringConvertible {
    /// An option the command does not have.
    /// An option the command does not have, and the nearest one it has (by edit distance).
    case unknownOption(String, command: String, suggestion: String? = nil)
    /// A flag written with `=value`.
    case unexpectedValue(option: String)
    /// An option that needs a value was last on the line.
    case missingValue(option: String, placeholder: String)
    /// A value that does not parse as the option expects.
    case invalidValue(option: String, value: String, expected: String)
    /// A required positional argument is missing.
    case missingArgument(String, command: String)
    /// More positional arguments than the command takes.
    case unexpectedArgument(String, command: String)
    /// A word where a command name was expected.
    case unknownCommand(String, parent: String)
    /// Anything else that stops the run before it starts, said as a sentence.
    case other(String)

    var description: String {
        switch self {
        case let .unknownOption(option, command, suggestion):
            let guess = suggestion.map { "; did you mean '\($0)'? see" } ?? "; see"
            return "unknown option '\(option)' for '\(command)'\(guess) '\(command) --help'"
        case let .unexpectedValue(option):
            return "option '\(option)' is a flag and takes no value"
        case let .missingValue(option, placeholder):
            return "option '\(option)' needs a value (\(placeholder))"
        case let .invalidValue(option, value, expected):
            return "invalid value '\(value)' for '\(option)': expected \(expected)"
        case let .missingArgument(what, command):
            return "missing \(what) for '\(command)'; see '\(command) --help'"
        case let .unexpectedArgument(word, command):
            return "unexpected argument '\(word)' for '\(command)'"
        case let .unknownCommand(word, parent):
            return "unknown command '\(word)' for '\(parent)'; see '\(parent) --help'"
        case let .other(message):
            return message
        }
    }
}
