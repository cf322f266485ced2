extension Report {
    /// The colour of each category on every chart, so a reader learns it once.
    static func tone(of category: ServiceCategory) -> Int {
        switch category {
        case .interfaceEndpoint: return 0
        case .awsPublic: return 1
        case .gatewayEndpoint: return 2
        case .crossRegion: return 3
        case .internet: return 5
        }
    }

    /// `233.0 GB/mo · $10.48/mo` for monthly GB and their NAT processing price.
    private func monthlyLabel(_ gb: Double) -> String {
        ReportFigure.gbText(gb) + " GB/mo · " + NumberText.dollars(gb * prices.natGatewayGB) + "/mo"
    }

    // MARK: Destinations

    /// NAT bytes by category and by service as bars, then the destinations table.
    func writeDestinations(hourly: HourlyNATBytes?, into html: inout HTMLWriter) {
        section("destinations", "Where the NAT bytes go", into: &html) { section in
            guard !destinations.isEmpty else {
                section.element("p", text: "No NAT-processed traffic in these logs.")
                return
            }
            let byCategory = ServiceCategory.allCases.compactMap { category -> SVGChart.Bar? in
                let bytes = destinations.filter { $0.category == category }.reduce(UInt64(0)) { $0.saturatingAdd($1.traffic.bytes) }
                guard bytes > 0 else { return nil }
                let gb = monthlyGB(ofBytes: bytes)
                return SVGChart.Bar(label: category.rawValue, value: Double(bytes), valueLabel: monthlyLabel(gb), tone: Self.tone(of: category))
            }.sorted { $0.value > $1.value }
            section.element("figure") { figure in
                SVGChart.bars(byCategory, id: "chart-category", title: "NAT bytes by category, per month", into: &figure)
                figure.element("figcaption", text: "NAT-processed bytes by what could carry them instead, per month at \(NumberText.price(prices.natGatewayGB))/GB processed.")
            }
            let byService = destinations.prefix(top).map { destination in
                SVGChart.Bar(label: "\(destination.service) \(destination.region)", value: Double(destination.traffic.bytes),
                             valueLabel: monthlyLabel(monthlyGB(ofBytes: destination.traffic.bytes)), tone: Self.tone(of: destination.category))
            }
            section.element("figure") { figure in
                SVGChart.bars(Array(byService), id: "chart-service", title: "NAT bytes by service and region, per month", into: &figure)
                figure.element("figcaption", text: "The \(byService.count == destinations.count ? "" : "\(byService.count) heaviest ")destinations; colours as above.")
            }
            if let hourly { writeHourly(hourly, into: &section) }
            let rows = destinations.map { destination -> [HTMLWriter.Cell] in
                [.text(destination.service), .text(destination.region), .text(destination.sameRegion ? "yes" : "no"),
                 .text(destination.category.rawValue), ReportFigure.bytes(destination.traffic.bytesOut),
                 ReportFigure.bytes(destination.traffic.bytesIn), ReportFigure.bytes(destination.traffic.bytes),
                 ReportFigure.count(destination.traffic.records), ReportFigure.gb(monthlyGB(ofBytes: destination.traffic.bytes)),
                 .text(NumberText.percent(nat.bytes == 0 ? 0 : Double(destination.traffic.bytes) / Double(nat.bytes)))]
            }
            let total: [HTMLWriter.Cell] = [.text("total"), .empty, .empty, .empty, ReportFigure.bytes(nat.bytesOut),
                                            ReportFigure.bytes(nat.bytesIn), ReportFigure.bytes(nat.bytes), ReportFigure.count(nat.records),
                                            ReportFigure.gb(monthlyGB(ofBytes: nat.bytes)), .text("100.0%")]
            section.table([.left("service"), .left("region"), .left("same region"), .left("category"), .right("out"), .right("in"),
                           .right("total"), .right("records"), .right("GB/month"), .right("share")],
                          rows: rows, caption: "NAT traffic by destination", footer: [total])
        }
    }

    /// NAT bytes per hour, stacked by category, so that a batch job's spike shows.
    func writeHourly(_ hourly: HourlyNATBytes, into html: inout HTMLWriter) {
        let categories = ServiceCategory.allCases.filter { category in hourly.hours.contains { ($0.bytes[category] ?? 0) > 0 } }
            .sorted { Self.tone(of: $0) < Self.tone(of: $1) }
        let series = SVGChart.Series(
            names: categories.map(\.rawValue), tones: categories.map(Self.tone(of:)), bucketSeconds: hourly.bucketSeconds,
            buckets: hourly.hours.map { hour in .init(start: hour.start, values: categories.map { Double(hour.bytes[$0] ?? 0) }) })
        html.element("figure") { figure in
            SVGChart.stackedSeries(series, id: "chart-hourly", title: "NAT bytes per hour by category", valueText: Self.axisBytes,
                                   into: &figure)
            figure.element("figcaption") { caption in
                caption.text("NAT-processed bytes per hour (UTC), stacked by category")
                if hourly.unplacedBytes > 0 {
                    caption.text("; ")
                    caption.cell(ReportFigure.bytes(hourly.unplacedBytes))
                    caption.text(" could not be placed in an hour (per-hour rows folded away, or records without a start time)")
                }
                caption.text(".")
            }
        }
    }

    /// An axis or tooltip amount of bytes: `250 MB`, `1.5 GB`.
    static func axisBytes(_ value: Double) -> String {
        let text = NumberText.bytes(UInt64(saturating: value))  // "250.00 MB"
        guard let space = text.firstIndex(of: " "), text[..<space].contains(".") else { return text }
        var number = String(text[..<space])
        while number.hasSuffix("0") { number.removeLast() }
        if number.hasSuffix(".") { number.removeLast() }
        return number + text[space...]
    }

    // MARK: Savings

    /// The waterfall from today's cost to the cost after, the endpoint tables, the break-even
    /// chart and whether the NAT gateways could go.
    func writeSavings(into html: inout HTMLWriter) {
        section("savings", "What VPC endpoints would save", into: &html) { section in
            let removal = savings.natRemoval.worthIt ? savings.natRemoval.netMonthlyUSD : 0
            let after = cost.monthlyTotalUSD - savings.totalMonthlyUSD
            section.element("figure") { figure in
                SVGChart.waterfall([
                    .init(label: "today", kind: .total, value: cost.monthlyTotalUSD, valueLabel: NumberText.dollars(cost.monthlyTotalUSD)),
                    .init(label: "gateway endpoints", kind: .change, value: -savings.gatewayEndpointsMonthlyUSD,
                          valueLabel: NumberText.dollars(-savings.gatewayEndpointsMonthlyUSD)),
                    .init(label: "interface endpoints", kind: .change, value: -savings.interfaceEndpointsMonthlyUSD,
                          valueLabel: NumberText.dollars(-savings.interfaceEndpointsMonthlyUSD)),
                    .init(label: "NAT removal", kind: .change, value: -removal, valueLabel: NumberText.dollars(-removal)),
                    .init(label: "after", kind: .total, value: after, valueLabel: NumberText.dollars(after)),
                ], id: "chart-waterfall", title: "Monthly cost today, each saving, and the cost after", into: &figure)
                figure.element("figcaption", text: "Per month: today's NAT gateway cost, what each step saves, and what is left.")
            }
            paragraph([.text("Total available: "), ReportFigure.usd(savings.totalMonthlyUSD), .text(" per month.")], into: &section)

            section.element("h3", text: "Gateway endpoints (free; same-region S3 and DynamoDB)")
            if savings.gatewayEndpoints.isEmpty {
                section.element("p", text: "No same-region S3 or DynamoDB traffic through the NAT gateways.")
            } else {
                section.table([.left("service"), .right("GB/month"), .right("saving/month")],
                              rows: savings.gatewayEndpoints.map { [.text($0.service), ReportFigure.gb($0.monthlyGB), ReportFigure.usd($0.monthlyUSD)] },
                              footer: [[.text("total"), .empty, ReportFigure.usd(savings.gatewayEndpointsMonthlyUSD)]])
            }
            writeInterfaceEndpoints(into: &section)
            writeRemoval(into: &section)
        }
    }

    private func writeInterfaceEndpoints(into html: inout HTMLWriter) {
        html.element("h3", text: "Interface endpoints")
        paragraph([ReportFigure.price(prices.interfaceEndpointHour), .text("/hour per AZ × "), ReportFigure.count(availabilityZones),
                   .text(availabilityZones == 1 ? " AZ, " : " AZs, "), ReportFigure.price(prices.interfaceEndpointGB), .text("/GB.")],
                  into: &html)
        guard !savings.interfaceEndpoints.isEmpty else {
            html.element("p", text: "No same-region traffic to services that interface endpoints serve.")
            return
        }
        html.element("figure") { figure in
            SVGChart.breakEven(savings.interfaceEndpoints.map { row in
                let gb = ReportFigure.gbText(row.monthlyGB)
                let label = row.breakEvenGB.map { "\(gb) of \(NumberText.decimal($0, 1)) GB · \(row.worthIt ? "pays" : "below")" }
                    ?? "\(gb) GB · never pays"
                return SVGChart.Threshold(label: "\(row.endpointLabel) \(row.region)", value: row.monthlyGB, threshold: row.breakEvenGB,
                                          valueLabel: label,
                                          reaches: row.worthIt)
            }, id: "chart-breakeven", title: "Interface endpoints: monthly GB against the break-even volume", into: &figure)
            figure.element("figcaption", text: "Each endpoint's GB per month against the break-even volume (dashed) above which it pays for its own hours.")
        }
        html.table([.left("service"), .left("region"), .right("GB/month"), .right("saving/GB"), .right("break-even GB/month"),
                    .right("endpoint/month"), .right("net saving/month"), .left("verdict")] + endpointColumns,
                   rows: savings.interfaceEndpoints.map { row in
                       [.text(row.endpointLabel), .text(row.region), ReportFigure.gb(row.monthlyGB), ReportFigure.price(row.savingPerGB),
                        row.breakEvenGB.map { .figure(value: NumberText.decimal($0, 3), text: NumberText.decimal($0, 1)) } ?? .text("never"),
                        ReportFigure.usd(row.endpointMonthlyUSD), ReportFigure.usd(row.netMonthlyUSD),
                        .text(row.verdict)] + endpointCells(row)
                   },
                   footer: [[.text("worth it, net"), .empty, .empty, .empty, .empty, .empty, ReportFigure.usd(savings.interfaceEndpointsMonthlyUSD), .empty]
                            + endpointColumns.map { _ in .empty }])
        writeEndpointDetails(into: &html)
        if savings.interfaceEndpoints.contains(where: { $0.service == "AMAZON" }), interfaceEndpoints.dns == nil {
            html.element("p", [("class", "muted")], text: "AMAZON ranges hold many services (ECR, STS, SQS, Secrets Manager, CloudWatch Logs…); the address alone does not say which, and each needs its own endpoint: the figure is for one endpoint carrying it all.")
        }
    }

    private func writeRemoval(into html: inout HTMLWriter) {
        let removal = savings.natRemoval
        html.element("h3", text: "Removing the NAT gateways")
        paragraph([.text("Gateway hours and public IPv4: "), ReportFigure.usd(removal.hourlyMonthlyUSD),
                   .text(" per month; interface endpoints their removal needs: "), ReportFigure.usd(removal.endpointsNeededMonthlyUSD),
                   .text(" per month; saving from removal: "), ReportFigure.usd(removal.worthIt ? removal.netMonthlyUSD : 0),
                   .text(" per month.")], into: &html)
        if removal.possible, removal.endpointsNeededMonthlyUSD == 0 {
            html.element("p", text: "Nothing else needs them: with the endpoints above they could go.")
        } else if removal.possible {
            html.element("p", text: removal.worthIt
                ? "Nothing else needs them, but without them every interface endpoint above is needed, also those not worth it on their own; removal still pays."
                : "Nothing else needs them, but without them every interface endpoint above is needed, also those not worth it on their own: removing them would not pay.")
        } else if removal.blockers.isEmpty {
            html.element("p", text: "No NAT traffic counted.")
        } else {
            html.table([.left("service"), .left("region"), .left("why"), .right("GB/month")],
                       rows: removal.blockers.map { [.text($0.service), .text($0.region), .text($0.category.rawValue), ReportFigure.gb($0.monthlyGB)] },
                       caption: "Still needed for")
        }
    }
}
