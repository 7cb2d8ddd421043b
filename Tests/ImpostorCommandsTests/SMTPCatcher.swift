import Foundation
import TestScratch

/// Tests/ImpostorFetchTests/Servers/smtp_server.py (aiosmtpd) on 127.0.0.1 for one test: it keeps every
/// message it accepts, and stops when the test lets go of it.
final class SMTPCatcher {
    let process = Process()
    let input = Pipe()
    let received: String
    private(set) var port = 0

    /// `mode` and `arguments` as smtp_server.py takes them after its output file.
    init(mode: String, received: String, _ arguments: [String] = []) throws {
        self.received = received
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [Python.interpreter, FileManager.default.currentDirectoryPath + "/Tests/ImpostorFetchTests/Servers/smtp_server.py",
                             mode, received] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = input
        try process.run()
        var line = Data()
        while let b = try out.fileHandleForReading.read(upToCount: 1), !b.isEmpty, b != Data([0x0A]) { line.append(b) }
        port = Int(String(decoding: line, as: UTF8.self).replacingOccurrences(of: "PORT ", with: "")) ?? 0
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    /// The messages accepted so far: envelope, headers and body as a mail reader decodes them.
    var mails: [[String: Any]] {
        ((try? String(contentsOfFile: received, encoding: .utf8)) ?? "").split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["rcpt_tos"] != nil }
    }
}
