/// Something about the scopes as a whole the reader should know (the renderers word it).
public enum EstateWarning: Sendable, Equatable {
    /// A flow log (or an account × region's records without `vpc-id`) shares interfaces with
    /// several VPCs: it was kept as a scope of its own, not joined to any of them.
    case unitSpansVPCs(account: String, region: String, unit: String, vpcs: [String])
    /// More units than one worker keeps apart: the rest were counted together as account "other".
    case unitsOverflowed(capacity: Int)
    /// `--region` was given, but these scopes' records or S3 keys name their own region, which wins.
    case regionOptionNotUsed(option: String, regions: [String], scopes: Int)
}
