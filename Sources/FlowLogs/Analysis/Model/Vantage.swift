/// Which interfaces' records the NAT bytes were counted from.
public enum Vantage: String, Sendable {
    /// The NAT gateways' own interfaces.
    case natInterface = "nat-interface"
    /// Instance interfaces (NAT gateway interfaces not in the logs).
    case instanceInterface = "instance-interface"
    /// No NAT traffic found at all.
    case none
}
