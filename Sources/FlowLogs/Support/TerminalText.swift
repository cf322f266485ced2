/// Makes text from log files safe to print on a terminal.
public enum TerminalText {
    /// Replaces control characters (C0, DEL, C1: escape sequences among them) with visible
    /// `\xHH` / `\u{HHHH}` escapes, so bytes from input files never drive the terminal.
    ///
    ///     TerminalText.safe("eni-1\u{1b}[31m")   // "eni-1\\x1b[31m"
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += scalar.value < 0x100
                    ? "\\x" + hex(scalar.value, width: 2)
                    : "\\u{" + hex(scalar.value, width: 4) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `safe` for each line of a multi-line text: the line breaks themselves are kept.
    public static func safeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { safe(String($0)) }.joined(separator: "\n")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // C0, DEL, C1, and the bidirectional overrides that can make text read as something else.
        return value < 0x20 || (0x7f...0x9f).contains(value) || (0x202a...0x202e).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
