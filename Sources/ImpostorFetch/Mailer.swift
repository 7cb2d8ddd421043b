import CCurl
import Foundation
import ImpostorCore
import Synchronization

/// Sends e-mail through libcurl's SMTP: MAIL FROM, one RCPT TO per recipient, the message as an
/// upload. Each send runs on a thread of its own, never on Swift's cooperative pool.
public struct Mailer: Sendable {
    public init() {}

    /// Sends `message` through `server`, or throws why not.
    public func send(_ message: MailMessage, via server: MailServer) async throws(MailError) {
        let password = try Self.password(for: server)
        let upload = MailUpload(
            bytes: try message.rendered(), from: try MailMessage.address(message.from, role: "sender"),
            to: try message.to.map { address throws(MailError) in try MailMessage.address(address, role: "recipient") })
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, MailError>, Never>) in
                Thread { continuation.resume(returning: upload.perform(server, password: password)) }.start()
            }
        } onCancel: {
            upload.cancelled.store(true, ordering: .relaxed)
        }
        try result.get()
    }

    /// Connects, says EHLO, starts TLS and logs in, then hangs up without sending anything: what
    /// `impostor doctor` asks of the digest's server.
    public func checkLogin(_ server: MailServer) async throws(MailError) {
        let password = try Self.password(for: server)
        let probe = MailUpload(bytes: [], from: "", to: [], connectOnly: true)
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, MailError>, Never>) in
            Thread { continuation.resume(returning: probe.perform(server, password: password)) }.start()
        }
        try result.get()
    }

    /// The password's first line, when the server has a login; checks the URL's scheme first.
    private static func password(for server: MailServer) throws(MailError) -> String? {
        let lower = server.url.lowercased()
        guard lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://") else {
            throw MailError(.configuration, "the mail server URL must start with smtp:// or smtps://")
        }
        guard server.username != nil else { return nil }
        guard let path = server.passwordFile else {
            throw MailError(.configuration, "the mail server has a user name but no password file")
        }
        return try passwordLine(path)
    }

    /// The first line of a mail password file, registered for redaction. Spaces are kept: they may be
    /// part of the password.
    static func passwordLine(_ path: String) throws(MailError) -> String {
        guard let bytes = try? RegularFile.read(path, maxBytes: 64 << 10) else {
            throw MailError(.configuration, "cannot read the mail password file \(path) (it must be a small regular file)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let first = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard !first.isEmpty else { throw MailError(.configuration, "the mail password file \(path) is empty") }
        Redaction.register(first)
        return first
    }
}

/// One message on its way: the bytes curl reads, and what the callbacks need.
///
/// `@unchecked Sendable` is safe: `offset` is touched only by curl's callbacks on the one thread
/// that runs the transfer; everything else is immutable except `cancelled`, which is atomic.
final class MailUpload: @unchecked Sendable {
    let bytes: [UInt8]
    let from: String
    let to: [String]
    var offset = 0
    let cancelled = Atomic<Bool>(false)
    /// Only connect and log in (libcurl's connect phase holds EHLO, STARTTLS and AUTH): no message.
    let connectOnly: Bool

    init(bytes: [UInt8], from: String, to: [String], connectOnly: Bool = false) {
        self.bytes = bytes
        self.from = from
        self.to = to
        self.connectOnly = connectOnly
    }

    /// Runs the SMTP conversation; blocks its thread until the server has the message or refused it.
    func perform(_ server: MailServer, password: String?) -> Result<Void, MailError> {
        CurlGlobal.initialize()
        guard let easy = curl_easy_init() else { return .failure(MailError(.other, "libcurl could not create a handle")) }
        var recipients: UnsafeMutablePointer<curl_slist>?
        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer {
            curl_easy_cleanup(easy)
            if let recipients { curl_slist_free_all(recipients) }
        }
        var failed: CURLoption?
        func set(_ option: CURLoption, _ value: Int) {
            if ccurl_easy_setopt_long(easy, option, value) != CURLE_OK { failed = failed ?? option }
        }
        func set(_ option: CURLoption, _ value: String) {
            if ccurl_easy_setopt_string(easy, option, value) != CURLE_OK { failed = failed ?? option }
        }
        set(CURLOPT_URL, server.url)
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        // Mail goes straight to the council's server; web proxies are for web traffic.
        set(CURLOPT_PROXY, "")
        set(CURLOPT_USE_SSL, Int(server.requireTLS ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue))
        set(CURLOPT_SSL_VERIFYPEER, 1)
        set(CURLOPT_SSL_VERIFYHOST, 2)
        if let ca = server.caBundle { set(CURLOPT_CAINFO, ca) }
        if let username = server.username, let password {
            set(CURLOPT_USERNAME, username)
            set(CURLOPT_PASSWORD, password)
        }
        set(CURLOPT_CONNECTTIMEOUT_MS, min(server.timeoutMilliseconds, 15_000))
        set(CURLOPT_TIMEOUT_MS, server.timeoutMilliseconds)
        if connectOnly {
            set(CURLOPT_CONNECT_ONLY, 1)
        } else {
            set(CURLOPT_MAIL_FROM, "<\(from)>")
            for address in to { recipients = curl_slist_append(recipients, "<\(address)>") }
            if ccurl_easy_setopt_slist(easy, CURLOPT_MAIL_RCPT, recipients) != CURLE_OK { failed = failed ?? CURLOPT_MAIL_RCPT }
            set(CURLOPT_UPLOAD, 1)
            if ccurl_easy_setopt_off(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.count)) != CURLE_OK {
                failed = failed ?? CURLOPT_INFILESIZE_LARGE
            }
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_easy_setopt_read_callback(easy, mailRead)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_READDATA, me)
        set(CURLOPT_NOPROGRESS, 0)
        _ = ccurl_easy_setopt_xferinfo_callback(easy, mailProgress)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_XFERINFODATA, me)
        if let failed { return .failure(MailError(.configuration, "libcurl refused option \(failed.rawValue)")) }

        let code = errorText.withUnsafeMutableBufferPointer { buffer -> CURLcode in
            _ = ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            defer { _ = ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, nil) }
            return curl_easy_perform(easy)
        }
        if code == CURLE_OK { return .success(()) }
        var detail = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if detail.isEmpty { detail = String(cString: curl_easy_strerror(code)) }
        // The password never leaves this function, not even inside a server's echo.
        if let password, !password.isEmpty { detail = detail.replacingOccurrences(of: password, with: "***") }
        return .failure(Self.error(for: code, detail: detail, server: server))
    }

    private static func error(for code: CURLcode, detail: String, server: MailServer) -> MailError {
        let host = FetchError.redact(server.url)
        switch code {
        case CURLE_USE_SSL_FAILED:
            return MailError(.tls, "\(host) does not offer STARTTLS and TLS is required, so nothing was sent: \(detail)")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            return MailError(.tls, "TLS with \(host) failed, so nothing was sent: \(detail)")
        case CURLE_LOGIN_DENIED:
            return MailError(.login, "\(host) refused the user name or password for \(server.username ?? "(none)"): \(detail)")
        case CURLE_OPERATION_TIMEDOUT:
            return MailError(.timeout, "\(host) did not answer in time: \(detail)")
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_GOT_NOTHING:
            return MailError(.connection, "cannot reach \(host): \(detail)")
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_WEIRD_SERVER_REPLY:
            // An SMTP reply code in curl's text means the server said no; otherwise the line broke.
            if detail.range(of: #"\b[45][0-9][0-9]\b"#, options: .regularExpression) != nil {
                return MailError(.refused, "\(host) refused the message: \(detail)")
            }
            return MailError(.connection, "the connection to \(host) broke: \(detail)")
        case CURLE_ABORTED_BY_CALLBACK:
            return MailError(.cancelled, "sending the mail was cancelled")
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return MailError(.configuration, "the mail server URL is not usable: \(detail)")
        default:
            return MailError(.other, "libcurl error \(code.rawValue) talking to \(host): \(detail)")
        }
    }
}

// The callbacks below cannot capture context; each recovers its upload from the pointer curl passes.

/// Copies the next part of the message into curl's buffer; 0 ends the upload.
private let mailRead: curl_read_callback = { buffer, size, count, context in
    let upload = Unmanaged<MailUpload>.fromOpaque(context!).takeUnretainedValue()
    let room = size * count
    let length = min(room, upload.bytes.count - upload.offset)
    guard let buffer, length > 0 else { return 0 }
    upload.bytes.withUnsafeBufferPointer { source in
        UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + upload.offset, byteCount: length)
    }
    upload.offset += length
    return length
}

/// Aborts a send whose task was cancelled.
private let mailProgress: curl_xferinfo_callback = { context, _, _, _, _ in
    let upload = Unmanaged<MailUpload>.fromOpaque(context!).takeUnretainedValue()
    return upload.cancelled.load(ordering: .relaxed) ? 1 : 0
}
