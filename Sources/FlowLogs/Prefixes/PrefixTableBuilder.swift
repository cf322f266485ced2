/// Resolves the entries of a file into the answers a `PrefixTable` serves.
///
/// It works on flat arrays of integers: names are ids (`PrefixNames`), and the entries of each
/// family are sorted once by (first address, last address descending, place in the file). That
/// puts the entries of one CIDR block side by side, in file order (the winner is the strongest
/// service of the run, the first listed among equals), and the blocks in the order the interval
/// sweep wants (outer before inner at the same start). Blocks are numbered in the order they first
/// appear in the file, IPv4 first.
struct PrefixTableBuilder {
    var serviceRegions: [ServiceRegion] = [.notAWS]
    var serviceCounts: [String: PrefixEntryCount] = [:]
    var regionCounts: [String: PrefixEntryCount] = [:]
    var records: [PrefixRecord]
    var ipv4: IntervalIndex<UInt32>
    var ipv6: IntervalIndex<UInt128>

    init(_ contents: PrefixFileContents) {
        let names = contents.names
        (serviceCounts, regionCounts) = Self.counts(contents)
        let ranks = NameRanks(names)
        let runs4 = FamilyRuns(contents.ipv4, ranks: ranks)
        let runs6 = FamilyRuns(contents.ipv6, ranks: ranks)

        // The distinct answers (service, region, border group of the winners), sorted after not-AWS.
        var answerOf: [UInt64: Int] = [:]
        var answers: [ServiceRegion] = []
        func answerNumbers(of family: FamilyRuns, _ entries: [PrefixFileEntry]) -> [Int] {
            family.runs.map { run in
                let entry = entries[run.winner]
                // Ids are below 2^21 (a name takes a few bytes of a file of at most 64 MB): three fit.
                let key = UInt64(entry.service) << 42 | UInt64(entry.region) << 21 | UInt64(entry.networkBorderGroup)
                if let known = answerOf[key] { return known }
                answerOf[key] = answers.count
                answers.append(ServiceRegion(service: names[Int(entry.service)], region: names[Int(entry.region)],
                                             networkBorderGroup: names[Int(entry.networkBorderGroup)]))
                return answers.count - 1
            }
        }
        var answer4 = answerNumbers(of: runs4, contents.ipv4), answer6 = answerNumbers(of: runs6, contents.ipv6)
        let sorted = answers.indices.sorted { answers[$0] < answers[$1] }
        var indexOfAnswer = [Int](repeating: 0, count: answers.count)
        for (position, answer) in sorted.enumerated() { indexOfAnswer[answer] = position + 1 }
        serviceRegions += sorted.map { answers[$0] }
        for run in answer4.indices { answer4[run] = indexOfAnswer[answer4[run]] }
        for run in answer6.indices { answer6[run] = indexOfAnswer[answer6[run]] }

        // The records, numbered in the order their blocks first appear (IPv4 first).
        var services = ServiceLists(names: names, ranks: ranks)
        let numbers4 = runs4.recordNumbers(from: 0)
        let numbers6 = runs6.recordNumbers(from: runs4.runs.count)
        var records: [PrefixRecord] = []
        records.reserveCapacity(runs4.runs.count + runs6.runs.count)
        func appendRecords(_ family: FamilyRuns, _ entries: [PrefixFileEntry], _ numbers: FamilyRuns.RecordNumbers,
                           _ answer: [Int]) {
            for run in numbers.inFileOrder {
                let entry = entries[family.runs[run].winner]
                records.append(PrefixRecord(prefix: entry.prefix, serviceRegionIndex: answer[run],
                                            services: services.list(family.entryIndices(of: run), entries)))
            }
        }
        appendRecords(runs4, contents.ipv4, numbers4, answer4)
        appendRecords(runs6, contents.ipv6, numbers6, answer6)
        self.records = records
        ipv4 = IntervalIndex(sortedBlocks: runs4.runs.indices.map { run in
            let prefix = contents.ipv4[runs4.runs[run].winner].prefix
            return .init(first: UInt32(truncatingIfNeeded: prefix.first.value), last: UInt32(truncatingIfNeeded: prefix.last.value),
                         record: Int32(numbers4.numberOfRun[run]), serviceRegion: UInt32(answer4[run]))
        })
        ipv6 = IntervalIndex(sortedBlocks: runs6.runs.indices.map { run in
            let prefix = contents.ipv6[runs6.runs[run].winner].prefix
            return .init(first: prefix.first.value, last: prefix.last.value,
                         record: Int32(numbers6.numberOfRun[run]), serviceRegion: UInt32(answer6[run]))
        })
    }

    /// How many entries list each service and each region, by family.
    static func counts(_ contents: PrefixFileContents) -> (services: [String: PrefixEntryCount], regions: [String: PrefixEntryCount]) {
        var services = [PrefixEntryCount](repeating: .init(), count: contents.names.count)
        var regions = services
        for entry in contents.ipv4 {
            services[Int(entry.service)].ipv4 += 1
            regions[Int(entry.region)].ipv4 += 1
        }
        for entry in contents.ipv6 {
            services[Int(entry.service)].ipv6 += 1
            regions[Int(entry.region)].ipv6 += 1
        }
        func named(_ counts: [PrefixEntryCount]) -> [String: PrefixEntryCount] {
            var result: [String: PrefixEntryCount] = [:]
            for (id, count) in counts.enumerated() where count.total > 0 { result[contents.names[id]] = count }
            return result
        }
        return (named(services), named(regions))
    }
}

/// Each name's place in the two orders loading needs, so that comparing two names is comparing
/// two integers.
struct NameRanks {
    /// `ServicePrecedence` order: a lower rank wins (an id used as a service).
    let precedence: [Int32]
    /// Alphabetical order (`String`'s `<`).
    let alphabetical: [Int32]

    init(_ names: [String]) {
        func ranks(_ ascending: (Int, Int) -> Bool) -> [Int32] {
            var result = [Int32](repeating: 0, count: names.count)
            for (rank, id) in names.indices.sorted(by: ascending).enumerated() { result[id] = Int32(rank) }
            return result
        }
        precedence = ranks { ServicePrecedence.prefers(names[$0], over: names[$1]) }
        alphabetical = ranks { names[$0] < names[$1] }
    }
}

/// The entries of one family grouped by CIDR block: each block is a run of the sorted order.
struct FamilyRuns {
    /// One CIDR block: its entries are `order[start..<end]`, in file order.
    struct Run {
        var start: Int
        var end: Int
        /// The entry whose service wins (an index into the family's entries).
        var winner: Int
    }

    /// Entry indices sorted by block (first address, then prefix length), then file order.
    let order: [Int32]
    /// The blocks in the sort order, which is the order `IntervalIndex` wants.
    let runs: [Run]
    let ranks: NameRanks

    init(_ entries: [PrefixFileEntry], ranks: NameRanks) {
        self.ranks = ranks
        let order = Self.sortedOrder(entries)
        self.order = order
        var runs: [Run] = []
        var start = 0
        while start < order.count {
            let prefix = entries[Int(order[start])].prefix
            var end = start + 1, winner = Int(order[start])
            while end < order.count, entries[Int(order[end])].prefix == prefix {
                let candidate = Int(order[end])
                if ranks.precedence[Int(entries[candidate].service)] < ranks.precedence[Int(entries[winner].service)] {
                    winner = candidate
                }
                end += 1
            }
            runs.append(Run(start: start, end: end, winner: winner))
            start = end
        }
        self.runs = runs
    }

    /// The entry indices sorted by first address, then prefix length (outer blocks first), then
    /// place in the file. Each entry becomes one integer, sorted as such (several times faster than
    /// sorting structs by a closure): IPv4 `first << 32 | length << 24 | index`, exact; IPv6 the
    /// top 96 bits of `first` in place of `first`, so blocks longer than /96 that differ only in
    /// the low 32 bits tie, and each run of ties is sorted again by the full comparison.
    static func sortedOrder(_ entries: [PrefixFileEntry]) -> [Int32] {
        // A 64 MB file holds fewer than a million entries: the index takes 24 bits.
        precondition(entries.count < 1 << 24, "more entries than the file size limit allows")
        let indexMask = (1 << 24) - 1
        if entries.allSatisfy(\.prefix.address.isIPv4) {
            var keys = entries.indices.map { index in
                UInt64(truncatingIfNeeded: entries[index].prefix.first.value) << 32
                    | UInt64(entries[index].prefix.length) << 24 | UInt64(index)
            }
            keys.sort()
            return keys.map { Int32(Int(truncatingIfNeeded: $0) & indexMask) }
        }
        var keys = entries.indices.map { index in
            entries[index].prefix.first.value & ~UInt128(UInt32.max)
                | UInt128(entries[index].prefix.length) << 24 | UInt128(index)
        }
        keys.sort()
        var order = keys.map { Int32(Int(truncatingIfNeeded: $0) & indexMask) }
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count, keys[end] >> 32 == keys[start] >> 32 { end += 1 }
            if end - start > 1 {
                order[start..<end].sort { lhs, rhs in
                    let (left, right) = (entries[Int(lhs)].prefix, entries[Int(rhs)].prefix)
                    if left.first != right.first { return left.first < right.first }
                    return left.length != right.length ? left.length < right.length : lhs < rhs
                }
            }
            start = end
        }
        return order
    }

    /// Record numbers for the runs, in the order their blocks first appear in the file.
    struct RecordNumbers {
        /// The record number of each run (by its index in `runs`).
        var numberOfRun: [Int]
        /// The runs by record number (from the first number given).
        var inFileOrder: [Int]
    }

    /// Numbers the runs from `firstNumber` in the order of their first entries in the file.
    func recordNumbers(from firstNumber: Int) -> RecordNumbers {
        // A run's first entry in the sorted order is its first in the file.
        var runStartingAt = [Int32](repeating: -1, count: order.count)
        for (position, run) in runs.enumerated() { runStartingAt[Int(order[run.start])] = Int32(position) }
        var numbers = RecordNumbers(numberOfRun: [Int](repeating: 0, count: runs.count), inFileOrder: [])
        numbers.inFileOrder.reserveCapacity(runs.count)
        for run in runStartingAt where run >= 0 {
            numbers.numberOfRun[Int(run)] = firstNumber + numbers.inFileOrder.count
            numbers.inFileOrder.append(Int(run))
        }
        return numbers
    }

    /// The indices of a run's entries, in file order.
    func entryIndices(of run: Int) -> ArraySlice<Int32> {
        order[runs[run].start..<runs[run].end]
    }
}

/// The `services` list of each record, made once per distinct set of names: thousands of blocks
/// share a few dozen sets, so they share their arrays too.
struct ServiceLists {
    let names: [String]
    let ranks: NameRanks
    /// The list of a block listed under one service, by its id.
    private var single: [[String]?]
    /// The lists of blocks listed under two or three services, by their ids (21 bits each).
    private var few: [UInt64: [String]] = [:]
    private var many: [[UInt32]: [String]] = [:]
    /// The distinct service ids of the block at hand, in name order (reused).
    private var distinct: [UInt32] = []

    init(names: [String], ranks: NameRanks) {
        self.names = names
        self.ranks = ranks
        single = Array(repeating: nil, count: names.count)
    }

    /// The distinct service names of some entries, sorted by name.
    /// - Parameters:
    ///   - indices: the entries of one block (indices into `entries`).
    ///   - entries: the entries of its family.
    mutating func list(_ indices: ArraySlice<Int32>, _ entries: [PrefixFileEntry]) -> [String] {
        distinct.removeAll(keepingCapacity: true)
        for index in indices {
            // Insertion into a list of one to a few names, in alphabetical rank.
            let service = entries[Int(index)].service, rank = ranks.alphabetical[Int(service)]
            var position = distinct.count
            while position > 0, ranks.alphabetical[Int(distinct[position - 1])] > rank { position -= 1 }
            if position > 0, distinct[position - 1] == service { continue }
            distinct.insert(service, at: position)
        }
        if distinct.count == 1 {
            if let known = single[Int(distinct[0])] { return known }
            let list = [names[Int(distinct[0])]]
            single[Int(distinct[0])] = list
            return list
        }
        if distinct.count <= 3 {
            let key = distinct.reduce(UInt64(0)) { $0 << 21 | UInt64($1 + 1) }
            if let known = few[key] { return known }
            let list = distinct.map { names[Int($0)] }
            few[key] = list
            return list
        }
        if let known = many[distinct] { return known }
        let list = distinct.map { names[Int($0)] }
        many[distinct] = list
        return list
    }
}
