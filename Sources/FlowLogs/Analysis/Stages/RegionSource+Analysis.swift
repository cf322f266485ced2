extension RegionSource {
    /// The VPC's region: `--region`, else the records' `region` field, else the S3 key paths.
    /// - Throws: `AnalysisError` when several regions are named, or none and there is traffic
    ///   to classify (without traffic the region changes no figure: "unknown").
    static func resolve(_ traffic: TrafficAggregator, option: String?) throws(AnalysisError) -> (region: String, source: RegionSource) {
        if let option { return (option, .option) }
        let fromRecords = traffic.recordRegions.keys.sorted()
        if fromRecords.count == 1 { return (fromRecords[0], .recordsField) }
        if fromRecords.count > 1 { throw .severalRegions(fromRecords) }
        let fromPaths = traffic.pathRegions.keys.sorted()
        if fromPaths.count == 1 { return (fromPaths[0], .s3KeyPath) }
        if fromPaths.count > 1 { throw .severalRegions(fromPaths) }
        // Nothing to classify (no input read, or no traffic to public addresses): the report
        // (with its inputs) is still worth printing.
        if traffic.flows.isEmpty { return ("unknown", .unneeded) }
        throw .regionUnknown
    }
}

extension RegionSource {
    /// A scope's region: its records' `region` field or its files' S3 keys (`unitRegion`), else
    /// `--region`.
    /// - Throws: `AnalysisError.regionUnknown` when none tells it and there is traffic to classify.
    static func resolve(_ traffic: TrafficAggregator, unitRegion: String?, option: String?) throws(AnalysisError) -> (region: String, source: RegionSource) {
        if let unitRegion { return (unitRegion, traffic.recordRegions[unitRegion] != nil ? .recordsField : .s3KeyPath) }
        if let option { return (option, .option) }
        if traffic.flows.isEmpty { return ("unknown", .unneeded) }
        throw .regionUnknown
    }
}
