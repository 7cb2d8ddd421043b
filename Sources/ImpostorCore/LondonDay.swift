import Foundation

/// Dates a clerk types (YYYY-MM-DD), read as days in the UK.
public enum LondonDay {
    /// The last second of that day in London, or nil when the text is not a date of this millennium written as
    /// YYYY-MM-DD: the formatter alone takes "10000-01-01", a year the store cannot write back.
    public static func end(of text: String) -> Date? {
        let digits = text.utf8.enumerated().allSatisfy { i, b in i == 4 || i == 7 ? b == UInt8(ascii: "-") : (0x30...0x39).contains(b) }
        guard text.utf8.count == 10, digits, text.hasPrefix("2") else { return nil }
        return formatter().date(from: text).map { $0.addingTimeInterval(86_399) }
    }

    /// `date` as the UK's YYYY-MM-DD.
    public static func today(_ date: Date = Date()) -> String { formatter().string(from: date) }

    private static func formatter() -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/London")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }
}
