import Foundation

extension ReportBuilder {
    /// Computes every figure of the report from the counted flows.
    func build(prefixFile: PrefixFileInfo, regionSource: String) -> Report {
        var nat = DirectionalTally()
        var byClass: [Int: DirectionalTally] = [:]
        var firstStart = UInt64.max, lastEnd: UInt64 = 0
        for (key, span) in counted {
            nat.add(span.tally, direction: key.direction)
            byClass[key.classIndex, default: DirectionalTally()].add(span.tally, direction: key.direction)
            firstStart = min(firstStart, span.firstStart)
            lastEnd = max(lastEnd, span.lastEnd)
        }
        let window = firstStart <= lastEnd ? TimeWindow(start: firstStart, end: lastEnd) : nil
        let destinations = self.destinations(byClass)
        let gatewayCount = max(gateways.count, vantage == .none ? 0 : 1)
        let azs = options.availabilityZones ?? max(1, gateways.count)
        let azSource = options.availabilityZones != nil ? "--azs" : (gateways.isEmpty ? "default (no NAT gateway identified)" : "the number of NAT gateways")
        let factor = window?.monthlyFactor ?? 0
        let prices = options.pricing
        let publicGateways = gateways.isEmpty ? gatewayCount : gateways.filter { $0.hint?.connectivity != "private" }.count
        let cost = NATCost(
            gateways: gatewayCount,
            observedGB: Double(nat.bytes) / 1e9,
            observedProcessingUSD: Double(nat.bytes) / 1e9 * prices.natGatewayGB,
            monthlyGB: Double(nat.bytes) / 1e9 * factor,
            monthlyProcessingUSD: Double(nat.bytes) / 1e9 * factor * prices.natGatewayGB,
            monthlyHourlyUSD: Double(gatewayCount) * 730 * prices.natGatewayHour,
            monthlyPublicIPv4USD: Double(publicGateways) * 730 * prices.publicIPv4Hour)
        let savings = self.savings(destinations, factor: factor, azs: azs, cost: cost)

        var report = Report(
            inputs: inputs, prefixes: prefixFile, region: region, regionSource: regionSource, window: window,
            vantage: vantage, vantageReason: vantageReason, gateways: gatewayFindings(), nat: nat,
            destinations: destinations, cost: cost, savings: savings, sources: sources(destinations),
            exposure: exposure(destinations), serviceCheck: serviceCheck(), prices: prices,
            availabilityZones: azs, availabilityZonesSource: azSource, failAbove: options.failAbove,
            setAside: setAside(), assumptions: [], warnings: [], top: options.top)
        report.assumptions = reportAssumptions(report)
        report.warnings = reportWarnings(report)
        return report
    }

    private func destinations(_ byClass: [Int: DirectionalTally]) -> [Destination] {
        var merged: [String: Destination] = [:]
        for (classIndex, traffic) in byClass {
            let (service, serviceRegion) = name(classIndex)
            let key = service + "\u{0}" + serviceRegion
            if merged[key] == nil {
                merged[key] = Destination(service: service, region: serviceRegion, sameRegion: serviceRegion == region,
                                          category: category(classIndex), traffic: DirectionalTally())
            }
            merged[key]!.traffic.add(traffic)
        }
        return merged.values.sorted {
            $0.traffic.bytes != $1.traffic.bytes ? $0.traffic.bytes > $1.traffic.bytes : ($0.service, $0.region) < ($1.service, $1.region)
        }
    }

    private func gatewayFindings() -> [GatewayFinding] {
        gateways.map { gateway in
            var traffic = DirectionalTally()
            let members = Set(gateway.locals)
            var kinds = Set<LegKind>()
            for (key, span) in counted where members.contains(key.local) {
                traffic.add(span.tally, direction: key.direction)
                kinds.insert(key.kind)
            }
            let locals = gateway.locals.map { aggregator.locals[Int($0)] }
            var interfaces = gateway.hint?.interfaceIDs ?? []
            for interfaceID in locals.compactMap(\.interfaceID) where !interfaces.contains(interfaceID) { interfaces.append(interfaceID) }
            var addresses = gateway.hint?.privateIPs ?? []
            for address in locals.map(\.address) where !addresses.contains(address) { addresses.append(address) }
            let legs = kinds.isEmpty ? nil : kinds.sorted().map { $0 == .inner ? "instance-nat" : "nat-internet" }.joined(separator: "+")
            return GatewayFinding(id: gateway.id, interfaceIDs: interfaces, privateIPs: addresses,
                                  publicIPs: gateway.hint?.publicIPs ?? [], origin: gateway.origin,
                                  evidence: gateway.evidence, countedLegs: legs, traffic: traffic)
        }
    }

    // MARK: Money

    private func savings(_ destinations: [Destination], factor: Double, azs: Int, cost: NATCost) -> Savings {
        let prices = options.pricing
        var gatewayRows: [Savings.GatewayEndpoint] = []
        var interfaceRows: [Savings.InterfaceEndpoint] = []
        var blockers: [(service: String, region: String, category: ServiceCategory, monthlyGB: Double)] = []
        let endpointMonthly = prices.interfaceEndpointHour * 730 * Double(azs)
        let savingPerGB = prices.natGatewayGB - prices.interfaceEndpointGB
        for destination in destinations {
            let monthlyGB = Double(destination.traffic.bytes) / 1e9 * factor
            switch destination.category {
            case .gatewayEndpoint:
                gatewayRows.append(.init(service: destination.service, monthlyGB: monthlyGB, monthlyUSD: monthlyGB * prices.natGatewayGB))
            case .interfaceEndpoint:
                interfaceRows.append(.init(
                    service: destination.service, region: destination.region, monthlyGB: monthlyGB, savingPerGB: savingPerGB,
                    endpointMonthlyUSD: endpointMonthly, breakEvenGB: savingPerGB > 0 ? endpointMonthly / savingPerGB : nil,
                    netMonthlyUSD: monthlyGB * savingPerGB - endpointMonthly))
            case .awsPublic, .crossRegion, .internet:
                if destination.traffic.bytes > 0 {
                    blockers.append((destination.service, destination.region, destination.category, monthlyGB))
                }
            }
        }
        // Without a NAT gateway every interface endpoint is needed, also those not worth it alone.
        let endpointsNeeded = interfaceRows.filter { !$0.worthIt }.reduce(0) { $0 - $1.netMonthlyUSD }
        let removal = Savings.NATRemoval(possible: vantage != .none && blockers.isEmpty, blockers: blockers,
                                         hourlyMonthlyUSD: cost.monthlyHourlyUSD + cost.monthlyPublicIPv4USD,
                                         endpointsNeededMonthlyUSD: endpointsNeeded)
        return Savings(gatewayEndpoints: gatewayRows, interfaceEndpoints: interfaceRows, natRemoval: removal)
    }

    // MARK: Sources

    private func sources(_ destinations: [Destination]) -> [ServiceSources] {
        let countedPairs = countedLocalKinds()
        var groups: [String: (rows: [IPAddress: UInt64], unknown: UInt64)] = [:]
        for (key, tally) in aggregator.sources.entries {
            let local = key.local
            guard countedPairs.contains(LocalKind(local: local, kind: key.kind, showsInner: key.showsInner)) else { continue }
            let (service, serviceRegion) = name(Int(key.classIndex))
            let group = service + "\u{0}" + serviceRegion
            var bytes = tally.bytes
            if vantage == .instanceInterface {
                let share = natShare[LocalClass(local: local, classIndex: Int(key.classIndex))] ?? 1
                bytes = UInt64(saturating: (Double(bytes) * share).rounded())
            }
            guard bytes > 0 else { continue }
            if natLocals.contains(local), key.kind == .outer {
                groups[group, default: ([:], 0)].unknown.saturatingIncrease(by: bytes)  // NAT-to-internet legs: the sender is not in them
            } else {
                groups[group, default: ([:], 0)].rows[key.source, default: 0].saturatingIncrease(by: bytes)
            }
        }
        return destinations.compactMap { destination in
            let group = groups[destination.service + "\u{0}" + destination.region] ?? ([:], 0)
            let rows = group.rows.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(options.top)
                .map { ServiceSources.Row(address: $0.key, details: aggregator.details(of: $0.key), bytes: $0.value) }
            let listed = rows.reduce(UInt64(0)) { $0.saturatingAdd($1.bytes) }
            let total = destination.traffic.bytes
            let other = total > listed.saturatingAdd(group.unknown) ? total - listed - group.unknown : 0
            return ServiceSources(service: destination.service, region: destination.region, rows: Array(rows),
                                  otherBytes: other, unknownBytes: min(group.unknown, total))
        }
    }

    /// A local address's legs of one kind from formats with or without `pkt-*`.
    struct LocalKind: Hashable {
        var local: UInt32
        var kind: LegKind
        var showsInner: Bool
    }

    /// The legs whose bytes are counted as NAT traffic.
    func countedLocalKinds() -> Set<LocalKind> {
        Set(counted.map { LocalKind(local: $0.key.local, kind: $0.key.kind, showsInner: $0.key.showsInner) })
    }

    // MARK: Checks and set-asides

    private func serviceCheck() -> ServiceCheck {
        let rows = aggregator.serviceDisagreements.map { (ours: $0.key.ours, theirs: $0.key.theirs, records: $0.value) }
            .sorted { $0.records != $1.records ? $0.records > $1.records : ($0.ours, $0.theirs) < ($1.ours, $1.theirs) }
        return ServiceCheck(checked: aggregator.serviceChecks, disagreements: rows)
    }

    private func setAside() -> [(reason: String, records: UInt64)] {
        let counters = aggregator.counters
        return [
            ("outside --since/--until", counters.outsideWindow),
            ("no source or destination address", counters.withoutAddresses),
            ("accepted, but no byte count ('-')", counters.withoutBytes),
            ("private to private (east-west)", counters.eastWest),
            ("neither side private, or a special address (link-local, multicast…)", counters.otherAddresses),
            ("rejected (REJECT): shown under exposure", counters.rejected),
            ("IPv6: shown under exposure", counters.ipv6),
        ].filter { $0.1 > 0 }
    }
}
