import Foundation
import TestScratch

/// The end every inline test server's script shares: listen on a free port of 127.0.0.1 with the
/// handler `H`, print the port, and serve until the test closes stdin, so no server outlives its test.
enum TestServerScript {
    static let serveUntilStdinCloses = """
        s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        print(s.server_address[1], flush=True)
        threading.Thread(target=s.serve_forever, daemon=True).start()
        sys.stdin.read()
        os._exit(0)
        """
}

/// A Python server on 127.0.0.1 (its script given inline) that reads a JSON state file on every
/// request, so a test changes its answers while it runs. It exits when the test closes its stdin.
class StateServer {
    let process = Process()
    let stdin = Pipe()
    let stateFile: String
    private(set) var port = 0

    init(script: String, state: Any) throws {
        stateFile = CLI.scratchPath("state") + ".json"
        try write(state)
        port = Int(try CLI.startPython(process, ["-c", script, stateFile], stdin: stdin)) ?? 0
    }

    deinit { stop() }

    func write(_ state: Any) throws {
        try JSONSerialization.data(withJSONObject: state).write(to: URL(fileURLWithPath: stateFile), options: .atomic)
    }

    func read() -> Any? {
        try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: stateFile)))
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.waitUntilExit() }
        try? FileManager.default.removeItem(atPath: stateFile)
    }
}

/// A real HTTP server on 127.0.0.1 that answers each path with the status the test sets: a platform
/// whose profile pages exist until the test takes one down.
final class LocalHTTPServer: StateServer {

    // Reads the routes file on every request, so `set` changes answers while the server runs; exits
    // when the test closes its stdin, so no server outlives its test.
    static let script = #"""
        import http.server, json, sys, threading, os
        state_file = sys.argv[1]
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                with open(state_file) as f: routes = json.load(f)
                status = routes.get(self.path, 404)
                body = b"<html><head><title>profile</title></head><body>ok</body></html>" if status == 200 else b"not found"
                self.send_response(status)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *a): pass
        \#(TestServerScript.serveUntilStdinCloses)
        """#

    init(routes: [String: Int]) throws {
        try super.init(script: Self.script, state: routes)
    }

    func set(_ path: String, status: Int) {
        var routes = read() as? [String: Int] ?? [:]
        routes[path] = status
        try? write(routes)
    }
}

extension CLI {
    /// Starts python3 with `arguments`, holding its stdin (the server exits when the test lets go),
    /// and returns the first line it prints: the port it listens on.
    static func startPython(_ process: Process, _ arguments: [String], stdin: Pipe) throws -> String {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [Python.interpreter] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = stdin
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) {
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// Runs any program (curl in the tests) and collects its output.
    static func runTool(_ path: String, _ arguments: [String]) async throws -> Result {
        try await offPool { try runToolBlocking(path, arguments) }
    }

    private static func runToolBlocking(_ path: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = try OutputFile(), err = try OutputFile()
        process.standardOutput = out.handle
        process.standardError = err.handle
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: out.text, stderr: err.text)
    }
}
