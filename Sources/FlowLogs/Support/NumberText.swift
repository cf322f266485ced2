/// Numbers as people read them in a terminal report.
public enum NumberText {
    /// `1234567` → `1,234,567`.
    public static func grouped<I: BinaryInteger>(_ value: I) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// Bytes in decimal units (AWS bills 10^9-byte GB): `1234567890` → `1.23 GB`.
    public static func bytes(_ value: UInt64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]
        var amount = Double(value)
        var unit = 0
        while amount >= 1000, unit < units.count - 1 {
            amount /= 1000
            unit += 1
        }
        return unit == 0 ? "\(value) B" : JSONWriter.decimal(amount, places: 2) + " " + units[unit]
    }

    /// US dollars with two decimals and thousands separators: `1234.5` → `$1,234.50`.
    public static func dollars(_ value: Double) -> String {
        let cents = (abs(value) * 100).rounded()
        guard cents < 1e17 else { return (value < 0 ? "-$" : "$") + String(describing: abs(value)) }
        let whole = UInt64(cents / 100)
        let fraction = Int(cents.truncatingRemainder(dividingBy: 100))
        return (value < 0 && cents > 0 ? "-" : "") + "$" + grouped(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// A unit price: at least two decimals, up to four when they matter: `0.045` → `$0.045`.
    public static func price(_ value: Double) -> String {
        var text = JSONWriter.decimal(value, places: 4)
        while text.hasSuffix("0"), let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text.removeLast()
        }
        return "$" + text
    }

    /// `1 file`, `2 files`.
    public static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        grouped(value) + " " + (value == 1 ? singular : plural ?? singular + "s")
    }

    /// A decimal with fixed places: `decimal(3.14159, 2)` → `3.14`.
    public static func decimal(_ value: Double, _ places: Int) -> String {
        JSONWriter.decimal(value, places: places)
    }

    /// A share as a percentage with one decimal: `0.1234` → `12.3%`.
    public static func percent(_ share: Double) -> String {
        JSONWriter.decimal(share * 100, places: 1) + "%"
    }
}
