import Foundation

/// Writes flow logs of a made-up but realistic VPC whose NAT traffic is known exactly: NAT
/// gateway interfaces with their four legs per connection (DOMAIN.md §2), instance interfaces,
/// S3 through a gateway endpoint, a bastion behind an internet gateway, east-west traffic,
/// rejected scans, NODATA and SKIPDATA, IPv6 — in the default format and a v5 custom format,
/// laid out as S3 delivers them. Used for SampleLogs, the benchmarks and tests whose expected
/// figures come from the generator, not from the analysis.
public struct SyntheticVPC: Sendable {
    /// Which record formats the files use.
    public enum FormatPlan: String, Sendable, CaseIterable {
        /// Every file in the default (version 2) format.
        case `default`
        /// Every file in a version-5 custom format with pkt-* addresses, traffic-path and flow-direction.
        case v5
        /// The first half of the time in the default format, then a new flow log in the v5 format.
        case both
    }

    /// Which interfaces' records the files hold.
    public enum LoggedInterfaces: String, Sendable, CaseIterable {
        case all
        case nat
        case instances
    }

    public struct Options: Sendable {
        public var seed: UInt64 = 1
        /// Unix seconds of the first 5-minute file (rounded down to 5 minutes).
        public var start: UInt64 = 1_795_478_400  // 2026-11-24T00:00:00Z
        public var minutes = 120
        public var connectionsPerFile = 20
        public var region = "us-east-1"
        public var account = "123456789012"
        public var natGateways = 2
        public var instances = 12
        /// Distinct internet hosts (beyond the well-known ones) to draw destinations from.
        public var internetHosts = 50
        public var formats = FormatPlan.both
        /// Which interfaces the flow log covers: the whole VPC, only the NAT gateways', or only the instances'.
        public var interfaces = LoggedInterfaces.all
        public var compress = true
        public var compressionLevel: Int32 = 6
        /// Write Parquet (`….log.parquet`, GZIP pages, AWS's column types) instead of text; `compress` is then unused.
        public var parquet = false

        public init() {}
    }

    /// Where a VPC sits in a generated bucket (``SyntheticBucket``). The default is the lone VPC of a
    /// one-region bucket, which writes what `generate` wrote before buckets existed.
    public struct Placement: Sendable {
        /// Position of the VPC in the bucket; 0 keeps the lone VPC's fixed flow-log ids and IPv6 block.
        public var index = 0
        /// Position of the VPC in its account: its private range is 10.N.0.0/16.
        public var indexInAccount = 0
        /// The bucket's regions, in order: they choose the VPC's AWS prefixes and its cross-region peer.
        public var bucketRegions: [String] = []

        public init(index: Int = 0, indexInAccount: Int = 0, bucketRegions: [String] = []) {
            self.index = index
            self.indexInAccount = indexInAccount
            self.bucketRegions = bucketRegions
        }

        /// The position of `region` among the bucket's regions when there are several, else 0.
        func regionIndex(_ region: String) -> Int {
            bucketRegions.count > 1 ? bucketRegions.firstIndex(of: region) ?? 0 : 0
        }
    }

    public let options: Options
    public let placement: Placement
    let layout: SyntheticLayout

    public init(options: Options, placement: Placement = Placement()) {
        self.options = options
        self.placement = placement
        layout = SyntheticLayout(options: options, placement: placement)
    }

    /// The VPC's id (`vpc-…`), as its v5 records carry it.
    public var vpcID: String { String(decoding: layout.vpcID, as: UTF8.self) }

    /// The ids of the flow log in the default format and of the one in the v5 format (`fl-…`, 17 hex
    /// digits): fixed for the bucket's first VPC, derived from the VPC's seed for the others.
    public var flowLogIDs: (default: String, v5: String) {
        guard placement.index > 0 else { return ("fl-0a4b1d6c8e2f9b3a7", "fl-0b5c2e7d9a1f3c6e4") }
        var random = SplitMix64(seed: options.seed ^ 0xF10_0106)
        func id() -> String {
            let digits = String(random.next(), radix: 16)
            return "fl-0" + String(repeating: "0", count: 16 - digits.count) + digits
        }
        return (id(), id())
    }

    /// The private range of the VPC's addresses: 10.N.0.0/16 for the N-th VPC of its account.
    public var privateRange: String { "10.\(placement.indexInAccount).0.0/16" }

    /// The AZ ids of the VPC's subnets (one per NAT gateway, at least one), sorted.
    public var availabilityZones: [String] {
        Set((layout.gateways + layout.instances.map(\.interface) + [layout.idle]).map { String(decoding: $0.azID, as: UTF8.self) }).sorted()
    }

    /// The number of 5-minute files.
    public var fileCount: Int { max(1, options.minutes / 5) }

    /// Writes every file under `directory` (S3 layout) and returns what they hold.
    /// Files are generated in parallel; each from its own seed, so the output does not depend on scheduling.
    public func write(to directory: String) throws -> SyntheticTruth {
        let count = fileCount
        let results = UnsafeMutableBufferPointer<Result<SyntheticTruth, Error>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let base = UnsafeSendable(results)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            base.value[index] = Result { try writeFile(index, to: directory) }
        }
        var truth = SyntheticTruth(region: options.region)
        for index in 0..<count {
            truth.merge(try results[index]!.get())
        }
        return truth
    }

    /// The path (under the output directory) and the content of file `index`.
    func file(_ index: Int) -> (path: String, text: [UInt8], truth: SyntheticTruth) {
        var generator = SyntheticFileGenerator(vpc: self, index: index)
        let text = generator.generate()
        return (generator.relativePath, text, generator.truth)
    }

    private func writeFile(_ index: Int, to directory: String) throws -> SyntheticTruth {
        let (relative, text, truth) = file(index)
        let path = directory + "/" + relative + (options.parquet ? ".parquet" : options.compress ? ".gz" : "")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let bytes: [UInt8]
        if options.parquet {
            // The generator's numbers always fit AWS's types, so the conversion cannot fail.
            guard let file = ParquetWriter.file(fromFlowLogText: text, level: options.compressionLevel) else {
                throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: path])
            }
            bytes = file
        } else {
            bytes = options.compress ? GzipWriter.compress(text, level: options.compressionLevel) : text
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return truth
    }
}

/// What the generated files hold, counted as they were written: the expected answer.
public struct SyntheticTruth: Sendable {
    public var region: String
    public var files = 0
    public var lines = 0
    /// NAT-processed bytes per "SERVICE REGION", each byte once.
    public var natBytesOut: [String: UInt64] = [:]
    public var natBytesIn: [String: UInt64] = [:]
    /// NAT-processed bytes per NAT gateway interface id.
    public var gatewayBytes: [String: UInt64] = [:]
    /// Bytes between instances and AWS through the S3 gateway endpoint, and through the internet gateway.
    public var gatewayEndpointBytes: UInt64 = 0
    public var internetGatewayBytes: UInt64 = 0
    /// The flow-log ids (`fl-…`) in the files' names.
    public var flowLogs: Set<String> = []
    public var firstStart = UInt64.max
    public var lastEnd: UInt64 = 0
    public var skipData = 0
    public var noData = 0

    public init(region: String) {
        self.region = region
    }

    public var natBytes: UInt64 { natBytesOut.values.reduce(0, +) + natBytesIn.values.reduce(0, +) }

    public mutating func merge(_ other: SyntheticTruth) {
        files += other.files
        lines += other.lines
        flowLogs.formUnion(other.flowLogs)
        for (key, value) in other.natBytesOut { natBytesOut[key, default: 0] += value }
        for (key, value) in other.natBytesIn { natBytesIn[key, default: 0] += value }
        for (key, value) in other.gatewayBytes { gatewayBytes[key, default: 0] += value }
        gatewayEndpointBytes += other.gatewayEndpointBytes
        internetGatewayBytes += other.internetGatewayBytes
        firstStart = min(firstStart, other.firstStart)
        lastEnd = max(lastEnd, other.lastEnd)
        skipData += other.skipData
        noData += other.noData
    }

    /// The truth as JSON (SampleLogs/expected.json).
    public func json() -> String {
        var json = JSONWriter()
        json.object { json in fields(into: &json) }
        return json.text + "\n"
    }

    /// The members of `json()`, into an object being written; without `region` when the caller wrote it.
    func fields(into json: inout JSONWriter, region writeRegion: Bool = true) {
        if writeRegion { json.field("region", region) }
        json.field("files", files)
        json.field("lines", lines)
        json.field("window_start", firstStart)
        json.field("window_end", lastEnd)
        json.field("nat_bytes", natBytes)
        json.field("destinations") { json in
            let keys = Set(natBytesOut.keys).union(natBytesIn.keys).sorted()
            json.array(keys) { json, key in
                json.inline { json in
                    json.object { json in
                        let parts = key.split(separator: " ").map(String.init)
                        json.field("service", parts[0])
                        json.field("region", parts[1])
                        json.field("bytes_out", natBytesOut[key] ?? 0)
                        json.field("bytes_in", natBytesIn[key] ?? 0)
                    }
                }
            }
        }
        json.field("gateways") { json in
            json.array(gatewayBytes.keys.sorted()) { json, key in
                json.inline { json in
                    json.object { json in
                        json.field("interface_id", key)
                        json.field("bytes", gatewayBytes[key] ?? 0)
                    }
                }
            }
        }
        json.field("gateway_endpoint_bytes", gatewayEndpointBytes)
        json.field("internet_gateway_bytes", internetGatewayBytes)
        json.field("nodata", noData)
        json.field("skipdata", skipData)
    }
}

extension SyntheticVPC {
    /// The ip-ranges.json describing the AWS prefixes the generator uses (real AWS prefixes).
    public static func ipRangesJSON(region: String) -> String {
        ipRangesJSON(regions: [region])
    }

    /// The ip-ranges.json of a bucket whose VPCs are in `regions` (in the bucket's order): every
    /// region's own prefixes (see ``SyntheticBucket``); for one region, the same as `ipRangesJSON(region:)`.
    public static func ipRangesJSON(regions: [String]) -> String {
        SyntheticCatalog.ipRangesJSON(regions: regions, createDate: "2026-11-23-18-05-12", syncToken: "1795543512")
    }
}

/// AWS region codes.
public enum RegionCode {
    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`…
    public static func isValid(_ text: String) -> Bool { RegionHint.looksLikeRegion(text) }
}
