/// Routes each record to the aggregator of its unit (account × region × VPC or flow log), so
/// that one run reads a whole organisation's bucket and each VPC keeps its own figures. Private
/// addresses overlap across VPCs (10.0.0.0/16 everywhere): routing before the aggregator
/// interns an address keeps them apart.
///
/// The unit is found once per run of records with the same `account-id`, `region` and `vpc-id`
/// bytes (and once per file): most records pay three length compares and a `memcmp` or two.
struct ScopedTraffic: MergeableSink {
    let context: AnalysisContext
    /// Units in first-seen order, and their aggregators (same index). The aggregator of the unit
    /// being filled (`activeIndex`) is moved out into `active`, so a record reaches it without an
    /// array access (and its uniqueness check); its slot holds an empty one meanwhile.
    private(set) var units: [ScopeUnit] = []
    private var aggregators: [TrafficAggregator] = []
    private var active: TrafficAggregator
    private var activeIndex = -1
    private var indexOfUnit: [ScopeUnit: Int] = [:]
    /// Per unit, the serial of the last file it was told about (`beginFile`).
    private var fileOfUnit: [Int] = []
    /// Per unit, the flow logs (`fl-…`) whose files held its records (at most `flowLogCapacity`).
    private var flowLogsOfUnit: [Set<String>] = []
    static let flowLogCapacity = 64

    private var path = ""
    private var hint = S3KeyHint()
    private var fileSerial = 0
    /// The unit of the last record; -1 at the start of a file.
    private var current = -1
    private var account = FieldMemo()
    private var region = FieldMemo()
    private var vpc = FieldMemo()

    /// The most units one worker keeps apart; records of further units share `ScopeUnit.overflow`
    /// (the report says so), so hostile input cannot grow one aggregator per record.
    static let unitCapacity = 4096

    init(context: AnalysisContext) {
        self.context = context
        active = TrafficAggregator(context: context)
    }

    mutating func beginFile(path: String) {
        self.path = path
        hint = S3KeyHint(path: path)
        fileSerial += 1
        current = -1
    }

    @inline(__always)
    mutating func consume(_ parser: RecordParser) {
        let accountText = parser.text(.accountID), regionText = parser.text(.region), vpcText = parser.text(.vpcID)
        if current < 0 || !account.matches(accountText) || !region.matches(regionText) || !vpc.matches(vpcText) {
            account.remember(accountText)
            region.remember(regionText)
            vpc.remember(vpcText)
            current = unitIndex(ScopedTraffic.unit(account: accountText, region: regionText, vpc: vpcText, hint: hint))
            if current != activeIndex { activate(current) }
        }
        active.consume(parser)
    }

    /// The unit of a record with these fields in a file with this key: the record's fields
    /// first, then the key.
    static func unit(account: UnsafeRawBufferPointer?, region: UnsafeRawBufferPointer?, vpc: UnsafeRawBufferPointer?,
                     hint: S3KeyHint) -> ScopeUnit {
        func text(_ bytes: UnsafeRawBufferPointer?) -> String? {
            bytes.map { String(decoding: $0.prefix(64), as: UTF8.self) }
        }
        var accountName = text(account)
        if accountName == ScopeUnit.unknownAccount { accountName = nil }
        let id: String?, key: ScopeKey
        if let vpc = text(vpc) { (id, key) = (vpc, .vpcID) }
        else if let flowLog = hint.flowLogID { (id, key) = (flowLog, .flowLog) }
        else { (id, key) = (nil, .accountRegion) }
        return ScopeUnit(account: accountName ?? hint.account ?? ScopeUnit.unknownAccount, region: text(region) ?? hint.region,
                         id: id, key: key)
    }

    /// The index of `unit`'s aggregator, added when new; tells the aggregator about the file
    /// the first time one of its records comes from it.
    private mutating func unitIndex(_ unit: ScopeUnit) -> Int {
        var found = indexOfUnit[unit]
        if found == nil {
            let kept = units.count < Self.unitCapacity ? unit : ScopeUnit.overflow
            found = indexOfUnit[kept] ?? add(kept, aggregator: TrafficAggregator(context: context))
        }
        let index = found!
        if fileOfUnit[index] != fileSerial {
            fileOfUnit[index] = fileSerial
            if index == activeIndex { active.beginFile(path: path) } else { aggregators[index].beginFile(path: path) }
            if let flowLog = hint.flowLogID, flowLogsOfUnit[index].count < Self.flowLogCapacity { flowLogsOfUnit[index].insert(flowLog) }
        }
        return index
    }

    /// Moves the active aggregator back to its slot and unit `index`'s out of its slot.
    private mutating func activate(_ index: Int) {
        park()
        swap(&active, &aggregators[index])
        activeIndex = index
    }

    /// Every aggregator in its slot (before merging or taking them).
    private mutating func park() {
        if activeIndex >= 0 { swap(&active, &aggregators[activeIndex]) }
        activeIndex = -1
    }

    private mutating func add(_ unit: ScopeUnit, aggregator: TrafficAggregator, flowLogs: Set<String> = []) -> Int {
        units.append(unit)
        aggregators.append(aggregator)
        fileOfUnit.append(0)
        flowLogsOfUnit.append(flowLogs)
        indexOfUnit[unit] = units.count - 1
        return units.count - 1
    }

    /// Merges by unit: another worker's units join ours of the same key.
    mutating func merge(_ other: ScopedTraffic) {
        park()
        var other = other
        other.park()
        for (offset, unit) in other.units.enumerated() {
            if let index = indexOfUnit[unit] {
                aggregators[index].merge(other.aggregators[offset])
                flowLogsOfUnit[index].formUnion(other.flowLogsOfUnit[offset].prefix(max(0, Self.flowLogCapacity - flowLogsOfUnit[index].count)))
            } else {
                _ = add(unit, aggregator: other.aggregators[offset], flowLogs: other.flowLogsOfUnit[offset])
            }
        }
        current = -1
    }

    /// The units and their aggregators, taken out (the sink is empty afterwards).
    mutating func take() -> [ScopeJoin.Part] {
        park()
        defer { units = []; aggregators = []; indexOfUnit = [:]; fileOfUnit = []; flowLogsOfUnit = []; current = -1 }
        return units.indices.map { ScopeJoin.Part(unit: units[$0], traffic: aggregators[$0], flowLogs: flowLogsOfUnit[$0]) }
    }
}
