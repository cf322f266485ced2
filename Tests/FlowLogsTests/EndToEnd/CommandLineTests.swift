import Foundation
import Testing
@testable import FlowLogs

/// The built binary: exact output and exit statuses.
struct CommandLineTests {
    let directory = TemporaryDirectory()

    @Test func helpAndVersion() throws {
        let help = try Binary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: flowscan PATH... --prefixes ip-ranges.json [options]"))
        #expect(help.stdout.contains("flowscan inspect"))
        let inspectHelp = try Binary.run(["inspect", "--help"])
        #expect(inspectHelp.status == 0)
        #expect(inspectHelp.stdout.hasPrefix("USAGE: flowscan inspect PATH... [options]"))
        #expect(inspectHelp.stdout.contains("--format FIELDS"))
        #expect(try Binary.run(["--version"]).stdout.hasPrefix("flowscan "))
    }

    @Test func usageErrorsNameTheOptionAndExitOne() throws {
        let nothing = try Binary.run([])
        #expect(nothing.status == 1)
        #expect(nothing.stdout == "")
        #expect(nothing.stderr == "USAGE: flowscan PATH... --prefixes ip-ranges.json [options]\nSee 'flowscan --help' for the commands and options.\n")
        let unknown = try Binary.run(["inspect", "x.log", "--frobnicate"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "flowscan: unknown option '--frobnicate' for 'flowscan inspect'; see 'flowscan inspect --help'\n")
        let missing = try Binary.run(["inspect", "x.log", "--format"])
        #expect(missing.stderr == "flowscan: option '--format' needs a value (FIELDS)\n")
        let bad = try Binary.run(["inspect", "x.log", "--output", "yaml"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "flowscan: invalid value 'yaml' for '--output': expected text or json\n")
        let top = try Binary.run(["SampleLogs/AWSLogs", "--top", "0", "--prefixes", "SampleLogs/ip-ranges.json"])
        #expect(top.status == 1)
        #expect(top.stderr.contains("'--top'"))
    }

    @Test func inspectPrintsExactJSONAndExitsZero() throws {
        let path = directory.write("a.log", Fixtures.v2File)
        let result = try Binary.run(["inspect", path, "--output", "json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let expected = """
        {
          "files": [
            {
              "path": "\(path)",
              "compression": "none",
              "content": "vpc-flow-log",
              "status": "ok",
              "error": null,
              "notes": [],
              "formats": [
                ["version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status"]
              ],
              "records": 3,
              "nodata": 1,
              "skipdata": 1,
              "transit_gateway": 0,
              "malformed": 0,
              "malformed_examples": [],
              "headers": 1,
              "blank_lines": 0,
              "queries": 0,
              "bytes": 8834,
              "packets": 44,
              "first_start": 1418530010,
              "last_end": 1432917142,
              "input_bytes": \(Fixtures.v2File.utf8.count),
              "decoded_bytes": \(Fixtures.v2File.utf8.count)
            }
          ],
          "totals": {
            "files": 1,
            "records": 3,
            "nodata": 1,
            "skipdata": 1,
            "transit_gateway": 0,
            "malformed": 0,
            "bytes": 8834,
            "packets": 44,
            "damaged_files": 0,
            "skipped_files": 0,
            "first_start": 1418530010,
            "last_end": 1432917142,
            "input_bytes": \(Fixtures.v2File.utf8.count),
            "decoded_bytes": \(Fixtures.v2File.utf8.count)
          }
        }

        """
        #expect(result.stdout == expected)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(parsed?["totals"] != nil)
    }

    @Test func inspectTextOutput() throws {
        let path = directory.write("b.log", Fixtures.v2File + "not a record\n")
        let result = try Binary.run(["inspect", path])
        #expect(result.status == 0)
        let expected = """
        Files
          file\(String(repeating: " ", count: max(0, path.count - 4)))  gzip  status  records  nodata  skipdata  tgw  malformed  bytes  packets  first start           last end
          \(path)  no    ok            3       1         1    0          1  8,834       44  2014-12-14T04:06:50Z  2015-05-29T16:32:22Z

        Formats
          14 fields, 1 file: version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status

        Problems
          \(path): ok
            1 malformed line:
              line 7: 3 fields, the format has 14

        Totals
          files          1 (0 damaged, 0 skipped)
          records        3
          NODATA         1
          SKIPDATA       1
          transit gw     0
          malformed      1
          bytes          8,834 (8.83 KB)
          packets        44
          time           2014-12-14T04:06:50Z to 2015-05-29T16:32:22Z
          warning: 1 SKIPDATA record: AWS skipped records during capture, so coverage is incomplete

        """
        #expect(result.stdout == expected)
    }

    @Test func damagedAndSkippedInputExitsTwoAfterPrintingEverything() throws {
        let good = directory.write("good.log.gz", GzipWriter.compress(Array(Fixtures.v2File.utf8)))
        let full = GzipWriter.compress(Array(String(repeating: Fixtures.v2File, count: 40).utf8))
        let cut = directory.write("cut.log.gz", Array(full.prefix(full.count / 2)))
        let result = try Binary.run(["inspect", good, cut, directory.path("missing.log"), "--output", "json"])
        #expect(result.status == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["damaged_files"] as? Int == 1)
        #expect(totals["skipped_files"] as? Int == 1)
        #expect((totals["records"] as? Int ?? 0) > 3)
    }

    @Test func standardInputIsReadWithADash() throws {
        let result = try Binary.run(["inspect", "-", "--output", "json"], stdin: GzipWriter.compress(Array(Fixtures.v2File.utf8)))
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"path\": \"-\""))
        #expect(result.stdout.contains("\"compression\": \"gzip\""))
        #expect(result.stdout.contains("\"records\": 3"))
    }

    @Test func theSampleReportMatchesTheGeneratorsTruth() throws {
        let result = try Binary.run(["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--output", "json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let truthData = try Data(contentsOf: TestPaths.sampleLogs.appendingPathComponent("expected.json"))
        let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: Any])
        #expect(document["schema"] as? String == "flowscan.report/2")
        // Two accounts, one VPC each (us-east-1 and eu-west-1); in each, the default-format flow log
        // and the v5 one (with vpc-id) are joined by their interfaces.
        let scopes = try #require(document["scopes"] as? [[String: Any]])
        let truths = try #require(truth["scopes"] as? [[String: Any]])
        #expect(truths.map { "\($0["account"] as? String ?? "")/\($0["region"] as? String ?? "")" }
                    == ["123456789012/us-east-1", "234567900123/eu-west-1"])
        #expect(scopes.count == truths.count)
        for expected in truths {
            let vpc = try #require(expected["vpc"] as? String)
            let report = try #require(scopes.first { $0["vpc"] as? String == vpc }, "\(vpc)")
            #expect(report["scope_key"] as? String == "vpc-id")
            #expect(report["account"] as? String == expected["account"] as? String)
            #expect(report["region"] as? String == expected["region"] as? String)
            #expect(report["flow_logs"] as? [String] == expected["flow_logs"] as? [String])
            #expect(report["vantage"] as? String == "nat-interface")
            #expect((report["nat"] as? [String: Any])?["bytes"] as? Int == expected["nat_bytes"] as? Int, "\(vpc)")
            let destinations = try #require(report["destinations"] as? [[String: Any]])
            let expectedDestinations = try #require(expected["destinations"] as? [[String: Any]])
            #expect(destinations.count == expectedDestinations.count, "\(vpc)")
            for wanted in expectedDestinations {
                let found = destinations.first { $0["service"] as? String == wanted["service"] as? String && $0["region"] as? String == wanted["region"] as? String }
                #expect(found?["bytes_out"] as? Int == wanted["bytes_out"] as? Int, "\(vpc) \(wanted)")
                #expect(found?["bytes_in"] as? Int == wanted["bytes_in"] as? Int, "\(vpc) \(wanted)")
                // Same region means the scope's own region.
                #expect(found?["same_region"] as? Bool == (wanted["region"] as? String == expected["region"] as? String), "\(vpc) \(wanted)")
            }
            // The Resolver query logs beside the flow logs name the endpoint services, to the byte.
            let savings = try #require(report["savings"] as? [String: Any])
            let rows = try #require(savings["interface_endpoints"] as? [[String: Any]])
            let dns = try #require(report["dns"] as? [String: Any])
            var named: [String: Int] = [:]
            for row in rows where row["attribution"] as? String == "dns" { named[row["endpoint_service"] as! String] = row["bytes"] as? Int }
            for row in try #require(dns["not_carried"] as? [[String: Any]]) { named[row["name"] as! String] = row["bytes"] as? Int }
            var expectedNamed: [String: Int] = [:]
            for row in try #require(expected["endpoint_services"] as? [[String: Any]]) { expectedNamed[row["endpoint_service"] as! String] = row["bytes"] as? Int }
            #expect(named == expectedNamed, "\(vpc)")
            #expect(dns["unnamed_bytes"] as? Int == expected["unnamed_amazon_bytes"] as? Int)
            #expect(rows.first { $0["attribution"] as? String == "unattributed" }?["bytes"] as? Int == expected["unnamed_amazon_bytes"] as? Int)
        }
        // The estate is the sums.
        let estate = try #require(document["estate"] as? [String: Any])
        #expect(estate["scopes"] as? Int == 2)
        #expect((estate["nat"] as? [String: Any])?["bytes"] as? Int == truth["nat_bytes"] as? Int)
        #expect(truths.map { $0["nat_bytes"] as? Int ?? 0 }.reduce(0, +) == truth["nat_bytes"] as? Int)
        let savings = scopes.map { ($0["savings"] as? [String: Any])?["total_monthly_usd"] as? Double ?? .nan }.reduce(0, +)
        let estateSavings = try #require((estate["savings"] as? [String: Any])?["total_monthly_usd"] as? Double)
        #expect(abs(estateSavings - savings) < 0.00011, "the sum, up to the JSON's 4 decimals")
        let cost = scopes.map { ($0["cost"] as? [String: Any])?["monthly_total_usd"] as? Double ?? .nan }.reduce(0, +)
        let estateCost = try #require((estate["cost"] as? [String: Any])?["monthly_total_usd"] as? Double)
        #expect(abs(estateCost - cost) < 0.00011, "the sum, up to the JSON's 4 decimals")
        let text = try Binary.run(["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("flowscan: NAT gateway traffic to AWS services, 2 scopes in 2 regions\n\nEstate\n"))
        #expect(text.stdout.contains("\nScope 1 of 2: 123456789012/us-east-1/"))
        #expect(text.stdout.contains("\nScope 2 of 2: 234567900123/eu-west-1/"))
        let markdown = try Binary.run(["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--output", "markdown"])
        #expect(markdown.stdout.hasPrefix("# flowscan: NAT gateway traffic to AWS services, 2 scopes in 2 regions\n\n## Estate\n"))
        #expect(markdown.stdout.contains("\n| service | region |"))
    }

    @Test func theReportCanBeNamed() throws {
        let plain = try Binary.run(["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--output", "json"])
        let named = try Binary.run(["report", "SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--output", "json"])
        #expect(named.status == 0)
        #expect(named.stdout == plain.stdout)
        let overSize = try Binary.run(["inspect", "x.log", "--format", Array(repeating: "bytes", count: 200).joined(separator: " ")])
        #expect(overSize.status == 1)
        #expect(overSize.stderr.contains("200 fields; a record has at most 128"))
    }

    @Test func failAboveExitsThreeAndWinsOverDamage() throws {
        let args = ["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--output", "json"]
        #expect(try Binary.run(args + ["--fail-above", "1"]).status == 3)
        #expect(try Binary.run(args + ["--fail-above", "100000"]).status == 0)
        let damaged = directory.write("broken.log.gz", [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2])
        #expect(try Binary.run(args + [damaged, "--fail-above", "100000"]).status == 2)
        let both = try Binary.run(args + [damaged, "--fail-above", "1"])
        #expect(both.status == 3)
        #expect(both.stdout.contains("\"damaged_files\": 1"))
    }

    @Test func missingPrefixesSayHowToGetThem() throws {
        let result = try Binary.run(["SampleLogs/AWSLogs"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("flowscan prefixes update"))
    }

    @Test func companionFileErrorsNameTheFile() throws {
        let pricing = directory.write("pricing.json", "{\"nat_gateway_gb\": \"cheap\"}")
        let bad = try Binary.run(["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--pricing", pricing])
        #expect(bad.status == 1)
        #expect(bad.stderr == "flowscan: \(pricing): nat_gateway_gb: expected a number of US dollars\n")
        let nat = directory.write("nat.json", "{\"NatGateways\": [{\"NatGatewayId\": \"nat-1\"}]}")
        let badNAT = try Binary.run(["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--nat-gateways", nat])
        #expect(badNAT.status == 1)
        #expect(badNAT.stderr.contains("\(nat): NatGateways[0].NatGatewayAddresses: missing"))
    }
}
