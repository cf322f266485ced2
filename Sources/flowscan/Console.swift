import FlowLogs
import Foundation

/// Standard output and standard error, buffered, for the whole process.
enum Console {
    nonisolated(unsafe) private static var pending: [UInt8] = []

    /// Writes text to standard output (buffered until `flush` or 64 KB).
    static func output(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    /// Writes bytes to standard output.
    static func output(bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        if pending.count >= 1 << 16 { flush() }
    }

    /// Writes text to standard error at once (after flushing standard output). Messages quote
    /// input (paths, values, region names), so control characters in them are shown escaped.
    static func error(_ text: String) {
        flush()
        write(Array(TerminalText.safeLines(text).utf8), to: STDERR_FILENO)
    }

    /// Writes a progress line to standard error at once, from any thread (standard output's
    /// buffer is not touched).
    static func progress(_ text: String) {
        write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes everything buffered for standard output.
    static func flush() {
        guard !pending.isEmpty else { return }
        write(pending, to: STDOUT_FILENO)
        pending.removeAll(keepingCapacity: true)
    }

    /// The columns text output is wrapped to: the terminal's width when standard output is one
    /// (at least 40), else 80.
    static func outputWidth() -> Int {
        guard isTerminal(STDOUT_FILENO) else { return 80 }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return max(40, Int(size.ws_col))
    }

    /// True when the file descriptor is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // a closed pipe: nothing more can be said
                }
                offset += written
            }
        }
    }
}
