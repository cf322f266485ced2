/// One line of a CSV file of flow-log columns (an engine's query result: Athena, Spark, DuckDB,
/// or `flowscan --output aggregate`) written as a flow-log text line, in a buffer allocated once:
/// values separated by single spaces, `-` for empty values (engines write NULL as an empty
/// field), quotes removed and `""` read as one quote.
///
///     "account_id","interface_id","srcaddr","records"  →  account-id interface-id srcaddr records   (header)
///     "123456789012","eni-1","10.0.1.5","42"          →  123456789012 eni-1 10.0.1.5 42
///     123456789012,,10.0.1.5,42                       →  123456789012 - 10.0.1.5 42
///
/// Column names take `-` for `_` when that names a flow-log field (`pkt_srcaddr` → `pkt-srcaddr`),
/// as for Parquet columns. A value holding a space or a tab (which a text line cannot hold), an
/// unterminated quote or a line longer than the buffer is not converted: `failure` says why.
struct CSVLine {
    private let storage: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private(set) var count = 0

    /// Why the last line could not be converted.
    private(set) var failure: MalformedReason?

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    /// Frees the buffer; call once.
    func deallocate() { storage.deallocate() }

    /// The converted line; valid until the next conversion.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: count) }

    /// Converts `line` (without its newline).
    /// - Returns: false when the line cannot be a text line (`failure` says why).
    mutating func convert(_ line: UnsafeRawBufferPointer) -> Bool {
        count = 0
        failure = nil
        if let names = Self.headerNames(line) {
            for (index, name) in names.enumerated() {
                if index > 0 { guard put(ASCII.space) else { return false } }
                for byte in name.utf8 { guard put(byte) else { return false } }
            }
            return true
        }
        var column = 0
        var index = 0
        let end = line.count
        while true {
            if column > 0 { guard put(ASCII.space) else { return false } }
            let valueStart = count
            if index < end, line[index] == ASCII.quote {
                index += 1
                var closed = false
                while index < end {
                    let byte = line[index]
                    if byte == ASCII.quote {
                        if index + 1 < end, line[index + 1] == ASCII.quote {
                            guard put(ASCII.quote) else { return false }
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    guard value(byte, column: column) else { return false }
                    index += 1
                }
                guard closed else {
                    failure = .invalidValue(field: "column \(column + 1)", value: Self.shown(line), expected: "a CSV line with its quotes closed")
                    return false
                }
                guard index == end || line[index] == ASCII.comma else {
                    failure = .invalidValue(field: "column \(column + 1)", value: Self.shown(line), expected: "a CSV line (a quoted value followed by a comma)")
                    return false
                }
            } else {
                while index < end, line[index] != ASCII.comma {
                    guard value(line[index], column: column) else { return false }
                    index += 1
                }
            }
            if count == valueStart { guard put(ASCII.dash) else { return false } }
            column += 1
            if index >= end { break }
            index += 1  // the comma
        }
        return true
    }

    @inline(__always)
    private mutating func value(_ byte: UInt8, column: Int) -> Bool {
        if byte == ASCII.space || byte == ASCII.tab {
            failure = .invalidValue(field: "column \(column + 1)", value: "…", expected: "a value without spaces")
            return false
        }
        return put(byte)
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) -> Bool {
        guard count < capacity else {
            failure = .tooLong(limit: capacity)
            return false
        }
        storage[count] = byte
        count += 1
        return true
    }

    private static func shown(_ line: UnsafeRawBufferPointer) -> String {
        String(decoding: line.prefix(64), as: UTF8.self) + (line.count > 64 ? "…" : "")
    }

    /// The flow-log field names of a CSV header line (quoted or not, `_` or `-` in names), or
    /// `nil` when the line is not one: it must have a comma, and at least two of its names
    /// must be flow-log fields (as a header line's, `FlowLogFormat.isHeader`).
    static func headerNames(_ line: UnsafeRawBufferPointer) -> [String]? {
        guard let first = line.first, first == ASCII.quote || (first >= ASCII.lowerA && first <= ASCII.lowerZ),
              line.contains(ASCII.comma) else { return nil }
        var names: [String] = []
        for raw in line.split(separator: ASCII.comma, omittingEmptySubsequences: false) {
            var word = Substring(decoding: raw, as: UTF8.self)
            if word.count >= 2, word.first == "\"", word.last == "\"" { word = word.dropFirst().dropLast() }
            guard !word.isEmpty, word.allSatisfy(\.isFieldNameCharacter) else { return nil }
            let name = String(word)
            let dashed = String(name.map { $0 == "_" ? "-" : $0 })
            names.append(FlowField.byName[name] == nil && FlowField.byName[dashed] != nil ? dashed : name)
        }
        guard names.count >= 2, FlowLogFormat.isHeader(names.map { Substring($0) }) else { return nil }
        return names
    }
}
