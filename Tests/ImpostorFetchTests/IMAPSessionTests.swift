import Foundation
import Testing

@testable import ImpostorFetch

/// A real IMAP server (Servers/imap_server.py: Debian's Dovecot with a private configuration) and its
/// Maildir, into which a test delivers messages by writing files.
struct IMAPFixture {
    let server: TestServer
    let root: String
    let passwordFile: String
    static let user = "fakes"
    static let password = "pa:ss word £"

    static func with<T>(_ body: (IMAPFixture) async throws -> T) async throws -> T {
        let root = Fixtures.temporaryDirectory()
        let passwordFile = root + "/imap.password"
        try (password + "\n").write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let server = try await TestServer.start("imap_server.py", [root, user, passwordFile], scheme: "imap")
        let fixture = IMAPFixture(server: server, root: root, passwordFile: passwordFile)
        return try await withStopping([server]) { try await body(fixture) }
    }

    var mailbox: Mailbox {
        Mailbox(url: "imap://127.0.0.1:\(server.port)/INBOX", username: Self.user, passwordFile: passwordFile,
                timeoutMilliseconds: 20_000)
    }

    /// Delivers a message as a mail server would: a file in Maildir/new, readable by Dovecot's user.
    func deliver(_ message: String, name: String = UUID().uuidString) throws {
        let path = root + "/Maildir/new/\(Int(Date().timeIntervalSince1970)).\(name).test"
        try Data(message.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
    }

    /// The files of a Maildir folder ("" for INBOX), in new/ and cur/.
    func files(in folder: String) -> [String] {
        let dir = root + "/Maildir" + (folder.isEmpty ? "" : "/." + folder)
        var paths: [String] = []
        for sub in ["new", "cur"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/" + sub)) ?? []
            paths += names.map { "\(dir)/\(sub)/\($0)" }
        }
        return paths
    }
}

func mail(subject: String, body: String, from: String = "Resident <resident@example.org>") -> String {
    """
    From: \(from)\r
    To: fakes@oakbridge-tc.gov.uk\r
    Subject: \(subject)\r
    Message-ID: <\(UUID().uuidString)@example.org>\r
    Date: Tue, 1 Dec 2026 09:00:00 +0000\r
    \r
    \(body.replacingOccurrences(of: "\n", with: "\r\n"))\r

    """
}

@Suite("The report mailbox over libcurl's IMAP, against Dovecot")
struct IMAPSessionTests {
    @Test func unseenMessagesAreListedFetchedUnseenAgainAndMovedNeverDeleted() async throws {
        try await IMAPFixture.with { fixture in
            let first = mail(subject: "Fake page", body: "Look at https://www.facebook.com/oakbridgetowncounci1")
            try fixture.deliver(first)
            try fixture.deliver(mail(subject: "Another", body: "https://x.com/oakbridge_tc"))
            let session = try IMAPSession(fixture.mailbox)
            let uids = try await session.unseen()
            #expect(uids.count == 2)
            let texts = [try await session.fetch(uids[0]), try await session.fetch(uids[1])].map { String(decoding: $0, as: UTF8.self) }
            #expect(texts.contains(first))
            try await session.markUnseen([uids[1]])
            // The fetch marked it seen; made unseen again it is still listed.
            try await session.markUnseen([uids[0]])
            #expect(try await session.unseen() == uids)

            try await session.ensureProcessedFolder()
            try await session.ensureProcessedFolder()  // a second time finds it there
            try await session.moveToProcessed([uids[0]])
            #expect(try await session.unseen() == [uids[1]])
            #expect(fixture.files(in: Mailbox.defaultProcessedFolder).count == 1)
            #expect(fixture.files(in: "").count == 1)
        }
    }

    @Test func aWrongPasswordIsALoginErrorThatNeverShowsThePassword() async throws {
        try await IMAPFixture.with { fixture in
            let wrong = fixture.root + "/wrong.password"
            try "not-the-password-xyzzy\n".write(toFile: wrong, atomically: true, encoding: .utf8)
            var mailbox = fixture.mailbox
            mailbox.passwordFile = wrong
            let session = try IMAPSession(mailbox)
            do throws(MailError) {
                _ = try await session.unseen()
                Issue.record("a wrong password was accepted")
            } catch {
                #expect(error.code == .login)
                #expect(!error.description.contains("xyzzy"))
                #expect(error.description.contains("fakes"))
                // libcurl's "Access denied. %c" ends in the raw response code, byte 2: it never reaches a terminal.
                #expect(!error.description.unicodeScalars.contains { $0.properties.generalCategory == .control },
                        "\(error.description.debugDescription)")
            }
        }
    }

    @Test func aMessageLargerThanTheLimitIsRefusedAndStaysUnread() async throws {
        try await IMAPFixture.with { fixture in
            try fixture.deliver(mail(subject: "Big", body: String(repeating: "0123456789abcdef\n", count: 70_000)))
            var mailbox = fixture.mailbox
            mailbox.maxMessageBytes = 1 << 20
            let session = try IMAPSession(mailbox)
            let uids = try await session.unseen()
            await #expect(throws: MailError.self) { try await session.fetch(uids[0]) }
            // The connection is usable again after the refusal.
            try await session.markUnseen([uids[0]])
            #expect(try await session.unseen() == uids)
        }
    }

    @Test func theServerGoneMidConversationIsAConnectionError() async throws {
        let session = try await IMAPFixture.with { fixture in
            try fixture.deliver(mail(subject: "x", body: "y"))
            let session = try IMAPSession(fixture.mailbox)
            _ = try await session.unseen()
            return session
        }
        // The server has stopped; the kept connection is dead.
        do throws(MailError) {
            _ = try await session.unseen()
            Issue.record("a stopped server answered")
        } catch {
            #expect(error.code == .connection || error.code == .other)
        }
    }

    @Test func plainIMAPIsOnlyForThisMachineAndFolderNamesAreChecked() throws {
        let file = Fixtures.temporaryDirectory() + "/pw"
        try "secret\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: MailError.self) {
            try IMAPSession(Mailbox(url: "imap://mail.example.gov.uk/INBOX", username: "u", passwordFile: file))
        }
        #expect(throws: MailError.self) {
            try IMAPSession(Mailbox(url: "https://mail.example.gov.uk/INBOX", username: "u", passwordFile: file))
        }
        #expect(throws: MailError.self) {
            try IMAPSession(Mailbox(url: "imaps://mail.example.gov.uk/INBOX", username: "u", passwordFile: file,
                                    processedFolder: "done\" DELETE INBOX"))
        }
        #expect(try IMAPSession.split("imaps://mail.example.gov.uk").folder == "INBOX")
        #expect(try IMAPSession.split("imaps://mail.example.gov.uk:993/Reports/Fakes") == ("imaps://mail.example.gov.uk:993", "Reports/Fakes"))
        _ = try IMAPSession(Mailbox(url: "imap://127.0.0.1:1143/INBOX", username: "u", passwordFile: file))
    }
}
