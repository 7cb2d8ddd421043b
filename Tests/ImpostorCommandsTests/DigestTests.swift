import Foundation
import TestScratch
import ImpostorStore
import Testing

/// The clerk's e-mail, sent through a real SMTP server on 127.0.0.1 that requires STARTTLS and a login.
@Suite("The digest e-mails the clerk after a scan that opened cases", .serialized)
struct DigestTests {
    /// A test CA and a certificate for 127.0.0.1, made with openssl.
    static func makeCertificates(in dir: String) async throws -> (ca: String, cert: String, key: String) {
        let ext = dir + "/san.ext"
        try "subjectAltName=IP:127.0.0.1\n".write(toFile: ext, atomically: true, encoding: .utf8)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        let steps: [[String]] = [
            ["req", "-x509"] + key + ["-keyout", dir + "/ca.key", "-out", dir + "/ca.pem", "-days", "2", "-subj", "/CN=digest test CA"],
            ["req"] + key + ["-keyout", dir + "/server.key", "-out", dir + "/server.csr", "-subj", "/CN=127.0.0.1"],
            ["x509", "-req", "-in", dir + "/server.csr", "-CA", dir + "/ca.pem", "-CAkey", dir + "/ca.key", "-CAcreateserial",
             "-out", dir + "/server.pem", "-days", "2", "-extfile", ext],
        ]
        for step in steps {
            let r = try await CLI.runTool("/usr/bin/openssl", step)
            guard r.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["openssl": r.stderr]) }
        }
        return (dir + "/ca.pem", dir + "/server.pem", dir + "/server.key")
    }

    @Test func aScanWithNewSuspectsMailsTheClerkOnceWithLinksAndReasons() async throws {
        let pki = CLI.scratchPath("digest")
        try FileManager.default.createDirectory(atPath: pki, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: pki) }
        let certs = try await Self.makeCertificates(in: pki)
        try "s3cret-digest-pass\n".write(toFile: pki + "/smtp-password", atomically: true, encoding: .utf8)
        let received = pki + "/received.jsonl"

        let smtp = try SMTPCatcher(mode: "starttls", received: received,
                                   [certs.cert, certs.key, "impostor", pki + "/smtp-password"])
        let port = smtp.port
        #expect(port > 0)

        let f = try ScanFixture(suspects: 2, settings: """
            [digest]
            to = ["clerk@oakbridge-tc.gov.uk"]
            from = "impostor@oakbridge-tc.gov.uk"
            smtp_url = "smtp://127.0.0.1:\(port)"
            username = "impostor"
            password_file = "\(pki)/smtp-password"
            ca_bundle = "\(certs.ca)"
            review_url = "http://127.0.0.1:8080"
            """)
        defer { f.remove() }
        let first = try await CLI.run(f.arguments())
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("digest.sent"), "\(first.stderr)")
        #expect(!first.stderr.contains("s3cret"))
        let mails = smtp.mails
        #expect(mails.count == 1)
        let mail = try #require(mails.first)
        #expect(mail["tls"] as? Bool == true)
        #expect(mail["rcpt_tos"] as? [String] == ["clerk@oakbridge-tc.gov.uk"])
        let headers = mail["headers"] as? [String: String] ?? [:]
        #expect(headers["Subject"] == "impostor: 2 new suspect accounts for Oakbridge Town Council")
        let body = mail["body"] as? String ?? ""
        #expect(body.contains("http://127.0.0.1:8080/cases/1") && body.contains("http://127.0.0.1:8080/cases/2"))
        #expect(body.contains("hxxps://www.facebook.com/fake0"))
        #expect(body.contains("Looks like: Oakbridge Town Council"))
        #expect(body.contains("Oakbridge Town Counciⅼ 0"))

        // Nothing new on the next scan: no second mail.
        #expect(try await CLI.run(f.arguments()).status == 0)
        #expect(smtp.mails.count == 1)
    }

    @Test func aMailServerThatIsDownDoesNotLoseTheCases() async throws {
        let f = try ScanFixture(suspects: 1, settings: """
            [digest]
            to = ["clerk@oakbridge-tc.gov.uk"]
            from = "impostor@oakbridge-tc.gov.uk"
            smtp_url = "smtp://127.0.0.1:9"
            """)
        defer { f.remove() }
        let r = try await CLI.run(f.arguments())
        #expect(r.status == 0)
        #expect(r.stderr.contains("digest.failed"))
        #expect(try Store.open(path: f.database).cases().count == 1)
    }
}
