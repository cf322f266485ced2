import Foundation
import Testing
@testable import FlowLogs

/// `flowscan generate` with several accounts, regions and VPCs: the layout, the truth per scope,
/// the per-region prefixes, determinism, and that one VPC alone is what it was before buckets.
@Suite struct SyntheticBucketTests {
    /// The issue's bucket, small: three accounts in two regions, two VPCs in the first account.
    static func issueBucket(seed: UInt64 = 5, formats: SyntheticVPC.FormatPlan = .both, compress: Bool = false) throws -> SyntheticBucket {
        var options = SyntheticBucket.Options()
        options.vpc.seed = seed
        options.vpc.minutes = 20
        options.vpc.connectionsPerFile = 30
        options.vpc.formats = formats
        options.vpc.compress = compress
        options.accounts = 3
        options.regions = ["us-east-1", "eu-west-1"]
        options.vpcsPerAccount = [2, 1, 1]
        return try SyntheticBucket(options: options)
    }

    /// Every file under `directory`, relative to it, sorted.
    static func files(_ directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)!
        var found: [String] = []
        while let name = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue { found.append(name) }
        }
        return found.sorted()
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func accountsAreSpreadOverTheRegionsRoundRobinWithTheirVPCs() throws {
        let bucket = try Self.issueBucket()
        #expect(bucket.vpcs.map(\.options.account) == ["123456789012", "123456789012", "234567900123", "345679011234"])
        #expect(bucket.vpcs.map(\.options.region) == ["us-east-1", "us-east-1", "eu-west-1", "us-east-1"])
        #expect(bucket.vpcs.map(\.privateRange) == ["10.0.0.0/16", "10.1.0.0/16", "10.0.0.0/16", "10.0.0.0/16"])
        #expect(Set(bucket.vpcs.map(\.vpcID)).count == 4)
        #expect(Set(bucket.vpcs.map(\.options.seed)).count == 4)
        #expect(bucket.vpcs.allSatisfy { SyntheticBucket.isAccountID($0.options.account) })
        // Each VPC's gateways and instances are its own.
        let interfaces = bucket.vpcs.flatMap { vpc in (vpc.layout.gateways + vpc.layout.instances.map(\.interface)).map(\.id) }
        #expect(Set(interfaces).count == interfaces.count)
    }

    @Test func aThousandAccountsHaveDistinctTwelveDigitIDs() throws {
        let accounts = (0..<1000).map { SyntheticBucket.account(first: 999_999_999_990, index: $0) }
        #expect(Set(accounts).count == 1000)
        #expect(accounts.allSatisfy(SyntheticBucket.isAccountID))
        #expect(accounts[0] == "999999999990")
        #expect(accounts[1] == "111111111101")
    }

    @Test func filesLieInTheS3LayoutOfTheirAccountAndRegionAndRecordsSayWhoseTheyAre() throws {
        let bucket = try Self.issueBucket()
        let directory = TemporaryDirectory()
        let truths = try bucket.write(to: directory.url.path)
        let files = Self.files(directory.url.path)
        #expect(files.count == truths.map(\.files).reduce(0, +))
        #expect(files.count == 4 * 4)
        var flowLogsByScope: [String: Set<String>] = [:]
        var linesByScope: [String: Int] = [:]
        for file in files {
            let parts = file.split(separator: "/").map(String.init)
            #expect(parts.count == 8, "\(file)")
            let (account, region) = (parts[1], parts[3])
            #expect(parts[0] == "AWSLogs" && parts[2] == "vpcflowlogs" && parts[4...6] == ["2026", "11", "24"], "\(file)")
            let name = parts[7].split(separator: "_").map(String.init)
            #expect(name.count == 6 && name[0] == account && name[1] == "vpcflowlogs" && name[2] == region, "\(file)")
            #expect(name[3].hasPrefix("fl-0") && name[3].count == 20, "\(file)")
            #expect(name[4].hasPrefix("20261124T") && name[4].hasSuffix("Z") && name[5].hasSuffix(".log"), "\(file)")
            let text = try String(contentsOfFile: directory.path(file), encoding: .utf8)
            let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            let header = lines[0]
            let accountField = try #require(header.firstIndex(of: "account-id"))
            let vpcField = header.firstIndex(of: "vpc-id"), regionField = header.firstIndex(of: "region")
            let vpcs = Set(lines.dropFirst().compactMap { row in vpcField.map { row[$0] } })
            #expect(lines.dropFirst().allSatisfy { $0[accountField] == account }, "\(file)")
            #expect(lines.dropFirst().allSatisfy { regionField == nil || $0[regionField!] == region || $0[regionField!] == "-" }, "\(file)")
            // The flow log tells which VPC wrote the file; v5 records name it too.
            let owner = try #require(bucket.vpcs.first { $0.flowLogIDs.default == name[3] || $0.flowLogIDs.v5 == name[3] }, "\(file)")
            #expect(owner.options.account == account && owner.options.region == region)
            if vpcField != nil { #expect(vpcs == [owner.vpcID], "\(file)") }
            #expect((header.count == 14) == (name[3] == owner.flowLogIDs.default), "\(file)")
            flowLogsByScope[owner.vpcID, default: []].insert(name[3])
            linesByScope[owner.vpcID, default: 0] += lines.count
        }
        // Two flow logs per VPC (default, then v5), none shared between VPCs.
        #expect(flowLogsByScope.values.map(\.count) == [2, 2, 2, 2])
        #expect(flowLogsByScope.values.reduce(Set<String>()) { $0.union($1) }.count == 8)
        for (vpc, truth) in zip(bucket.vpcs, truths) {
            #expect(flowLogsByScope[vpc.vpcID] == truth.flowLogs)
            #expect(linesByScope[vpc.vpcID] == truth.lines)
        }
    }

    @Test func privateAddressesStayInTheirVPCsRange() throws {
        let bucket = try Self.issueBucket(formats: .v5)
        for vpc in bucket.vpcs {
            let range = try #require(IPPrefix(vpc.privateRange))
            let text = String(decoding: vpc.file(0).text, as: UTF8.self)
            let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
            let privates = rows.flatMap { [$0[3], $0[4]] }.compactMap { IPAddress($0) }.filter { IPPrefix("10.0.0.0/8")!.contains($0) }
            #expect(!privates.isEmpty)
            #expect(privates.allSatisfy { range.contains($0) }, "\(vpc.vpcID)")
        }
    }

    @Test func expectedScopesSumToTheBucketsFigures() throws {
        let bucket = try Self.issueBucket()
        let directory = TemporaryDirectory()
        let truths = try bucket.write(to: directory.url.path)
        let document = try Self.json(bucket.expectedJSON(truths))
        let scopes = try #require(document["scopes"] as? [[String: Any]])
        #expect(scopes.count == 4)
        #expect(scopes.map { $0["account"] as? String } == bucket.vpcs.map(\.options.account))
        #expect(scopes.map { $0["region"] as? String } == bucket.vpcs.map(\.options.region))
        #expect(scopes.map { $0["vpc"] as? String } == bucket.vpcs.map(\.vpcID))
        for key in ["files", "lines", "nat_bytes", "gateway_endpoint_bytes", "internet_gateway_bytes", "nodata", "skipdata"] {
            let sum = scopes.map { $0[key] as? Int ?? -1 }.reduce(0, +)
            #expect(sum == document[key] as? Int, "\(key)")
            #expect(scopes.allSatisfy { ($0[key] as? Int ?? -1) >= 0 }, "\(key)")
        }
        #expect(scopes.map { $0["window_start"] as? Int ?? .max }.min() == document["window_start"] as? Int)
        #expect(scopes.map { $0["window_end"] as? Int ?? 0 }.max() == document["window_end"] as? Int)
        func perDestination(_ list: Any?) -> [String: [Int]] {
            var sums: [String: [Int]] = [:]
            for entry in list as? [[String: Any]] ?? [] {
                let key = "\(entry["service"] as? String ?? "?") \(entry["region"] as? String ?? "?")"
                let old = sums[key] ?? [0, 0]
                sums[key] = [old[0] + (entry["bytes_out"] as? Int ?? 0), old[1] + (entry["bytes_in"] as? Int ?? 0)]
            }
            return sums
        }
        var summed: [String: [Int]] = [:]
        for scope in scopes {
            let own = perDestination(scope["destinations"])
            let natBytes = own.values.map { $0[0] + $0[1] }.reduce(0, +)
            #expect(natBytes == scope["nat_bytes"] as? Int)
            summed.merge(own) { [$0[0] + $1[0], $0[1] + $1[1]] }
        }
        #expect(summed == perDestination(document["destinations"]))
        let gateways = scopes.flatMap { $0["gateways"] as? [[String: Any]] ?? [] }.map { $0["interface_id"] as? String ?? "" }
        #expect(gateways.sorted() == (document["gateways"] as? [[String: Any]] ?? []).map { $0["interface_id"] as? String ?? "" })
        for (scope, vpc) in zip(scopes, bucket.vpcs) {
            #expect(scope["az_count"] as? Int == 2)
            #expect(scope["az_ids"] as? [String] == (vpc.options.region == "eu-west-1" ? ["euw1-az1", "euw1-az2"] : ["use1-az1", "use1-az2"]))
            #expect(scope["flow_logs"] as? [String] == [vpc.flowLogIDs.default, vpc.flowLogIDs.v5].sorted())
            #expect(scope["records"] as? Int == (scope["lines"] as? Int ?? 0) - (scope["files"] as? Int ?? 0))
            let natGateways = try #require(scope["nat_gateways"] as? [[String: Any]])
            #expect(Set(natGateways.map { $0["interface_id"] as? String ?? "" }) == Set((scope["gateways"] as? [[String: Any]] ?? []).map { $0["interface_id"] as? String ?? "" }))
        }
    }

    @Test func theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws {
        let first = TemporaryDirectory(), second = TemporaryDirectory(), other = TemporaryDirectory()
        let bucket = try Self.issueBucket(compress: true)
        let truths = try bucket.write(to: first.url.path)
        let again = try Self.issueBucket(compress: true)
        let truthsAgain = try again.write(to: second.url.path)
        #expect(bucket.expectedJSON(truths) == again.expectedJSON(truthsAgain))
        let names = Self.files(first.url.path)
        #expect(names == Self.files(second.url.path))
        for name in names {
            #expect(FileManager.default.contentsEqual(atPath: first.path(name), andPath: second.path(name)), "\(name)")
        }
        let differently = try Self.issueBucket(seed: 6, compress: true)
        _ = try differently.write(to: other.url.path)
        #expect(Set(Self.files(other.url.path)).isDisjoint(with: names))
    }

    @Test func oneVPCAloneWritesWhatTheLoneGeneratorWrote() throws {
        var options = SyntheticBucket.Options()
        options.vpc.seed = 77
        options.vpc.minutes = 15
        options.vpc.region = "eu-west-1"
        let bucket = try SyntheticBucket(options: options)
        let lone = SyntheticVPC(options: options.vpc)
        #expect(bucket.vpcs.count == 1)
        for index in 0..<lone.fileCount {
            let (path, text, _) = lone.file(index)
            let (bucketPath, bucketText, _) = bucket.vpcs[0].file(index)
            #expect(path == bucketPath)
            #expect(text == bucketText)
        }
        #expect(bucket.ipRangesJSON == SyntheticVPC.ipRangesJSON(region: "eu-west-1"))
        let directory = TemporaryDirectory()
        let truths = try bucket.write(to: directory.url.path)
        // expected.json: the lone VPC's members, then `scopes`.
        let expected = bucket.expectedJSON(truths)
        let cut = try #require(expected.range(of: ",\n  \"scopes\""))
        #expect(String(expected[..<cut.lowerBound]) + "\n}\n" == truths[0].json())
    }

    @Test func everyRegionListsItsOwnPrefixesAndNoneOverlapAnother() throws {
        let regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1"]
        let text = SyntheticVPC.ipRangesJSON(regions: regions)
        let table = try PrefixTable(jsonData: Array(text.utf8), source: "bucket")
        let document = try Self.json(text)
        let entries = try #require(document["prefixes"] as? [[String: String]]) + (document["ipv6_prefixes"] as? [[String: String]] ?? [])
        var byRegion: [String: [IPPrefix]] = [:]
        for entry in entries {
            let prefix = try #require(IPPrefix(entry["ip_prefix"] ?? entry["ipv6_prefix"] ?? ""))
            byRegion[entry["region"] ?? "", default: []].append(prefix)
        }
        for region in regions {
            let services = Set(entries.filter { $0["region"] == region }.map { $0["service"] ?? "" })
            #expect(services.isSuperset(of: ["S3", "DYNAMODB", "EC2", "AMAZON", "API_GATEWAY"]), "\(region)")
            #expect(entries.contains { $0["region"] == region && $0["ipv6_prefix"] != nil && $0["service"] == "S3" }, "\(region)")
            for prefix in byRegion[region] ?? [] {
                for (otherRegion, others) in byRegion where otherRegion != region {
                    #expect(!others.contains { $0.contains(prefix.first) || prefix.contains($0.first) }, "\(prefix) of \(region) overlaps \(otherRegion)")
                }
            }
        }
        #expect(table.regionCounts.keys.count == regions.count + 1)  // and GLOBAL (CloudFront)
        // The most regions a bucket holds still gives valid, disjoint prefixes.
        let many = (1...SyntheticBucket.maximumRegions).map { "xx-test-\($0)" }
        let manyTable = try PrefixTable(jsonData: Array(SyntheticVPC.ipRangesJSON(regions: many).utf8), source: "many")
        #expect(manyTable.regionCounts.keys.count == many.count + 1)
    }

    @Test func eachVPCSendsAWSTrafficToItsRegionAndSomeToAnother() throws {
        let bucket = try Self.issueBucket(formats: .v5)
        let table = try PrefixTable(jsonData: Array(bucket.ipRangesJSON.utf8), source: "bucket")
        for vpc in bucket.vpcs {
            var regionsReached: [String: UInt64] = [:]
            var truth = SyntheticTruth(region: vpc.options.region)
            for index in 0..<vpc.fileCount {
                let (_, text, fileTruth) = vpc.file(index)
                truth.merge(fileTruth)
                let rows = String(decoding: text, as: UTF8.self).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
                let dst = try #require(rows[0].firstIndex(of: "pkt-dstaddr"))
                let service = try #require(rows[0].firstIndex(of: "pkt-dst-aws-service"))
                for row in rows.dropFirst() where row[service] != "-" {
                    let address = try #require(IPAddress(row[dst]))
                    let match = try #require(table.lookup(address), "\(row[dst])")
                    #expect(match.services.contains(row[service]), "\(row[dst]) is \(match.services), the record says \(row[service])")
                    regionsReached[match.region, default: 0] += UInt64(row[9]) ?? 0
                }
                // IPv6: the instances' addresses and their S3 peers are in the VPC's own region.
                let ipv6 = rows.dropFirst().filter { $0[3].contains(":") }
                #expect(!ipv6.isEmpty)
                for row in ipv6 {
                    for text in [row[3], row[4]] {
                        let address = try #require(IPAddress(text))
                        #expect(table.lookup(address)?.region == vpc.options.region, "\(text) in \(vpc.vpcID)")
                    }
                }
            }
            let other = bucket.regions.first { $0 != vpc.options.region }!
            #expect(regionsReached[vpc.options.region, default: 0] > 0)
            #expect(regionsReached[other, default: 0] > 0, "\(vpc.vpcID) in \(vpc.options.region) sends nothing to \(other)")
            #expect(Set(regionsReached.keys).isSubset(of: Set(bucket.regions + ["GLOBAL"])))
            // The truth names the other region's S3 too, with NAT bytes.
            #expect((truth.natBytesOut["S3 \(other)"] ?? 0) > 0)
            #expect(Set(truth.natBytesOut.keys.map { String($0.split(separator: " ")[1]) }).isSubset(of: Set(bucket.regions + ["GLOBAL", "-"])))
        }
    }

    @Test func todaysAnalysisOfEachOneRegionAccountFolderMatchesItsScopes() throws {
        let bucket = try Self.issueBucket(formats: .v5, compress: true)
        let directory = TemporaryDirectory()
        let truths = try bucket.write(to: directory.url.path)
        let table = try PrefixTable(jsonData: Array(bucket.ipRangesJSON.utf8), source: "bucket")
        let prefixFile = PrefixFileInfo(path: "ip-ranges.json", origin: "test", syncToken: "1", createDate: "2026-11-23-18-05-12", ageDays: 1)
        // Today's analysis treats a folder as one VPC: an account's folder holds the sum of its VPCs.
        for account in Set(bucket.vpcs.map(\.options.account)) {
            let scopes = zip(bucket.vpcs, truths).filter { $0.0.options.account == account }
            var truth = SyntheticTruth(region: scopes[0].0.options.region)
            for scope in scopes { truth.merge(scope.1) }
            var options = AnalysisOptions()
            options.region = truth.region
            let report = try TrafficAnalysis.run(paths: [directory.path("AWSLogs/\(account)")], prefixes: table, prefixFile: prefixFile, options: options)
            #expect(report.nat.bytes == truth.natBytes, "\(account)")
            #expect(report.destinations.count == Set(truth.natBytesOut.keys).union(truth.natBytesIn.keys).count)
            for destination in report.destinations {
                let key = "\(destination.service) \(destination.region)"
                #expect(destination.traffic.bytesOut == truth.natBytesOut[key], "\(account) \(key)")
                #expect(destination.traffic.bytesIn == truth.natBytesIn[key], "\(account) \(key)")
                #expect(destination.sameRegion == (destination.region == truth.region), "\(account) \(key)")
            }
            #expect(report.destinations.contains { $0.category == .crossRegion })
        }
    }

    @Test func oneVPCCountAppliesToEveryAccountAndCrossRegionTrafficGoesToTheNextRegion() throws {
        var options = SyntheticBucket.Options()
        options.accounts = 4
        options.vpcsPerAccount = [2]
        options.regions = ["us-east-1", "eu-west-1", "ap-northeast-1"]
        let bucket = try SyntheticBucket(options: options)
        #expect(bucket.vpcs.map(\.options.region) == ["us-east-1", "us-east-1", "eu-west-1", "eu-west-1", "ap-northeast-1", "ap-northeast-1", "us-east-1", "us-east-1"])
        #expect(bucket.vpcs.map(\.privateRange) == Array(repeating: ["10.0.0.0/16", "10.1.0.0/16"], count: 4).flatMap { $0 })
        #expect(Set(bucket.vpcs.map(\.options.account)).count == 4)
        for (region, next) in [("us-east-1", "eu-west-1"), ("eu-west-1", "ap-northeast-1"), ("ap-northeast-1", "us-east-1")] {
            let destinations = SyntheticCatalog.destinations(region: region, bucketRegions: options.regions)
            let elsewhere = destinations.filter { ![region, "GLOBAL", ServiceRegionName.noRegion].contains($0.region) }
            #expect(elsewhere.map(\.service) == ["S3"], "\(region)")
            #expect(elsewhere.map(\.region) == [next], "\(region)")
            let nextS3 = SyntheticCatalog.destinations(region: next, bucketRegions: options.regions).first { $0.service == "S3" && $0.region == next }
            #expect(elsewhere.first?.prefixes == nextS3.map { [$0.prefixes[0]] }, "\(region)")
        }
    }

    @Test func accountsCanLogInDifferentFormats() throws {
        var options = SyntheticBucket.Options()
        options.vpc.minutes = 10
        options.accounts = 3
        options.vpcsPerAccount = [2, 1, 1]
        options.regions = ["us-east-1", "eu-west-1"]
        options.formatsPerAccount = [.v5, .default, .both]
        let bucket = try SyntheticBucket(options: options)
        #expect(bucket.vpcs.map(\.options.formats) == [.v5, .v5, .default, .both])
        for vpc in bucket.vpcs {
            let headers = (0..<vpc.fileCount).map { String(decoding: vpc.file($0).text.prefix { $0 != ASCII.newline }, as: UTF8.self) }
            let v5 = headers.map { $0.contains("vpc-id") }
            let expected: [Bool] = switch vpc.options.formats {
            case .v5: [true, true]
            case .default: [false, false]
            case .both: [false, true]
            }
            #expect(v5 == expected, "\(vpc.options.account)")
        }
    }

    @Test func theFirstRegionKeepsTheLoneVPCsPrefixesAndOnlyItsCrossRegionPeerMoves() {
        let lone = SyntheticCatalog.destinations(region: "us-east-1")
        let first = SyntheticCatalog.destinations(region: "us-east-1", bucketRegions: ["us-east-1", "eu-west-1"])
        let second = SyntheticCatalog.destinations(region: "eu-west-1", bucketRegions: ["us-east-1", "eu-west-1"])
        #expect(lone.count == first.count && lone.count == second.count)
        for (index, (old, new)) in zip(lone, first).enumerated() {
            #expect(old.service == new.service && old.weight == new.weight && old.meanUpload == new.meanUpload, "\(index)")
            if old.region == "us-east-1" || old.region == "GLOBAL" || old.service == ServiceRegionName.internet {
                #expect(old.prefixes == new.prefixes && old.region == new.region, "\(index)")
            } else {
                #expect(new.region == "eu-west-1" && new.prefixes == [IPPrefix("18.8.0.0/15")!])
            }
        }
        // The second region's cross-region peer is the first region's main S3 block, 52.216.0.0/15.
        #expect(second.filter { $0.region == "us-east-1" }.map(\.prefixes) == [[IPPrefix("52.216.0.0/15")!]])
    }

    @Test func badBucketsAreRefusedWithAReason() {
        func refusal(_ change: (inout SyntheticBucket.Options) -> Void) -> SyntheticBucketError? {
            var options = SyntheticBucket.Options()
            change(&options)
            do { _ = try SyntheticBucket(options: options); return nil } catch { return error }
        }
        #expect(refusal { $0.accounts = 3; $0.vpcsPerAccount = [2, 1] } == .vpcListLength(2, accounts: 3))
        #expect(refusal { $0.vpcsPerAccount = [0] } == .vpcsPerAccount(0, maximum: 256))
        #expect(refusal { $0.regions = ["us-east-1", "us-east-1"] } == .repeatedRegion("us-east-1"))
        #expect(refusal { $0.vpc.account = "12345" } == .badAccount("12345"))
        #expect(refusal { $0.vpc.account = "+12345678901" } == .badAccount("+12345678901"))
        #expect(refusal { $0.accounts = 0 } == .noAccounts)
        #expect(refusal { $0.regions = (0...SyntheticBucket.maximumRegions).map { "xx-test-\($0)" } } == .tooManyRegions(30, maximum: 29))
        #expect(refusal { $0.accounts = 101; $0.vpcsPerAccount = [100] } == .tooManyVPCs(10_100, maximum: 10_000))
        #expect(refusal { $0.accounts = 2; $0.vpcsPerAccount = [3] } == nil)
        #expect(refusal { $0.accounts = 3; $0.formatsPerAccount = [.v5, .default] } == .formatListLength(2, accounts: 3))
        #expect(refusal { $0.formatsPerAccount = [.v5, .default] } == .formatListLength(2, accounts: 1))
        #expect(SyntheticBucketError.formatListLength(2, accounts: 1).description
                    == "--format lists 2 formats for 1 account: give one format for every account, or one per account")
        #expect(SyntheticBucketError.vpcListLength(2, accounts: 3).description
                    == "--vpcs lists 2 counts for 3 accounts: give one count for every account, or one per account")
    }
}
