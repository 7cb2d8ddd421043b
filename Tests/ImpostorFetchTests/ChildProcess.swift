import Foundation
import Synchronization
import TestScratch

#if canImport(Glibc)
import Glibc
#endif

/// A helper program a test starts (a Python server, openssl), run without ever blocking a thread of
/// Swift's cooperative pool: on two cores, one blocked thread stalls half of every other test.
///
/// The child's stdin is a pipe only we hold: servers exit when it closes, which also happens when the
/// test process dies. `stop()` closes it, sends SIGTERM, and waits until Foundation has reaped the child.
///
/// `@unchecked Sendable` is safe: `process` and the pipes are set up in `init` and afterwards only
/// asked to run, read, terminate or report whether they run, which Foundation allows from any thread.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    private let lifeline = Pipe()
    private let output = Pipe()
    /// The child's stderr goes to a file, shown when it fails; holding the runner's stderr would keep
    /// `swift test` waiting after the tests end.
    let errorLog: String
    let name: String

    private init(_ arguments: [String]) {
        name = arguments.prefix(2).joined(separator: " ")
        errorLog = Scratch.path("child") + ".log"
        _ = FileManager.default.createFile(atPath: errorLog, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = lifeline
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: errorLog)
    }

    deinit {
        // A test that forgot `stop()` still leaves no server behind.
        try? lifeline.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(atPath: errorLog)
    }

    /// Starts `arguments` and returns once the child printed its first line (servers print "PORT n").
    static func start(_ arguments: [String]) async throws -> (ChildProcess, String) {
        let child = ChildProcess(arguments)
        let line = try await offPool { () throws -> String in
            try child.process.run()
            var data = Data()
            let reader = child.output.fileHandleForReading
            while !data.contains(0x0A) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            return String(decoding: data.prefix { $0 != 0x0A }, as: UTF8.self)
        }
        return (child, line)
    }

    /// Runs `arguments` to the end and fails with its stderr when it exits non-zero.
    static func run(_ arguments: [String]) async throws {
        let child = ChildProcess(arguments)
        try? child.lifeline.fileHandleForWriting.close()
        let status = try await offPool { () throws -> Int32 in
            try child.process.run()
            _ = child.output.fileHandleForReading.readDataToEndOfFile()
            child.process.waitUntilExit()
            return child.process.terminationStatus
        }
        if status != 0 { throw TestFailure("\(child.name) exited with \(status): \(child.stderrText)") }
    }

    /// What the child wrote to stderr (the end of it).
    var stderrText: String {
        let text = (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""
        return String(text.suffix(2_000))
    }

    /// Ends the child and waits until it is reaped: stdin closed, SIGTERM, SIGKILL after 3 s.
    func stop() async {
        await offPool {
            try? self.lifeline.fileHandleForWriting.close()
            guard self.process.isRunning else { return }
            self.process.terminate()
            let deadline = Date().addingTimeInterval(3)
            while self.process.isRunning && Date() < deadline { usleep(10_000) }
            if self.process.isRunning { kill(self.process.processIdentifier, SIGKILL) }
            self.process.waitUntilExit()
        }
    }
}

/// A failure of the test scaffolding itself (a server that would not start), with what it said.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
