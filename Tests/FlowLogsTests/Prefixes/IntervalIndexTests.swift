import Testing
@testable import FlowLogs

/// The interval index against a linear scan, on synthetic tables full of nested blocks.
struct IntervalIndexTests {
    @Test(arguments: [1, 2, 3, 4, 5])
    func nestedRandomBlocksMatchALinearScan(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let services = ["AMAZON", "EC2", "S3", "DYNAMODB", "CLOUDFRONT", "NEW_THING"]
        var entries: [PrefixFixtures.Entry] = []
        var seen = Set<String>()
        // Blocks crowded into 10.0.0.0/12 and 2600:1f00::/28 so they nest deeply, plus a few anywhere.
        for index in 0..<400 {
            let ipv6 = index % 2 == 1
            let base = ipv6 ? IPPrefix("2600:1f00::/28")! : IPPrefix("10.0.0.0/12")!
            let anywhere = random.below(10) == 0
            let within = anywhere ? IPPrefix(address: IPAddress(value: 0), length: 0)! : base
            var address = random.address(in: within)
            if !ipv6, anywhere { address = IPAddress(ipv4: UInt32(truncatingIfNeeded: random.next())) }
            if ipv6, anywhere { address = IPAddress(value: UInt128(random.next()) << 64 | 1) }
            guard address.isIPv4 == !ipv6 else { continue }
            let maximum = ipv6 ? 128 : 32
            let length = anywhere ? random.below(maximum + 1) : (ipv6 ? 28 : 12) + random.below(maximum - (ipv6 ? 27 : 11))
            let prefix = IPPrefix(address: address, length: length)!
            let service = services[random.below(services.count)]
            guard seen.insert("\(prefix) \(service)").inserted else { continue }
            let region = ["us-east-1", "eu-west-1"][random.below(2)]
            entries.append(.init(prefix.description, service, region))
            // Often list the same block again under another service, as AWS does.
            let other = services[random.below(services.count)]
            if random.below(2) == 0, seen.insert("\(prefix) \(other)").inserted {
                entries.append(.init(prefix.description, other, region))
            }
        }
        let table = try PrefixFixtures.table(entries)
        let reference = PrefixReference(entries: entries.map {
            PrefixReference.Entry(IPPrefix($0.cidr)!, service: $0.service, region: $0.region, group: $0.region)
        })
        let probes = PrefixReference.probes(around: table.prefixes, random: &random)
        let mismatches = reference.mismatches(table, probes)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func intervalsOfNestedBlocks() {
        // 10.0.0.0/8 → 1, 10.1.0.0/16 → 2, 10.1.0.0/24 → 3 (same start), 10.255.255.255/32 → 4 (same end).
        let blocks: [IntervalIndex<UInt32>.Block] = [
            .init(first: 0x0a01_0000, last: 0x0a01_ffff, record: 1, serviceRegion: 2),
            .init(first: 0x0a00_0000, last: 0x0aff_ffff, record: 0, serviceRegion: 1),
            .init(first: 0x0aff_ffff, last: 0x0aff_ffff, record: 3, serviceRegion: 4),
            .init(first: 0x0a01_0000, last: 0x0a01_00ff, record: 2, serviceRegion: 3),
        ]
        let index = IntervalIndex(blocks: blocks)
        #expect(index.starts == [0, 0x0a00_0000, 0x0a01_0000, 0x0a01_0100, 0x0a02_0000, 0x0aff_ffff, 0x0b00_0000])
        #expect(index.serviceRegions == [0, 1, 3, 2, 1, 4, 0])
        #expect(index.records == [-1, 0, 2, 1, 0, 3, -1])
        #expect(index.interval(containing: 0x0a01_00ff) == 2)
        #expect(index.interval(containing: 0xffff_ffff) == 6)
        #expect(index.interval(containing: 0) == 0)
    }

    @Test func anEmptyIndexAnswersNothing() {
        let index = IntervalIndex<UInt128>(blocks: [])
        #expect(index.starts == [0])
        #expect(index.interval(containing: .max) == 0)
        #expect(index.serviceRegions == [0])
    }
}
