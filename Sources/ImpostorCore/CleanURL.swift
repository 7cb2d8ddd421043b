/// A web address from outside (a resident's link, a listing's `url`, what a platform or a page says of
/// a profile) made fit to keep, show and fetch: http or https with a host, without `user:password@`,
/// and with the values of query and fragment parameters that look secret replaced by
/// `Redaction.marker`. Scheme and host are lower-cased; path, query and fragment keep their case.
/// Anything else (`javascript:`, `data:`, `file:`, a bare word) is no clean URL.
public struct CleanURL: Hashable, Sendable, CustomStringConvertible {
    /// The address as impostor keeps, shows and fetches it.
    public let text: String

    public var description: String { text }

    public init?(_ raw: String) {
        let given = raw.trimmingSpaces()
        // Blanks and control characters are no part of an address: a link holding them is not one.
        guard !given.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }),
              let colon = given.firstIndex(of: ":"), given[colon...].hasPrefix("://")
        else { return nil }
        let scheme = given[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = given[given.index(colon, offsetBy: 3)...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var host = rest[..<authorityEnd]
        // Browsers end the host at a backslash and libcurl does not: `evil.example\@good.example` is
        // one host to the clerk's browser and another to impostor's check. Neither is guessed.
        guard !host.contains("\\") else { return nil }
        // What stands before the last "@" is a user name and password: never kept, never sent.
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        let name = host.hasPrefix("[") ? host : host.prefix { $0 != ":" }
        guard name.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        var tail = rest[authorityEnd...]
        var fragment: Substring?
        if let hash = tail.firstIndex(of: "#") {
            fragment = tail[tail.index(after: hash)...]
            tail = tail[..<hash]
        }
        var text = scheme + "://" + host.lowercased()
        if let mark = tail.firstIndex(of: "?") {
            text += tail[...mark]
            text += Self.redactingParameters(tail[tail.index(after: mark)...])
        } else {
            text += tail
        }
        // Tokens also ride in fragments (`#access_token=…` after a sign-in).
        if let fragment { text += "#" + Self.redactingParameters(fragment) }
        self.text = Redaction.apply(text)
    }

    /// What a profile's `url` holds of an address read from outside: the clean address, or "" when it
    /// is none, so a hostile feed cannot put `javascript:` into a notice. The profile is kept all the same.
    public static func profileURL(_ raw: String?) -> String {
        raw.flatMap(CleanURL.init)?.text ?? ""
    }

    /// `name=value` pairs separated by `&` or `;`, each secret-looking value replaced by the marker.
    static func redactingParameters(_ pairs: Substring) -> String {
        var out = ""
        var rest = pairs
        while let end = rest.firstIndex(where: { $0 == "&" || $0 == ";" }) {
            out += redacting(pair: rest[..<end])
            out.append(rest[end])
            rest = rest[rest.index(after: end)...]
        }
        return out + redacting(pair: rest)
    }

    /// One `name=value`, its value replaced by the marker when the name looks secret and there is a value.
    static func redacting(pair: Substring) -> String {
        guard let equals = pair.firstIndex(of: "="), pair.index(after: equals) < pair.endIndex,
              isSecret(name: pair[..<equals])
        else { return String(pair) }
        return String(pair[...equals]) + Redaction.marker
    }

    /// Parameter names that carry a key, a token, a password or a session, compared in lower case
    /// after %-decoding. `t` is X's share token, which names the account that shared the link.
    static let secretNames: Set<String> = [
        "access_token", "token", "key", "api_key", "apikey", "sig", "signature", "password", "pass", "passwd",
        "pwd", "secret", "auth", "code", "session", "sid", "jwt", "t",
    ]
    /// Words that make any parameter holding them secret: `oauth_token`, `client_secret`, `X-Amz-Signature`.
    static let secretWords = ["token", "secret", "passw", "signature", "session", "sessid", "apikey", "api_key", "credential"]

    static func isSecret(name: Substring) -> Bool {
        let name = String(name).removingPercentEscapesOrSelf.lowercased()
        return secretNames.contains(name) || secretWords.contains { name.contains($0) }
    }
}
