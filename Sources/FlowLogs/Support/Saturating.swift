extension UInt64 {
    /// The nearest `UInt64` to a non-negative `Double`: `.max` beyond it, 0 for negatives and NaN
    /// (a plain conversion traps on values out of range, and byte counts here can be any UInt64).
    init(saturating value: Double) {
        if value.isNaN || value <= 0 {
            self = 0
        } else if value >= 18_446_744_073_709_551_615.0 {
            self = .max
        } else {
            self = UInt64(value)
        }
    }

    /// `self + other`, or `UInt64.max` instead of wrapping around.
    @inline(__always)
    func saturatingAdd(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }

    /// `self += other`, stopping at `UInt64.max` instead of wrapping around.
    @inline(__always)
    mutating func saturatingIncrease(by other: UInt64) {
        self = saturatingAdd(other)
    }
}
