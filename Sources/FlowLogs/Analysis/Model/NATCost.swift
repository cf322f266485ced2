/// What the NAT gateways cost today.
public struct NATCost: Sendable {
    public var gateways: Int
    public var observedGB: Double
    public var observedProcessingUSD: Double
    public var monthlyGB: Double
    public var monthlyProcessingUSD: Double
    public var monthlyHourlyUSD: Double
    public var monthlyPublicIPv4USD: Double
    public var monthlyTotalUSD: Double { monthlyProcessingUSD + monthlyHourlyUSD + monthlyPublicIPv4USD }
}
