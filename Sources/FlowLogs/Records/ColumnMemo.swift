/// What one column of the previous line held, kept so that the same bytes in the same column of
/// the next line are not parsed again.
///
/// Within a file many columns repeat from line to line: version, account, protocol, action,
/// log-status, the aggregation window's `start` and `end`. A value of up to fifteen bytes is its
/// own key: its bytes are all above a space, so with zero lanes after it two values are equal
/// exactly when their `head` and `tail` words are.
///
///     column `start`, line 1: "1795480865" → parsed into the fast path's record, remembered
///     column `start`, line 2: "1795480865" → two compares; the record already holds the value
///
/// The memo keeps no value: the fast path's record (`RecordParser.working`) still holds what
/// these bytes parsed to, because the memo and that record field are only ever written together.
/// The format's change forgets every memo (`RecordParser.use(_:)`).
struct ColumnMemo {
    /// The value's first eight bytes (`LineWord` lanes), zero lanes after its end; 0 when empty.
    var head: UInt64 = 0
    /// Bytes 8–15 of the value, zero lanes after its end (0 for values of eight bytes or fewer).
    var tail: UInt64 = 0
    /// The largest number the column holds.
    var maximum: UInt64 = .max
    /// Where the column's number or address is stored in a `FlowRecord`
    /// (`FlowRecord.storageOffset(of:)`); 0 for keywords and columns without a field.
    var offset: Int16 = 0
    /// What the column holds.
    var slot: RecordParser.Slot = .text
    /// How many columns before this one stands the column whose bytes it usually repeats
    /// (`srcaddr` for `pkt-srcaddr`, `dstaddr` for `pkt-dstaddr`); 0 for none.
    var twin: Int8 = 0
    /// The column's bit in `FlowRecord.present` (0 for columns the record has no field for),
    /// cleared when the column holds `-`.
    var presence: UInt32 = 0

    /// The memo of a column of `slot`, remembering nothing yet.
    init(slot: RecordParser.Slot) {
        self.slot = slot
        maximum = slot.maximum
        offset = Int16(FlowRecord.storageOffset(of: slot) ?? 0)
        presence = FlowRecord.presenceBit(of: slot)
    }
}

/// An address met recently and its parsed value.
struct AddressMemo {
    /// The address's bytes, as `ColumnMemo.head` and `ColumnMemo.tail`; 0 when empty.
    var head: UInt64 = 0
    var tail: UInt64 = 0
    /// What the bytes parsed to.
    var value: UInt128 = 0
}

/// A small table of addresses met recently, shared by the address columns: the same few
/// addresses (the NAT gateway's, its peers') come back line after line, but seldom in the same
/// column twice in a row. Direct-mapped: a value's bytes choose its one entry.
enum AddressMemos {
    /// The number of entries (a power of two).
    static let count = 64
    /// A 64-bit odd constant (2^64 / φ) whose multiply spreads every input bit into the top bits.
    private static let spread: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The entry for an address whose bytes are `head` and `tail` (as in `ColumnMemo`).
    @inline(__always)
    static func slot(head: UInt64, tail: UInt64) -> Int {
        Int(truncatingIfNeeded: ((head &+ tail &* 31) &* spread) &>> UInt64(64 - count.trailingZeroBitCount))
    }
}
