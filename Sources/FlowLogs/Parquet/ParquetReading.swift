/// What one worker keeps from Parquet file to Parquet file: a cursor per column position (its
/// chunk, page and entry buffers, grown as needed) and the row batch, so that reading a file
/// allocates (and the kernel zeroes) no new memory once the first files are read. Nothing is
/// allocated until a Parquet file is read.
final class ParquetReading {
    private lazy var inflater = GzipInflater()
    private var batch: ParquetRowBatch?
    private var cursors: [ParquetColumnCursor] = []

    /// The batch for rows of `fieldCount` columns (made anew when the count changes, its cursors
    /// with it).
    func batch(fieldCount: Int) -> ParquetRowBatch {
        if let batch, batch.fieldCount == fieldCount { return batch }
        let made = ParquetRowBatch(fieldCount: fieldCount)
        batch = made
        cursors = []
        return made
    }

    /// The first `count` cursors, writing text to the arena of the last `batch(fieldCount:)`.
    func cursors(_ count: Int) -> [ParquetColumnCursor] {
        guard let batch else { preconditionFailure("cursors before a batch") }
        while cursors.count < count {
            cursors.append(ParquetColumnCursor(inflater: inflater, arena: batch.arena, batchCapacity: ParquetRowBatch.capacity))
        }
        return Array(cursors.prefix(count))
    }
}
