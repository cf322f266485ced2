import Foundation
import Testing
@testable import FlowLogs

/// Runs `flowscan inspect` on hostile input and checks what every such run must do: finish,
/// print valid JSON, account for every file, and exit with the documented status.
enum Hostile {
    struct FileResult {
        var path: String
        var status: String
        var error: String?
        var json: [String: Any]
        func count(_ key: String) -> Int { json[key] as? Int ?? -1 }
        /// Every line of the file is exactly one of these.
        var lines: Int {
            ["records", "nodata", "skipdata", "transit_gateway", "malformed", "headers", "blank_lines"].reduce(0) { $0 + count($1) }
        }
    }

    /// `flowscan inspect PATHS --output json`, with the checks every hostile case shares.
    static func inspect(_ paths: [String], extra: [String] = [], expectedStatus: Int32,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> [FileResult] {
        let result = try Binary.run(["inspect"] + paths + ["--output", "json"] + extra, timeLimit: 60)
        #expect(!result.timedOut, "flowscan hung", sourceLocation: sourceLocation)
        #expect(result.status == expectedStatus, "exit status; stderr: \(result.stderr)", sourceLocation: sourceLocation)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let object = try #require(parsed, "output is not a JSON object", sourceLocation: sourceLocation)
        let files = try #require(object["files"] as? [[String: Any]], sourceLocation: sourceLocation)
        let totals = try #require(object["totals"] as? [String: Any], sourceLocation: sourceLocation)
        #expect(totals["files"] as? Int == files.count, sourceLocation: sourceLocation)
        let results = files.map { file in
            FileResult(path: file["path"] as? String ?? "", status: file["status"] as? String ?? "",
                       error: file["error"] as? String, json: file)
        }
        for file in results {
            #expect(["ok", "damaged", "skipped"].contains(file.status), sourceLocation: sourceLocation)
            if file.status != "ok" {
                #expect(file.error?.isEmpty == false, "\(file.path) is \(file.status) without a reason", sourceLocation: sourceLocation)
            }
        }
        let damaged = results.filter { $0.status == "damaged" }.count
        let skipped = results.filter { $0.status == "skipped" }.count
        #expect(totals["damaged_files"] as? Int == damaged, sourceLocation: sourceLocation)
        #expect(totals["skipped_files"] as? Int == skipped, sourceLocation: sourceLocation)
        return results
    }

    /// The number of lines in `text` as flowscan counts them (a last line without newline counts).
    static func lineCount(_ bytes: [UInt8]) -> Int {
        let newlines = bytes.reduce(0) { $0 + ($1 == ASCII.newline ? 1 : 0) }
        return newlines + (bytes.last.map { $0 == ASCII.newline ? 0 : 1 } ?? 0)
    }

    /// Valid flow-log text: a header and `count` default-format records.
    static func records(_ count: Int, header: Bool = true) -> String {
        (header ? Fixtures.v2Header + "\n" : "") + (0..<count).map {
            "2 123456789012 eni-0a1b2c3d4e5f60718 10.0.1.\($0 % 250) 52.216.8.\($0 % 200) 4\($0 % 10)000 443 6 10 \(1000 + $0) 1764000000 1764000060 ACCEPT OK\n"
        }.joined()
    }
}
