import Foundation

/// Takes the real destination out of link-safety redirects, so a report names the scam page rather than
/// Microsoft's or Google's redirector: Outlook Safe Links, Google's `/url?q=`, Facebook's `l.php?u=`,
/// and Proofpoint URL Defense (v2, and v3 when nothing in the address was rewritten).
enum LinkUnwrapper {
    /// The link with wrappers taken off, up to four deep (Safe Links around Google around Facebook).
    /// A wrapper whose target is not an http(s) address is kept as it is.
    static func unwrap(_ link: String) -> String {
        var current = link
        for _ in 0..<4 {
            guard let inner = target(of: current) else { break }
            current = inner
        }
        return current
    }

    /// Whether a link (given after its `://`) is on a wrapper's host; a byte test, because it runs for
    /// every link in a body and almost none is a wrapper.
    static func mayWrap(_ rest: UnsafeBufferPointer<UInt8>) -> Bool {
        var hostEnd = 0
        while hostEnd < rest.count, rest[hostEnd] != 0x2F, rest[hostEnd] != 0x3F, rest[hostEnd] != 0x23 { hostEnd += 1 }
        let host = UnsafeBufferPointer(rebasing: rest[0..<hostEnd])
        if MailBytes.matches(host, at: 0, urldefense) { return true }
        let suffixStart = host.count - safelinks.count
        if suffixStart >= 0, MailBytes.matches(host, at: suffixStart, safelinks) { return true }
        return shortWrapperHosts.contains { $0.count == host.count && MailBytes.matches(host, at: 0, $0) }
    }

    private static let urldefense = Array("urldefense.".utf8)
    private static let safelinks = Array(".safelinks.protection.outlook.com".utf8)
    private static let shortWrapperHosts = (googleHosts.union(facebookHosts)).map { Array($0.utf8) }

    /// The address a wrapper points to, or nil if the link is no wrapper (or wraps nothing usable).
    static func target(of link: String) -> String? {
        let parts = Parts(link)
        let host = parts.host
        var encoded: String?
        var proofpoint = false
        if host.hasSuffix(".safelinks.protection.outlook.com") {
            encoded = parts.parameter("url")
        } else if googleHosts.contains(host), parts.path == "/url" {
            encoded = parts.parameter("q") ?? parts.parameter("url")
        } else if facebookHosts.contains(host), parts.path == "/l.php" || parts.path == "/" {
            encoded = parts.parameter("u")
        } else if host == "urldefense.proofpoint.com", parts.path.hasPrefix("/v2/url") {
            encoded = parts.parameter("u")
            proofpoint = true
        } else if host == "urldefense.com", let range = link.range(of: "/v3/__"),
            let close = link.range(of: "__;", range: range.upperBound..<link.endIndex)
        {
            let inner = link[range.upperBound..<close.lowerBound]
            // `*` marks characters v3 moved into its trailer; those addresses cannot be rebuilt here.
            encoded = inner.contains("*") ? nil : String(inner)
        }
        guard var value = encoded, !value.isEmpty else { return nil }
        if proofpoint {
            value = value.replacingOccurrences(of: "-", with: "%").replacingOccurrences(of: "_", with: "/")
        }
        let decoded = MailBytes.trimmed(PercentEncoding.decoded(value.utf8)[...])
        for (prefix, scheme) in [("https://", "https"), ("http://", "http")]
        where MailBytes.hasPrefix(decoded, Array(prefix.utf8)) {
            return LinkFinder.canonical(scheme: scheme, rest: decoded.dropFirst(prefix.count))
        }
        return nil
    }

    private static let googleHosts: Set<String> = ["google.com", "www.google.com", "google.co.uk", "www.google.co.uk"]
    private static let facebookHosts: Set<String> = ["l.facebook.com", "lm.facebook.com", "l.instagram.com"]

    /// Host, path and query of an http(s) link, just enough to recognise a wrapper.
    private struct Parts {
        var host = ""
        var path = ""
        var query: Substring = ""

        init(_ link: String) {
            let utf8 = link.utf8
            guard let colon = utf8.firstIndex(of: 0x3A) else { return }
            let afterScheme = utf8[colon...].dropFirst().drop { $0 == 0x2F }
            let hostEnd = afterScheme.firstIndex { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 } ?? afterScheme.endIndex
            var authority = afterScheme[..<hostEnd]
            if let at = authority.lastIndex(of: 0x40) { authority = authority[authority.index(after: at)...] }
            if let port = authority.lastIndex(of: 0x3A) { authority = authority[..<port] }
            host = String(decoding: authority, as: UTF8.self).lowercased()
            let rest = Substring(utf8[hostEnd...]).prefix { $0 != "#" }
            let question = rest.firstIndex(of: "?")
            path = String(rest[..<(question ?? rest.endIndex)])
            if path.isEmpty { path = "/" }
            if let question { query = rest[rest.index(after: question)...] }
        }

        /// The first value of a query parameter, still percent-encoded.
        func parameter(_ name: String) -> String? {
            for pair in query.split(separator: "&") {
                let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if halves.count == 2, halves[0] == name { return String(halves[1]) }
            }
            return nil
        }
    }
}
