/// Eight bytes of a line read as one little-endian integer, so the parser can look at a whole
/// value at once (SWAR: "SIMD within a register"). Byte `i` of the text is lane `i`: bits
/// `8·i ..< 8·i + 8`.
///
///     line "443 6", load(base, at: 0, count: 5)  →  lanes "4" "4" "3" " " "6" 0 0 0
///     stops(word)                                →  lowest set bit in lane 3 (the space)
///     decimal(word & mask(before: stops), 0, length: 3)  →  443
///
/// Constants below repeat one byte in every lane; each says which byte.
enum LineWord {
    /// `0x80`, the top bit, in every lane.
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// `0x21` (`!`, the first byte above a space) in every lane.
    static let aboveSpace: UInt64 = 0x2121_2121_2121_2121
    /// `0x30` (`0`) in every lane.
    static let zeros: UInt64 = 0x3030_3030_3030_3030
    /// The top bit of lane 0: in `stops(word)`, set when the word starts with a separator.
    static let firstLaneTopBit: UInt64 = 0x80
    /// A value that is only `-`, masked as a `ColumnMemo` key.
    static let dash = UInt64(ASCII.dash)
    /// The keywords as words, zero lanes after them (lane 0 the first letter).
    static let accept: UInt64 = 0x5450_4543_4341  // ACCEPT
    static let reject: UInt64 = 0x5443_454A_4552  // REJECT
    static let ok: UInt64 = 0x4B4F  // OK
    static let noData: UInt64 = 0x4154_4144_4F4E  // NODATA
    static let skipData: UInt64 = 0x4154_4144_5049_4B53  // SKIPDATA
    static let ingress: UInt64 = 0x73_7365_7267_6E69  // ingress
    static let egress: UInt64 = 0x7373_6572_6765  // egress

    /// The eight bytes at `index` (lane 0 = `base[index]`).
    /// - Precondition: `index + 8 <= count` (the caller checks: this is the usual case).
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    /// The bytes from `index` to the line's end (fewer than eight), with zero lanes after them:
    /// never reads outside `base[0..<count]`, since a line may end where its buffer ends.
    /// - Precondition: `index < count < index + 8`.
    @inline(__always)
    static func loadEnd(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> UInt64 {
        if count >= 8 {
            // The line's last eight bytes, shifted down so that `index` lands in lane 0.
            return load(base, at: count &- 8) &>> UInt64(truncatingIfNeeded: (index &+ 8 &- count) &* 8)
        }
        var word: UInt64 = 0
        for position in index..<count {
            word |= UInt64(base[position]) &<< UInt64(truncatingIfNeeded: (position &- index) &* 8)
        }
        return word
    }

    /// The eight bytes at `index`, with zero lanes past `count`.
    /// - Precondition: `index < count`.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> UInt64 {
        index &+ 8 <= count ? load(base, at: index) : loadEnd(base, at: index, count: count)
    }

    /// The top bit of every lane below `0x21` (a separator, a control character, or a zero lane
    /// past the line's end). Only the lowest set lane is exact (a borrow may mark lanes above it),
    /// which is all a search for the end of a value needs.
    @inline(__always)
    static func stops(_ word: UInt64) -> UInt64 {
        (word &- aboveSpace) & ~word & highBits
    }

    /// The number of lanes before the lowest stop.
    /// - Precondition: `stops != 0`.
    @inline(__always)
    static func lanes(before stops: UInt64) -> Int {
        stops.trailingZeroBitCount &>> 3
    }

    /// All bits of the lanes before the lowest stop: `word & mask(before: stops)` keeps a
    /// value's bytes and clears what follows it.
    @inline(__always)
    static func mask(before stops: UInt64) -> UInt64 {
        (stops ^ (stops &- 1)) &>> 8
    }

    /// `0x76` in every lane: a lane's value from 0 to 9 plus it stays below `0x80`; 10 or more
    /// reaches it.
    static let aboveNine: UInt64 = 0x7676_7676_7676_7676

    /// The number written by the digit values (0–9) in the eight lanes of `digits`, lane 0 the
    /// most significant: pairs, then quads, then the eight digits are combined by three multiplies.
    @inline(__always)
    static func combine(_ digits: UInt64) -> UInt64 {
        var value = (digits &* 10 &+ (digits &>> 8)) & 0x00FF_00FF_00FF_00FF
        value = (value &* 100 &+ (value &>> 16)) & 0x0000_FFFF_0000_FFFF
        return (value &* 10_000 &+ (value &>> 32)) & 0xFFFF_FFFF
    }

    /// The unsigned decimal of up to eight digits in `word`, whose lanes `mask` covers (as
    /// `mask(before:)` gives it), zero lanes after them; `nil` when a byte is not a digit.
    ///
    ///     decimal("443", within: 0xFF_FFFF, length: 3)  // 443
    ///
    /// The lanes after the value are filled with `0` characters and rotated round to stand
    /// before it (they read as leading zeros), so all eight lanes are checked at once: after
    /// subtracting `0` from each, a lane that was not a digit either borrowed (its top bit set) or
    /// holds 10 or more (its top bit set once `aboveNine` is added).
    ///
    /// - Precondition: `1 <= length <= 8`; `mask` covers exactly `length` lanes.
    @inline(__always)
    static func decimal(_ word: UInt64, within mask: UInt64, length: Int) -> UInt64? {
        let filled = word | zeros & ~mask
        let shift = UInt64(truncatingIfNeeded: 8 &* length)
        let values = (filled &>> shift | filled &<< (64 &- shift)) &- zeros
        guard ((values &+ aboveNine) | values) & highBits == 0 else { return nil }
        return combine(values)
    }

    /// The unsigned decimal whose `length` digits are in `head` (the first eight) and `tail` (the
    /// rest); `nil` when a byte is not a digit. Lanes after the value may hold anything.
    ///
    ///     decimal("12345678", "90", length: 10)  // 1234567890
    ///
    /// - Precondition: `1 <= length <= 16`.
    @inline(__always)
    static func decimal(_ head: UInt64, _ tail: UInt64, length: Int) -> UInt64? {
        if length <= 8 { return decimal(head, lanes: length) }
        guard let first = decimal(head, lanes: 8), let rest = decimal(tail, lanes: length &- 8) else { return nil }
        return first &* powerOfTen(length &- 8) &+ rest
    }

    /// `decimal(_:within:length:)` of the first `lanes` bytes of `word`, whatever follows them.
    /// - Precondition: `1 <= lanes <= 8`.
    @inline(__always)
    private static func decimal(_ word: UInt64, lanes: Int) -> UInt64? {
        let mask = UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* lanes)
        return decimal(word & mask, within: mask, length: lanes)
    }

    /// 10 to the power `exponent` (a table lookup: the switch compiles to one).
    /// - Precondition: `1 <= exponent <= 8`.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        switch exponent {
        case 1: return 10
        case 2: return 100
        case 3: return 1_000
        case 4: return 10_000
        case 5: return 100_000
        case 6: return 1_000_000
        case 7: return 10_000_000
        default: return 100_000_000
        }
    }
}
