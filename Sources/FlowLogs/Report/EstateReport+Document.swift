extension EstateReport {
    /// The `--output text` report: for one scope, a line naming it then the VPC's report; for
    /// several, the estate's totals, a table of scopes, then the first `topScopes` in detail.
    /// Sentences and bullets are wrapped to `width` columns.
    public func text(width: Int = 80) -> String { document().text(width: width) }

    /// The `--output markdown` report (the same sections as the text).
    public func markdown() -> String { document().markdown() }

    func document() -> ReportDocument {
        if scopes.count == 1, outsideScopes.scopes == 0 {
            let scope = scopes[0]
            var document = ReportDocument(title: "flowscan: NAT gateway traffic to AWS services, \(scope.region)")
            document.sections = scope.report.sections(scope: EstateWording.scopeLine(scope))
            if !warnings.isEmpty {
                document.sections[0].blocks += [.subheading("Scope warnings"), .bullets(warnings.map(\.sentence))]
            }
            return document
        }
        var document = ReportDocument(title: EstateWording.title(scopes: scopes.count, regions: Set(scopes.map(\.region)).sorted()))
        document.sections = [estateSection(), scopesSection()] + scopes[0].report.inputsSection()
        let shown = min(topScopes, scopes.count)
        for (index, scope) in scopes.prefix(shown).enumerated() {
            document.sections.append(ReportDocument.Section(title: EstateWording.scopeHeading(index, of: scopes.count, scope),
                                                            blocks: [.line(EstateWording.keyText(scope))], underlined: true))
            document.sections += scope.report.sections(inEstate: true).map { section in
                var section = section
                section.depth = 1
                return section
            }
        }
        if scopes.count > shown {
            document.sections.append(ReportDocument.Section(title: "Other scopes", blocks: [.line(EstateWording.leftToJSON(scopes.count - shown, top: topScopes))]))
        }
        return document
    }

    private func estateSection() -> ReportDocument.Section {
        let totals = estate
        let accounts = Set(scopes.map(\.account)).count
        let regions = Set(scopes.map(\.region)).sorted()
        let age = prefixes.ageDays.map { ", \(NumberText.decimal($0, 1)) days old" } ?? ""
        let share = totals.publicShare.map { NumberText.percent($0) } ?? "n/a"
        var pairs: [(String, String)] = [
            ("NAT cost today", "\(NumberText.dollars(totals.monthlyTotalUSD)) per month (\(NumberText.count(totals.gateways, "gateway")))"),
            ("saving available", "\(NumberText.dollars(totals.savingsMonthlyUSD)) per month, the sum of the scopes' savings"
                + FailAboveWording.note(failAbove, exceeded: thresholdExceeded)),
            ("public path", "\(share) of AWS-bound bytes"),
            ("NAT bytes", "\(NumberText.grouped(totals.nat.bytes)) (\(NumberText.bytes(totals.nat.bytes))): "
                + "\(NumberText.bytes(totals.nat.bytesOut)) out, \(NumberText.bytes(totals.nat.bytesIn)) in, \(NumberText.grouped(totals.nat.records)) records"),
            ("scopes", "\(NumberText.count(scopes.count, "scope")) in \(NumberText.count(accounts, "account")), "
                + "\(NumberText.count(regions.count, "region")) (\(regions.joined(separator: ", ")))"),
            ("inputs", inputs.summaryLine),
            ("prefixes", "\(prefixes.path) (\(prefixes.origin)), created \(prefixes.createDate)\(age), syncToken \(prefixes.syncToken)"),
        ]
        if !scopeFilters.isEmpty { pairs.append(("--scope", EstateWording.outside(outsideScopes, filters: scopeFilters))) }
        var section = ReportDocument.Section(title: "Estate", blocks: [.pairs(pairs)])
        if !warnings.isEmpty {
            section.blocks.append(.subheading("Warnings"))
            section.blocks.append(.bullets(warnings.map(\.sentence)))
        }
        return section
    }

    private func scopesSection() -> ReportDocument.Section {
        let rows = scopes.enumerated().map { index, scope -> [String] in
            let report = scope.report
            return [String(index + 1), scope.account, scope.region, scope.vpc ?? (scope.flowLogs.isEmpty ? "-" : scope.flowLogs.joined(separator: " ")),
                    scope.scopeKey.rawValue, NumberText.bytes(report.nat.bytes), NumberText.dollars(report.cost.monthlyTotalUSD),
                    NumberText.dollars(report.savings.totalMonthlyUSD), report.exposure.publicShare.map { NumberText.percent($0) } ?? "n/a",
                    report.warnings.isEmpty ? "" : String(report.warnings.count)]
        }
        return ReportDocument.Section(title: "Scopes, heaviest first", blocks: [
            .table(columns: [.right("#"), .left("account"), .left("region"), .left("VPC or flow log"), .left("key"), .right("NAT bytes"),
                             .right("cost/month"), .right("saving/month"), .right("public"), .right("warnings")], rows: rows),
        ])
    }
}
