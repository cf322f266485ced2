/// Which service an address belongs to when ip-ranges.json lists several for the same block.
///
/// The rule (DOMAIN.md §3): the **longest prefix wins**; among the entries for that one prefix,
/// the service that ranks first here wins:
///
/// 1. `S3`
/// 2. `DYNAMODB`
/// 3. every other service, in alphabetical order (`API_GATEWAY`, `CLOUDFRONT`, …, unknown names too)
/// 4. `EC2`
/// 5. `AMAZON`
///
/// `AMAZON` is the superset AWS lists for everything, so any named service says more. `EC2` is last
/// among named services because AWS lists most us-east-1 S3 blocks (3.5.0.0/19 among them) and some
/// DynamoDB blocks under `EC2` as well: letting EC2 win would hide the traffic a gateway endpoint can
/// carry. Precedence never crosses prefix lengths: a longer `AMAZON`-only block inside a shorter `EC2`
/// block answers `AMAZON`.
///
///     ServicePrecedence.winner(of: ["AMAZON", "EC2", "S3"])   // "S3"
///     ServicePrecedence.winner(of: ["AMAZON", "EC2"])         // "EC2"
public enum ServicePrecedence {
    /// The services that rank above all others, strongest first.
    public static let first = ["S3", "DYNAMODB"]
    /// The services that rank below all others, strongest first (`AMAZON` is the very last).
    public static let last = ["EC2", "AMAZON"]

    /// The rule in one line, for reports that explain how they classified addresses.
    public static let summary =
        "longest prefix wins; for one prefix listed under several services: "
        + "S3, then DYNAMODB, then other services alphabetically, then EC2, then AMAZON"

    /// Orders two services: true when `service` wins over `other` for the same prefix.
    /// Ties (the same name) are false both ways.
    public static func prefers(_ service: String, over other: String) -> Bool {
        let (rank, otherRank) = (tier(of: service), tier(of: other))
        if rank != otherRank { return rank < otherRank }
        return rank == middleTier && service < other
    }

    /// The winning service among those listed for one prefix; `nil` for an empty list.
    public static func winner<S: Sequence<String>>(of services: S) -> String? {
        var best: String?
        for service in services where best == nil || prefers(service, over: best!) {
            best = service
        }
        return best
    }

    /// `services` sorted strongest first.
    public static func sorted<S: Sequence<String>>(_ services: S) -> [String] {
        services.sorted { prefers($0, over: $1) }
    }

    /// The tier the named services live in: 0 and 1 for `first`, the middle for all others, then `last`.
    private static let middleTier = first.count

    private static func tier(of service: String) -> Int {
        if let index = first.firstIndex(of: service) { return index }
        if let index = last.firstIndex(of: service) { return middleTier + 1 + index }
        return middleTier
    }
}
