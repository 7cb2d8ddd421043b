/// How one transfer reaches its server, decided in Swift before libcurl sees it.
struct TransferRoute: Sendable, Hashable {
    /// The proxy URL, or nil to connect directly whatever the environment says.
    var proxy: String?
    /// Hosts libcurl reaches directly when a redirect leads there; "" for none.
    var noProxy = ""
    /// False when impostor follows redirects itself, to check each hop before a proxy connects to it.
    var followRedirects = true
    /// "host:port:address:port" for CURLOPT_CONNECT_TO: the proxy is asked to tunnel to the address
    /// impostor checked, not to a name it would resolve again.
    var connectTo: String?
}
