/// What the DNS data says about one address at one time.
public enum DNSNaming: Equatable, Sendable {
    /// One service: `service` indexes `DNSNames.service(_:)`, `name` is a DNS name that gave it,
    /// `sameSource` tells whether the connecting interface asked itself (else another in the VPC).
    case named(service: Int, name: UInt32, sameSource: Bool)
    /// Names of several services were valid in the window: the bytes are not given to any.
    case ambiguous(services: [Int])
    /// No answer named the address then.
    case unnamed
}

extension DNSNames {
    /// The service of a name index.
    func service(ofName name: UInt32) -> EndpointService {
        services[Int(nameServices[Int(name)])]
    }

    /// The service at `index` (from `DNSNaming.named` or `.ambiguous`).
    public func service(_ index: Int) -> EndpointService { services[index] }

    /// The DNS name at `index` (from `DNSNaming.named`).
    public func name(_ index: UInt32) -> String { names.string(index) }

    /// Every service the map names, in first-seen order.
    public var allServices: [EndpointService] { services }

    /// The VPC index of a VPC id, when a record named it.
    public func vpcIndex(_ vpcID: String) -> UInt32? {
        var text = vpcID
        return text.withUTF8 { vpcs.find(UnsafeRawBufferPointer($0)) }
    }

    /// The VPC index of a VPC id's bytes (a flow record's `vpc-id` field, read in place: no
    /// string per record on the aggregation path).
    func vpcIndex(bytes: UnsafeRawBufferPointer) -> UInt32? { vpcs.find(bytes) }

    /// The VPC ids whose answers a scope's records are looked up in: its own VPC's (none when
    /// no Resolver record is of it: then nothing names its addresses); `nil` (every VPC) for a
    /// scope whose records do not say their VPC.
    public func lookupVPCs(scope vpc: String?) -> [String]? {
        guard let vpc else { return nil }
        return vpcIndex(vpc) == nil ? [] : [vpc]
    }

    /// The VPC ids the records named, by index.
    public var vpcIDs: [String] { (0..<vpcs.count).map { vpcs.string(UInt32($0)) } }

    /// What named `address` while a flow of `source` ran from `start` to `end` (Unix seconds).
    ///
    /// The same source's answers win; without one, any source's in the VPC. Names of one service
    /// count as one; several services make the address ambiguous.
    /// - Parameters:
    ///   - vpc: the flow's VPC index; `nil` when the flow logs do not say (every VPC is asked).
    ///   - source: the private address of the interface that connected, when known.
    public func naming(vpc: UInt32?, address: IPAddress, source: IPAddress?, start: UInt64, end: UInt64) -> DNSNaming {
        let from = UInt32(clamping: start), to = UInt32(clamping: end)
        var sameSource = Collected(), anySource = Collected()
        let window = options.window
        func visit(_ vpc: UInt32) {
            guard let slot = addresses.index(of: AddressKey(address: address, vpc: vpc)) else { return }
            let sourceIndex = source.flatMap { sourceKeys[SourceKey(address: $0, vpc: vpc)] } ?? 0
            var cursor = Int(addresses.values[slot].head)
            while cursor >= 0 {
                let observation = observations[cursor]
                cursor = Int(observation.next)
                guard observation.times.overlaps(from, to, window: window) else { continue }
                let service = Int(nameServices[Int(observation.name)])
                if observation.source == 0 {
                    anySource.add(service, observation.name)
                } else if sourceIndex != 0, observation.source == sourceIndex {
                    sameSource.add(service, observation.name)
                }
            }
        }
        if let vpc { visit(vpc) } else { for index in 0..<UInt32(vpcs.count) { visit(index) } }
        if let named = sameSource.naming(sameSource: true) { return named }
        return anySource.naming(sameSource: false) ?? .unnamed
    }

    /// What each VPC's answers named `address` (`naming(vpc:…)` for each VPC that has it),
    /// leaving out the VPCs whose answers named it with nothing at the flow's time.
    public func namingsByVPC(address: IPAddress, source: IPAddress?, start: UInt64, end: UInt64) -> [(vpc: UInt32, naming: DNSNaming)] {
        var found: [(vpc: UInt32, naming: DNSNaming)] = []
        for vpc in 0..<UInt32(vpcs.count) where addresses.index(of: AddressKey(address: address, vpc: vpc)) != nil {
            let naming = naming(vpc: vpc, address: address, source: source, start: start, end: end)
            if naming != .unnamed { found.append((vpc, naming)) }
        }
        return found
    }

    /// The distinct services seen, without allocating for the common single-service case.
    private struct Collected {
        var first = -1
        var firstName: UInt32 = 0
        var others: [Int] = []

        mutating func add(_ service: Int, _ name: UInt32) {
            if first < 0 { first = service; firstName = name; return }
            if service != first, !others.contains(service) { others.append(service) }
        }

        func naming(sameSource: Bool) -> DNSNaming? {
            if first < 0 { return nil }
            if others.isEmpty { return .named(service: first, name: firstName, sameSource: sameSource) }
            return .ambiguous(services: ([first] + others).sorted())
        }
    }

    // MARK: Sources

    /// The instance id the records gave for the asking address (`srcids.instance`).
    public func instance(vpc: UInt32, source: IPAddress) -> String? {
        guard let index = sourceKeys[SourceKey(address: source, vpc: vpc)] else { return nil }
        let instance = sourceInstances[Int(index) - 1]
        return instance == .max ? nil : instances.string(instance)
    }
}
