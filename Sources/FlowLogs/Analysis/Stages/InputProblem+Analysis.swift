extension Inspection {
    /// Every input with a problem, in reading order. A file is "not a flow-log file" when more
    /// than half of its non-blank lines are malformed (a damaged one too: the damage is the
    /// lesser news then).
    public var problems: [InputProblem] {
        files.compactMap { file -> InputProblem? in
            let lines = file.lines - file.blankLines
            let firstMalformed = file.malformedExamples.first.map { "line \($0.line): \($0.reason)" } ?? "no example kept"
            var kind: InputProblem.Kind
            var reason = file.error ?? ""
            switch file.status {
            case .skipped: kind = .skipped
            case .damaged: kind = .damaged
            case .ok:
                guard file.malformed > 0 else { return nil }
                kind = .malformedLines
                reason = firstMalformed
            }
            // A damaged file's half line at the break is malformed too: it does not count here.
            let cut = file.status == .damaged ? 1 : 0
            // A Resolver query log's malformed lines are its own (never "not a flow-log file").
            if file.status != .skipped, file.content != .resolverQueryLog, file.malformed - cut > 0, (file.malformed - cut) * 2 > lines - cut {
                kind = .notFlowLog
                reason = firstMalformed
            }
            return InputProblem(path: file.path, kind: kind, reason: reason, malformed: file.malformed, lines: lines)
        }
    }

    /// Lines that were records of any log-status (OK, NODATA, SKIPDATA, Transit Gateway).
    public var recordLines: Int {
        totals.records + totals.noData + totals.skipData + totals.transitGateway
    }

    /// True when every file was read to its end and each is a flow log.
    public var isComplete: Bool {
        totals.isComplete && !problems.contains { $0.makesResultPartial }
    }

    /// Why no record was read from any input, or `nil` when some were.
    public var nothingReadReason: NothingRead? {
        guard recordLines == 0 else { return nil }
        let problems = self.problems
        if files.isEmpty { return .noFiles }
        let skipped = problems.filter { $0.kind == .skipped }.count
        let notFlowLogs = problems.filter { $0.kind == .notFlowLog }.count
        if skipped == files.count { return .allSkipped(files.count) }
        if skipped + notFlowLogs == files.count { return .notFlowLogs(notFlowLogs, skipped: skipped) }
        let queryLogs = files.filter { $0.status != .skipped && ($0.queries > 0 || $0.content == .resolverQueryLog) }.count
        if queryLogs > 0 { return .onlyResolverQueryLogs(queryLogs) }
        return .noRecords(files: files.count)
    }

    /// Why no record was read (worded in `Report/ReportWording.swift`).
    public enum NothingRead: Sendable, Equatable {
        /// The paths hold no files.
        case noFiles
        /// Every input was skipped.
        case allSkipped(Int)
        /// Every input was skipped or is not a flow-log file (`count` of those).
        case notFlowLogs(Int, skipped: Int)
        /// The files read hold Route 53 Resolver queries (`count` files) and no flow-log record.
        case onlyResolverQueryLogs(Int)
        /// Files were read but hold no record lines (empty, headers only, malformed lines).
        case noRecords(files: Int)
    }
}
