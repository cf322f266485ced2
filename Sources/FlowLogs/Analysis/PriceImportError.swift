/// Why `flowscan prices import` (or reading the table it wrote) failed. The cached table is
/// never touched by a failed import: a new one is written whole and renamed over the old.
public enum PriceImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file ends inside the JSON document (a download cut short).
    case truncated(path: String, offset: Int)
    /// The file is not a usable offer (or price table): where and what.
    case invalid(path: String, location: String, problem: String)
    /// Two files give one region's price differently.
    case conflicting(region: String, key: String, first: String, second: String)
    /// The files hold no NAT gateway, endpoint or public IPv4 price.
    case nothingFound(paths: [String])
    /// The table could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String { TerminalText.safeLines(message) }

    private var message: String {
        let kept = "the price table in use was not changed"
        switch self {
        case let .unreadable(path, reason):
            return "cannot read \(path): \(reason); \(kept)"
        case let .truncated(path, offset):
            return "\(path) ends at byte \(offset) inside the JSON document (cut short? download it again); \(kept)"
        case let .invalid(path, location, problem):
            return "\(path): \(location): \(problem); \(kept)"
        case let .conflicting(region, key, first, second):
            return "\(region) \(key) is priced differently by \(first) and \(second): import one offer of each service; \(kept)"
        case let .nothingFound(paths):
            return "no NAT gateway, interface endpoint or public IPv4 price in \(paths.joined(separator: ", ")) "
                + "(import the AmazonEC2 and AmazonVPC offer files); \(kept)"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason); \(kept)"
        }
    }
}
