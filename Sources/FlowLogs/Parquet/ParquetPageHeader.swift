/// A Parquet page header (`PageHeader` with its data, dictionary or v2 header).
struct ParquetPageHeader {
    enum Kind: Int32 {
        case data = 0, index = 1, dictionary = 2, dataV2 = 3
    }

    var kind: Int32 = -1
    var uncompressedSize: Int32 = -1
    var compressedSize: Int32 = -1
    var crc: Int32?
    /// Values in the page, nulls included (data pages) or dictionary entries.
    var valueCount: Int32 = -1
    var encoding: Int32 = 0
    var definitionLevelEncoding: Int32 = 3
    /// v2 only: the byte lengths of the (uncompressed) levels before the values.
    var definitionLevelsLength: Int32 = 0
    var repetitionLevelsLength: Int32 = 0
    var nullCount: Int32?
    /// v2 only: false when the values are stored uncompressed.
    var isCompressed = true
    /// The header's size in bytes.
    var headerSize = 0

    /// Decodes a page header at the start of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer, baseOffset: UInt64) throws(ThriftError) {
        var reader = ThriftCompactReader(bytes, baseOffset: baseOffset)
        var header = ParquetPageHeader()
        try reader.readStruct { (r: inout ThriftCompactReader, field) throws(ThriftError) in
            switch (field.id, field.type) {
            case (1, _): try r.expect(field, .i32); header.kind = try r.readI32()
            case (2, _): try r.expect(field, .i32); header.uncompressedSize = try r.readI32()
            case (3, _): try r.expect(field, .i32); header.compressedSize = try r.readI32()
            case (4, _): try r.expect(field, .i32); header.crc = try r.readI32()
            case (5, .structure):
                try r.readStruct { (r: inout ThriftCompactReader, field) throws(ThriftError) in
                    switch field.id {
                    case 1: try r.expect(field, .i32); header.valueCount = try r.readI32()
                    case 2: try r.expect(field, .i32); header.encoding = try r.readI32()
                    case 3: try r.expect(field, .i32); header.definitionLevelEncoding = try r.readI32()
                    default: try r.skip(field.type)
                    }
                }
            case (7, .structure):
                try r.readStruct { (r: inout ThriftCompactReader, field) throws(ThriftError) in
                    switch field.id {
                    case 1: try r.expect(field, .i32); header.valueCount = try r.readI32()
                    case 2: try r.expect(field, .i32); header.encoding = try r.readI32()
                    default: try r.skip(field.type)
                    }
                }
            case (8, .structure):
                try r.readStruct { (r: inout ThriftCompactReader, field) throws(ThriftError) in
                    switch field.id {
                    case 1: try r.expect(field, .i32); header.valueCount = try r.readI32()
                    case 2: try r.expect(field, .i32); header.nullCount = try r.readI32()
                    case 4: try r.expect(field, .i32); header.encoding = try r.readI32()
                    case 5: try r.expect(field, .i32); header.definitionLevelsLength = try r.readI32()
                    case 6: try r.expect(field, .i32); header.repetitionLevelsLength = try r.readI32()
                    case 7: try r.expect(field, .boolTrue); header.isCompressed = try r.bool(field)
                    default: try r.skip(field.type)
                    }
                }
            default: try r.skip(field.type)
            }
        }
        header.headerSize = reader.position
        self = header
    }

    private init() {}
}
