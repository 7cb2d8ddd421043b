import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImpostorCore
import ImpostorStore
import ImpostorWeb
import TestScratch

/// A fresh folder for one test's files, removed when the test ends.
final class TemporaryFolder: Sendable {
    let path: String

    init() {
        path = Scratch.path("web")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Profile text an impostor controls, written to break the page if anything is not escaped.
enum Payload {
    static let scriptName = "<script>alert(1)</script>Oakbridge Town Council"
    static let imageHandle = "\"><img src=x onerror=alert(1)>"
    /// A right-to-left override that would show "Council Town" backwards, and zero-width spaces.
    static let bio = "Official \u{202E}licnuoC nwoT\u{202C} news\u{200B}\u{200B} <b>bold</b> & 'quoted' <a href=javascript:alert(1)>x</a>"
    static let url = "javascript:alert(1)"
    /// 100,008 characters with no space to break on.
    static let longName = String(repeating: "Oakbridge", count: 11_112)
}

/// A real store in a temporary SQLite file, filled with a few cases, and the example watchlist.
struct ReviewFixture {
    let folder = TemporaryFolder()
    let store: Store
    let watchlist: Watchlist
    let avatar: StoredImage
    /// Case ids by the account's stable id.
    let cases: [String: Int64]

    static let localUser = "clerk-on-this-pc"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let watchlistDirectory = repository + "/watchlist"
    static let logoPath = watchlistDirectory + "/oakbridge-town-council-logo.png"

    init() throws {
        store = try Store.open(path: folder.path + "/impostor.sqlite")
        (watchlist, _) = try WatchlistLoader.load(directory: Self.watchlistDirectory)
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.logoPath)))
        avatar = StoredImage(sha256: ContentHash(of: png).hex, bytes: png)
        cases = try Self.fill(store, avatar: avatar)
    }

    /// Five cases: four new (scores 0.93, 0.88, 0.71, 0.64) and one dismissed.
    static func fill(_ store: Store, avatar: StoredImage) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        func add(_ profile: Profile, score: Double, identity: String = "oakbridge-town-council", image: StoredImage? = nil) throws {
            let assessment = Assessment(
                id: profile.id, platform: profile.platform, handle: profile.handle, score: score, verdict: .suspect,
                identity: identity, target: .council,
                reasons: [
                    Reason(signal: "name", identity: identity, matched: "Oakbridge Town Council", weight: 3.2,
                           detail: "display name reads as the council's name"),
                    Reason(signal: "benign", identity: identity, weight: -0.5, detail: "posts about gardening"),
                ])
            let outcome = try store.record(Observation(profile: profile, assessment: assessment, avatar: image),
                                           run: nil, version: "test")
            guard case .opened(let id) = outcome else { throw FixtureError(message: "\(profile.id) opened no case") }
            ids[profile.id] = id
        }
        try add(Profile(platform: .facebook, id: "plain", handle: "oakbridge_tc_news", displayName: "Oakbridge Town Council",
                        bio: "News from the town hall", url: "https://www.facebook.com/oakbridge_tc_news"),
                score: 0.93, image: avatar)
        try add(Profile(platform: .facebook, id: "payload", handle: Payload.imageHandle, displayName: Payload.scriptName,
                        bio: Payload.bio, url: Payload.url),
                score: 0.88)
        try add(Profile(platform: .x, id: "x-updates", handle: "OakbridgeTCUpdates", displayName: "Oakbridge TC Updates",
                        bio: "", url: "https://x.com/OakbridgeTCUpdates"),
                score: 0.71)
        try add(Profile(platform: .facebook, id: "long", handle: "oakbridge_long", displayName: Payload.longName,
                        bio: Payload.longName, url: "https://www.facebook.com/oakbridge_long"),
                score: 0.64, identity: "thornbury-town-council")
        try add(Profile(platform: .facebook, id: "namesake", handle: "oakbridge_nz", displayName: "Oakbridge Council (NZ)",
                        bio: "", url: "https://www.facebook.com/oakbridge_nz"),
                score: 0.55)
        try store.decide(ids["namesake"]!, .dismiss(.namesake), actor: "jane", note: "another Oakbridge")
        return ids
    }

    struct FixtureError: Error { var message: String }

    func context(password: String? = nil, listen: String = "127.0.0.1:8080") throws -> ReviewContext {
        ReviewContext(
            store: store, watchlist: watchlist,
            configuration: try ReviewConfiguration(listen: listen, password: password, localUser: Self.localUser))
    }

    /// The router-level application the tests send requests to.
    func app(password: String? = nil) throws -> some ApplicationProtocol {
        Application(router: try buildReviewRouter(try context(password: password)))
    }

    /// What a test compares before and after a request that must change nothing.
    func state(_ key: String) throws -> CaseState {
        let detail = try store.caseDetail(cases[key]!)!
        return CaseState(status: detail.summary.status, events: detail.events.count)
    }

    struct CaseState: Equatable {
        var status: CaseStatus
        var events: Int
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

extension TestClientProtocol {
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }

    /// A form POST as a browser sends it: with the page's `origin` unless the headers name one (nil
    /// sends none, as no browser does).
    func post(_ uri: String, form: [(String, String)], headers: HTTPFields = [:], origin: String? = "http://localhost")
        async throws -> TestResponse
    {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let origin, headers[.origin] == nil, headers[.referer] == nil { headers[.origin] = origin }
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text)
    }

    /// Opens a case page as a browser would, and returns the CSRF cookie it set and the token in its form.
    func csrf(for caseID: Int64) async throws -> (cookie: String, field: String) {
        let page = try await get("/cases/\(caseID)")
        let setCookie = page.headers[.setCookie] ?? ""
        let cookie = setCookie.split(separator: ";").first.map(String.init) ?? ""
        let field = page.text.firstMatch(of: /name="csrf" value="([^"]*)"/).map { String($0.1) } ?? ""
        return (cookie, field)
    }
}
