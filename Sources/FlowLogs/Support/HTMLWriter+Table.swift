extension HTMLWriter {
    /// One table cell.
    public enum Cell: Sendable, Equatable {
        /// Plain text.
        case text(String)
        /// An identifier or address, in a monospace face.
        case code(String)
        /// A file name, in a monospace face, broken anywhere when it is too long for its column.
        case path(String)
        /// A figure: `value` is its exact machine form (as the JSON output writes it), `text` what
        /// a reader sees; written as `<data value="value">text</data>`.
        case figure(value: String, text: String)
        /// Nothing.
        case empty
    }

    /// A table column: its header and whether its cells are figures, aligned right.
    public struct Column: Sendable, Equatable {
        public var header: String
        public var numeric: Bool

        public static func left(_ header: String) -> Column { Column(header: header, numeric: false) }
        public static func right(_ header: String) -> Column { Column(header: header, numeric: true) }
    }

    /// Writes `<data value="value">text</data>`: a figure both exact and readable.
    public mutating func figure(value: String, text: String) {
        element("data", [("value", value)], text: text)
    }

    /// Writes a cell's content.
    public mutating func cell(_ cell: Cell) {
        switch cell {
        case let .text(text): self.text(text)
        case let .code(text): element("code", text: text)
        case let .path(text): element("code", [("class", "path")], text: text)
        case let .figure(value, text): figure(value: value, text: text)
        case .empty: break
        }
    }

    /// Writes a table with a header row; a row shorter than the columns gets empty cells.
    /// - Parameters:
    ///   - columns: the headers and alignments.
    ///   - rows: the cells, row by row.
    ///   - caption: a caption above the table, when given.
    ///   - footer: rows set apart at the end (totals), when given.
    public mutating func table(_ columns: [Column], rows: [[Cell]], caption: String? = nil, footer: [[Cell]] = []) {
        func row(_ cells: [Cell], into html: inout HTMLWriter) {
            html.element("tr") { tr in
                for (index, column) in columns.enumerated() {
                    tr.element("td", column.numeric ? [("class", "num")] : []) { $0.cell(index < cells.count ? cells[index] : .empty) }
                }
            }
        }
        element("table") { table in
            if let caption { table.element("caption", text: caption) }
            table.element("thead") { head in
                head.element("tr") { tr in
                    for column in columns {
                        tr.element("th", column.numeric ? [("class", "num"), ("scope", "col")] : [("scope", "col")], text: column.header)
                    }
                }
            }
            table.element("tbody") { body in
                for cells in rows { row(cells, into: &body) }
            }
            if !footer.isEmpty {
                table.element("tfoot") { foot in
                    for cells in footer { row(cells, into: &foot) }
                }
            }
        }
    }
}
