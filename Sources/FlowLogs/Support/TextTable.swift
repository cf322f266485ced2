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
