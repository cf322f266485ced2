import Testing
@testable import FlowLogs

/// The RLE/bit-packed hybrid decoder, asked for values in batches of every size: the same values
/// whatever the batch boundaries, and damage placed at the value where the data runs out.
@Suite struct HybridRLEDecoderTests {
    static func decode(_ bytes: [UInt8], bitWidth: Int, count: Int, batch: Int) -> (values: [UInt32], failure: HybridRLEDecoder.Failure?) {
        bytes.withUnsafeBytes { raw in
            var decoder = try! HybridRLEDecoder(raw, bitWidth: bitWidth)
            var values: [UInt32] = []
            let buffer = UnsafeMutablePointer<UInt32>.allocate(capacity: batch)
            defer { buffer.deallocate() }
            while values.count < count {
                var produced = 0
                do throws(HybridRLEDecoder.Failure) {
                    try decoder.next(into: buffer, count: min(batch, count - values.count), produced: &produced)
                    values += UnsafeBufferPointer(start: buffer, count: produced)
                } catch {
                    values += UnsafeBufferPointer(start: buffer, count: produced)
                    return (values, error)
                }
            }
            return (values, nil)
        }
    }

    @Test("the documented examples, in batches of any size", arguments: [1, 2, 3, 5, 8, 64])
    func examples(batch: Int) {
        #expect(Self.decode([0x06, 0x01], bitWidth: 1, count: 3, batch: batch).values == [1, 1, 1])
        #expect(Self.decode([0x03, 0x88, 0xc6, 0xfa], bitWidth: 3, count: 8, batch: batch).values == [0, 1, 2, 3, 4, 5, 6, 7])
    }

    @Test("a long bit-packed run (the eight-byte path) then an RLE run", arguments: [1, 7, 16, 100])
    func longRuns(batch: Int) {
        // 4 groups of 8 values of 5 bits (20 bytes), then 10 × 17 as an RLE run.
        let values = (0..<32).map { UInt32($0 * 7 % 32) }
        var packed = [UInt8](repeating: 0, count: 20)
        for (index, value) in values.enumerated() {
            for bit in 0..<5 where value >> bit & 1 == 1 { packed[(index * 5 + bit) / 8] |= 1 << ((index * 5 + bit) % 8) }
        }
        let bytes: [UInt8] = [4 << 1 | 1] + packed + [10 << 1, 17]
        let decoded = Self.decode(bytes, bitWidth: 5, count: 42, batch: batch)
        #expect(decoded.failure == nil)
        #expect(decoded.values == values + [UInt32](repeating: 17, count: 10))
    }

    @Test("data that ends early fails at the first missing value", arguments: [1, 3, 64])
    func cutShort(batch: Int) {
        // One group of 8 values of 3 bits claimed, two of its three bytes present.
        let decoded = Self.decode([0x03, 0x88, 0xc6], bitWidth: 3, count: 8, batch: batch)
        #expect(decoded.values == [0, 1, 2, 3, 4])
        #expect(decoded.failure?.pastEnd == true)
    }
}
