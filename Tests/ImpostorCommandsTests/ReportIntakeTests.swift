import Foundation
import ImpostorStore
import TestPostgres
import TestScratch
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real report mailbox: Debian's Dovecot started by ImpostorFetchTests/Servers/imap_server.py with a
/// private configuration, and its Maildir, where the test delivers messages as files.
final class ReportMailbox {
    let process = Process()
    let lifeline = Pipe()
    let root: String
    let passwordFile: String
    private(set) var port = 0
    static let password = "mailbox secret 7731"

    init() throws {
        root = CLI.scratchPath("imap")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        passwordFile = root + "/imap.password"
        try (Self.password + "\n").write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ImpostorFetchTests/Servers/imap_server.py").path
        let line = try CLI.startPython(process, [script, root, "fakes", passwordFile], stdin: lifeline)
        port = Int(line.split(separator: " ").last ?? "") ?? 0
    }

    deinit { stop() }

    func stop() {
        try? lifeline.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The `[intake]` table for this mailbox.
    func settings(readPages: Bool = false, passwordFile: String? = nil) -> String {
        """
        [intake]
        imap_url = "imap://127.0.0.1:\(port)/INBOX"
        username = "fakes"
        password_file = "\(passwordFile ?? self.passwordFile)"
        read_pages = \(readPages)
        """
    }

    func deliver(_ message: String) throws {
        try deliver(bytes: Array(message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    /// A message as it is written, bytes that are no UTF-8 and all.
    func deliver(bytes: [UInt8]) throws {
        let path = root + "/Maildir/new/\(Int(Date().timeIntervalSince1970)).\(UUID().uuidString).test"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
    }

    func count(in folder: String) -> Int {
        let dir = root + "/Maildir" + (folder.isEmpty ? "" : "/." + folder)
        return ["new", "cur"].reduce(0) { n, sub in
            n + ((try? FileManager.default.contentsOfDirectory(atPath: dir + "/" + sub))?.count ?? 0)
        }
    }
}

/// Messages residents send, in the shapes mail programs write.
enum ResidentMail {
    static func plain(id: String, from: String, subject: String, body: String) -> String {
        """
        From: \(from)
        To: fakes@oakbridge-tc.gov.uk
        Subject: \(subject)
        Message-ID: <\(id)@example.org>
        Date: Tue, 1 Dec 2026 09:00:00 +0000
        Content-Type: text/plain; charset=utf-8

        \(body)

        """
    }

    static let fakePage = plain(
        id: "a1", from: "Jo Bloggs <jo@example.org>", subject: "Fake council page",
        body: """
            Hi, this page says the Christmas market is cancelled: https://www.facebook.com/oakbridgetowncounci1
            Your real page is https://www.facebook.com/OakbridgeTownCouncil and www.oakbridge-tc.gov.uk
            """)

    /// The same page again, as HTML in quoted-printable, beside a javascript: link and a link hidden
    /// in an attribute that is not a link.
    static let samePageInHTML = """
        From: =?utf-8?q?Si=C3=A2n_Jones?= <sian@example.org>
        Subject: =?utf-8?b?RmFrZSBwYWdlIGFnYWlu?=
        Message-ID: <b2@example.org>
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        <p>Look at <a href=3D"https://www.facebook.com/oakbridgetowncounci1?ref=3Dshare">th=
        is page</a>.</p><a href=3D"javascript:alert(1)">click</a>
        <div data-href=3D"https://x.com/hidden_account">x</div>

        """

    static let base64Alternative = """
        From: Resident <r@example.org>
        Subject: X account
        Message-ID: <c3@example.org>
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: base64

        \(Data("Fake X account: https://x.com/oakbridge_tc_news\n".utf8).base64EncodedString())
        --alt
        Content-Type: text/html; charset=utf-8

        <p>Fake X account: <a href="https://x.com/oakbridge_tc_news">here</a></p>
        --alt--

        """

    /// A gift-card scam in the Mayor's name, forwarded as an attachment.
    static let forwardedScam = """
        From: Sam Patel <sam@example.org>
        Subject: Fwd: Are you free?
        Message-ID: <d4@example.org>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="mix"

        --mix
        Content-Type: text/plain

        Is this really the Mayor?
        --mix
        Content-Type: message/rfc822

        From: Cllr Priya Sharma <priya.sharma.mayor.oakbridge@gmail.com>
        To: sam@example.org
        Subject: Are you free?
        Date: Mon, 30 Nov 2026 16:12:00 +0000

        Are you free at the moment? I need you to get some gift cards for me, I'll reimburse you.
        --mix--

        """

    /// The same scam from another address, forwarded inline the way Gmail does.
    static let inlineForward = plain(
        id: "f6", from: "Alex <alex@example.org>", subject: "Fwd: Quick favour",
        body: """
            FYI

            ---------- Forwarded message ---------
            From: Mayor Priya Sharma <mayor.oakbridge.tc@outlook.com>
            Date: Mon, 30 Nov 2026 at 17:01
            Subject: Quick favour
            To: <alex@example.org>

            I'm in a conference meeting and can't talk. Can you get me some Apple gift cards? I will reimburse you.
            """)

    static let noLink = plain(
        id: "e5", from: "Pat <pat@example.org>", subject: "Facebook",
        body: "There is a page called Oakbridge Council News on Facebook that looks fake.")
}

/// Where the commands keep reports: the fixture's own SQLite file, or a shared store on a PostgreSQL
/// server the tests start.
enum ReportStore: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The `--db` arguments, naming a new database for the shared store.
    func arguments(_ hint: String) throws -> [String] {
        switch self {
        case .sqlite: []
        case .postgres: ["--db", try TestPostgres.shared().database(hint)]
        }
    }

    /// A case as the commands stored it.
    func detail(_ id: Int64, _ fixture: ScanFixture, _ arguments: [String]) async throws -> CaseDetail? {
        switch self {
        case .sqlite:
            return try Store.open(path: fixture.database).caseDetail(id)
        case .postgres:
            let store = try await PostgresStore.open(try PostgresAddress(parsing: arguments[1]))
            do {
                let detail = try await store.caseDetail(id, scope: .all)
                await store.close()
                return detail
            } catch {
                await store.close()
                throw error
            }
        }
    }
}

@Suite(.serialized) struct ReportIntakeTests {
    func review(_ fixture: ScanFixture, _ db: [String] = []) async throws -> [[String: Any]] {
        try await CLI.run(["review", "--all", "--json", "--watchlist", fixture.watchlist] + db).lines
    }

    @Test(arguments: ReportStore.allCases)
    func theMailboxBecomesReportedCasesOnceAndMessagesMoveOnlyWhenStored(_ kind: ReportStore) async throws {
        let mailbox = try ReportMailbox()
        let fixture = try ScanFixture(suspects: 0, clear: 0, settings: mailbox.settings())
        defer { fixture.remove() }
        let db = try kind.arguments("intake")
        for message in [ResidentMail.fakePage, ResidentMail.samePageInHTML, ResidentMail.base64Alternative,
                        ResidentMail.forwardedScam, ResidentMail.inlineForward, ResidentMail.noLink] {
            try mailbox.deliver(message)
        }
        let first = try await CLI.run(["intake", "--watchlist", fixture.watchlist] + db)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("6 unseen messages, 5 processed"), "\(first.stdout)")
        #expect(first.stderr.contains("left in the mailbox for you"))

        let cases = try await review(fixture, db)
        func find(_ platform: String, _ handle: String) -> [String: Any]? {
            cases.first { $0["platform"] as? String == platform && ($0["handle"] as? String)?.lowercased() == handle.lowercased() }
        }
        let page = try #require(find("facebook", "oakbridgetowncounci1"))
        #expect(page["reports"] as? Int == 2)
        #expect(find("x", "oakbridge_tc_news")?["reports"] as? Int == 1)
        let scam = try #require(find("email", "priya.sharma.mayor.oakbridge@gmail.com"))
        #expect(scam["status"] as? String == "new")
        #expect(find("email", "mayor.oakbridge.tc@outlook.com") != nil)
        // The council's own page and site are not reports; a link in a data attribute is not a link.
        #expect(find("facebook", "OakbridgeTownCouncil") == nil)
        #expect(find("x", "hidden_account") == nil)
        #expect(cases.count == 4, "\(cases)")
        #expect(mailbox.count(in: "impostor-processed") == 5)
        #expect(mailbox.count(in: "") == 1)

        // Read again: nothing new, nothing twice.
        let second = try await CLI.run(["intake", "--watchlist", fixture.watchlist] + db)
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 unseen messages"), "\(second.stdout)")
        let again = try await review(fixture, db)
        #expect(again.count == 4)
        #expect(again.map { $0["reports"] as? Int ?? 0 }.reduce(0, +) == 5)
        mailbox.stop()
    }

    @Test func hostileMessagesAreBoundedAndNothingIsLost() async throws {
        let mailbox = try ReportMailbox()
        let fixture = try ScanFixture(suspects: 0, clear: 0, settings: mailbox.settings())
        defer { fixture.remove() }
        let many = (0..<10_000).map { "https://www.facebook.com/oakbridge.fake.\($0)" }.joined(separator: "\n")
        try mailbox.deliver(ResidentMail.plain(id: "many", from: "x <x@example.org>", subject: "links", body: many))
        let filler = String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n", count: 180_000)
        try mailbox.deliver(ResidentMail.plain(id: "big", from: "y <y@example.org>", subject: "big",
                                               body: "https://x.com/oakbridgetc_help\n" + filler))
        try mailbox.deliver("""
            From: z <z@example.org>
            Subject: broken
            Message-ID: <broken@example.org>
            Content-Type: multipart/mixed; boundary="never"
            Content-Transfer-Encoding: base64

            --never
            Content-Type: text/plain
            Content-Transfer-Encoding: base64

            !!!! not base64 at all ####
            https://www.instagram.com/oakbridge.town.council.official/

            """)
        let result = try await CLI.run(["intake", "--watchlist", fixture.watchlist])
        #expect(result.status == 0, "\(result.stderr)")
        let cases = try await review(fixture)
        let facebook = cases.filter { $0["platform"] as? String == "facebook" }
        #expect(facebook.count == 25, "one message names at most 25 accounts")
        // The clerk is told what was not filed, and where the message is.
        #expect(result.stderr.contains("25 report(s) filed, but not links past the first 25; read it in impostor-processed"), "\(result.stderr)")
        #expect(cases.contains { $0["handle"] as? String == "oakbridgetc_help" })
        // Every message was either processed or left where it was, with a reason.
        #expect(mailbox.count(in: "impostor-processed") + mailbox.count(in: "") == 3)
        mailbox.stop()
    }

    /// Mail from the council's own domain is a colleague's, not a report; the same mailbox sending a sign-in
    /// lure has been taken over, and the forwarded lure is a case.
    @Test func aLureFromTheCouncilsOwnMailboxIsACaseItsOwnMailIsNot() async throws {
        let mailbox = try ReportMailbox()
        let fixture = try ScanFixture(suspects: 0, clear: 0, settings: mailbox.settings())
        defer { fixture.remove() }
        func forward(_ id: String, subject: String, body: String) -> String {
            ResidentMail.plain(id: id, from: "Sam Patel <sam@example.org>", subject: "Fwd: \(subject)", body: """
                Is this right?

                ---------- Forwarded message ---------
                From: Jane Whitfield <clerk@oakbridge-tc.gov.uk>
                Date: Mon, 30 Nov 2026 at 17:01
                Subject: \(subject)
                To: <sam@example.org>

                \(body)
                """)
        }
        try mailbox.deliver(forward("own", subject: "Agenda", body: "The agenda for Tuesday's meeting of Oakbridge Town Council is attached."))
        try mailbox.deliver(forward("lure", subject: "Document", body:
            "Oakbridge Town Council has shared an important document with you via OneDrive. Please sign in with your email to view it."))
        let result = try await CLI.run(["intake", "--watchlist", fixture.watchlist])
        #expect(result.status == 0, "\(result.stderr)")
        let cases = try await review(fixture).filter { $0["platform"] as? String == "email" }
        #expect(cases.count == 1, "\(cases)")
        #expect(cases.first?["handle"] as? String == "clerk@oakbridge-tc.gov.uk")
        mailbox.stop()
    }

    /// The mail from the hostile-input audit, and links written straight before a closing quote, an
    /// ellipsis, a dash, an ideographic full stop, an emoji, U+FFFD or a byte that is no UTF-8: every link
    /// is a report, and none keeps the password or the tokens it carried.
    @Test func linksBeforeNonASCIIAreReportsAndKeepNoSecrets() async throws {
        let mailbox = try ReportMailbox()
        let fixture = try ScanFixture(suspects: 0, clear: 0, settings: mailbox.settings())
        defer { fixture.remove() }
        try mailbox.deliver(ResidentMail.plain(
            id: "creds", from: "Resident <res2@example.com>", subject: "creds",
            body: "See https://alice:MyBankPw99@www.facebook.com/oakbridge.fake2?access_token=EAAB1234SECRET&x=1 "
                + "and https://x.com/oakbridge_fake3?s=20&t=SESSIONTOKEN42"))
        let followers = ["\u{201D}", "\u{2026}", "\u{2014}", "\u{3002}", "\u{1F621}", "\u{FFFD}"]
        for (i, follower) in followers.enumerated() {
            try mailbox.deliver(ResidentMail.plain(
                id: "follow\(i)", from: "R \(i) <r\(i)@example.org>", subject: "fake \(i)",
                body: "This one: \u{201C}https://www.facebook.com/oakbridge.follow\(i)\(follower) is fake"))
        }
        // U+0001 stands for the byte 0xFF, which no String holds.
        let stray = ResidentMail.plain(id: "stray", from: "S <s@example.org>", subject: "stray",
                                       body: "https://www.facebook.com/oakbridge.stray\u{1}\u{1} is fake")
        try mailbox.deliver(bytes: Array(stray.replacingOccurrences(of: "\n", with: "\r\n").utf8).map { $0 == 0x01 ? 0xFF : $0 })

        let result = try await CLI.run(["intake", "--watchlist", fixture.watchlist])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(mailbox.count(in: "impostor-processed") == 8, "\(result.stdout)\(result.stderr)")
        #expect(mailbox.count(in: "") == 0)
        let store = try Store.open(path: fixture.database)
        var links: [String: String] = [:]
        for summary in try store.cases(CaseFilter(statuses: Set(CaseStatus.allCases))) {
            links[summary.handle] = try store.caseDetail(summary.id)?.reports.first?.link
        }
        var expected = [
            "oakbridge.fake2": "https://www.facebook.com/oakbridge.fake2?access_token=[redacted]&x=1",
            "oakbridge_fake3": "https://x.com/oakbridge_fake3?s=20&t=[redacted]",
            "oakbridge.stray": "https://www.facebook.com/oakbridge.stray",
        ]
        for i in followers.indices { expected["oakbridge.follow\(i)"] = "https://www.facebook.com/oakbridge.follow\(i)" }
        #expect(links == expected)
        var file = Data()
        for suffix in ["", "-wal"] {
            file.append((try? Data(contentsOf: URL(fileURLWithPath: fixture.database + suffix))) ?? Data())
        }
        let texts = ["output": result.stdout + result.stderr, "store": String(decoding: file, as: UTF8.self).lowercased()]
        for (name, text) in texts {
            for secret in ["MyBankPw99", "mybankpw99", "alice:", "EAAB1234SECRET", "eaab1234secret", "SESSIONTOKEN42", "sessiontoken42"] {
                #expect(!text.contains(secret), "\(name) holds \(secret)")
            }
        }
        mailbox.stop()
    }

    @Test func aWrongPasswordSaysSoWithoutThePassword() async throws {
        let mailbox = try ReportMailbox()
        let wrong = CLI.scratchPath("pw")
        try "hunter2-wrong-9931\n".write(toFile: wrong, atomically: true, encoding: .utf8)
        let fixture = try ScanFixture(suspects: 0, clear: 0, settings: mailbox.settings(passwordFile: wrong))
        defer { fixture.remove() }
        try mailbox.deliver(ResidentMail.fakePage)
        let result = try await CLI.run(["intake", "--watchlist", fixture.watchlist])
        #expect(result.status == 1)
        #expect(result.stderr.contains("refused the user name or password"), "\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("hunter2"))
        #expect(mailbox.count(in: "") == 1)
        mailbox.stop()
    }

    @Test func plainIMAPToAnotherHostIsRefusedAtStart() async throws {
        let fixture = try ScanFixture(suspects: 0, clear: 0, settings: """
            [intake]
            imap_url = "imap://mail.oakbridge-tc.gov.uk/INBOX"
            username = "fakes"
            password_file = "/nonexistent"
            """)
        defer { fixture.remove() }
        let result = try await CLI.run(["intake", "--watchlist", fixture.watchlist])
        #expect(result.status == 2)
        #expect(result.stderr.contains("imaps://"))
    }

    @Test(arguments: ReportStore.allCases)
    func addWithNoNetworkUsesTheLinkAndTheSameAccountKeepsOneCase(_ kind: ReportStore) async throws {
        let fixture = try ScanFixture(suspects: 0, clear: 0)
        defer { fixture.remove() }
        let db = try kind.arguments("add")
        func add(_ arguments: String...) async throws -> CLI.Result {
            try await CLI.run(["add"] + arguments + ["--watchlist", fixture.watchlist] + db)
        }
        // No resolver answers here: the page cannot be read, and the address alone makes the profile.
        let first = try await add("https://www.facebook.com/oakbridgetowncounci1", "--by", "Jo Bloggs",
                                  "--note", "says the market is cancelled", "--cache", fixture.folder + "/cache")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("case 1 opened"), "\(first.stdout)")
        let again = try await add("https://m.facebook.com/OakbridgeTownCounci1/about", "--offline")
        #expect(again.stdout.contains("added to case 1"), "\(again.stdout)")
        // A plain name that scores low still opens a reported case.
        let low = try await add("https://www.instagram.com/crumbs_bakery", "--offline")
        #expect(low.stdout.contains("opened"), "\(low.stdout)")
        let own = try await add("https://www.facebook.com/OakbridgeTownCouncil", "--offline")
        #expect(own.status == 1)
        #expect(own.stderr.contains("own accounts"))
        let notALink = try await add("file:///etc/passwd", "--offline")
        #expect(notALink.status == 1)

        let cases = try await review(fixture, db)
        #expect(cases.count == 2)
        #expect(cases.first { $0["platform"] as? String == "facebook" }?["reports"] as? Int == 2)
        // The case keeps who reported it, when and their words.
        let reports = try #require(try await kind.detail(1, fixture, db)).reports
        #expect(reports.map(\.reporter).first == "Jo Bloggs")
        #expect(reports.first?.note == "says the market is cancelled")
        #expect(reports.first?.channel == .command)
        #expect(reports.count == 2)
    }
}
