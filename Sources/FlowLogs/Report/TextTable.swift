/// A plain-text table for terminal output: a header row, aligned columns, two spaces between them.
///
///     var table = TextTable(columns: [.left("service"), .right("GB")])
///     table.add(["S3", "12.40"])
///     table.render()   // "service     GB\nS3       12.40\n"
public struct TextTable {
    /// A column: its header and which side its cells align to.
    public struct Column: Sendable {
        public let header: String
        public let alignRight: Bool
        public static func left(_ header: String) -> Column { Column(header: header, alignRight: false) }
        public static func right(_ header: String) -> Column { Column(header: header, alignRight: true) }
    }

    public let columns: [Column]
    public private(set) var rows: [[String]] = []

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; cells are made terminal-safe, missing cells are blank.
    public mutating func add(_ cells: [String]) {
        rows.append(cells.map(TerminalText.safe))
    }

    /// The table as lines, each indented by `indent` spaces and ending in a newline.
    public func render(indent: Int = 2) -> String {
        var widths = columns.map { $0.header.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        let margin = String(repeating: " ", count: indent)
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                let isLast = index == columns.count - 1
                parts.append(column.alignRight ? pad + cell : (isLast ? cell : cell + pad))
            }
            return margin + parts.joined(separator: "  ") + "\n"
        }
        return line(columns.map(\.header)) + rows.map(line).joined()
    }
}

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
