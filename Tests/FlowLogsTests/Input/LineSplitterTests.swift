import Testing
@testable import FlowLogs

struct LineSplitterTests {
    /// Splits `text` fed `size` bytes at a time and returns the lines.
    private func lines(_ text: String, chunkSize: Int, limit: Int = LineSplitter.defaultMaximumLineLength) -> [(String, Int, Bool)] {
        var splitter = LineSplitter(maximumLineLength: limit)
        var result: [(String, Int, Bool)] = []
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunkSize)
            bytes[offset..<end].withUnsafeBytes { chunk in
                splitter.scan(chunk) { line, number, tooLong in result.append((String(decoding: line, as: UTF8.self), number, tooLong)) }
            }
            offset = end
        }
        splitter.finish { line, number, tooLong in result.append((String(decoding: line, as: UTF8.self), number, tooLong)) }
        return result
    }

    @Test(arguments: [1, 7, 64, 1 << 16])
    func splitsWhateverTheChunkSize(chunkSize: Int) {
        let text = Fixtures.v2File + "\n\nlast line without newline"
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let got = lines(text, chunkSize: chunkSize)
        #expect(got.map(\.0) == expected)
        #expect(got.map(\.1) == Array(1...expected.count))
        #expect(got.allSatisfy { !$0.2 })
    }

    @Test(arguments: [1, 7, 64])
    func dropsCarriageReturnsBeforeNewlines(chunkSize: Int) {
        let got = lines("a b\r\nc d\r\n\r\ne\r", chunkSize: chunkSize)
        #expect(got.map(\.0) == ["a b", "c d", "", "e"])
    }

    @Test func keepsCarriageReturnsInsideLines() {
        #expect(lines("a\rb\n", chunkSize: 64).map(\.0) == ["a\rb"])
    }

    @Test func noTrailingLineAfterFinalNewline() {
        #expect(lines("a\nb\n", chunkSize: 1).map(\.0) == ["a", "b"])
        #expect(lines("", chunkSize: 1).isEmpty)
    }

    @Test(arguments: [1, 7, 64, 4096])
    func cutsLinesOverTheLimit(chunkSize: Int) {
        let long = String(repeating: "x", count: 100)
        let got = lines("short\n\(long)\nafter\n\(long)", chunkSize: chunkSize, limit: 10)
        #expect(got.map(\.0) == ["short", "xxxxxxxxxx", "after", "xxxxxxxxxx"])
        #expect(got.map(\.2) == [false, true, false, true])
        #expect(got.map(\.1) == [1, 2, 3, 4])
    }

    @Test func lineExactlyAtTheLimitIsWhole() {
        let got = lines("0123456789\r\n0123456789", chunkSize: 3, limit: 10)
        #expect(got.map(\.0) == ["0123456789", "0123456789"])
        #expect(got.allSatisfy { !$0.2 })
    }
}
