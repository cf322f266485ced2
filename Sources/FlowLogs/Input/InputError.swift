/// Why a file could not be read to its end. What was read before the problem still counts.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path does not exist.
    case notFound(path: String)
    /// The file or directory exists but cannot be opened (permissions, I/O error).
    case cannotOpen(path: String, reason: String)
    /// `read(2)` failed part-way through the file.
    case readFailed(path: String, offset: UInt64, reason: String)
    /// zlib rejected the compressed data (corrupt deflate data, bad CRC, bad length).
    case corruptGzip(path: String, offset: UInt64, reason: String)
    /// The file ended inside a gzip member.
    case truncatedGzip(path: String, offset: UInt64)
    /// Bytes after the last gzip member that are neither another member nor zero padding.
    case trailingGarbage(path: String, offset: UInt64)

    /// The file the error is about.
    public var path: String {
        switch self {
        case let .notFound(path), let .cannotOpen(path, _), let .readFailed(path, _, _),
             let .corruptGzip(path, _, _), let .truncatedGzip(path, _), let .trailingGarbage(path, _):
            return path
        }
    }

    /// What went wrong, without the path (for output that already names the file).
    public var reason: String {
        switch self {
        case .notFound:
            return "no such file or directory"
        case let .cannotOpen(_, reason):
            return "cannot open: \(reason)"
        case let .readFailed(_, offset, reason):
            return "read failed at byte \(offset): \(reason)"
        case let .corruptGzip(_, offset, reason):
            return "corrupt gzip data at compressed byte \(offset) (\(reason)); records before it were counted"
        case let .truncatedGzip(_, offset):
            return "gzip data ends early at compressed byte \(offset) (truncated file?); records before it were counted"
        case let .trailingGarbage(_, offset):
            return "unexpected bytes after the last gzip member at compressed byte \(offset); records before it were counted"
        }
    }

    /// The path is shown with control characters escaped.
    public var description: String { TerminalText.safeLines("\(path): \(reason)") }
}
