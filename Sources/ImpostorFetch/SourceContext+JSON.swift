import Foundation
import ImpostorCore

extension SourceContext {
    /// GETs a JSON document, counts it as a page, and decodes it; any status but 200 is an error.
    /// `api` reads the platform's refusals of the council's credentials: the first one stops the source.
    func json<T: Decodable>(
        _ type: T.Type, from url: String, headers: [String: String] = [:], cacheNamespace: String? = "api",
        api: PlatformAPI? = nil
    ) async throws(FetchError) -> T {
        let response = try await answer(HTTPRequest(url: url, headers: headers), cacheNamespace: cacheNamespace, api: api)
        try Self.requireOK(response, url: url)
        return try Self.decode(T.self, response, url: url)
    }

    /// Sends one request of the source and counts it as a page, unless a refusal has stopped the
    /// source. A refusal `api` reads in the answer stops the source and is thrown; any other answer
    /// is returned for the caller to judge. `shown` is the URL errors name (one without a token).
    func answer(
        _ request: HTTPRequest, shown: String? = nil, cacheNamespace: String? = nil, api: PlatformAPI?
    ) async throws(FetchError) -> HTTPResponse {
        try checkNotStopped()
        var request = request
        request.headers["Accept"] = request.headers["Accept"] ?? "application/json"
        let response: HTTPResponse
        do {
            response = try await session.get(request, stats: stats, cacheNamespace: cacheNamespace)
        } catch where error.code == .rateLimited || error.code == .unavailable {
            // Past the retries and waits allowed, the next query meets the same server: the source stops
            // for this scan rather than spend minutes on each of its queries.
            let stopping = FetchError(error.code, error.reason + "; the source stops for this scan and goes on at the next", url: error.url)
            stop(stopping)
            throw stopping
        }
        stats.page()
        if response.status != 200, let refusal = api?.refusal(response, url: shown ?? request.url) {
            stop(refusal)
            throw refusal
        }
        return response
    }

    /// The body as `type`, or an error naming what did not fit.
    static func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResponse, url: String) throws(FetchError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            // Half an emoji pair ("\ud83d") costs one character, not the page of accounts around it.
            if let repaired = JSONRepair.withoutLoneSurrogates(Substring(response.text)),
               let value = try? JSONDecoder().decode(T.self, from: Data(repaired.utf8))
            {
                return value
            }
            throw FetchError(.badResponse, "the response is not the JSON expected: \(describe(error))", url: url)
        }
    }

    /// Fails with the status and the server's own message, when it gave one.
    static func requireOK(_ response: HTTPResponse, url: String) throws(FetchError) {
        guard response.status != 200 else { return }
        var reason = "the server answered HTTP \(response.status)"
        if let object = try? JSONSerialization.jsonObject(with: Data(response.body.prefix(4096))) as? [String: Any],
           let message = serverMessage(object)
        {
            reason += ": \(oneLine(message))"
        }
        throw FetchError(.status, reason, url: url)
    }

    /// The words an error body gives: `message`, `error` as text or `error.message`; Brave's
    /// `{"type": "ErrorResponse", "error": {"code", "detail"}}`; X's problem `{"title", "detail", "type"}`,
    /// with the first of its `errors` when it gives one.
    static func serverMessage(_ object: [String: Any]) -> String? {
        let error = object["error"] as? [String: Any]
        if let message = (object["message"] as? String) ?? (object["error"] as? String) ?? (error?["message"] as? String) {
            return message
        }
        if let detail = error?["detail"] as? String {
            return (error?["code"] as? String).map { "\($0): \(detail)" } ?? detail
        }
        if let detail = object["detail"] as? String {
            // X names the parameter at fault in `errors`: "The `max_results` query parameter value [0] is not …".
            let first = (object["errors"] as? [[String: Any]])?.first?["message"] as? String
            let said = first.map { "\(detail) \($0)" } ?? detail
            return (object["title"] as? String).map { "\($0): \(said)" } ?? said
        }
        return object["title"] as? String
    }

    /// A stranger's text fit for one line of a report: format characters (bidi overrides) become
    /// spaces, then it is made one line as a header's text is, and it ends after 200 characters.
    static func oneLine(_ text: String) -> String {
        let unformatted = text.unicodeScalars.prefix(1000).map { $0.properties.generalCategory == .format ? " " : $0 }
        return String(HeaderText.oneLine(String(String.UnicodeScalarView(unformatted))).text.prefix(200))
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        case DecodingError.keyNotFound(let key, _): return "missing `\(key.stringValue)`"
        case DecodingError.typeMismatch(_, let context):
            return "wrong type at `\(context.codingPath.map(\.stringValue).joined(separator: "."))`"
        case DecodingError.valueNotFound(_, let context):
            return "missing value at `\(context.codingPath.map(\.stringValue).joined(separator: "."))`"
        default: return "\(error)"
        }
    }
}
