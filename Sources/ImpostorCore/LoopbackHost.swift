/// Whether a host name is this machine: the review page may listen there without a password, and a
/// report may go there over plain http (a test server, a local relay).
public enum LoopbackHost {
    /// `host` without brackets or port.
    public static func contains(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" { return true }
        // Only an IPv4 literal in 127.0.0.0/8: a name such as 127.example.com can point anywhere.
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127"
            && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { ("0"..."9").contains($0) } && UInt8($0) != nil }
    }
}
