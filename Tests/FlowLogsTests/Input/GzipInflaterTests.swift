import CZlib
import Testing
@testable import FlowLogs

/// The gzip framing of our own (raw inflate, header and trailer read in Swift) against zlib's
/// gzip mode (window bits 15 + 16) as the oracle: same bytes out, same bytes consumed, same
/// message, for every header field, for damage in the header, the data and the trailer, and for
/// input cut at every byte of the header and trailer, fed whole and one byte at a time.
struct GzipInflaterTests {
    /// What one member reader made of an input.
    struct Outcome: Equatable, CustomStringConvertible {
        var output: [UInt8] = []
        var consumed = 0
        var ended = false
        var error: String?
        var description: String { "\(output.count) bytes out, \(consumed) consumed, ended \(ended), error \(error ?? "none")" }
    }

    static let text = Array((0..<2000).map { "2 123456789012 eni-0a1b 10.0.1.\($0 % 250) 52.216.8.\($0 % 7) 443 \($0) 6 10 \($0 * 13) 1 2 ACCEPT OK\n" }.joined().utf8)

    /// A gzip member for `text` with the header fields that `flags` asks for (FHCRC computed).
    static func member(flags: UInt8) -> [UInt8] {
        let plain = GzipWriter.compress(text)
        var header: [UInt8] = [0x1f, 0x8b, 8, flags, 1, 2, 3, 4, 0, 3]
        if flags & 0x04 != 0 { header += [5, 0, 65, 66, 67, 68, 69] }
        if flags & 0x08 != 0 { header += Array("name.log".utf8) + [0] }
        if flags & 0x10 != 0 { header += Array("a comment".utf8) + [0] }
        if flags & 0x02 != 0 {
            let crc = UInt32(header.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) })
            header += [UInt8(crc & 0xff), UInt8(crc >> 8 & 0xff)]
        }
        return header + plain[10...]
    }

    static func ours(_ input: [UInt8], chunk: Int) -> Outcome {
        let inflater = GzipInflater()
        var outcome = Outcome()
        var output = [UInt8](repeating: 0, count: 4096)
        var start = 0
        while true {
            let end = min(input.count, start + chunk)
            let step = input[start..<end].withUnsafeBytes { input in
                output.withUnsafeMutableBytes { inflater.inflate(input, into: $0) }
            }
            start += step.consumed
            outcome.consumed = start
            outcome.output += output[0..<step.produced]
            if let error = step.error { outcome.error = error; return outcome }
            if step.memberEnded { outcome.ended = true; return outcome }
            if step.produced == 0, step.consumed == 0, end == input.count { return outcome }
        }
    }

    /// What zlib makes of `input`, all of it given at once: by default in its gzip mode, with
    /// `windowBits` −15 as a raw deflate stream.
    static func zlib(_ input: [UInt8], windowBits: Int32 = 15 + 16) -> Outcome {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        _ = czlib_inflateInit2(stream, windowBits)
        defer { inflateEnd(stream); stream.deinitialize(count: 1); stream.deallocate() }
        var outcome = Outcome()
        var output = [UInt8](repeating: 0, count: 4096)
        var input = input
        input.withUnsafeMutableBufferPointer { input in
            stream.pointee.next_in = input.baseAddress
            stream.pointee.avail_in = uInt(input.count)
            while true {
                let status = output.withUnsafeMutableBufferPointer { output in
                    stream.pointee.next_out = output.baseAddress
                    stream.pointee.avail_out = uInt(output.count)
                    return CZlib.inflate(stream, Z_NO_FLUSH)
                }
                outcome.output += output[0..<(output.count - Int(stream.pointee.avail_out))]
                outcome.consumed = input.count - Int(stream.pointee.avail_in)
                if status == Z_STREAM_END { outcome.ended = true; return }
                if status != Z_OK {
                    if status != Z_BUF_ERROR { outcome.error = stream.pointee.msg.map { String(cString: $0) } }
                    return
                }
            }
        }
        return outcome
    }

    static func expectSame(_ input: [UInt8], _ label: String) {
        let expected = zlib(input)
        for chunk in [1, 7, input.count] {
            #expect(ours(input, chunk: chunk) == expected, "\(label), fed \(chunk) bytes at a time")
        }
    }

    @Test(arguments: [0x00, 0x02, 0x04, 0x08, 0x10, 0x1e] as [UInt8])
    func everyHeaderFieldReadsAsZlibReadsIt(flags: UInt8) {
        let member = Self.member(flags: flags)
        #expect(Self.zlib(member).output == Self.text)
        Self.expectSame(member, "flags \(flags)")
    }

    @Test func damageIsReportedAsZlibReportsIt() {
        let member = Self.member(flags: 0x1e)
        var cases: [(String, [UInt8])] = []
        var method = member; method[2] = 7; cases.append(("method", method))
        var reserved = member; reserved[3] |= 0x20; cases.append(("reserved flag", reserved))
        var magic = member; magic[1] = 0x8c; cases.append(("magic", magic))
        let headerCRCIndex = 10 + 7 + 9 + 10
        var headerCRC = member; headerCRC[headerCRCIndex] ^= 1; cases.append(("header crc", headerCRC))
        var dataCRC = member; dataCRC[member.count - 6] ^= 1; cases.append(("data crc", dataCRC))
        var length = member; length[member.count - 2] ^= 1; cases.append(("length", length))
        var body = member; for index in stride(from: 60, to: 120, by: 3) { body[index] ^= 0xa5 }; cases.append(("body", body))
        for (label, bytes) in cases {
            #expect(Self.zlib(bytes).error != nil, "\(label): zlib sees damage")
            Self.expectSame(bytes, label)
        }
    }

    @Test func cutsInTheHeaderAndTrailer() {
        let member = Self.member(flags: 0x1e)
        for cut in Array(0..<40) + Array((member.count - 9)..<member.count) {
            Self.expectSame(Array(member.prefix(cut)), "cut at \(cut)")
        }
    }

    @Test func crc32MatchesZlibAtEveryLengthAndAlignment() {
        let bytes = (0..<700).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0..<17 {
                for length in stride(from: 0, to: 700 - start, by: 5) {
                    let slice = buffer.baseAddress! + start
                    let expected = UInt32(crc32_z(0x1234_5678, slice, length))
                    #expect(czlib_crc32(0x1234_5678, slice, length) == expected, "start \(start) length \(length)")
                }
            }
        }
    }
}
