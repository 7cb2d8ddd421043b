import Foundation
import ImpostorCore
import Testing

@testable import ImpostorFetch

/// Errors quote what feeds, accounts and servers sent. Printed by `fetch`, kept for `status`, logged:
/// each stays one line with no control character a terminal would obey.
@Suite struct ErrorTextTests {
    static let hostileHandle = "h\u{1B}[31mRED\u{1B}]0;title\u{7}\nFAKE: status OK"

    /// The control characters and direction overrides in `text`.
    static func hidden(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0.properties.generalCategory == .control || (0x202A...0x202E).contains($0.value) }
    }

    @Test func aFetchErrorQuotingAHandleIsOneCleanLine() {
        let error = FetchError(.file, "listing.jsonl: the avatar of \(Self.hostileHandle): no such file",
                               url: "https://feed.example/\u{1B}[2J?key=SECRET")
        #expect(Self.hidden(error.description).isEmpty, "\(error.description)")
        #expect(error.reason.contains("<U+001B>[31mRED<U+001B>]0;title<U+0007><U+000A>FAKE: status OK"), "\(error.reason)")
        #expect(error.url == "https://feed.example/<U+001B>[2J", "the query goes, the escape is spelled out")
        #expect(!error.description.contains("SECRET"))
    }

    @Test func aListingsMissingAvatarErrorNamesTheHandleCleaned() async throws {
        let directory = Fixtures.temporaryDirectory()
        let line = try JSONSerialization.data(withJSONObject: [
            "platform": "x", "id": "esc9", "handle": Self.hostileHandle, "display_name": "Oakbridge Town Council",
            "avatar": "missing.png",
        ], options: [.sortedKeys])
        try (String(decoding: line, as: UTF8.self) + "\n").write(toFile: directory + "/listing.jsonl", atomically: true, encoding: .utf8)
        let plan = FetchPlan.make(watchlist: Fixtures.watchlist([Fixtures.source("listing", ["path": .string("listing.jsonl")])],
                                                                directory: directory))
        let report = await Fetcher(session: Fixtures.session(), avatars: nil).run(plan)
        let errors = report.summaries.flatMap(\.errors)
        #expect(errors.contains { $0.reason.contains("missing.png") }, "\(errors)")
        for error in errors {
            #expect(Self.hidden(error.description).isEmpty, "\(error.description)")
        }
    }

    @Test func aMailErrorQuotingTheServerIsOneCleanLine() {
        let error = MailError(.login, "mail.example refused the user name or password for fakes: Access denied. \u{2}\r\nFAKE: ok")
        #expect(Self.hidden(error.description).isEmpty, "\(error.description)")
        #expect(error.description.contains("Access denied. <U+0002><U+000D><U+000A>FAKE: ok"))
    }

    @Test func libcurlsRefusedLoginLosesItsRawResponseCode() {
        // libcurl writes IMAP's refusal as "Access denied. %c" with the response code's number, 2.
        #expect(HeaderText.oneLine("Access denied. \u{2}").text == "Access denied.")
        #expect(HeaderText.oneLine("Login failed\r\n\u{1B}[2J").text == "Login failed [2J")
        #expect(HeaderText.oneLine("Couldn't connect to server").text == "Couldn't connect to server")
    }
}
