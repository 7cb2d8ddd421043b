import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program the browser tests start (impostor serve, the Chromium driver), with its output in a file.
/// It is stopped when the test ends, however the test ends: `stop()` or, failing that, deinit.
final class ChildProcess: @unchecked Sendable {
    // @unchecked: `process` is only started, polled and signalled; Foundation's Process is thread-safe for that.
    let process = Process()
    let output: String
    let errors: String

    /// Standard output goes to the file `output`, standard error to `errors` (the same file by default).
    /// `parentDeath` is the signal the program gets if the test process dies without stopping it.
    init(_ executable: String, _ arguments: [String], output: String, errors: String? = nil,
         parentDeath: String = "KILL", directory: String? = nil) throws {
        self.output = output
        self.errors = errors ?? output
        FileManager.default.createFile(atPath: output, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        var err = out
        if let errors {
            FileManager.default.createFile(atPath: errors, contents: nil)
            err = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        }
        // setpriv (util-linux) sets the parent-death signal and then execs the program itself, so a test
        // run that is killed outright leaves no server behind.
        let setpriv = "/usr/bin/setpriv"
        if FileManager.default.isExecutableFile(atPath: setpriv) {
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--pdeathsig", parentDeath, "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? out.close()
        if errors != nil { try? err.close() }
    }

    deinit { stop() }

    var isRunning: Bool { process.isRunning }

    /// What the program wrote to standard error (the last 4,000 characters), for a failing test's message.
    var log: String { String(((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "").suffix(4000)) }

    /// The exit status, or nil when `timeout` passed first (the process is then still running).
    func wait(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { return nil }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return process.terminationStatus
    }

    /// SIGTERM, then SIGKILL if it has not gone within five seconds.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// A TCP port on 127.0.0.1 that nothing listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ProcessError(message: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ProcessError(message: "cannot bind a port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    struct ProcessError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
