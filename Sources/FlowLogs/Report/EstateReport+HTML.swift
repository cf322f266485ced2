extension EstateReport {
    /// The `--output html` report: one self-contained page (no scripts, no requests; README,
    /// "HTML report"): the estate's figures and its table of scopes, then every scope's part
    /// (`Report.writeScope`), then the inputs. Every figure is written as the JSON output writes
    /// it, inside `<data value="…">`, with a readable form as its text.
    public func html() -> String {
        var html = HTMLWriter()
        let single = scopes.count == 1
        let regions = Set(scopes.map(\.region)).sorted()
        let title = single ? "flowscan: NAT gateway traffic to AWS services, \(scopes[0].region)"
            : EstateWording.title(scopes: scopes.count, regions: regions)
        HTMLPage.write(title: title, styleSheet: HTMLStyleSheet.report, into: &html) { body in
            body.element("header") { header in
                header.element("h1", text: "NAT gateway traffic to AWS services")
                header.element("p", [("class", "muted")], text: "flowscan audit report · "
                    + (single ? "scope " + EstateWording.scopeLine(scopes[0]) : "\(NumberText.count(scopes.count, "scope")) · \(regions.joined(separator: ", "))"))
            }
            writeHeadline(into: &body)
            writeEstate(into: &body)
            for (index, scope) in scopes.enumerated() {
                body.idPrefix = index == 0 ? "" : "scope\(index + 1)-"
                body.element("section", [("id", "scope"), ("class", "scope")]) { section in
                    if !single {
                        section.element("h2", text: EstateWording.scopeHeading(index, of: scopes.count, scope))
                        section.element("p", [("class", "muted")], text: EstateWording.keyText(scope))
                    }
                    scope.report.writeScope(into: &section, headline: !single)
                }
            }
            body.idPrefix = ""
            scopes[0].report.writeInputs(into: &body)
            body.element("footer") { footer in
                footer.element("p") { p in
                    p.text("Written by flowscan from the same report as ")
                    p.element("code", text: "--output json")
                    p.text(" (schema ")
                    p.element("code", text: Self.schema)
                    p.text("). Hover a chart for its figures; every table figure carries its exact value.")
                }
            }
        }
        return html.text
    }

    /// The estate's monthly cost, saving available and public-path share, as three figures.
    private func writeHeadline(into html: inout HTMLWriter) {
        html.headline(monthlyCostUSD: estate.monthlyTotalUSD, savingUSD: estate.savingsMonthlyUSD, publicShare: estate.publicShare,
                      failAbove: failAbove, exceeded: thresholdExceeded, amountClass: "amount")
    }

    /// The estate's sums, the `--scope` filters, its warnings and the table of scopes.
    private func writeEstate(into html: inout HTMLWriter) {
        let totals = estate
        html.element("section", [("id", "estate")]) { section in
            section.element("h2", text: "Estate")
            section.element("dl", [("class", "facts")]) { list in
                list.element("dt", text: "scopes")
                list.element("dd") { dd in
                    dd.cell(ReportFigure.count(scopes.count))
                    dd.text(" in ")
                    dd.cell(ReportFigure.count(Set(scopes.map(\.account)).count))
                    dd.text(" accounts; regions " + Set(scopes.map(\.region)).sorted().joined(separator: ", "))
                }
                list.natBytesFact(totals.nat)
                list.element("dt", text: "NAT cost today")
                list.element("dd") { dd in
                    dd.cell(ReportFigure.count(totals.gateways))
                    dd.text(" gateways; ")
                    dd.cell(ReportFigure.gb(totals.monthlyGB))
                    dd.text(" GB/month: processing ")
                    dd.cell(ReportFigure.usd(totals.monthlyProcessingUSD))
                    dd.text(", hours ")
                    dd.cell(ReportFigure.usd(totals.monthlyHourlyUSD))
                    dd.text(", public IPv4 ")
                    dd.cell(ReportFigure.usd(totals.monthlyPublicIPv4USD))
                    dd.text(", total ")
                    dd.cell(ReportFigure.usd(totals.monthlyTotalUSD))
                    dd.text(" per month")
                }
                list.element("dt", text: "saving available")
                list.element("dd") { dd in
                    dd.cell(ReportFigure.usd(totals.savingsMonthlyUSD))
                    dd.text(" per month, the sum of the scopes' savings")
                }
                list.element("dt", text: "public path")
                list.element("dd") { dd in
                    dd.cell(totals.publicShare.map(ReportFigure.share) ?? .text("n/a"))
                    dd.text(" of AWS-bound bytes: ")
                    dd.cell(ReportFigure.bytes(totals.awsPublicBytes))
                    dd.text(" of ")
                    dd.cell(ReportFigure.bytes(totals.awsBytes))
                }
                list.element("dt", text: "--scope")
                list.element("dd") { dd in
                    dd.text(scopeFilters.isEmpty ? "none: " : scopeFilters.map(\.description).joined(separator: ", ") + ": ")
                    dd.cell(ReportFigure.count(outsideScopes.scopes))
                    dd.text(" other scopes (")
                    dd.cell(ReportFigure.count(outsideScopes.records))
                    dd.text(" records) set aside")
                }
                if let failAbove { list.failAboveFact(failAbove, exceeded: thresholdExceeded) }
            }
            if !warnings.isEmpty {
                section.element("ul", [("class", "warnings")]) { list in
                    for warning in warnings { list.element("li") { $0.element("span", text: warning.sentence) } }
                }
            }
            section.element("table") { table in
                table.element("thead") { head in
                    head.element("tr") { row in
                        for title in ["#", "account", "region", "VPC or flow log", "key", "NAT bytes", "cost/month", "saving/month", "public"] {
                            row.element("th", text: title)
                        }
                    }
                }
                table.element("tbody") { body in
                    for (index, scope) in scopes.enumerated() {
                        body.element("tr") { row in
                            row.element("td", text: String(index + 1))
                            row.element("td", text: scope.account)
                            row.element("td", text: scope.region)
                            row.element("td", text: scope.vpc ?? (scope.flowLogs.isEmpty ? "-" : scope.flowLogs.joined(separator: " ")))
                            row.element("td", text: scope.scopeKey.rawValue)
                            row.element("td") { $0.cell(ReportFigure.bytes(scope.report.nat.bytes)) }
                            row.element("td") { $0.cell(ReportFigure.usd(scope.report.cost.monthlyTotalUSD)) }
                            row.element("td") { $0.cell(ReportFigure.usd(scope.report.savings.totalMonthlyUSD)) }
                            row.element("td") { $0.cell(scope.report.exposure.publicShare.map(ReportFigure.share) ?? .text("n/a")) }
                        }
                    }
                }
            }
        }
    }
}
