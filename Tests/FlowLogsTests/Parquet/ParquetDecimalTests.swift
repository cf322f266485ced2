import Testing
@testable import FlowLogs

/// Integers as a text line holds them: the length the columnar reader counts for a number column
/// and the decimal it writes for a number read as text are those of Swift's own description.
@Suite struct ParquetDecimalTests {
    static let values: [Int64] = {
        var values: [Int64] = [0, 1, 9, 10, 99, 100, -1, -9, -10, .max, .min, .max - 1, .min + 1, 1_764_000_060]
        var power: Int64 = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        return values
    }()

    @Test func lengthsAndDigitsAreThoseOfTheDescription() {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 20)
        defer { buffer.deallocate() }
        for value in Self.values {
            #expect(Int(ParquetDecimal.length(value)) == String(value).utf8.count, "\(value)")
            let written = ParquetDecimal.write(value, to: buffer)
            #expect(String(decoding: UnsafeBufferPointer(start: buffer, count: written), as: UTF8.self) == String(value))
        }
        #expect(ParquetDecimal.digits(.max) == 20)
    }
}
