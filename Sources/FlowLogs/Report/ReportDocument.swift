/// A report laid out as titled sections of lines, key-value pairs, tables and bullets, so that
/// the text and Markdown outputs say the same things in the same order.
struct ReportDocument {
    enum Block {
        /// A sentence or a label line.
        case line(String)
        /// Aligned `key  value` lines.
        case pairs([(String, String)])
        case table(columns: [TextTable.Column], rows: [[String]])
        case bullets([String])
        /// A heading inside a section.
        case subheading(String)
    }

    struct Section {
        var title: String
        var blocks: [Block] = []
        /// 0 for a section; 1 for a section inside a scope's (one level down in Markdown).
        var depth = 0
        /// A scope's heading: underlined in text.
        var underlined = false
    }

    var title: String
    var sections: [Section] = []

    // MARK: Text

    /// Plain text for a terminal: everything from the input passes through `TerminalText.safe`.
    func text(width: Int = 80) -> String {
        var out = TerminalText.safe(title) + "\n"
        for section in sections {
            out += "\n" + TerminalText.safe(section.title) + "\n"
            if section.underlined { out += String(repeating: "=", count: min(width, TerminalText.safe(section.title).count)) + "\n" }
            for block in section.blocks {
                switch block {
                case let .line(text):
                    out += Self.wrapped(TerminalText.safe(text), first: "  ", rest: "  ", width: width)
                case let .pairs(pairs):
                    // Values wrap under their own column, as bullets wrap under their text.
                    let keyWidth = pairs.map(\.0.count).max() ?? 0
                    let valueColumn = String(repeating: " ", count: keyWidth + 4)
                    for (key, value) in pairs {
                        out += Self.wrapped(TerminalText.safe(value), first: "  " + key + String(repeating: " ", count: keyWidth - key.count + 2),
                                            rest: valueColumn, width: width)
                    }
                case let .table(columns, rows):
                    var table = TextTable(columns: columns)
                    for row in rows { table.add(row) }
                    out += table.render()
                case let .bullets(items):
                    for item in items { out += Self.wrapped(TerminalText.safe(item), first: "  - ", rest: "    ", width: width) }
                case let .subheading(text):
                    out += " " + TerminalText.safe(text) + "\n"
                }
            }
        }
        return out
    }

    /// `text` broken at spaces into lines of at most `width` columns (a longer word stands
    /// alone), the first line led by `first`, the others by `rest`; each line ends in a newline.
    static func wrapped(_ text: String, first: String, rest: String, width: Int) -> String {
        var out = "", line = first, empty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !empty, line.count + 1 + word.count > width {
                out += line + "\n"
                line = rest
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        return out + line + "\n"
    }

    // MARK: Markdown

    /// Markdown for an audit document: sections as `##`, tables as pipe tables.
    func markdown() -> String {
        var out = "# " + Self.inline(title) + "\n"
        for section in sections {
            out += "\n##" + String(repeating: "#", count: section.depth) + " " + Self.inline(section.title) + "\n\n"
            for block in section.blocks {
                switch block {
                case let .line(text):
                    out += Self.inline(text) + "\n\n"
                case let .pairs(pairs):
                    out += "| | |\n|---|---|\n"
                    for (key, value) in pairs { out += "| " + Self.inline(key) + " | " + Self.inline(value) + " |\n" }
                    out += "\n"
                case let .table(columns, rows):
                    out += "| " + columns.map { Self.inline($0.header) }.joined(separator: " | ") + " |\n"
                    out += "|" + columns.map { $0.alignRight ? "---:|" : "---|" }.joined() + "\n"
                    for row in rows {
                        let cells = columns.indices.map { $0 < row.count ? Self.inline(row[$0]) : "" }
                        out += "| " + cells.joined(separator: " | ") + " |\n"
                    }
                    out += "\n"
                case let .bullets(items):
                    for item in items { out += "- " + Self.inline(item) + "\n" }
                    out += "\n"
                case let .subheading(text):
                    out += "###" + String(repeating: "#", count: section.depth) + " " + Self.inline(text) + "\n\n"
                }
            }
        }
        return out
    }

    /// Text safe inside Markdown: control characters escaped, characters Markdown would read as
    /// markup escaped with a backslash.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in TerminalText.safe(text) {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
