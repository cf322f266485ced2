import FlowLogs
import Foundation

// Benchmarks that print figures (never timed assertions). Build and run in release mode:
//   swift run -c release flowscan-bench NAME [arguments]
// Each benchmark lives in its own file; this table names them.
let benchmarks: [(name: String, summary: String, run: ([String]) throws -> Void)] = [
    ("inflate", "bare zlib inflate of files over N threads: [--jobs N] PATH...", runInflateBenchmark),
    ("prefixes", "[FILE] [LOOKUPS]: ip-ranges.json load time and lookups/s (IPv4, IPv6)", runPrefixLookupBenchmark),
    ("parse", "[--repeat N] [--jobs N] PATH...: inspect-path reading of flow logs, lines/s and MB/s", runParseBenchmark),
    ("parquet", "[--connections N] [--minutes N] [--seed N] [--repeat N] [--dir DIR]: the same records as gzip text and as Parquet, records/s, MB/s and peak RSS of each, and the ratio", runParquetBenchmark),
    ("dns", "[--answers N] [--addresses N] [--files N] [--seed N] [--jobs N] [--repeat N] [--dir DIR] [PATH...]: Resolver query logs (generated, seeded) into the address map, answers/s, MB/s and peak RSS", runDNSBenchmark),
]

let words = Array(CommandLine.arguments.dropFirst())
guard let name = words.first, let benchmark = benchmarks.first(where: { $0.name == name }) else {
    print("usage: flowscan-bench NAME [arguments]\n")
    for benchmark in benchmarks { print("  \(benchmark.name)  \(benchmark.summary)") }
    exit(words.isEmpty || words.first == "--help" ? 0 : 1)
}
do {
    try benchmark.run(Array(words.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("flowscan-bench: \(error)\n".utf8))
    exit(1)
}
