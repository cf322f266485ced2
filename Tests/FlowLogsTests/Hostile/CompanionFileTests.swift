import Foundation
import Testing
@testable import FlowLogs

/// ip-ranges.json, describe-nat-gateways and pricing files that cannot be used: a clear error
/// naming the file and what is wrong, exit status 1, nothing analysed.
struct CompanionFileTests {
    let directory = TemporaryDirectory()
    /// One account of the sample (its us-east-1 VPC): one scope, so given gateways name all of it.
    var logs: String { TestPaths.sampleLogs.appendingPathComponent("AWSLogs/123456789012").path }
    var goodPrefixes: String { TestPaths.sampleLogs.appendingPathComponent("ip-ranges.json").path }

    private func expectError(_ arguments: [String], naming path: String, saying words: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try Binary.run(arguments, timeLimit: 60)
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "nothing is analysed", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("flowscan: \(path)"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(words), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.timedOut, sourceLocation: sourceLocation)
    }

    @Test func badIPRangesFiles() throws {
        let cases: [(String, String, String)] = [
            ("empty.json", "", "empty"),
            ("not-json.json", "<html>503 Service Unavailable</html>", "JSON"),
            ("truncated.json", String(AnalysisFixtures.prefixJSON.prefix(150)), "truncated"),
            ("no-prefixes.json", "{\"syncToken\": \"1\", \"createDate\": \"2026-11-20-00-00-00\"}", "prefixes"),
            ("bad-cidr.json", AnalysisFixtures.prefixJSON.replacingOccurrences(of: "52.94.0.0/22", with: "52.94.0.0/33"), "52.94.0.0/33"),
            ("zero.json", "{\"syncToken\": \"1\", \"createDate\": \"2026-11-20-00-00-00\", \"prefixes\": [], \"ipv6_prefixes\": []}", "prefixes"),
        ]
        for (name, content, words) in cases {
            let path = directory.write(name, content)
            try expectError([logs, "--prefixes", path], naming: path, saying: words)
        }
    }

    @Test func aHugeIPRangesFileIsRefusedWithoutReadingIt() throws {
        let path = directory.path("huge.json")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 200 << 20) == 0)  // sparse: 200 MB of nothing
        try expectError([logs, "--prefixes", path], naming: path, saying: "more than the 67108864")
        let (_, peak) = try Binary.peakMemory([logs, "--prefixes", path])
        #expect(peak < 64 * 1024)
    }

    @Test func badDescribeNATGatewaysFiles() throws {
        let cases: [(String, String, String)] = [
            ("empty.json", "", "empty"),
            ("list.json", "[1, 2]", "top level"),
            ("no-key.json", "{\"Gateways\": []}", "NatGateways"),
            ("none.json", "{\"NatGateways\": []}", "lists no NAT gateways"),
            ("bad-ip.json", "{\"NatGateways\": [{\"NatGatewayAddresses\": [{\"PrivateIp\": \"10.0.0.999\"}]}]}",
             "NatGateways[0].NatGatewayAddresses[0].PrivateIp"),
            ("no-address.json", "{\"NatGateways\": [{\"NatGatewayId\": \"nat-1\", \"NatGatewayAddresses\": [{}]}]}",
             "no NetworkInterfaceId or PrivateIp"),
        ]
        for (name, content, words) in cases {
            let path = directory.write("nat-" + name, content)
            try expectError([logs, "--prefixes", goodPrefixes, "--nat-gateways", path], naming: path, saying: words)
        }
        try expectError([logs, "--prefixes", goodPrefixes, "--nat-gateways", directory.path("missing.json")],
                        naming: directory.path("missing.json"), saying: "no such file")
    }

    @Test func badPricingFiles() throws {
        let cases: [(String, String, String)] = [
            ("empty.json", "", "empty"),
            ("array.json", "[0.045]", "top level"),
            ("string.json", "{\"nat_gateway_gb\": \"0.045\"}", "nat_gateway_gb"),
            ("negative.json", "{\"nat_gateway_gb\": -1}", "not a price"),
            ("boolean.json", "{\"nat_gateway_hour\": true}", "nat_gateway_hour"),
            ("typo.json", "{\"nat_gatway_gb\": 0.05}", "unknown price"),
        ]
        for (name, content, words) in cases {
            let path = directory.write("pricing-" + name, content)
            try expectError([logs, "--prefixes", goodPrefixes, "--pricing", path], naming: path, saying: words)
        }
    }

    @Test func aGoodDescribeNATGatewaysFileNamesTheGateways() throws {
        // The gateways as detection finds them, then named in describe-nat-gateways form.
        let detected = try Binary.run([logs, "--prefixes", goodPrefixes, "--output", "json"])
        let detectedReport = firstScope(detected.stdout)
        let pairs = try #require((detectedReport?["nat_gateways"] as? [[String: Any]])?.map {
            ($0["interface_id"] as? String ?? "", $0["private_ip"] as? String ?? "")
        })
        #expect(pairs.count == 2)
        let gateways = pairs.enumerated().map { index, pair in
            "{\"NatGatewayId\": \"nat-0\(index)\", \"State\": \"available\", \"ConnectivityType\": \"public\", \"NatGatewayAddresses\": [{\"NetworkInterfaceId\": \"\(pair.0)\", \"PrivateIp\": \"\(pair.1)\", \"PublicIp\": \"198.51.100.\(index + 1)\"}]}"
        }
        let path = directory.write("nat.json", "{\"NatGateways\": [\(gateways.joined(separator: ", "))]}")
        let result = try Binary.run([logs, "--prefixes", goodPrefixes, "--nat-gateways", path, "--output", "json"])
        #expect(result.status == 0)
        let report = firstScope(result.stdout)
        let found = try #require(report?["nat_gateways"] as? [[String: Any]])
        #expect(found.map { $0["id"] as? String } == ["nat-00", "nat-01"])
        #expect(found.allSatisfy { $0["origin"] as? String == "given" })
        #expect(found.map { $0["public_ips"] as? [String] } == [["198.51.100.1"], ["198.51.100.2"]])
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: TestPaths.sampleLogs.appendingPathComponent("expected.json"))) as? [String: Any]
        let scope = try #require((truth?["scopes"] as? [[String: Any]])?.first { $0["account"] as? String == "123456789012" })
        #expect(report?["vpc"] as? String == scope["vpc"] as? String)
        #expect((report?["nat"] as? [String: Any])?["bytes"] as? Int == scope["nat_bytes"] as? Int)
    }

    @Test func gatewaysNamedInconsistentlyAreNotCountedTwice() throws {
        // Each hint names one gateway's interface and the other gateway's address.
        let detected = try Binary.run([logs, "--prefixes", goodPrefixes, "--output", "json"])
        let report = firstScope(detected.stdout)
        let pairs = try #require((report?["nat_gateways"] as? [[String: Any]])?.map {
            ($0["interface_id"] as? String ?? "", $0["private_ip"] as? String ?? "")
        })
        let crossed = try Binary.run([logs, "--prefixes", goodPrefixes, "--output", "json",
                                      "--nat-eni", pairs[0].0, "--nat-ip", pairs[1].1, "--nat-eni", pairs[1].0, "--nat-ip", pairs[0].1])
        let crossedReport = firstScope(crossed.stdout)
        #expect((crossedReport?["nat"] as? [String: Any])?["bytes"] as? Int == (report?["nat"] as? [String: Any])?["bytes"] as? Int)
        // Two gateways, each named twice: two gateways' hours, not four.
        #expect((crossedReport?["nat_gateways"] as? [Any])?.count == 2)
        #expect((crossedReport?["cost"] as? [String: Any])?["gateways"] as? Int == 2)
    }
}
