extension SetAsideReason {
    /// The records set aside, by reason, in a fixed order; reasons with none are left out.
    static func tally(_ counters: TrafficAggregator.Counters) -> [(reason: SetAsideReason, records: UInt64)] {
        allCases.map { reason -> (reason: SetAsideReason, records: UInt64) in
            switch reason {
            case .outsideWindow: return (reason, counters.outsideWindow)
            case .withoutAddresses: return (reason, counters.withoutAddresses)
            case .withoutBytes: return (reason, counters.withoutBytes)
            case .eastWest: return (reason, counters.eastWest)
            case .otherAddresses: return (reason, counters.otherAddresses)
            case .rejected: return (reason, counters.rejected)
            case .ipv6: return (reason, counters.ipv6)
            }
        }.filter { $0.records > 0 }
    }
}
