extension ReportWarning {
    /// What the reader should act on: the stages' warnings first (gateways, counted legs), then
    /// the inputs, the prefixes file, the window, the tables and the service check.
    static func all(for report: Report, stages: [ReportWarning], recordRegions: [String], tableCapacity: Int,
                    window: (since: UInt64?, until: UInt64?, keptNothing: Bool) = (nil, nil, false)) -> [ReportWarning] {
        var warnings = stages
        let totals = report.inputs.totals
        if !totals.isComplete { warnings.append(.incompleteInputs(damaged: totals.damagedFiles, skipped: totals.skippedFiles)) }
        if totals.malformed > 0 { warnings.append(.malformedLines(totals.malformed)) }
        let notFlowLogs = report.inputs.problems.filter { $0.kind == .notFlowLog }.count
        if notFlowLogs > 0 { warnings.append(.notFlowLogFiles(notFlowLogs)) }
        if window.keptNothing {
            warnings.append(.windowKeptNothing(since: window.since, until: window.until, dataStart: totals.firstStart, dataEnd: totals.lastEnd))
        }
        if totals.skipData > 0 { warnings.append(.skipData(totals.skipData)) }
        if let age = report.prefixes.ageDays, age > 30 { warnings.append(.stalePrefixes(days: age)) }
        if let window = report.window, window.isRough { warnings.append(.roughProjection(hours: window.hours)) }
        if report.exposure.folded { warnings.append(.tablesFolded(capacity: tableCapacity)) }
        if report.serviceCheck.disagreeing > 0 { warnings.append(.serviceDisagreements(report.serviceCheck.disagreeing)) }
        let others = recordRegions.filter { $0 != report.region }.sorted()
        if !others.isEmpty { warnings.append(.otherRegions(others, analysedAs: report.region)) }
        let prices = report.priceSource
        if !prices.warnedFellBack.isEmpty {
            warnings.append(.pricesFellBack(region: prices.region, keys: prices.warnedFellBack, regionMissing: prices.regionMissing,
                                            tableDate: prices.tableDate))
        }
        return warnings
    }
}
