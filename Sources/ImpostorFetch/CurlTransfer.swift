import CCurl
import Foundation
import ImpostorCore
import Synchronization

/// The state of one transfer while libcurl runs it: the request, the body so far, the headers and
/// the reasons the callbacks stopped it.
///
/// `@unchecked Sendable` is safe because, once submitted, every mutable field is touched only on the
/// engine's loop thread (curl calls the callbacks there); `cancelled` is atomic and is the only field
/// other threads write.
final class CurlTransfer: @unchecked Sendable {
    let request: HTTPRequest
    let route: TransferRoute
    let host: String
    let maxBodyBytes: Int
    let continuation: CheckedContinuation<Result<HTTPResponse, FetchError>, Never>
    let cancelled = Atomic<Bool>(false)

    var body: [UInt8] = []
    var headers: [String: String] = [:]
    var tooLarge = false
    var blockedReason: String?
    var headerList: UnsafeMutablePointer<curl_slist>?
    var connectToList: UnsafeMutablePointer<curl_slist>?

    init(
        request: HTTPRequest, route: TransferRoute, maxBodyBytes: Int,
        continuation: CheckedContinuation<Result<HTTPResponse, FetchError>, Never>
    ) {
        self.request = request
        self.route = route
        self.host = Self.host(of: request.url)
        self.maxBodyBytes = request.maxBodyBytes ?? maxBodyBytes
        self.continuation = continuation
    }

    /// The lower-cased host (with port) of a URL, used to count connections per host.
    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let r = rest.range(of: "://") { rest = rest[r.upperBound...] }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        return rest.lowercased()
    }

    /// Configures a fresh easy handle for this transfer. Returns a reason when an option is refused.
    func configure(_ easy: UnsafeMutableRawPointer, _ config: HTTPClientConfiguration) -> FetchError? {
        let me = Unmanaged.passUnretained(self).toOpaque()
        var failed: CURLoption?
        func set(_ option: CURLoption, _ value: Int) {
            if ccurl_easy_setopt_long(easy, option, value) != CURLE_OK { failed = failed ?? option }
        }
        func set(_ option: CURLoption, _ value: String) {
            if ccurl_easy_setopt_string(easy, option, value) != CURLE_OK { failed = failed ?? option }
        }
        set(CURLOPT_URL, request.url)
        // Signals are unsafe with threads; curl would otherwise use SIGALRM for DNS timeouts.
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_PROTOCOLS_STR, "http,https")
        set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        // A POST is never followed: curl would resend it as a GET, or resend a report to another host.
        set(CURLOPT_FOLLOWLOCATION, route.followRedirects && request.method == .get ? 1 : 0)
        set(CURLOPT_MAXREDIRS, config.maxRedirects)
        // "" turns the proxy off whatever the environment says: the route was decided in Swift.
        set(CURLOPT_PROXY, route.proxy ?? "")
        set(CURLOPT_NOPROXY, route.noProxy)
        if let connectTo = route.connectTo {
            connectToList = curl_slist_append(nil, connectTo)
            if ccurl_easy_setopt_slist(easy, CURLOPT_CONNECT_TO, connectToList) != CURLE_OK { failed = failed ?? CURLOPT_CONNECT_TO }
        }
        set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        // Concurrent requests to an https host wait to learn whether its first connection speaks
        // HTTP/2, and then share it instead of each opening its own.
        if request.url.lowercased().hasPrefix("https:") { set(CURLOPT_PIPEWAIT, 1) }
        // "" asks for every encoding this libcurl decodes (gzip, deflate, br, zstd).
        set(CURLOPT_ACCEPT_ENCODING, "")
        set(CURLOPT_CONNECTTIMEOUT_MS, config.connectTimeoutMilliseconds)
        set(CURLOPT_TIMEOUT_MS, config.totalTimeoutMilliseconds)
        set(CURLOPT_LOW_SPEED_LIMIT, config.lowSpeedBytesPerSecond)
        set(CURLOPT_LOW_SPEED_TIME, config.lowSpeedSeconds)
        set(CURLOPT_SSL_VERIFYPEER, 1)
        set(CURLOPT_SSL_VERIFYHOST, 2)
        if let ca = config.caBundlePath { set(CURLOPT_CAINFO, ca) }
        set(CURLOPT_USERAGENT, config.userAgent)
        // "host!" makes libcurl bind to this address and never read it as an interface name.
        if let source = config.sourceAddress { set(CURLOPT_INTERFACE, "host!" + source) }
        // An announced length over the limit fails before any byte arrives; the write callback
        // still counts decoded bytes, which is what stops a compressed bomb.
        if ccurl_easy_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxBodyBytes)) != CURLE_OK {
            failed = failed ?? CURLOPT_MAXFILESIZE_LARGE
        }
        if request.method == .post {
            set(CURLOPT_POST, 1)
            // The size first, so COPYPOSTFIELDS copies exactly the body's bytes, NULs included.
            if ccurl_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)) != CURLE_OK {
                failed = failed ?? CURLOPT_POSTFIELDSIZE_LARGE
            }
            let copied = request.body.isEmpty
                ? ccurl_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "")
                : request.body.withUnsafeBytes { ccurl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress)) }
            if copied != CURLE_OK { failed = failed ?? CURLOPT_COPYPOSTFIELDS }
            // No "Expect: 100-continue" round trip: report bodies are small.
            headerList = curl_slist_append(headerList, "Expect:")
        }
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        if let headerList { _ = ccurl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList) }

        _ = ccurl_easy_setopt_write_callback(easy, CURLOPT_WRITEFUNCTION, curlWriteBody)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, me)
        _ = ccurl_easy_setopt_write_callback(easy, CURLOPT_HEADERFUNCTION, curlWriteHeader)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, me)
        set(CURLOPT_NOPROGRESS, 0)
        _ = ccurl_easy_setopt_xferinfo_callback(easy, curlProgress)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_XFERINFODATA, me)
        // Through a proxy every socket goes to the proxy, which the administrator chose; the target's
        // addresses were checked before the transfer started (see `CurlHTTPClient.sendGuarded`).
        if request.addressGuard != nil && route.proxy == nil {
            _ = ccurl_easy_setopt_opensocket_callback(easy, curlOpenSocket)
            _ = ccurl_easy_setopt_pointer(easy, CURLOPT_OPENSOCKETDATA, me)
        }
        if let failed {
            return FetchError(.configuration, "libcurl refused option \(failed.rawValue)", url: request.url)
        }
        return nil
    }

    /// The response or the error once curl reports `code` for this transfer.
    func outcome(_ easy: UnsafeMutableRawPointer, code: CURLcode) -> Result<HTTPResponse, FetchError> {
        if code == CURLE_OK {
            var status = 0
            _ = ccurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
            var effective: UnsafeMutablePointer<CChar>?
            _ = ccurl_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
            let url = effective.map { String(cString: $0) } ?? request.url
            var version = 0
            _ = ccurl_easy_getinfo_long(easy, CURLINFO_HTTP_VERSION, &version)
            var response = HTTPResponse(status: status, headers: headers, body: body, effectiveURL: url)
            response.httpVersion = Self.versionNames[version] ?? ""
            return .success(response)
        }
        return .failure(error(for: code))
    }

    private static let versionNames = [
        Int(CURL_HTTP_VERSION_1_0): "1.0", Int(CURL_HTTP_VERSION_1_1): "1.1", Int(CURL_HTTP_VERSION_2_0): "2",
        Int(CURL_HTTP_VERSION_3): "3",
    ]

    private func error(for code: CURLcode) -> FetchError {
        let url = request.url
        let curlText = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return FetchError(.timeout, "the server did not answer in time: \(curlText)", url: url)
        case CURLE_WRITE_ERROR where tooLarge, CURLE_FILESIZE_EXCEEDED:
            return FetchError(.tooLarge, "the response is larger than the \(maxBodyBytes)-byte limit", url: url)
        case CURLE_COULDNT_CONNECT where blockedReason != nil:
            return FetchError(.blockedAddress, "refused to connect to \(blockedReason!)", url: url)
        case CURLE_TOO_MANY_REDIRECTS:
            return FetchError(.redirects, "too many redirects", url: url)
        case CURLE_UNSUPPORTED_PROTOCOL:
            return FetchError(.scheme, "only http and https URLs are fetched, also after a redirect", url: url)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            return FetchError(.tls, "TLS verification failed: \(curlText)", url: url)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return FetchError(.connection, "the connection broke before the response was complete: \(curlText)", url: url)
        case CURLE_COULDNT_RESOLVE_PROXY:
            return FetchError(.connection, "cannot resolve the proxy \(FetchError.redact(route.proxy ?? "")): \(curlText)", url: url)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST:
            return FetchError(.connection, "cannot connect: \(curlText)", url: url)
        case CURLE_BAD_CONTENT_ENCODING:
            return FetchError(.badResponse, "the compressed body is corrupt: \(curlText)", url: url)
        case CURLE_ABORTED_BY_CALLBACK:
            return FetchError(.cancelled, "the request was cancelled", url: url)
        case CURLE_URL_MALFORMAT:
            return FetchError(.configuration, "the URL is malformed", url: url)
        default:
            return FetchError(.other, "libcurl error \(code.rawValue): \(curlText)", url: url)
        }
    }

    deinit {
        if let headerList { curl_slist_free_all(headerList) }
        if let connectToList { curl_slist_free_all(connectToList) }
    }
}

// The callbacks below cannot capture context; each recovers its transfer from the pointer curl passes.

/// Appends decoded body bytes, aborting once the total passes the limit (returning 0 stops curl).
private let curlWriteBody: curl_write_callback = { data, size, count, context in
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
    let length = size * count
    if transfer.body.count + length > transfer.maxBodyBytes {
        transfer.tooLarge = true
        return 0
    }
    if let data, length > 0 {
        data.withMemoryRebound(to: UInt8.self, capacity: length) {
            transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
        }
    }
    return length
}

/// Collects header lines; a status line starts a new response (after a redirect or a 100 Continue).
private let curlWriteHeader: curl_write_callback = { data, size, count, context in
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
    let length = size * count
    guard let data, length > 0 else { return length }
    let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") {
        transfer.headers = [:]
    } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].lowercased()
        let value = String(line[line.index(after: colon)...]).trimmingSpaces()
        transfer.headers[name] = value
    }
    return length
}

/// Aborts a transfer whose task was cancelled.
private let curlProgress: curl_xferinfo_callback = { context, _, _, _, _ in
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
    return transfer.cancelled.load(ordering: .relaxed) ? 1 : 0
}

/// Checks each resolved address against the request's guard before a socket is opened.
private let curlOpenSocket: curl_opensocket_callback = { context, _, address in
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
    guard let address, let addressGuard = transfer.request.addressGuard else { return CURL_SOCKET_BAD }
    var raw = [UInt8](repeating: 0, count: 16)
    let count = Int(ccurl_sockaddr_bytes(address, &raw))
    if let reason = count == 0 ? "an address of unknown family" : addressGuard.refusal(for: Array(raw.prefix(count))) {
        transfer.blockedReason = reason
        return CURL_SOCKET_BAD
    }
    return ccurl_open_socket(address)
}
