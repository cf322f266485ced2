import Foundation

/// Splits a stream of byte chunks into lines without copying them.
///
/// Lines that lie inside one chunk are handed out in place; only a line that spans two chunks
/// is copied (into a carry buffer bounded by `maximumLineLength`). The newline, and a carriage
/// return before it, are not part of the line.
///
///     "a b\r\nc"  fed as "a b\r" + "\nc", then finish  →  "a b" (line 1), "c" (line 2)
///
/// A line longer than `maximumLineLength` is reported once, with `isTooLong` set and only its
/// first `maximumLineLength` bytes; the rest of it is skipped without being stored.
struct LineSplitter {
    /// The longest line handed out whole: 64 KiB (a flow-log record is well under 2 KB).
    static let defaultMaximumLineLength = 1 << 16

    let maximumLineLength: Int
    private var carry: [UInt8] = []
    private var carryIsTooLong = false
    /// The number of the last line handed out (1-based).
    private(set) var lineNumber = 0

    init(maximumLineLength: Int = LineSplitter.defaultMaximumLineLength) {
        self.maximumLineLength = maximumLineLength
        carry.reserveCapacity(1024)
    }

    /// Hands every complete line of `chunk` (with what was carried from earlier chunks) to `body`.
    ///
    /// - Parameters:
    ///   - chunk: the next bytes of the stream.
    ///   - body: called with the line's bytes (valid only during the call), its 1-based number
    ///     and whether it was cut because it is too long.
    @inline(__always)
    mutating func scan(_ chunk: UnsafeRawBufferPointer,
                       _ body: (UnsafeRawBufferPointer, Int, Bool) throws -> Void) rethrows {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        var start = 0
        let end = chunk.count
        if !carry.isEmpty || carryIsTooLong {
            guard let newline = memchr(base, Int32(ASCII.newline), end) else {
                append(UnsafeRawBufferPointer(start: base, count: end))
                return
            }
            let length = base.distance(to: UnsafeRawPointer(newline))
            append(UnsafeRawBufferPointer(start: base, count: length))
            try emitCarry(body)
            start = length + 1
        }
        // Offsets stay within the chunk: wrapping arithmetic, no overflow checks per line.
        while start < end {
            guard let newline = memchr(base + start, Int32(ASCII.newline), end &- start) else {
                append(UnsafeRawBufferPointer(start: base + start, count: end &- start))
                return
            }
            let lineEnd = base.distance(to: UnsafeRawPointer(newline))
            var length = lineEnd &- start
            if length > 0, base.load(fromByteOffset: lineEnd &- 1, as: UInt8.self) == ASCII.carriageReturn {
                length &-= 1
            }
            lineNumber &+= 1
            if length > maximumLineLength {
                try body(UnsafeRawBufferPointer(start: base + start, count: maximumLineLength), lineNumber, true)
            } else {
                try body(UnsafeRawBufferPointer(start: base + start, count: length), lineNumber, false)
            }
            start = lineEnd &+ 1
        }
    }

    /// Hands out the last line when the stream did not end with a newline.
    mutating func finish(_ body: (UnsafeRawBufferPointer, Int, Bool) throws -> Void) rethrows {
        if !carry.isEmpty || carryIsTooLong { try emitCarry(body) }
    }

    /// Forgets a partial line (the stream broke off in the middle of it).
    /// - Returns: true when there was a partial line to forget.
    mutating func discardPartialLine() -> Bool {
        defer { carry.removeAll(keepingCapacity: true); carryIsTooLong = false }
        return !carry.isEmpty || carryIsTooLong
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !carryIsTooLong else { return }
        // Keep one byte more than the limit so a trailing carriage return can still be dropped.
        let room = maximumLineLength + 1 - carry.count
        if bytes.count > room {
            carry.append(contentsOf: bytes.prefix(room))
            carryIsTooLong = true
        } else {
            carry.append(contentsOf: bytes)
        }
    }

    private mutating func emitCarry(_ body: (UnsafeRawBufferPointer, Int, Bool) throws -> Void) rethrows {
        lineNumber += 1
        var tooLong = carryIsTooLong
        if !tooLong, carry.last == ASCII.carriageReturn { carry.removeLast() }
        if carry.count > maximumLineLength { tooLong = true }
        let length = min(carry.count, maximumLineLength)
        try carry.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<length]), lineNumber, tooLong) }
        carry.removeAll(keepingCapacity: true)
        carryIsTooLong = false
    }
}
