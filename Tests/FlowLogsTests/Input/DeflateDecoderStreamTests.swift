import Testing

/// Hand-built deflate streams, one for each of zlib's messages and for the incomplete codes zlib
/// allows (one code of length 1): our decoder must end or fail as zlib does, with the same
/// message, output and bytes consumed. Each test also says what zlib makes of the stream, so that
/// a stream that stopped exercising its case would fail.
struct DeflateDecoderStreamTests {
    /// Bits of a deflate stream, written from the low bit of each byte up.
    struct BitWriter {
        var bytes: [UInt8] = []
        private var used = 0

        /// Writes the low `count` bits of `value`, low bit first (header fields, extra bits).
        mutating func write(_ value: Int, bits count: Int) {
            for bit in 0..<count {
                if used == 0 { bytes.append(0) }
                bytes[bytes.count - 1] |= UInt8((value >> bit) & 1) << used
                used = (used + 1) % 8
            }
        }

        /// Writes a Huffman code, its high bit first.
        mutating func write(code: Int, length: Int) {
            for bit in (0..<length).reversed() { write((code >> bit) & 1, bits: 1) }
        }
    }

    /// The canonical codes of `lengths` (RFC 1951 3.2.2); 0 for unused symbols.
    static func canonicalCodes(_ lengths: [Int]) -> [Int] {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { counts[length] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1..<16 {
            code = (code + counts[length - 1]) << 1
            next[length] = code
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            defer { next[length] += 1 }
            return next[length]
        }
    }

    /// Starts a dynamic block (the last) whose code lengths are sent with a precode giving the
    /// values 0-15 four bits each; lengths past the first 257 + 1 must be listed.
    static func dynamicBlock(litlen: [Int], dist: [Int]) -> BitWriter {
        var writer = BitWriter()
        writer.write(1, bits: 1)
        writer.write(2, bits: 2)
        writer.write(litlen.count - 257, bits: 5)
        writer.write(dist.count - 1, bits: 5)
        writer.write(19 - 4, bits: 4)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        for symbol in order { writer.write(symbol < 16 ? 4 : 0, bits: 3) }
        for length in litlen + dist { writer.write(code: length, length: 4) }
        return writer
    }

    /// Lengths for `count` symbols, all 0 but those given.
    static func lengths(_ count: Int, _ set: [Int: Int]) -> [Int] {
        (0..<count).map { set[$0] ?? 0 }
    }

    /// Checks our decoder against zlib on `stream`, whole and a byte at a time; zlib must end
    /// with `message` (nil: the stream ends well) and give `output`.
    static func check(_ stream: [UInt8], message: String?, output: [UInt8] = [],
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = DeflateDecoderTests.zlib(stream)
        #expect(expected.error == message, "zlib: \(expected)", sourceLocation: sourceLocation)
        #expect(expected.ended == (message == nil), sourceLocation: sourceLocation)
        #expect(expected.output == output, sourceLocation: sourceLocation)
        #expect(DeflateDecoderTests.ours(stream) == expected, sourceLocation: sourceLocation)
        #expect(DeflateDecoderTests.ours(stream, feeding: .oneByte) == expected, sourceLocation: sourceLocation)
    }

    /// A fixed block (the last) holding the symbols given as (code, length) pairs and extra bits.
    static func fixedBlock(_ build: (inout BitWriter) -> Void) -> [UInt8] {
        var writer = BitWriter()
        writer.write(1, bits: 1)
        writer.write(1, bits: 2)
        build(&writer)
        return writer.bytes
    }

    // Fixed codes: literals 0-143 are 0x30 + symbol in 8 bits, 256-279 are symbol - 256 in
    // 7 bits, 280-287 are 0xc0 + symbol - 280 in 8 bits; distances are 5 bits.
    static let endOfBlock = (code: 0, length: 7)
    static let literalA = (code: 0x30 + 65, length: 8)
    static let length3 = (code: 1, length: 7)

    @Test func blockTypeThreeIsInvalid() {
        Self.check([0x07], message: "invalid block type")
    }

    @Test func storedLengthsMustComplementEachOther() {
        Self.check([0x01, 0x05, 0x00, 0x00, 0x00], message: "invalid stored block lengths")
        Self.check([0x01, 0x02, 0x00, 0xfd, 0xff, 0x41, 0x42], message: nil, output: [0x41, 0x42])
    }

    @Test func tooManySymbolsAreRejected() {
        var writer = BitWriter()
        writer.write(1, bits: 1)
        writer.write(2, bits: 2)
        writer.write(30, bits: 5)  // 287 lengths
        writer.write(0, bits: 9)
        Self.check(writer.bytes, message: "too many length or distance symbols")
        writer = BitWriter()
        writer.write(1, bits: 1)
        writer.write(2, bits: 2)
        writer.write(0, bits: 5)
        writer.write(30, bits: 5)  // 31 distances
        writer.write(0, bits: 4)
        Self.check(writer.bytes, message: "too many length or distance symbols")
    }

    @Test func codeLengthCodeMustBeComplete() {
        var writer = BitWriter()
        writer.write(1, bits: 1)
        writer.write(2, bits: 2)
        writer.write(0, bits: 14)  // 257 lengths, 1 distance, 4 code length lengths
        for length in [1, 0, 0, 0] { writer.write(length, bits: 3) }  // one code of length 1
        Self.check(writer.bytes, message: "invalid code lengths set")
    }

    /// A dynamic header whose code lengths use the precode {0: 1 bit, `repeatSymbol`: 1 bit}.
    static func repeatHeader(repeatSymbol: Int) -> BitWriter {
        var writer = BitWriter()
        writer.write(1, bits: 1)
        writer.write(2, bits: 2)
        writer.write(0, bits: 14)
        let order = [16, 17, 18, 0]
        for symbol in order { writer.write(symbol == 0 || symbol == repeatSymbol ? 1 : 0, bits: 3) }
        return writer
    }

    @Test func repeatsMustHaveAPreviousLengthAndRoom() {
        var writer = Self.repeatHeader(repeatSymbol: 16)
        writer.write(code: 1, length: 1)  // 16 first: nothing to repeat
        writer.write(0, bits: 2)
        Self.check(writer.bytes, message: "invalid bit length repeat")
        writer = Self.repeatHeader(repeatSymbol: 18)
        for _ in 0..<2 {  // 138 zeros twice: more than 257 + 1 lengths
            writer.write(code: 1, length: 1)
            writer.write(127, bits: 7)
        }
        Self.check(writer.bytes, message: "invalid bit length repeat")
    }

    @Test func lengthsMustHaveEndOfBlock() {
        var writer = Self.repeatHeader(repeatSymbol: 18)
        writer.write(code: 1, length: 1)
        writer.write(127, bits: 7)  // 138 zeros
        writer.write(code: 1, length: 1)
        writer.write(109, bits: 7)  // 120 zeros: 258 in all
        Self.check(writer.bytes, message: "invalid code -- missing end-of-block")
    }

    @Test func overSubscribedAndIncompleteSetsAreRejected() {
        let overLengths = Self.dynamicBlock(litlen: Self.lengths(257, [0: 1, 1: 1, 256: 1]), dist: [1])
        Self.check(overLengths.bytes, message: "invalid literal/lengths set")
        let incompleteLengths = Self.dynamicBlock(litlen: Self.lengths(257, [0: 2, 256: 1]), dist: [1])
        Self.check(incompleteLengths.bytes, message: "invalid literal/lengths set")
        let overDistances = Self.dynamicBlock(litlen: Self.lengths(257, [0: 1, 256: 1]), dist: [1, 1, 1])
        Self.check(overDistances.bytes, message: "invalid distances set")
        let incompleteDistances = Self.dynamicBlock(litlen: Self.lengths(257, [0: 1, 256: 1]), dist: [2, 1, 0])
        Self.check(incompleteDistances.bytes, message: "invalid distances set")
    }

    @Test func oneCodeOfLengthOneIsAllowed() {
        // End-of-block alone: an empty block.
        var writer = Self.dynamicBlock(litlen: Self.lengths(257, [256: 1]), dist: [0])
        writer.write(code: 0, length: 1)
        Self.check(writer.bytes, message: nil)
        // Its unused code is invalid.
        writer = Self.dynamicBlock(litlen: Self.lengths(257, [256: 1]), dist: [0])
        writer.write(code: 1, length: 1)
        Self.check(writer.bytes, message: "invalid literal/length code")
        // One distance code of length 1 decodes; the other is invalid.
        let litlen = Self.lengths(258, [65: 2, 256: 2, 257: 1])
        let codes = Self.canonicalCodes(litlen)
        for (distanceCode, message) in [(0, nil), (1, "invalid distance code")] as [(Int, String?)] {
            writer = Self.dynamicBlock(litlen: litlen, dist: [1])
            writer.write(code: codes[65], length: 2)
            writer.write(code: codes[257], length: 1)  // length 3
            writer.write(code: distanceCode, length: 1)  // distance 1
            writer.write(code: codes[256], length: 2)
            Self.check(writer.bytes, message: message, output: message == nil ? [65, 65, 65, 65] : [65])
        }
        // No distance codes at all: fine until a distance is needed.
        let noDistances = Self.lengths(258, [65: 1, 256: 2, 257: 2])
        let noDistanceCodes = Self.canonicalCodes(noDistances)
        writer = Self.dynamicBlock(litlen: noDistances, dist: [0])
        writer.write(code: noDistanceCodes[65], length: 1)
        writer.write(code: noDistanceCodes[256], length: 2)
        Self.check(writer.bytes, message: nil, output: [65])
        writer = Self.dynamicBlock(litlen: noDistances, dist: [0])
        writer.write(code: noDistanceCodes[65], length: 1)
        writer.write(code: noDistanceCodes[257], length: 2)
        writer.write(0, bits: 1)
        Self.check(writer.bytes, message: "invalid distance code", output: [65])
    }

    @Test func fixedCodesOutsideTheAlphabetAreInvalid() {
        let literal286 = Self.fixedBlock { writer in
            writer.write(code: Self.literalA.code, length: 8)
            writer.write(code: 0xc0 + 6, length: 8)
        }
        Self.check(literal286, message: "invalid literal/length code", output: [65])
        let distance30 = Self.fixedBlock { writer in
            writer.write(code: Self.literalA.code, length: 8)
            writer.write(code: Self.length3.code, length: 7)
            writer.write(code: 30, length: 5)
        }
        Self.check(distance30, message: "invalid distance code", output: [65])
    }

    @Test func distancesMustStayInsideTheOutput() {
        let tooFar = Self.fixedBlock { writer in
            writer.write(code: Self.literalA.code, length: 8)
            writer.write(code: Self.length3.code, length: 7)
            writer.write(code: 1, length: 5)  // distance 2, one byte out so far
        }
        Self.check(tooFar, message: "invalid distance too far back", output: [65])
        let justInside = Self.fixedBlock { writer in
            writer.write(code: Self.literalA.code, length: 8)
            writer.write(code: Self.length3.code, length: 7)
            writer.write(code: 0, length: 5)  // distance 1
            writer.write(code: Self.endOfBlock.code, length: 7)
        }
        Self.check(justInside, message: nil, output: [65, 65, 65, 65])
    }
}
