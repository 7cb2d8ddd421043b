import Logging

/// The live HTTP client: libcurl's multi interface on one dedicated thread.
///
/// Honours the standard proxy variables (`https_proxy`, `http_proxy`, `all_proxy`, `no_proxy`), which
/// libcurl reads itself. TLS is always verified. Create one per run and share it; transfers in flight
/// are cancelled when it is released.
public final class CurlHTTPClient: HTTPClient {
    private let engine: CurlEngine
    private let configuration: HTTPClientConfiguration
    private let logger: Logger

    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration(), logger: Logger) {
        self.configuration = configuration
        self.engine = CurlEngine(config: configuration)
        self.logger = logger
    }

    deinit { engine.shutdown() }

    public func send(_ request: HTTPRequest) async throws(FetchError) -> HTTPResponse {
        let engine = self.engine
        let limit = configuration.maxBodyBytes
        let box = TransferSlot()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, FetchError>, Never>) in
                let transfer = CurlTransfer(request: request, maxBodyBytes: limit, continuation: continuation)
                box.set(transfer)
                engine.submit(transfer)
            }
        } onCancel: {
            box.cancel()
            engine.wake()
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
}
