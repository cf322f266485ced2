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
        let components = PathComponents(path)
        func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        for (index, component) in components.folders.enumerated() {
            if component.elementsEqual("vpcflowlogs".utf8) {
                if index + 1 < components.folders.count, RegionHint.looksLikeRegion(components.folders[index + 1]) {
                    region = text(components.folders[index + 1])
                }
                if index > 0, Self.looksLikeAccount(components.folders[index - 1]) { account = text(components.folders[index - 1]) }
            } else if let value = PathComponents.value(of: "aws-region=", in: component), RegionHint.looksLikeRegion(value) {
                region = text(value)
            } else if let value = PathComponents.value(of: "aws-account-id=", in: component), Self.looksLikeAccount(value) {
                account = text(value)
            }
        }
        let parts = components.nameParts
        if parts.count >= 3, parts[1].elementsEqual("vpcflowlogs".utf8) {
            if Self.looksLikeAccount(parts[0]) { account = text(parts[0]) }
            if RegionHint.looksLikeRegion(parts[2]) { region = text(parts[2]) }
            if parts.count >= 4, Self.looksLikeFlowLogID(parts[3]) { flowLogID = text(parts[3]) }
        }
    }

    /// Twelve digits.
    static func looksLikeAccount(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.count == 12 && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `fl-` and lower-case hexadecimal digits.
    static func looksLikeFlowLogID(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.starts(with: "fl-".utf8), bytes.count > 3, bytes.count <= 32 else { return false }
        return bytes.dropFirst(3).allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }
    }
}
