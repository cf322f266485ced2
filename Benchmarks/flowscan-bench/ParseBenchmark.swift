import FlowLogs
import Foundation

/// `flowscan-bench parse [--repeat N] [--jobs N] PATH...`: reads flow logs (plain text is meant:
/// no inflate time) with the path `flowscan inspect` takes (discovery, lines, record parsing,
/// per-file counts; nothing aggregated) and prints lines/s and MB/s, the best of N runs
/// (default 3, one worker).
///
/// Wall time on a shared machine is noisy; instruction counts are not. For those, run once under
/// callgrind, and once on an empty directory for the start-up cost:
///
///     valgrind --tool=callgrind --callgrind-out-file=parse.out \
///         .build/release/flowscan-bench parse --repeat 1 DIR
///     Ir per line = (Ir of DIR - Ir of an empty directory) / lines
func runParseBenchmark(_ arguments: [String]) throws {
    var repeats = 3
    var jobs = 1
    var paths: [String] = []
    var index = 0
    while index < arguments.count {
        let word = arguments[index]
        if word == "--repeat" || word == "--jobs", index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 {
            if word == "--repeat" { repeats = value } else { jobs = value }
            index += 2
        } else {
            paths.append(word)
            index += 1
        }
    }
    guard !paths.isEmpty else {
        print("usage: flowscan-bench parse [--repeat N] [--jobs N] PATH...")
        return
    }

    var best = Double.infinity
    var inspection = Inspection(files: [])
    for _ in 0..<repeats {
        let start = ContinuousClock.now
        inspection = Inspection.run(paths: paths, options: ReadOptions(), jobs: jobs)
        let elapsed = ContinuousClock.now - start
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let lines = inspection.files.reduce(0) { $0 + $1.lines }
    let megabytes = Double(inspection.totals.decodedBytes) / 1e6
    let totals = inspection.totals
    print("input       \(totals.files) files, \(lines) lines, \(String(format: "%.1f", megabytes)) MB decoded "
          + "(\(totals.records) records, \(totals.malformed) malformed)")
    print("time        \(String(format: "%.3f", best)) s best of \(repeats), \(jobs) worker(s)")
    print("speed       \(String(format: "%.2f", Double(lines) / best / 1e6)) M lines/s, "
          + "\(String(format: "%.0f", megabytes / best)) MB/s")
    print("instructions: run with --repeat 1 under valgrind --tool=callgrind, and once on an empty "
          + "directory; (Ir - Ir empty) / \(lines) lines = Ir per line")
}
