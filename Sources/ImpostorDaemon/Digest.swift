import Foundation
import ImpostorCore
import ImpostorStore

/// The clerk's e-mail after a scan that found new suspects: plain text, one block per case, with
/// the link, the identity, the score, the reasons and how to review.
public enum Digest {
    public static func subject(_ cases: [ScanPass.NewCase], watchlist: Watchlist) -> String {
        let councils = Set(cases.map(\.summary.identity)).sorted().map { name(of: $0, in: watchlist) }
        let who = councils.count == 1 ? councils[0] : "\(councils.count) councils"
        let alerts = cases.filter { $0.summary.kind == .takeover }
        if let first = alerts.first {
            let more = alerts.count > 1 ? " (and \(alerts.count - 1) more)" : ""
            return "impostor ALERT: \(name(of: first.summary.identity, in: watchlist))'s own \(first.summary.platform.rawValue.capitalized) account changed or is gone\(more)"
        }
        let n = cases.count
        return "impostor: \(n) new suspect account\(n == 1 ? "" : "s") for \(who)"
    }

    public static func body(_ cases: [ScanPass.NewCase], watchlist: Watchlist, reviewURL: String, runID: Int64) -> String {
        var text = """
            impostor's scheduled scan (run \(runID)) found \(cases.count) account\(cases.count == 1 ? "" : "s") \
            that may be impersonating the council, or a change to one of its own accounts. Nothing has been \
            reported yet: each one waits for your decision.

            """
        for c in cases where c.summary.kind == .takeover {
            let s = c.summary
            text += "\nALERT: the council's own account @\(clean(s.handle)) on \(s.platform.rawValue.capitalized) may have been taken over.\n"
            for change in c.changes ?? [] { text += "   - \(clean(change, limit: 400))\n" }
            text += "   If the council made this change, mark it expected; if not, secure the account now (change its password,\n"
            text += "   sign out other sessions, check its recovery e-mail and phone) and contact the platform.\n"
            text += "   Review: \(reviewURL)/cases/\(s.id)\n"
        }
        for (i, c) in cases.filter({ $0.summary.kind != .takeover }).enumerated() {
            let s = c.summary
            text += "\n\(i + 1). \(clean(s.displayName)) (@\(clean(s.handle))) on \(s.platform.rawValue.capitalized)\n"
            text += "   Link: \(defang(s.url))\n"
            text += "   Looks like: \(name(of: s.identity, in: watchlist))\n"
            text += "   Score: \(String(format: "%.2f", s.score)) (1.00 is certain)\n"
            if let why = c.reopened { text += "   Back for review because \(why).\n" }
            let reasons = c.reasons.filter { $0.weight > 0 }.sorted { $0.weight > $1.weight }.prefix(4)
            if !reasons.isEmpty {
                text += "   Why:\n"
                for r in reasons { text += "   - \(clean(r.detail))\n" }
            }
            text += "   Review: \(reviewURL)/cases/\(s.id)\n"
        }
        text += """

            How to review: open \(reviewURL) in a browser on the council's computer, or run
            `impostor review` and `impostor decide CASE confirm|dismiss|allow|snooze`.
            Do not click the links above from a phone you use for council payments: they lead to the suspect accounts.

            -- impostor \(ImpostorVersion.current)

            """
        return text
    }

    static func name(of identity: String, in watchlist: Watchlist) -> String {
        watchlist.identity(id: identity)?.name ?? identity
    }

    /// Profile text is the impostor's own words: no control characters, no bidi overrides, bounded length.
    static func clean(_ text: String, limit: Int = 120) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .control || category == .format || category == .lineSeparator
                || category == .paragraphSeparator
            {
                out += " "
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.count > limit ? String(out.prefix(limit - 1)) + "…" : out
    }

    /// Mail clients turn URLs into links; the suspect's is shown but not clickable ("hxxps").
    static func defang(_ url: String) -> String {
        let c = clean(url)
        if c.hasPrefix("https://") { return "hxxps://" + c.dropFirst(8) }
        if c.hasPrefix("http://") { return "hxxp://" + c.dropFirst(7) }
        return c
    }
}
