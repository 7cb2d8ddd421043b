import Foundation
import Testing

@testable import ImpostorFetch

/// A real SMTP server (Servers/smtp_server.py, aiosmtpd) and the file it writes what it received to.
struct MailFixture {
    let server: TestServer
    let received: String
    let passwordFile: String
    let pki: TestPKI?

    static let password = "correct horse battery staple"

    /// Runs `body` with a server in `mode` ("starttls", "implicit" or "plain").
    static func with<T>(_ mode: String, _ body: (MailFixture) async throws -> T) async throws -> T {
        let dir = Fixtures.temporaryDirectory()
        let received = dir + "/received.jsonl"
        let passwordFile = dir + "/smtp.password"
        try (password + "\n").write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let pki = mode == "plain" ? nil : try await TestPKI.make(extraNames: ["DNS:mail.test"])
        let extra = pki.map { [$0.cert, $0.key, "clerk", passwordFile] } ?? []
        let server = try await TestServer.start("smtp_server.py", [mode, received] + extra, scheme: mode == "implicit" ? "smtps" : "smtp")
        let fixture = MailFixture(server: server, received: received, passwordFile: passwordFile, pki: pki)
        return try await withStopping([server]) { try await body(fixture) }
    }

    /// The settings a correctly configured council would have for this server.
    var mailServer: MailServer {
        MailServer(
            url: "\(server.scheme)://127.0.0.1:\(server.port)", username: pki == nil ? nil : "clerk",
            passwordFile: pki == nil ? nil : passwordFile, caBundle: pki?.ca, timeoutMilliseconds: 60_000)
    }

    /// Every entry the server wrote: messages, and AUTH attempts as {"auth", "ok"}.
    func entries() throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: received, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    func messages() throws -> [[String: Any]] { try entries().filter { $0["mail_from"] != nil } }
}

@Suite("Mail over SMTP against a real server")
struct MailerTests {
    static let digest = MailMessage(
        from: "impostor@oakbridge.example", to: ["clerk@oakbridge.example", "deputy@oakbridge.example"],
        subject: "3 new suspects — Oakbridge Town Council",
        body: """
            New suspects since the last scan:
            .
            ..a line that starts with dots
            Ōakbridge Tоwn Council (Cyrillic о) at https://x.com/oakbridge_tc — score 0.93
            \(String(repeating: "long line ", count: 30))
            Review them at http://127.0.0.1:8080/cases
            """)

    @Test func aMessageArrivesOverSTARTTLSWithItsHeadersBodyAndRecipients() async throws {
        try await MailFixture.with("starttls") { fixture in
            try await Mailer().send(Self.digest, via: fixture.mailServer)
            let received = try fixture.messages()
            #expect(received.count == 1)
            let message = try #require(received.first)
            #expect(message["mail_from"] as? String == "impostor@oakbridge.example")
            #expect(message["rcpt_tos"] as? [String] == ["clerk@oakbridge.example", "deputy@oakbridge.example"])
            #expect(message["tls"] as? Bool == true)
            #expect(message["login"] as? String == "clerk")
            let headers = try #require(message["headers"] as? [String: String])
            #expect(headers["Subject"] == Self.digest.subject)
            #expect(headers["From"] == "impostor@oakbridge.example")
            #expect(headers["To"] == "clerk@oakbridge.example, deputy@oakbridge.example")
            #expect(headers["MIME-Version"] == "1.0")
            #expect(headers["Content-Type"] == "text/plain; charset=\"utf-8\"" || headers["Content-Type"] == "text/plain; charset=utf-8")
            #expect(headers["Content-Transfer-Encoding"] == "quoted-printable")
            #expect(headers["Message-ID"]?.hasPrefix("<") == true && headers["Message-ID"]?.hasSuffix("@oakbridge.example>") == true)
            #expect(message["date_ok"] as? Bool == true)
            // The body decodes to exactly what was sent, dots and all.
            let body = (message["body"] as? String ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            #expect(body == Self.digest.body + "\n")
            // On the wire: CRLF only, no line over 78 characters.
            let raw = try #require(message["raw"] as? String)
            let rawLines = raw.components(separatedBy: "\r\n")
            #expect(!rawLines.contains { $0.contains("\n") || $0.contains("\r") })
            #expect(rawLines.allSatisfy { $0.utf8.count <= 78 })
        }
    }

    @Test func plainASCIIGoesAsSevenBit() async throws {
        try await MailFixture.with("starttls") { fixture in
            let note = MailMessage(from: "a@oakbridge.example", to: ["clerk@oakbridge.example"], subject: "No suspects", body: "Nothing new.\n")
            try await Mailer().send(note, via: fixture.mailServer)
            let headers = try #require(try fixture.messages().first?["headers"] as? [String: String])
            #expect(headers["Content-Transfer-Encoding"] == "7bit")
            #expect(headers["Subject"] == "No suspects")
        }
    }

    @Test func implicitTLSWorksToo() async throws {
        try await MailFixture.with("implicit") { fixture in
            try await Mailer().send(Self.digest, via: fixture.mailServer)
            let messages = try fixture.messages()
            #expect(messages.first?["tls"] as? Bool == true)
        }
    }

    @Test func aServerWithoutSTARTTLSGetsNothingWhenTLSIsRequired() async throws {
        try await MailFixture.with("plain") { fixture in
            var server = fixture.mailServer
            server.username = "clerk"
            server.passwordFile = fixture.passwordFile
            let error = await Self.error { try await Mailer().send(Self.digest, via: server) }
            #expect(error?.code == .tls)
            #expect(error?.reason.contains("STARTTLS") == true)
            // Neither the login nor the message crossed in clear.
            let entries = try fixture.entries()
            #expect(entries.isEmpty)
        }
    }

    @Test func withoutRequireTLSAPlainServerIsUsed() async throws {
        try await MailFixture.with("plain") { fixture in
            var server = fixture.mailServer
            server.requireTLS = false
            try await Mailer().send(Self.digest, via: server)
            let messages = try fixture.messages()
            #expect(messages.first?["tls"] as? Bool == false)
        }
    }

    @Test func aWrongPasswordFailsClearlyAndNeverShowsThePassword() async throws {
        try await MailFixture.with("starttls") { fixture in
            let wrong = Fixtures.temporaryDirectory() + "/wrong.password"
            try "not-the-password-42\n".write(toFile: wrong, atomically: true, encoding: .utf8)
            var server = fixture.mailServer
            server.passwordFile = wrong
            let error = await Self.error { try await Mailer().send(Self.digest, via: server) }
            #expect(error?.code == .login)
            #expect(error?.reason.contains("clerk") == true)
            #expect(error.map { !"\($0)".contains("not-the-password-42") } == true)
            let messages = try fixture.messages()
            #expect(messages.isEmpty)
            let entries = try fixture.entries()
            #expect(entries.first?["ok"] as? Bool == false)
        }
    }

    @Test func aLoginCheckLogsInAndSendsNothing() async throws {
        try await MailFixture.with("starttls") { fixture in
            try await Mailer().checkLogin(fixture.mailServer)
            #expect(try fixture.messages().isEmpty)
            #expect(try fixture.entries().map { $0["ok"] as? Bool } == [true])

            var wrong = fixture.mailServer
            wrong.passwordFile = Fixtures.temporaryDirectory() + "/wrong.password"
            try "not-the-password-43\n".write(toFile: wrong.passwordFile!, atomically: true, encoding: .utf8)
            let error = await Self.error { try await Mailer().checkLogin(wrong) }
            #expect(error?.code == .login)
            #expect(error.map { !"\($0)".contains("not-the-password-43") } == true)
            #expect(try fixture.entries().map { $0["ok"] as? Bool } == [true, false])
            #expect(try fixture.messages().isEmpty)
        }
    }

    @Test func aCertificateFromAnotherCAIsRefused() async throws {
        try await MailFixture.with("starttls") { fixture in
            var server = fixture.mailServer
            server.caBundle = try await TestPKI.make().ca
            let error = await Self.error { try await Mailer().send(Self.digest, via: server) }
            #expect(error?.code == .tls)
            let entries = try fixture.entries()
            #expect(entries.isEmpty)
        }
    }

    @Test func anUnreadablePasswordFileIsAConfigurationError() async throws {
        var server = MailServer(url: "smtp://127.0.0.1:1", username: "clerk", passwordFile: "/nonexistent/smtp.password")
        var error = await Self.error { try await Mailer().send(Self.digest, via: server) }
        #expect(error?.code == .configuration)
        server.passwordFile = nil
        error = await Self.error { try await Mailer().send(Self.digest, via: server) }
        #expect(error?.code == .configuration)
        error = await Self.error { try await Mailer().send(Self.digest, via: MailServer(url: "http://127.0.0.1/")) }
        #expect(error?.code == .configuration)
    }

    @Test func headerInjectionIsImpossible() throws {
        var message = MailMessage(
            from: "a@oakbridge.example", to: ["clerk@oakbridge.example"], subject: "Hi\r\nBcc: victim@elsewhere.example",
            body: "x")
        let text = String(decoding: try message.rendered(), as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(!head.components(separatedBy: "\r\n").contains { $0.hasPrefix("Bcc:") })
        #expect(head.contains("Subject: Hi  Bcc: victim@elsewhere.example"))
        for bad in ["clerk@oakbridge.example\r\nBcc: victim@elsewhere.example", "Clerk <clerk@oakbridge.example>", "no-at-sign", "a@b,c@d", ""] {
            message.to = [bad]
            #expect(throws: MailError.self) { try message.rendered() }
        }
        message.to = []
        #expect(throws: MailError.self) { try message.rendered() }
    }

    @Test func quotedPrintableKeepsLinesShortAndEscapesWhatItMust() {
        let encoded = MailMessage.quotedPrintable(String(repeating: "é", count: 40) + "a=b ")
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(encoded.hasSuffix("a=3Db=20"))
        #expect(encoded.hasPrefix("=C3=A9"))
    }

    static func error(_ body: () async throws -> Void) async -> MailError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? MailError
        }
    }
}
