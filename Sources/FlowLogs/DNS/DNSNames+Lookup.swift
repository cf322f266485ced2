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

    // MARK: Merging

    /// Folds another map (another worker's files) into this one: names, sources and times are
    /// matched by their text, so both may have been built in any order.
    public mutating func merge(_ other: DNSNames) {
        counts.merge(other.counts)
        var nameMap: [UInt32: UInt32?] = [:]
        var sourceMap: [UInt32: UInt32] = [0: 0]
        var vpcMap: [UInt32: UInt32?] = [:]
        let otherSources = Array(other.sourceKeys)
        for (key, entry) in other.addresses {
            let vpc: UInt32?
            if let known = vpcMap[key.vpc] { vpc = known } else {
                vpc = other.vpcs.withBytes(key.vpc) { vpcs.intern($0, normalizing: false) }
                vpcMap[key.vpc] = vpc
            }
            guard let vpc else { counts.dropped.vpcs += 1; continue }
            var cursor = Int(entry.head)
            while cursor >= 0 {
                let observation = other.observations[cursor]
                cursor = Int(observation.next)
                let name: UInt32?
                if let known = nameMap[observation.name] { name = known } else {
                    name = other.names.withBytes(observation.name) { nameIndex($0) }
                    nameMap[observation.name] = name
                }
                guard let name else { counts.dropped.names += 1; continue }
                var source: UInt32 = 0
                if observation.source != 0 {
                    if let known = sourceMap[observation.source] { source = known } else {
                        let (sourceKey, _) = otherSources[Int(observation.source) - 1]
                        let instance = other.sourceInstances[Int(observation.source) - 1]
                        source = mergedSource(SourceKey(address: sourceKey.address, vpc: vpc),
                                              instance: instance == .max ? nil : other.instances.string(instance))
                        sourceMap[observation.source] = source
                    }
                    if source == 0 { continue }  // the VPC-level observation carries it
                }
                for run in 0..<Int(observation.times.count) {
                    mergeRun(AddressKey(address: key.address, vpc: vpc), name: name, source: source,
                             from: observation.times.start(run), to: observation.times.end(run))
                }
            }
        }
    }

    private mutating func mergedSource(_ key: SourceKey, instance: String?) -> UInt32 {
        if let index = sourceKeys[key] { return index }
        guard sourceKeys.count < options.maximumSources else { return 0 }
        let index = UInt32(sourceKeys.count + 1)
        sourceKeys.update(key, initial: index) { _ in }
        sourceInstances.append(instance.flatMap { instances.intern($0, normalizing: false) } ?? .max)
        return index
    }

    /// Adds one run of one observation, VPC-level or source-level only (not both, as `record` does).
    private mutating func mergeRun(_ key: AddressKey, name: UInt32, source: UInt32, from: UInt32, to: UInt32) {
        if addresses.index(of: key) == nil, addresses.count >= options.maximumAddresses {
            counts.dropped.addresses += 1
            return
        }
        let slot = addresses.update(key, initial: AddressEntry()) { _ in }
        var entry = addresses.values[slot]
        var cursor = Int(entry.head)
        while cursor >= 0 {
            if observations[cursor].name == name, observations[cursor].source == source {
                observations[cursor].times.insert(from, to, window: options.window)
                return
            }
            cursor = Int(observations[cursor].next)
        }
        guard observations.count < options.maximumObservations,
              source == 0 || Int(entry.sourceObservations) < options.maximumSourcesPerAddress else {
            if source == 0 { counts.dropped.observations += 1 } else { counts.dropped.sourceDetail += 1 }
            return
        }
        var times = QueryTimes()
        times.insert(from, to, window: options.window)
        observations.append(Observation(name: name, source: source, next: entry.head, times: times))
        entry.head = Int32(observations.count - 1)
        if source != 0 { entry.sourceObservations += 1 }
        addresses.modify(at: slot) { $0 = entry }
    }
}

extension DNSNameCounts {
    mutating func merge(_ other: DNSNameCounts) {
        queries += other.queries
        failedQueries += other.failedQueries
        blockedByFirewall += other.blockedByFirewall
        queriesWithoutAddress += other.queriesWithoutAddress
        addressAnswers += other.addressAnswers
        kept += other.kept
        cnameRecords += other.cnameRecords
        otherRecords += other.otherRecords
        badAddresses += other.badAddresses
        answersLeftOut += other.answersLeftOut
        dropped.addresses += other.dropped.addresses
        dropped.names += other.dropped.names
        dropped.observations += other.dropped.observations
        dropped.vpcs += other.dropped.vpcs
        dropped.sourceDetail += other.dropped.sourceDetail
    }
}
