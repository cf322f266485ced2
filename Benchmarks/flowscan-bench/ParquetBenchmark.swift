import FlowLogs
import Foundation

/// `flowscan-bench parquet [--connections N] [--minutes N] [--seed N] [--repeat N] [--dir DIR]`:
/// the same records as gzip text and as Parquet (written as `flowscan generate` and
/// `flowscan generate --parquet` write them, same seed), each read the way `flowscan inspect` reads
/// (one worker), in a child process of its own so that each gets its own peak RSS (`VmHWM`). Prints, per
/// input, the best of N runs (default 3): wall time, CPU time, records/s, MB/s of the equivalent
/// text lines (the decoded bytes, which are equal for both), peak RSS; then the ratios.
///
/// The files are generated under DIR (default a temporary directory, removed afterwards); an
/// existing DIR/text and DIR/parquet are read as they are. Wall time on a shared machine is noisy;
/// CPU time less so. For instruction counts, run a child under callgrind:
///
///     valgrind --tool=callgrind .build/release/flowscan-bench parquet --child DIR/parquet --repeat 1
func runParquetBenchmark(_ arguments: [String]) throws {
    var options = SyntheticVPC.Options()
    options.connectionsPerFile = 20_000
    options.minutes = 60
    var repeats = 3
    var directory: String?
    var child: String?
    var index = 0
    while index < arguments.count {
        let word = arguments[index]
        guard index + 1 < arguments.count else { throw BenchmarkUsage(text: parquetUsage) }
        let value = arguments[index + 1]
        switch word {
        case "--connections": options.connectionsPerFile = try positive(value)
        case "--minutes": options.minutes = try positive(value)
        case "--seed": options.seed = UInt64(try positive(value))
        case "--repeat": repeats = try positive(value)
        case "--dir": directory = value
        case "--child": child = value
        default: throw BenchmarkUsage(text: parquetUsage)
        }
        index += 2
    }
    if let child {
        measureReading(child, repeats: repeats)
        return
    }

    let root = directory ?? NSTemporaryDirectory() + "flowscan-bench-parquet-\(getpid())"
    defer { if directory == nil { try? FileManager.default.removeItem(atPath: root) } }
    for (name, parquet) in [("text", false), ("parquet", true)] where !FileManager.default.fileExists(atPath: root + "/" + name) {
        var generated = options
        generated.parquet = parquet
        _ = try SyntheticVPC(options: generated).write(to: root + "/" + name)
    }
    var figures: [String: ReadingFigures] = [:]
    for name in ["text", "parquet"] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["parquet", "--child", root + "/" + name, "--repeat", String(repeats)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let read = ReadingFigures(output) else {
            throw BenchmarkUsage(text: "the \(name) reading failed: \(output)")
        }
        figures[name] = read
    }
    let text = figures["text"]!, parquet = figures["parquet"]!
    print("records     \(text.records) (text), \(parquet.records) (Parquet): "
          + "\(String(format: "%.1f", Double(text.decoded) / 1e6)) MB of text lines, best of \(repeats), 1 worker")
    print("on disk     gzip text \(String(format: "%.1f", Double(text.input) / 1e6)) MB, "
          + "Parquet \(String(format: "%.1f", Double(parquet.input) / 1e6)) MB")
    for (name, read) in [("gzip text", text), ("Parquet", parquet)] {
        print(name.padding(toLength: 12, withPad: " ", startingAt: 0)
              + "\(String(format: "%.3f", read.wall)) s wall, \(String(format: "%.3f", read.cpu)) s CPU; "
              + "\(String(format: "%.2f", Double(read.records) / read.wall / 1e6)) M records/s, "
              + "\(String(format: "%.0f", Double(read.decoded) / read.wall / 1e6)) MB/s; "
              + "peak RSS \(String(format: "%.1f", Double(read.peakKilobytes) / 1024)) MB")
    }
    print("ratio       Parquet is \(String(format: "%.2f", text.wall / parquet.wall))× as fast as gzip text (wall), "
          + "\(String(format: "%.2f", text.cpu / parquet.cpu))× (CPU); peak RSS "
          + "\(String(format: "%.2f", Double(parquet.peakKilobytes) / Double(text.peakKilobytes)))×")
}

private let parquetUsage = "usage: flowscan-bench parquet [--connections N] [--minutes N] [--seed N] [--repeat N] [--dir DIR]"

private struct BenchmarkUsage: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}

private func positive(_ word: String) throws -> Int {
    guard let value = Int(word), value > 0 else { throw BenchmarkUsage(text: parquetUsage) }
    return value
}

/// What one child reading printed.
private struct ReadingFigures {
    var records = 0
    var decoded: UInt64 = 0
    var input: UInt64 = 0
    var wall = 0.0
    var cpu = 0.0
    var peakKilobytes = 0

    /// Parses `records decoded input wall cpu peak` (one line).
    init?(_ line: String) {
        let words = line.split(separator: " ").map { String($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard words.count == 6, let records = Int(words[0]), let decoded = UInt64(words[1]), let input = UInt64(words[2]),
              let wall = Double(words[3]), let cpu = Double(words[4]), let peak = Int(words[5]) else { return nil }
        (self.records, self.decoded, self.input, self.wall, self.cpu, peakKilobytes) = (records, decoded, input, wall, cpu, peak)
    }
}

/// The child: reads `directory`'s logs `repeats` times and prints the best times in one line.
private func measureReading(_ directory: String, repeats: Int) {
    var bestWall = Double.infinity, bestCPU = Double.infinity
    var inspection = Inspection(files: [])
    for _ in 0..<repeats {
        let cpuStart = cpuSeconds()
        let start = ContinuousClock.now
        inspection = Inspection.run(paths: [directory + "/AWSLogs"], options: ReadOptions(), jobs: 1)
        let elapsed = ContinuousClock.now - start
        bestWall = min(bestWall, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        bestCPU = min(bestCPU, cpuSeconds() - cpuStart)
    }
    let totals = inspection.totals
    print("\(totals.records) \(totals.decodedBytes) \(totals.inputBytes) \(bestWall) \(bestCPU) \(peakKilobytes())")
}

/// `VmHWM` of /proc/self/status: the peak RSS of this process image (`ru_maxrss` would start from
/// the parent's, which generated the files).
private func peakKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}

private func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
