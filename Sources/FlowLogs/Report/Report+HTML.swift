extension Report {
    /// One scope's part of the `--output html` page (`EstateReport.html`): every figure is
    /// written from this report value as the JSON output writes it, inside `<data value="…">`,
    /// with a readable form as its text. The chart of NAT bytes over time is drawn from
    /// `hourly` when the window has any.
    /// - Parameter headline: `false` leaves out the three headline figures (a single-scope page
    ///   shows the estate's, which are the same).
    func writeScope(into body: inout HTMLWriter, headline: Bool) {
            if headline { writeHeadline(into: &body, amountClass: "amount scope-amount") }
            writeFacts(into: &body)
            writeWarnings(into: &body)
            writeDestinations(hourly: hourly.hours.isEmpty ? nil : hourly, into: &body)
            writeCost(into: &body)
            writeSavings(into: &body)
            writeGateways(into: &body)
            writeSources(into: &body)
            writeExposure(into: &body)
            writeChecks(into: &body)
            writeBasis(into: &body)
    }

    // MARK: Top of the page

    /// Today's monthly cost, the saving available and the public-path share, as three figures.
    private func writeHeadline(into html: inout HTMLWriter, amountClass: String) {
        html.headline(monthlyCostUSD: cost.monthlyTotalUSD, savingUSD: savings.totalMonthlyUSD, publicShare: exposure.publicShare,
                      failAbove: failAbove, exceeded: thresholdExceeded, amountClass: amountClass)
    }

    /// The window, region, prefixes file, prices and vantage the figures rest on.
    private func writeFacts(into html: inout HTMLWriter) {
        html.element("dl", [("class", "facts")]) { list in
            list.element("dt", text: "window")
            list.element("dd") { dd in
                if let window {
                    dd.cell(ReportFigure.time(window.start))
                    dd.text(" to ")
                    dd.cell(ReportFigure.time(window.end))
                    dd.text(" (")
                    dd.cell(.figure(value: NumberText.decimal(window.hours, 4), text: NumberText.decimal(window.hours, 2)))
                    dd.text(" hours\(window.isRough ? ", under a day: monthly figures are a rough projection" : ""))")
                } else {
                    dd.text("no NAT traffic counted")
                }
            }
            list.element("dt", text: "region")
            list.element("dd", text: "\(region) (from \(regionSourceText))")
            list.element("dt", text: "prefixes")
            list.element("dd") { dd in
                dd.cell(.path(prefixes.path))
                dd.text(" (\(prefixes.origin)), created \(prefixes.createDate)")
                if let age = prefixes.ageDays {
                    dd.text(", ")
                    dd.cell(.figure(value: NumberText.decimal(age, 1), text: NumberText.decimal(age, 1)))
                    dd.text(" days old")
                }
                dd.text(", syncToken \(prefixes.syncToken)")
            }
            list.element("dt", text: "prices")
            list.element("dd") { dd in
                dd.text("NAT gateway ")
                dd.cell(ReportFigure.price(prices.natGatewayHour))
                dd.text("/hour and ")
                dd.cell(ReportFigure.price(prices.natGatewayGB))
                dd.text("/GB; interface endpoint ")
                dd.cell(ReportFigure.price(prices.interfaceEndpointHour))
                dd.text("/hour per AZ and ")
                dd.cell(ReportFigure.price(prices.interfaceEndpointGB))
                dd.text("/GB; public IPv4 ")
                dd.cell(ReportFigure.price(prices.publicIPv4Hour))
                dd.text("/hour; gateway endpoints free")
            }
            list.element("dt", text: "price source")
            list.element("dd", text: priceSource.text(namingEveryKey: true))
            list.element("dt", text: "AZs")
            list.element("dd") { dd in
                dd.cell(ReportFigure.count(availabilityZones))
                dd.text(" per interface endpoint (\(availabilityZonesSource.text))")
            }
            list.element("dt", text: "vantage")
            list.element("dd") { dd in
                dd.element("code", text: vantage.rawValue)
                dd.text(": " + vantage.reason)
            }
            list.natBytesFact(nat)
            if let failAbove { list.failAboveFact(failAbove, exceeded: thresholdExceeded) }
        }
    }

    private func writeWarnings(into html: inout HTMLWriter) {
        guard !warnings.isEmpty else { return }
        html.element("section", [("id", "warnings")]) { section in
            section.element("h2", text: "Warnings")
            section.element("ul", [("class", "warnings")]) { list in
                for warning in warnings { list.element("li") { $0.element("span", text: warning.sentence) } }
            }
        }
    }

    /// A titled `section`.
    func section(_ id: String, _ title: String, into html: inout HTMLWriter, _ body: (inout HTMLWriter) -> Void) {
        html.element("section", [("id", id)]) { section in
            section.element("h2", text: title)
            body(&section)
        }
    }

    /// A paragraph of text and figures.
    func paragraph(_ parts: [HTMLWriter.Cell], into html: inout HTMLWriter) {
        html.element("p") { p in
            for part in parts { p.cell(part) }
        }
    }

    /// Monthly GB of `bytes`, as the JSON output's `monthly_gb` fields compute it.
    func monthlyGB(ofBytes bytes: UInt64) -> Double {
        Double(bytes) / 1e9 * (window?.monthlyFactor ?? 0)
    }
}

/// Figures as table cells: the exact value as the JSON output writes it, and a readable text.
enum ReportFigure {
    typealias Cell = HTMLWriter.Cell

    /// Bytes: exact count, shown in decimal units (`951778265` → `951.78 MB`).
    static func bytes(_ value: UInt64) -> Cell { .figure(value: String(value), text: NumberText.bytes(value)) }
    /// A count with thousands separators.
    static func count<I: BinaryInteger>(_ value: I) -> Cell { .figure(value: String(value), text: NumberText.grouped(value)) }
    /// A number shown as it is (ports, line numbers).
    static func plain<I: BinaryInteger>(_ value: I) -> Cell { .figure(value: String(value), text: String(value)) }
    /// GB, six decimals exact (as `monthly_gb`), three significant places shown.
    static func gb(_ value: Double) -> Cell { .figure(value: NumberText.decimal(value, 6), text: gbText(value)) }
    /// US dollars, four decimals exact, cents shown.
    static func usd(_ value: Double) -> Cell { .figure(value: NumberText.decimal(value, 4), text: NumberText.dollars(value)) }
    /// A unit price, four decimals exact.
    static func price(_ value: Double) -> Cell { .figure(value: NumberText.decimal(value, 4), text: NumberText.price(value)) }
    /// A share (0…1), four decimals exact, a percentage shown.
    static func share(_ value: Double) -> Cell { .figure(value: NumberText.decimal(value, 4), text: NumberText.percent(value)) }
    /// Unix seconds, shown in ISO-8601 UTC; `-` when absent.
    static func time(_ value: UInt64?) -> Cell {
        guard let value else { return .text("-") }
        return .figure(value: String(value), text: UnixTime.iso8601(value))
    }
    /// An optional count: `-` when absent.
    static func count<I: BinaryInteger>(_ value: I?) -> Cell { value.map { count($0) } ?? .text("-") }

    /// GB with three significant places for small volumes (as the text report).
    static func gbText(_ gb: Double) -> String { NumberText.decimal(gb, gb >= 100 ? 1 : (gb >= 1 ? 2 : 4)) }
}

extension HTMLWriter {
    /// The three headline figures of a page or a scope: today's monthly NAT cost, the saving
    /// available (with the `--fail-above` verdict) and the public-path share.
    mutating func headline(monthlyCostUSD: Double, savingUSD: Double, publicShare: Double?, failAbove: Double?, exceeded: Bool,
                           amountClass: String) {
        let cards: [(HTMLWriter.Cell, String)] = [
            (ReportFigure.usd(monthlyCostUSD), "NAT gateway cost per month today"),
            (ReportFigure.usd(savingUSD), "saving available per month" + FailAboveWording.note(failAbove, exceeded: exceeded)),
            (publicShare.map(ReportFigure.share) ?? .text("n/a"), "of AWS-bound bytes on the public path"),
        ]
        element("div", [("class", "headline")]) { line in
            for (figure, caption) in cards {
                line.element("div", [("class", "figure")]) { card in
                    card.element("span", [("class", amountClass)]) { $0.cell(figure) }
                    card.element("span", [("class", "caption")], text: caption)
                }
            }
        }
    }

    /// The "NAT bytes" fact of a `<dl class="facts">`: bytes, out, in, packets and records.
    mutating func natBytesFact(_ nat: DirectionalTally) {
        element("dt", text: "NAT bytes")
        element("dd") { dd in
            dd.cell(ReportFigure.bytes(nat.bytes))
            dd.text(": ")
            dd.cell(ReportFigure.bytes(nat.bytesOut))
            dd.text(" out, ")
            dd.cell(ReportFigure.bytes(nat.bytesIn))
            dd.text(" in, ")
            dd.cell(ReportFigure.count(nat.packets))
            dd.text(" packets, ")
            dd.cell(ReportFigure.count(nat.records))
            dd.text(" records")
        }
    }

    /// The `--fail-above` fact of a `<dl class="facts">`: the threshold and whether the saving exceeds it.
    mutating func failAboveFact(_ failAbove: Double, exceeded: Bool) {
        element("dt", text: "--fail-above")
        element("dd") { dd in
            dd.cell(.figure(value: NumberText.decimal(failAbove, 2), text: NumberText.dollars(failAbove)))
            dd.text(FailAboveWording.verdict(exceeded: exceeded))
        }
    }
}
