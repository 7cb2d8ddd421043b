import ImpostorCore
import ImpostorStore

/// The queue: open cases, highest score first, with filters and counts per status.
struct QueuePage {
    var cases: [CaseSummary]
    var counts: [CaseStatus: Int]
    var filter: CaseFilter
    var identities: [Identity]
    var platforms: [String]
    var markup: ProfileMarkup
    /// Whether the "Report a link" form is there.
    var reporting = false

    var html: String {
        var h = "<h1>Accounts to review</h1>\n"
        if reporting { h += "<p><a href=\"/report\">Report a link a resident sent you</a></p>\n" }
        h += "<nav aria-label=\"Cases by status\"><ul class=\"counts\">"
        // The counts are for the chosen council and platform, so their links keep those choices.
        var kept = ""
        if let identity = filter.identity { kept += "&identity=" + HTML.component(identity) }
        if let platform = filter.platform { kept += "&platform=" + HTML.component(platform.rawValue) }
        for s in CaseStatus.allCases {
            let current = filter.statuses == [s] ? " aria-current=\"page\"" : ""
            let href = HTML.escape("/?status=\(s.rawValue)" + kept)
            h += "<li><a href=\"\(href)\"\(current)>\(HTML.escape(s.label)) <b>\(counts[s] ?? 0)</b></a></li>"
        }
        h += "</ul></nav>\n"
        h += filterForm
        if cases.isEmpty {
            h += "<p class=\"empty\">No cases match. impostor's next scan will add any new suspects here.</p>"
            return h
        }
        h += """
            <table class="queue">
            <caption>\(cases.count) case\(cases.count == 1 ? "" : "s"), alerts about the council's own accounts first, then the highest score</caption>
            <thead><tr><th scope="col">Score</th><th scope="col">Account</th><th scope="col">Platform</th>\
            <th scope="col">Looks like</th><th scope="col">Status</th><th scope="col">Found</th></tr></thead>
            <tbody>

            """
        for c in cases {
            let limit = ProfileMarkup.headingLimit
            let name = markup.mark(c.displayName.isEmpty ? "(no name)" : c.displayName, limit: limit).html
            let council = identities.first { $0.id == c.identity }?.name ?? c.identity
            let platform = HTML.escape(Pages.platformName(c.platform.rawValue))
            let flag = c.kind == .takeover ? "<b class=\"alert\">Alert: the council's own account changed</b><br>"
                : c.reports > 0 ? "<b class=\"reported\">Reported by a resident</b><br>" : ""
            h += """
                <tr><td class="score">\(Pages.score(c.score))</td><td>\(flag)\
                <a href="/cases/\(c.id)"><bdi>\(name)</bdi></a><br><small>@<bdi>\(markup.mark(c.handle, limit: limit).html)</bdi>\
                <span class="narrow"> · \(platform) · looks like \(HTML.escape(council))</span></small></td>\
                <td>\(platform)</td><td>\(HTML.escape(council))</td><td>\(Pages.statusBadge(c.status))</td>\
                <td class="found">\(Pages.date(c.openedAt))</td></tr>

                """
        }
        h += "</tbody></table>"
        return h
    }

    var filterForm: String {
        func option(_ value: String, _ label: String, _ selected: Bool) -> String {
            "<option value=\"\(HTML.escape(value))\"\(selected ? " selected" : "")>\(HTML.escape(label))</option>"
        }
        var h = "<form class=\"filters\" method=\"get\" action=\"/\">"
        h += "<div><label for=\"f-identity\">Council</label><select id=\"f-identity\" name=\"identity\">"
        h += option("", "All", filter.identity == nil)
        for i in identities { h += option(i.id, i.name, filter.identity == i.id) }
        h += "</select></div>"
        h += "<div><label for=\"f-platform\">Platform</label><select id=\"f-platform\" name=\"platform\">"
        h += option("", "All", filter.platform == nil)
        for p in platforms { h += option(p, Pages.platformName(p), filter.platform?.rawValue == p) }
        h += "</select></div>"
        h += "<div><label for=\"f-status\">Status</label><select id=\"f-status\" name=\"status\">"
        h += option("all", "Any status", filter.statuses.count == CaseStatus.allCases.count)
        for s in CaseStatus.allCases { h += option(s.rawValue, s.label, filter.statuses == [s]) }
        h += "</select></div><button type=\"submit\">Show</button></form>\n"
        return h
    }
}
