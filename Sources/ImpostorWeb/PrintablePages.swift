import Foundation
import ImpostorCore
import ImpostorStore
import ImpostorText

/// Pages written to files rather than served: the evidence summary of one case and the monthly
/// report for the council meeting. Self-contained (inline style, no script), printable.
public enum PrintablePages {
    static let style = """
        body{font:11pt/1.45 Georgia,serif;color:#111;max-width:48rem;margin:2rem auto;padding:0 1rem}
        h1{font-size:18pt}h2{font-size:13pt;border-bottom:1px solid #999;margin-top:1.5rem}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem;text-align:left;vertical-align:top}
        mark{background:#ffe066}img{max-width:12rem;border:1px solid #999}.meta{color:#444}
        @media print{a{color:#111}}
        """

    /// The evidence summary for `impostor evidence`: the images are files beside it in the same folder.
    public static func evidence(_ detail: CaseDetail, identity: Identity?, avatarFiles: [Int64: String], logoFile: String?,
                                generated: Date) throws -> String {
        let markup = ProfileMarkup(folder: try Folder())
        let s = detail.summary
        var h = "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Case \(s.id) evidence</title><style>\(style)</style></head><body>"
        h += "<h1>Impersonation evidence: case \(s.id)</h1>"
        h += "<p class=\"meta\">Prepared by impostor \(HTML.escape(ImpostorVersion.current)) on \(Pages.date(generated)) for \(HTML.escape(identity?.name ?? s.identity)).</p>"
        h += "<table><tr><th>Platform</th><td>\(HTML.escape(Pages.platformName(s.platform.rawValue)))</td></tr>"
        h += "<tr><th>Account</th><td><bdi>\(markup.mark(s.displayName).html)</bdi> (@<bdi>\(markup.mark(s.handle).html)</bdi>)</td></tr>"
        h += "<tr><th>Link</th><td>\(HTML.escape(s.url))</td></tr>"
        h += "<tr><th>Platform id</th><td>\(HTML.escape(s.stableID))</td></tr>"
        h += "<tr><th>Status</th><td>\(HTML.escape(s.status.label))</td></tr>"
        h += "<tr><th>Score</th><td>\(Pages.score(s.score))</td></tr>"
        h += "<tr><th>First found</th><td>\(Pages.date(s.openedAt))</td></tr>"
        if let gone = s.goneAt { h += "<tr><th>Removed</th><td>\(Pages.date(gone))</td></tr>" }
        h += "</table>"
        if let latest = detail.snapshots.first, let file = latest.avatarImage.flatMap({ _ in avatarFiles[latest.id] }) {
            h += "<h2>Picture</h2><p><img src=\"\(HTML.escape(file))\" alt=\"The account's picture\">"
            if let logoFile { h += " <img src=\"\(HTML.escape(logoFile))\" alt=\"The council's logo\">" }
            h += "</p>"
        }
        if let a = detail.assessment {
            h += "<h2>Why it was flagged</h2><ul>"
            for r in a.reasons where r.weight > 0 { h += "<li>\(HTML.escape(r.detail))</li>" }
            h += "</ul>"
        }
        h += "<h2>Profile as seen</h2><table><tr><th>Seen</th><th>Name</th><th>Handle</th><th>Bio</th></tr>"
        for snap in detail.snapshots {
            h += "<tr><td>\(Pages.date(snap.firstSeen)) – \(Pages.date(snap.lastSeen))</td><td><bdi>\(markup.mark(snap.displayName).html)</bdi></td>"
            h += "<td>@<bdi>\(markup.mark(snap.handle).html)</bdi></td><td><bdi>\(markup.mark(snap.bio).html)</bdi></td></tr>"
        }
        h += "</table><h2>Decisions and events</h2><ol>"
        for e in detail.events {
            // The actor, reason and note may quote strangers (a resident's report): marked as the review page marks
            // them, so that hidden and control characters show and cannot reorder the printed line.
            h += "<li>\(Pages.date(e.at)): <bdi>\(markup.mark(e.actor, limit: 300).html)</bdi> — \(HTML.escape(e.action))"
            if let r = e.reason { h += " (<bdi>\(markup.mark(r, limit: 2000).html)</bdi>)" }
            if let n = e.note { h += ": “<bdi>\(markup.mark(n, limit: 4000).html)</bdi>”" }
            h += "</li>"
        }
        h += "</ol></body></html>\n"
        return h
    }

    /// The month's incidents as HTML, from the same rows as the Markdown report.
    public static func monthly(title: String, intro: String, headers: [String], rows: [[String]], notes: [String]) -> String {
        var h = "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>\(HTML.escape(title))</title><style>\(style)</style></head><body>"
        h += "<h1>\(HTML.escape(title))</h1><p>\(HTML.escape(intro))</p>"
        if !rows.isEmpty {
            h += "<table><tr>" + headers.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>"
            for r in rows { h += "<tr>" + r.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>" }
            h += "</table>"
        }
        for n in notes { h += "<p>\(HTML.escape(n))</p>" }
        return h + "</body></html>\n"
    }
}
