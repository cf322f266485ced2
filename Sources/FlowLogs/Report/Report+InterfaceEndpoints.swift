/// The text and Markdown blocks of the interface endpoints by service (README, "Interface
/// endpoints by service"): what DNS named, what it did not, the names no endpoint carries, and
/// who calls each endpoint service.
extension Report {
    /// The lines under the interface-endpoint table.
    func interfaceEndpointBlocks() -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = []
        let rows = savings.interfaceEndpoints
        guard let dns = interfaceEndpoints.dns else {
            if rows.contains(where: { $0.attribution == .unattributed }) { blocks.append(.line(EndpointWording.noDNSData)) }
            return blocks
        }
        blocks.append(.line(EndpointWording.coverage(dns)))
        if rows.contains(where: { $0.attribution == .unattributed }) { blocks.append(.line(EndpointWording.unattributedWithDNS)) }
        if rows.contains(where: { $0.attribution == .ambiguous }) { blocks.append(.line(EndpointWording.ambiguous)) }
        if rows.contains(where: { $0.groupNetMonthlyUSD != nil }) { blocks.append(.line(EndpointWording.ecrPair)) }
        let carried = interfaceEndpoints.notCarried
        if !carried.isEmpty {
            blocks.append(.line("Named by DNS but carried by no interface endpoint of \(region):"))
            blocks.append(.table(columns: [.left("name"), .left("kind"), .right("GB/month"), .left("note")],
                                 rows: carried.map { [$0.name, $0.kind.rawValue, NumberText.decimal($0.monthlyGB, $0.monthlyGB >= 1 ? 2 : 4),
                                                      $0.note ?? ""] }))
        }
        return blocks
    }

    /// "Callers per endpoint service": one table per named endpoint service (only with DNS data).
    func endpointSourcesSection() -> [ReportDocument.Section] {
        guard interfaceEndpoints.dns != nil else { return [] }
        var section = ReportDocument.Section(title: "Callers per endpoint service")
        for group in interfaceEndpoints.sources {
            section.blocks.append(.subheading(group.endpointService))
            var rows = group.rows.map { row -> [String] in
                let details = row.details
                return [row.address.description, details?.instanceID ?? "-", details?.ecsTask ?? "-", NumberText.bytes(row.bytes)]
            }
            if group.otherBytes > 0 { rows.append(["other", "", "", NumberText.bytes(group.otherBytes)]) }
            if group.unknownBytes > 0 { rows.append(["unknown (NAT-to-internet legs do not name the caller)", "", "", NumberText.bytes(group.unknownBytes)]) }
            section.blocks.append(.table(columns: [.left("caller"), .left("instance"), .left("ECS task"), .right("bytes")], rows: rows))
        }
        if interfaceEndpoints.sources.isEmpty { section.blocks.append(.line("No NAT bytes were named for an interface endpoint service.")) }
        return [section]
    }
}
