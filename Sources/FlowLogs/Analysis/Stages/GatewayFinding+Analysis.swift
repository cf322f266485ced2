extension GatewayFinding {
    /// Each identified gateway with its names (given and seen in the records) and the bytes
    /// counted on its legs.
    static func of(_ gateways: GatewayIdentification, counted: CountedTraffic, locals: [LocalAddressInfo]) -> [GatewayFinding] {
        gateways.gateways.map { gateway in
            var traffic = DirectionalTally()
            let members = Set(gateway.locals)
            var kinds = Set<LegKind>()
            for (key, span) in counted.legs where members.contains(key.local) {
                traffic.add(span.tally, direction: key.direction)
                kinds.insert(key.kind)
            }
            let own = gateway.locals.map { locals[Int($0)] }
            var interfaces = gateway.hint?.interfaceIDs ?? []
            for interfaceID in own.compactMap(\.interfaceID) where !interfaces.contains(interfaceID) { interfaces.append(interfaceID) }
            var addresses = gateway.hint?.privateIPs ?? []
            for address in own.map(\.address) where !addresses.contains(address) { addresses.append(address) }
            return GatewayFinding(id: gateway.id, interfaceIDs: interfaces, privateIPs: addresses,
                                  publicIPs: gateway.hint?.publicIPs ?? [], origin: gateway.origin, evidence: gateway.evidence,
                                  countedLegs: kinds.sorted().map { $0 == .inner ? .instanceToNAT : .natToInternet }, traffic: traffic)
        }
    }
}
