/// The bytes of a row group's text values in one buffer: dictionary strings for the whole row
/// group, plain strings (and numbers of columns read as text) for the current batch. One buffer,
/// so that the record parser's token table (offsets into one line) points at any column's value.
///
///     [-][dictionary of interface_id][dictionary of vpc_id]…[this batch's plain values]
///      0  byte 0 is `-`: null values point there
///
/// Values are kept as offsets: the buffer may move when it grows.
final class ParquetTextArena {
    private(set) var base: UnsafeMutableRawPointer
    private var capacity: Int
    private(set) var count = 1
    /// Bytes kept from batch to batch (the dictionaries).
    private var kept = 1

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        base = .allocate(byteCount: capacity, alignment: 8)
        base.storeBytes(of: ASCII.dash, as: UInt8.self)
    }

    deinit { base.deallocate() }

    /// The bytes, for the parser's line; valid until the next append.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// A new row group: nothing kept but the `-`.
    func reset() {
        count = 1
        kept = 1
    }

    /// A new batch: the previous batch's plain values are dropped.
    func startBatch() { count = kept }

    /// Keeps everything appended so far for the rest of the row group (after a dictionary).
    func keep() { kept = count }

    /// Appends `bytes`. - Returns: where they start.
    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) -> Int {
        let start = count
        reserve(bytes.count)
        if !bytes.isEmpty { (base + start).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        count += bytes.count
        return start
    }

    /// Appends `value` in decimal. - Returns: where it starts.
    @inline(__always)
    func appendDecimal(_ value: Int64) -> Int {
        let start = count
        reserve(20)
        count += ParquetDecimal.write(value, to: (base + start).assumingMemoryBound(to: UInt8.self))
        return start
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        guard capacity - count < extra else { return }
        let grown = max(2 * capacity, count + extra)
        let moved = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 8)
        moved.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = moved
        capacity = grown
    }
}

/// Integers as a text line holds them, in decimal.
enum ParquetDecimal {
    /// Writes `value` at `target` (at most 20 bytes). - Returns: the bytes written.
    @inline(__always)
    static func write(_ value: Int64, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var cursor = target
        if value < 0 {
            cursor.pointee = ASCII.dash
            cursor += 1
        }
        let digits = Int(Self.digits(value.magnitude))
        var magnitude = value.magnitude
        var index = digits
        repeat {
            index -= 1
            cursor[index] = ASCII.zero + UInt8(magnitude % 10)
            magnitude /= 10
        } while index > 0
        return digits + (value < 0 ? 1 : 0)
    }

    /// The length of `value` in decimal, its sign included.
    @inline(__always)
    static func length(_ value: Int64) -> Int32 {
        digits(value.magnitude) + (value < 0 ? 1 : 0)
    }

    /// The number of decimal digits of `value`: from its bit length (× log10 2 ≈ 1233 / 4096),
    /// then one compare with the power of ten there.
    @inline(__always)
    static func digits(_ value: UInt64) -> Int32 {
        let estimate = ((64 - (value | 1).leadingZeroBitCount) &* 1233) &>> 12
        return max(1, Int32(truncatingIfNeeded: estimate) + (value >= powersOfTen[estimate] ? 1 : 0))
    }

    /// 10⁰ … 10¹⁹.
    private static let powersOfTen: [UInt64] = (0..<20).map { (0..<$0).reduce(UInt64(1)) { value, _ in value &* 10 } }
}

/// What a Parquet value is to a record, as the text parser would read its text.
enum ParquetValueState: UInt8 {
    /// A value of the field.
    case value
    /// Null, empty or `-`: no value.
    case null
    /// Not a value of the field (a port of 70000, a string that is not an address…).
    case invalid
    /// Holds a space or a tab, which would split it in a text line.
    case separator
    /// Holds a control character.
    case control
}

extension RecordParser.Slot {
    /// True for the slots of whole numbers (ports, counts, times…).
    var isNumeric: Bool {
        switch self {
        case .version, .srcport, .dstport, .protocolNumber, .packets, .bytes, .start, .end, .trafficPath, .tcpFlags, .records,
             .otherCount:
            return true
        default:
            return false
        }
    }
}
