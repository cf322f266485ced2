/// One row of a Parquet file written as a flow-log text line, in a buffer allocated once:
/// values separated by single spaces, `-` for nulls, numbers in decimal.
///
///     [2, "123456789012", "eni-1", null]  →  "2 123456789012 eni-1 -"
///
/// A row longer than the buffer is marked `tooLong` (its bytes are dropped), and a string
/// holding a space (which a text line cannot) marks the row with that column.
struct ParquetRowLine {
    private let storage: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private(set) var count = 0
    /// True when the row did not fit `capacity` bytes.
    private(set) var tooLong = false
    /// The first column whose value holds a space, and that value (cut to 64 bytes).
    private(set) var columnWithSpace: (column: Int, value: String)?
    private var column = 0

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    /// Frees the buffer; call once.
    func deallocate() { storage.deallocate() }

    /// The row written so far; valid until the next change.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: count) }

    mutating func reset() {
        count = 0
        column = 0
        tooLong = false
        columnWithSpace = nil
    }

    /// Starts the next column's value (a separator after the first).
    @inline(__always)
    mutating func beginValue() {
        if column > 0 { appendByte(ASCII.space) }
        column += 1
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        guard count < capacity else { tooLong = true; return }
        storage[count] = byte
        count += 1
    }

    /// A null (or empty) value.
    @inline(__always)
    mutating func appendNull() {
        appendByte(ASCII.dash)
    }

    /// Text copied as it is; `hasSpace` when the caller knows it holds a space.
    @inline(__always)
    mutating func append(_ text: UnsafeRawBufferPointer, hasSpace: Bool) {
        if text.isEmpty { appendNull(); return }
        if hasSpace, columnWithSpace == nil {
            columnWithSpace = (column - 1, String(decoding: text.prefix(64), as: UTF8.self))
        }
        guard text.count <= capacity - count else { tooLong = true; return }
        (storage + count).update(from: text.baseAddress!.assumingMemoryBound(to: UInt8.self), count: text.count)
        count += text.count
    }

    /// A signed integer in decimal.
    @inline(__always)
    mutating func append(_ value: Int64) {
        guard count + 20 <= capacity else { tooLong = true; return }
        Self.writeDecimal(value, to: storage + count, count: &count)
    }

    /// Writes `value` in decimal at `target`, adding the digits written to `count` (at most 20).
    @inline(__always)
    static func writeDecimal(_ value: Int64, to target: UnsafeMutablePointer<UInt8>, count: inout Int) {
        var magnitude = value.magnitude
        var cursor = target
        if value < 0 {
            cursor.pointee = ASCII.dash
            cursor += 1
        }
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                     UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var length = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            repeat {
                buffer[length] = ASCII.zero + UInt8(magnitude % 10)
                magnitude /= 10
                length += 1
            } while magnitude > 0
            for index in 0..<length { cursor[index] = buffer[length - 1 - index] }
        }
        count += length + (value < 0 ? 1 : 0)
    }

    /// True when `text` holds a space.
    @inline(__always)
    static func containsSpace(_ text: UnsafeRawBufferPointer) -> Bool {
        text.contains(ASCII.space)
    }
}
