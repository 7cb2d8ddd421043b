import CCurl

/// A URL's scheme, host and port as libcurl itself parses them, so impostor's checks and the
/// transfer never disagree about which host a URL names.
struct URLParts: Sendable, Hashable {
    /// Lower case: "http", "https".
    let scheme: String
    /// Lower case, IPv6 addresses without their brackets.
    let host: String
    /// The explicit port or the scheme's default.
    let port: Int

    init?(_ url: String) {
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, url, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK,
            let scheme = Self.part(handle, CURLUPART_SCHEME), let host = Self.part(handle, CURLUPART_HOST)
        else { return nil }
        self.scheme = scheme.lowercased()
        var bare = host.lowercased()
        if bare.hasPrefix("[") && bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        self.host = bare
        self.port = Self.part(handle, CURLUPART_PORT, flags: UInt32(CURLU_DEFAULT_PORT)).flatMap { Int($0) } ?? 0
    }

    /// Whether `text` is an http or https URL with a host: the only avatars impostor downloads.
    static func isWebAddress(_ text: String) -> Bool {
        guard let parts = URLParts(text) else { return false }
        return (parts.scheme == "http" || parts.scheme == "https") && !parts.host.isEmpty
    }

    /// The host as a URL writes it: IPv6 addresses in brackets.
    var authorityHost: String { host.contains(":") ? "[\(host)]" : host }

    /// `location` (absolute or relative) resolved against `base`, as a redirect would be.
    static func resolve(_ location: String, against base: String) -> String? {
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        let flags = UInt32(CURLU_NON_SUPPORT_SCHEME)
        guard curl_url_set(handle, CURLUPART_URL, base, flags) == CURLUE_OK,
            curl_url_set(handle, CURLUPART_URL, location, flags) == CURLUE_OK
        else { return nil }
        return part(handle, CURLUPART_URL)
    }

    private static func part(_ handle: OpaquePointer, _ what: CURLUPart, flags: UInt32 = 0) -> String? {
        var out: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, what, &out, flags) == CURLUE_OK, let out else { return nil }
        defer { curl_free(out) }
        return String(cString: out)
    }
}
