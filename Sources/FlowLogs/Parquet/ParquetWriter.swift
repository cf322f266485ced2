/// flowscan's own small Parquet writer, for `flowscan generate --parquet`: a flow-log text file
/// (header line of field names first) becomes one Parquet file as AWS delivers them — `PAR1`, one
/// row group, one data page v1 per column, GZIP pages, a Thrift compact footer. Values are
/// dictionary-encoded (a dictionary page, then RLE_DICTIONARY indices), as Parquet writers do by
/// default, where that makes the column smaller; PLAIN otherwise.
///
/// Column names are the field names with `_` for `-`; types follow AWS's table: INT32 for
/// version, ports, protocol, tcp-flags and traffic-path, INT64 for packets, bytes, start and end
/// (and flowscan's own `records` count of pre-aggregated rows),
/// BYTE_ARRAY (UTF8) for the rest. A column is OPTIONAL, with definition levels, when one of its
/// values is `-` (null); REQUIRED otherwise.
public enum ParquetWriter {
    static let int32Fields: Set<String> = ["version", "srcport", "dstport", "protocol", "tcp-flags", "traffic-path"]
    static let int64Fields: Set<String> = ["packets", "bytes", "start", "end", "records"]

    /// The Parquet file holding the records of `text`; nil when a number column holds a value that
    /// is not a whole number of its type (the text could not be typed as AWS types it).
    public static func file(fromFlowLogText text: [UInt8], level: Int32 = 6) -> [UInt8]? {
        var lines = text.split(separator: ASCII.newline, omittingEmptySubsequences: true)[...]
        guard let header = lines.popFirst() else { return nil }
        let names = header.split(separator: ASCII.space).map { String(decoding: $0, as: UTF8.self) }
        guard !names.isEmpty else { return nil }
        var columns = names.map { Column(name: $0) }
        var rows = 0
        for line in lines {
            let values = line.split(separator: ASCII.space)
            for index in columns.indices {
                let value = index < values.count ? values[index] : ArraySlice([ASCII.dash])
                guard columns[index].append(value) else { return nil }
            }
            rows += 1
        }
        var out: [UInt8] = Array("PAR1".utf8)
        var chunks: [ChunkMeta] = []
        for column in columns {
            let start = Int64(out.count)
            var dictionaryOffset: Int64?
            var uncompressed: Int64 = 0
            if column.usesDictionary {
                dictionaryOffset = start
                let compressed = GzipWriter.compress(column.dictionary, level: level)
                var page = ThriftCompactWriter()
                page.i32(1, 2)  // DICTIONARY_PAGE
                page.i32(2, Int32(column.dictionary.count))
                page.i32(3, Int32(compressed.count))
                page.beginStruct(7)  // DictionaryPageHeader
                page.i32(1, Int32(column.distinct.count))
                page.i32(2, 0)  // PLAIN
                page.endStruct()
                page.stop()
                out += page.bytes
                out += compressed
                uncompressed += Int64(page.bytes.count + column.dictionary.count)
            }
            let dataOffset = Int64(out.count)
            let body = column.pageBody(rows: rows)
            let compressed = GzipWriter.compress(body, level: level)
            var page = ThriftCompactWriter()
            page.i32(1, 0)  // DATA_PAGE
            page.i32(2, Int32(body.count))
            page.i32(3, Int32(compressed.count))
            page.beginStruct(5)  // DataPageHeader
            page.i32(1, Int32(rows))
            page.i32(2, column.usesDictionary ? 8 : 0)  // RLE_DICTIONARY or PLAIN
            page.i32(3, 3)  // RLE definition levels
            page.i32(4, 3)  // RLE repetition levels
            page.endStruct()
            page.stop()
            out += page.bytes
            out += compressed
            uncompressed += Int64(page.bytes.count + body.count)
            chunks.append(ChunkMeta(offset: start, dataOffset: dataOffset, dictionaryOffset: dictionaryOffset,
                                    uncompressed: uncompressed, compressed: Int64(out.count) - start))
        }
        var footer = ThriftCompactWriter()
        footer.i32(1, 1)  // version
        footer.beginList(2, elementType: ThriftCompactWriter.structure, count: columns.count + 1)
        footer.beginElement()
        footer.string(4, "schema")
        footer.i32(5, Int32(columns.count))
        footer.endElement()
        for column in columns {
            footer.beginElement()
            footer.i32(1, column.physicalType)
            footer.i32(3, column.hasNull ? 1 : 0)  // OPTIONAL or REQUIRED
            footer.string(4, column.parquetName)
            footer.i32(6, column.convertedType)
            footer.endElement()
        }
        footer.i64(3, Int64(rows))
        footer.beginList(4, elementType: ThriftCompactWriter.structure, count: 1)
        footer.beginElement()
        footer.beginList(1, elementType: ThriftCompactWriter.structure, count: columns.count)
        for (column, chunk) in zip(columns, chunks) {
            footer.beginElement()
            footer.i64(2, chunk.offset)  // file_offset
            footer.beginStruct(3)  // ColumnMetaData
            footer.i32(1, column.physicalType)
            footer.i32List(2, chunk.dictionaryOffset == nil ? [0, 3] : [0, 3, 8])  // PLAIN, RLE, RLE_DICTIONARY
            footer.stringList(3, [column.parquetName])
            footer.i32(4, 2)  // GZIP
            footer.i64(5, Int64(rows))
            footer.i64(6, chunk.uncompressed)
            footer.i64(7, chunk.compressed)
            footer.i64(9, chunk.dataOffset)
            if let dictionaryOffset = chunk.dictionaryOffset { footer.i64(11, dictionaryOffset) }
            footer.endStruct()
            footer.endElement()
        }
        footer.i64(2, chunks.reduce(0) { $0 + $1.uncompressed })
        footer.i64(3, Int64(rows))
        footer.endElement()
        footer.string(6, "flowscan generate")
        footer.stop()
        out += footer.bytes
        let length = UInt32(footer.bytes.count)
        out += [UInt8(length & 0xff), UInt8(length >> 8 & 0xff), UInt8(length >> 16 & 0xff), UInt8(length >> 24)]
        out += Array("PAR1".utf8)
        return out
    }

    private struct ChunkMeta {
        var offset: Int64
        var dataOffset: Int64
        var dictionaryOffset: Int64?
        var uncompressed: Int64
        var compressed: Int64
    }

    /// One column's values as they are read from the text.
    private struct Column {
        enum Kind { case int32, int64, string }
        let name: String
        let kind: Kind
        /// The PLAIN values, and the same values as a dictionary (distinct PLAIN values in order of
        /// first appearance) and an index a value.
        var values: [UInt8] = []
        var distinct: [[UInt8]: UInt32] = [:]
        var dictionary: [UInt8] = []
        var indices: [UInt32] = []
        var defined: [Bool] = []
        var hasNull = false

        init(name: String) {
            self.name = name
            kind = ParquetWriter.int32Fields.contains(name) ? .int32 : ParquetWriter.int64Fields.contains(name) ? .int64 : .string
        }

        var parquetName: String { String(name.map { $0 == "-" ? "_" : $0 }) }
        var physicalType: Int32 { switch kind { case .int32: 1; case .int64: 2; case .string: 6 } }
        /// INT_32 (17), INT_64 (18) or UTF8 (0), as AWS names the types.
        var convertedType: Int32 { switch kind { case .int32: 17; case .int64: 18; case .string: 0 } }

        /// Adds a value; false when a number column's value is not a number of its type.
        mutating func append(_ value: ArraySlice<UInt8>) -> Bool {
            if value.count == 1, value.first == ASCII.dash {
                defined.append(false)
                hasNull = true
                return true
            }
            defined.append(true)
            var plain: [UInt8] = []
            switch kind {
            case .string:
                let count = UInt32(value.count)
                plain = [UInt8(count & 0xff), UInt8(count >> 8 & 0xff), UInt8(count >> 16 & 0xff), UInt8(count >> 24)]
                plain += value
            case .int32:
                guard let number = Int32(String(decoding: value, as: UTF8.self)) else { return false }
                let bits = UInt32(bitPattern: number)
                for shift in stride(from: 0, to: 32, by: 8) { plain.append(UInt8(truncatingIfNeeded: bits >> shift)) }
            case .int64:
                guard let number = Int64(String(decoding: value, as: UTF8.self)) else { return false }
                let bits = UInt64(bitPattern: number)
                for shift in stride(from: 0, to: 64, by: 8) { plain.append(UInt8(truncatingIfNeeded: bits >> shift)) }
            }
            values += plain
            if let index = distinct[plain] {
                indices.append(index)
            } else {
                let index = UInt32(distinct.count)
                distinct[plain] = index
                dictionary += plain
                indices.append(index)
            }
            return true
        }

        /// The bits of a dictionary index.
        var indexWidth: Int { max(1, UInt32.bitWidth - UInt32(max(1, distinct.count) - 1).leadingZeroBitCount) }

        /// Dictionary encoding, as Parquet writers do by default, while the dictionary stays within
        /// their usual 1 MiB page and makes the column smaller than PLAIN values.
        var usesDictionary: Bool {
            dictionary.count <= 1 << 20 && dictionary.count + (indices.count * indexWidth + 7) / 8 + 8 < values.count
        }

        /// The uncompressed page: definition levels (optional columns) then the values (PLAIN, or
        /// the index width and the dictionary indices), levels and indices in the RLE/bit-packed
        /// hybrid.
        func pageBody(rows: Int) -> [UInt8] {
            let valueBytes = usesDictionary ? [UInt8(indexWidth)] + Self.hybrid(indices, width: indexWidth) : values
            guard hasNull else { return valueBytes }
            let levels = Self.hybrid(defined.map { $0 ? 1 : 0 }, width: 1)
            let count = UInt32(levels.count)
            return [UInt8(count & 0xff), UInt8(count >> 8 & 0xff), UInt8(count >> 16 & 0xff), UInt8(count >> 24)] + levels + valueBytes
        }

        /// `values` in the RLE/bit-packed hybrid, as Parquet writers do: a run of eight or more
        /// equal values that starts on a group boundary is one RLE run, the rest bit-packed in
        /// groups of eight (the last group padded with zeros).
        static func hybrid(_ values: [UInt32], width: Int) -> [UInt8] {
            var out: [UInt8] = []
            var pending: [UInt32] = []
            func flush() {
                guard !pending.isEmpty else { return }
                while pending.count % 8 != 0 { pending.append(0) }
                appendVarint(UInt64(pending.count / 8) << 1 | 1, to: &out)
                var bits = [UInt8](repeating: 0, count: pending.count / 8 * width)
                for (position, value) in pending.enumerated() {
                    for bit in 0..<width where value >> UInt32(bit) & 1 == 1 {
                        let at = position * width + bit
                        bits[at / 8] |= 1 << UInt8(at % 8)
                    }
                }
                out += bits
                pending = []
            }
            var index = 0
            while index < values.count {
                var run = 1
                while index + run < values.count, values[index + run] == values[index] { run += 1 }
                if run >= 8, pending.count % 8 == 0 {
                    flush()
                    appendVarint(UInt64(run) << 1, to: &out)
                    for byte in 0..<(width + 7) / 8 { out.append(UInt8(truncatingIfNeeded: values[index] >> UInt32(8 * byte))) }
                    index += run
                } else {
                    // Up to the next group boundary (or one value), then look again.
                    let take = run >= 8 ? 8 - pending.count % 8 : 1
                    pending += values[index..<index + take]
                    index += take
                }
            }
            flush()
            return out
        }

        static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
            var value = value
            while value >= 0x80 { bytes.append(UInt8(value & 0x7f) | 0x80); value >>= 7 }
            bytes.append(UInt8(value))
        }
    }
}

/// The Thrift compact protocol, written: field headers by id delta, zigzag varints, lists.
struct ThriftCompactWriter {
    static let i32Type: UInt8 = 5, i64Type: UInt8 = 6, binary: UInt8 = 8, list: UInt8 = 9, structure: UInt8 = 12
    private(set) var bytes: [UInt8] = []
    private var lastField: Int16 = 0
    private var stack: [Int16] = []

    mutating func i32(_ id: Int16, _ value: Int32) {
        field(id, Self.i32Type)
        varint(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31))))
    }

    mutating func i64(_ id: Int16, _ value: Int64) {
        field(id, Self.i64Type)
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func string(_ id: Int16, _ value: String) {
        field(id, Self.binary)
        rawString(value)
    }

    mutating func i32List(_ id: Int16, _ values: [Int32]) {
        beginList(id, elementType: Self.i32Type, count: values.count)
        for value in values { varint(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31)))) }
    }

    mutating func stringList(_ id: Int16, _ values: [String]) {
        beginList(id, elementType: Self.binary, count: values.count)
        for value in values { rawString(value) }
    }

    mutating func beginList(_ id: Int16, elementType: UInt8, count: Int) {
        field(id, Self.list)
        if count < 15 { bytes.append(UInt8(count) << 4 | elementType) } else {
            bytes.append(0xF0 | elementType)
            varint(UInt64(count))
        }
    }

    /// A struct field: its fields follow, then `endStruct`.
    mutating func beginStruct(_ id: Int16) {
        field(id, Self.structure)
        beginElement()
    }

    mutating func endStruct() { endElement() }

    /// A struct as a list element: its fields follow, then `endElement`.
    mutating func beginElement() {
        stack.append(lastField)
        lastField = 0
    }

    mutating func endElement() {
        bytes.append(0)
        lastField = stack.popLast() ?? 0
    }

    /// Ends the outermost struct.
    mutating func stop() { bytes.append(0) }

    private mutating func field(_ id: Int16, _ type: UInt8) {
        let delta = id - lastField
        if delta > 0 && delta <= 15 { bytes.append(UInt8(delta) << 4 | type) } else {
            bytes.append(type)
            varint(UInt64(UInt16(bitPattern: (id << 1) ^ (id >> 15))))
        }
        lastField = id
    }

    private mutating func rawString(_ value: String) {
        varint(UInt64(value.utf8.count))
        bytes += value.utf8
    }

    private mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 { bytes.append(UInt8(value & 0x7f) | 0x80); value >>= 7 }
        bytes.append(UInt8(value))
    }
}
