import Foundation
import Testing
@testable import FlowLogs

/// Tiny ip-ranges.json files written in the tests, and the real snapshots when they are present.
enum PrefixFixtures {
    /// One entry: CIDR block, service, region; the network border group is the region unless given.
    struct Entry {
        var cidr: String
        var service: String
        var region = "us-east-1"
        var group: String?

        init(_ cidr: String, _ service: String, _ region: String = "us-east-1", group: String? = nil) {
            self.cidr = cidr
            self.service = service
            self.region = region
            self.group = group
        }
    }

    /// The text of an ip-ranges.json file; IPv6 blocks (with a colon) go to `ipv6_prefixes`.
    static func json(_ entries: [Entry], syncToken: String = "1787411825",
                     createDate: String = "2026-08-22-15-17-05") -> String {
        func object(_ entry: Entry, key: String) -> String {
            "{\"\(key)\": \"\(entry.cidr)\", \"region\": \"\(entry.region)\", \"service\": \"\(entry.service)\", "
                + "\"network_border_group\": \"\(entry.group ?? entry.region)\"}"
        }
        let ipv4 = entries.filter { !$0.cidr.contains(":") }.map { object($0, key: "ip_prefix") }
        let ipv6 = entries.filter { $0.cidr.contains(":") }.map { object($0, key: "ipv6_prefix") }
        return """
        {"syncToken": "\(syncToken)", "createDate": "\(createDate)",
         "prefixes": [\(ipv4.joined(separator: ",\n  "))],
         "ipv6_prefixes": [\(ipv6.joined(separator: ",\n  "))]}
        """
    }

    /// A table built from entries.
    static func table(_ entries: [Entry]) throws -> PrefixTable {
        try PrefixTable(jsonData: Array(json(entries).utf8), source: "fixture.json")
    }

    /// The error loading `text` throws, or `nil` when it loads.
    static func error(loading text: String) -> PrefixFileError? {
        do {
            _ = try PrefixTable(jsonData: Array(text.utf8), source: "t.json")
            return nil
        } catch {
            return error
        }
    }

    // MARK: Real data

    /// `../shared/realdata/ip-ranges` beside the package root (absent in a user's clone).
    static let realDataDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/realdata/ip-ranges")

    static let real2026Path = realDataDirectory.appendingPathComponent("ip-ranges-2026-08-22.json").path
    static let real2022Path = realDataDirectory.appendingPathComponent("ip-ranges-2022-12-21.json").path

    /// True when the real snapshots are present (the skip condition of the real-data tests).
    static let hasRealData = FileManager.default.fileExists(atPath: real2026Path)
        && FileManager.default.fileExists(atPath: real2022Path)

    /// The 2026 snapshot, loaded once for all tests (`nil` when absent).
    static let real2026: PrefixTable? = try? PrefixTable.load(contentsOf: real2026Path)
    /// The 2022 snapshot, loaded once for all tests (`nil` when absent).
    static let real2022: PrefixTable? = try? PrefixTable.load(contentsOf: real2022Path)

    /// The built `flowscan` executable: beside the test executable, else in the package's `.build/debug`.
    static let flowscanBinary: String? = {
        let beside = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("flowscan").path
        let debug = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/flowscan").path
        return [beside, debug].first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// A fresh empty directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("flowscan-prefixes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension PrefixFixtures {
    /// Parses an address literal the test knows is valid.
    static func ip(_ text: String) -> IPAddress {
        guard let address = IPAddress(text) else { fatalError("bad address literal \(text)") }
        return address
    }
}
