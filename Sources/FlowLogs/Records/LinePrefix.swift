/// Removes the wrappers that CloudWatch Logs puts around flow-log records.
///
///     2021-03-25T12:00:05.000Z 2 123456789010 eni-…      →  2 123456789010 eni-…   (export with timestamps)
///     1616673605000,"2 123456789010 eni-…"                →  2 123456789010 eni-…   (console CSV download)
///     {"message":"2 123456789010 eni-…"}                  →  2 123456789010 eni-…   (log event JSON)
///     timestamp,message                                   →  nil (the CSV header: not a record)
enum LinePrefix {
    /// The record inside `line`, or `nil` when the line is a CSV header.
    @inline(__always)
    static func strip(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard let first = line.first else { return line }
        if ASCII.isDigit(first) {
            // Records start with a short number ("2 …"); timestamps with four or more digits.
            guard line.count > 10, ASCII.isDigit(line[1]), ASCII.isDigit(line[2]), ASCII.isDigit(line[3]) else { return line }
            if isISOTimestampStart(line) { return afterFirstSpace(line) }
            if let comma = csvTimestampEnd(line) { return unquoted(UnsafeRawBufferPointer(rebasing: line[(comma + 1)...])) }
            return line
        }
        if first == ASCII.openBrace { return messageField(line) ?? line }
        if first == UInt8(ascii: "t"), line.elementsEqual("timestamp,message".utf8) { return nil }
        return line
    }

    /// `YYYY-MM-DDT` at the start of the line.
    private static func isISOTimestampStart(_ line: UnsafeRawBufferPointer) -> Bool {
        guard line.count > 11 else { return false }
        return ASCII.isDigit(line[0]) && ASCII.isDigit(line[1]) && ASCII.isDigit(line[2]) && ASCII.isDigit(line[3])
            && line[4] == ASCII.dash && ASCII.isDigit(line[5]) && ASCII.isDigit(line[6])
            && line[7] == ASCII.dash && ASCII.isDigit(line[8]) && ASCII.isDigit(line[9]) && line[10] == ASCII.upperT
    }

    private static func afterFirstSpace(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let space = line.firstIndex(of: ASCII.space) else { return UnsafeRawBufferPointer(rebasing: line[line.count...]) }
        return UnsafeRawBufferPointer(rebasing: line[(space + 1)...])
    }

    /// The index of the comma after a leading run of 10–13 digits (epoch seconds or milliseconds).
    private static func csvTimestampEnd(_ line: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        while index < line.count, index < 14, ASCII.isDigit(line[index]) { index += 1 }
        guard index >= 10, index <= 13, index < line.count, line[index] == ASCII.comma else { return nil }
        return index
    }

    private static func unquoted(_ text: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard text.count >= 2, text.first == ASCII.quote, text.last == ASCII.quote else { return text }
        return UnsafeRawBufferPointer(rebasing: text[1..<(text.count - 1)])
    }

    /// The string value of `{"message":"…"}`.
    private static func messageField(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        let key = Array("\"message\"".utf8)
        guard let keyStart = line.indices.first(where: { line[$0...].starts(with: key) }) else { return nil }
        var index = keyStart + key.count
        while index < line.count, line[index] == ASCII.space || line[index] == ASCII.colon { index += 1 }
        guard index < line.count, line[index] == ASCII.quote else { return nil }
        let valueStart = index + 1
        guard let valueEnd = line[valueStart...].firstIndex(of: ASCII.quote) else { return nil }
        return UnsafeRawBufferPointer(rebasing: line[valueStart..<valueEnd])
    }
}
