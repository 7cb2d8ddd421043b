import Foundation
import ImpostorCore

/// Which proxy a URL goes through, read once from the standard variables (council networks often
/// allow the web only through one).
///
/// impostor decides the route itself and tells libcurl, instead of letting libcurl read the
/// environment, so the address guard knows for certain when a proxy will connect on its behalf.
/// The rules follow curl's: `http_proxy` only in lower case (a web server may set `HTTP_PROXY`
/// from a request header), `https_proxy` and `all_proxy` in either case, `no_proxy` naming hosts,
/// domains (with or without a leading dot), IP addresses, CIDR ranges or `*`.
public struct ProxySettings: Sendable, Hashable {
    /// The proxy for http URLs.
    public var http: String?
    /// The proxy for https URLs.
    public var https: String?
    /// The proxy for URLs the two above do not cover.
    public var all: String?
    /// Hosts reached directly.
    public var noProxy: [String]

    public init(http: String? = nil, https: String? = nil, all: String? = nil, noProxy: [String] = []) {
        self.http = http
        self.https = https
        self.all = all
        self.noProxy = noProxy
    }

    /// The settings `environment` gives.
    public init(environment: [String: String]) {
        func value(_ names: String...) -> String? {
            for name in names {
                if let v = environment[name]?.trimmingSpaces(), !v.isEmpty { return v }
            }
            return nil
        }
        let http = value("http_proxy"), https = value("https_proxy", "HTTPS_PROXY"), all = value("all_proxy", "ALL_PROXY")
        // A proxy's password is a secret like any other.
        for proxy in [http, https, all].compactMap({ $0 }) { Self.password(in: proxy).map(Redaction.register) }
        self.init(
            http: http, https: https, all: all,
            noProxy: (value("no_proxy", "NO_PROXY") ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init))
    }

    /// The password in a proxy's `user:password@` part, with or without a scheme.
    static func password(in proxy: String) -> String? {
        var rest = Substring(proxy)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let at = rest.lastIndex(of: "@") else { return nil }
        let user = rest[..<at]
        guard !user.contains("/"), let colon = user.firstIndex(of: ":") else { return nil }
        let password = user[user.index(after: colon)...]
        return password.isEmpty ? nil : String(password.removingPercentEncoding ?? String(password))
    }

    /// True when any proxy is set.
    public var isSet: Bool { http != nil || https != nil || all != nil }

    /// The proxy `url` goes through, or nil when it is fetched directly.
    public func proxy(for url: String) -> String? {
        guard let parts = URLParts(url) else { return nil }
        let chosen: String?
        switch parts.scheme {
        case "http": chosen = http ?? all
        case "https": chosen = https ?? all
        default: chosen = all
        }
        guard let chosen else { return nil }
        return bypasses(parts.host) ? nil : chosen
    }

    /// True when `host` (a name or a numeric address, without brackets) is on the `no_proxy` list.
    func bypasses(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: ["."])
        let address = AddressGuard.parse(host)
        for raw in noProxy {
            var entry = raw.lowercased()
            if entry == "*" { return true }
            if entry.hasPrefix("[") { entry = String(entry.dropFirst().prefix { $0 != "]" }) }
            if let address, let (network, bits) = Self.cidr(entry) {
                if Self.contains(network, bits: bits, address) { return true }
                continue
            }
            entry = entry.trimmingCharacters(in: ["."])
            if entry.isEmpty { continue }
            if host == entry || (address == nil && host.hasSuffix("." + entry)) { return true }
        }
        return false
    }

    /// An address or a CIDR range ("10.0.0.0/8", "::1") as network bytes and a prefix length.
    private static func cidr(_ entry: String) -> ([UInt8], Int)? {
        let parts = entry.split(separator: "/", maxSplits: 1)
        guard let network = AddressGuard.parse(String(parts[0])) else { return nil }
        let bits = parts.count == 2 ? Int(parts[1]) ?? -1 : network.count * 8
        guard (0...network.count * 8).contains(bits) else { return nil }
        return (network, bits)
    }

    private static func contains(_ network: [UInt8], bits: Int, _ address: [UInt8]) -> Bool {
        guard network.count == address.count else { return false }
        for i in 0..<network.count {
            let keep = max(0, min(8, bits - i * 8))
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - keep))
            if network[i] & mask != address[i] & mask { return false }
        }
        return true
    }
}
