/// Reads the logs and computes the report, one stage after another: each stage is a value
/// computed from the aggregates and the stages before it (`Stages/`), so there is no order of
/// calls to remember and each can be tested alone.
public enum TrafficAnalysis {
    /// Discovers and reads `paths`, then computes the report.
    /// - Throws: `AnalysisError` when the VPC's region cannot be told.
    /// - Parameter progress: given the inputs found, a progress object for the scan to update.
    public static func run(paths: [String], prefixes: PrefixTable, prefixFile: PrefixFileInfo, options: AnalysisOptions,
                           progress: (([InputDiscovery.Entry]) -> ScanProgress?)? = nil) throws(AnalysisError) -> Report {
        let entries = InputDiscovery.discover(paths)
        // Resolver query logs first (found among the inputs by content, or named by --dns-logs):
        // the aggregation names AMAZON peers as it counts them.
        let (dns, flowEntries) = ResolverLogs.readBeforeScan(entries, explicit: options.dnsLogs, options: options.dnsNaming,
                                                             read: options.read, jobs: options.jobs)
        let context = AnalysisContext(prefixes: prefixes, vpcCIDRs: options.vpcCIDRs, since: options.since,
                                      until: options.until, tableCapacity: options.tableCapacity,
                                      dnsNames: dns.isEmpty ? nil : dns.names)
        let scan = InputScan(options: options.read, jobs: options.jobs, progress: progress?(flowEntries))
        let (flowFiles, traffic) = scan.run(flowEntries) { TrafficAggregator(context: context) }
        let files = dns.isEmpty ? flowFiles : dns.inInputOrder(flowFiles, entries: entries)
        return try report(from: traffic, inputs: Inspection(files: files), prefixFile: prefixFile, options: options)
    }

    /// Computes the report from the merged aggregates of one VPC's records.
    static func report(from traffic: TrafficAggregator, inputs: Inspection, prefixFile: PrefixFileInfo,
                       options: AnalysisOptions) throws(AnalysisError) -> Report {
        let (region, regionSource) = try RegionSource.resolve(traffic, option: options.region)
        let names = ServiceRegionNames(serviceRegions: traffic.context.prefixes.serviceRegions, vpcRegion: region)
        let gateways = GatewayIdentification(traffic: traffic, hints: options.natHints)
        let counted = CountedTraffic(traffic: traffic, gateways: gateways)
        let totals = NATTotals(counted, names: names)
        let azs = options.availabilityZones ?? max(1, gateways.gateways.count)
        let azSource: AZCountSource = options.availabilityZones != nil ? .option : (gateways.gateways.isEmpty ? .noGateway : .gateways)
        let (prices, priceSource) = options.prices.prices(for: region)
        let cost = NATCost(totals: totals, gateways: gateways, vantage: counted.vantage, prices: prices)
        let endpoints = InterfaceEndpointRows(traffic: traffic, counted: counted, natLocals: gateways.natLocals, totals: totals,
                                              names: names, prices: prices, azs: azs, inputs: inputs, top: options.top)
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
