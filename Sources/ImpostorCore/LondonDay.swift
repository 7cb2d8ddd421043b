import Foundation

/// Dates a clerk types (YYYY-MM-DD), read as days in the UK.
public enum LondonDay {
    /// The last second of that day in London, or nil when the text is not a date.
    public static func end(of text: String) -> Date? {
        formatter().date(from: text).map { $0.addingTimeInterval(86_399) }
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
