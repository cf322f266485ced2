extension Report {
    /// The `--output text` report; sentences and bullets (warnings, assumptions, evidence) are wrapped to
    /// `width` columns (the terminal's, 80 when not a terminal).
    public func text(width: Int = 80) -> String { document().text(width: width) }

    /// The `--output markdown` report.
    public func markdown() -> String { document().markdown() }

    func document() -> ReportDocument {
        var document = ReportDocument(title: "flowscan: NAT gateway traffic to AWS services, \(region)")
        document.sections = sections()
        return document
    }

    /// The report's sections; `scope` names the scope in the Summary, and `inEstate` leaves out
    /// what the estate says once for every scope (inputs, prefixes, --fail-above).
    func sections(scope: String? = nil, inEstate: Bool = false) -> [ReportDocument.Section] {
        [overview(scope: scope, inEstate: inEstate)] + (inEstate ? [] : inputsSection())
            + [gatewaysSection(), destinationsSection(), costSection(), savingsSection(),
               sourcesSection()] + endpointSourcesSection() + [exposureSection(), checksSection(), basisSection()]
    }

    private func size(_ bytes: UInt64) -> String { NumberText.bytes(bytes) }
    private func monthly(_ bytes: UInt64) -> String { gbText(Double(bytes) / 1e9 * (window?.monthlyFactor ?? 0)) }
    /// GB with three significant places for small volumes.
    private func gbText(_ gb: Double) -> String { NumberText.decimal(gb, gb >= 100 ? 1 : (gb >= 1 ? 2 : 4)) }
    private func usd(_ value: Double) -> String { NumberText.dollars(value) }
    private func price(_ value: Double) -> String { NumberText.price(value) }

    private func overview(scope: String? = nil, inEstate: Bool = false) -> ReportDocument.Section {
        var pairs: [(String, String)] = scope.map { [("scope", $0)] } ?? []
        pairs.append(("region", "\(region) (from \(regionSourceText))"))
        if !inEstate { pairs.append(("inputs", inputs.summaryLine)) }
        if let window {
            pairs.append(("window", "\(UnixTime.iso8601(window.start)) to \(UnixTime.iso8601(window.end)) "
                + "(\(NumberText.decimal(window.hours, 2)) hours\(window.isRough ? ", rough projection" : ""))"))
        } else {
            pairs.append(("window", "no NAT traffic counted"))
        }
        let age = prefixes.ageDays.map { ", \(NumberText.decimal($0, 1)) days old" } ?? ""
        if !inEstate {
            pairs.append(("prefixes", "\(prefixes.path) (\(prefixes.origin)), created \(prefixes.createDate)\(age), syncToken \(prefixes.syncToken)"))
        }
        pairs.append(("vantage", vantage.rawValue))
        pairs.append(("NAT bytes", "\(NumberText.grouped(nat.bytes)) (\(NumberText.bytes(nat.bytes))): "
            + "\(NumberText.bytes(nat.bytesOut)) out, \(NumberText.bytes(nat.bytesIn)) in, \(NumberText.grouped(nat.records)) records"))
        pairs.append(("saving available", "\(usd(savings.totalMonthlyUSD)) per month"
            + (inEstate ? "" : FailAboveWording.note(failAbove, exceeded: thresholdExceeded))))
        var section = ReportDocument.Section(title: "Summary", blocks: [.pairs(pairs), .line(vantage.reason)])
        if !warnings.isEmpty {
            section.blocks.append(.subheading("Warnings"))
            section.blocks.append(.bullets(warnings.map(\.sentence)))
        }
        return section
    }

    /// The inputs with a problem (none: no section), the first `top` of them.
    func inputsSection() -> [ReportDocument.Section] {
        let problems = inputs.problems
        guard !problems.isEmpty else { return [] }
        var section = ReportDocument.Section(title: "Inputs", blocks: [.bullets(problems.prefix(top).map(\.sentence))])
        if problems.count > top {
            section.blocks.append(.line("… and \(NumberText.count(problems.count - top, "more input")) with problems ('flowscan inspect' lists every file)"))
        }
        return [section]
    }

    private func gatewaysSection() -> ReportDocument.Section {
        var section = ReportDocument.Section(title: "NAT gateways")
        guard !gateways.isEmpty else {
            section.blocks.append(.line("None identified. Name them with --nat-eni, --nat-ip or --nat-gateways (the JSON of 'aws ec2 describe-nat-gateways')."))
            return section
        }
        let rows = gateways.map { gateway in
            [gateway.id, gateway.interfaceIDs.joined(separator: " "), gateway.privateIPs.map(\.description).joined(separator: " "),
             gateway.origin.rawValue, Report.legsText(gateway.countedLegs) ?? "-", size(gateway.traffic.bytes), size(gateway.traffic.bytesOut), size(gateway.traffic.bytesIn)]
        }
        section.blocks.append(.table(columns: [.left("gateway"), .left("interface"), .left("private IP"), .left("origin"),
                                               .left("legs counted"), .right("bytes"), .right("out"), .right("in")], rows: rows))
        for gateway in gateways {
            section.blocks.append(.line("\(gateway.id) evidence:"))
            section.blocks.append(.bullets(gateway.evidence.map(\.sentence)))
        }
        return section
    }

    private func destinationsSection() -> ReportDocument.Section {
        var section = ReportDocument.Section(title: "NAT traffic by destination")
        guard !destinations.isEmpty else {
            section.blocks.append(.line("No NAT-processed traffic in these logs."))
            return section
        }
        var rows = destinations.map { destination in
            [destination.service, destination.region, destination.sameRegion ? "yes" : "no", destination.category.rawValue,
             size(destination.traffic.bytesOut), size(destination.traffic.bytesIn), size(destination.traffic.bytes),
             monthly(destination.traffic.bytes),
             NumberText.percent(nat.bytes == 0 ? 0 : Double(destination.traffic.bytes) / Double(nat.bytes))]
        }
        rows.append(["total", "", "", "", size(nat.bytesOut), size(nat.bytesIn), size(nat.bytes), monthly(nat.bytes), "100.0%"])
        section.blocks.append(.table(columns: [.left("service"), .left("region"), .left("same region"), .left("category"),
                                               .right("out"), .right("in"), .right("total"), .right("GB/month"), .right("share")],
                                     rows: rows))
        return section
    }

    private func costSection() -> ReportDocument.Section {
        let p = prices
        return ReportDocument.Section(title: "What the NAT gateways cost today", blocks: [.pairs([
            ("data processing", "\(gbText(cost.observedGB)) GB observed × \(price(p.natGatewayGB))/GB = \(usd(cost.observedProcessingUSD)); "
                + "\(gbText(cost.monthlyGB)) GB/month = \(usd(cost.monthlyProcessingUSD)) per month"),
            ("gateway hours", "\(NumberText.count(cost.gateways, "gateway")) × 730 h × \(price(p.natGatewayHour))/h = \(usd(cost.monthlyHourlyUSD)) per month"),
            ("public IPv4", "\(usd(cost.monthlyPublicIPv4USD)) per month (\(price(p.publicIPv4Hour))/h per address)"),
            ("total", "\(usd(cost.monthlyTotalUSD)) per month"),
        ])])
    }

    private func savingsSection() -> ReportDocument.Section {
        var section = ReportDocument.Section(title: "What VPC endpoints would save")
        section.blocks.append(.subheading("Gateway endpoints (free; same-region S3 and DynamoDB)"))
        if savings.gatewayEndpoints.isEmpty {
            section.blocks.append(.line("No same-region S3 or DynamoDB traffic through the NAT gateways."))
        } else {
            section.blocks.append(.table(columns: [.left("service"), .right("GB/month"), .right("saving/month")],
                                         rows: savings.gatewayEndpoints.map { [$0.service, gbText($0.monthlyGB), usd($0.monthlyUSD)] }))
        }
        section.blocks.append(.subheading("Interface endpoints (\(price(prices.interfaceEndpointHour))/h per AZ × \(NumberText.count(availabilityZones, "AZ")), \(price(prices.interfaceEndpointGB))/GB)"))
        if savings.interfaceEndpoints.isEmpty {
            section.blocks.append(.line("No same-region traffic to services that interface endpoints serve."))
        } else {
            section.blocks.append(.table(
                columns: [.left("service"), .left("region"), .right("GB/month"), .right("break-even GB/month"),
                          .right("endpoint/month"), .right("net saving/month"), .left("verdict")],
                rows: savings.interfaceEndpoints.map { row in
                    [row.endpointLabel, row.region, gbText(row.monthlyGB),
                     row.breakEvenGB.map { NumberText.decimal($0, 1) } ?? "never", usd(row.endpointMonthlyUSD),
                     usd(row.netMonthlyUSD), row.verdict]
                }))
            if savings.interfaceEndpoints.contains(where: { $0.service == "AMAZON" }), interfaceEndpoints.dns == nil {
                section.blocks.append(.line("AMAZON ranges hold many services (ECR, STS, SQS, Secrets Manager, CloudWatch Logs…); the address alone does not say which, and each needs its own endpoint: the figure is for one endpoint carrying it all."))
            }
            section.blocks += interfaceEndpointBlocks()
        }
        section.blocks.append(.subheading("Removing the NAT gateways"))
        let removal = savings.natRemoval
        if removal.possible, removal.endpointsNeededMonthlyUSD == 0 {
            section.blocks.append(.line("Nothing else needs them: with the endpoints above they could go, saving \(usd(removal.hourlyMonthlyUSD)) per month in gateway hours and public IPv4."))
        } else if removal.possible {
            let verdict = removal.worthIt
                ? "net saving \(usd(removal.netMonthlyUSD)) per month"
                : "removing them would not pay (net \(usd(removal.netMonthlyUSD)) per month)"
            section.blocks.append(.line("Nothing else needs them, but without them every interface endpoint above is needed, also those not worth it on their own: "
                + "\(usd(removal.hourlyMonthlyUSD)) per month in gateway hours and public IPv4, less \(usd(removal.endpointsNeededMonthlyUSD)) for those endpoints; \(verdict)."))
        } else if savings.natRemoval.blockers.isEmpty {
            section.blocks.append(.line("No NAT traffic counted."))
        } else {
            section.blocks.append(.line("Still needed for:"))
            section.blocks.append(.table(columns: [.left("service"), .left("region"), .left("why"), .right("GB/month")],
                                         rows: savings.natRemoval.blockers.map { [$0.service, $0.region, $0.category.rawValue, gbText($0.monthlyGB)] }))
        }
        // The sum has its own heading: under "Removing the NAT gateways" it read as the removal's saving.
        section.blocks.append(.subheading("Total available"))
        section.blocks.append(.pairs([
            ("gateway endpoints", "\(usd(savings.gatewayEndpointsMonthlyUSD)) per month"),
            ("interface endpoints", "\(usd(savings.interfaceEndpointsMonthlyUSD)) per month (those worth it)"),
            ("NAT gateway removal", "\(usd(savings.natRemoval.worthIt ? savings.natRemoval.netMonthlyUSD : 0)) per month"
                + (savings.natRemoval.worthIt ? "" : " (not possible or does not pay)")),
            ("total available", "\(usd(savings.totalMonthlyUSD)) per month"),
        ]))
        return section
    }

    private func sourcesSection() -> ReportDocument.Section {
        var section = ReportDocument.Section(title: "Top sources per destination")
        for group in sources {
            section.blocks.append(.subheading("\(group.service) \(group.region)"))
            var rows = group.rows.map { row -> [String] in
                let details = row.details
                return [row.address.description, details?.instanceID ?? "-", details?.interfaceID ?? "-", details?.subnetID ?? "-",
                        details?.ecsTask ?? "-", NumberText.bytes(row.bytes)]
            }
            if group.otherBytes > 0 { rows.append(["other", "", "", "", "", NumberText.bytes(group.otherBytes)]) }
            if group.unknownBytes > 0 { rows.append(["unknown (NAT-to-internet legs do not name the sender)", "", "", "", "", NumberText.bytes(group.unknownBytes)]) }
            section.blocks.append(.table(columns: [.left("source"), .left("instance"), .left("interface"), .left("subnet"),
                                                   .left("ECS task"), .right("bytes")], rows: rows))
        }
        if sources.isEmpty { section.blocks.append(.line("No NAT traffic counted.")) }
        return section
    }

    private func exposureSection() -> ReportDocument.Section {
        let e = exposure
        var section = ReportDocument.Section(title: "Exposure: AWS-bound traffic on the public path")
        let share = e.publicShare.map { NumberText.percent($0) } ?? "n/a"
        section.blocks.append(.pairs([
            ("public path", "\(share) of AWS-bound bytes: \(NumberText.bytes(e.awsViaNAT)) through NAT gateways, "
                + "\(NumberText.bytes(e.awsViaInternetGateway)) through internet gateways"),
            ("on endpoints", "\(NumberText.bytes(e.awsViaEndpoints)) already through gateway endpoints (traffic-path 7)"
                + (e.awsAmbiguousPath > 0 ? "; \(NumberText.bytes(e.awsAmbiguousPath)) to S3/DynamoDB with traffic-path 2 (internet gateway or gateway endpoint)" : "")),
            ("IPv6", "\(NumberText.bytes(e.ipv6Out)) out, \(NumberText.bytes(e.ipv6In)) in"
                + (e.ipv6UnknownDirection > 0 ? ", \(NumberText.bytes(e.ipv6UnknownDirection)) direction unknown" : "")
                + " (no NAT charge, still the public path)"),
            ("rejected", "\(NumberText.grouped(e.rejectedRecords)) records"),
        ]))
        section.blocks.append(.subheading("Internet destinations that depend on the NAT gateways (\(NumberText.bytes(e.internetBytes)))"))
        var peerRows = e.internetPeers.map { [$0.address.description, String($0.port), ProtocolName.of($0.protocolNumber), NumberText.bytes($0.bytes)] }
        if e.internetOtherBytes > 0 { peerRows.append(["other", "", "", NumberText.bytes(e.internetOtherBytes)]) }
        section.blocks.append(peerRows.isEmpty ? .line("None.") : .table(columns: [.left("address"), .right("port"), .left("protocol"), .right("bytes")], rows: peerRows))
        section.blocks.append(.subheading("Cleartext protocols through the NAT gateways"))
        section.blocks.append(e.cleartext.isEmpty ? .line("None.") : .table(
            columns: [.right("port"), .left("protocol"), .left("destination"), .right("records"), .right("bytes")],
            rows: e.cleartext.map { [String($0.port), $0.name, $0.service, NumberText.grouped($0.records), NumberText.bytes($0.bytes)] }))
        section.blocks.append(.subheading("Rejected traffic"))
        section.blocks.append(e.rejected.isEmpty ? .line("None.") : .table(
            columns: [.left("direction"), .left("peer service"), .right("port"), .right("records"), .right("bytes")],
            rows: e.rejected.map { [$0.direction, $0.service, String($0.port), NumberText.grouped($0.records), NumberText.bytes($0.bytes)] }))
        if e.skipDataRecords > 0 {
            section.blocks.append(.line("\(NumberText.grouped(e.skipDataRecords)) SKIPDATA records: some traffic was not logged."))
        }
        return section
    }

    private func checksSection() -> ReportDocument.Section {
        var section = ReportDocument.Section(title: "Checks")
        if serviceCheck.checked > 0 {
            section.blocks.append(.line("pkt-*-aws-service: \(NumberText.grouped(serviceCheck.checked - serviceCheck.disagreeing)) of \(NumberText.grouped(serviceCheck.checked)) records agree with ip-ranges.json"))
            if !serviceCheck.disagreements.isEmpty {
                section.blocks.append(.table(columns: [.left("ours"), .left("AWS says"), .right("records")],
                                             rows: serviceCheck.disagreements.prefix(top).map { [$0.ours, $0.theirs, NumberText.grouped($0.records)] }))
            }
        } else {
            section.blocks.append(.line("pkt-*-aws-service: not in these logs, nothing to cross-check."))
        }
        if !setAside.isEmpty {
            section.blocks.append(.line("Records read but not NAT traffic:"))
            section.blocks.append(.table(columns: [.left("reason"), .right("records")],
                                         rows: setAside.map { [$0.reason.text, NumberText.grouped($0.records)] }))
        }
        return section
    }

    private func basisSection() -> ReportDocument.Section {
        let p = prices
        return ReportDocument.Section(title: "Prices and assumptions", blocks: [
            .pairs([
                ("NAT gateway", "\(price(p.natGatewayHour))/hour, \(price(p.natGatewayGB))/GB processed"),
                ("interface endpoint", "\(price(p.interfaceEndpointHour))/hour per AZ, \(price(p.interfaceEndpointGB))/GB"),
                ("endpoint GB tiers", "\(price(p.interfaceEndpointGBNext4PB))/GB beyond 1 PB a month, \(price(p.interfaceEndpointGBOver5PB)) beyond 5 PB"),
                ("gateway endpoint", "free"),
                ("public IPv4", "\(price(p.publicIPv4Hour))/hour"),
                ("price source", priceSource.text),
            ]),
            .bullets(assumptions.map(\.sentence)),
        ])
    }
}

/// Protocol numbers people know by name.
enum ProtocolName {
    static func of(_ number: UInt8) -> String {
        switch number {
        case 6: return "TCP"
        case 17: return "UDP"
        case 1: return "ICMP"
        case 58: return "ICMPv6"
        case 50: return "ESP"
        default: return String(number)
        }
    }
}
