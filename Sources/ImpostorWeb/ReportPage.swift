/// The "Report a link" form: a link a resident gave the clerk, filed as a reported case.
struct ReportPage {
    var csrf: String

    var html: String {
        var h = "<p><a href=\"/\">← Back to the queue</a></p><h1>Report a link</h1>"
        h += "<p>Paste the link to a fake account or page a resident told you about. impostor reads what the page "
        h += "shows publicly (or uses the link alone when it cannot), scores it and opens a case marked as reported, "
        h += "whatever its score. Reporting the same account again adds to its case.</p>"
        h += "<form method=\"post\" action=\"/report\" class=\"decision\">"
        h += "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
        h += "<label for=\"link\">Link to the account or page</label>"
        h += "<input type=\"url\" id=\"link\" name=\"link\" required maxlength=\"2000\" placeholder=\"https://www.facebook.com/…\">"
        h += "<label for=\"by\">Who reported it (optional)</label><input type=\"text\" id=\"by\" name=\"by\" maxlength=\"200\">"
        h += "<label for=\"note\">What they said (optional)</label><textarea id=\"note\" name=\"note\" rows=\"3\" maxlength=\"4000\"></textarea>"
        h += "<button type=\"submit\">File the report</button></form>"
        return h
    }
}
