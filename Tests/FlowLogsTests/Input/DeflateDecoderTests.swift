import CZlib
@testable import FlowLogs
import Testing

/// Our deflate decoder (`deflate_decoder.c`) against zlib's raw inflate (window bits −15) as the
/// oracle: the same bytes out, the same input bytes consumed, the same end or message, for
/// streams zlib made at every level, strategy and window size, fed whole, a byte, 7 bytes and
/// odd chunks at a time and taken out a byte or 4096 bytes at a time; then for thousands of
/// damaged streams (bytes flipped, replaced, inserted, deleted; every truncation of a small one).
struct DeflateDecoderTests {
    /// What a decoder made of a stream (as for a gzip member).
    typealias Outcome = GzipInflaterTests.Outcome

    /// How the stream is fed: each step's input size, from a seeded generator for `odd`.
    enum Feeding: CaseIterable { case whole, oneByte, sevenBytes, odd }

    /// Decodes `stream` with our decoder, fed as `feeding` says, asking for and taking the output
    /// `take` bytes at a time.
    static func ours(_ stream: [UInt8], feeding: Feeding = .whole, take: Int = 4096) -> Outcome {
        let decoder = deflate_decoder_create()!
        defer { deflate_decoder_destroy(decoder) }
        var outcome = Outcome()
        var random = SplitMix64(seed: UInt64(stream.count))
        var start = 0
        while true {
            let size: Int
            switch feeding {
            case .whole: size = stream.count
            case .oneByte: size = 1
            case .sevenBytes: size = 7
            case .odd: size = Int(random.next() % 1500)
            }
            let end = min(stream.count, start + size)
            var consumed = 0
            let status = stream[start..<end].withUnsafeBufferPointer {
                deflate_decoder_run(decoder, $0.baseAddress, $0.count, take, &consumed)
            }
            start += consumed
            let before = outcome.output.count
            while deflate_decoder_pending(decoder) > 0 {
                let count = min(take, deflate_decoder_pending(decoder))
                outcome.output += UnsafeBufferPointer(start: deflate_decoder_output(decoder), count: count)
                deflate_decoder_take(decoder, count)
            }
            outcome.consumed = start
            if status == DEFLATE_DECODER_END { outcome.ended = true; return outcome }
            if status == DEFLATE_DECODER_ERROR {
                outcome.error = String(cString: deflate_decoder_message(decoder))
                return outcome
            }
            // All the input used, and a call with none left gave nothing more: truncated.
            if start == stream.count, consumed == 0, outcome.output.count == before { return outcome }
        }
    }

    /// Decodes `stream` with zlib's raw inflate, all input at once.
    static func zlib(_ stream: [UInt8]) -> Outcome {
        GzipInflaterTests.zlib(stream, windowBits: -15)
    }

    /// A raw deflate stream of `plain` made by zlib.
    static func compress(_ plain: [UInt8], level: Int32 = 6, windowBits: Int32 = 15,
                         strategy: Int32 = Z_DEFAULT_STRATEGY) -> [UInt8] {
        let zstream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        zstream.initialize(to: z_stream())
        _ = czlib_deflateInit2(zstream, level, Z_DEFLATED, -windowBits, 8, strategy)
        defer { deflateEnd(zstream); zstream.deinitialize(count: 1); zstream.deallocate() }
        var input = plain
        var output = [UInt8](repeating: 0, count: plain.count + plain.count / 8 + 1024)
        let produced = input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                zstream.pointee.next_in = input.baseAddress
                zstream.pointee.avail_in = uInt(input.count)
                zstream.pointee.next_out = output.baseAddress
                zstream.pointee.avail_out = uInt(output.count)
                _ = deflate(zstream, Z_FINISH)
                return output.count - Int(zstream.pointee.avail_out)
            }
        }
        return Array(output[..<produced])
    }

    /// Plain inputs: flow-log-like text, random bytes, one byte repeated (distance 1), a block
    /// repeated 32 KiB later (distance 32768), short repeats (length 3), long runs (length 258).
    static let plains: [(String, [UInt8])] = {
        var random = SplitMix64(seed: 7)
        let text = Array((0..<900).map {
            "2 123456789012 eni-0a1b\($0 % 9) 10.0.\($0 % 3).\($0 % 250) 52.216.\($0 % 17).9 443 \($0 * 7) 6 \($0 % 40) \($0 * 1301) 1700000\($0) 1700060\($0) ACCEPT OK\n"
        }.joined().utf8)
        let noise = (0..<40_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let far = Array(noise[..<32768]) + Array(noise[..<300])
        var triples: [UInt8] = []
        for index in 0..<3000 { triples += [UInt8(index % 251), UInt8(index % 13), 7, 7, 7, UInt8(index % 256)] }
        return [("empty", []), ("one byte", [65]), ("text", text), ("noise", noise),
                ("run", [UInt8](repeating: 0x61, count: 5000)), ("distance 32768", far), ("triples", triples)]
    }()

    @Test(arguments: Array(0...9))
    func everyLevelDecodesAsZlib(level: Int) {
        for (name, plain) in Self.plains {
            let stream = Self.compress(plain, level: Int32(level))
            let expected = Self.zlib(stream)
            #expect(expected.ended && expected.output == plain, "zlib itself, \(name)")
            for feeding in Feeding.allCases where feeding != .oneByte || stream.count < 20_000 {
                #expect(Self.ours(stream, feeding: feeding) == expected, "\(name), level \(level), fed \(feeding)")
            }
            #expect(Self.ours(stream, take: 1) == expected, "\(name), level \(level), taken a byte at a time")
        }
    }

    @Test(arguments: [Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED])
    func everyStrategyDecodesAsZlib(strategy: Int32) {
        for (name, plain) in Self.plains {
            for level: Int32 in [1, 6, 9] {
                let stream = Self.compress(plain, level: level, strategy: strategy)
                let expected = Self.zlib(stream)
                #expect(expected.ended && expected.output == plain)
                #expect(Self.ours(stream, feeding: .odd) == expected, "\(name), strategy \(strategy), level \(level)")
            }
        }
    }

    @Test(arguments: Array(9...15))
    func everyWindowSizeDecodesAsZlib(windowBits: Int) {
        for (name, plain) in Self.plains {
            let stream = Self.compress(plain, level: 9, windowBits: Int32(windowBits))
            let expected = Self.zlib(stream)
            #expect(expected.ended && expected.output == plain)
            #expect(Self.ours(stream, feeding: .sevenBytes) == expected, "\(name), window bits \(windowBits)")
        }
    }

    @Test func storedBlocksOver64KiBDecodeAsZlib() {
        var random = SplitMix64(seed: 11)
        let plain = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let stream = Self.compress(plain, level: 0)
        let expected = Self.zlib(stream)
        #expect(expected.ended && expected.output == plain)
        for feeding in [Feeding.whole, .sevenBytes, .odd] {
            #expect(Self.ours(stream, feeding: feeding) == expected, "fed \(feeding)")
        }
    }

    @Test func outputBeyondTheAreaDecodesAsZlib() {
        // Several MiB from a small stream: the output area fills and slides many times.
        let plain = Array((0..<60_000).map { "10.0.\($0 % 7).\($0 % 250) 443 ACCEPT OK\n" }.joined().utf8)
        let stream = Self.compress(plain, level: 9)
        let expected = Self.zlib(stream)
        #expect(expected.output == plain)
        #expect(Self.ours(stream, feeding: .odd, take: 4096) == expected)
        #expect(Self.ours(stream, take: 100_000) == expected)
    }

    @Test(arguments: Array(0..<8))
    func damagedStreamsFailAsZlib(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &* 977 &+ 5)
        // Compressible inputs (text, a run, short repeats) and levels 1-9: a stored block's data
        // can take any damage.
        let (_, plain) = Self.plains[[2, 4, 6][seed % 3]]
        let level = Int32(1 + random.next() % 9)
        let stream = Self.compress(Array(plain.prefix(6000)), level: level)
        var errors = 0
        for _ in 0..<400 {
            var damaged = stream
            let at = Int(random.next() % UInt64(stream.count))
            switch random.next() % 4 {
            case 0: damaged[at] ^= UInt8(1) << (random.next() % 8)
            case 1: damaged[at] = UInt8(truncatingIfNeeded: random.next())
            case 2: damaged.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
            default: damaged.remove(at: at)
            }
            let expected = Self.zlib(damaged)
            if expected.error != nil { errors += 1 }
            let feeding: Feeding = random.next() % 2 == 0 ? .whole : .odd
            #expect(Self.ours(damaged, feeding: feeding) == expected, "seed \(seed), fed \(feeding)")
        }
        #expect(errors > 0, "no damage zlib reports: the test would prove nothing")
    }

    @Test func everyTruncationStopsAsZlib() {
        let stream = Self.compress(Array(Self.plains[2].1.prefix(3000)), level: 6)
        for cut in 0..<stream.count {
            let truncated = Array(stream[..<cut])
            let expected = Self.zlib(truncated)
            #expect(!expected.ended)
            #expect(Self.ours(truncated, feeding: cut % 2 == 0 ? .whole : .sevenBytes) == expected, "cut at \(cut)")
        }
    }

    @Test func randomBytesFailAsZlib() {
        var random = SplitMix64(seed: 3)
        for count in 0..<600 {
            let garbage = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            #expect(Self.ours(garbage) == Self.zlib(garbage), "\(count) random bytes")
        }
    }
}
