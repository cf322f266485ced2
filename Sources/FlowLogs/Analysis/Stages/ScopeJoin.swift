/// The units read (`ScopedTraffic`) joined into scopes, one per VPC: a flow-log or
/// account × region unit (a format without `vpc-id`) that shares an interface id with exactly
/// one `vpc-id` unit of the same account and region is that VPC (a flow log in the default
/// format, then a new one with `vpc-id`); units without `vpc-id` that share interfaces with
/// each other (and with no VPC) are one scope too. A unit that shares interfaces with two VPCs
/// is left alone, and said.
struct ScopeJoin {
    /// One unit read.
    struct Part {
        var unit: ScopeUnit
        /// Taken out when the unit joins its scope (so that merging does not copy it).
        var traffic: TrafficAggregator?
        /// The flow logs whose files held the unit's records.
        var flowLogs: Set<String> = []
    }

    struct Scope {
        var account: String
        /// The units' region (nil: none told it).
        var region: String?
        /// The `vpc-id`, when a unit had one.
        var vpc: String?
        /// The flow logs (`fl-…`) of the units joined, sorted.
        var flowLogs: [String]
        var key: ScopeKey
        var units: [ScopeUnit]
        var traffic: TrafficAggregator
    }

    /// In unit order (account, region, key, id): the same whatever the number of workers.
    private(set) var scopes: [Scope] = []
    private(set) var warnings: [EstateWarning] = []

    /// Interface ids compared per unit at most (the first seen by the aggregator's address table).
    static let interfaceCapacity = 4096

    /// - Parameter defaultRegion: `--region`, the region of units whose records and keys name none.
    init(_ parts: consuming [Part], defaultRegion: String?) {
        var parts = parts
        parts.sort { $0.unit < $1.unit }
        var parent = Array(parts.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { parent[index] = parent[parent[index]]; index = parent[index] }
            return index
        }
        func union(_ a: Int, _ b: Int) {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        let interfaces = parts.map { part in
            Set(part.traffic!.locals.lazy.compactMap(\.interfaceID).prefix(Self.interfaceCapacity))
        }
        var groups: [String: [Int]] = [:]
        var groupOrder: [String] = []
        for (index, part) in parts.enumerated() where part.unit != ScopeUnit.overflow {
            // By region; accounts are compared when joining (a format without account-id is
            // account "unknown", which joins any account's VPC it shares interfaces with).
            let group = part.unit.region ?? defaultRegion ?? ""
            if groups[group] == nil { groupOrder.append(group) }
            groups[group, default: []].append(index)
        }
        for group in groupOrder {
            let members = groups[group]!
            var vpcOfInterface: [String: [Int]] = [:]
            for index in members where parts[index].unit.key == .vpcID {
                for interface in interfaces[index] { vpcOfInterface[interface, default: []].append(index) }
            }
            var unattached: [Int] = []
            for index in members where parts[index].unit.key != .vpcID {
                var vpcs = Set<Int>()
                for interface in interfaces[index] {
                    vpcs.formUnion((vpcOfInterface[interface] ?? []).filter { Self.sameAccount(parts[$0].unit, parts[index].unit) })
                }
                if vpcs.count == 1 {
                    union(vpcs.first!, index)
                } else if vpcs.count > 1 {
                    let unit = parts[index].unit
                    warnings.append(.unitSpansVPCs(account: unit.account, region: unit.region ?? defaultRegion ?? "unknown",
                                                   unit: unit.id ?? "\(unit.account) \(unit.region ?? "")",
                                                   vpcs: vpcs.compactMap { parts[$0].unit.id }.sorted()))
                } else {
                    unattached.append(index)
                }
            }
            var ownerOfInterface: [String: Int] = [:]
            for index in unattached {
                for interface in interfaces[index] {
                    if let owner = ownerOfInterface[interface] {
                        if Self.sameAccount(parts[owner].unit, parts[index].unit) { union(owner, index) }
                    } else {
                        ownerOfInterface[interface] = index
                    }
                }
            }
            // A unit without vpc-id that kept no address (every record outside --since/--until,
            // or only rejected or address-less records) names no interface: it goes with the one
            // scope of its account and region, when there is exactly one. When no unit of the
            // account and region kept an address (a window after every record), it goes with
            // their one `vpc-id` unit, which is then as empty as it is.
            for index in unattached where interfaces[index].isEmpty {
                let sameAccount = members.filter { $0 != index && Self.sameAccount(parts[$0].unit, parts[index].unit) }
                var others = Set(sameAccount.filter { !interfaces[$0].isEmpty }.map(root))
                if others.isEmpty { others = Set(sameAccount.filter { parts[$0].unit.key == .vpcID }.map(root)) }
                if others.count == 1 { union(others.first!, index) }
            }
        }
        var scopeOfRoot: [Int: Int] = [:]
        for index in parts.indices {
            let top = root(index)
            let unit = parts[index].unit
            let traffic = parts[index].traffic!
            parts[index].traffic = nil
            if let scope = scopeOfRoot[top] {
                scopes[scope].traffic.merge(traffic)
                scopes[scope].units.append(unit)
                if unit.key < scopes[scope].key { scopes[scope].key = unit.key }
                if unit.key == .vpcID { scopes[scope].vpc = unit.id }
                scopes[scope].flowLogs += parts[index].flowLogs
                if scopes[scope].region == nil { scopes[scope].region = unit.region }
                if scopes[scope].account == ScopeUnit.unknownAccount { scopes[scope].account = unit.account }
            } else {
                scopeOfRoot[top] = scopes.count
                scopes.append(Scope(account: unit.account, region: unit.region, vpc: unit.key == .vpcID ? unit.id : nil,
                                    flowLogs: Array(parts[index].flowLogs), key: unit.key,
                                    units: [unit], traffic: traffic))
            }
            if unit == ScopeUnit.overflow { warnings.append(.unitsOverflowed(capacity: ScopedTraffic.unitCapacity)) }
        }
        for index in scopes.indices { scopes[index].flowLogs = Set(scopes[index].flowLogs).sorted() }
    }

    /// The traffic of scope `index`, taken out (an empty aggregator is left), so that each
    /// scope's tables are freed once its report is made.
    mutating func takeTraffic(_ index: Int) -> TrafficAggregator {
        let traffic = scopes[index].traffic
        scopes[index].traffic = TrafficAggregator(context: traffic.context)
        return traffic
    }

    /// True when two units can be one VPC's: the same account, or one of them unknown.
    static func sameAccount(_ a: ScopeUnit, _ b: ScopeUnit) -> Bool {
        a.account == b.account || a.account == ScopeUnit.unknownAccount || b.account == ScopeUnit.unknownAccount
    }
}
