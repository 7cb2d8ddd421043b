import Foundation

/// Dates as UK readers write them; evidence times in UTC, as platforms' moderators expect.
enum DraftDate {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let welshMonths = [
        "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd",
        "Rhagfyr",
    ]

    /// "21 August 2026", on the UK's calendar day; "21 Awst 2026" in Welsh (`language` "cy").
    static func long(_ date: Date, language: String = "en") -> String {
        let c = calendar(TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!)
            .dateComponents([.year, .month, .day], from: date)
        let names = language == "cy" ? welshMonths : months
        return "\(c.day!) \(names[c.month! - 1]) \(c.year!)"
    }

    /// "2026-08-21 21:47 UTC".
    static func timestamp(_ date: Date) -> String {
        let c = calendar(TimeZone(secondsFromGMT: 0)!).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year!)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
    }

    private static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
