/// Why an ip-ranges.json file could not be found, read or used.
///
/// Every case names the file (`path`: the path as given, or the source passed to
/// `PrefixTable(jsonData:source:)`) and, where it helps, the byte offset or the JSON path in
/// jq syntax (`.prefixes[12].ip_prefix`, indices from 0) so `jq '.prefixes[12]' FILE` shows the entry.
public enum PrefixFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No file was named (`--prefixes`, `$FLOWSCAN_PREFIXES`) and none is at the default location.
    case notFound(defaultPath: String)
    /// The file named by `origin` (`--prefixes` or `$FLOWSCAN_PREFIXES`) does not exist.
    case missing(path: String, origin: String)
    /// The file exists but could not be read (permissions, a directory, an I/O error).
    case unreadable(path: String, reason: String)
    /// The file is far larger than any ip-ranges.json (probably the wrong file).
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The file is empty or holds only white space.
    case empty(path: String)
    /// The bytes are not JSON: where reading stopped (byte offset from 0) and what was expected there.
    case notJSON(path: String, offset: Int, reason: String)
    /// A required member is absent from the object at `jsonPath` (`.` is the top-level object).
    case missingKey(path: String, jsonPath: String, key: String)
    /// The value at `jsonPath` is the wrong kind of JSON value.
    case wrongType(path: String, jsonPath: String, expected: String, offset: Int)
    /// The member at `jsonPath` appears twice in its object, so which one counts is unclear.
    case duplicateKey(path: String, jsonPath: String, offset: Int)
    /// The prefix at `jsonPath` is not a valid CIDR block.
    case badCIDR(path: String, jsonPath: String, value: String, reason: String)
    /// An IPv6 block in `prefixes` or an IPv4 block in `ipv6_prefixes`.
    case wrongFamily(path: String, jsonPath: String, value: String)
    /// `prefixes` holds no IPv4 entries: every address would silently be "not AWS".
    case noPrefixes(path: String)

    private static let getOne = "run 'flowscan prefixes update' to download a current copy"

    /// Paths and values from the file are shown with control characters escaped.
    public var description: String {
        switch self {
        case .notFound, .missing, .unreadable, .tooLarge: return TerminalText.safeLines(problem)
        default: return TerminalText.safeLines(problem) + "; " + Self.getOne
        }
    }

    /// What is wrong, without the advice to download a fresh copy (which `update` cannot give).
    var problem: String {
        switch self {
        case let .notFound(defaultPath):
            return "no ip-ranges.json found: pass --prefixes FILE, set FLOWSCAN_PREFIXES, or "
                + "run 'flowscan prefixes update' to download one to \(defaultPath)"
        case let .missing(path, origin):
            return "\(path) (from \(origin)) does not exist; check the path or "
                + "run 'flowscan prefixes update --to \(path)' to download it there"
        case let .unreadable(path, reason):
            return "cannot read \(path): \(reason)"
        case let .tooLarge(path, bytes, limit):
            return "\(path) is \(bytes) bytes, more than the \(limit) an ip-ranges.json could be; "
                + "check that it is the right file"
        case let .empty(path):
            return "\(path) is empty"
        case let .notJSON(path, offset, reason):
            return "\(path) is not valid JSON at byte \(offset): \(reason)"
        case let .missingKey(path, jsonPath, key):
            let place = jsonPath == "." ? "the top-level object" : jsonPath
            return "\(path): \(place) has no \"\(key)\" member; is this an ip-ranges.json file?"
        case let .wrongType(path, jsonPath, expected, offset):
            return "\(path): \(jsonPath) (byte \(offset)) should be \(expected)"
        case let .duplicateKey(path, jsonPath, offset):
            return "\(path): \(jsonPath) appears twice in its object (byte \(offset))"
        case let .badCIDR(path, jsonPath, value, reason):
            return "\(path): \(jsonPath) \"\(value)\" is not a CIDR block: \(reason)"
        case let .wrongFamily(path, jsonPath, value):
            let expected = jsonPath.hasPrefix(".ipv6_prefixes") ? "IPv6" : "IPv4"
            return "\(path): \(jsonPath) \"\(value)\" is not an \(expected) block, "
                + "but every entry there must be"
        case let .noPrefixes(path):
            return "\(path) holds no IPv4 prefixes (\"prefixes\" is empty), so every address would "
                + "look like the public internet"
        }
    }
}
