import Foundation
import ImpostorCore

/// What a platform said to a report impostor sent: kept with the case as the record of what was
/// sent and when. It never holds a token, a password or a session.
public struct ReportReceipt: Sendable, Hashable {
    /// The URL the report was posted to.
    public var endpoint: String
    /// The body sent, as text.
    public var request: String
    public var status: Int
    /// The server's answer, as text.
    public var response: String
    /// The platform's id for the report, when it accepted it.
    public var reportID: String?

    public var accepted: Bool { (200..<300).contains(status) }

    init(endpoint: String, request: [UInt8], response: HTTPResponse, reportID: String?) {
        self.endpoint = endpoint
        self.request = String(decoding: request, as: UTF8.self)
        self.status = response.status
        self.response = String(response.text.prefix(20_000))
        self.reportID = reportID
    }

    /// Why the server refused, in its own words when its JSON has them (Mastodon `error`, XRPC `message`).
    public var refusal: String {
        let json = (try? JSONSerialization.jsonObject(with: Data(response.utf8))) as? [String: Any]
        let said = [json?["message"], json?["error_description"], json?["error"]].lazy.compactMap { $0 as? String }.first
        return "HTTP \(status)" + (said.map { ": \($0.prefix(300))" } ?? "")
    }
}

/// Where reports go: the council's own server over https. Plain http is allowed only to this
/// machine (tests, a local relay), because the request carries the council's credentials.
enum ReportEndpoint {
    static func base(_ url: String, what: String) throws(FetchError) -> String {
        var base = url.trimmingSpaces()
        while base.hasSuffix("/") { base.removeLast() }
        // Parsed as libcurl will send it: "http://localhost.example.org" or "http://127.0.0.1@example.org"
        // name other hosts than they seem to.
        if let parts = URLParts(base), !parts.host.isEmpty,
            parts.scheme == "https" || (parts.scheme == "http" && LoopbackHost.contains(parts.host))
        {
            return base
        }
        throw FetchError(.configuration, "\(what) must be an https:// address (it carries the council's credentials): \(url)")
    }

    /// A JSON object's string (or number) field.
    static func field(_ name: String, in body: [UInt8]) -> String? {
        guard let json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else { return nil }
        if let s = json[name] as? String { return s }
        if let n = json[name] as? NSNumber { return n.stringValue }
        return nil
    }
}
