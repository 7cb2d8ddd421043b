extension CurlHTTPClient {
    /// Fetches a stranger's URL when proxies are configured.
    ///
    /// A proxy connects on impostor's behalf, so the socket callback would only ever see the proxy's
    /// address. Instead each hop is checked here before it is sent: the host is resolved and every
    /// address it has must pass the guard, and redirects are followed one by one so each new host is
    /// checked too. An https hop is pinned: the proxy tunnels to the address checked. Hops that
    /// `no_proxy` sends directly keep the connect-time check.
    func sendGuarded(_ request: HTTPRequest, _ addressGuard: AddressGuard) async -> Result<HTTPResponse, FetchError> {
        var url = request.url
        var redirects = 0
        while true {
            guard let parts = URLParts(url), parts.scheme == "http" || parts.scheme == "https" else {
                return .failure(FetchError(.scheme, "only http and https URLs are fetched, also after a redirect", url: url))
            }
            var route = TransferRoute(proxy: configuration.proxy.proxy(for: url), followRedirects: false)
            if route.proxy != nil && !addressGuard.allowPrivate {
                switch await Self.check(parts, addressGuard, url: url) {
                case .failure(let error): return .failure(error)
                case .success(let address):
                    if parts.scheme == "https" {
                        route.connectTo = "\(parts.authorityHost):\(parts.port):\(HostResolver.text(address)):\(parts.port)"
                    }
                }
            }
            var hop = request
            hop.url = url
            let response: HTTPResponse
            switch await perform(hop, route: route) {
            case .failure(let error): return .failure(error)
            case .success(let r): response = r
            }
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.header("location") else {
                return .success(response)
            }
            redirects += 1
            guard redirects <= configuration.maxRedirects else {
                return .failure(FetchError(.redirects, "too many redirects", url: request.url))
            }
            guard let next = URLParts.resolve(location, against: url) else {
                return .failure(FetchError(.badResponse, "the server redirected to an address that is not a URL", url: url))
            }
            url = next
        }
    }

    /// Resolves the hop's host and returns its first address once every address passed the guard:
    /// a name with one public and one private address could otherwise reach the private one.
    private static func check(_ parts: URLParts, _ addressGuard: AddressGuard, url: String) async -> Result<[UInt8], FetchError> {
        switch await HostResolver.addresses(of: parts.host) {
        case .failure(let error):
            return .failure(
                FetchError(
                    .connection,
                    "\(error.reason), so its address cannot be checked before the proxy fetches it (allow_private_addresses skips the check)",
                    url: url))
        case .success(let addresses):
            for address in addresses {
                if let reason = addressGuard.refusal(for: address) {
                    return .failure(FetchError(.blockedAddress, "refused to fetch \(parts.host) through the proxy: it resolves to \(reason)", url: url))
                }
            }
            return .success(addresses[0])
        }
    }
}
