import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP server for the `update` tests: POSIX sockets on 127.0.0.1, an ephemeral port, one
/// thread, the same canned answer for every request. Never the internet, no other process.
final class PrefixTestHTTPServer: Sendable {
    /// The port the server listens on.
    let port: UInt16
    private let listener: Int32
    private let requestLines = Mutex<[String]>([])

    /// The request lines received so far (`GET /ip-ranges.json HTTP/1.1`).
    var requests: [String] { requestLines.withLock { $0 } }

    /// `http://127.0.0.1:PORT/ip-ranges.json`
    var url: URL { URL(string: "http://127.0.0.1:\(port)/ip-ranges.json")! }

    /// Starts listening.
    /// - Parameter response: the bytes written back after each request's headers (status line,
    ///   headers, body), after which the connection is closed; `nil` to answer nothing and wait for
    ///   the client to give up.
    init(response: [UInt8]?) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 16) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        port = UInt16(bigEndian: address.sin_port)
        self.listener = listener
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if errno == EINTR { continue }
                    return  // stopped
                }
                serve(client, response: response)
            }
        }
    }

    /// A socket bound to a free port on 127.0.0.1 that never listens: connecting to it is refused.
    static func boundButNotListening() throws -> (socket: Int32, port: UInt16) {
        let held = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard held >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(held, $0, length) == 0 && getsockname(held, $0, &length) == 0
            }
        }
        guard bound else {
            close(held)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        return (held, UInt16(bigEndian: address.sin_port))
    }

    /// Stops listening (the accept loop ends).
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve(_ client: Int32, response: [UInt8]?) {
        defer { close(client) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end = Array("\r\n\r\n".utf8)
        while !request.suffix(4).elementsEqual(end) {
            let count = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            request += buffer[0..<count]
        }
        let line = String(decoding: request.prefix { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        requestLines.withLock { $0.append(line) }
        guard let response else {
            // Hold the connection until the client gives up.
            while buffer.withUnsafeMutableBytes({ read(client, $0.baseAddress, $0.count) }) > 0 {}
            return
        }
        response.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = send(client, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { return }
                offset += written
            }
        }
        shutdown(client, Int32(SHUT_WR))
    }

    /// A response with a status line, `Content-Length` (the body's, unless given) and the body.
    static func response(status: String = "200 OK", body: [UInt8], contentLength: Int? = nil) -> [UInt8] {
        let head = "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(contentLength ?? body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + body
    }
}
