/// Decompresses one raw Snappy block (the format Parquet's SNAPPY codec stores per page).
///
/// A block is the uncompressed length as a varint, then elements: literals (tag `00`) and
/// copies of earlier output (tags `01`, `10`, `11`, with 1, 2 or 4 offset bytes).
///
///     [0x05, 0x10, 0x68, 0x65, 0x6c, 0x6c, 0x6f]  →  "hello"
///
/// Every length and offset is checked against the input and the output written so far.
enum SnappyDecoder {
    /// Why a block cannot be decoded.
    struct Failure: Error, Equatable {
        var reason: String
    }

    /// The uncompressed length a block declares.
    static func declaredLength(_ input: UnsafeRawBufferPointer) throws(Failure) -> Int {
        var position = 0
        return try readLength(input, &position)
    }

    private static func readLength(_ input: UnsafeRawBufferPointer, _ position: inout Int) throws(Failure) -> Int {
        var result = 0
        var shift = 0
        while true {
            guard position < input.count else { throw Failure(reason: "snappy block ends inside its length") }
            let byte = input[position]
            position += 1
            guard shift <= 28 else { throw Failure(reason: "snappy length longer than 32 bits") }
            result |= Int(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Decodes `input` into `output`, which must hold exactly the declared length.
    /// - Throws: `Failure` for a bad length, a literal or copy past either end, or a zero offset.
    static func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(Failure) {
        var position = 0
        let length = try readLength(input, &position)
        guard length == output.count else {
            throw Failure(reason: "snappy block declares \(length) bytes, the page \(output.count)")
        }
        guard let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            guard position == input.count else { throw Failure(reason: "snappy data after an empty block") }
            return
        }
        var written = 0
        while position < input.count {
            let tag = input[position]
            position += 1
            switch tag & 3 {
            case 0:
                var literal = Int(tag >> 2) + 1
                if literal > 60 {
                    let extra = literal - 60
                    guard input.count - position >= extra else { throw Failure(reason: "snappy literal length cut off") }
                    literal = 0
                    for index in 0..<extra { literal |= Int(input[position + index]) << (8 * index) }
                    literal += 1
                    position += extra
                }
                guard literal <= input.count - position else { throw Failure(reason: "snappy literal runs past the input") }
                guard literal <= length - written else { throw Failure(reason: "snappy literal runs past the declared length") }
                (out + written).initialize(from: input.baseAddress!.assumingMemoryBound(to: UInt8.self) + position, count: literal)
                position += literal
                written += literal
            default:
                let count: Int, offset: Int
                switch tag & 3 {
                case 1:
                    guard position < input.count else { throw Failure(reason: "snappy copy cut off") }
                    count = Int((tag >> 2) & 7) + 4
                    offset = Int(tag >> 5) << 8 | Int(input[position])
                    position += 1
                case 2:
                    guard input.count - position >= 2 else { throw Failure(reason: "snappy copy cut off") }
                    count = Int(tag >> 2) + 1
                    offset = Int(input[position]) | Int(input[position + 1]) << 8
                    position += 2
                default:
                    guard input.count - position >= 4 else { throw Failure(reason: "snappy copy cut off") }
                    count = Int(tag >> 2) + 1
                    var value = 0
                    for index in 0..<4 { value |= Int(input[position + index]) << (8 * index) }
                    offset = value
                    position += 4
                }
                guard offset > 0, offset <= written else {
                    throw Failure(reason: "snappy copy from offset \(offset) with \(written) bytes written")
                }
                guard count <= length - written else { throw Failure(reason: "snappy copy runs past the declared length") }
                // Byte by byte: a copy may overlap the bytes it writes (offset < count repeats them).
                var source = out + (written - offset)
                var target = out + written
                for _ in 0..<count {
                    target.pointee = source.pointee
                    target += 1
                    source += 1
                }
                written += count
            }
        }
        guard written == length else { throw Failure(reason: "snappy block holds \(written) of its \(length) bytes") }
    }
}
