import Foundation

/// Turns the paths given on the command line into the list of files to read.
///
/// Directories are walked recursively in sorted (byte-wise) order; names starting with `.` are
/// skipped, as `aws s3 sync` leaves none but editors and tools do. `-` is standard input.
/// Every path that cannot be read becomes a skipped entry with its reason: nothing vanishes.
public enum InputDiscovery {
    /// One input found.
    public struct Entry: Sendable, Equatable {
        /// The path to read (`-` for standard input).
        public var path: String
        /// Its size in bytes when known (regular files), for scheduling and progress.
        public var size: UInt64?
        /// Why it will not be read, when it will not.
        public var skipReason: String?
    }

    /// Expands `paths` into files, in a stable order: arguments as given, directory contents sorted.
    public static func discover(_ paths: [String]) -> [Entry] {
        var entries: [Entry] = []
        var visited: [FileIdentity: String] = [:]
        for path in paths {
            if path == "-" {
                entries.append(Entry(path: "-", size: nil))
                continue
            }
            visit(path, explicit: true, visited: &visited, into: &entries)
        }
        return entries
    }

    /// A file or directory on disk, whatever path reaches it: each is read once.
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func visit(_ path: String, explicit: Bool, visited: inout [FileIdentity: String],
                              into entries: inout [Entry]) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT {
                // A dangling symbolic link or a missing argument.
                var linkInfo = stat()
                let dangling = lstat(path, &linkInfo) == 0
                entries.append(Entry(path: path, size: nil,
                                     skipReason: dangling ? "broken symbolic link" : "no such file or directory"))
            } else if code == ELOOP {
                entries.append(Entry(path: path, size: nil, skipReason: "symbolic link loop"))
            } else {
                entries.append(Entry(path: path, size: nil, skipReason: DecodingReader.message(code)))
            }
            return
        }
        let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR || kind == S_IFREG {
            if let first = visited[identity] {
                let what = kind == S_IFDIR ? "directory" : "file"
                entries.append(Entry(path: path, size: nil,
                                     skipReason: "same \(what) as \(first), already read (symbolic link or repeated argument)"))
                return
            }
            visited[identity] = path
        }
        switch kind {
        case S_IFDIR:
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                entries.append(Entry(path: path, size: nil, skipReason: "cannot list directory: \(DecodingReader.message(errno == 0 ? EACCES : errno))"))
                return
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            for name in names.filter({ !$0.hasPrefix(".") }).sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                visit(base + name, explicit: false, visited: &visited, into: &entries)
            }
        case S_IFREG:
            entries.append(Entry(path: path, size: UInt64(info.st_size)))
        default:
            // FIFOs and devices are read when named explicitly (process substitution gives a
            // FIFO); inside a directory walk they are skipped, as reading one could block.
            if explicit {
                entries.append(Entry(path: path, size: nil))
            } else {
                entries.append(Entry(path: path, size: nil, skipReason: "not a regular file"))
            }
        }
    }
}
