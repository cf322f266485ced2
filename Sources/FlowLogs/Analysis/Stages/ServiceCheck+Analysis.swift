extension ServiceCheck {
    /// How the records' `pkt-*-aws-service` fields compare with ip-ranges.json: disagreements
    /// heaviest first, ties by name.
    init(_ traffic: TrafficAggregator) {
        let rows = traffic.serviceDisagreements.map { (ours: $0.key.ours, theirs: $0.key.theirs, records: $0.value) }
            .sorted { $0.records != $1.records ? $0.records > $1.records : ($0.ours, $0.theirs) < ($1.ours, $1.theirs) }
        self.init(checked: traffic.serviceChecks, disagreements: rows)
    }
}
