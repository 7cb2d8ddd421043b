import Foundation

/// One HTTP request: a GET for reading listings, or a POST for sending a report the clerk asked for.
public struct HTTPRequest: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case get = "GET", post = "POST"
    }

    public var url: String
    public var method: Method
    /// Extra request headers as "Name: value" pairs (Authorization, If-None-Match, Accept, Content-Type).
    public var headers: [String: String]
    /// The body of a POST, sent as it is.
    public var body: [UInt8]
    /// When set, every address the transfer connects to (redirects included) must pass this guard.
    public var addressGuard: AddressGuard?
    /// Overrides the client's maximum body size, counted after decompression.
    public var maxBodyBytes: Int?

    public init(url: String, headers: [String: String] = [:], addressGuard: AddressGuard? = nil, maxBodyBytes: Int? = nil) {
        self.url = url
        self.method = .get
        self.headers = headers
        self.body = []
        self.addressGuard = addressGuard
        self.maxBodyBytes = maxBodyBytes
    }

    /// A POST of `body`, labelled with its content type.
    public static func post(_ url: String, body: [UInt8], contentType: String, headers: [String: String] = [:]) -> HTTPRequest {
        var request = HTTPRequest(url: url, headers: headers)
        request.method = .post
        request.body = body
        request.headers["Content-Type"] = contentType
        return request
    }
}

/// One HTTP response, whatever its status.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    /// Header names in lower case; the last value wins when a header repeats.
    public var headers: [String: String]
    /// The decoded body.
    public var body: [UInt8]
    /// The URL after redirects.
    public var effectiveURL: String
    /// True when a 304 let the session answer from its cache.
    public var fromCache = false
    /// The HTTP version the answer came in: "1.0", "1.1", "2" or "3" (empty when unknown).
    public var httpVersion = ""

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = [], effectiveURL: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
        self.effectiveURL = effectiveURL
    }

    /// A header by its lower-case name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends HTTP requests. `CurlHTTPClient` is the live one; tests of pure logic may use a fake.
public protocol HTTPClient: Sendable {
    /// Performs one request. Throws only for transport failures; any HTTP status is a response.
    func send(_ request: HTTPRequest) async throws(FetchError) -> HTTPResponse
}

/// How the live client behaves: limits, timeouts and identity.
public struct HTTPClientConfiguration: Sendable, Hashable {
    /// Transfers in flight at once, over all hosts.
    public var maxConnections: Int = 32
    /// Transfers in flight at once to one host.
    public var maxConnectionsPerHost: Int = 8
    /// Milliseconds to establish a connection, TLS included.
    public var connectTimeoutMilliseconds: Int = 10_000
    /// Milliseconds for a whole transfer.
    public var totalTimeoutMilliseconds: Int = 60_000
    /// A transfer slower than `lowSpeedBytesPerSecond` for `lowSpeedSeconds` is abandoned.
    public var lowSpeedBytesPerSecond: Int = 100
    public var lowSpeedSeconds: Int = 20
    /// The largest body accepted, counted after decompression, so a gzip bomb stops here.
    public var maxBodyBytes: Int = 16 << 20
    public var maxRedirects: Int = 5
    /// A PEM bundle of CAs to trust instead of the system store (a council proxy or a test CA).
    /// Verification itself is never turned off.
    public var caBundlePath: String?
    public var userAgent: String = "impostor/0.1 (+https://github.com/impostor-council/impostor)"
    /// The proxies to use, by default from `http_proxy`, `https_proxy`, `all_proxy` and `no_proxy`.
    public var proxy = ProxySettings(environment: ProcessInfo.processInfo.environment)
    /// The local IP address requests leave from (a worker's `--source-address`); nil lets the system choose.
    public var sourceAddress: String?

    public init() {}
}
