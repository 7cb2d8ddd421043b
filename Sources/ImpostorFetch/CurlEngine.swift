import CCurl
import Foundation
import Synchronization

/// Runs every transfer of one client on a single dedicated thread through libcurl's multi interface,
/// so no Swift task ever blocks in curl and connections are reused across requests.
///
/// `@unchecked Sendable` is safe because `multi`, `waiting`, `active` and `perHost` are touched only on
/// the loop thread, and the only state other threads reach (`inbox`) sits behind a `Mutex`;
/// `curl_multi_wakeup` is documented as callable from any thread.
final class CurlEngine: @unchecked Sendable {
    private struct Inbox {
        var submitted: [CurlTransfer] = []
        var stopping = false
    }

    private let config: HTTPClientConfiguration
    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    private var waiting: [CurlTransfer] = []
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var perHost: [String: Int] = [:]

    init(config: HTTPClientConfiguration) {
        CurlGlobal.initialize()
        self.config = config
        self.multi = curl_multi_init()
        // HTTP/2 streams share a connection; the limits below cap connections, and `admit` caps transfers.
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, config.maxConnectionsPerHost)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, config.maxConnections)
        let thread = Thread { [self] in run() }
        thread.name = "impostor-curl"
        thread.start()
    }

    /// Queues a transfer and wakes the loop.
    func submit(_ transfer: CurlTransfer) {
        let refused = inbox.withLock { box -> Bool in
            if box.stopping { return true }
            box.submitted.append(transfer)
            return false
        }
        if refused {
            transfer.continuation.resume(returning: .failure(FetchError(.cancelled, "the HTTP client has shut down")))
            return
        }
        curl_multi_wakeup(multi)
    }

    /// Wakes the loop so a cancelled transfer is noticed promptly.
    func wake() { curl_multi_wakeup(multi) }

    /// Fails every transfer still queued or running and ends the loop thread.
    func shutdown() {
        inbox.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
    }

    private func run() {
        while true {
            let (incoming, stopping) = inbox.withLock { box in
                defer { box.submitted = [] }
                return (box.submitted, box.stopping)
            }
            waiting.append(contentsOf: incoming)
            if stopping { break }
            admit()
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            var left: Int32 = 0
            while let message = curl_multi_info_read(multi, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
                finish(easy, code: message.pointee.data.result)
            }
            // A cancelled transfer ends here, without waiting for curl to call its progress callback.
            for (easy, transfer) in active where transfer.cancelled.load(ordering: .relaxed) {
                finish(easy, result: .failure(FetchError(.cancelled, "the request was cancelled", url: transfer.request.url)))
            }
            var events: Int32 = 0
            // Waits for socket activity, curl's own timers, a wake-up, or at most a second.
            _ = curl_multi_poll(multi, nil, 0, active.isEmpty && waiting.isEmpty ? 60_000 : 1_000, &events)
        }
        let stopped = FetchError(.cancelled, "the HTTP client has shut down")
        for transfer in waiting { transfer.continuation.resume(returning: .failure(stopped)) }
        waiting = []
        for easy in Array(active.keys) { finish(easy, result: .failure(stopped)) }
        curl_multi_cleanup(multi)
    }

    /// Starts waiting transfers while the total and per-host limits allow, in arrival order.
    private func admit() {
        var kept: [CurlTransfer] = []
        for transfer in waiting {
            if transfer.cancelled.load(ordering: .relaxed) {
                transfer.continuation.resume(returning: .failure(FetchError(.cancelled, "the request was cancelled", url: transfer.request.url)))
                continue
            }
            guard active.count < config.maxConnections, perHost[transfer.host, default: 0] < config.maxConnectionsPerHost else {
                kept.append(transfer)
                continue
            }
            guard let easy = curl_easy_init() else {
                transfer.continuation.resume(returning: .failure(FetchError(.other, "libcurl could not create a handle")))
                continue
            }
            if let problem = transfer.configure(easy, config) {
                curl_easy_cleanup(easy)
                transfer.continuation.resume(returning: .failure(problem))
                continue
            }
            active[easy] = transfer
            perHost[transfer.host, default: 0] += 1
            _ = curl_multi_add_handle(multi, easy)
        }
        waiting = kept
    }

    private func finish(_ easy: UnsafeMutableRawPointer, code: CURLcode) {
        guard let transfer = active[easy] else { return }
        finish(easy, result: transfer.outcome(easy, code: code))
    }

    private func finish(_ easy: UnsafeMutableRawPointer, result: Result<HTTPResponse, FetchError>) {
        guard let transfer = active.removeValue(forKey: easy) else { return }
        _ = curl_multi_remove_handle(multi, easy)
        // Clean up before the transfer may be freed, so no callback can reach a dead context.
        curl_easy_cleanup(easy)
        perHost[transfer.host, default: 1] -= 1
        if perHost[transfer.host] == 0 { perHost[transfer.host] = nil }
        transfer.continuation.resume(returning: result)
    }
}

/// Runs `curl_global_init` exactly once per process, before the first handle.
enum CurlGlobal {
    private static let done: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    static func initialize() { _ = done }
}
