/// What one column of the previous line parsed to, kept so that the same bytes in the same
/// column of the next line are not parsed again.
///
/// Within a file many columns repeat from line to line: version, account, protocol, action,
/// log-status, the aggregation window's `start` and `end`, often an address. A value of up to
/// fifteen bytes is its own key: its bytes are all above a space, so with zero lanes after it
/// two values are equal exactly when their `head` and `tail` words are.
///
///     column `start`, line 1: "1795480865" → parsed, remembered
///     column `start`, line 2: "1795480865" → two compares, no parsing
///
/// The parsed value depends only on the bytes and the column's slot, so a memo stays true until
/// the format changes (`RecordParser.use(_:)` forgets them all). Only values that parsed are kept.
struct ColumnMemo {
    /// The value's first eight bytes (`LineWord` lanes), zero lanes after its end; 0 when empty.
    var head: UInt64 = 0
    /// Bytes 8–15 of the value, zero lanes after its end (0 for values of eight bytes or fewer).
    var tail: UInt64 = 0
    /// What the bytes parsed to, as `FlowRecord.set(_:bits:)` takes it.
    var bits: UInt128 = 0
}

/// A small table of addresses met recently, shared by the address columns: the same few
/// addresses (the NAT gateway's, its peers') come back line after line, but seldom in the same
/// column twice in a row. Direct-mapped: a value's bytes choose its one entry.
enum AddressMemos {
    /// The number of entries (a power of two).
    static let count = 64
    /// A 64-bit odd constant (2^64 / φ) whose multiply spreads every input bit into the top bits.
    private static let spread: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The entry for a value whose bytes are `head` and `tail` (as in `ColumnMemo`).
    @inline(__always)
    static func slot(head: UInt64, tail: UInt64) -> Int {
        Int(truncatingIfNeeded: ((head &+ tail &* 31) &* spread) &>> UInt64(64 - count.trailingZeroBitCount))
    }
}
