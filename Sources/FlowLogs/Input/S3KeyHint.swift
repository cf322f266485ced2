/// What a flow-log file's S3 key says about its records: the account, the region and the flow
/// log (`fl-…`) that delivered it. All lines of one S3 file share account and region.
///
///     AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/29/…                  → 123456789012, us-east-1
///     AWSLogs/o-abc123/123456789012/vpcflowlogs/eu-west-1/…                     → 123456789012, eu-west-1
///     …/123456789012_vpcflowlogs_eu-west-2_fl-1234abcd_20261129T1200Z_ab12.log.gz → 123456789012, eu-west-2, fl-1234abcd
///     AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=ap-south-1/… → 123456789012, ap-south-1
///
/// The file name wins over the folders (it is what S3 delivery writes; folders can be renamed
/// by a sync).
struct S3KeyHint: Equatable, Sendable {
    var account: String?
    var region: String?
    var flowLogID: String?

    init(account: String? = nil, region: String? = nil, flowLogID: String? = nil) {
        self.account = account
        self.region = region
        self.flowLogID = flowLogID
    }

    /// The hint in `path` (nothing when the path is not laid out as S3 delivers).
    init(path: String) {
        let components = path.split(separator: "/")
        for (index, component) in components.enumerated() {
            if component == "vpcflowlogs" {
                if index + 1 < components.count, RegionHint.looksLikeRegion(components[index + 1]) {
                    region = String(components[index + 1])
                }
                if index > 0, Self.looksLikeAccount(components[index - 1]) { account = String(components[index - 1]) }
            } else if component.hasPrefix("aws-region="), RegionHint.looksLikeRegion(component.dropFirst("aws-region=".count)) {
                region = String(component.dropFirst("aws-region=".count))
            } else if component.hasPrefix("aws-account-id="), Self.looksLikeAccount(component.dropFirst("aws-account-id=".count)) {
                account = String(component.dropFirst("aws-account-id=".count))
            }
        }
        if let name = components.last {
            let parts = name.split(separator: "_")
            if parts.count >= 3, parts[1] == "vpcflowlogs" {
                if Self.looksLikeAccount(parts[0]) { account = String(parts[0]) }
                if RegionHint.looksLikeRegion(parts[2]) { region = String(parts[2]) }
                if parts.count >= 4, Self.looksLikeFlowLogID(parts[3]) { flowLogID = String(parts[3]) }
            }
        }
    }

    /// Twelve digits.
    static func looksLikeAccount<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `fl-` and lower-case hexadecimal digits.
    static func looksLikeFlowLogID<S: StringProtocol>(_ text: S) -> Bool {
        guard text.hasPrefix("fl-"), text.utf8.count > 3, text.utf8.count <= 32 else { return false }
        return text.utf8.dropFirst(3).allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }
    }
}
