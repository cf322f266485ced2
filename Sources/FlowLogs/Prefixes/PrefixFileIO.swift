import Foundation

/// File input and output for ip-ranges.json, with POSIX calls so every failure has its errno reason.
enum PrefixFileIO {
    /// Reads a whole file with read(2), refusing files over `PrefixTable.maximumFileSize`.
    ///
    /// Pipes work too (`--prefixes <(curl …)`), so the size from fstat(2) is only a hint.
    /// - Throws: `PrefixFileError.unreadable` with the system's reason, or `tooLarge`.
    static func read(_ path: String) throws(PrefixFileError) -> [UInt8] {
        func failure() -> PrefixFileError { .unreadable(path: path, reason: reason(errno)) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure() }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: "it is a directory") }
        if Int(status.st_size) > PrefixTable.maximumFileSize {
            throw .tooLarge(path: path, bytes: Int(status.st_size), limit: PrefixTable.maximumFileSize)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > PrefixTable.maximumFileSize {
                throw .tooLarge(path: path, bytes: bytes.count, limit: PrefixTable.maximumFileSize)
            }
        }
    }

    /// The system's text for an errno value, starting lower case to fit inside a sentence.
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
