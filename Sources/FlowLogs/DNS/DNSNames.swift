/// How answers name addresses, and how much the map keeps.
public struct DNSNamingOptions: Sendable, Equatable {
    /// Resolver query logs carry no TTL. An answer names its address for this long after its
    /// `query_timestamp` (`--dns-window`): one hour, because SDKs keep connections open and
    /// re-resolve only for new ones, while flow-log records cover 1 to 10 minutes each.
    public static let defaultWindow: UInt32 = 3600

    public var window = DNSNamingOptions.defaultWindow
    /// Distinct (VPC, address) pairs kept; answers for new ones beyond are counted as dropped.
    public var maximumAddresses = 1 << 17
    /// (address, name, source) observations kept in all.
    public var maximumObservations = 3 << 17
    /// Distinct DNS names kept.
    public var maximumNames = 1 << 16
    /// Distinct asking interfaces (VPC, srcaddr) kept; beyond, answers count for the VPC only.
    public var maximumSources = 1 << 16
    /// Per address, sources kept apart; beyond, an address's answers count for its VPC only.
    public var maximumSourcesPerAddress = 16

    public init() {}
}

/// The map answer address → name(s), with time, built from Resolver query logs in bounded memory.
///
/// Each A/AAAA answer is remembered twice: for its VPC, and for the interface that asked
/// (`srcaddr`), which is the one that then connects. A CNAME chain is followed: the addresses get
/// the first name of the chain (the query name, then each CNAME target) that the endpoint table
/// knows, else the query name. Answers of queries that failed (NXDOMAIN…) or that DNS Firewall
/// blocked name nothing.
public struct DNSNames: Sendable {
    public let options: DNSNamingOptions
    /// What the records of each VPC gave, by VPC index + 1; slot 0 holds the records whose
    /// `vpc_id` the VPC table could not keep (`counts(ofVPC:)`, and their sum `counts`).
    var countsByVPC = [DNSNameCounts()]

    struct AddressKey: FastHashable {
        var address: IPAddress
        var vpc: UInt32

        var fastHash: UInt64 { address.fastHash ^ Self.mix(UInt64(vpc) &+ 0x51_7cc1) }
    }

    struct SourceKey: FastHashable {
        var address: IPAddress
        var vpc: UInt32

        var fastHash: UInt64 { address.fastHash ^ Self.mix(UInt64(vpc) &* 0x9e37) }
    }

    /// One name given for one address, to one source (0: the VPC as a whole).
    struct Observation {
        var name: UInt32
        var source: UInt32
        var next: Int32
        var times: QueryTimes
    }

    struct AddressEntry {
        var head: Int32 = -1
        var sourceObservations: UInt16 = 0
    }

    var addresses: FastMap<AddressKey, AddressEntry>
    /// True once `reserveRoom` ran.
    private var reserved = false
    var observations: [Observation] = []
    var names: NameTable
    /// The service of each name, by name index (an index into `services`).
    var nameServices: [Int32] = []
    var services: [EndpointService] = []
    /// The key that groups names by what would carry them: the endpoint, or the name itself.
    var serviceKeys: [String: Int] = [:]
    var vpcs: NameTable
    /// Source index - 1 → (VPC, address); the instance id when a record named one.
    var sourceKeys: FastMap<SourceKey, UInt32>
    var sourceInstances: [UInt32] = []
    var instances: NameTable

    public init(options: DNSNamingOptions = DNSNamingOptions()) {
        self.options = options
        addresses = FastMap(capacity: 1024)
        names = NameTable(capacity: options.maximumNames)
        vpcs = NameTable(capacity: 1 << 14)
        sourceKeys = FastMap(capacity: 256)
        instances = NameTable(capacity: options.maximumSources)
    }

    /// What every record read gave.
    public var counts: DNSNameCounts { countsByVPC.dropFirst().reduce(countsByVPC[0]) { $0.adding($1) } }

    /// What the records of one VPC gave; `nil` when no record named it.
    public func counts(ofVPC vpcID: String) -> DNSNameCounts? {
        vpcIndex(vpcID).map { countsByVPC[Int($0) + 1] }
    }

    /// Addresses with at least one name.
    public var addressCount: Int { addresses.count }
    public var observationCount: Int { observations.count }
    public var nameCount: Int { names.count }

    // MARK: Adding answers

    /// Remembers the addresses `query` answered, and counts the query for its VPC.
    mutating func add(_ query: ResolverQuery) {
        let vpc = vpcs.intern(query.vpcID, normalizing: false)
        if let vpc, Int(vpc) + 1 == countsByVPC.count { countsByVPC.append(DNSNameCounts()) }
        let slot = vpc.map { Int($0) + 1 } ?? 0
        countsByVPC[slot].queries += 1
        countsByVPC[slot].answersLeftOut += query.answersLeftOut
        guard query.isNoError else { countsByVPC[slot].failedQueries += 1; return }
        if query.isBlockedByFirewall { countsByVPC[slot].blockedByFirewall += 1; return }
        var addressAnswers = 0
        for answer in query.answers {
            switch answer.type {
            case .a, .aaaa: addressAnswers += 1
            case .cname: countsByVPC[slot].cnameRecords += 1
            case .other: countsByVPC[slot].otherRecords += 1
            }
        }
        guard addressAnswers > 0 else { countsByVPC[slot].queriesWithoutAddress += 1; return }
        countsByVPC[slot].addressAnswers += addressAnswers
        guard let vpc else {
            countsByVPC[slot].dropped.vpcs += addressAnswers
            return
        }
        guard let name = effectiveName(query) else {
            countsByVPC[slot].dropped.names += addressAnswers
            return
        }
        let source = sourceIndex(vpc: vpc, query: query)
        let time = UInt32(clamping: query.timestamp)
        for answer in query.answers where answer.type == .a || answer.type == .aaaa {
            guard let address = IPAddress.parse(answer.rdata) else {
                countsByVPC[slot].badAddresses += 1
                continue
            }
            record(AddressKey(address: address, vpc: vpc), name: name, source: source, from: time, to: time)
        }
    }

    /// The name the chain's addresses get: the first name of the chain (the query name, then each
    /// CNAME target) that an endpoint carries or that is a global AWS name; else the first under an
    /// AWS domain; else the chain's last name (the canonical one, which every alias shares).
    /// `nil` when the names table is full.
    private mutating func effectiveName(_ query: ResolverQuery) -> UInt32? {
        guard let first = nameIndex(query.queryName) else { return nil }
        var awsName: UInt32?
        var last = first
        func consider(_ name: UInt32) -> Bool {
            switch service(ofName: name).kind {
            case .interface, .gateway, .global: return true
            case .noEndpointKnown: if awsName == nil { awsName = name }
            case .notAWS: break
            }
            last = name
            return false
        }
        if consider(first) { return first }
        for answer in query.answers where answer.type == .cname {
            guard let target = nameIndex(answer.rdata) else { continue }
            if consider(target) { return target }
        }
        return awsName ?? last
    }

    /// The index of a DNS name, with its service worked out the first time it is seen.
    mutating func nameIndex(_ text: UnsafeRawBufferPointer) -> UInt32? {
        guard let index = names.intern(text, normalizing: true) else { return nil }
        if Int(index) == nameServices.count {
            let name = names.string(index)
            let service = EndpointCatalog.service(for: name)
            let key = service.endpointName ?? "\(service.kind.rawValue):\(name)"
            let serviceIndex: Int
            if let known = serviceKeys[key] {
                serviceIndex = known
            } else {
                serviceIndex = services.count
                services.append(service)
                serviceKeys[key] = serviceIndex
            }
            nameServices.append(Int32(serviceIndex))
        }
        return index
    }

    private mutating func sourceIndex(vpc: UInt32, query: ResolverQuery) -> UInt32 {
        guard let address = query.srcaddr else { return 0 }
        let key = SourceKey(address: address, vpc: vpc)
        if let index = sourceKeys[key] { return index }
        guard sourceKeys.count < options.maximumSources else { return 0 }
        let index = UInt32(sourceKeys.count + 1)
        sourceKeys.update(key, initial: index) { _ in }
        sourceInstances.append(instances.intern(query.instance, normalizing: false) ?? .max)
        return index
    }

    /// Reserves the address table and the observations at their bounds with the first answer:
    /// grown by doubling instead, each would hold its old and its new storage at once when it
    /// grows (the observations 12.6 MB and 25.2 MB on their way to 18.9 MB). Reserved pages are
    /// resident only once written, and a run without DNS data reserves nothing.
    private mutating func reserveRoom() {
        reserved = true
        addresses = FastMap(capacity: options.maximumAddresses)
        observations.reserveCapacity(options.maximumObservations)
    }

    /// Adds the query times `[from, to]` of `name` for `key`: for the VPC, and for `source` when
    /// there is room.
    mutating func record(_ key: AddressKey, name: UInt32, source: UInt32, from: UInt32, to: UInt32) {
        if !reserved { reserveRoom() }
        if addresses.index(of: key) == nil, addresses.count >= options.maximumAddresses {
            countsByVPC[Int(key.vpc) + 1].dropped.addresses += 1
            return
        }
        let window = options.window
        let slot = addresses.update(key, initial: AddressEntry()) { _ in }
        var entry = addresses.values[slot]
        var vpcLevel = -1, sourceLevel = -1
        var cursor = Int(entry.head)
        while cursor >= 0 {
            let observation = observations[cursor]
            if observation.name == name {
                if observation.source == 0 { vpcLevel = cursor } else if observation.source == source { sourceLevel = cursor }
            }
            cursor = Int(observation.next)
        }
        if vpcLevel >= 0 {
            observations[vpcLevel].times.insert(from, to, window: window)
        } else if observations.count < options.maximumObservations {
            var times = QueryTimes()
            times.insert(from, to, window: window)
            observations.append(Observation(name: name, source: 0, next: entry.head, times: times))
            entry.head = Int32(observations.count - 1)
        } else {
            countsByVPC[Int(key.vpc) + 1].dropped.observations += 1
            addresses.modify(at: slot) { $0 = entry }
            return
        }
        countsByVPC[Int(key.vpc) + 1].kept += 1
        if source != 0 {
            if sourceLevel >= 0 {
                observations[sourceLevel].times.insert(from, to, window: window)
            } else if Int(entry.sourceObservations) < options.maximumSourcesPerAddress, observations.count < options.maximumObservations {
                var times = QueryTimes()
                times.insert(from, to, window: window)
                observations.append(Observation(name: name, source: source, next: entry.head, times: times))
                entry.head = Int32(observations.count - 1)
                entry.sourceObservations += 1
            } else {
                countsByVPC[Int(key.vpc) + 1].dropped.sourceDetail += 1
            }
        }
        addresses.modify(at: slot) { $0 = entry }
    }
}

/// What reading Resolver query logs gave, for the report's coverage lines.
public struct DNSNameCounts: Sendable, Equatable {
    /// Answers not kept, by reason (the map is full). Each is counted; none vanishes silently.
    public struct Dropped: Sendable, Equatable {
        /// Answers for new addresses once `maximumAddresses` were kept.
        public var addresses = 0
        /// Answers whose name was new once `maximumNames` were kept.
        public var names = 0
        /// Answers beyond `maximumObservations`.
        public var observations = 0
        /// Answers of VPCs beyond the VPC table.
        public var vpcs = 0
        /// Answers kept for the VPC but not for their source (too many sources per address).
        public var sourceDetail = 0

        public var total: Int { addresses + names + observations + vpcs }
    }

    /// Query records read.
    public var queries = 0
    /// Queries answered with another rcode than NOERROR (NXDOMAIN, SERVFAIL…).
    public var failedQueries = 0
    /// Queries a DNS Firewall rule blocked (their answers are the rule's).
    public var blockedByFirewall = 0
    /// NOERROR queries without an A or AAAA answer (PTR, empty answers…).
    public var queriesWithoutAddress = 0
    /// A and AAAA answers read.
    public var addressAnswers = 0
    /// A and AAAA answers remembered.
    public var kept = 0
    public var cnameRecords = 0
    /// Answers of other types (PTR, MX, TXT…).
    public var otherRecords = 0
    /// A/AAAA answers whose Rdata is not an address.
    public var badAddresses = 0
    /// Answers beyond the parser's capacity per record.
    public var answersLeftOut = 0
    public var dropped = Dropped()

    /// The sums of two sets of counts.
    func adding(_ other: DNSNameCounts) -> DNSNameCounts {
        var sum = self
        sum.queries += other.queries
        sum.failedQueries += other.failedQueries
        sum.blockedByFirewall += other.blockedByFirewall
        sum.queriesWithoutAddress += other.queriesWithoutAddress
        sum.addressAnswers += other.addressAnswers
        sum.kept += other.kept
        sum.cnameRecords += other.cnameRecords
        sum.otherRecords += other.otherRecords
        sum.badAddresses += other.badAddresses
        sum.answersLeftOut += other.answersLeftOut
        sum.dropped.addresses += other.dropped.addresses
        sum.dropped.names += other.dropped.names
        sum.dropped.observations += other.dropped.observations
        sum.dropped.vpcs += other.dropped.vpcs
        sum.dropped.sourceDetail += other.dropped.sourceDetail
        return sum
    }
}
