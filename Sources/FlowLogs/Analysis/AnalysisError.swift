/// Why no report could be made (exit status 1).
public enum AnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No `--region`, no `region` field and no S3 key path to tell the VPC's region.
    case regionUnknown
    /// The inputs come from several regions and `--region` does not choose one.
    case severalRegions([String])

    /// Region values from the records are shown with control characters escaped.
    public var description: String {
        switch self {
        case .regionUnknown:
            return "cannot tell the VPC's region: the records have no 'region' field and the paths no '…/vpcflowlogs/REGION/…' part; pass --region (e.g. --region us-east-1)"
        case let .severalRegions(regions):
            return "the inputs come from several regions (\(TerminalText.safe(regions.joined(separator: ", ")))); run flowscan once per region's folder, or pass --region to say which region the VPC is in"
        }
    }
}
