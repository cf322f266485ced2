import Foundation

/// Which field told a scope's VPC: `vpc-id`, the flow log's id in the S3 key, or only the
/// account and region.
public enum ScopeKey: String, Sendable, Equatable, Comparable {
    case vpcID = "vpc-id"
    case flowLog = "flow-log"
    case accountRegion = "account-region"

    /// vpc-id first: the strongest key.
    var rank: Int {
        switch self {
        case .vpcID: return 0
        case .flowLog: return 1
        case .accountRegion: return 2
        }
    }

    public static func < (lhs: ScopeKey, rhs: ScopeKey) -> Bool { lhs.rank < rhs.rank }
}

/// The unit records are routed by while reading: account × region × VPC (or flow log), as the
/// record's own fields or its file's S3 key tell them. Units that are one VPC are joined after
/// the scan (`ScopeJoin`).
struct ScopeUnit: Hashable, Sendable, Comparable {
    /// Twelve digits, or "unknown" when neither the `account-id` field nor the key names it.
    var account: String
    /// The `region` field, else the S3 key's; nil when neither tells it (`--region` then does).
    var region: String?
    /// `vpc-…` (key `.vpcID`), `fl-…` (key `.flowLog`), nil (key `.accountRegion`).
    var id: String?
    var key: ScopeKey

    static let unknownAccount = "unknown"
    /// The unit records go to once a worker holds `ScopedTraffic.unitCapacity` units.
    static let overflow = ScopeUnit(account: "other", region: nil, id: nil, key: .accountRegion)

    static func < (lhs: ScopeUnit, rhs: ScopeUnit) -> Bool {
        (lhs.account, lhs.region ?? "", lhs.key.rank, lhs.id ?? "") < (rhs.account, rhs.region ?? "", rhs.key.rank, rhs.id ?? "")
    }
}

/// The bytes one text field of the previous record held, so that the next record's same bytes
/// cost a length compare and two or three word compares (a value of 8 to 24 bytes: the account
/// id, the region, the vpc-id), a `memcmp` for longer ones.
///
///     remember "123456789012"  → words "12345678", "56789012" (bytes 0–7 and 4–11)
///     matches  "123456789012"  → true: same length, same two words
struct FieldMemo {
    /// The bytes, kept for values shorter than 8 or longer than 24 bytes.
    private var bytes: [UInt8] = []
    /// -1: the field was absent (`-`, or not in the format).
    private var count = -1
    /// Bytes 0–7, the last 8, and 8–15 of the value (0 where the value is shorter).
    private var first: UInt64 = 0
    private var last: UInt64 = 0
    private var middle: UInt64 = 0

    /// True when `text` holds what the last `remember` was given (both absent counts).
    @inline(__always)
    func matches(_ text: UnsafeRawBufferPointer?) -> Bool {
        guard let text else { return count < 0 }
        let length = text.count
        guard length == count else { return false }
        if length >= 8, length <= 24 {
            return text.loadUnaligned(fromByteOffset: 0, as: UInt64.self) == first
                && text.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) == last
                && (length <= 16 || text.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == middle)
        }
        return length == 0 || bytes.withUnsafeBytes { memcmp($0.baseAddress!, text.baseAddress!, length) == 0 }
    }

    mutating func remember(_ text: UnsafeRawBufferPointer?) {
        guard let text else {
            count = -1
            return
        }
        count = text.count
        if count >= 8, count <= 24 {
            first = text.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            last = text.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            middle = count > 16 ? text.loadUnaligned(fromByteOffset: 8, as: UInt64.self) : 0
            bytes = []
        } else {
            bytes = Array(text)
        }
    }
}
