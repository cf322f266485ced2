import Foundation

/// Runs the built `flowscan` binary and captures what it says.
enum Binary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder SwiftPM builds products into (it holds the test bundle and `flowscan`).
    static let productsDirectory: URL = {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }()

    static var path: String { productsDirectory.appendingPathComponent("flowscan").path }

    /// Runs `flowscan arguments` in the package root with a fixed clock (SOURCE_DATE_EPOCH).
    static func run(_ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:]) throws -> Result {
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
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Data handed from a reading thread to the test.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
