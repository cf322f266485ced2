/// What `flowscan inspect` reports: every file read, and the totals.
public struct Inspection: Sendable {
    public var files: [FileSummary]
    public var totals: InputTotals

    public init(files: [FileSummary]) {
        self.files = files
        self.totals = InputTotals(files)
    }

    /// Discovers and reads `paths` with `jobs` workers (`InputScan.jobs`).
    public static func run(paths: [String], options: ReadOptions, jobs: Int = 0,
                           progress: (([InputDiscovery.Entry]) -> ScanProgress?)? = nil) -> Inspection {
        let entries = InputDiscovery.discover(paths)
        let scan = InputScan(options: options, jobs: jobs, progress: progress?(entries))
        let (files, _) = scan.run(entries) { DiscardingSink() }
        return Inspection(files: files)
    }
}
