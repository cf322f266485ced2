import CZlib

/// Reads the values of one column chunk, page after page, and writes each as text into a row
/// line: the column half of turning Parquet rows into flow-log lines.
///
/// Holds the chunk's compressed bytes, one decompressed page and the dictionary (rendered as
/// text once, so dictionary-encoded values are copies). Pages are decoded lazily: definition
/// levels and indices one value at a time.
final class ParquetColumnCursor {
    let column: ParquetColumn
    private let codec: Int32
    private let limits: ParquetLimits
    private let inflater: GzipInflater
    /// The chunk's bytes and where they start in the file.
    private let chunk: UnsafeMutableRawBufferPointer
    private let chunkOffset: UInt64
    private var position = 0
    /// Values of the chunk in pages not loaded yet.
    private var valuesLeft: Int64

    /// The current page, decompressed (its values; v1 pages also hold the levels).
    private var page: UnsafeMutableRawBufferPointer
    private var pageOffset: UInt64 = 0
    private var pageValuesLeft = 0
    private var levels: HybridRLEDecoder
    private var indices: HybridRLEDecoder
    private var dictionaryEncoded = false
    private var plainPosition = 0
    private var plainEnd = 0

    private var dictionaryText: UnsafeMutableRawBufferPointer
    private var dictionaryStarts: [Int] = []
    private var dictionarySpaces: [Bool] = []
    private var hasDictionary = false

    /// - Parameters:
    ///   - chunk: the chunk's bytes, owned by the cursor from now on (freed with it).
    ///   - offset: where the chunk starts in the file (for messages).
    init(column: ParquetColumn, codec: Int32, valueCount: Int64, chunk: UnsafeMutableRawBufferPointer,
         offset: UInt64, limits: ParquetLimits, inflater: GzipInflater) {
        self.column = column
        self.codec = codec
        self.limits = limits
        self.inflater = inflater
        self.chunk = chunk
        self.chunkOffset = offset
        valuesLeft = valueCount
        page = .allocate(byteCount: 1, alignment: 8)
        dictionaryText = .allocate(byteCount: 1, alignment: 8)
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        levels = try! HybridRLEDecoder(empty, bitWidth: 0)
        indices = try! HybridRLEDecoder(empty, bitWidth: 0)
    }

    deinit {
        chunk.deallocate()
        page.deallocate()
        dictionaryText.deallocate()
    }

    /// Writes the next value (or `-` for a null) as the next column of `line`.
    /// - Throws: `ParquetError` at a corrupt page or values past a page's end.
    @inline(__always)
    func appendValue(to line: inout ParquetRowLine) throws(ParquetError) {
        while pageValuesLeft == 0 { try loadPage() }
        pageValuesLeft -= 1
        line.beginValue()
        if column.isOptional {
            let level: UInt32
            do { level = try levels.next() } catch { throw failure(error) }
            if level == 0 {
                line.appendNull()
                return
            }
            guard level == 1 else { throw corrupt("definition level \(level) in a flat column (at most 1)") }
        }
        if dictionaryEncoded {
            let index: Int
            do { index = Int(try indices.next()) } catch { throw failure(error) }
            guard index + 1 < dictionaryStarts.count else {
                throw corrupt("dictionary index \(index) with \(dictionaryStarts.count - 1) entries")
            }
            let start = dictionaryStarts[index], end = dictionaryStarts[index + 1]
            line.append(UnsafeRawBufferPointer(rebasing: dictionaryText[start..<end]), hasSpace: dictionarySpaces[index])
            return
        }
        switch column.type {
        case .int32:
            guard plainEnd - plainPosition >= 4 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
            let value = Int32(littleEndian: page.loadUnaligned(fromByteOffset: plainPosition, as: Int32.self))
            plainPosition += 4
            line.append(Int64(value))
        case .int64:
            guard plainEnd - plainPosition >= 8 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
            let value = Int64(littleEndian: page.loadUnaligned(fromByteOffset: plainPosition, as: Int64.self))
            plainPosition += 8
            line.append(value)
        case .byteArray:
            guard plainEnd - plainPosition >= 4 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
            let length = Int(UInt32(littleEndian: page.loadUnaligned(fromByteOffset: plainPosition, as: UInt32.self)))
            plainPosition += 4
            guard length <= plainEnd - plainPosition else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
            let text = UnsafeRawBufferPointer(rebasing: page[plainPosition..<plainPosition + length])
            plainPosition += length
            line.append(text, hasSpace: ParquetRowLine.containsSpace(text))
        }
    }

    // MARK: Pages

    private func corrupt(_ reason: String) -> ParquetError {
        .corruptPage(column: column.name, offset: pageOffset, reason: reason)
    }

    private func failure(_ error: HybridRLEDecoder.Failure) -> ParquetError {
        error.pastEnd ? .valuesPastPageEnd(column: column.name, offset: pageOffset) : corrupt(error.reason)
    }

    /// Reads page headers until a data page with values is loaded.
    private func loadPage() throws(ParquetError) {
        pageOffset = chunkOffset + UInt64(position)
        guard valuesLeft > 0 else { throw corrupt("more rows than the column chunk's values") }
        guard position < chunk.count else {
            throw corrupt("the column chunk ends with \(valuesLeft) values not read")
        }
        let header: ParquetPageHeader
        do {
            header = try ParquetPageHeader(UnsafeRawBufferPointer(rebasing: chunk[position...]), baseOffset: pageOffset)
        } catch {
            throw .corruptPage(column: column.name, offset: error.offset, reason: "page header: \(error.reason)")
        }
        let bodyStart = position + header.headerSize
        guard header.compressedSize >= 0, header.uncompressedSize >= 0 else { throw corrupt("negative page size") }
        guard Int(header.compressedSize) <= chunk.count - bodyStart else {
            throw corrupt("a page of \(header.compressedSize) bytes runs past the column chunk's end")
        }
        guard UInt64(header.uncompressedSize) <= limits.maximumPageBytes, UInt64(header.compressedSize) <= limits.maximumPageBytes else {
            throw corrupt("a page of \(max(header.uncompressedSize, header.compressedSize)) bytes, more than the \(limits.maximumPageBytes)-byte bound")
        }
        let body = UnsafeRawBufferPointer(rebasing: chunk[bodyStart..<bodyStart + Int(header.compressedSize)])
        position = bodyStart + Int(header.compressedSize)
        if let crc = header.crc {
            let computed = UInt32(truncatingIfNeeded: crc32(0, body.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(body.count)))
            guard computed == UInt32(bitPattern: crc) else { throw corrupt("page checksum mismatch") }
        }
        switch ParquetPageHeader.Kind(rawValue: header.kind) {
        case .dictionary:
            try loadDictionary(header, body: body)
        case .index:
            return
        case .data:
            try loadDataPageV1(header, body: body)
        case .dataV2:
            try loadDataPageV2(header, body: body)
        case nil:
            throw corrupt("unknown page type \(header.kind)")
        }
    }

    private func checkValueCount(_ header: ParquetPageHeader) throws(ParquetError) {
        guard header.valueCount >= 0 else { throw corrupt("negative value count") }
        guard Int64(header.valueCount) <= valuesLeft else {
            throw corrupt("a page of \(header.valueCount) values where the chunk has \(valuesLeft) left")
        }
        valuesLeft -= Int64(header.valueCount)
        pageValuesLeft = Int(header.valueCount)
    }

    private func loadDataPageV1(_ header: ParquetPageHeader, body: UnsafeRawBufferPointer) throws(ParquetError) {
        try decompress(body, size: Int(header.uncompressedSize))
        try checkValueCount(header)
        var valuesStart = 0
        if column.isOptional {
            guard header.definitionLevelEncoding == ParquetVocabulary.Encoding.rle.rawValue else {
                throw .unsupported("definition levels encoded as \(ParquetVocabulary.encodingName(header.definitionLevelEncoding)) in column '\(column.name)'")
            }
            guard Int(header.uncompressedSize) >= 4 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
            let length = Int(UInt32(littleEndian: page.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
            guard length <= Int(header.uncompressedSize) - 4 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
            do {
                levels = try HybridRLEDecoder(UnsafeRawBufferPointer(rebasing: page[4..<4 + length]), bitWidth: 1)
            } catch { throw failure(error) }
            valuesStart = 4 + length
        }
        try startValues(encoding: header.encoding, from: valuesStart, to: Int(header.uncompressedSize))
    }

    private func loadDataPageV2(_ header: ParquetPageHeader, body: UnsafeRawBufferPointer) throws(ParquetError) {
        let repetition = Int(header.repetitionLevelsLength), definition = Int(header.definitionLevelsLength)
        guard repetition >= 0, definition >= 0, repetition + definition <= body.count,
              repetition + definition <= Int(header.uncompressedSize) else {
            throw corrupt("level lengths \(repetition) and \(definition) do not fit a page of \(body.count) bytes")
        }
        guard repetition == 0 else { throw .unsupported("repetition levels in column '\(column.name)' (nested data)") }
        let values = UnsafeRawBufferPointer(rebasing: body[(repetition + definition)...])
        let valuesSize = Int(header.uncompressedSize) - repetition - definition
        if header.isCompressed {
            try decompress(values, size: valuesSize)
        } else {
            guard values.count == valuesSize else { throw corrupt("uncompressed values of \(values.count) bytes, \(valuesSize) declared") }
            try copy(values)
        }
        try checkValueCount(header)
        if column.isOptional {
            do {
                levels = try HybridRLEDecoder(UnsafeRawBufferPointer(rebasing: body[repetition..<repetition + definition]), bitWidth: 1)
            } catch { throw failure(error) }
        }
        try startValues(encoding: header.encoding, from: 0, to: valuesSize)
    }

    private func startValues(encoding: Int32, from start: Int, to end: Int) throws(ParquetError) {
        switch ParquetVocabulary.Encoding(rawValue: encoding) {
        case .plain:
            dictionaryEncoded = false
            plainPosition = start
            plainEnd = end
        case .plainDictionary, .rleDictionary:
            guard hasDictionary else { throw corrupt("dictionary-encoded values without a dictionary page") }
            guard start < end else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
            dictionaryEncoded = true
            do {
                indices = try HybridRLEDecoder(UnsafeRawBufferPointer(rebasing: page[(start + 1)..<end]), bitWidth: Int(page[start]))
            } catch { throw failure(error) }
        default:
            throw .unsupported("values encoded as \(ParquetVocabulary.encodingName(encoding)) in column '\(column.name)'")
        }
    }

    private func loadDictionary(_ header: ParquetPageHeader, body: UnsafeRawBufferPointer) throws(ParquetError) {
        guard ParquetVocabulary.Encoding(rawValue: header.encoding) == .plain
                || ParquetVocabulary.Encoding(rawValue: header.encoding) == .plainDictionary else {
            throw .unsupported("a dictionary encoded as \(ParquetVocabulary.encodingName(header.encoding)) in column '\(column.name)'")
        }
        guard header.valueCount >= 0 else { throw corrupt("negative dictionary size") }
        try decompress(body, size: Int(header.uncompressedSize))
        let size = Int(header.uncompressedSize)
        let count = Int(header.valueCount)
        // Rendered text: at most 20 bytes per number, the bytes themselves for strings.
        let textCapacity: Int
        switch column.type {
        case .int32:
            guard count <= size / 4 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
            textCapacity = count * 11
        case .int64:
            guard count <= size / 8 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
            textCapacity = count * 20
        case .byteArray:
            guard count <= size / 4 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
            textCapacity = size
        }
        dictionaryText.deallocate()
        dictionaryText = .allocate(byteCount: max(1, textCapacity), alignment: 8)
        dictionaryStarts = [0]
        dictionaryStarts.reserveCapacity(count + 1)
        dictionarySpaces = []
        dictionarySpaces.reserveCapacity(count)
        var written = 0
        var cursor = 0
        let text = dictionaryText.baseAddress!.assumingMemoryBound(to: UInt8.self)
        for _ in 0..<count {
            var hasSpace = false
            switch column.type {
            case .int32:
                let value = Int32(littleEndian: page.loadUnaligned(fromByteOffset: cursor, as: Int32.self))
                cursor += 4
                ParquetRowLine.writeDecimal(Int64(value), to: text + written, count: &written)
            case .int64:
                let value = Int64(littleEndian: page.loadUnaligned(fromByteOffset: cursor, as: Int64.self))
                cursor += 8
                ParquetRowLine.writeDecimal(value, to: text + written, count: &written)
            case .byteArray:
                guard size - cursor >= 4 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
                let length = Int(UInt32(littleEndian: page.loadUnaligned(fromByteOffset: cursor, as: UInt32.self)))
                cursor += 4
                guard length <= size - cursor else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
                let bytes = UnsafeRawBufferPointer(rebasing: page[cursor..<cursor + length])
                hasSpace = ParquetRowLine.containsSpace(bytes)
                if length > 0 { (text + written).update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length) }
                written += length
                cursor += length
            }
            dictionaryStarts.append(written)
            dictionarySpaces.append(hasSpace)
        }
        hasDictionary = true
    }

    /// Decompresses `body` into `page`, which then holds exactly `size` bytes.
    private func decompress(_ body: UnsafeRawBufferPointer, size: Int) throws(ParquetError) {
        switch ParquetVocabulary.Codec(rawValue: codec) {
        case .uncompressed:
            guard body.count == size else { throw corrupt("uncompressed page of \(body.count) bytes, \(size) declared") }
            try copy(body)
        case .gzip:
            reservePage(size + 1)
            inflater.reset()
            let step = inflater.inflate(body, into: UnsafeMutableRawBufferPointer(rebasing: page[0..<size + 1]))
            if let message = step.error { throw corrupt("gzip: \(message)") }
            guard step.memberEnded else { throw corrupt("gzip data ends early or holds more than the \(size) bytes declared") }
            guard step.produced == size else { throw corrupt("gzip data holds \(step.produced) bytes, \(size) declared") }
        case .snappy:
            reservePage(size)
            do {
                try SnappyDecoder.decode(body, into: UnsafeMutableRawBufferPointer(rebasing: page[0..<size]))
            } catch {
                throw corrupt(error.reason)
            }
        default:
            throw .unsupported("pages compressed with \(ParquetVocabulary.codecName(codec)) in column '\(column.name)'")
        }
    }

    private func copy(_ body: UnsafeRawBufferPointer) throws(ParquetError) {
        reservePage(body.count)
        if !body.isEmpty { page.baseAddress!.copyMemory(from: body.baseAddress!, byteCount: body.count) }
    }

    private func reservePage(_ size: Int) {
        guard page.count < size else { return }
        page.deallocate()
        page = .allocate(byteCount: max(size, 2 * page.count), alignment: 8)
    }
}
