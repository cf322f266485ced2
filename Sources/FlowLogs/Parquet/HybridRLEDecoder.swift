/// Reads Parquet's RLE/bit-packed hybrid encoding, as used for definition levels and dictionary
/// indices: runs that each start with a varint header, `count << 1` for a
/// repeated value (stored in `ceil(bitWidth / 8)` little-endian bytes), `groups << 1 | 1` for
/// groups of 8 values bit-packed least significant bit first.
///
///     bitWidth 1, [0x06, 0x01]              →  1 1 1            (an RLE run of 3)
///     bitWidth 3, [0x03, 0x88, 0xc6, 0xfa]  →  0 1 2 3 4 5 6 7  (one bit-packed group)
///
/// Nothing is decoded ahead of the values asked for: memory stays one page, however many values a
/// run claims. The bytes are borrowed and must stay valid (and unmoved) while the decoder is used.
struct HybridRLEDecoder {
    /// The data ended before the values wanted, or a run is malformed.
    struct Failure: Error, Equatable {
        var reason: String
        /// True when the values ran past the end of the data.
        var pastEnd: Bool
    }

    private let bytes: UnsafeRawBufferPointer
    private let bitWidth: Int
    private let mask: UInt64
    private let valueBytes: Int
    private var position = 0
    private var repeatsLeft: UInt64 = 0
    private var repeatedValue: UInt32 = 0
    private var packedLeft: UInt64 = 0
    private var packedBit = 0
    private var packedRunEnd = 0

    /// - Parameter bitWidth: 0…32 bits per value.
    init(_ bytes: UnsafeRawBufferPointer, bitWidth: Int) throws(Failure) {
        guard (0...32).contains(bitWidth) else { throw Failure(reason: "bit width \(bitWidth) out of 0…32", pastEnd: false) }
        self.bytes = bytes
        self.bitWidth = bitWidth
        mask = (1 << UInt64(bitWidth)) - 1
        valueBytes = (bitWidth + 7) / 8
    }

    /// Decodes the next `count` values into `values`: runs are filled at once, bit-packed groups
    /// unpacked eight bytes at a time where the data allows.
    /// - Parameter produced: how many values were written, also when it throws.
    mutating func next(into values: UnsafeMutablePointer<UInt32>, count: Int, produced: inout Int) throws(Failure) {
        produced = 0
        while produced < count {
            if repeatsLeft > 0 {
                let run = Int(min(repeatsLeft, UInt64(count - produced)))
                (values + produced).update(repeating: repeatedValue, count: run)
                repeatsLeft -= UInt64(run)
                produced += run
            } else if packedLeft > 0 {
                let run = Int(min(packedLeft, UInt64(count - produced)))
                if (packedBit + run * bitWidth) >> 3 + 8 <= bytes.count, let base = bytes.baseAddress {
                    // Every value's bits lie within an eight-byte load inside the data.
                    var bit = packedBit
                    for index in 0..<run {
                        let word = UInt64(littleEndian: (base + (bit >> 3)).loadUnaligned(as: UInt64.self))
                        values[produced + index] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
                        bit += bitWidth
                    }
                    packedBit = bit
                    packedLeft -= UInt64(run)
                    produced += run
                    if packedLeft == 0 { position = packedRunEnd }
                } else {
                    values[produced] = try nextPacked()
                    produced += 1
                }
            } else {
                try startRun()
            }
        }
    }

    private mutating func nextPacked() throws(Failure) -> UInt32 {
        let first = packedBit >> 3
        let last = (packedBit + bitWidth + 7) >> 3
        guard last <= bytes.count else { throw Failure(reason: "bit-packed run cut off", pastEnd: true) }
        var window: UInt64 = 0
        var index = first
        while index < last {
            window |= UInt64(bytes[index]) << UInt64(8 * (index - first))
            index += 1
        }
        let value = UInt32(truncatingIfNeeded: (window >> UInt64(packedBit & 7)) & mask)
        packedBit += bitWidth
        packedLeft -= 1
        if packedLeft == 0 { position = packedRunEnd }
        return value
    }

    private mutating func startRun() throws(Failure) {
        while true {
            var header: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard position < bytes.count else { throw Failure(reason: "the values end early", pastEnd: true) }
                let byte = bytes[position]
                position += 1
                guard shift < 63 else { throw Failure(reason: "run header longer than 9 bytes", pastEnd: false) }
                header |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            if header & 1 == 0 {
                guard valueBytes <= bytes.count - position else { throw Failure(reason: "run value cut off", pastEnd: true) }
                var value: UInt64 = 0
                for index in 0..<valueBytes { value |= UInt64(bytes[position + index]) << UInt64(8 * index) }
                position += valueBytes
                guard value <= mask else { throw Failure(reason: "run value \(value) wider than \(bitWidth) bits", pastEnd: false) }
                repeatedValue = UInt32(truncatingIfNeeded: value)
                repeatsLeft = header >> 1
                if repeatsLeft > 0 { return }
            } else {
                let groups = min(header >> 1, 1 << 40)
                packedLeft = groups * 8
                packedBit = position * 8
                let runBytes = groups * UInt64(bitWidth)
                packedRunEnd = runBytes > UInt64(bytes.count - position) ? bytes.count + 1 : position + Int(runBytes)
                if packedLeft > 0 { return }
            }
        }
    }
}
