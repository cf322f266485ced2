import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// Downloads the current ip-ranges.json and installs it without ever leaving a broken file behind.
///
/// The body is downloaded whole, checked (it must load as a `PrefixTable`: valid JSON, valid CIDR
/// blocks, at least one IPv4 prefix), written to a temporary file beside the destination, flushed,
/// and renamed over the destination. Any failure leaves the old file as it was.
public enum PrefixFileUpdater {
    /// Where AWS publishes the file.
    public static let defaultURL = "https://ip-ranges.amazonaws.com/ip-ranges.json"
    /// The longest a download may take, in seconds, before it is abandoned.
    public static let defaultTimeout: TimeInterval = 60

    /// Downloads, validates and installs ip-ranges.json.
    /// - Parameters:
    ///   - url: where to download from (`http` or `https`).
    ///   - path: the file to replace or create; its directory is created when missing.
    ///   - timeout: seconds before the download is abandoned.
    /// - Returns: the new file, loaded.
    /// - Throws: `PrefixUpdateError`; the file at `path` is then unchanged.
    public static func update(from url: URL, to path: String,
                              timeout: TimeInterval = defaultTimeout) throws(PrefixUpdateError) -> PrefixTable {
        let bytes = try download(url, timeout: timeout)
        let table: PrefixTable
        do {
            table = try PrefixTable(jsonData: bytes, source: "the download")
        } catch {
            throw .invalidFile(url: url.absoluteString, error)
        }
        try PrefixFileIO.writeAtomically(bytes, to: path)
        return table
    }

    /// The body of a successful (2xx) response, complete.
    /// - Throws: `unsupportedURL`, `transport`, `httpStatus` or `truncated`.
    static func download(_ url: URL, timeout: TimeInterval) throws(PrefixUpdateError) -> [UInt8] {
        let name = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw .unsupportedURL(name)
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }

        let outcome = DownloadOutcome()
        let finished = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: URLRequest(url: url)) { data, response, error in
            let http = response as? HTTPURLResponse
            outcome.store(.init(
                body: data.map { [UInt8]($0) } ?? [],
                status: http?.statusCode,
                expectedLength: http?.expectedContentLength ?? -1,
                encoded: !(http?.value(forHTTPHeaderField: "Content-Encoding") ?? "identity")
                    .lowercased().contains("identity"),
                failure: error.map { reason($0, timeout: timeout) }))
            finished.signal()
        }
        task.resume()
        if finished.wait(timeout: .now() + timeout + 5) == .timedOut {
            task.cancel()
            throw .transport(url: name, reason: "no answer within \(Int(timeout)) seconds")
        }
        guard let result = outcome.result else { throw .transport(url: name, reason: "no response") }
        if let failure = result.failure { throw .transport(url: name, reason: failure) }
        guard let status = result.status else { throw .transport(url: name, reason: "the response is not HTTP") }
        guard (200..<300).contains(status) else { throw .httpStatus(url: name, status: status) }
        // A compressed body's length is not the announced one; validation catches truncation there.
        if !result.encoded, result.expectedLength >= 0, result.body.count < result.expectedLength {
            throw .truncated(url: name, expected: Int(result.expectedLength), received: result.body.count)
        }
        return result.body
    }

    /// Two lines for the terminal after a successful update: where the file went, what it holds,
    /// and what it replaced (`previous`, the old file when it could be read).
    public static func summary(_ table: PrefixTable, path: String, url: String, previous: PrefixTable?) -> String {
        let safe = TerminalText.safe
        var text = "updated \(safe(path)) from \(safe(url))\n"
        text += "created \(safe(table.createDate)) (syncToken \(safe(table.syncToken))): "
            + "\(table.ipv4PrefixCount) IPv4 and \(table.ipv6PrefixCount) IPv6 prefixes\n"
        if let previous {
            text += previous.syncToken == table.syncToken
                ? "unchanged: the previous file had the same syncToken\n"
                : "replaced a file created \(safe(previous.createDate)) (syncToken \(safe(previous.syncToken)))\n"
        }
        return text
    }

    /// A short phrase for a failed request.
    static func reason(_ error: any Error, timeout: TimeInterval) -> String {
        guard let error = error as? URLError else { return String(describing: error) }
        switch error.code {
        case .timedOut: return "no complete answer within \(Int(timeout)) seconds"
        case .cannotConnectToHost: return "the connection was refused"
        case .cannotFindHost, .dnsLookupFailed: return "the host name does not resolve"
        case .networkConnectionLost: return "the connection was lost before the whole file arrived"
        case .notConnectedToInternet: return "the network is down"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "the TLS connection failed (\(error.localizedDescription))"
        case .unknown: return error.localizedDescription  // libcurl's own words, e.g. "transfer closed with 161 bytes remaining to read"
        default: return "URL error \(error.code.rawValue) (\(error.localizedDescription))"
        }
    }
}

/// What the URLSession callback hands back to the waiting thread.
private final class DownloadOutcome: Sendable {
    struct Result: Sendable {
        var body: [UInt8]
        var status: Int?
        var expectedLength: Int64
        var encoded: Bool
        var failure: String?
    }

    private let state = Mutex<Result?>(nil)

    func store(_ result: Result) { state.withLock { $0 = result } }
    var result: Result? { state.withLock { $0 } }
}
