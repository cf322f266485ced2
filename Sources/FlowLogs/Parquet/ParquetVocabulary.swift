/// The enumerations of `parquet.thrift` that flowscan meets, with the names users see in
/// refusal messages.
enum ParquetVocabulary {
    /// Physical types (`Type`).
    enum PhysicalType: Int32 {
        case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLengthByteArray = 7
    }

    /// Compression codecs (`CompressionCodec`).
    enum Codec: Int32 {
        case uncompressed = 0, snappy = 1, gzip = 2, lzo = 3, brotli = 4, lz4 = 5, zstd = 6, lz4Raw = 7
    }

    /// Encodings (`Encoding`).
    enum Encoding: Int32 {
        case plain = 0, plainDictionary = 2, rle = 3, bitPacked = 4, deltaBinaryPacked = 5
        case deltaLengthByteArray = 6, deltaByteArray = 7, rleDictionary = 8, byteStreamSplit = 9
    }

    /// Field repetition (`FieldRepetitionType`).
    enum Repetition: Int32 {
        case required = 0, optional = 1, repeated = 2
    }

    static func typeName(_ raw: Int32) -> String {
        let names = ["BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"]
        return names.indices.contains(Int(raw)) ? names[Int(raw)] : "type \(raw)"
    }

    static func codecName(_ raw: Int32) -> String {
        let names = ["UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"]
        return names.indices.contains(Int(raw)) ? names[Int(raw)] : "codec \(raw)"
    }

    static func encodingName(_ raw: Int32) -> String {
        let names = ["PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED", "DELTA_BINARY_PACKED",
                     "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"]
        return names.indices.contains(Int(raw)) ? names[Int(raw)] : "encoding \(raw)"
    }

    /// Codecs flowscan decodes.
    static func isReadable(codec raw: Int32) -> Bool {
        raw == Codec.uncompressed.rawValue || raw == Codec.snappy.rawValue || raw == Codec.gzip.rawValue
    }

    /// Encodings flowscan decodes, for values (PLAIN and dictionary) and levels (RLE).
    static func isReadable(encoding raw: Int32) -> Bool {
        switch Encoding(rawValue: raw) {
        case .plain, .plainDictionary, .rleDictionary, .rle: return true
        // BIT_PACKED is listed by some writers for levels they do not write; pages are checked too.
        case .bitPacked: return true
        default: return false
        }
    }
}
