/// The HTML of the interface endpoints by service: the columns each row gains, the DNS
/// coverage, the names no endpoint carries, and the callers of each endpoint service.
extension Report {
    var endpointColumns: [HTMLWriter.Column] { [.left("endpoint service"), .right("bytes"), .left("attribution")] }

    func endpointCells(_ row: Savings.InterfaceEndpoint) -> [HTMLWriter.Cell] {
        [row.endpointService.map { .code($0) } ?? .text("-"), ReportFigure.bytes(row.bytes), .text(row.attribution.rawValue)]
    }

    func writeEndpointDetails(into html: inout HTMLWriter) {
        for row in savings.interfaceEndpoints where row.note != nil || row.groupNetMonthlyUSD != nil {
            var parts: [HTMLWriter.Cell] = [.code(row.endpointService ?? row.service), .text(": ")]
            if let pair = row.groupNetMonthlyUSD { parts += [.text("the pair's net saving "), ReportFigure.usd(pair), .text(" per month. ")] }
            if let note = row.note { parts.append(.text(note)) }
            paragraph(parts, into: &html)
        }
        guard let dns = interfaceEndpoints.dns else {
            if savings.interfaceEndpoints.contains(where: { $0.attribution == .unattributed }) {
                html.element("p", [("class", "muted")], text: EndpointWording.noDNSData)
            }
            return
        }
        html.element("p", text: EndpointWording.coverage(dns))
        let attributed = dns.namedBytes.saturatingAdd(dns.ambiguousBytes)
        html.table([.left("DNS data"), .right("value")], rows: [
            [.text("Resolver query logs"), ReportFigure.count(dns.files)],
            [.text("queries"), ReportFigure.count(dns.queries)],
            [.text("address answers"), ReportFigure.count(dns.answers)],
            [.text("answers kept"), ReportFigure.count(dns.answersKept)],
            [.text("answers dropped for room"), ReportFigure.count(dns.answersDropped)],
            [.text("answer window (s)"), ReportFigure.plain(Int(dns.windowSeconds))],
            [.text("AMAZON NAT bytes"), ReportFigure.bytes(dns.amazonBytes)],
            [.text("named"), ReportFigure.bytes(dns.namedBytes)],
            [.text("ambiguous"), ReportFigure.bytes(dns.ambiguousBytes)],
            [.text("unnamed"), ReportFigure.bytes(dns.amazonBytes > attributed ? dns.amazonBytes - attributed : 0)],
            [.text("coverage"), dns.coverage.map { ReportFigure.share($0) } ?? .text("n/a")],
            [.text("records not named for room"), ReportFigure.count(dns.overflowRecords)],
        ], caption: "DNS coverage")
        for row in savings.interfaceEndpoints where row.attribution == .ambiguous {
            html.element("p", text: "Ambiguous: " + row.ambiguousServices.joined(separator: " or "))
        }
        if !interfaceEndpoints.notCarried.isEmpty {
            html.table([.left("name"), .left("kind"), .left("region"), .right("bytes"), .right("GB/month"), .left("note")],
                       rows: interfaceEndpoints.notCarried.map { row in
                           [.code(row.name), .text(row.kind.rawValue), .text(row.region ?? "-"), ReportFigure.bytes(row.bytes),
                            ReportFigure.gb(row.monthlyGB), .text(row.note ?? "")]
                       }, caption: "Named by DNS but carried by no interface endpoint of \(region)")
        }
        for group in interfaceEndpoints.sources {
            html.table([.left("caller"), .left("instance"), .left("ECS task"), .right("bytes")],
                       rows: group.rows.map { row in
                           [.code(row.address.description), .code(row.details?.instanceID ?? "-"), .code(row.details?.ecsTask ?? "-"),
                            ReportFigure.bytes(row.bytes)]
                       },
                       caption: "Callers of \(group.endpointService)",
                       footer: [[.text("other"), .empty, .empty, ReportFigure.bytes(group.otherBytes)],
                                [.text("unknown (NAT-to-internet legs do not name the caller)"), .empty, .empty, ReportFigure.bytes(group.unknownBytes)]])
        }
    }
}
