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
/// cost one length compare and one `memcmp`.
struct FieldMemo {
    private var bytes: [UInt8] = []
    private var present = false

    /// True when `text` holds what the last `remember` was given (both absent counts).
    @inline(__always)
    func matches(_ text: UnsafeRawBufferPointer?) -> Bool {
        guard let text else { return !present }
        guard present, text.count == bytes.count else { return false }
        return text.count == 0 || bytes.withUnsafeBytes { memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 }
    }

    mutating func remember(_ text: UnsafeRawBufferPointer?) {
        present = text != nil
        bytes = text.map { Array($0) } ?? []
    }
}
