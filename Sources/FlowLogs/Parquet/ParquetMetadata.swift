/// The parts of a Parquet footer (`FileMetaData`) flowscan needs: the schema and the row groups
/// with their column chunks. Field numbers are those of `parquet.thrift`.
struct ParquetMetadata {
    /// One element of the flattened schema tree (`SchemaElement`).
    struct SchemaElement {
        var type: Int32?
        var repetition: Int32?
        var name = ""
        var childCount: Int32?
        var convertedType: Int32?
        var hasLogicalType = false
    }

    /// One column's data within a row group (`ColumnChunk` with its `ColumnMetaData`).
    struct ColumnChunk {
        var type: Int32 = -1
        var encodings: [Int32] = []
        var path: [String] = []
        var codec: Int32 = 0
        var valueCount: Int64 = 0
        var uncompressedSize: Int64 = 0
        var compressedSize: Int64 = 0
        var dataPageOffset: Int64 = 0
        var dictionaryPageOffset: Int64?
        /// Set when the chunk lives in another file (`file_path`).
        var externalFile: String?
        var encrypted = false
        var hasMetadata = false

        /// Where the chunk's first page starts: the dictionary page when there is one.
        var firstPageOffset: Int64 {
            if let dictionaryPageOffset, dictionaryPageOffset > 0, dictionaryPageOffset < dataPageOffset {
                return dictionaryPageOffset
            }
            return dataPageOffset
        }
    }

    /// One row group (`RowGroup`).
    struct RowGroup {
        var columns: [ColumnChunk] = []
        var rowCount: Int64 = 0
        var totalByteSize: Int64 = 0
    }

    var schema: [SchemaElement] = []
    var rowCount: Int64 = 0
    var rowGroups: [RowGroup] = []
    /// Set when the footer names an encryption algorithm (encrypted columns, plaintext footer).
    var encrypted = false
    var createdBy: String?
}

extension ParquetMetadata {
    /// Decodes `FileMetaData` from the footer bytes.
    /// - Parameter baseOffset: where the footer starts in the file, for error offsets.
    init(footer: UnsafeRawBufferPointer, baseOffset: UInt64) throws(ThriftError) {
        var reader = ThriftCompactReader(footer, baseOffset: baseOffset)
        var metadata = ParquetMetadata()
        try reader.readStruct { (r: inout ThriftCompactReader, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (2, .list):
                let (_, count) = try r.readListHeader()
                try r.beginStruct()
                for _ in 0..<count { metadata.schema.append(try Self.schemaElement(&r)) }
                r.endStruct()
            case (3, _):
                try r.expect(field, .i64)
                metadata.rowCount = try r.readI64()
            case (4, .list):
                let (_, count) = try r.readListHeader()
                try r.beginStruct()
                for _ in 0..<count { metadata.rowGroups.append(try Self.rowGroup(&r)) }
                r.endStruct()
            case (6, .binary):
                metadata.createdBy = try r.readString()
            case (8, _):
                metadata.encrypted = true
                try r.skip(field.type)
            default:
                try r.skip(field.type)
            }
        }
        self = metadata
    }

    private static func schemaElement(_ reader: inout ThriftCompactReader) throws(ThriftError) -> SchemaElement {
        var element = SchemaElement()
        try reader.readStruct { (r: inout ThriftCompactReader, field) throws(ThriftError) in
            switch field.id {
            case 1: try r.expect(field, .i32); element.type = try r.readI32()
            case 3: try r.expect(field, .i32); element.repetition = try r.readI32()
            case 4: try r.expect(field, .binary); element.name = try r.readString()
            case 5: try r.expect(field, .i32); element.childCount = try r.readI32()
            case 6: try r.expect(field, .i32); element.convertedType = try r.readI32()
            case 10: element.hasLogicalType = true; try r.skip(field.type)
            default: try r.skip(field.type)
            }
        }
        return element
    }

    private static func rowGroup(_ reader: inout ThriftCompactReader) throws(ThriftError) -> RowGroup {
        var group = RowGroup()
        try reader.readStruct { (r: inout ThriftCompactReader, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .list):
                let (_, count) = try r.readListHeader()
                try r.beginStruct()
                for _ in 0..<count { group.columns.append(try Self.columnChunk(&r)) }
                r.endStruct()
            case (2, _): try r.expect(field, .i64); group.totalByteSize = try r.readI64()
            case (3, _): try r.expect(field, .i64); group.rowCount = try r.readI64()
            default: try r.skip(field.type)
            }
        }
        return group
    }

    private static func columnChunk(_ reader: inout ThriftCompactReader) throws(ThriftError) -> ColumnChunk {
        var chunk = ColumnChunk()
        try reader.readStruct { (r: inout ThriftCompactReader, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, .binary): chunk.externalFile = try r.readString()
            case (3, .structure):
                chunk.hasMetadata = true
                try Self.columnMetadata(&r, into: &chunk)
            case (8, _), (9, _):
                chunk.encrypted = true
                try r.skip(field.type)
            default: try r.skip(field.type)
            }
        }
        return chunk
    }

    private static func columnMetadata(_ reader: inout ThriftCompactReader, into chunk: inout ColumnChunk) throws(ThriftError) {
        try reader.readStruct { (r: inout ThriftCompactReader, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, _): try r.expect(field, .i32); chunk.type = try r.readI32()
            case (2, .list):
                let (element, count) = try r.readListHeader()
                for _ in 0..<count {
                    guard element == .i32 else { try r.skip(element); continue }
                    chunk.encodings.append(try r.readI32())
                }
            case (3, .list):
                let (element, count) = try r.readListHeader()
                for _ in 0..<count {
                    guard element == .binary else { try r.skip(element); continue }
                    chunk.path.append(try r.readString())
                }
            case (4, _): try r.expect(field, .i32); chunk.codec = try r.readI32()
            case (5, _): try r.expect(field, .i64); chunk.valueCount = try r.readI64()
            case (6, _): try r.expect(field, .i64); chunk.uncompressedSize = try r.readI64()
            case (7, _): try r.expect(field, .i64); chunk.compressedSize = try r.readI64()
            case (9, _): try r.expect(field, .i64); chunk.dataPageOffset = try r.readI64()
            case (11, _): try r.expect(field, .i64); chunk.dictionaryPageOffset = try r.readI64()
            default: try r.skip(field.type)
            }
        }
    }
}
