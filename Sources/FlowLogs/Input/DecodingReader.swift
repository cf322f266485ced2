import Foundation

/// Reads one input (a file or standard input) with `read(2)` into a reused buffer and hands out
/// its content decompressed: gzip is recognised by its magic bytes, never by the file name, and
/// every member of a multi-member file is read.
///
/// Memory is constant: one input buffer, one deflate decoder (its history and output area),
/// whatever the file size.
final class DecodingReader {
    /// What the first bytes of an input say it is.
    enum Kind: Equatable {
        case empty
        case gzip
        case parquet
        case binary
        case text
    }

    let path: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    private var endOfFile = false
    private var inflater: GzipInflater?
    private var insideMember = false
    private var pendingError: InputError?

    /// The detected kind of the input (set by `init`).
    private(set) var kind: Kind = .empty
    /// Compressed (raw) bytes consumed so far: the offset reported with damage.
    private(set) var offset: UInt64 = 0
    /// Raw bytes read from the file so far (for progress).
    private(set) var rawBytesRead: UInt64 = 0
    /// gzip members fully read.
    private(set) var members = 0
    /// True when zero bytes followed the last gzip member (tape or block padding; ignored).
    private(set) var zeroPadding = false

    /// The size of the input buffer.
    static let inputCapacity = 1 << 18

    /// Opens `path` (`-` is standard input) and reads enough to detect what it holds.
    /// - Throws: `InputError.notFound` / `.cannotOpen` / `.readFailed`.
    init(path: String) throws(InputError) {
        self.path = path
        if path == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        } else {
            // O_NONBLOCK so that opening a FIFO without a writer cannot hang; cleared just below.
            let opened = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard opened >= 0 else {
                let code = errno
                throw code == ENOENT ? .notFound(path: path) : .cannotOpen(path: path, reason: Self.message(code))
            }
            _ = fcntl(opened, F_SETFL, fcntl(opened, F_GETFL) & ~O_NONBLOCK)
            descriptor = opened
            ownsDescriptor = true
        }
        input = .allocate(byteCount: Self.inputCapacity, alignment: 16)
        do {
            try fill(minimum: 4)
        } catch {
            close()
            throw error
        }
        kind = Self.sniff(UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd]))
        if kind == .gzip {
            inflater = GzipInflater()
        }
    }

    deinit {
        close()
        input.deallocate()
    }

    private var closed = false

    private func close() {
        guard !closed else { return }
        closed = true
        if ownsDescriptor { _ = Foundation.close(descriptor) }
    }

    /// Recognises gzip, Parquet, binary data and text from the first bytes.
    static func sniff(_ head: UnsafeRawBufferPointer) -> Kind {
        guard !head.isEmpty else { return .empty }
        if head.count >= 2, head[0] == 0x1f, head[1] == 0x8b { return .gzip }
        if head.count >= 4, head[0] == UInt8(ascii: "P"), head[1] == UInt8(ascii: "A"),
           head[2] == UInt8(ascii: "R"), head[3] == UInt8(ascii: "1") { return .parquet }
        return looksBinary(head) ? .binary : .text
    }

    /// True when the first 4 KB hold a NUL byte or more than 10% control bytes.
    static func looksBinary(_ head: UnsafeRawBufferPointer) -> Bool {
        let sample = head.prefix(4096)
        var controls = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20, byte != ASCII.newline, byte != ASCII.carriageReturn, byte != ASCII.tab { controls += 1 }
        }
        return controls * 10 > sample.count
    }

    /// Fills `output` with the next decompressed bytes.
    /// - Returns: the number of bytes written; 0 at the end of the input.
    /// - Throws: `InputError` at damage; everything returned before stays valid.
    func read(into output: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        switch kind {
        case .gzip: return try readGzip(into: output)
        default: return try readPlain(into: output)
        }
    }

    // MARK: Plain

    private func readPlain(into output: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if inputStart < inputEnd {
            let count = min(output.count, inputEnd - inputStart)
            output.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: count)
            inputStart += count
            offset += UInt64(count)
            return count
        }
        guard !endOfFile else { return 0 }
        let count = try readSome(into: output)
        offset += UInt64(count)
        return count
    }

    // MARK: Gzip

    private func readGzip(into output: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard let inflater else { return 0 }
        if let pendingError {
            self.pendingError = nil
            self.inflater = nil
            throw pendingError
        }
        while true {
            if !insideMember {
                guard try startNextMember() else { return 0 }
            }
            if inputStart == inputEnd { try fill(minimum: 1) }
            // At the end of the file the decoder may still hold inflated bytes it had no room to hand
            // out: ask for them (with no input) before calling the file truncated.
            let atEnd = inputStart == inputEnd
            let step = inflater.inflate(UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd]), into: output)
            inputStart += step.consumed
            offset += UInt64(step.consumed)
            if let message = step.error {
                let error = InputError.corruptGzip(path: path, offset: offset, reason: message)
                guard step.produced > 0 else { self.inflater = nil; throw error }
                pendingError = error  // hand out what was inflated first; fail on the next call
                return step.produced
            }
            if step.memberEnded {
                insideMember = false
                members += 1
            }
            if step.produced > 0 { return step.produced }
            if atEnd, !step.memberEnded { throw .truncatedGzip(path: path, offset: offset) }
            if !step.memberEnded, step.consumed == 0, inputStart < inputEnd {
                // the decoder made no progress with input available and room to write: it cannot go on.
                throw .corruptGzip(path: path, offset: offset, reason: "inflate made no progress")
            }
        }
    }

    /// Looks at what follows a member: another member, zero padding, garbage or the end.
    /// - Returns: true when a new member starts.
    private func startNextMember() throws(InputError) -> Bool {
        try fill(minimum: 2)
        if inputStart == inputEnd { return false }
        let available = inputEnd - inputStart
        if available >= 2, input[inputStart] == 0x1f, input[inputStart + 1] == 0x8b {
            if members > 0 { inflater?.reset() }
            insideMember = true
            return true
        }
        guard members > 0 else { throw .corruptGzip(path: path, offset: offset, reason: "not a gzip header") }
        if input[inputStart] != 0 { throw .trailingGarbage(path: path, offset: offset) }
        // Zero padding after the last member is ignored (as gzip does) if nothing else follows.
        let paddingStart = offset
        while true {
            while inputStart < inputEnd, input[inputStart] == 0 {
                inputStart += 1
                offset += 1
            }
            if inputStart < inputEnd { throw .trailingGarbage(path: path, offset: paddingStart) }
            try fill(minimum: 1)
            if inputStart == inputEnd {
                zeroPadding = true
                return false
            }
        }
    }

    // MARK: Raw reads

    /// Moves unread input to the front and reads until at least `minimum` bytes are buffered
    /// or the file ends.
    private func fill(minimum: Int) throws(InputError) {
        if inputEnd - inputStart >= minimum || endOfFile { return }
        if inputStart > 0 {
            let pending = inputEnd - inputStart
            if pending > 0 {
                input.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: pending)
            }
            inputStart = 0
            inputEnd = pending
        }
        while inputEnd - inputStart < minimum, !endOfFile, inputEnd < input.count {
            let count = try readSome(into: UnsafeMutableRawBufferPointer(rebasing: input[inputEnd...]))
            inputEnd += count
        }
    }

    /// One `read(2)`, retried on EINTR. Sets `endOfFile` when it returns 0.
    private func readSome(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            if count > 0 {
                rawBytesRead += UInt64(count)
                return count
            }
            if count == 0 {
                endOfFile = true
                return 0
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN {
                // A FIFO still in non-blocking mode: wait for data.
                var descriptorPoll = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&descriptorPoll, 1, -1)
                continue
            }
            throw .readFailed(path: path, offset: rawBytesRead, reason: Self.message(code))
        }
    }

    static func message(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
