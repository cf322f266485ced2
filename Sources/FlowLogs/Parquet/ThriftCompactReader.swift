/// Reads Thrift's compact protocol, the encoding of Parquet's footer and page headers, from a
/// borrowed byte buffer. Only what Parquet metadata uses: structs, i16/i32/i64 (zig-zag
/// varints), binary, bool, lists, and skipping anything else.
///
///     [0x15, 0x04, 0x00]  →  field 1 of type i32 holding 2, then the struct's stop byte
///
/// Every read is bounds-checked and nesting is limited, so hostile bytes end in a
/// `ThriftError`, never a crash or a deep recursion.
struct ThriftCompactReader {
    /// Compact-protocol type codes (the low nibble of a field header).
    enum TypeCode: UInt8 {
        case stop = 0, boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7
        case binary = 8, list = 9, set = 10, map = 11, structure = 12
    }

    /// A field header: its id and type.
    struct FieldHeader {
        var id: Int16
        var type: TypeCode
    }

    /// Deeper nesting than this is refused (Parquet's own metadata nests at most 6 deep).
    static let maximumDepth = 32

    let bytes: UnsafeRawBufferPointer
    /// The next byte to read.
    private(set) var position: Int
    /// Added to `position` in error offsets (the buffer's place in the file).
    let baseOffset: UInt64
    private var lastFieldIDs: [Int16] = []
    private var lastFieldID: Int16 = 0

    init(_ bytes: UnsafeRawBufferPointer, baseOffset: UInt64 = 0) {
        self.bytes = bytes
        self.position = 0
        self.baseOffset = baseOffset
    }

    /// The file offset of the next byte.
    var offset: UInt64 { baseOffset + UInt64(position) }

    func failure(_ reason: String) -> ThriftError {
        ThriftError(offset: offset, reason: reason)
    }

    // MARK: Scalars

    mutating func readByte() throws(ThriftError) -> UInt8 {
        guard position < bytes.count else { throw failure("the metadata ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    /// An unsigned LEB128 varint of at most 10 bytes.
    mutating func readVarint() throws(ThriftError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw failure("a varint longer than 10 bytes") }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func readI64() throws(ThriftError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func readI32() throws(ThriftError) -> Int32 {
        let value = try readI64()
        guard let narrow = Int32(exactly: value) else { throw failure("i32 value \(value) out of range") }
        return narrow
    }

    mutating func readBinary() throws(ThriftError) -> UnsafeRawBufferPointer {
        let length = try readVarint()
        guard length <= UInt64(bytes.count - position) else {
            throw failure("a string of \(length) bytes runs past the metadata's end")
        }
        let start = position
        position += Int(length)
        return UnsafeRawBufferPointer(rebasing: bytes[start..<position])
    }

    mutating func readString() throws(ThriftError) -> String {
        String(decoding: try readBinary(), as: UTF8.self)
    }

    // MARK: Structs

    /// Enters a nested struct: field ids restart from 0.
    mutating func beginStruct() throws(ThriftError) {
        guard lastFieldIDs.count < Self.maximumDepth else { throw failure("metadata nested deeper than \(Self.maximumDepth) levels") }
        lastFieldIDs.append(lastFieldID)
        lastFieldID = 0
    }

    mutating func endStruct() {
        lastFieldID = lastFieldIDs.popLast() ?? 0
    }

    /// The next field's header, or `nil` at the struct's stop byte.
    mutating func readFieldHeader() throws(ThriftError) -> FieldHeader? {
        let byte = try readByte()
        guard let type = TypeCode(rawValue: byte & 0x0f) else { throw failure("unknown field type \(byte & 0x0f)") }
        if type == .stop { return nil }
        let delta = Int16(byte >> 4)
        if delta == 0 {
            let raw = try readI64()
            guard let id = Int16(exactly: raw) else { throw failure("field id \(raw) out of range") }
            lastFieldID = id
        } else {
            lastFieldID &+= delta
        }
        return FieldHeader(id: lastFieldID, type: type)
    }

    /// The value of a bool field (held in its header's type).
    func bool(_ header: FieldHeader) throws(ThriftError) -> Bool {
        switch header.type {
        case .boolTrue: return true
        case .boolFalse: return false
        default: throw failure("field \(header.id) should be a bool")
        }
    }

    /// Reads a struct field by field, calling `field` for each; unknown fields must be skipped by it.
    mutating func readStruct(_ field: (inout ThriftCompactReader, FieldHeader) throws(ThriftError) -> Void) throws(ThriftError) {
        try beginStruct()
        while let header = try readFieldHeader() {
            try field(&self, header)
        }
        endStruct()
    }

    /// A list header: element type and count (bounded by the bytes left: every element takes one).
    mutating func readListHeader() throws(ThriftError) -> (type: TypeCode, count: Int) {
        let byte = try readByte()
        guard let type = TypeCode(rawValue: byte & 0x0f) else { throw failure("unknown list element type \(byte & 0x0f)") }
        var count = UInt64(byte >> 4)
        if count == 15 { count = try readVarint() }
        guard count <= UInt64(bytes.count - position) else { throw failure("a list of \(count) elements runs past the metadata's end") }
        return (type, Int(count))
    }

    /// Checks that a field has the expected type before it is read.
    func expect(_ header: FieldHeader, _ type: TypeCode) throws(ThriftError) {
        let matches = header.type == type
            || (type == .boolTrue && header.type == .boolFalse)
            || (type == .i64 && (header.type == .i32 || header.type == .i16))
            || (type == .i32 && header.type == .i16)
        guard matches else { throw failure("field \(header.id) has type \(header.type) where \(type) was expected") }
    }

    /// Skips a field's value of any type.
    mutating func skip(_ type: TypeCode) throws(ThriftError) {
        switch type {
        case .stop, .boolTrue, .boolFalse:
            return
        case .byte:
            _ = try readByte()
        case .i16, .i32, .i64:
            _ = try readVarint()
        case .double:
            guard bytes.count - position >= 8 else { throw failure("the metadata ends early") }
            position += 8
        case .binary:
            _ = try readBinary()
        case .list, .set:
            let (element, count) = try readListHeader()
            try beginStruct()
            for _ in 0..<count {
                if element == .boolTrue || element == .boolFalse { _ = try readByte() } else { try skip(element) }
            }
            endStruct()
        case .map:
            let count = try readVarint()
            guard count <= UInt64(bytes.count - position) else { throw failure("a map of \(count) entries runs past the metadata's end") }
            guard count > 0 else { return }
            let types = try readByte()
            guard let key = TypeCode(rawValue: types >> 4), let value = TypeCode(rawValue: types & 0x0f) else {
                throw failure("unknown map types")
            }
            try beginStruct()
            for _ in 0..<count {
                try skipElement(key)
                try skipElement(value)
            }
            endStruct()
        case .structure:
            try beginStruct()
            while let header = try readFieldHeader() { try skip(header.type) }
            endStruct()
        }
    }

    /// Skips a list or map element (bools there take a byte).
    private mutating func skipElement(_ type: TypeCode) throws(ThriftError) {
        if type == .boolTrue || type == .boolFalse { _ = try readByte() } else { try skip(type) }
    }
}

/// Where and why compact-protocol bytes could not be read.
struct ThriftError: Error, Equatable {
    var offset: UInt64
    var reason: String
}
