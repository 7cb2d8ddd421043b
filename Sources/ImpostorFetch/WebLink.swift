import Foundation

/// A link from a stranger, read as libcurl reads it: for the modules that must judge links before
/// anything is fetched.
public enum WebLink {
    /// Whether `text` is an http or https URL with a host.
    public static func isWeb(_ text: String) -> Bool { URLParts.isWebAddress(text) }

    /// The host (lower case, no "www.") and the words of the path.
    public static func hostAndPath(_ text: String) -> (host: String, path: [String]) {
        guard let parts = URLParts(text) else { return ("", []) }
        var host = parts.host
        while host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var rest = Substring(text)
        if let r = rest.range(of: "://") { rest = rest[r.upperBound...] }
        rest = rest.drop { $0 != "/" }
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        return (host, rest.split(separator: "/").map(String.init))
    }
}
