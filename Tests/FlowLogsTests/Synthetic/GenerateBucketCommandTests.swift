import Foundation
import Testing
@testable import FlowLogs

/// `flowscan generate --accounts --regions --vpcs`, run as a user would, read back with today's
/// `flowscan inspect`.
@Suite struct GenerateBucketCommandTests {
    static let issueBucket = ["--accounts", "3", "--regions", "us-east-1,eu-west-1", "--vpcs", "2,1,1", "--minutes", "15", "--connections", "8"]

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theIssuesBucketIsOneCommandAndInspectAccountsForEveryFileAndLine() throws {
        let directory = TemporaryDirectory()
        let result = try Binary.run(["generate", directory.url.path] + Self.issueBucket)
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try Self.json(String(contentsOfFile: directory.path("expected.json"), encoding: .utf8))
        #expect(result.stderr == "wrote 12 files, \(expected["lines"] as? Int ?? -1) lines, \(expected["nat_bytes"] as? Int ?? -1) NAT bytes"
                    + " in 4 VPCs (3 accounts, 2 regions) to \(directory.url.path)\n")
        let scopes = try #require(expected["scopes"] as? [[String: Any]])
        #expect(scopes.map { "\($0["account"] as? String ?? "")/\($0["region"] as? String ?? "")" }
                    == ["123456789012/us-east-1", "123456789012/us-east-1", "234567900123/eu-west-1", "345679011234/us-east-1"])

        let inspect = try Binary.run(["inspect", directory.path("AWSLogs"), "--output", "json"])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        let report = try Self.json(inspect.stdout)
        let files = try #require(report["files"] as? [[String: Any]])
        let totals = try #require(report["totals"] as? [String: Any])
        #expect(files.count == expected["files"] as? Int)
        #expect(totals["malformed"] as? Int == 0)
        #expect(totals["skipped_files"] as? Int == 0)
        #expect(totals["damaged_files"] as? Int == 0)
        // Every file belongs to one scope by its flow-log id, under that scope's account and region,
        // and every line of it is a header, a record, NODATA or SKIPDATA.
        var lines: [Int: Int] = [:], nodata: [Int: Int] = [:], skipdata: [Int: Int] = [:], counted: [Int: Int] = [:]
        for file in files {
            let path = try #require(file["path"] as? String)
            let name = (path as NSString).lastPathComponent.split(separator: "_").map(String.init)
            let owners = scopes.indices.filter { (scopes[$0]["flow_logs"] as? [String] ?? []).contains(name[3]) }
            #expect(owners.count == 1, "\(path)")
            guard let owner = owners.first else { continue }
            let scope = scopes[owner]
            #expect(path.contains("/AWSLogs/\(scope["account"] as? String ?? "")/vpcflowlogs/\(scope["region"] as? String ?? "")/2026/11/24/"))
            #expect(file["status"] as? String == "ok")
            #expect(file["malformed"] as? Int == 0)
            lines[owner, default: 0] += (file["headers"] as? Int ?? 0) + (file["records"] as? Int ?? 0)
                + (file["nodata"] as? Int ?? 0) + (file["skipdata"] as? Int ?? 0)
            nodata[owner, default: 0] += file["nodata"] as? Int ?? 0
            skipdata[owner, default: 0] += file["skipdata"] as? Int ?? 0
            counted[owner, default: 0] += 1
        }
        for (index, scope) in scopes.enumerated() {
            #expect(lines[index] == scope["lines"] as? Int, "scope \(index)")
            #expect(nodata[index] == scope["nodata"] as? Int, "scope \(index)")
            #expect(skipdata[index] ?? 0 == scope["skipdata"] as? Int, "scope \(index)")
            #expect(counted[index] == scope["files"] as? Int, "scope \(index)")
        }
        let ipRanges = try Self.json(String(contentsOfFile: directory.path("ip-ranges.json"), encoding: .utf8))
        let regions = Set((ipRanges["prefixes"] as? [[String: String]] ?? []).map { $0["region"] ?? "" })
        #expect(regions == ["us-east-1", "eu-west-1", "GLOBAL"])
    }

    @Test func theDefaultRunStillWritesOneScope() throws {
        let directory = TemporaryDirectory()
        let result = try Binary.run(["generate", directory.url.path, "--minutes", "5", "--connections", "2", "--account", "000000000042"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("VPCs"))
        let expected = try Self.json(String(contentsOfFile: directory.path("expected.json"), encoding: .utf8))
        let scopes = try #require(expected["scopes"] as? [[String: Any]])
        #expect(scopes.count == 1)
        #expect(scopes[0]["account"] as? String == "000000000042")
        #expect(FileManager.default.fileExists(atPath: directory.path("AWSLogs/000000000042/vpcflowlogs/us-east-1/2026/11/24")))
    }

    @Test(arguments: [
        (["--accounts", "3", "--vpcs", "2,1"], "flowscan: --vpcs lists 2 counts for 3 accounts: give one count for every account, or one per account\n"),
        (["--vpcs", "2,x"], "flowscan: invalid value '2,x' for '--vpcs': expected a count or a comma list of counts, such as 2 or 2,1,1\n"),
        (["--regions", "us-east-1,Paris"], "flowscan: invalid value 'us-east-1,Paris' for '--regions': expected region codes separated by commas, such as us-east-1,eu-west-1\n"),
        (["--regions", "us-east-1", "--region", "eu-west-1"], "flowscan: --region and --regions cannot be used together: list every region in --regions\n"),
        (["--account", "12345"], "flowscan: invalid value '12345' for '--account': expected a 12-digit account id such as 123456789012\n"),
        (["--accounts", "2", "--format", "v5,default,both"], "flowscan: --format lists 3 formats for 2 accounts: give one format for every account, or one per account\n"),
        (["--format", "v5,v6"], "flowscan: invalid value 'v5,v6' for '--format': expected default, v5 or both, or a comma list of them (one per account)\n"),
        (["--accounts", "0"], "flowscan: invalid value '0' for '--accounts': expected a whole number from 1 to 10000\n"),
    ])
    func badBucketOptionsAreUsageErrors(arguments: [String], message: String) throws {
        let directory = TemporaryDirectory()
        let result = try Binary.run(["generate", directory.url.path, "--minutes", "5"] + arguments)
        #expect(result.status == 1)
        #expect(result.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: directory.path("AWSLogs")))
    }
}
