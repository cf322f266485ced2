extension PrefixFileSummary {
    /// Writes the summary and two tables (entries per service, per region):
    ///
    ///     file        /home/u/.cache/flowscan/ip-ranges.json (default location)
    ///     created     2026-08-22 15:17:05 UTC, 99 days ago
    ///     sync token  1787411825
    ///     prefixes    10668 IPv4, 6160 IPv6
    ///
    ///       service   IPv4  IPv6  total
    ///       AMAZON    6084  2901   8985
    ///       …
    /// - Parameter output: the text is appended here.
    public func renderText(into output: inout String) {
        var created = TerminalText.safe(createDate)
        if let ageDays, let time = createdText {
            created = "\(time) UTC, \(ageDays == 1 ? "1 day" : "\(ageDays) days") ago"
            if isStale { created += " (stale: more than \(Self.staleAfterDays) days)" }
        } else {
            created += " (not YYYY-MM-DD-hh-mm-ss: age unknown)"
        }
        let lines = [("file", "\(TerminalText.safe(path)) (\(origin))"), ("created", created),
                     ("sync token", TerminalText.safe(syncToken)),
                     ("prefixes", "\(ipv4Prefixes) IPv4, \(ipv6Prefixes) IPv6")]
        for (label, value) in lines {
            output += label + String(repeating: " ", count: 12 - label.count) + value + "\n"
        }
        for (title, counts) in [("service", services), ("region", regions)] {
            var table = TextTable(columns: [.left(title), .right("IPv4"), .right("IPv6"), .right("total")])
            for item in counts {
                table.add([item.name, String(item.count.ipv4), String(item.count.ipv6), String(item.count.total)])
            }
            output += "\n" + table.render()
        }
    }

    /// Writes the info as one JSON object, keys in this order: `path`, `sync_token`, `create_date`,
    /// `age_days` (whole days, null when the date is unreadable), `ipv4_prefixes`, `ipv6_prefixes`,
    /// `services` and `regions` ({name: entries}, most first), `stale`.
    /// - Parameter output: the JSON text and a final newline are appended here.
    public func renderJSON(into output: inout [UInt8]) {
        var json = JSONWriter()
        json.object { json in
            json.field("path", path)
            json.field("sync_token", syncToken)
            json.field("create_date", createDate)
            json.field("age_days", ageDays)
            json.field("ipv4_prefixes", ipv4Prefixes)
            json.field("ipv6_prefixes", ipv6Prefixes)
            for (key, counts) in [("services", services), ("regions", regions)] {
                json.field(key) { json in
                    json.object { json in
                        for item in counts { json.field(item.name, item.count.total) }
                    }
                }
            }
            json.field("stale", isStale)
        }
        output += json.bytes
        output.append(ASCII.newline)
    }

    /// `2026-08-22 15:17:05` from `2026-08-22-15-17-05`; `nil` when the date is unreadable.
    private var createdText: String? {
        guard createdAt != nil else { return nil }
        let parts = createDate.split(separator: "-")
        return parts[0...2].joined(separator: "-") + " " + parts[3...5].joined(separator: ":")
    }
}
