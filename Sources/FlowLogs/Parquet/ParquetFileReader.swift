import Foundation

/// Reads a flat Parquet file of flow logs row group by row group, column by column, handing out
/// batches of rows as typed records with their text values (`ParquetRowBatch`).
///
/// Opening reads and checks the whole footer: anything flowscan does not read (a codec, an
/// encoding, a physical type, nested or encrypted data, a row group beyond the memory bound) is
/// refused there, before any row is handed out. Rows are read with `pread(2)`; memory is one row
/// group's compressed column chunks plus, per column, one page, the dictionary's entries and one
/// batch of values.
final class ParquetFileReader {
    static let magic: [UInt8] = Array("PAR1".utf8)
    static let encryptedMagic: [UInt8] = Array("PARE".utf8)

    let path: String
    let limits: ParquetLimits
    /// The leaf columns, in file order.
    private(set) var columns: [ParquetColumn] = []
    private(set) var metadata = ParquetMetadata()
    /// Bytes read from the file so far.
    private(set) var bytesRead: UInt64 = 0
    /// The file's size.
    private(set) var size: UInt64 = 0
    private let descriptor: Int32

    /// Opens `path` and reads its footer.
    /// - Throws: `ParquetError`: damage of the footer, or a refusal naming what was found.
    init(path: String, limits: ParquetLimits = ParquetLimits()) throws(ParquetError) {
        self.path = path
        self.limits = limits
        guard path != "-" else { throw .notSeekable }
        let opened = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard opened >= 0 else { throw .readFailed(offset: 0, reason: String(cString: strerror(errno)).lowercased()) }
        descriptor = opened
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            Foundation.close(descriptor)
            throw .notSeekable
        }
        size = UInt64(info.st_size)
        do {
            try readFooter()
        } catch {
            Foundation.close(descriptor)
            throw error
        }
    }

    deinit {
        Foundation.close(descriptor)
    }

    // MARK: Footer

    private func readFooter() throws(ParquetError) {
        guard size >= 12 else { throw .tooShort(size: size) }
        var tail = [UInt8](repeating: 0, count: 8)
        try read(into: &tail, at: size - 8)
        let ending = Array(tail[4...])
        if ending == Self.encryptedMagic { throw .unsupported("an encrypted Parquet footer (PARE)") }
        guard ending == Self.magic else { throw .missingFooterMagic(size: size) }
        let length = UInt64(tail[0]) | UInt64(tail[1]) << 8 | UInt64(tail[2]) << 16 | UInt64(tail[3]) << 24
        guard length > 0, length <= size - 12 else { throw .badFooterLength(length: length, size: size) }
        guard length <= max(limits.maximumRowGroupBytes, limits.maximumPageBytes) else { throw .badFooterLength(length: length, size: size) }
        let footerStart = size - 8 - length
        var footer = [UInt8](repeating: 0, count: Int(length))
        try read(into: &footer, at: footerStart)
        let decoded = footer.withUnsafeBytes { bytes in
            Result { () throws(ThriftError) in try ParquetMetadata(footer: bytes, baseOffset: footerStart) }
        }
        switch decoded {
        case let .success(value): metadata = value
        case let .failure(error): throw .corruptFooter(offset: error.offset, reason: error.reason)
        }
        if metadata.encrypted { throw .unsupported("encrypted Parquet columns (the footer names an encryption algorithm)") }
        columns = try Self.flatColumns(metadata.schema, footerStart: footerStart)
        for (index, group) in metadata.rowGroups.enumerated() {
            try check(group, index: index, footerStart: footerStart)
        }
    }

    /// The leaf columns of a flat schema: a root whose children are all primitive columns.
    /// - Parameter footerStart: where the footer starts, the byte its errors name.
    static func flatColumns(_ schema: [ParquetMetadata.SchemaElement], footerStart: UInt64) throws(ParquetError) -> [ParquetColumn] {
        guard let root = schema.first else { throw .corruptFooter(offset: footerStart, reason: "the schema is empty") }
        let childCount = Int(root.childCount ?? 0)
        guard childCount > 0 else { throw .unsupported("a Parquet schema with no columns") }
        var columns: [ParquetColumn] = []
        for element in schema.dropFirst() {
            if let children = element.childCount, children > 0 {
                throw .unsupported("nested Parquet column '\(element.name)' (a group of \(children) fields)")
            }
            if element.repetition == ParquetVocabulary.Repetition.repeated.rawValue {
                throw .unsupported("repeated Parquet column '\(element.name)' (a list)")
            }
            let type: ParquetColumn.ValueType
            switch element.type.flatMap(ParquetVocabulary.PhysicalType.init(rawValue:)) {
            case .int32: type = .int32
            case .int64: type = .int64
            case .byteArray: type = .byteArray
            default:
                let name = element.type.map(ParquetVocabulary.typeName) ?? "no type"
                throw .unsupported("Parquet column '\(element.name)' of type \(name) (flowscan reads INT32, INT64 and BYTE_ARRAY)")
            }
            columns.append(ParquetColumn(name: element.name, type: type,
                                         isOptional: element.repetition == ParquetVocabulary.Repetition.optional.rawValue))
        }
        guard columns.count == childCount else {
            throw .corruptFooter(offset: footerStart, reason: "the schema root has \(childCount) children, the schema lists \(columns.count) columns")
        }
        return columns
    }

    private func check(_ group: ParquetMetadata.RowGroup, index: Int, footerStart: UInt64) throws(ParquetError) {
        guard group.columns.count == columns.count else {
            throw .corruptFooter(offset: footerStart, reason: "row group \(index) has \(group.columns.count) column chunks for \(columns.count) columns")
        }
        guard group.rowCount >= 0 else { throw .corruptFooter(offset: footerStart, reason: "row group \(index) has \(group.rowCount) rows") }
        var total: UInt64 = 0
        for (chunk, column) in zip(group.columns, columns) {
            guard !chunk.encrypted else { throw .unsupported("encrypted Parquet column '\(column.name)'") }
            guard chunk.externalFile == nil else {
                throw .unsupported("Parquet column '\(column.name)' stored in another file (\(chunk.externalFile ?? ""))")
            }
            guard chunk.hasMetadata else { throw .corruptFooter(offset: footerStart, reason: "column '\(column.name)' of row group \(index) has no metadata") }
            guard ParquetVocabulary.isReadable(codec: chunk.codec) else {
                throw .unsupported("Parquet column '\(column.name)' compressed with \(ParquetVocabulary.codecName(chunk.codec))")
            }
            if let encoding = chunk.encodings.first(where: { !ParquetVocabulary.isReadable(encoding: $0) }) {
                throw .unsupported("Parquet column '\(column.name)' encoded as \(ParquetVocabulary.encodingName(encoding))")
            }
            guard chunk.valueCount == group.rowCount else {
                throw .corruptFooter(offset: footerStart, reason: "column '\(column.name)' of row group \(index) holds \(chunk.valueCount) values for \(group.rowCount) rows")
            }
            let start = chunk.firstPageOffset
            guard start >= 4, chunk.compressedSize >= 0, UInt64(start) <= footerStart,
                  UInt64(chunk.compressedSize) <= footerStart - UInt64(start) else {
                throw .corruptFooter(offset: footerStart, reason: "column '\(column.name)' of row group \(index) lies outside the file's data (bytes \(start), length \(chunk.compressedSize))")
            }
            total += UInt64(chunk.compressedSize)
        }
        guard total <= limits.maximumRowGroupBytes else {
            throw .rowGroupTooLarge(index: index, bytes: total, limit: limits.maximumRowGroupBytes)
        }
    }

    // MARK: Rows

    /// Hands out the rows of every row group, in file order, a batch at a time.
    /// - Parameters:
    ///   - reading: the worker's buffers (cursors and batch), reused.
    ///   - slots: what the parser does with each column.
    ///   - rows: called with each batch of complete rows, and the cursors its values come from;
    ///     valid only during the call.
    ///   - rowGroupDone: called after each row group.
    /// - Throws: `ParquetError` at damage, after handing out the complete rows before it.
    /// - Parameter lineLimit: the longest row (as a text line) that is not malformed.
    func forEachBatch(_ reading: ParquetReading, slots: [RecordParser.Slot], lineLimit: Int,
                      _ rows: (ParquetRowBatch, [ParquetColumnCursor]) -> Void,
                      rowGroupDone: () -> Void = {}) throws(ParquetError) {
        let batch = reading.batch(fieldCount: columns.count)
        let cursors = reading.cursors(columns.count)
        for group in metadata.rowGroups {
            batch.arena.reset()
            for (index, (chunk, column)) in zip(group.columns, columns).enumerated() {
                let start = UInt64(chunk.firstPageOffset)
                let bytes = cursors[index].start(column: column, index: index, slot: slots[index], codec: chunk.codec,
                                                 valueCount: chunk.valueCount, chunkSize: Int(chunk.compressedSize),
                                                 offset: start, limits: limits)
                try read(into: bytes, at: start)
            }
            var left = group.rowCount
            while left > 0 {
                let count = Int(min(left, Int64(ParquetRowBatch.capacity)))
                let damage = batch.fill(count, from: cursors, lineLimit: lineLimit)
                rows(batch, cursors)
                if let damage { throw damage }
                left -= Int64(count)
            }
            rowGroupDone()
        }
    }

    // MARK: Raw reads

    private func read(into buffer: inout [UInt8], at offset: UInt64) throws(ParquetError) {
        let done = buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(ParquetError) in try read(into: bytes, at: offset) }
        }
        try done.get()
    }

    /// `pread(2)` until `buffer` is full, retried on EINTR.
    private func read(into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64) throws(ParquetError) {
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if count > 0 {
                done += count
                bytesRead += UInt64(count)
                continue
            }
            if count == 0 { throw .readFailed(offset: offset + UInt64(done), reason: "the file ended early (it shrank while read?)") }
            if errno == EINTR { continue }
            throw .readFailed(offset: offset + UInt64(done), reason: String(cString: strerror(errno)).lowercased())
        }
    }
}
