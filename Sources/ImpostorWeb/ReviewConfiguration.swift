import Foundation
import ImpostorCore

/// Where the review page listens and who may use it.
public struct ReviewConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Required when `host` is not a loopback address; read from a file, never from the command line.
    public var password: String?
    /// Who decides when nobody logs in (loopback): the operating-system user running impostor.
    public var localUser: String
    /// Names the page answers to besides its address (`[review] host_names`), for a wider `--listen`.
    public var hostNames: [String]

    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Parses `host:port` (`[::1]:8080` for IPv6) and refuses a non-loopback address without a password,
    /// and a shared store's page (`accounts`, clerks signing in) on anything but loopback.
    public init(listen: String, password: String?, localUser: String, hostNames: [String] = [], accounts: Bool = false)
        throws(Refusal)
    {
        var host = listen
        var port = 8080
        if listen.hasPrefix("[") {
            guard let close = listen.firstIndex(of: "]") else {
                throw Refusal(description: "--listen \(listen): an IPv6 address goes in brackets, e.g. [::1]:8080")
            }
            host = String(listen[listen.index(after: listen.startIndex)..<close])
            let rest = listen[listen.index(after: close)...]
            if rest.hasPrefix(":") {
                guard let p = Int(rest.dropFirst()) else { throw Refusal(description: "--listen \(listen): the port is not a number") }
                port = p
            }
        } else if let colon = listen.lastIndex(of: ":") {
            host = String(listen[..<colon])
            guard let p = Int(listen[listen.index(after: colon)...]) else {
                throw Refusal(description: "--listen \(listen): the port is not a number (use host:port, e.g. 127.0.0.1:8080)")
            }
            port = p
        }
        guard (1...65535).contains(port) else { throw Refusal(description: "--listen \(listen): ports run from 1 to 65535") }
        if host.isEmpty { host = "127.0.0.1" }
        if accounts, !LoopbackHost.contains(host) {
            throw Refusal(description: """
                refusing to serve a shared store's page on \(host): clerks' passwords would cross the network \
                unencrypted, and browsers keep the sign-in cookie only over HTTPS. Listen on 127.0.0.1 and \
                put the association's HTTPS proxy in front (it passes the client's address in X-Forwarded-For).
                """)
        }
        if !LoopbackHost.contains(host), (password ?? "").isEmpty {
            throw Refusal(description: """
                refusing to serve the review page on \(host): anyone on that network could read and decide cases. \
                Put a password in a file readable only by impostor and name it with --password-file \
                (or [review] password_file in impostor.toml), or listen on 127.0.0.1 and use an SSH tunnel.
                """)
        }
        self.host = host
        self.port = port
        self.password = password
        self.localUser = localUser
        self.hostNames = hostNames.map { Self.bare($0) }
    }

    /// The page's address as a browser writes it: IPv6 in brackets.
    public var address: String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    /// Whether a request's `Host` names this server: the port it listens on, and a host that is its
    /// own address, an IP address (a DNS-rebinding page can only bring a name), `localhost`, or one
    /// of `hostNames`.
    public func answersTo(authority: String) -> Bool {
        var name = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return false }
            name = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return false }
                portText = rest.dropFirst()
            }
            guard IPAddressText.isIPv6(name) else { return false }
        } else if let colon = authority.firstIndex(of: ":") {
            name = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        }
        if let portText, Int(portText) != port { return false }
        let bare = Self.bare(name)
        return bare == Self.bare(host) || bare == "localhost" || IPAddressText.isIPv4(bare) || IPAddressText.isIPv6(bare)
            || hostNames.contains(bare)
    }

    /// Lower case, without a trailing dot.
    static func bare(_ name: String) -> String {
        var n = name.lowercased()
        while n.hasSuffix(".") { n.removeLast() }
        return n
    }

    public var isLoopback: Bool { LoopbackHost.contains(host) }
}
