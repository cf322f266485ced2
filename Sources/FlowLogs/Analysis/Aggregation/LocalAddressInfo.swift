/// What a private address's records say about it: the evidence for NAT detection and the
/// details shown next to it as a source.
struct LocalAddressInfo: Sendable {
    let address: IPAddress
    /// The interface id on the first record that showed this address's own traffic.
    var interfaceID: String?
    /// Records on this address's legs whose `instance-id` was set / was `-` (when the format has it).
    var instanceIDSet: UInt64 = 0
    var instanceIDDash: UInt64 = 0
    /// Inner legs: records forwarded between a private address and a public `pkt-*` address.
    var forwardedRecords: UInt64 = 0
    /// Bytes private → this address and this address → private (east-west, no `pkt-*`
    /// difference), by the interface whose flow log recorded them.
    var eastWest = EastWestByInterface()
    /// Bytes this address → public and public → this address.
    var publicOut: UInt64 = 0
    var publicIn: UInt64 = 0
    /// Where the address sits, from its own interface's records.
    var details = SourceDetails()
    /// The detail fields (`RecordParser.detailFields` bits) already looked for.
    var detailFields: UInt8 = 0

    /// The entry that stands for every address beyond the per-worker limit.
    static let overflow = IPAddress(value: 0)

    init(address: IPAddress) {
        self.address = address
    }

    /// Fills in what this record's format tells about the address and was not known yet.
    mutating func learnDetails(from parser: RecordParser) {
        func fill(_ value: inout String?, _ field: FlowField) {
            guard value == nil, let text = parser.text(field) else { return }
            value = String(decoding: text.prefix(256), as: UTF8.self)
        }
        fill(&details.interfaceID, .interfaceID)
        fill(&details.instanceID, .instanceID)
        fill(&details.subnetID, .subnetID)
        fill(&details.ecsTask, .ecsTaskID)
        fill(&details.ecsTask, .ecsTaskARN)
        fill(&details.ecsService, .ecsServiceName)
        detailFields |= parser.detailFields
    }

    /// Adds another worker's view; where both know a value, the smaller one is kept, so the
    /// result does not depend on how files were shared among workers.
    mutating func merge(_ other: LocalAddressInfo) {
        interfaceID = [interfaceID, other.interfaceID].compactMap { $0 }.min()
        instanceIDSet += other.instanceIDSet
        instanceIDDash += other.instanceIDDash
        forwardedRecords += other.forwardedRecords
        eastWest.merge(other.eastWest)
        publicOut = publicOut.saturatingAdd(other.publicOut)
        publicIn = publicIn.saturatingAdd(other.publicIn)
        details.merge(other.details)
        detailFields |= other.detailFields
    }
}
