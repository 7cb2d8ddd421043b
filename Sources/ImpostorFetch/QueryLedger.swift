import Foundation
import ImpostorCore

/// How much of a source's allowance the scans of this period have spent (Brave's month, YouTube's
/// day), and where the next scan takes up the list of queries. Kept in the cache folder, one small
/// file per source and list.
struct QueryLedger: Codable, Sendable {
    /// The span an allowance covers.
    enum Period: String, Codable, Sendable {
        /// A calendar month in UTC (Brave's plans).
        case month
        /// A day that starts at midnight Pacific time (YouTube's quota).
        case pacificDay

        var calendar: Calendar {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: self == .month ? "UTC" : "America/Los_Angeles") ?? TimeZone(identifier: "UTC")!
            return calendar
        }

        var component: Calendar.Component { self == .month ? .month : .day }

        func key(_ date: Date) -> String {
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            return self == .month ? String(format: "%04d-%02d", c.year ?? 0, c.month ?? 0)
                : String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        }

        func end(of date: Date) -> Date {
            calendar.dateInterval(of: component, for: date)?.end ?? date.addingTimeInterval(self == .month ? 30 * 86_400 : 86_400)
        }
    }

    var period: Period = .month
    /// "2026-12" (or "2026-12-02"): a new period starts the count again.
    var month: String
    var used: Int
    /// The index in the query list the next scan starts from.
    var next: Int
    /// When this month's scans ran, newest last (at most 24), to tell how often scans come.
    var scans: [Date]

    static func file(cache: ResponseCache?, source: String) -> String? {
        guard let cache else { return nil }
        let name = ContentHash(of: Array(source.utf8)).hex.prefix(16)
        return "\(cache.directory)/ledgers/\(name).json"
    }

    static func load(cache: ResponseCache?, source: String, now: Date, period: Period = .month) -> QueryLedger {
        let month = period.key(now)
        if let path = file(cache: cache, source: source), let bytes = try? RegularFile.read(path, maxBytes: 1 << 16),
           let ledger = try? JSONDecoder().decode(QueryLedger.self, from: Data(bytes))
        {
            // A damaged file must not index out of range or hide what was spent.
            let next = max(0, ledger.next), used = max(0, ledger.used)
            return ledger.month == month ? QueryLedger(period: period, month: month, used: used, next: next, scans: ledger.scans)
                : QueryLedger(period: period, month: month, used: 0, next: next, scans: [])
        }
        return QueryLedger(period: period, month: month, used: 0, next: 0, scans: [])
    }

    /// The queries this scan may send: what is left of `monthly` (the period's allowance), spread
    /// over the scans still to come this period (counted from how often scans came so far; hourly
    /// until there are two), starting where the last scan stopped and wrapping round.
    mutating func take(from queries: [String], monthly: Int, now: Date) -> [String] {
        guard !queries.isEmpty, monthly > used else { return [] }
        scans = Array((scans + [now]).suffix(24))
        var interval: TimeInterval = 3600
        if scans.count >= 2, let first = scans.first, let last = scans.last {
            interval = max(60, last.timeIntervalSince(first) / Double(scans.count - 1))
        }
        let monthEnd = period.end(of: now)
        let scansLeft = max(1.0, (monthEnd.timeIntervalSince(now) / interval).rounded(.down) + 1)
        let share = Int((Double(monthly - used) / scansLeft).rounded(.up))
        let count = min(max(share, 0), queries.count, monthly - used)
        let start = next % queries.count
        next = (start + count) % queries.count
        return (0..<count).map { queries[(start + $0) % queries.count] }
    }

    mutating func record(sent: Int) { used += sent }

    func save(cache: ResponseCache?, source: String) {
        guard let path = Self.file(cache: cache, source: source), let data = try? JSONEncoder().encode(self) else { return }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
