import ArgumentParser
import Foundation
import ImpostorCore
import ImpostorDaemon
import ImpostorDrafts
import ImpostorStore
import ImpostorWeb

extension Impostor {
    /// `impostor report`: the month's incidents for the council meeting.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes the month's impersonation incidents for the council meeting, in Markdown and HTML.",
            discussion: "How many accounts were found, confirmed, reported and removed, and how long removal took. Prints the Markdown; --out also writes report-YYYY-MM.md and .html."
        )

        @OptionGroup var watchlistOptions: WatchlistOptions
        @OptionGroup var storeOptions: StoreOptions

        @Option(help: "The month, as YYYY-MM.")
        var month: String

        @Option(help: "A folder to write report-YYYY-MM.md and report-YYYY-MM.html into.")
        var out: String?

        func validate() throws {
            guard Self.range(month) != nil else { throw ValidationError("--month \(month): write it as YYYY-MM, e.g. 2026-11") }
        }

        static func range(_ month: String) -> (Date, Date, String)? {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_GB")
            f.timeZone = TimeZone(identifier: "Europe/London")
            f.dateFormat = "yyyy-MM"
            // Exactly four digits, a hyphen and two: the formatter alone also takes "2026/11" and "20261-1".
            let digits = month.unicodeScalars.enumerated().allSatisfy { i, c in i == 4 ? c == "-" : ("0"..."9").contains(c) }
            guard month.unicodeScalars.count == 7, digits, let start = f.date(from: month) else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = f.timeZone
            guard let end = calendar.date(byAdding: .month, value: 1, to: start) else { return nil }
            f.dateFormat = "MMMM yyyy"
            return (start, end, f.string(from: start))
        }

        func run() async throws {
            let watchlist = try watchlistOptions.load(quiet: true)
            let settings = try DaemonSettings.load(watchlist)
            let store = try storeOptions.open(settings: settings, existing: true)
            let (start, end, label) = Self.range(month)!
            let timelines: [CaseTimeline]
            do {
                timelines = try store.timelines(from: start, to: end)
            } catch {
                Console.error("impostor: \(error.reason)")
                throw ExitCode(ExitCodes.store)
            }
            func inMonth(_ d: Date?) -> Bool { d.map { $0 >= start && $0 < end } ?? false }
            let found = timelines.filter { inMonth($0.summary.openedAt) }.count
            let confirmed = timelines.filter { inMonth($0.confirmedAt) }.count
            let reported = timelines.filter { inMonth($0.reportedAt) }.count
            let removed = timelines.filter { inMonth($0.removedAt) }
            let durations = removed.compactMap(\.removalTime).sorted()
            let names = Set(timelines.map(\.summary.identity)).sorted().map { watchlist.identity(id: $0)?.name ?? $0 }
            let title = "Impersonation report, \(label)"
            let intro = names.isEmpty
                ? "No fake accounts were found, confirmed, reported or removed this month."
                : "Accounts pretending to be \(names.joined(separator: ", ")): \(found) found, \(confirmed) confirmed by the clerk, \(reported) reported to the platforms, \(removed.count) removed."
            var notes: [String] = []
            if !durations.isEmpty {
                let median = durations[durations.count / 2]
                notes.append("Removal took \(Self.days(durations.first!)) at best, \(Self.days(median)) typically and \(Self.days(durations.last!)) at worst, counted from the clerk's report (or confirmation).")
            }
            let headers = ["Case", "Platform", "Account", "Found", "Confirmed", "Reported", "Removed", "Status"]
            let d = DateFormatter()
            d.locale = Locale(identifier: "en_GB")
            d.timeZone = TimeZone(identifier: "Europe/London")
            d.dateFormat = "d MMM"
            let rows: [[String]] = timelines.filter { $0.summary.status != .dismissed && $0.summary.status != .allowed }.map { t in
                // What the account chose, without hidden characters; the Markdown escapes the rest.
                [String(t.summary.id), SuspectText.clean(t.summary.platform.rawValue), "@" + SuspectText.clean(t.summary.handle),
                 d.string(from: t.summary.openedAt), t.confirmedAt.map(d.string) ?? "–", t.reportedAt.map(d.string) ?? "–",
                 t.removedAt.map(d.string) ?? "–", t.summary.status.label]
            }
            var md = "# \(title)\n\n\(intro)\n\n"
            if !rows.isEmpty {
                md += "| " + headers.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: headers.count) + "\n"
                for r in rows { md += "| " + r.map(SuspectText.markdownCell).joined(separator: " | ") + " |\n" }
                md += "\n"
            }
            for n in notes { md += n + "\n\n" }
            md += "Dismissed accounts (namesakes, community groups, councillors' own pages) are not listed.\n"
            Console.out(md)
            if let out {
                do {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                    try Data(md.utf8).write(to: URL(fileURLWithPath: "\(out)/report-\(month).md"), options: .atomic)
                    let html = PrintablePages.monthly(title: title, intro: intro, headers: headers, rows: rows, notes: notes)
                    try Data(html.utf8).write(to: URL(fileURLWithPath: "\(out)/report-\(month).html"), options: .atomic)
                } catch {
                    Console.error("impostor: cannot write the report to \(out): \(WriteProblem.describe(out, error))")
                    throw ExitCode(1)
                }
            }
        }

        static func days(_ seconds: TimeInterval) -> String {
            let hours = seconds / 3600
            if hours < 48 { return String(format: "%.0f hours", hours) }
            return String(format: "%.1f days", hours / 24)
        }
    }
}
