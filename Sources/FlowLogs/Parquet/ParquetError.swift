/// Why a Parquet flow-log file was not read, or not read to its end. What was read before
/// damage still counts, in complete rows only.
public enum ParquetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Shorter than the magic bytes and footer length a Parquet file ends with.
    case tooShort(size: UInt64)
    /// The file does not end with `PAR1` (truncated, or still being written).
    case missingFooterMagic(size: UInt64)
    /// The footer length in the last 8 bytes does not fit the file.
    case badFooterLength(length: UInt64, size: UInt64)
    /// The footer's Thrift metadata cannot be read.
    case corruptFooter(offset: UInt64, reason: String)
    /// A feature flowscan does not read (a codec, an encoding, a type, nesting, encryption).
    case unsupported(String)
    /// A row group larger than the memory bound.
    case rowGroupTooLarge(index: Int, bytes: UInt64, limit: UInt64)
    /// A page (or its header) of a column that cannot be read.
    case corruptPage(column: String, offset: UInt64, reason: String)
    /// A page whose values run past its end.
    case valuesPastPageEnd(column: String, offset: UInt64)
    /// Standard input or a pipe: Parquet's footer is read first, which needs a seekable file.
    case notSeekable
    /// `pread(2)` failed.
    case readFailed(offset: UInt64, reason: String)

    /// True for files that are not read at all (skipped), false for damage.
    public var isRefusal: Bool {
        switch self {
        case .unsupported, .rowGroupTooLarge, .notSeekable: return true
        default: return false
        }
    }

    /// Column names and reasons come from the file: their control characters are escaped.
    public var description: String { TerminalText.safe(wording) }

    private var wording: String {
        let counted = "; rows before it were counted"
        switch self {
        case let .tooShort(size):
            return "parquet file of \(size) bytes ends before its footer (truncated?)"
        case let .missingFooterMagic(size):
            return "parquet file without its footer: no PAR1 in the last 4 of \(size) bytes (truncated or still being written?)"
        case let .badFooterLength(length, size):
            return "parquet footer length \(length) at byte \(size >= 8 ? size - 8 : 0) does not fit a file of \(size) bytes (truncated?)"
        case let .corruptFooter(offset, reason):
            return "corrupt parquet footer at byte \(offset): \(reason)"
        case let .unsupported(what):
            return "\(what); flowscan reads flat Parquet files with GZIP, SNAPPY or no compression (convert the file, e.g. with pyarrow, or deliver text)"
        case let .rowGroupTooLarge(index, bytes, limit):
            return "parquet row group \(index) holds \(bytes) bytes, more than the \(limit)-byte memory bound; rewrite the file with smaller row groups"
        case let .corruptPage(column, offset, reason):
            return "corrupt parquet page of column '\(column)' at byte \(offset): \(reason)" + counted
        case let .valuesPastPageEnd(column, offset):
            return "parquet page of column '\(column)' at byte \(offset): values run past the end of the page" + counted
        case .notSeekable:
            return "parquet from standard input or a pipe is not read (its footer comes first): save it to a file"
        case let .readFailed(offset, reason):
            return "read failed at byte \(offset): \(reason)" + counted
        }
    }
}
