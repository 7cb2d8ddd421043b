import Foundation
import Hummingbird
import ImpostorStore

/// The page shell and small pieces every page shares.
enum Pages {
    static func page(title: String, body: String, status: HTTPResponse.Status = .ok, csrfCookie: String? = nil,
                     script: String? = nil) -> Response {
        let html = """
            <!doctype html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · impostor</title>
            <link rel="stylesheet" href="/style.css">\(script.map { "\n<script src=\"\($0)\" defer></script>" } ?? "")
            </head>
            <body>
            <a class="skip" href="#main">Skip to the content</a>
            <header class="top"><a href="/" class="brand">impostor</a> <span>accounts pretending to be the council</span></header>
            <main id="main">
            \(body)
            </main>
            </body>
            </html>
            """
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        if let csrfCookie { response.headers[.setCookie] = CSRF.cookieHeader(csrfCookie) }
        return response
    }

    static func error(status: HTTPResponse.Status, message: String) -> Response {
        page(title: status.reasonPhrase, body: """
            <h1>\(HTML.escape(status.reasonPhrase))</h1>
            <p>\(HTML.escape(message))</p>
            <p><a href="/">Back to the queue</a></p>
            """, status: status)
    }

    /// Who is signed in, and the button that signs them out.
    static func signedIn(_ viewer: Viewer, csrf: String) -> String {
        """
        <form method="post" action="/logout" class="signed-in"><span>Signed in as \(HTML.escape(viewer.name))</span> \
        <input type="hidden" name="csrf" value="\(HTML.escape(csrf))"><button type="submit">Sign out</button></form>
        """
    }

    static func date(_ d: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_GB")
        f.timeZone = TimeZone(identifier: "Europe/London")
        f.dateFormat = "d MMM yyyy, HH:mm"
        return f.string(from: d)
    }

    static func score(_ s: Double) -> String { String(format: "%.2f", s) }

    static func statusBadge(_ s: CaseStatus) -> String {
        "<span class=\"status status-\(s.rawValue)\">\(HTML.escape(s.label))</span>"
    }

    static func platformName(_ p: String) -> String {
        switch p {
        case "x": "X (Twitter)"
        case "youtube": "YouTube"
        case "tiktok": "TikTok"
        case "linkedin": "LinkedIn"
        default:
            // A platform a listing names is its writer's choice: "fаcebook.com" with a Cyrillic "а" shows its code point.
            p.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) })
                ? p.prefix(1).uppercased() + p.dropFirst()
                : p.unicodeScalars.prefix(100).map { (0x20...0x7E).contains($0.value) ? String($0) : "[\(ProfileMarkup.codePoint($0))]" }.joined()
        }
    }
}
