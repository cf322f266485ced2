#if !FUZZING
@testable import FlowLogs
import Testing
#endif
import Foundation

/// Stops the process with `message` when `condition` is false, so that libFuzzer keeps the input
/// as a crash (unlike `precondition`, `fatalError` prints its message in optimised builds). Under
/// `swift test` it records an issue instead, unless `FuzzChecks.failuresAreFatal` is set.
func fuzzRequire(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    guard !condition() else { return }
    #if FUZZING
    fatalError(message())
    #else
    if FuzzChecks.failuresAreFatal { fatalError(message()) }
    Issue.record(Comment(rawValue: message()))
    #endif
}

/// A broken invariant: `fuzzRequire(false, message)`.
func fuzzFailure(_ message: @autoclosure () -> String) {
    fuzzRequire(false, message())
}

/// Invariants shared by the fuzz targets. Each stops the process with a message naming what broke.
enum FuzzChecks {
    #if !FUZZING
    /// True where a broken invariant must stop the process, as in a fuzzer (an exit test's child).
    @TaskLocal static var failuresAreFatal = false
    #endif

    /// Checks that `text` can go to a terminal: no C0 control character but the newline, no DEL,
    /// no C1 control, no bidirectional override (the characters `TerminalText.safe` escapes).
    static func terminalSafe(_ text: String, _ what: @autoclosure () -> String) {
        guard let scalar = text.unicodeScalars.first(where: { $0 != "\n" && isUnsafe($0) }) else { return }
        fuzzFailure("\(what()) holds U+\(String(scalar.value, radix: 16)): \(text.debugDescription.prefix(600))")
    }

    /// The characters a terminal may act on, or that make text read as something else.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7f...0x9f).contains(value) || (0x202a...0x202e).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    /// Checks that `text` is a JSON document `JSONSerialization` accepts.
    static func parsesAsJSON(_ text: String, _ what: @autoclosure () -> String) {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            fuzzFailure("\(what()) is not valid JSON (\(error)): \(text.prefix(600))")
        }
    }

    /// Checks that `text` is HTML as flowscan writes it (`MarkupCheck`): nothing from the input
    /// became markup.
    static func wellFormedHTML(_ text: String, _ what: @autoclosure () -> String) {
        guard let problem = MarkupCheck.problem(in: text) else { return }
        fuzzFailure("\(what()) is not well-formed: \(problem)")
    }

    /// Checks that a price or volume is a number a report can print.
    static func finite(_ value: Double, _ what: @autoclosure () -> String) {
        fuzzRequire(value.isFinite, "\(what()) is \(value)")
    }

    /// The number of lines `LineSplitter` finds in `bytes`: one per newline, plus a last line
    /// without one (which may be only a carriage return).
    ///
    ///     "a\nb"  →  2      "a\n"  →  1      "\r"  →  1      ""  →  0
    static func lineCount<Bytes: Collection>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        var newlines = 0
        var last: UInt8?
        for byte in bytes {
            if byte == ASCII.newline { newlines += 1 }
            last = byte
        }
        return newlines + (last == nil || last == ASCII.newline ? 0 : 1)
    }
}
