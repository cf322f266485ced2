import FlowLogs
import Foundation

/// `flowscan-bench dns [--answers N] [--addresses N] [--files N] [--seed N] [--jobs N] [--repeat N] [--dir DIR] [PATH...]`:
/// reading Route 53 Resolver query logs into the address → name map.
///
/// Without PATHs, writes a synthetic set first, the same for the same options on every run
/// (`SplitMix64` seeded by `--seed`, default 1): N A answers (default 10,000,000, one per query
/// line) over `--addresses` distinct addresses (default 1,000,000: more than the map keeps, so its
/// bound is what is measured), split in `--files` gzip files (default 2, so that two workers
/// share them), and prints the text's size and FNV-1a digest to show it; into `--dir DIR` (kept,
/// for `flowscan report --dns-logs DIR`), else a temporary folder removed at the end. Then reads the files as
/// the report does (discovery, gzip, lines, JSON, the one map) on `--jobs` workers (default 1)
/// and prints, for the best of N runs (default 3; 1 for a generated set), answers/s, queries/s
/// and decoded MB/s, the map's size, and the peak resident memory (`VmHWM` of this process: the
/// generation before it holds about 2 MB of buffers).
///
/// For instruction counts, run under `valgrind --tool=callgrind` as for `parse`.
func runDNSBenchmark(_ arguments: [String]) throws {
    var options = SyntheticResolverLogs()
    var jobs = 1
    var repeats: Int?
    var paths: [String] = []
    var keep: String?
    var index = 0
    while index < arguments.count {
        let word = arguments[index]
        if word == "--dir", index + 1 < arguments.count {
            keep = arguments[index + 1]
            index += 2
            continue
        }
        let flags = ["--answers", "--addresses", "--files", "--seed", "--jobs", "--repeat"]
        guard flags.contains(word) else {
            paths.append(word)
            index += 1
            continue
        }
        guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else {
            throw DNSBenchmarkUsage()
        }
        switch word {
        case "--answers": options.answers = value
        case "--addresses": options.addresses = value
        case "--files": options.files = value
        case "--seed": options.seed = UInt64(value)
        case "--jobs": jobs = value
        default: repeats = value
        }
        index += 2
    }
    var directory: String?
    let generated = paths.isEmpty
    if generated {
        let root = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("flowscan-bench-dns-\(getpid())").path
        let start = ContinuousClock.now
        let written = try options.write(to: root)
        print("generated   \(options.answers) answers over \(options.addresses) addresses, seed \(options.seed), "
              + "\(options.files) gzip files in \(String(format: "%.1f", seconds(ContinuousClock.now - start))) s: "
              + "\(written.textBytes) bytes of text, FNV-1a \(String(written.digest, radix: 16))")
        paths = [root]
        directory = keep == nil ? root : nil
    }
    defer { if let directory { try? FileManager.default.removeItem(atPath: directory) } }
    let runs = repeats ?? (generated ? 1 : 3)
    let before = peakKilobytes()

    var best = Double.infinity
    var logs = ResolverLogs()
    for _ in 0..<runs {
        logs = ResolverLogs()  // the previous run's map is freed before the next is built
        let start = ContinuousClock.now
        logs = ResolverLogs.read(InputDiscovery.discover(paths), options: DNSNamingOptions(), read: ReadOptions(), jobs: jobs)
        best = min(best, seconds(ContinuousClock.now - start))
    }
    let lines = logs.files.reduce(0) { $0 + $1.lines }
    let megabytes = Double(logs.files.reduce(0) { $0 + $1.decodedBytes }) / 1e6
    let counts = logs.names.counts
    print("input       \(logs.files.count) files, \(lines) lines, \(String(format: "%.1f", megabytes)) MB decoded "
          + "(\(counts.queries) queries, \(counts.addressAnswers) address answers, \(logs.files.reduce(0) { $0 + $1.malformed }) malformed)")
    print("time        \(String(format: "%.3f", best)) s best of \(runs), \(jobs) worker\(jobs == 1 ? "" : "s")")
    print("speed       \(String(format: "%.2f", Double(counts.addressAnswers) / best / 1e6)) M answers/s, "
          + "\(String(format: "%.2f", Double(counts.queries) / best / 1e6)) M queries/s, \(String(format: "%.0f", megabytes / best)) MB/s")
    print("map         \(logs.names.addressCount) addresses, \(logs.names.observationCount) observations, \(logs.names.nameCount) names; "
          + "\(counts.kept) answers kept, \(counts.dropped.total) dropped (map full), \(counts.dropped.sourceDetail) for the VPC only")
    print("peak RSS    \(String(format: "%.1f", Double(peakKilobytes()) / 1024)) MB (VmHWM; \(String(format: "%.1f", Double(before) / 1024)) MB before reading)")
}

private struct DNSBenchmarkUsage: Error, CustomStringConvertible {
    var description: String {
        "usage: flowscan-bench dns [--answers N] [--addresses N] [--files N] [--seed N] [--jobs N] [--repeat N] [--dir DIR] [PATH...]"
    }
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// `VmHWM` of /proc/self/status: the peak RSS of this process, in KB.
private func peakKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}

/// A synthetic set of Resolver query logs, one A answer a line: 40 service names (each address
/// keeps one, so none is ambiguous), 200 asking interfaces, answers spread over a week, all
/// drawn from `SplitMix64(seed:)`.
struct SyntheticResolverLogs {
    var answers = 10_000_000
    var addresses = 1_000_000
    var files = 2
    var seed: UInt64 = 1

    static let services = ["sqs", "sns", "logs", "monitoring", "sts", "secretsmanager", "kms", "ssm", "ssmmessages", "ec2messages",
                           "events", "lambda", "ecs", "xray", "kinesis", "firehose", "athena", "glue", "states", "bedrock-runtime"]
    static let names = services.map { "\($0).us-east-1.amazonaws.com." } + (0..<20).map { "\($0)1234567890\($0 % 10).dkr.ecr.us-east-1.amazonaws.com." }

    /// Writes `files` gzip files `queries-K.log.gz` into `directory`.
    /// - Returns: the text's size and FNV-1a digest (the same for the same options).
    func write(to directory: String) throws -> (textBytes: Int, digest: UInt64) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var random = SplitMix64(seed: seed)
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        var textBytes = 0
        let week = UInt64(7 * 86_400)
        var next = 0
        for file in 0..<files {
            let writer = GzipWriter(level: 1)
            let path = directory + "/queries-\(file).log.gz"
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            var text = ""
            text.reserveCapacity(1 << 20)
            func flush() throws {
                for byte in text.utf8 { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01b3 }
                textBytes += text.utf8.count
                writer.write(text.utf8)
                try handle.write(contentsOf: writer.takeOutput())
                text.removeAll(keepingCapacity: true)
            }
            let end = answers * (file + 1) / files
            while next < end {
                let slot = random.below(addresses)
                let address = 0x3400_0000 | UInt32(truncatingIfNeeded: slot)  // 52.x.x.x
                let time = 1_795_946_400 + UInt64(next) * week / UInt64(answers) + UInt64(random.below(60))
                let name = Self.names[slot % Self.names.count]
                let source = random.below(200)
                text += #"{"version":"1.100000","account_id":"111122223333","region":"us-east-1","vpc_id":"vpc-0bench","query_timestamp":""#
                text += UnixTime.iso8601(time)
                text += #"","query_name":""# + name + #"","query_type":"A","query_class":"IN","rcode":"NOERROR","answers":[{"Rdata":""#
                text += "\(address >> 24).\(address >> 16 & 0xff).\(address >> 8 & 0xff).\(address & 0xff)"
                text += #"","Type":"A","Class":"IN"}],"srcaddr":"10.0.\#(source / 100).\#(source % 100 + 10)","srcport":"40000","transport":"UDP","srcids":{"instance":"i-0bench\#(source)"}}"#
                text += "\n"
                if text.utf8.count > 1 << 20 { try flush() }
                next += 1
            }
            try flush()
            try handle.write(contentsOf: writer.finish())
            try handle.close()
        }
        return (textBytes, digest)
    }
}
