/// The AWS region a flow-log file's S3 key names.
///
///     AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/29/…log.gz   → us-east-1
///     …/123456789012_vpcflowlogs_eu-west-2_fl-1234abcd_20261129T1200Z_ab12cd34.log.gz → eu-west-2
///     AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=ap-south-1/… → ap-south-1
enum RegionHint {
    static func fromPath(_ path: String) -> String? {
        let components = PathComponents(path)
        for (index, component) in components.folders.enumerated() {
            if component.elementsEqual("vpcflowlogs".utf8), index + 1 < components.folders.count,
               looksLikeRegion(components.folders[index + 1]) {
                return String(decoding: components.folders[index + 1], as: UTF8.self)
            }
            if let value = PathComponents.value(of: "aws-region=", in: component), looksLikeRegion(value) {
                return String(decoding: value, as: UTF8.self)
            }
        }
        let parts = components.nameParts
        if parts.count >= 3, parts[1].elementsEqual("vpcflowlogs".utf8), looksLikeRegion(parts[2]) {
            return String(decoding: parts[2], as: UTF8.self)
        }
        return nil
    }

    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-4`…: letters and dashes ending in a digit.
    static func looksLikeRegion<S: StringProtocol>(_ text: S) -> Bool {
        looksLikeRegion(Array(text.utf8)[...])
    }

    /// `looksLikeRegion` of UTF-8 bytes: at least three words between dashes (empty ones left
    /// out), the last all digits, the others all lower-case ASCII letters.
    static func looksLikeRegion(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "-"))
        guard parts.count >= 3, let last = parts.last, last.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        return parts.dropLast().allSatisfy { $0.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } }
    }
}

/// A path's components as UTF-8 bytes, for the key hints (`S3KeyHint`, `RegionHint`): read once a
/// file, in bytes (splitting and comparing Strings by grapheme cost ~170,000 instructions a path).
struct PathComponents {
    /// Split on `/`, empty components left out (the last is the file name).
    let folders: [ArraySlice<UInt8>]
    /// The file name split on `_`, empty parts left out.
    let nameParts: [ArraySlice<UInt8>]

    init(_ path: String) {
        folders = Array(path.utf8).split(separator: UInt8(ascii: "/"))
        nameParts = folders.last?.split(separator: UInt8(ascii: "_")) ?? []
    }

    /// What follows `key` (`aws-region=`) in `component`, when it starts with it.
    static func value(of key: StaticString, in component: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        key.withUTF8Buffer { key in component.starts(with: key) ? component.dropFirst(key.count) : nil }
    }
}
