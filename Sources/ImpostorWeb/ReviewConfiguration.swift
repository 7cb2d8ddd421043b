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

    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Parses `host:port` (`[::1]:8080` for IPv6) and refuses a non-loopback address without a password.
    public init(listen: String, password: String?, localUser: String) throws(Refusal) {
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
    }

    public var isLoopback: Bool { LoopbackHost.contains(host) }
}
