import CZlib

/// Reads the values of one column chunk, page after page, a batch of rows at a time: the column
/// half of Parquet's columnar reading.
///
/// Each value becomes an *entry* (`codes[row]`; entry 0 is the null): the dictionary's entries are
/// made once per chunk, a plain value's entry once per batch. An entry holds the value as the record
/// parser would read its text: a number, an address or keyword parsed from a string (once per
/// dictionary entry: the strings of a column repeat), its state (valid, null, invalid…) and its
/// length as text. Strings, and numbers of columns read as text, are bytes of the row group's
/// `ParquetTextArena`, so the parser's token table can point at them.
///
/// Holds the chunk's compressed bytes, one decompressed page and the entries; levels and indices
/// are decoded a batch at a time (nothing ahead of the batch).
final class ParquetColumnCursor {
    /// How a column's values are read, from its physical type and the parser's slot.
    enum Reading {
        /// An INT32 or INT64 column of a numeric field: the integer is the value.
        case number
        /// Bytes (a string, or an integer written in decimal) the record keeps as text.
        case text
        /// Bytes parsed as the field's value (an address, a keyword, a number in a string).
        case parsed
    }

    private(set) var column = ParquetColumn(name: "", type: .int32, isOptional: false)
    private(set) var index = 0
    private(set) var slot = RecordParser.Slot.text
    private(set) var reading = Reading.text
    private var codec: Int32 = 0
    private var limits = ParquetLimits()
    private let inflater: GzipInflater
    private let arena: ParquetTextArena
    /// The chunk's bytes (`chunk`, in `chunkStorage`) and where they start in the file.
    private var chunkStorage: UnsafeMutableRawBufferPointer
    private var chunk: UnsafeMutableRawBufferPointer
    private var chunkOffset: UInt64 = 0
    private var position = 0
    /// Values of the chunk in pages not loaded yet.
    private var valuesLeft: Int64 = 0
    private var dataPageSeen = false

    /// The current page, decompressed (its values; v1 pages also hold the levels).
    private var page: UnsafeMutableRawBufferPointer
    private var pageOffset: UInt64 = 0
    private var pageValuesLeft = 0
    private var levels: HybridRLEDecoder
    private var indices: HybridRLEDecoder
    private var dictionaryEncoded = false
    private var plainPosition = 0
    private var plainEnd = 0
    private var hasDictionary = false

    /// The entry of each row of the batch (`batchCapacity` of them), 0 for a null.
    let codes: UnsafeMutablePointer<UInt32>
    let batchCapacity: Int
    /// A batch's definition levels and dictionary indices, as decoded.
    private let levelBuffer: UnsafeMutablePointer<UInt32>
    private let indexBuffer: UnsafeMutablePointer<UInt32>
    /// How many values of the batch `decode(_:)` has read (also when it throws).
    private(set) var decoded = 0
    /// Entry 0 is the null, entries `1..<keptEntries` are the dictionary's; the batch's plain
    /// values follow.
    private(set) var keptEntries = 1
    private(set) var entryCount = 1
    private var entryCapacity = 0
    /// The integers of integer columns.
    private(set) var ints: UnsafeMutablePointer<Int64>
    /// Where the bytes of columns with bytes start and end in the arena.
    private(set) var starts: UnsafeMutablePointer<Int>
    private(set) var ends: UnsafeMutablePointer<Int>
    /// The value as a text line would hold it: its length (1 for `-`) and state.
    private(set) var lengths: UnsafeMutablePointer<Int32>
    private(set) var states: UnsafeMutablePointer<ParquetValueState>
    /// What the value does to its row, from its state: the row's problem code
    /// (`ParquetRowBatch.problems`, `noProblem` for none) and the record's presence bit it sets
    /// (`keywordPresence` added for keywords, which are stored by `FlowRecord.set(_:bits:)`).
    private(set) var problems: UnsafeMutablePointer<Int32>
    private(set) var presences: UnsafeMutablePointer<UInt32>
    static let keywordPresence: UInt32 = 1 << 31
    /// The longest text of the chunk's entries, and whether one of them has a problem (bounds
    /// that spare the rows per-row lengths and problems when no row can have either).
    private(set) var longestEntry = 1
    private(set) var hasProblems = false
    /// What parsed columns parsed to (`FlowRecord.set(_:bits:)`'s bits).
    private(set) var bits: UnsafeMutablePointer<UInt128>
    /// Plain values of parsed columns met recently (`memoCount`, direct-mapped by their bytes):
    /// plain pages repeat addresses and keywords as dictionaries would.
    private let memos: UnsafeMutablePointer<ParsedMemo>
    static let memoCount = AddressMemos.count

    struct ParsedMemo {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var length = -1
        var state = ParquetValueState.null
        var bits: UInt128 = 0
    }

    /// A cursor for the columns at one position, chunk after chunk, file after file (its buffers
    /// are kept and grown as needed).
    /// - Parameter arena: where text values go (the row batch's).
    init(inflater: GzipInflater, arena: ParquetTextArena, batchCapacity: Int) {
        self.inflater = inflater
        self.arena = arena
        self.batchCapacity = batchCapacity
        chunkStorage = .allocate(byteCount: 1, alignment: 8)
        chunk = chunkStorage
        page = .allocate(byteCount: 1, alignment: 8)
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        levels = try! HybridRLEDecoder(empty, bitWidth: 0)
        indices = try! HybridRLEDecoder(empty, bitWidth: 0)
        codes = .allocate(capacity: batchCapacity)
        levelBuffer = .allocate(capacity: batchCapacity)
        indexBuffer = .allocate(capacity: batchCapacity)
        ints = .allocate(capacity: 1)
        starts = .allocate(capacity: 1)
        ends = .allocate(capacity: 1)
        lengths = .allocate(capacity: 1)
        states = .allocate(capacity: 1)
        problems = .allocate(capacity: 1)
        presences = .allocate(capacity: 1)
        bits = .allocate(capacity: 1)
        memos = .allocate(capacity: Self.memoCount)
        memos.initialize(repeating: ParsedMemo(), count: Self.memoCount)
        reserveEntries(1 + batchCapacity)
    }

    deinit {
        chunkStorage.deallocate()
        page.deallocate()
        codes.deallocate()
        levelBuffer.deallocate()
        indexBuffer.deallocate()
        ints.deallocate()
        starts.deallocate()
        ends.deallocate()
        lengths.deallocate()
        states.deallocate()
        problems.deallocate()
        presences.deallocate()
        bits.deallocate()
        memos.deallocate()
    }

    /// Starts a column chunk: forgets the previous one (its pages, dictionary and entries).
    /// - Parameters:
    ///   - index: the column's position in the format.
    ///   - slot: what the parser does with the column.
    ///   - chunkSize: the chunk's compressed bytes, which the caller reads into the buffer returned.
    ///   - offset: where the chunk starts in the file (for messages).
    /// - Returns: the buffer for the chunk's bytes, valid until the next `start`.
    func start(column: ParquetColumn, index: Int, slot: RecordParser.Slot, codec: Int32, valueCount: Int64,
               chunkSize: Int, offset: UInt64, limits: ParquetLimits) -> UnsafeMutableRawBufferPointer {
        self.column = column
        self.index = index
        self.slot = slot
        if column.type != .byteArray, slot.isNumeric {
            reading = .number
        } else {
            reading = slot == .text ? .text : .parsed
        }
        self.codec = codec
        self.limits = limits
        if chunkStorage.count < chunkSize {
            chunkStorage.deallocate()
            chunkStorage = .allocate(byteCount: max(chunkSize, 2 * chunkStorage.count), alignment: 8)
        }
        chunk = UnsafeMutableRawBufferPointer(rebasing: chunkStorage[0..<chunkSize])
        chunkOffset = offset
        position = 0
        valuesLeft = valueCount
        dataPageSeen = false
        pageOffset = offset
        pageValuesLeft = 0
        dictionaryEncoded = false
        plainPosition = 0
        plainEnd = 0
        hasDictionary = false
        decoded = 0
        longestEntry = 1
        hasProblems = false
        reserveEntries(1 + batchCapacity)
        if reading == .parsed { memos.update(repeating: ParsedMemo(), count: Self.memoCount) }
        return chunk
    }

    /// Room for `capacity` entries, keeping only the null (called before any other entry is made).
    private func reserveEntries(_ capacity: Int) {
        if entryCapacity < capacity {
            entryCapacity = max(capacity, 2 * entryCapacity)
            ints.deallocate()
            ints = .allocate(capacity: entryCapacity)
            starts.deallocate()
            starts = .allocate(capacity: entryCapacity)
            ends.deallocate()
            ends = .allocate(capacity: entryCapacity)
            lengths.deallocate()
            lengths = .allocate(capacity: entryCapacity)
            states.deallocate()
            states = .allocate(capacity: entryCapacity)
            problems.deallocate()
            problems = .allocate(capacity: entryCapacity)
            presences.deallocate()
            presences = .allocate(capacity: entryCapacity)
            bits.deallocate()
            bits = .allocate(capacity: entryCapacity)
        }
        // The null: `-` in a text line.
        ints[0] = 0
        starts[0] = 0
        ends[0] = 1
        lengths[0] = 1
        states[0] = .null
        problems[0] = ParquetRowBatch.noProblem
        presences[0] = 0
        bits[0] = 0
        keptEntries = 1
        entryCount = 1
    }

    // MARK: Batches

    /// Reads the column's next `count` values (at most `batchCapacity`) into `codes`, and makes
    /// the entries of its plain values. When it throws, `decoded` values were read and their
    /// entries are made.
    /// - Throws: `ParquetError` at a corrupt page or values past a page's end.
    func decode(_ count: Int) throws(ParquetError) {
        entryCount = keptEntries
        decoded = 0
        defer { classify(keptEntries..<entryCount) }
        while decoded < count {
            if pageValuesLeft == 0 {
                try loadPage()
                continue
            }
            let run = min(count - decoded, pageValuesLeft)
            pageValuesLeft -= run
            try decodeRun(run)
        }
    }

    /// Reads `run` values of the current page: their levels first, then their values; `decoded`
    /// ends after the last row whose level and value were read.
    private func decodeRun(_ run: Int) throws(ParquetError) {
        let first = decoded
        let codes = self.codes + first, levels = levelBuffer, indices = indexBuffer
        // Levels: rows whose level is read; a failure comes after the values of those rows.
        var rows = run, levelFailure: HybridRLEDecoder.Failure?
        var present = run
        if column.isOptional {
            var produced = 0
            do { try self.levels.next(into: levels, count: run, produced: &produced) } catch {
                levelFailure = error
                rows = produced
            }
            // Levels of bit width 1 are 0 or 1 (the decoder checks run values against the width).
            present = 0
            for row in 0..<rows { present &+= Int(levels[row]) }
        }
        if dictionaryEncoded {
            var produced = 0, indexFailure: HybridRLEDecoder.Failure?
            let entries = UInt32(truncatingIfNeeded: keptEntries - 1)
            guard column.isOptional else {
                // Every row has a value: the indices go straight into the codes (entry = index + 1).
                do { try self.indices.next(into: codes, count: rows, produced: &produced) } catch { indexFailure = error }
                var largest: UInt32 = 0
                for row in 0..<produced { largest = max(largest, codes[row]) }
                if largest >= entries, let row = (0..<produced).first(where: { codes[$0] >= entries }) {
                    decoded = first + row
                    throw corrupt("dictionary index \(codes[row]) with \(entries) entries")
                }
                for row in 0..<produced { codes[row] &+= 1 }
                decoded = first + produced
                if let indexFailure { throw failure(indexFailure) }
                return
            }
            do { try self.indices.next(into: indices, count: present, produced: &produced) } catch { indexFailure = error }
            var next = 0
            for row in 0..<rows {
                if levels[row] == 0 {
                    codes[row] = 0
                    continue
                }
                guard next < produced else {
                    decoded = first + row
                    throw failure(indexFailure!)
                }
                let index = indices[next]
                guard index < entries else {
                    decoded = first + row
                    throw corrupt("dictionary index \(index) with \(entries) entries")
                }
                codes[row] = index &+ 1
                next += 1
            }
        } else {
            try decodePlain(rows, first: first, levels: levels)
        }
        decoded = first + rows
        if let levelFailure { throw failure(levelFailure) }
    }

    /// Reads the PLAIN values of `rows` rows (those whose level is 1) as new entries.
    private func decodePlain(_ rows: Int, first: Int, levels: UnsafeMutablePointer<UInt32>) throws(ParquetError) {
        let codes = self.codes + first, optional = column.isOptional
        let page = UnsafeRawPointer(self.page.baseAddress!), end = plainEnd
        let firstEntry = entryCount, runStart = plainPosition
        var position = runStart, entry = firstEntry
        defer {
            plainPosition = position
            entryCount = entry
        }
        switch column.type {
        case .int32, .int64:
            let width = column.type == .int32 ? 4 : 8
            let ints = self.ints
            for row in 0..<rows {
                if optional, levels[row] == 0 {
                    codes[row] = 0
                    continue
                }
                guard end - position >= width else {
                    decoded = first + row
                    throw .valuesPastPageEnd(column: column.name, offset: pageOffset)
                }
                ints[entry] = width == 4
                    ? Int64(Int32(littleEndian: page.loadUnaligned(fromByteOffset: position, as: Int32.self)))
                    : Int64(littleEndian: page.loadUnaligned(fromByteOffset: position, as: Int64.self))
                position += width
                codes[row] = UInt32(truncatingIfNeeded: entry)
                entry += 1
            }
            if reading != .number {
                for rendered in firstEntry..<entry {
                    starts[rendered] = arena.appendDecimal(ints[rendered])
                    ends[rendered] = arena.count
                }
            }
        case .byteArray:
            // Offsets in the page first; the run's bytes then go to the arena in one copy.
            let starts = self.starts, ends = self.ends
            var failure: ParquetError?
            for row in 0..<rows {
                if optional, levels[row] == 0 {
                    codes[row] = 0
                    continue
                }
                guard end - position >= 4 else {
                    decoded = first + row
                    failure = .valuesPastPageEnd(column: column.name, offset: pageOffset)
                    break
                }
                let length = Int(UInt32(littleEndian: page.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
                guard length <= end - position - 4 else {
                    decoded = first + row
                    failure = .valuesPastPageEnd(column: column.name, offset: pageOffset)
                    break
                }
                starts[entry] = position + 4
                ends[entry] = position + 4 + length
                position += 4 + length
                codes[row] = UInt32(truncatingIfNeeded: entry)
                entry += 1
            }
            let shift = arena.append(UnsafeRawBufferPointer(start: page + runStart, count: position - runStart)) - runStart
            for moved in firstEntry..<entry {
                starts[moved] += shift
                ends[moved] += shift
            }
            if let failure { throw failure }
        }
    }

    /// An integer entry; columns read as bytes get its decimal text too.
    private func store(_ value: Int64, at entry: Int) {
        ints[entry] = value
        guard reading != .number else { return }
        starts[entry] = arena.appendDecimal(value)
        ends[entry] = arena.count
    }

    /// Gives `entries` their state, text length, (parsed columns) value, and what they do to
    /// their rows.
    private func classify(_ entries: Range<Int>) {
        classifyValues(entries)
        let states = self.states, problems = self.problems, presences = self.presences, lengths = self.lengths
        let presence = reading == .text ? 0 : FlowRecord.presenceBit(of: slot) | (slot.isKeyword ? Self.keywordPresence : 0)
        let separatorProblem = Int32(index), valueProblem = Int32(RecordParser.maximumFields + index)
        var longest = Int32(longestEntry)
        defer { longestEntry = Int(longest) }
        for entry in entries {
            longest = max(longest, lengths[entry])
            switch states[entry] {
            case .value:
                problems[entry] = ParquetRowBatch.noProblem
                presences[entry] = presence
            case .null:
                problems[entry] = ParquetRowBatch.noProblem
                presences[entry] = 0
            case .separator:
                problems[entry] = separatorProblem
                presences[entry] = 0
                hasProblems = true
            case .invalid, .control:
                problems[entry] = valueProblem
                presences[entry] = 0
                hasProblems = true
            }
        }
    }

    private func classifyValues(_ entries: Range<Int>) {
        let lengths = self.lengths, states = self.states
        switch reading {
        case .number:
            let maximum = slot.maximum, ints = self.ints
            for entry in entries {
                let value = ints[entry]
                lengths[entry] = ParquetDecimal.length(value)
                states[entry] = value >= 0 && UInt64(value) <= maximum ? .value : .invalid
            }
        case .text, .parsed:
            let starts = self.starts, ends = self.ends, bits = self.bits, memos = self.memos
            let text = arena.base.assumingMemoryBound(to: UInt8.self)
            for entry in entries {
                let count = ends[entry] - starts[entry]
                guard count > 0 else {
                    starts[entry] = 0
                    ends[entry] = 1
                    lengths[entry] = 1
                    states[entry] = .null
                    continue
                }
                lengths[entry] = Int32(clamping: count)
                let token = text + starts[entry]
                guard reading == .parsed, count <= 16 else {
                    states[entry] = classify(token, count: count, bits: bits + entry)
                    continue
                }
                // Parsed before? The bytes (up to sixteen) are their own key.
                let head = LineWord.load(token, at: 0, count: count)
                let tail = count > 8 ? LineWord.load(token, at: 8, count: count) : 0
                let memo = memos + AddressMemos.slot(head: head, tail: tail)
                if memo.pointee.length == count, memo.pointee.head == head, memo.pointee.tail == tail {
                    states[entry] = memo.pointee.state
                    bits[entry] = memo.pointee.bits
                } else {
                    let state = classify(token, count: count, bits: bits + entry)
                    states[entry] = state
                    memo.pointee = ParsedMemo(head: head, tail: tail, length: count, state: state, bits: bits[entry])
                }
            }
        }
    }

    /// The state of a value's bytes as the text parser reads them (its parsed value in `bits`):
    /// `-` is a null, a separator or a control character breaks the row, anything else is text
    /// or parsed as the slot says.
    private func classify(_ token: UnsafePointer<UInt8>, count: Int, bits: UnsafeMutablePointer<UInt128>) -> ParquetValueState {
        let stop = RecordParser.tokenEnd(token, from: 0, count: count)
        if stop < count { return token[stop] == ASCII.space || token[stop] == ASCII.tab ? .separator : .control }
        if count == 1, token[0] == ASCII.dash { return .null }
        guard reading == .parsed else { return .value }
        let parsed: UInt128?
        if slot.isNumeric {
            parsed = RecordParser.decimal(token, count, maximum: slot.maximum).map { UInt128($0) }
        } else if slot.isAddress {
            if let v4 = IPAddress.parseIPv4(token, count) {
                parsed = IPAddress(ipv4: v4).value
            } else {
                parsed = RecordParser.ipv6Bits(token, count)
            }
        } else {
            parsed = RecordParser.keywordBits(slot, token, count)
        }
        guard let parsed else { return .invalid }
        bits.pointee = parsed
        return .value
    }

    /// The text of an entry with bytes, or of an integer entry, for a message (cut to 64 bytes).
    func shown(_ entry: Int, markCut: Bool) -> String {
        if reading == .number { return String(ints[entry]) }
        let bytes = UnsafeRawBufferPointer(start: arena.base + starts[entry], count: ends[entry] - starts[entry])
        return String(decoding: bytes.prefix(64), as: UTF8.self) + (markCut && bytes.count > 64 ? "…" : "")
    }

    /// The first byte of an entry that is a space or below.
    func firstSeparator(_ entry: Int) -> UInt8 {
        let token = arena.base.assumingMemoryBound(to: UInt8.self) + starts[entry]
        return token[RecordParser.tokenEnd(token, from: 0, count: ends[entry] - starts[entry])]
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
            dataPageSeen = true
            try loadDataPageV1(header, body: body)
        case .dataV2:
            dataPageSeen = true
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
        // Entries made from data pages would be lost: a chunk's dictionary is its first page.
        guard !hasDictionary, !dataPageSeen else { throw corrupt("a dictionary page after the column chunk's first page") }
        guard header.valueCount >= 0 else { throw corrupt("negative dictionary size") }
        try decompress(body, size: Int(header.uncompressedSize))
        let size = Int(header.uncompressedSize)
        let count = Int(header.valueCount)
        switch column.type {
        case .int32: guard count <= size / 4 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
        case .int64: guard count <= size / 8 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
        case .byteArray: guard count <= size / 4 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
        }
        reserveEntries(1 + count + batchCapacity)
        // Strings: the page's bytes go to the arena whole; entries point between the lengths.
        let base = column.type == .byteArray ? arena.append(UnsafeRawBufferPointer(rebasing: page[0..<size])) : 0
        var cursor = 0
        for entry in stride(from: 1, through: count, by: 1) {
            switch column.type {
            case .int32:
                store(Int64(Int32(littleEndian: page.loadUnaligned(fromByteOffset: cursor, as: Int32.self))), at: entry)
                cursor += 4
            case .int64:
                store(Int64(littleEndian: page.loadUnaligned(fromByteOffset: cursor, as: Int64.self)), at: entry)
                cursor += 8
            case .byteArray:
                guard size - cursor >= 4 else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
                let length = Int(UInt32(littleEndian: page.loadUnaligned(fromByteOffset: cursor, as: UInt32.self)))
                cursor += 4
                guard length <= size - cursor else { throw .valuesPastPageEnd(column: column.name, offset: pageOffset) }
                starts[entry] = base + cursor
                ends[entry] = base + cursor + length
                cursor += length
            }
        }
        keptEntries = 1 + count
        entryCount = keptEntries
        classify(1..<keptEntries)
        arena.keep()
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
