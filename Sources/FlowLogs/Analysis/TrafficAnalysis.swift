/// Reads the logs and computes the report, one stage after another: each stage is a value
/// computed from the aggregates and the stages before it (`Stages/`), so there is no order of
/// calls to remember and each can be tested alone.
public enum TrafficAnalysis {
    /// Discovers and reads `paths`, routing records by scope (account × region × VPC), then
    /// computes one report per scope.
    /// - Throws: `AnalysisError` when a scope's region cannot be told.
    /// - Parameter progress: given the inputs found, a progress object for the scan to update.
    public static func run(paths: [String], prefixes: PrefixTable, prefixFile: PrefixFileInfo, options: AnalysisOptions,
                           progress: (([InputDiscovery.Entry]) -> ScanProgress?)? = nil) throws(AnalysisError) -> EstateReport {
        var (join, context, inputs) = scan(paths, options: options, progress: progress) { prefixes }
        return try estate(from: &join, context: context, inputs: inputs, prefixFile: prefixFile, options: options)
    }

    /// `run` while the table is still loading: it is waited for only once the inputs are found and
    /// the Resolver logs read, where the records first need it.
    /// - Parameter prefixFile: describes the table once loaded.
    /// - Throws: the load's `PrefixFileError` (then no input file is read and nothing is reported),
    ///   or `AnalysisError`.
    public static func run(paths: [String], loading prefixes: PrefixTableLoad, prefixFile: (PrefixTable) -> PrefixFileInfo,
                           options: AnalysisOptions, progress: (([InputDiscovery.Entry]) -> ScanProgress?)? = nil) throws -> EstateReport {
        var (join, context, inputs) = try scan(paths, options: options, progress: progress) { () throws(PrefixFileError) in
            try prefixes.table()
        }
        return try estate(from: &join, context: context, inputs: inputs, prefixFile: prefixFile(context.prefixes), options: options)
    }

    /// Finds and reads the inputs, routing records by scope; `prefixes` gives the table when the
    /// first records need it.
    static func scan<Failure: Error>(_ paths: [String], options: AnalysisOptions, progress: (([InputDiscovery.Entry]) -> ScanProgress?)?,
                                     prefixes: () throws(Failure) -> PrefixTable) throws(Failure)
        -> (join: ScopeJoin, context: AnalysisContext, inputs: Inspection) {
        let entries = InputDiscovery.discover(paths)
        // Resolver query logs first (found among the inputs by content, or named by --dns-logs):
        // the aggregation names AMAZON peers as it counts them.
        let (dns, flowEntries) = ResolverLogs.readBeforeScan(entries, explicit: options.dnsLogs, options: options.dnsNaming,
                                                             read: options.read, jobs: options.jobs)
        let context = AnalysisContext(prefixes: try prefixes(), vpcCIDRs: options.vpcCIDRs, since: options.since,
                                      until: options.until, tableCapacity: options.tableCapacity,
                                      dnsNames: dns.isEmpty ? nil : dns.names)
        let scan = InputScan(options: options.read, jobs: options.jobs, progress: progress?(flowEntries))
        var (flowFiles, traffic) = scan.run(flowEntries) { ScopedTraffic(context: context) }
        let files = dns.isEmpty ? flowFiles : dns.inInputOrder(flowFiles, entries: entries)
        return (ScopeJoin(traffic.take(), defaultRegion: options.region), context, Inspection(files: files))
    }

    /// One report per scope that `options.scopes` keeps, heaviest first.
    static func estate(from join: inout ScopeJoin, context: AnalysisContext, inputs: Inspection, prefixFile: PrefixFileInfo,
                       options: AnalysisOptions) throws(AnalysisError) -> EstateReport {
        var scopes: [ScopeReport] = []
        var outside = (scopes: 0, records: UInt64(0))
        for index in join.scopes.indices {
            var scope = join.scopes[index]
            scope.traffic = join.takeTraffic(index)
            let region = scope.region ?? options.region
            if !options.scopes.isEmpty, !options.scopes.contains(where: {
                $0.matches(account: scope.account, region: region ?? "unknown", vpc: scope.vpc, flowLogs: scope.flowLogs)
            }) {
                outside.scopes += 1
                outside.records += scope.traffic.counters.considered
                continue
            }
            let resolved = try RegionSource.resolve(scope.traffic, unitRegion: scope.region, option: options.region)
            let report = try report(from: scope.traffic, inputs: inputs, prefixFile: prefixFile, options: options, region: resolved,
                                    vpc: scope.vpc)
            scopes.append(ScopeReport(account: scope.account, region: report.region, vpc: scope.vpc, flowLogs: scope.flowLogs,
                                      scopeKey: scope.key, report: report))
        }
        if scopes.isEmpty {
            // Nothing read (or nothing kept): one empty scope, so every output has its shape.
            let empty = TrafficAggregator(context: context)
            let report = try report(from: empty, inputs: inputs, prefixFile: prefixFile, options: options)
            scopes.append(ScopeReport(account: ScopeUnit.unknownAccount, region: report.region, vpc: nil, flowLogs: [],
                                      scopeKey: .accountRegion, report: report))
        }
        scopes.sort { lhs, rhs in
            if lhs.report.nat.bytes != rhs.report.nat.bytes { return lhs.report.nat.bytes > rhs.report.nat.bytes }
            return (lhs.account, lhs.region, lhs.vpc ?? "", lhs.flowLogs.first ?? "") < (rhs.account, rhs.region, rhs.vpc ?? "", rhs.flowLogs.first ?? "")
        }
        var estate = EstateReport(inputs: inputs, prefixes: prefixFile, scopes: scopes)
        estate.warnings = join.warnings
        if let option = options.region {
            let others = scopes.filter { $0.report.regionSource != .option && $0.report.regionSource != .unneeded && $0.region != option }
            if !others.isEmpty {
                estate.warnings.append(.regionOptionNotUsed(option: option, regions: Set(others.map(\.region)).sorted(), scopes: others.count))
            }
        }
        estate.outsideScopes = outside
        estate.scopeFilters = options.scopes
        estate.failAbove = options.failAbove
        estate.topScopes = options.topScopes
        return estate
    }

    /// Computes the report from the merged aggregates of one VPC's records.
    /// - Parameters:
    ///   - region: the scope's region and where it came from; nil: told by the aggregates and
    ///     `options.region` (`RegionSource.resolve`).
    ///   - vpc: the scope's `vpc-id` (nil when its records do not say): its DNS facts are its VPC's.
    static func report(from traffic: TrafficAggregator, inputs: Inspection, prefixFile: PrefixFileInfo,
                       options: AnalysisOptions, region scopeRegion: (region: String, source: RegionSource)? = nil,
                       vpc: String? = nil) throws(AnalysisError) -> Report {
        let resolved: (region: String, source: RegionSource)
        if let scopeRegion { resolved = scopeRegion } else { resolved = try RegionSource.resolve(traffic, option: options.region) }
        let (region, regionSource) = resolved
        var traffic = traffic
        traffic.resolveEndpointVPC(vpc)
        let names = ServiceRegionNames(serviceRegions: traffic.context.prefixes.serviceRegions, vpcRegion: region)
        let gateways = GatewayIdentification(traffic: traffic, hints: options.natHints)
        let counted = CountedTraffic(traffic: traffic, gateways: gateways)
        let totals = NATTotals(counted, names: names)
        let azs = options.availabilityZones ?? max(1, gateways.gateways.count)
        let azSource: AZCountSource = options.availabilityZones != nil ? .option : (gateways.gateways.isEmpty ? .noGateway : .gateways)
        let (prices, priceSource) = options.prices.prices(for: region)
        let cost = NATCost(totals: totals, gateways: gateways, vantage: counted.vantage, prices: prices)
        let endpoints = InterfaceEndpointRows(traffic: traffic, counted: counted, natLocals: gateways.natLocals, totals: totals,
                                              names: names, prices: prices, azs: azs, inputs: inputs, top: options.top, vpc: vpc)
        let savings = Savings(totals: totals, prices: prices, azs: azs, cost: cost, natTrafficCounted: counted.vantage != .none,
                              amazonRows: endpoints.amazonRows)
        var report = Report(
            inputs: inputs, prefixes: prefixFile, region: region, regionSource: regionSource, window: totals.window,
            vantage: counted.vantage,
            gateways: GatewayFinding.of(gateways, counted: counted, locals: traffic.locals),
            nat: totals.nat, destinations: totals.destinations, cost: cost, savings: savings,
            sources: ServiceSources.of(traffic, counted: counted, natLocals: gateways.natLocals, totals: totals, names: names,
                                       top: options.top),
            exposure: Exposure(traffic, counted: counted, natLocals: gateways.natLocals, totals: totals, names: names,
                               top: options.top, skipDataRecords: inputs.totals.skipData),
            serviceCheck: ServiceCheck(traffic), prices: prices,
            availabilityZones: azs, availabilityZonesSource: azSource, failAbove: options.failAbove,
            setAside: SetAsideReason.tally(traffic.counters), assumptions: [], warnings: [], top: options.top)
        report.priceSource = priceSource
        report.interfaceEndpoints = endpoints.endpoints
        report.hourly = HourlyNATBytes(counted: counted.legs, hoursByKey: traffic.hourly.hoursByFlow(),
                                       keyBytes: { traffic.flows[$0]?.tally.bytes ?? 0 }, total: totals.nat.bytes,
                                       category: names.category)
        report.assumptions = ReportAssumption.all(for: report, stages: counted.assumptions)
        report.warnings = ReportWarning.all(for: report, stages: gateways.warnings + counted.warnings,
                                            recordRegions: Array(traffic.recordRegions.keys), tableCapacity: options.tableCapacity,
                                            window: (options.since, options.until,
                                                     traffic.counters.considered > 0 && traffic.counters.outsideWindow == traffic.counters.considered))
        return report
    }
}
