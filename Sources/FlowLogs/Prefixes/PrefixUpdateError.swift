/// Why `flowscan prefixes update` could not replace the ip-ranges.json file.
///
/// Whatever the case, the file at the destination was not touched: a new file is written to a
/// temporary name and renamed over the old one only after it downloaded and validated completely.
public enum PrefixUpdateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URL is not an `http` or `https` URL.
    case unsupportedURL(String)
    /// No response arrived: name resolution, connection, TLS, a time-out, a dropped connection.
    case transport(url: String, reason: String)
    /// The server answered with a status other than 2xx.
    case httpStatus(url: String, status: Int)
    /// The body is shorter than the `Content-Length` the server announced.
    case truncated(url: String, expected: Int, received: Int)
    /// The body downloaded but is not a usable ip-ranges.json.
    case invalidFile(url: String, PrefixFileError)
    /// The file (or its directory) could not be written at `path`.
    case cannotWrite(path: String, reason: String)

    /// URLs, paths and reasons are shown with control characters escaped.
    public var description: String { TerminalText.safeLines(message) }

    private var message: String {
        let kept = "the existing file was not changed"
        switch self {
        case let .unsupportedURL(url):
            return "cannot download '\(url)': only http and https URLs are supported"
        case let .transport(url, reason):
            return "downloading \(url) failed: \(reason); \(kept)"
        case let .httpStatus(url, status):
            return "downloading \(url) failed: the server answered HTTP \(status); \(kept)"
        case let .truncated(url, expected, received):
            return "downloading \(url) failed: the connection ended after \(received) of \(expected) bytes; \(kept)"
        case let .invalidFile(url, problem):
            return "the file downloaded from \(url) is not a usable ip-ranges.json (\(problem.problem)); \(kept)"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason); \(kept)"
        }
    }
}
