/// The AWS region a flow-log file's S3 key names.
///
///     AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/29/…log.gz   → us-east-1
///     …/123456789012_vpcflowlogs_eu-west-2_fl-1234abcd_20261129T1200Z_ab12cd34.log.gz → eu-west-2
///     AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=ap-south-1/… → ap-south-1
enum RegionHint {
    static func fromPath(_ path: String) -> String? {
        let components = path.split(separator: "/")
        for (index, component) in components.enumerated() {
            if component == "vpcflowlogs", index + 1 < components.count, looksLikeRegion(components[index + 1]) {
                return String(components[index + 1])
            }
            if component.hasPrefix("aws-region="), looksLikeRegion(component.dropFirst("aws-region=".count)) {
                return String(component.dropFirst("aws-region=".count))
            }
        }
        if let name = components.last {
            let parts = name.split(separator: "_")
            if parts.count >= 3, parts[1] == "vpcflowlogs", looksLikeRegion(parts[2]) { return String(parts[2]) }
        }
        return nil
    }

    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-4`…: letters and dashes ending in a digit.
    static func looksLikeRegion<S: StringProtocol>(_ text: S) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count >= 3, let last = parts.last, last.allSatisfy(\.isASCIIDigitCharacter) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }
}
