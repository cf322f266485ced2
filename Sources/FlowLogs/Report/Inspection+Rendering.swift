extension Inspection {
    /// Writes the inputs object: `{"files": [...], "totals": {...}}` (the report reuses it as `inputs`).
    public func write(into json: inout JSONWriter) {
        json.object { json in
            json.field("files") { json in
                json.array(files) { json, file in file.write(into: &json) }
            }
            json.field("totals") { json in totals.write(into: &json) }
        }
    }

    /// The `inspect --output json` document.
    public func json() -> String {
        var json = JSONWriter()
        write(into: &json)
        return json.text + "\n"
    }

    /// The `inspect` text output: one row per file, the formats seen, the problems, the totals.
    public func text() -> String {
        var out = ""
        var table = TextTable(columns: [
            .left("file"), .left("gzip"), .left("status"), .right("records"), .right("nodata"),
            .right("skipdata"), .right("tgw"), .right("malformed"), .right("bytes"), .right("packets"),
            .left("first start"), .left("last end"),
        ])
        for file in files {
            table.add([
                file.path, file.compression == "gzip" ? "yes" : (file.compression == "parquet" ? "parquet" : "no"), file.status.rawValue,
                NumberText.grouped(file.records), NumberText.grouped(file.noData), NumberText.grouped(file.skipData),
                NumberText.grouped(file.transitGateway), NumberText.grouped(file.malformed),
                NumberText.grouped(file.bytes), NumberText.grouped(file.packets),
                file.firstStart.map(UnixTime.iso8601) ?? "-", file.lastEnd.map(UnixTime.iso8601) ?? "-",
            ])
        }
        out += "Files\n" + table.render() + "\n"
        out += formatsText()
        out += problemsText()
        out += totalsText()
        return out
    }

    private func formatsText() -> String {
        var formats: [[String]] = []
        var users: [[String]: Int] = [:]
        for file in files {
            for format in file.formats {
                if users[format] == nil { formats.append(format) }
                users[format, default: 0] += 1
            }
        }
        guard !formats.isEmpty else { return "" }
        var out = "Formats\n"
        for format in formats {
            let fileCount = users[format] ?? 0
            out += "  \(format.count) fields, \(fileCount) file\(fileCount == 1 ? "" : "s"): "
                + TerminalText.safe(format.joined(separator: " ")) + "\n"
            let parsed = FlowLogFormat(names: format)
            if !parsed.unknownNames.isEmpty {
                out += "    kept as opaque columns (unknown names): " + TerminalText.safe(parsed.unknownNames.joined(separator: " ")) + "\n"
            }
            if parsed.isTransitGateway { out += "    Transit Gateway flow logs: counted, not VPC traffic\n" }
        }
        return out + "\n"
    }

    private func problemsText() -> String {
        let troubled = files.filter { $0.status != .ok || $0.malformed > 0 || !$0.notes.isEmpty }
        guard !troubled.isEmpty else { return "" }
        var out = "Problems\n"
        for file in troubled {
            out += "  " + TerminalText.safe(file.path) + ": " + file.status.rawValue
            if let error = file.error { out += ": " + TerminalText.safe(error) }
            out += "\n"
            for note in file.notes { out += "    note: " + TerminalText.safe(note) + "\n" }
            if file.malformed > 0 {
                out += "    \(NumberText.grouped(file.malformed)) malformed line\(file.malformed == 1 ? "" : "s")"
                out += file.malformed > file.malformedExamples.count ? ", first \(file.malformedExamples.count):\n" : ":\n"
                for example in file.malformedExamples {
                    out += "      line \(example.line): " + TerminalText.safe(example.reason) + "\n"
                }
            }
        }
        return out + "\n"
    }

    private func totalsText() -> String {
        let t = totals
        var out = "Totals\n"
        out += "  files          \(NumberText.grouped(t.files)) (\(t.damagedFiles) damaged, \(t.skippedFiles) skipped)\n"
        out += "  records        \(NumberText.grouped(t.records))\n"
        out += "  NODATA         \(NumberText.grouped(t.noData))\n"
        out += "  SKIPDATA       \(NumberText.grouped(t.skipData))\n"
        out += "  transit gw     \(NumberText.grouped(t.transitGateway))\n"
        out += "  malformed      \(NumberText.grouped(t.malformed))\n"
        out += "  bytes          \(NumberText.grouped(t.bytes)) (\(NumberText.bytes(t.bytes)))\n"
        out += "  packets        \(NumberText.grouped(t.packets))\n"
        if let start = t.firstStart, let end = t.lastEnd {
            out += "  time           \(UnixTime.iso8601(start)) to \(UnixTime.iso8601(end))\n"
        }
        if t.skipData > 0 {
            out += "  warning: \(NumberText.grouped(t.skipData)) SKIPDATA record\(t.skipData == 1 ? "" : "s"): AWS skipped records during capture, so coverage is incomplete\n"
        }
        return out
    }
}

extension FileSummary {
    /// Writes one `files[]` element.
    func write(into json: inout JSONWriter) {
        json.object { json in
            json.field("path", path)
            json.field("compression", compression)
            json.field("content", content.rawValue)
            json.field("status", status.rawValue)
            json.field("error", error)
            json.field("notes", strings: notes)
            json.field("formats") { json in json.array(formats) { json, format in json.inline { $0.array(format) { $0.string($1) } } } }
            json.field("records", records)
            json.field("nodata", noData)
            json.field("skipdata", skipData)
            json.field("transit_gateway", transitGateway)
            json.field("malformed", malformed)
            json.field("malformed_examples") { json in
                json.array(malformedExamples) { json, example in
                    json.inline { json in
                        json.object { json in
                            json.field("line", example.line)
                            json.field("reason", example.reason)
                        }
                    }
                }
            }
            json.field("headers", headers)
            json.field("blank_lines", blankLines)
            json.field("queries", queries)
            json.field("bytes", bytes)
            json.field("packets", packets)
            json.field("first_start", firstStart)
            json.field("last_end", lastEnd)
            json.field("input_bytes", inputBytes)
            json.field("decoded_bytes", decodedBytes)
        }
    }
}

extension InputTotals {
    /// Writes the `totals` object.
    func write(into json: inout JSONWriter) {
        json.object { json in
            json.field("files", files)
            json.field("records", records)
            json.field("nodata", noData)
            json.field("skipdata", skipData)
            json.field("transit_gateway", transitGateway)
            json.field("malformed", malformed)
            json.field("bytes", bytes)
            json.field("packets", packets)
            json.field("damaged_files", damagedFiles)
            json.field("skipped_files", skippedFiles)
            json.field("first_start", firstStart)
            json.field("last_end", lastEnd)
            json.field("input_bytes", inputBytes)
            json.field("decoded_bytes", decodedBytes)
        }
    }
}
