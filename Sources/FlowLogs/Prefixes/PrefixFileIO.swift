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

    /// Replaces (or creates) the file at `path` with `bytes`, all or nothing: the bytes go to a
    /// temporary file in the same directory, which is flushed (fsync(2)) and then renamed over `path`
    /// (rename(2) is atomic within one file system). The directory is created when missing.
    /// - Throws: `PrefixUpdateError.cannotWrite` with the system's reason; `path` is then unchanged
    ///   and the temporary file removed.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(PrefixUpdateError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        if let failure = makeDirectories(directory) {
            throw .cannotWrite(path: path, reason: "cannot create the directory \(failure)")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".\(getpid())-\(UInt32.random(in: .min ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: reason(errno)) }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = reason(errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = reason(errno) }
        if close(descriptor) != 0, failure == nil { failure = reason(errno) }
        if failure == nil, rename(temporary, path) != 0 { failure = reason(errno) }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: failure)
        }
    }

    /// `mkdir -p`: creates `directory` and any missing parents (mode 0755 before the umask).
    /// - Returns: `nil` on success, else the directory that failed and the system's reason.
    static func makeDirectories(_ directory: String) -> String? {
        var path = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) == 0 || errno == EEXIST {
                var status = stat()
                if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { continue }
                return "\(path): it exists and is not a directory"
            }
            return "\(path): \(reason(errno))"
        }
        return nil
    }

    /// The system's text for an errno value, starting lower case to fit inside a sentence.
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
