import Foundation
import Hummingbird
import ImpostorCore
import ImpostorStore
import ImpostorText
import Logging

/// Everything the review page needs, shared by its handlers.
public struct ReviewContext: Sendable {
    public var store: any CaseStore
    public var watchlist: Watchlist
    public var configuration: ReviewConfiguration
    /// Sign-in with clerks' own accounts (a shared store); nil on a single council's machine.
    public var signIn: SignIn?
    /// Drafts for a confirmed case (issue: takedown reports and warnings); none by default.
    public var drafts: @Sendable (CaseDetail) -> [DraftView]
    /// Files a link a resident gave (the "Report a link" form) under the councils the viewer sees:
    /// returns the case, or throws a `ReportRefused` whose reason the page shows. Nil hides the form.
    public var fileReport: ReportFiler?

    public init(
        store: any CaseStore, watchlist: Watchlist, configuration: ReviewConfiguration, signIn: SignIn? = nil,
        drafts: @escaping @Sendable (CaseDetail) -> [DraftView] = { _ in [] },
        fileReport: ReportFiler? = nil
    ) {
        self.store = store
        self.watchlist = watchlist
        self.configuration = configuration
        self.signIn = signIn
        self.drafts = drafts
        self.fileReport = fileReport
    }
}

/// Files a reported link under the viewer's councils and returns its case.
public typealias ReportFiler = @Sendable (_ link: String, _ by: String, _ note: String?, _ scope: CouncilScope) async throws
    -> Int64

/// Why the page could not file a reported link, in words for the clerk.
public struct ReportRefused: Error, Sendable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}

/// The review page's router: used by `buildReviewApp` and by the router-level tests.
public func buildReviewRouter(_ review: ReviewContext) throws -> Router<ReviewRequestContext> {
    let router = Router(context: ReviewRequestContext.self)
    router.add(middleware: SecurityHeaders())
    router.add(middleware: HostGate(configuration: review.configuration))
    router.add(middleware: HeadAsGet())
    if let signIn = review.signIn {
        // Clerks' own accounts replace the shared password.
        router.add(middleware: SessionGate(signIn: signIn))
        LoginRoutes(signIn: signIn).register(on: router)
    } else if let password = review.configuration.password, !password.isEmpty {
        router.add(middleware: PasswordGate(password: password))
    }
    ReviewRoutes(review: review, markup: ProfileMarkup(folder: try Folder())).register(on: router)
    return router
}

/// The review page as a runnable Hummingbird application (a Service, so it joins a ServiceGroup).
public func buildReviewApp(_ review: ReviewContext, logger: Logger) throws -> some ApplicationProtocol {
    Application(
        router: try buildReviewRouter(review),
        configuration: .init(address: .hostname(review.configuration.host, port: review.configuration.port),
                             serverName: "impostor"),
        logger: logger)
}
