import FlowLogs
import Foundation

/// `flowscan-bench dns [--answers N] [--addresses N] [--repeat N] [PATH...]`: reading Route 53
/// Resolver query logs into the address → name map.
///
/// With PATHs, reads those files (discovery, gzip, lines, JSON, the map) on one worker and prints
/// lines/s and MB/s, the best of N runs (default 3). Without, writes a synthetic log of N A
/// answers (default 10,000,000, one per line) over `--addresses` distinct addresses (default
/// 1,000,000: more than the map keeps, so its bound is what is measured) to a temporary gzip
/// file, reads it once and prints lines/s and the peak resident memory of the process.
///
/// Peak memory is `getrusage` `ru_maxrss` of this process (generation included: its buffers are
/// small). For instruction counts, run under `valgrind --tool=callgrind` as for `parse`.
func runDNSBenchmark(_ arguments: [String]) throws {
    var answers = 10_000_000
    var distinct = 1_000_000
    var repeats = 3
    var paths: [String] = []
    var index = 0
    while index < arguments.count {
        let word = arguments[index]
        if ["--answers", "--addresses", "--repeat"].contains(word), index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 {
            switch word {
            case "--answers": answers = value
            case "--addresses": distinct = value
            default: repeats = value
            }
            index += 2
        } else {
            paths.append(word)
            index += 1
        }
    }
    var cleanup: String?
    if paths.isEmpty {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowscan-bench-dns-\(getpid()).log.gz").path
        let start = ContinuousClock.now
        try writeSyntheticResolverLog(to: path, answers: answers, distinct: distinct)
        print("generated   \(answers) answers over \(distinct) addresses in \(String(format: "%.1f", seconds(ContinuousClock.now - start))) s: \(path)")
        paths = [path]
        cleanup = path
        repeats = 1
    }
    defer { if let cleanup { try? FileManager.default.removeItem(atPath: cleanup) } }

    var best = Double.infinity
    var logs = ResolverLogs()
    for _ in 0..<repeats {
        let start = ContinuousClock.now
        logs = ResolverLogs.read(InputDiscovery.discover(paths), options: DNSNamingOptions(), read: ReadOptions(), jobs: 1)
        best = min(best, seconds(ContinuousClock.now - start))
    }
    let lines = logs.files.reduce(0) { $0 + $1.lines }
    let megabytes = Double(logs.files.reduce(0) { $0 + $1.decodedBytes }) / 1e6
    let counts = logs.names.counts
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print("input       \(logs.files.count) files, \(lines) lines, \(String(format: "%.1f", megabytes)) MB decoded "
          + "(\(counts.queries) queries, \(logs.files.reduce(0) { $0 + $1.malformed }) malformed)")
    print("time        \(String(format: "%.3f", best)) s best of \(repeats), 1 worker")
    print("speed       \(String(format: "%.2f", Double(lines) / best / 1e6)) M lines/s, \(String(format: "%.0f", megabytes / best)) MB/s")
    print("map         \(logs.names.addressCount) addresses, \(logs.names.observationCount) observations, \(logs.names.nameCount) names; "
          + "\(counts.kept) answers kept, \(counts.dropped.total) dropped (map full), \(counts.dropped.sourceDetail) for the VPC only")
    print("peak RSS    \(String(format: "%.1f", Double(usage.ru_maxrss) / 1024)) MB (ru_maxrss of this process)")
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// One A answer a line: 40 service names, 200 asking interfaces, answers spread over a week.
private func writeSyntheticResolverLog(to path: String, answers: Int, distinct: Int) throws {
    let services = ["sqs", "sns", "logs", "monitoring", "sts", "secretsmanager", "kms", "ssm", "ssmmessages", "ec2messages",
                    "events", "lambda", "ecs", "xray", "kinesis", "firehose", "athena", "glue", "states", "bedrock-runtime"]
    let names = services.map { "\($0).us-east-1.amazonaws.com." } + (0..<20).map { "\($0)1234567890\($0 % 10).dkr.ecr.us-east-1.amazonaws.com." }
    let writer = GzipWriter(level: 1)
    var text = ""
    text.reserveCapacity(1 << 20)
    var output = try FileHandleSink(path: path)
    let week = UInt64(7 * 86_400)
    for index in 0..<answers {
        let slot = UInt64(index) &* 2_654_435_761 % UInt64(distinct)
        let address = 0x3400_0000 | UInt32(truncatingIfNeeded: slot)  // 52.x.x.x
        let time = 1_795_946_400 + UInt64(index) * week / UInt64(answers)
        let name = names[Int(slot % UInt64(names.count))]
        text += #"{"version":"1.100000","account_id":"111122223333","region":"us-east-1","vpc_id":"vpc-0bench","query_timestamp":""#
        text += UnixTime.iso8601(time)
        text += #"","query_name":""# + name + #"","query_type":"A","query_class":"IN","rcode":"NOERROR","answers":[{"Rdata":""#
        text += "\(address >> 24).\(address >> 16 & 0xff).\(address >> 8 & 0xff).\(address & 0xff)"
        text += #"","Type":"A","Class":"IN"}],"srcaddr":"10.0.\#(index % 200 / 100).\#(index % 100 + 10)","srcport":"40000","transport":"UDP","srcids":{"instance":"i-0bench\#(index % 200)"}}"#
        text += "\n"
        if text.utf8.count > 1 << 20 {
            writer.write(text.utf8)
            try output.write(writer.takeOutput())
            text.removeAll(keepingCapacity: true)
        }
    }
    writer.write(text.utf8)
    try output.write(writer.finish())
    try output.close()
}

/// Appends bytes to a file.
private struct FileHandleSink {
    let handle: FileHandle

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw NSError(domain: "flowscan-bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "cannot create \(path)"])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    mutating func write(_ bytes: [UInt8]) throws { try handle.write(contentsOf: bytes) }
    func close() throws { try handle.close() }
}
