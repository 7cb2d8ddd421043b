import Foundation

/// A CA and a server certificate signed by it, made with `openssl` for one test. The certificate
/// names 127.0.0.1, localhost and any `extraNames` ("IP:203.0.113.7", "DNS:mail.test").
struct TestPKI: Sendable {
    let ca: String
    let cert: String
    let key: String

    static func make(extraNames: [String] = []) async throws -> TestPKI {
        let dir = Fixtures.temporaryDirectory()
        let pki = TestPKI(ca: dir + "/ca.pem", cert: dir + "/server.pem", key: dir + "/server.key")
        let ext = dir + "/ext.cnf"
        let names = (["IP:127.0.0.1", "DNS:localhost"] + extraNames).joined(separator: ",")
        try "subjectAltName=\(names)\nbasicConstraints=CA:FALSE\n".write(toFile: ext, atomically: true, encoding: .utf8)
        // EC keys: generating two RSA keys per test costs seconds on a loaded machine.
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try await ChildProcess.run(
            ["openssl", "req", "-x509"] + key + ["-keyout", dir + "/ca.key", "-out", pki.ca, "-days", "2", "-subj", "/CN=impostor test CA"])
        try await ChildProcess.run(["openssl", "req"] + key + ["-keyout", pki.key, "-out", dir + "/server.csr", "-subj", "/CN=127.0.0.1"])
        try await ChildProcess.run([
            "openssl", "x509", "-req", "-in", dir + "/server.csr", "-CA", pki.ca, "-CAkey", dir + "/ca.key", "-CAcreateserial",
            "-out", pki.cert, "-days", "2", "-extfile", ext,
        ])
        return pki
    }
}
