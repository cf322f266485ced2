#if !FUZZING
@testable import FlowLogs
#endif
import Foundation

/// An in-memory file (`memfd_create`) that each fuzz input is written into, so that entry points
/// taking a path can read it as `/proc/self/fd/N`. Nothing is left on disk when a fuzzer is killed.
///
///     let scratch = FuzzScratchFile()
///     scratch.write(input)
///     reader.read(scratch.path, into: &sink)
final class FuzzScratchFile: Sendable {
    /// The file's descriptor, owned by this object.
    let descriptor: Int32
    /// `/proc/self/fd/N`: opening it gives a fresh descriptor at offset 0.
    let path: String

    /// Creates an empty in-memory file. The corresponding C function is `memfd_create`
    /// (found with `dlsym`: Glibc's Swift module does not declare it).
    init() {
        typealias MemfdCreate = @convention(c) (UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "memfd_create") else { fatalError("memfd_create is not available") }
        let memfdCreate = unsafeBitCast(symbol, to: MemfdCreate.self)
        let closeOnExec: UInt32 = 1  // MFD_CLOEXEC
        descriptor = memfdCreate("flowscan-fuzz", closeOnExec)
        fuzzRequire(descriptor >= 0, "memfd_create failed: errno \(errno)")
        path = "/proc/self/fd/\(descriptor)"
    }

    deinit {
        close(descriptor)
    }

    /// Replaces the file's contents with `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) {
        fuzzRequire(ftruncate(descriptor, 0) == 0, "ftruncate failed: errno \(errno)")
        var offset = 0
        while offset < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(offset))
            if written < 0, errno == EINTR { continue }
            fuzzRequire(written > 0, "pwrite failed: errno \(errno)")
            offset += written
        }
    }
}
