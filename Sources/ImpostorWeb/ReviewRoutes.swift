import Foundation
import Hummingbird
import ImpostorCore
import ImpostorStore

/// The routes. Only POST changes anything; every GET only reads.
struct ReviewRoutes: Sendable {
    let review: ReviewContext
    let markup: ProfileMarkup

    func register(on router: Router<ReviewRequestContext>) {
        // Every page answers HEAD too, without its body (see `HeadAsGet`).
        func page(_ path: RouterPath, _ handler: @escaping @Sendable (Request, ReviewRequestContext) async throws -> Response) {
            router.get(path, use: handler)
            router.head(path, use: handler)
        }
        page("/", queue)
        page("/cases/:id", casePage)
        router.post("/cases/:id/decision", use: decide)
        page("/report", reportForm)
        router.post("/report", use: fileReport)
        page("/avatars/:sha", avatar)
        page("/logos/:identity/:index", logo)
        page("/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        page("/copy.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: Stylesheet.copyScript)))
        }
        page("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
        }
    }

    /// Who is asking. With sign-in, the session gate has named them; without, the page is one
    /// council's and the viewer sees all of it.
    func viewer(_ request: Request, _ context: ReviewRequestContext) throws -> Viewer {
        if let viewer = context.viewer { return viewer }
        guard review.signIn == nil else { throw HTTPError(.unauthorized, message: "Sign in first.") }
        return Viewer(name: PasswordGate.user(of: request) ?? review.configuration.localUser,
                      scope: .all, signedIn: false)
    }

    @Sendable func queue(_ request: Request, context: ReviewRequestContext) async throws -> Response {
        let viewer = try viewer(request, context)
        let q = request.uri.queryParameters
        var filter = CaseFilter(scope: viewer.scope)
        if let s = q.get("status"), !s.isEmpty {
            if s == "all" {
                filter.statuses = Set(CaseStatus.allCases)
            } else if let status = CaseStatus(rawValue: s) {
                filter.statuses = [status]
            } else {
                throw HTTPError(.badRequest, message: "There is no status called \"\(s)\".")
            }
        }
        if let i = q.get("identity"), !i.isEmpty { filter.identity = i }
        if let p = q.get("platform"), !p.isEmpty { filter.platform = Platform(rawValue: p) }
        let cases = try await review.store.cases(filter)
        let counts = try await review.store.statusCounts(identity: filter.identity, platform: filter.platform,
                                                         scope: viewer.scope)
        let page = QueuePage(
            cases: cases, counts: counts, filter: filter,
            identities: review.watchlist.identities.filter { viewer.scope.allows($0.id) },
            platforms: Platform.known.map(\.rawValue), markup: markup, reporting: review.fileReport != nil)
        guard viewer.signedIn else { return Pages.page(title: "Accounts to review", body: page.html) }
        let csrf = CSRF.token(for: request)
        return Pages.page(title: "Accounts to review", body: Pages.signedIn(viewer, csrf: csrf.token) + page.html,
                          csrfCookie: csrf.isNew ? csrf.token : nil)
    }

    @Sendable func casePage(_ request: Request, context: ReviewRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw HTTPError(.notFound, message: "There is no such case.")
        }
        let viewer = try viewer(request, context)
        guard let detail = try await review.store.caseDetail(id, scope: viewer.scope) else {
            throw HTTPError(.notFound, message: "There is no case \(id).")
        }
        let csrf = CSRF.token(for: request)
        let message: String? = switch request.uri.queryParameters.get("done") {
        case "1": "Your decision is recorded."
        case "reported": "The link is filed as a reported case."
        default: nil
        }
        let drafts = detail.summary.status == .confirmed || detail.summary.status == .reported ? review.drafts(detail) : []
        let page = CasePage(
            detail: detail, identity: review.watchlist.identity(id: detail.summary.identity), markup: markup,
            csrf: csrf.token, drafts: drafts, message: message)
        var response = Pages.page(title: "Case \(id)", body: page.html, csrfCookie: csrf.isNew ? csrf.token : nil,
                                  script: drafts.isEmpty ? nil : "/copy.js")
        if !drafts.isEmpty {
            // Copy buttons come from one script file on this server; the page works without it.
            response.headers[.contentSecurityPolicy] = SecurityHeaders<ReviewRequestContext>.policy + "; script-src 'self'"
        }
        return response
    }

    @Sendable func decide(_ request: Request, context: ReviewRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw HTTPError(.notFound, message: "There is no such case.")
        }
        let body = try await request.body.collect(upTo: 64 * 1024)
        let form = FormBody(String(buffer: body))
        if let problem = CSRF.check(request, form: form) {
            throw HTTPError(.forbidden, message: "Not recorded: \(problem).")
        }
        let decision: Decision
        switch form["decision"] ?? "" {
        case "confirm": decision = .confirm
        case "dismiss":
            guard let reason = DismissReason(rawValue: form["reason"] ?? "other") else {
                throw HTTPError(.badRequest, message: "Choose why the account is being dismissed.")
            }
            decision = .dismiss(reason)
        case "allow": decision = .allow
        case "reported": decision = .reported
        case "reopen": decision = .reopen
        case "expected": decision = .expected
        case "snooze":
            guard let until = LondonDay.end(of: form["until"] ?? "") else {
                throw HTTPError(.badRequest, message: "To snooze, choose the date until which the case should wait.")
            }
            decision = .snooze(until: until)
        default:
            throw HTTPError(.badRequest, message: "Choose a decision: confirm, dismiss, allow or snooze.")
        }
        let viewer = try viewer(request, context)
        if decision == .expected, let latest = try await review.store.caseDetail(id, scope: viewer.scope)?.snapshots.first,
            form["seen"] != String(latest.id)
        {
            throw HTTPError(.conflict, message: "The account changed again after you opened the page. Look at it again before accepting the change.")
        }
        do {
            try await review.store.decide(id, decision, actor: viewer.name, note: form["note"], scope: viewer.scope, at: Date())
        } catch {
            // (A `catch … where` on this typed error crashes Swift 6.3's SIL verifier; a switch does not.)
            switch error.code {
            case .notFound: throw HTTPError(.notFound, message: error.reason)
            case .invalidDecision: throw HTTPError(.conflict, message: error.reason)
            default: throw error
            }
        }
        // Post/redirect/get: a reload does not send the decision twice.
        return Response(status: .seeOther, headers: [.location: "/cases/\(id)?done=1"])
    }

    /// The "Report a link" form: for a link a resident phoned or told the clerk about.
    @Sendable func reportForm(_ request: Request, context: ReviewRequestContext) async throws -> Response {
        guard review.fileReport != nil else { throw HTTPError(.notFound, message: "Reporting links is not set up here.") }
        let csrf = CSRF.token(for: request)
        let body = ReportPage(csrf: csrf.token).html
        return Pages.page(title: "Report a link", body: body, csrfCookie: csrf.isNew ? csrf.token : nil)
    }

    @Sendable func fileReport(_ request: Request, context: ReviewRequestContext) async throws -> Response {
        guard let file = review.fileReport else { throw HTTPError(.notFound, message: "Reporting links is not set up here.") }
        let body = try await request.body.collect(upTo: 64 * 1024)
        let form = FormBody(String(buffer: body))
        if let problem = CSRF.check(request, form: form) {
            throw HTTPError(.forbidden, message: "Not recorded: \(problem).")
        }
        let link = (form["link"] ?? "").trimmingSpaces()
        guard !link.isEmpty else { throw HTTPError(.badRequest, message: "Paste the link to the account or page.") }
        let viewer = try viewer(request, context)
        let by = (form["by"] ?? "").trimmingSpaces()
        let note = (form["note"] ?? "").trimmingSpaces()
        do {
            // On a shared page the report keeps which clerk filed it, beside the resident's name.
            let who = by.isEmpty ? viewer.name : String(by.prefix(200)) + (viewer.signedIn ? " (filed by \(viewer.name))" : "")
            let id = try await file(link, who, note.isEmpty ? nil : String(note.prefix(4000)), viewer.scope)
            return Response(status: .seeOther, headers: [.location: "/cases/\(id)?done=reported"])
        } catch let refused as ReportRefused {
            throw HTTPError(.unprocessableContent, message: "Not filed: \(refused.reason)")
        }
    }

    /// Avatars come only from the store's evidence, never from the platform.
    @Sendable func avatar(_ request: Request, context: ReviewRequestContext) async throws -> Response {
        let viewer = try viewer(request, context)
        guard let sha = context.parameters.get("sha"), sha.count == 64, sha.allSatisfy(\.isHexDigit),
              let bytes = try await review.store.image(sha256: sha.lowercased(), scope: viewer.scope),
              let response = Self.image(bytes)
        else { throw HTTPError(.notFound, message: "No such picture.") }
        return response
    }

    @Sendable func logo(_ request: Request, context: ReviewRequestContext) async throws -> Response {
        let viewer = try viewer(request, context)
        guard let id = context.parameters.get("identity"), let index = context.parameters.get("index", as: Int.self),
              viewer.scope.allows(id), let identity = review.watchlist.identity(id: id), identity.logos.indices.contains(index)
        else { throw HTTPError(.notFound, message: "No such logo.") }
        // The loader made every logo path absolute.
        guard let bytes = try? RegularFile.read(identity.logos[index], maxBytes: 20 << 20),
              let response = Self.image(bytes)
        else { throw HTTPError(.notFound, message: "The logo file is missing or is not a picture.") }
        return response
    }

    /// The content type from the bytes' own signature, never from a name; nil for anything that is
    /// not a JPEG, PNG, GIF or WebP image, which is never served.
    static func image(_ bytes: [UInt8]) -> Response? {
        guard let format = ImageFormat(sniffing: bytes) else { return nil }
        return Response(status: .ok, headers: [.contentType: format.mimeType, .cacheControl: "private, max-age=86400"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
