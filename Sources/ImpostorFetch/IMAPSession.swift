import CCurl
import Dispatch
import Foundation
import ImpostorCore

/// One conversation with the report mailbox over libcurl's IMAP: one connection, reused for every
/// command, on a serial queue of its own (never on Swift's cooperative pool, since each call blocks).
///
/// libcurl fetches with `UID FETCH n BODY[]`, which marks the message seen; `markUnseen` undoes that
/// until the message's reports are stored, so a crash in between loses nothing.
public final class IMAPSession: @unchecked Sendable {
    // `@unchecked Sendable` is safe: the easy handle and buffers are touched only on `queue`.
    public let mailbox: Mailbox
    private let base: String
    private let folder: String
    private let password: String
    private let queue = DispatchQueue(label: "impostor.imap")
    private var easy: UnsafeMutableRawPointer?
    private let sink = IMAPSink()

    /// Checks the settings and reads the password; connects on the first command.
    public init(_ mailbox: Mailbox) throws(MailError) {
        self.mailbox = mailbox
        (base, folder) = try Self.check(mailbox)
        password = try Mailer.passwordLine(mailbox.passwordFile)
    }

    /// The server and folder of a mailbox whose URL and processed folder are usable.
    public static func check(_ mailbox: Mailbox) throws(MailError) -> (base: String, folder: String) {
        let parts = try split(mailbox.url)
        guard isSafeFolderName(mailbox.processedFolder) else {
            throw MailError(.configuration,
                "processed_folder \"\(mailbox.processedFolder)\" must be letters, digits, dots, dashes, underscores or slashes")
        }
        return parts
    }

    deinit {
        if let easy { curl_easy_cleanup(easy) }
    }

    /// `imaps://host[:port]/FOLDER` split into the server and the folder (INBOX when none is named).
    /// Plain `imap://` would send the password in clear, so it is refused except to this machine.
    static func split(_ url: String) throws(MailError) -> (base: String, folder: String) {
        let lower = url.lowercased()
        let scheme: String
        if lower.hasPrefix("imaps://") { scheme = "imaps" } else if lower.hasPrefix("imap://") { scheme = "imap" } else {
            throw MailError(.configuration, "the report mailbox URL must start with imaps:// (for example imaps://mail.council.gov.uk/INBOX)")
        }
        let rest = url.dropFirst(scheme.count + 3)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ";" }
        guard !authority.isEmpty, !authority.contains("@") else {
            throw MailError(.configuration, "the report mailbox URL needs a host, and no user name in it (use `username`)")
        }
        var folder = String(rest.dropFirst(authority.count).drop { $0 == "/" })
        // Written either way in the settings ("Reports%20In" or "Reports In"): kept decoded, encoded once.
        folder = folder.removingPercentEncoding ?? folder
        if folder.isEmpty { folder = "INBOX" }
        guard !folder.contains(where: { $0 == "?" || $0 == ";" || $0 == "#" || $0.isNewline }) else {
            throw MailError(.configuration, "the report mailbox URL names its folder only (no ?, ; or #): \(FetchError.redact(url))")
        }
        let host = CurlTransfer.host(of: "x://" + authority)
        let bare = host.hasPrefix("[") ? String(host.dropFirst().prefix { $0 != "]" })
            : String(host.split(separator: ":").first ?? "")
        if scheme == "imap" && !LoopbackHost.contains(bare) {
            throw MailError(.configuration,
                "the report mailbox must use imaps:// so the password and residents' mail travel encrypted; imap:// is only for this machine")
        }
        return ("\(scheme)://\(authority)", folder)
    }

    static func isSafeFolderName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && name.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-/".unicodeScalars.contains($0))
        }
    }

    /// The UIDs of the folder's unseen messages, oldest first.
    public func unseen() async throws(MailError) -> [UInt32] {
        let text = try await command(url: folderURL, custom: "UID SEARCH UNSEEN")
        var uids: [UInt32] = []
        for line in text.split(whereSeparator: \.isNewline) where line.uppercased().hasPrefix("* SEARCH") {
            uids += line.dropFirst(8).split(separator: " ").compactMap { UInt32($0) }
        }
        return uids.sorted()
    }

    /// The raw bytes of one message. Marks it seen (libcurl's FETCH does).
    public func fetch(_ uid: UInt32) async throws(MailError) -> [UInt8] {
        try await run(url: folderURL + ";UID=\(uid)", custom: nil, limit: mailbox.maxMessageBytes)
    }

    /// Makes messages unseen again, so the next reading retries them. One command for them all.
    public func markUnseen(_ uids: [UInt32]) async throws(MailError) {
        guard !uids.isEmpty else { return }
        _ = try await command(url: folderURL, custom: "UID STORE \(Self.set(uids)) -FLAGS.SILENT (\\Seen)")
    }

    /// Marks messages seen: read, and left in the mailbox for the clerk.
    public func markSeen(_ uids: [UInt32]) async throws(MailError) {
        guard !uids.isEmpty else { return }
        _ = try await command(url: folderURL, custom: "UID STORE \(Self.set(uids)) +FLAGS.SILENT (\\Seen)")
    }

    /// A UID set as IMAP writes it: "4,7,9".
    static func set(_ uids: [UInt32]) -> String { uids.map(String.init).joined(separator: ",") }

    /// Creates the processed folder when it is missing.
    public func ensureProcessedFolder() async throws(MailError) {
        let list = try await command(url: base + "/", custom: "LIST \"\" \"\(mailbox.processedFolder)\"")
        if list.uppercased().contains("* LIST") { return }
        _ = try await command(url: base + "/", custom: "CREATE \"\(mailbox.processedFolder)\"")
    }

    /// Moves messages into the processed folder (IMAP MOVE, RFC 6851): never a delete.
    public func moveToProcessed(_ uids: [UInt32]) async throws(MailError) {
        guard !uids.isEmpty else { return }
        _ = try await command(url: folderURL, custom: "UID MOVE \(Self.set(uids)) \"\(mailbox.processedFolder)\"")
    }

    private var folderURL: String {
        base + "/" + (folder.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? folder)
    }

    private func command(url: String, custom: String) async throws(MailError) -> String {
        String(decoding: try await run(url: url, custom: custom, limit: 4 << 20), as: UTF8.self)
    }

    private func run(url: String, custom: String?, limit: Int) async throws(MailError) -> [UInt8] {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<[UInt8], MailError>, Never>) in
            queue.async { continuation.resume(returning: self.perform(url: url, custom: custom, limit: limit)) }
        }
        return try result.get()
    }

    /// One libcurl transfer on the kept handle. Runs on `queue` only.
    private func perform(url: String, custom: String?, limit: Int) -> Result<[UInt8], MailError> {
        CurlGlobal.initialize()
        if easy == nil {
            guard let handle = curl_easy_init() else { return .failure(MailError(.other, "libcurl could not create a handle")) }
            easy = handle
            var failed: CURLoption?
            func set(_ option: CURLoption, _ value: Int) {
                if ccurl_easy_setopt_long(handle, option, value) != CURLE_OK { failed = failed ?? option }
            }
            func set(_ option: CURLoption, _ value: String) {
                if ccurl_easy_setopt_string(handle, option, value) != CURLE_OK { failed = failed ?? option }
            }
            set(CURLOPT_NOSIGNAL, 1)
            set(CURLOPT_PROTOCOLS_STR, "imap,imaps")
            set(CURLOPT_PROXY, "")
            set(CURLOPT_SSL_VERIFYPEER, 1)
            set(CURLOPT_SSL_VERIFYHOST, 2)
            if let ca = mailbox.caBundle { set(CURLOPT_CAINFO, ca) }
            set(CURLOPT_USERNAME, mailbox.username)
            set(CURLOPT_PASSWORD, password)
            set(CURLOPT_CONNECTTIMEOUT_MS, min(mailbox.timeoutMilliseconds, 15_000))
            set(CURLOPT_TIMEOUT_MS, mailbox.timeoutMilliseconds)
            _ = ccurl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, imapWrite)
            _ = ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
            if let failed {
                curl_easy_cleanup(handle)
                easy = nil
                return .failure(MailError(.configuration, "libcurl refused option \(failed.rawValue)"))
            }
        }
        guard let handle = easy else { return .failure(MailError(.other, "no libcurl handle")) }
        _ = ccurl_easy_setopt_string(handle, CURLOPT_URL, url)
        _ = ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, custom)
        sink.reset(limit: limit)
        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code = errorText.withUnsafeMutableBufferPointer { buffer -> CURLcode in
            _ = ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            defer { _ = ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil) }
            return curl_easy_perform(handle)
        }
        if code == CURLE_OK { return .success(sink.bytes) }
        var detail = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if detail.isEmpty { detail = String(cString: curl_easy_strerror(code)) }
        if code != CURLE_QUOTE_ERROR && code != CURLE_REMOTE_FILE_NOT_FOUND {
            // A broken connection is not reused: the next command starts a new one.
            curl_easy_cleanup(handle)
            easy = nil
        }
        return .failure(error(code, detail: detail, custom: custom))
    }

    private func error(_ code: CURLcode, detail raw: String, custom: String?) -> MailError {
        // libcurl's words may quote the server's and, for a refused login, end in the raw byte of its
        // response code ("Access denied. \u{2}"): one line, as a header's text is made.
        let detail = HeaderText.oneLine(raw).text
        let host = FetchError.redact(base)
        let what = custom.map { "\"\($0.split(separator: " ").prefix(2).joined(separator: " "))\"" } ?? "reading a message"
        switch code {
        case CURLE_WRITE_ERROR where sink.overflowed:
            return MailError(.refused, "the message is larger than \(mailbox.maxMessageBytes >> 20) MB; it stays in the mailbox unread")
        case CURLE_LOGIN_DENIED where detail.lowercased().contains("select failed"):
            // libcurl reports a folder the server will not open as a denied login.
            return MailError(.configuration, "\(host) has no folder \"\(folder)\" that this login may open; check the folder in imap_url")
        case CURLE_LOGIN_DENIED:
            return MailError(.login, "\(host) refused the user name or password for \(mailbox.username): \(detail)")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            return MailError(.tls, "TLS with \(host) failed: \(detail)")
        case CURLE_OPERATION_TIMEDOUT:
            return MailError(.timeout, "\(host) did not answer in time (\(what)): \(detail)")
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_GOT_NOTHING:
            return MailError(.connection, "cannot reach the report mailbox at \(host): \(detail)")
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE:
            return MailError(.connection, "the connection to \(host) broke (\(what)): \(detail)")
        case CURLE_QUOTE_ERROR, CURLE_REMOTE_FILE_NOT_FOUND:
            return MailError(.refused, "\(host) refused \(what): \(detail)")
        default:
            return MailError(.other, "libcurl error \(code.rawValue) with \(host) (\(what)): \(detail)")
        }
    }
}

/// What one command answered, up to a limit.
final class IMAPSink: @unchecked Sendable {
    // Touched only on the session's queue, inside curl's callback or between transfers.
    var bytes: [UInt8] = []
    var limit = 0
    var overflowed = false

    func reset(limit: Int) {
        bytes = []
        self.limit = limit
        overflowed = false
    }
}

/// Keeps what the server sends; stops the transfer past the limit.
private let imapWrite: curl_write_callback = { data, size, count, context in
    let sink = Unmanaged<IMAPSink>.fromOpaque(context!).takeUnretainedValue()
    let length = size * count
    guard let data else { return length }
    if sink.bytes.count + length > sink.limit {
        sink.overflowed = true
        return 0
    }
    data.withMemoryRebound(to: UInt8.self, capacity: length) {
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
    }
    return length
}
