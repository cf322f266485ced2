/// Resolves the entries of a file into the answers a `PrefixTable` serves.
///
/// It works on flat arrays of integers: names are ids (`PrefixNames`), and the entries of each
/// family are sorted once by (first address, prefix length, place in the file). That
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
