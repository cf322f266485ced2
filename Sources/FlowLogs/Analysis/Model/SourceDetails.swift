/// Where a source sits, when the format names it.
public struct SourceDetails: Sendable, Equatable {
    public var instanceID: String?
    public var interfaceID: String?
    public var subnetID: String?
    public var ecsTask: String?
    public var ecsService: String?

    /// Takes from `other` what this one lacks; where both know a value, the smaller one
    /// (so merging workers in any order gives the same result).
    mutating func merge(_ other: SourceDetails) {
        func pick(_ a: String?, _ b: String?) -> String? { [a, b].compactMap { $0 }.min() }
        instanceID = pick(instanceID, other.instanceID)
        interfaceID = pick(interfaceID, other.interfaceID)
        subnetID = pick(subnetID, other.subnetID)
        ecsTask = pick(ecsTask, other.ecsTask)
        ecsService = pick(ecsService, other.ecsService)
    }
}
