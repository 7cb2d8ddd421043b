import Logging

/// The live HTTP client: libcurl's multi interface on one dedicated thread.
///
/// Proxies come from `HTTPClientConfiguration.proxy` (by default the standard `https_proxy`,
/// `http_proxy`, `all_proxy` and `no_proxy` variables). TLS is always verified. Create one per run
/// and share it; transfers in flight are cancelled when it is released.
public final class CurlHTTPClient: HTTPClient {
    private let engine: CurlEngine
    let configuration: HTTPClientConfiguration
    private let logger: Logger

    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration(), logger: Logger) {
        self.configuration = configuration
        self.engine = CurlEngine(config: configuration)
        self.logger = logger
    }

    deinit { engine.shutdown() }

    public func send(_ request: HTTPRequest) async throws(FetchError) -> HTTPResponse {
        let result: Result<HTTPResponse, FetchError>
        if let addressGuard = request.addressGuard, configuration.proxy.isSet {
            result = await sendGuarded(request, addressGuard)
        } else {
            let proxy = configuration.proxy.proxy(for: request.url)
            // A guarded request reaches here only with no proxy at all; the socket callback checks it.
            let noProxy = configuration.proxy.noProxy.joined(separator: ",")
            result = await perform(request, route: TransferRoute(proxy: proxy, noProxy: noProxy))
        }
        switch result {
        case .success(let response):
            logger.trace("fetch.response", metadata: ["fetch.url": "\(FetchError.redact(request.url))", "fetch.status": "\(response.status)"])
            return response
        case .failure(let error):
            logger.debug("fetch.failed", metadata: ["fetch.url": "\(FetchError.redact(request.url))", "fetch.error": "\(error.code)"])
            throw error
        }
    }

    /// Runs one transfer on the engine along `route`.
    func perform(_ request: HTTPRequest, route: TransferRoute) async -> Result<HTTPResponse, FetchError> {
        let engine = self.engine
        let limit = configuration.maxBodyBytes
        let box = TransferSlot()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, FetchError>, Never>) in
                let transfer = CurlTransfer(request: request, route: route, maxBodyBytes: limit, continuation: continuation)
                box.set(transfer)
                engine.submit(transfer)
            }
        } onCancel: {
            box.cancel()
            engine.wake()
        }
    }
}
