/// Entry points for the benchmarks (`flowscan-bench`), which measure parts of the pipeline alone.
public enum BenchmarkSupport {
    /// Decompresses `path` with the reader flowscan uses, discarding the bytes.
    /// - Returns: the decompressed size (0 when the file cannot be read).
    public static func inflate(_ path: String) -> UInt64 {
        guard let reader = try? DecodingReader(path: path) else { return 0 }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FlowLogFileReader.chunkCapacity, alignment: 64)
        defer { buffer.deallocate() }
        var total: UInt64 = 0
        while let count = try? reader.read(into: buffer), count > 0 { total += UInt64(count) }
        return total
    }
}
