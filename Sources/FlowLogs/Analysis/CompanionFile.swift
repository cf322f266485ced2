import Foundation

/// A small JSON file given next to the logs (`--pricing`, `--nat-gateways`) that cannot be used.
public enum CompanionFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// Larger than such a file can reasonably be.
    case tooLarge(path: String, bytes: UInt64, limit: UInt64)
    /// Not JSON at all.
    case notJSON(path: String, reason: String)
    /// JSON, but not the expected shape: `location` says where (a key path), `problem` what.
    case invalid(path: String, location: String, problem: String)

    /// Paths, keys and values from the file are shown with control characters escaped.
    public var description: String { TerminalText.safeLines(message) }

    private var message: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .tooLarge(path, bytes, limit):
            return "\(path): \(bytes) bytes is too large for this file (limit \(limit) bytes); is it the right file?"
        case let .notJSON(path, reason):
            return "\(path): not valid JSON (\(reason))"
        case let .invalid(path, location, problem):
            return "\(path): \(location): \(problem)"
        }
    }
}

enum CompanionFile {
    /// Reads and parses a JSON file no larger than `limit` bytes.
    static func json(at path: String, limit: UInt64) throws(CompanionFileError) -> Any {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .unreadable(path: path, reason: DecodingReader.message(errno))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        guard UInt64(info.st_size) <= limit else { throw .tooLarge(path: path, bytes: UInt64(info.st_size), limit: limit) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: DecodingReader.message(errno == 0 ? EACCES : errno))
        }
        guard !data.isEmpty else { throw .notJSON(path: path, reason: "the file is empty") }
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "it does not parse"
            throw .notJSON(path: path, reason: detail)
        }
    }
}

enum JSONValue {
    /// True for JSON `true`/`false`, which Foundation also hands out as NSNumber.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(describing: type(of: number)).contains("Boolean")
    }
}
