import Foundation

/// Runs the built `flowscan` binary and captures what it says.
enum Binary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the run was killed for taking longer than its time limit.
        var timedOut = false
    }

    /// The folder SwiftPM builds products into (it holds the test bundle and `flowscan`).
    static let productsDirectory: URL = {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }()

    static var path: String { productsDirectory.appendingPathComponent("flowscan").path }

    /// Runs `flowscan arguments` in the package root with a fixed clock (SOURCE_DATE_EPOCH);
    /// a run longer than `timeLimit` seconds is killed (a hang fails the test, never the suite).
    static func run(_ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:],
                    timeLimit: Double = 120) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1796083200"  // 2026-12-01T00:00:00Z
        env.removeValue(forKey: "FLOWSCAN_PREFIXES")
        env["XDG_CACHE_HOME"] = "/nonexistent-flowscan-cache"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: watchdog)
        defer { watchdog.cancel() }
        if let stdin {
            try input.fileHandleForWriting.write(contentsOf: Data(stdin))
            try input.fileHandleForWriting.close()
        }
        // Read both pipes before waiting, so a full pipe cannot block the child.
        let errorBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorBox.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errorBox.get()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self),
                      timedOut: process.terminationReason == .uncaughtSignal)
    }

    /// Runs `flowscan arguments` with its output discarded and returns its exit status and peak
    /// resident memory in KB, sampled from the child's own `/proc/PID/status` (VmHWM) until it
    /// exits. (`wait4`'s ru_maxrss would include the test process's own peak: children are
    /// spawned with vfork, whose memory high-water mark carries over into the child.)
    static func peakMemory(_ arguments: [String]) throws -> (status: Int32, maxRSSKB: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var peak = 0
        let statusFile = "/proc/\(process.processIdentifier)/status"
        while process.isRunning {
            if let status = try? String(contentsOfFile: statusFile, encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
                peak = max(peak, kilobytes)
            }
            usleep(2000)
        }
        process.waitUntilExit()
        return (process.terminationStatus, peak)
    }
}

/// Data handed from a reading thread to the test.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
