import Foundation
import Testing
@testable import FlowLogs

/// `prices import`: AWS Price List offer files streamed into a price table.
struct PriceImportTests {
    let directory = TemporaryDirectory()

    /// An AmazonEC2 offer in AWS's shape, cut down: two NAT usage types for eu-west-1, a regional
    /// NAT gateway and an instance (both ignored, one with quotes and brackets in a string), us-east-1's
    /// unprefixed usage type, and Reserved terms (skipped).
    static let ec2 = #"""
{
  "formatVersion" : "v1.0",
  "disclaimer" : "This pricing list is for informational purposes only.",
  "offerCode" : "AmazonEC2",
  "version" : "20260925174521",
  "publicationDate" : "2026-09-25T17:45:21Z",
  "products" : {
    "AAA" : {"sku" : "AAA", "productFamily" : "NAT Gateway", "attributes" : {"regionCode" : "eu-west-1", "usagetype" : "EU-NatGateway-Hours", "operation" : "NatGateway"}},
    "BBB" : {"sku" : "BBB", "productFamily" : "NAT Gateway", "attributes" : {"regionCode" : "eu-west-1", "usagetype" : "EU-NatGateway-Bytes", "operation" : "NatGateway"}},
    "CCC" : {"sku" : "CCC", "productFamily" : "NAT Gateway", "attributes" : {"regionCode" : "eu-west-1", "usagetype" : "EU-RegionalNatGateway-Hours"}},
    "DDD" : {"sku" : "DDD", "productFamily" : "Compute Instance", "attributes" : {"regionCode" : "eu-west-1", "usagetype" : "EU-BoxUsage:m5.large", "note" : "a \"quoted\" {brace} ]"}},
    "EEE" : {"sku" : "EEE", "productFamily" : "NAT Gateway", "attributes" : {"regionCode" : "us-east-1", "usagetype" : "NatGateway-Hours"}}
  },
  "terms" : {
    "OnDemand" : {
      "AAA" : {"AAA.JRTCKXETXF" : {"offerTermCode" : "JRTCKXETXF", "sku" : "AAA", "priceDimensions" : {"AAA.JRTCKXETXF.6YS6EN2CT7" : {"unit" : "Hrs", "beginRange" : "0", "endRange" : "Inf", "pricePerUnit" : {"USD" : "0.0480000000"}}}}},
      "BBB" : {"BBB.JRTCKXETXF" : {"priceDimensions" : {"BBB.JRTCKXETXF.6YS6EN2CT7" : {"unit" : "GB", "beginRange" : "0", "endRange" : "Inf", "pricePerUnit" : {"USD" : "0.0480000000"}}}}},
      "CCC" : {"CCC.JRTCKXETXF" : {"priceDimensions" : {"x" : {"unit" : "Hrs", "pricePerUnit" : {"USD" : "0.0480000000"}}}}},
      "DDD" : {"DDD.JRTCKXETXF" : {"priceDimensions" : {"x" : {"unit" : "Hrs", "pricePerUnit" : {"USD" : "0.1070000000"}}}}},
      "EEE" : {"EEE.JRTCKXETXF" : {"priceDimensions" : {"x" : {"unit" : "Hrs", "beginRange" : "0", "pricePerUnit" : {"USD" : "0.0450000000"}}}}}
    },
    "Reserved" : {
      "DDD" : {"DDD.X" : {"priceDimensions" : {"y" : {"pricePerUnit" : {"USD" : "0.05"}}}}}
    }
  }
}
"""#

    /// An AmazonVPC offer: endpoint hours, tiered endpoint bytes, public IPv4.
    static let vpc = #"""
{"formatVersion":"v1.0","offerCode":"AmazonVPC","version":"20261101000000","publicationDate":"2026-11-01T00:00:00Z",
 "products":{"V1":{"sku":"V1","productFamily":"VpcEndpoint","attributes":{"regionCode":"eu-west-1","usagetype":"EU-VpcEndpoint-Hours"}},
             "V2":{"sku":"V2","productFamily":"VpcEndpoint","attributes":{"regionCode":"eu-west-1","usagetype":"EU-VpcEndpoint-Bytes"}},
             "V3":{"sku":"V3","attributes":{"regionCode":"eu-west-1","usagetype":"EU-PublicIPv4:InUseAddress"}}},
 "terms":{"OnDemand":{"V1":{"V1.T":{"priceDimensions":{"a":{"beginRange":"0","pricePerUnit":{"USD":"0.0110000000"}}}}},
   "V2":{"V2.T":{"priceDimensions":{"t1":{"beginRange":"0","endRange":"1048576","pricePerUnit":{"USD":"0.0100000000"}},"t2":{"beginRange":"1048576","endRange":"5242880","pricePerUnit":{"USD":"0.0060000000"}}}}},
   "V3":{"V3.T":{"priceDimensions":{"a":{"pricePerUnit":{"USD":"0.0050000000"}}}}}}}}
"""#

    @Test func offersGiveEveryRegionsFiguresWithTheirSources() throws {
        let table = try PriceTable.importing(offers: [directory.write("ec2.json", Self.ec2), directory.write("vpc.json", Self.vpc)])
        #expect(table.date == "2026-09-25")
        let eu = try #require(table.regions["eu-west-1"])
        #expect(eu.mapValues(\.usd) == ["nat_gateway_hour": 0.048, "nat_gateway_gb": 0.048, "interface_endpoint_hour": 0.011,
                                        "interface_endpoint_gb": 0.01, "interface_endpoint_gb_next_4pb": 0.006, "public_ipv4_hour": 0.005])
        #expect(eu["interface_endpoint_gb_next_4pb"]?.source.contains("EU-VpcEndpoint-Bytes from 1,048,576 GB, SKU V2") == true)
        #expect(eu["nat_gateway_hour"]?.source.contains("EU-NatGateway-Hours, SKU AAA; published 2026-09-25") == true)
        #expect(table.regions["us-east-1"]?.mapValues(\.usd) == ["nat_gateway_hour": 0.045])
    }

    @Test(arguments: [1, 7, 64, 1 << 20])
    func chunkBoundariesChangeNothing(size: Int) {
        var scanner = PriceOfferScanner(path: "ec2.json")
        let bytes = Array(Self.ec2.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            bytes[start..<end].withUnsafeBytes { scanner.feed($0) }
            start = end
        }
        scanner.finish()
        #expect(scanner.error == nil)
        #expect(Set(scanner.found.map(\.sku)) == ["AAA", "BBB", "EEE"])
    }

    @Test(arguments: [("NatGateway-Hours", "nat_gateway_hour"), ("EU-NatGateway-Bytes", "nat_gateway_gb"),
                      ("APN1-VpcEndpoint-Hours", "interface_endpoint_hour"), ("USE2-PublicIPv4:InUseAddress", "public_ipv4_hour"),
                      ("EU-RegionalNatGateway-Hours", nil), ("EU-NatGateway-Prvd-Hours", nil), ("eu-NatGateway-Hours", nil),
                      ("EU-VpcEndpoint-GWLBE-Hours", nil), ("DataTransfer-Regional-Bytes", "cross_az_gb"),
                      ("APS3-DataTransfer-Regional-Bytes", "cross_az_gb"), ("USE1-DataTransfer-xAZ-Out-Bytes", nil),
                      ("APS7-PublicIPv4:InUseAddress", "public_ipv4_hour"), ("EU-PublicIPv4:IdleAddress", nil)] as [(String, String?)])
    func usageTypesAndTheirKeys(usage: String, key: String?) {
        #expect(PriceOfferScanner.key(ofUsageType: usage) == key)
    }

    @Test func aFileCutShortIsNamedWithItsOffset() throws {
        let cut = String(Self.ec2.prefix(900))
        let path = directory.write("cut.json", cut)
        #expect(throws: PriceImportError.truncated(path: path, offset: cut.utf8.count)) {
            _ = try PriceTable.importing(offers: [path])
        }
    }

    @Test func badOffersAreNamed() throws {
        let other = directory.write("s3.json", #"{"offerCode": "AmazonS3", "publicationDate": "2026-01-01T00:00:00Z", "products": {}}"#)
        #expect(throws: PriceImportError.invalid(path: other, location: "offerCode",
                                                 problem: "expected AmazonEC2, AmazonVPC or AWSDataTransfer (the offers with NAT gateway, endpoint, public IPv4 and cross-AZ prices)")) {
            _ = try PriceTable.importing(offers: [other])
        }
        let unpriced = directory.write("unpriced.json", Self.ec2.replacingOccurrences(of: #""AAA" : {"AAA.JRTCKXETXF""#, with: #""ZZZ" : {"AAA.JRTCKXETXF""#))
        #expect(throws: PriceImportError.invalid(path: unpriced, location: "terms.OnDemand.AAA", problem: "no on-demand USD price for EU-NatGateway-Hours")) {
            _ = try PriceTable.importing(offers: [unpriced])
        }
        let empty = directory.write("empty.json", #"{"offerCode": "AmazonVPC", "publicationDate": "2026-01-01T00:00:00Z", "products": {}, "terms": {}}"#)
        #expect(throws: PriceImportError.nothingFound(paths: [empty])) { _ = try PriceTable.importing(offers: [empty]) }
        let trailing = directory.write("trailing.json", Self.vpc + "}")
        #expect(throws: PriceImportError.self) { _ = try PriceTable.importing(offers: [trailing]) }
        let dearer = directory.write("dearer.json", Self.ec2.replacingOccurrences(of: "0.0480000000", with: "0.0500000000"))
        #expect(throws: PriceImportError.self) { _ = try PriceTable.importing(offers: [directory.write("ec2.json", Self.ec2), dearer]) }
    }

    @Test func theWrittenTableReadsBackOverTheBundledOne() throws {
        let table = try PriceTable.importing(offers: [directory.write("vpc.json", Self.vpc)])
        let path = directory.path("cache/flowscan/prices.json")
        try table.write(to: path)
        let loaded = try PriceTable.load(importedAt: path)
        #expect(loaded.origin == .imported(path: path))
        #expect(loaded.date == "2026-11-01")
        #expect(loaded.regions["eu-west-1"]?["interface_endpoint_hour"]?.usd == 0.011)
        #expect(loaded.regions["eu-west-1"]?["nat_gateway_hour"] == PriceTable.bundled.regions["eu-west-1"]?["nat_gateway_hour"])
        #expect(loaded.regions["ap-northeast-1"] == PriceTable.bundled.regions["ap-northeast-1"])
        let (eu, source) = PriceChoice(table: loaded).prices(for: "eu-west-1")
        #expect(eu.interfaceEndpointHour == 0.011)
        #expect(source.fellBack == ["cross_az_gb"])  // neither the offer nor the bundled row prices it
    }

    @Test func aFailedImportLeavesTheCachedTableAlone() throws {
        let cache = directory.path("cache")
        let good = try Binary.run(["prices", "import", directory.write("ec2.json", Self.ec2)], environment: ["XDG_CACHE_HOME": cache])
        #expect(good.status == 0)
        #expect(good.stdout == "wrote \(cache)/flowscan/prices.json: 3 prices in 2 regions, offers published 2026-09-25 or later\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: cache + "/flowscan/prices.json"))
        let cut = directory.write("cut.json", String(Self.vpc.prefix(200)))
        let bad = try Binary.run(["prices", "import", directory.path("ec2.json"), cut], environment: ["XDG_CACHE_HOME": cache])
        #expect(bad.status == 1)
        #expect(bad.stderr == "flowscan: \(cut) ends at byte 200 inside the JSON document (cut short? download it again); the price table in use was not changed\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache + "/flowscan/prices.json")) == before)
        let shown = try Binary.run(["prices", "show", "--region", "eu-west-1"], environment: ["XDG_CACHE_HOME": cache])
        #expect(shown.stdout.hasPrefix("price table: imported \(cache)/flowscan/prices.json, 2026-09-25 (\(PriceTable.bundled.regions.count) regions)\n"))
    }
}

extension PriceImportTests {
    @Test(arguments: [#"{"offerCode": "AmazonVPC", "products": {"A": {"x": [1}}}}"#, #"{"offerCode": "AmazonVPC"]"#, "]", #"{"a": 1}}"#])
    func mismatchedBracketsAreNamed(text: String) throws {
        let path = directory.write("bad.json", text)
        #expect {
            _ = try PriceTable.importing(offers: [path])
        } throws: { error in
            guard case .invalid(let errorPath, let location, let problem) = error as? PriceImportError else { return false }
            return errorPath == path && location.hasPrefix("byte ") && (problem.contains("does not close") || problem.contains("after the offer"))
        }
    }
}

extension PriceImportTests {
    /// An AmazonVPC offer with the three VpcEndpoint-Bytes tiers and in-use IPv4 for a newly
    /// bundled region, and an AWSDataTransfer offer whose products name from- and to-regions.
    static let vpcTiers = #"""
{"offerCode":"AmazonVPC","version":"20260917190528","publicationDate":"2026-09-17T19:05:28Z",
 "products":{"H":{"attributes":{"regionCode":"ap-southeast-5","usagetype":"APS7-VpcEndpoint-Hours"}},
             "B":{"attributes":{"regionCode":"ap-southeast-5","usagetype":"APS7-VpcEndpoint-Bytes"}},
             "I":{"attributes":{"regionCode":"ap-southeast-5","usagetype":"APS7-PublicIPv4:InUseAddress"}},
             "J":{"attributes":{"regionCode":"ap-southeast-5","usagetype":"APS7-PublicIPv4:IdleAddress"}},
             "G":{"attributes":{"regionCode":"ap-southeast-5","usagetype":"APS7-VpcEndpoint-GWLBE-Bytes"}}},
 "terms":{"OnDemand":{
   "H":{"H.T":{"priceDimensions":{"a":{"unit":"Hrs","beginRange":"0","endRange":"Inf","pricePerUnit":{"USD":"0.0117000000"}}}}},
   "B":{"B.T":{"priceDimensions":{
      "c":{"unit":"GB","beginRange":"5242880","endRange":"Inf","pricePerUnit":{"USD":"0.0040000000"}},
      "a":{"unit":"GB","beginRange":"0","endRange":"1048576","pricePerUnit":{"USD":"0.0100000000"}},
      "b":{"unit":"GB","beginRange":"1048576","endRange":"5242880","pricePerUnit":{"USD":"0.0060000000"}}}}},
   "I":{"I.T":{"priceDimensions":{"a":{"unit":"Hrs","beginRange":"0","pricePerUnit":{"USD":"0.0050000000"}}}}},
   "J":{"J.T":{"priceDimensions":{"a":{"unit":"Hrs","beginRange":"0","pricePerUnit":{"USD":"0.0050000000"}}}}},
   "G":{"G.T":{"priceDimensions":{"a":{"unit":"GB","beginRange":"0","pricePerUnit":{"USD":"0.0035000000"}}}}}}}}
"""#

    static let dataTransfer = #"""
{"offerCode":"AWSDataTransfer","version":"20260916132208","publicationDate":"2026-09-16T13:22:08Z",
 "products":{"R":{"productFamily":"Data Transfer","attributes":{"transferType":"IntraRegion","fromRegionCode":"ap-southeast-5","toRegionCode":"ap-southeast-5","usagetype":"APS7-DataTransfer-Regional-Bytes"}},
             "X":{"productFamily":"Data Transfer","attributes":{"transferType":"InterRegion Outbound","fromRegionCode":"ap-southeast-5","toRegionCode":"us-east-1","usagetype":"APS7-USE1-AWS-Out-Bytes"}},
             "Z":{"productFamily":"Data Transfer","attributes":{"fromRegionCode":"ap-southeast-5","toRegionCode":"ap-southeast-5","usagetype":"APS7-DataTransfer-xAZ-Out-Bytes"}},
             "W":{"productFamily":"Data Transfer","attributes":{"fromRegionCode":"ap-southeast-5","toRegionCode":"us-east-1","usagetype":"APS7-DataTransfer-Regional-Bytes"}}},
 "terms":{"OnDemand":{"R":{"R.T":{"priceDimensions":{"a":{"unit":"GB","beginRange":"0","pricePerUnit":{"USD":"0.0100000000"}}}}},
                      "X":{"X.T":{"priceDimensions":{"a":{"unit":"GB","beginRange":"0","pricePerUnit":{"USD":"0.0900000000"}}}}},
                      "Z":{"Z.T":{"priceDimensions":{"a":{"unit":"GB","beginRange":"0","pricePerUnit":{"USD":"0.0000000000"}}}}},
                      "W":{"W.T":{"priceDimensions":{"a":{"unit":"GB","beginRange":"0","pricePerUnit":{"USD":"0.0200000000"}}}}}}}}
"""#

    @Test func tiersPublicIPv4AndCrossAZAreImported() throws {
        let table = try PriceTable.importing(offers: [directory.write("vpc.json", Self.vpcTiers), directory.write("dt.json", Self.dataTransfer)])
        let row = try #require(table.regions["ap-southeast-5"])
        #expect(row.mapValues(\.usd) == ["interface_endpoint_hour": 0.0117, "interface_endpoint_gb": 0.01, "interface_endpoint_gb_next_4pb": 0.006,
                                         "interface_endpoint_gb_over_5pb": 0.004, "public_ipv4_hour": 0.005, "cross_az_gb": 0.01])
        #expect(row["interface_endpoint_gb_over_5pb"]?.source.contains("APS7-VpcEndpoint-Bytes from 5,242,880 GB, SKU B; published 2026-09-17") == true)
        #expect(row["cross_az_gb"]?.source.contains("AWS Price List AWSDataTransfer 20260916132208, ap-southeast-5 (APS7-DataTransfer-Regional-Bytes, SKU R") == true)
        #expect(table.date == "2026-09-16")
        // Over the bundled table: the imported tiers price the region's interface endpoints.
        let cache = directory.path("prices.json")
        try table.write(to: cache)
        let (pricing, source) = PriceChoice(table: try PriceTable.load(importedAt: cache)).prices(for: "ap-southeast-5")
        #expect(pricing.interfaceEndpointGBOver5PB == 0.004 && pricing.crossAZGB == 0.01 && pricing.interfaceEndpointHour == 0.0117)
        #expect(source.fellBack == ["nat_gateway_hour", "nat_gateway_gb"])
    }

    @Test func aNegativeTierStartIsNamedNotACrash() throws {
        let odd = directory.write("neg.json", Self.vpcTiers.replacingOccurrences(of: #""beginRange":"5242880""#, with: #""beginRange":"-5""#))
        #expect(throws: PriceImportError.invalid(path: odd, location: "terms.OnDemand.B",
                                                 problem: "APS7-VpcEndpoint-Bytes has a tier from -5.0 GB; flowscan prices tiers from 0, 1,048,576 and 5,242,880 GB")) {
            _ = try PriceTable.importing(offers: [odd])
        }
    }

    @Test func aTierFlowscanDoesNotModelIsAnError() throws {
        let odd = directory.write("odd.json", Self.vpcTiers.replacingOccurrences(of: #""beginRange":"5242880""#, with: #""beginRange":"4194304""#))
        #expect(throws: PriceImportError.invalid(path: odd, location: "terms.OnDemand.B",
                                                 problem: "APS7-VpcEndpoint-Bytes has a tier from 4,194,304 GB; flowscan prices tiers from 0, 1,048,576 and 5,242,880 GB")) {
            _ = try PriceTable.importing(offers: [odd])
        }
    }
}
