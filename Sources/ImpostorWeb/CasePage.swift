import Foundation
import ImpostorCore
import ImpostorStore

/// A draft the page offers on a confirmed case (takedown notices and public warnings).
public struct DraftView: Sendable {
    public var title: String
    public var text: String
    /// How the platform counts the text, e.g. "231 / 280 (X weighted)".
    public var count: String

    public init(title: String, text: String, count: String) {
        self.title = title
        self.text = text
        self.count = count
    }
}

/// One case with its evidence side by side, its history and the decision form.
struct CasePage {
    var detail: CaseDetail
    var identity: Identity?
    var markup: ProfileMarkup
    var csrf: String
    var drafts: [DraftView]
    var message: String?

    var html: String {
        let s = detail.summary
        let latest = detail.snapshots.first
        let name = markup.mark(s.displayName.isEmpty ? "(no name)" : s.displayName)
        let handle = markup.mark(s.handle)
        let bio = markup.mark(latest?.bio ?? "")
        var h = ""
        if let message { h += "<p class=\"notice\" role=\"status\">\(HTML.escape(message))</p>" }
        h += "<p><a href=\"/\">← Back to the queue</a></p>"
        let heading = markup.mark(s.displayName.isEmpty ? "(no name)" : s.displayName, limit: ProfileMarkup.headingLimit)
        h += "<h1><bdi>\(heading.html)</bdi></h1>"
        if s.kind == .takeover {
            h += "<p class=\"alert\" role=\"alert\"><b>Alert:</b> this is one of the council's own accounts, and it changed "
            h += "or vanished since it was last accepted. If the council did not make this change, secure the account now: "
            h += "change its password, sign out other sessions, check its recovery e-mail and phone, and contact the platform.</p>"
            h += takeoverSection
        }
        if !detail.reports.isEmpty { h += reportsSection }
        h += "<p class=\"summary\">\(Pages.statusBadge(s.status)) Score <b>\(Pages.score(s.score))</b> · looks like "
        h += "<b>\(HTML.escape(identity?.name ?? s.identity))</b> · on \(HTML.escape(Pages.platformName(s.platform.rawValue)))</p>"

        h += "<div class=\"side-by-side\">"
        h += "<section aria-labelledby=\"suspect\"><h2 id=\"suspect\">\(s.kind == .takeover ? "The account now" : s.platform == .email ? "The sender" : "The suspect account")</h2><dl>"
        h += "<dt>Name</dt><dd><bdi>\(name.html)</bdi></dd>"
        h += "<dt>Handle</dt><dd>@<bdi>\(handle.html)</bdi></dd>"
        h += "<dt>Bio</dt><dd class=\"bio\"><bdi>\(bio.html.isEmpty ? "<em>empty</em>" : bio.html)</bdi></dd>"
        h += "<dt>Link</dt><dd>\(link(s.url))</dd>"
        h += "<dt>Case opened</dt><dd>\(Pages.date(s.openedAt))</dd>"
        if let gone = s.goneAt {
            h += "<dt>Removed</dt><dd>\(Pages.date(gone))\(detail.goneReason.map { " (\(HTML.escape($0)))" } ?? "")</dd>"
        }
        h += "</dl>"
        if let avatar = latest?.avatarImage {
            h += "<figure><img src=\"/avatars/\(HTML.component(avatar))\" alt=\"The suspect's profile picture\" width=\"160\" height=\"160\"><figcaption>Their picture</figcaption></figure>"
        }
        h += "</section>"

        h += "<section aria-labelledby=\"official\"><h2 id=\"official\">The council's identity</h2><dl>"
        if let identity {
            h += "<dt>Name</dt><dd>\(HTML.escape(identity.name))</dd>"
            let officials = identity.officials.filter { $0.platform == s.platform }
            if !officials.isEmpty {
                h += "<dt>Official account</dt><dd>" + officials.map { "@" + HTML.escape($0.handle) }.joined(separator: ", ") + "</dd>"
            }
            if let website = identity.website { h += "<dt>Website</dt><dd>\(HTML.escape(website))</dd>" }
        }
        h += "</dl>"
        if let identity, !identity.logos.isEmpty {
            h += "<figure><img src=\"/logos/\(HTML.component(identity.id))/0\" alt=\"The council's logo\" width=\"160\" height=\"160\"><figcaption>The council's logo"
            if let logo = logoReason { h += ": \(HTML.escape(logo.detail))" }
            h += "</figcaption></figure>"
        }
        h += "</section></div>"

        let notes = name.notes + handle.notes + bio.notes
        if !notes.isEmpty {
            h += "<section aria-labelledby=\"tricks\"><h2 id=\"tricks\">Hidden tricks in the text</h2><ul>"
            for n in Array(Set(notes)).sorted() { h += "<li>\(HTML.escape(n))</li>" }
            h += "</ul></section>"
        }

        if let a = detail.assessment {
            h += "<section aria-labelledby=\"reasons\"><h2 id=\"reasons\">Why impostor flagged it</h2>"
            h += "<table><thead><tr><th scope=\"col\">Evidence</th><th scope=\"col\">Weight</th></tr></thead><tbody>"
            for r in a.reasons.sorted(by: { abs($0.weight) > abs($1.weight) }) {
                let sign = r.weight > 0 ? "for" : (r.weight < 0 ? "against" : "note")
                h += "<tr class=\"\(sign)\"><td>\(HTML.escape(r.detail))"
                if let m = r.matched { h += "<br><small>matched: <bdi>\(markup.mark(m).html)</bdi></small>" }
                h += "</td><td>\(String(format: "%+.1f", r.weight))</td></tr>"
            }
            h += "</tbody></table><p><small>Judged \(Pages.date(a.assessedAt)) by impostor \(HTML.escape(a.version)).</small></p></section>"
        }

        h += decisionForm
        if !drafts.isEmpty { h += draftsSection }

        if detail.snapshots.count > 1 {
            h += "<section aria-labelledby=\"history\"><h2 id=\"history\">How the account changed</h2><table>"
            h += "<thead><tr><th scope=\"col\">Seen</th><th scope=\"col\">Name</th><th scope=\"col\">Handle</th><th scope=\"col\">Picture</th></tr></thead><tbody>"
            for snap in detail.snapshots {
                let picture = snap.avatarImage.map {
                    "<img src=\"/avatars/\(HTML.component($0))\" alt=\"Picture at that time\" width=\"48\" height=\"48\">"
                } ?? "—"
                h += "<tr><td>\(Pages.date(snap.firstSeen)) – \(Pages.date(snap.lastSeen))</td>"
                let limit = ProfileMarkup.headingLimit
                h += "<td><bdi>\(markup.mark(snap.displayName, limit: limit).html)</bdi></td>"
                h += "<td>@<bdi>\(markup.mark(snap.handle, limit: limit).html)</bdi></td><td>\(picture)</td></tr>"
            }
            h += "</tbody></table></section>"
        }

        h += "<section aria-labelledby=\"trail\"><h2 id=\"trail\">Decisions and events</h2><ol class=\"trail\">"
        for e in detail.events {
            // Reasons and notes may quote strangers (a reporter's name, a hijacked account's new name):
            // marked like any profile text, so hidden characters show and cannot reorder the line.
            h += "<li><time>\(Pages.date(e.at))</time> <b><bdi>\(markup.mark(e.actor, limit: 300).html)</bdi></b>: \(HTML.escape(e.action))"
            if let to = e.toStatus { h += " → \(HTML.escape(to.label))" }
            if let r = e.reason { h += " — <bdi>\(markup.mark(r, limit: 2000).html)</bdi>" }
            if let n = e.note { h += "<br><q><bdi>\(markup.mark(n, limit: 4000).html)</bdi></q>" }
            h += "</li>"
        }
        h += "</ol></section>"
        return h
    }

    /// The official account as the council last accepted it, beside what it shows now.
    var takeoverSection: String {
        guard let before = detail.baseline, let now = detail.snapshots.first else { return "" }
        func column(_ title: String, _ id: String, _ snap: Snapshot) -> String {
            var h = "<section aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">\(title)</h2><dl>"
            h += "<dt>Name</dt><dd><bdi>\(markup.mark(snap.displayName).html)</bdi></dd>"
            h += "<dt>Handle</dt><dd>@<bdi>\(markup.mark(snap.handle).html)</bdi></dd>"
            h += "<dt>Bio</dt><dd class=\"bio\"><bdi>\(markup.mark(snap.bio).html)</bdi></dd>"
            h += "<dt>Seen</dt><dd>\(Pages.date(snap.firstSeen)) – \(Pages.date(snap.lastSeen))</dd></dl>"
            if let avatar = snap.avatarImage {
                h += "<figure><img src=\"/avatars/\(HTML.component(avatar))\" alt=\"\(title): picture\" width=\"120\" height=\"120\"></figure>"
            }
            return h + "</section>"
        }
        return "<div class=\"side-by-side\">" + column("Before (last accepted)", "before", before)
            + column("Now", "after", now) + "</div>"
    }

    /// Who reported the account, when, how and in their words. All of it may be a stranger's text.
    var reportsSection: String {
        var h = "<section aria-labelledby=\"reports\"><h2 id=\"reports\">Reported by residents</h2><ul class=\"reports\">"
        for r in detail.reports {
            let how = switch r.channel {
            case .command: "added by the clerk"
            case .page: "on this page"
            case .mailbox: "to the report mailbox"
            }
            h += "<li><time>\(Pages.date(r.at))</time> <b><bdi>\(markup.mark(r.reporter).html)</bdi></b> (\(how)): \(link(r.link))"
            if let note = r.note { h += "<br><q><bdi>\(markup.mark(note).html)</bdi></q>" }
            h += "</li>"
        }
        return h + "</ul></section>"
    }

    var logoReason: Reason? {
        detail.assessment?.reasons.first { $0.signal == .logo && $0.weight > 0 }
    }

    /// Only web links become links; anything else (javascript:, data:, mailto:) is shown as text, and says why.
    func link(_ url: String) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return url.isEmpty ? "<em>none given</em>"
                : "<bdi>\(markup.mark(url).html)</bdi> <small>(not a web address, so not a link)</small>"
        }
        return "<a href=\"\(HTML.escape(url))\" rel=\"noopener noreferrer nofollow\">\(HTML.escape(url))</a>"
    }

    var decisionForm: String {
        let status = detail.summary.status
        let choices: [(String, String, Set<CaseStatus>)] = [
            ("confirm", "Confirm impersonation", [.new, .snoozed, .dismissed, .allowed]),
            ("dismiss", "Dismiss: not impersonation", [.new, .snoozed, .confirmed]),
            ("allow", "Allow: add to the council's allow-list", [.new, .snoozed, .confirmed]),
            ("snooze", "Snooze until a date", [.new, .snoozed, .confirmed]),
            ("reported", "Mark as reported to the platform", [.confirmed]),
            ("reopen", "Reopen for review", [.snoozed, .confirmed, .reported, .removed, .dismissed, .allowed]),
            ("expected", "Expected: the council made this change (the account as it is now becomes the baseline)",
             [.new, .snoozed, .confirmed, .removed]),
        ]
        let takeover = detail.summary.kind == .takeover
        let available = choices.filter { $0.2.contains(status) && ($0.0 == "expected") == takeover
            || takeover && ["confirm", "reopen", "reported"].contains($0.0) && $0.2.contains(status) }
        guard !available.isEmpty else { return "" }
        var h = "<section aria-labelledby=\"decide\"><h2 id=\"decide\">Your decision</h2>"
        h += "<form method=\"post\" action=\"/cases/\(detail.summary.id)/decision\" class=\"decision\">"
        h += "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
        // "Expected" accepts the state on screen, not one that arrived after the page was opened.
        if let shown = detail.snapshots.first { h += "<input type=\"hidden\" name=\"seen\" value=\"\(shown.id)\">" }
        h += "<fieldset><legend>What is this account?</legend>"
        for (i, c) in available.enumerated() {
            h += "<div><input type=\"radio\" name=\"decision\" id=\"d-\(c.0)\" value=\"\(c.0)\"\(i == 0 ? " required" : "")>"
            h += "<label for=\"d-\(c.0)\">\(HTML.escape(c.1))</label></div>"
        }
        h += "</fieldset>"
        if available.contains(where: { $0.0 == "dismiss" }) {
            h += "<label for=\"reason\">If dismissing, why</label><select id=\"reason\" name=\"reason\">"
            for r in DismissReason.allCases { h += "<option value=\"\(r.rawValue)\">\(HTML.escape(r.label))</option>" }
            h += "</select>"
        }
        if available.contains(where: { $0.0 == "snooze" }) {
            h += "<label for=\"until\">If snoozing, until</label><input type=\"date\" id=\"until\" name=\"until\">"
        }
        h += "<label for=\"note\">Note for the record (optional)</label><textarea id=\"note\" name=\"note\" rows=\"3\" maxlength=\"4000\"></textarea>"
        h += "<button type=\"submit\">Record decision</button></form></section>"
        return h
    }

    var draftsSection: String {
        var h = "<section aria-labelledby=\"drafts\"><h2 id=\"drafts\">Drafts to report it and warn residents</h2>"
        h += "<p>Copy a draft into the platform's form or the council's channel. Select the text and copy it; nothing is sent from here.</p>"
        for (i, d) in drafts.enumerated() {
            h += "<details><summary>\(HTML.escape(d.title)) <small>(\(HTML.escape(d.count)))</small></summary>"
            h += "<label for=\"draft-\(i)\" class=\"visually-hidden\">\(HTML.escape(d.title))</label>"
            h += "<textarea id=\"draft-\(i)\" readonly rows=\"10\">\(HTML.escape(d.text))</textarea></details>"
        }
        h += "</section>"
        return h
    }
}
