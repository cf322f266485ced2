import Synchronization

/// The formats of header lines already read, shared by every parser of the run: all the files of
/// one flow log start with the same header line, and reading one from its words (Strings,
/// dictionary look-ups of each name) costs ~130,000 instructions, three times a file (the Resolver
/// logs' sniffing, the scan's content check, the scan itself). A repeat costs a hash of its bytes.
///
/// Bounded: past `capacity` distinct headers, new ones are read each time and not kept.
enum HeaderFormats {
    static let capacity = 64

    private static let known = Mutex<[[UInt8]: FlowLogFormat]>([:])

    /// The format of the header line whose words span `bytes`: `read()`'s answer, remembered
    /// when it is a header (`nil`, not a header, is not kept: such lines are rare and varied).
    static func format(of bytes: UnsafeRawBufferPointer, read: () -> FlowLogFormat?) -> FlowLogFormat? {
        let key = Array(bytes)
        if let format = known.withLock({ $0[key] }) { return format }
        guard let format = read() else { return nil }
        known.withLock { if $0.count < capacity { $0[key] = format } }
        return format
    }
}
