import FlowLogs
import Foundation

/// Shows a scan's progress on standard error (never standard output): files done, input read,
/// the rate of input read from disk (compressed bytes for gzip), elapsed time and ETA, rewritten in place twice a second.
final class ProgressDisplay: @unchecked Sendable {
    private let progress: ScanProgress
    private let started = Date()
    private let lock = NSLock()
    private var running = true
    private let stopped = DispatchSemaphore(value: 0)
    private let wake = DispatchSemaphore(value: 0)
    /// On a terminal the line is rewritten in place; elsewhere (`--progress` into a log) one line
    /// is written every few seconds.
    private let inPlace = Console.isTerminal(STDERR_FILENO)

    /// Whether to show progress: `--progress` forces it, `--no-progress` silences it, otherwise
    /// only when standard error is a terminal.
    static func wanted(_ arguments: ParsedArguments) -> Bool {
        if arguments.flag("no-progress") { return false }
        return arguments.flag("progress") || Console.isTerminal(STDERR_FILENO)
    }

    /// Runs `scan`, handing it a function that starts the display for the inputs found (when
    /// progress is wanted), and stops the display when the scan ends, however it ends.
    static func around<T>(_ arguments: ParsedArguments,
                          _ scan: (@escaping ([InputDiscovery.Entry]) -> ScanProgress?) throws -> T) rethrows -> T {
        let wanted = wanted(arguments)
        let started = DisplayBox()
        defer { started.display?.finish() }
        return try scan { entries in
            guard wanted else { return nil }
            let display = ProgressDisplay(entries: entries)
            started.display = display
            return display.scanProgress
        }
    }

    /// Starts showing the progress of a scan of `entries`.
    init(entries: [InputDiscovery.Entry]) {
        let readable = entries.filter { $0.skipReason == nil }
        progress = ScanProgress(totalFiles: readable.count, totalBytes: readable.reduce(0) { $0 + ($1.size ?? 0) })
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// The progress object the scan updates.
    var scanProgress: ScanProgress { progress }

    /// Stops and clears the line.
    func finish() {
        lock.lock()
        running = false
        lock.unlock()
        wake.signal()
        stopped.wait()
    }

    private func run() {
        while true {
            lock.lock()
            let keepGoing = running
            lock.unlock()
            if !keepGoing { break }
            Console.progress(inPlace ? "\r\u{1b}[K" + line() : line() + "\n")
            _ = wake.wait(timeout: .now() + (inPlace ? 0.5 : 5))
        }
        if inPlace { Console.progress("\r\u{1b}[K") }
        stopped.signal()
    }

    private func line() -> String {
        let (files, bytes) = progress.snapshot
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(bytes) / elapsed : 0
        var text = "files \(files)/\(progress.totalFiles)  \(NumberText.bytes(bytes))"
        if progress.totalBytes > 0 { text += " of \(NumberText.bytes(progress.totalBytes))" }
        text += "  \(NumberText.decimal(rate / 1e6, 1)) MB/s from disk  elapsed \(Self.clock(elapsed))"
        if rate > 0, progress.totalBytes > bytes {
            text += "  ETA \(Self.clock(Double(progress.totalBytes - bytes) / rate))"
        }
        return text
    }

    private static func clock(_ seconds: Double) -> String {
        let total = Int(min(max(seconds, 0), 359_999).rounded())  // up to 99:59:59
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }
}

/// The display a scan started, if any (set from inside the scan's callback).
private final class DisplayBox: @unchecked Sendable {
    var display: ProgressDisplay?
}
