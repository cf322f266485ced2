/// Unix seconds to and from ISO-8601 UTC text, without Foundation's formatters (exact, fast,
/// and the same on every platform).
public enum UnixTime {
    /// `2026-11-29T11:04:25Z` for 1795950265.
    public static func iso8601(_ seconds: UInt64) -> String {
        let days = Int64(seconds / 86_400)
        let secondOfDay = Int(seconds % 86_400)
        let (year, month, day) = civil(fromDays: days)
        return "\(pad(Int(year), 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    /// Parses Unix seconds (`1754322900`) or ISO-8601: `2025-08-04`, `2025-08-04T15:55`,
    /// `2025-08-04T15:55:00`, with optional fraction and `Z` or `±HH:MM` (no zone means UTC).
    /// - Returns: Unix seconds, or `nil` when the text is neither form or names an impossible date.
    public static func parse(_ text: String) -> UInt64? {
        if !text.isEmpty, text.allSatisfy(\.isASCIIDigitCharacter) { return UInt64(text) }
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for _ in 0..<digits {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
                index += 1
            }
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue! else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        if index < bytes.count {
            guard expect("T") || expect(" "), let h = number(2), expect(":"), let m = number(2) else { return nil }
            hour = h
            minute = m
            if expect(":") {
                guard let s = number(2) else { return nil }
                second = s
                if expect(".") || expect(",") {
                    while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
                }
            }
            guard hour < 24, minute < 60, second < 61 else { return nil }
            if expect("Z") || expect("z") {
            } else if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 {  // + or -
                let sign = bytes[index] == 43 ? 1 : -1
                index += 1
                guard let oh = number(2) else { return nil }
                _ = expect(":")
                guard let om = number(2), oh < 24, om < 60 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            }
            guard index == bytes.count else { return nil }
        }
        let days = daysFromCivil(year: Int64(year), month: month, day: day)
        let total = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return total >= 0 ? UInt64(total) : nil
    }

    /// Days since 1970-01-01 to (year, month, day); Howard Hinnant's `civil_from_days`.
    static func civil(fromDays days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// (year, month, day) to days since 1970-01-01; Howard Hinnant's `days_from_civil`.
    static func daysFromCivil(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
