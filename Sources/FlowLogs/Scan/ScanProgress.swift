import Synchronization

/// How far a scan has got, updated by the workers and read by whoever shows progress.
public final class ScanProgress: Sendable {
    /// Files to read (skipped ones excluded).
    public let totalFiles: Int
    /// Their sizes on disk, where known.
    public let totalBytes: UInt64
    private let files = Atomic<Int>(0)
    private let bytes = Atomic<UInt64>(0)

    public init(totalFiles: Int, totalBytes: UInt64) {
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
    }

    /// Files finished and raw bytes read so far.
    public var snapshot: (files: Int, bytes: UInt64) {
        (files.load(ordering: .relaxed), bytes.load(ordering: .relaxed))
    }

    func add(bytes amount: UInt64) {
        bytes.wrappingAdd(amount, ordering: .relaxed)
    }

    func finishFile() {
        files.wrappingAdd(1, ordering: .relaxed)
    }
}
