/// The memory bound of Parquet reading: a row group's compressed column chunks are held in
/// memory while its rows are read, with one decompressed page and one dictionary per column.
public struct ParquetLimits: Sendable, Equatable {
    /// The most compressed bytes a row group may declare (all its column chunks together).
    public var maximumRowGroupBytes: UInt64 = 256 << 20
    /// The most bytes one page (or dictionary page) may declare, compressed or not.
    public var maximumPageBytes: UInt64 = 64 << 20

    public init() {}
}

/// A leaf column of a flat Parquet schema that flowscan reads.
struct ParquetColumn: Equatable {
    enum ValueType: Equatable {
        case int32, int64, byteArray
    }

    /// The column's name in the file (`account_id`).
    var name: String
    var type: ValueType
    /// True for `optional` columns (nulls allowed, definition levels present).
    var isOptional: Bool
}

extension ParquetColumn {
    /// The flow-log field name of the column: AWS writes the field names with `_` for `-`
    /// (`account_id` → `account-id`). Names of no field are kept as they are (opaque columns).
    var fieldName: String {
        if FlowField.byName[name] != nil { return name }
        let dashed = String(name.map { $0 == "_" ? "-" : $0 })
        return FlowField.byName[dashed] != nil ? dashed : name
    }
}
