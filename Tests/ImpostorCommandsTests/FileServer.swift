import Foundation
import TestScratch

/// A real HTTP server on 127.0.0.1 serving a folder's files, as a feed or a picture host does. Under
/// `/echo/` it answers 400 quoting the request's credentials back in the error's message, as proxies
/// and some APIs do: `{"error": {"message": …}}` as Google's APIs shape errors, `{"error": …}` as
/// Mastodon does under `/echo/mastodon`.
final class FileServer {
    let process = Process()
    let stdin = Pipe()
    private(set) var port = 0

    static let script = #"""
        import http.server, json, sys, threading, os
        root = sys.argv[1]
        types = {".png": "image/png", ".jpg": "image/jpeg", ".jsonl": "application/x-ndjson", ".json": "application/json"}
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path.startswith("/echo/"):
                    query = self.path.partition("?")[2]
                    said = "Authorization: %s; query: %s" % (self.headers.get("Authorization", ""), query)
                    error = said if self.path.startswith("/echo/mastodon") else {"code": 400, "message": said}
                    body = json.dumps({"error": error}).encode()
                    self.send_response(400)
                    self.send_header("Content-Type", "application/json")
                else:
                    name = os.path.join(root, os.path.basename(self.path.split("?")[0]))
                    if not os.path.isfile(name):
                        self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
                    body = open(name, "rb").read()
                    self.send_response(200)
                    self.send_header("Content-Type", types.get(os.path.splitext(name)[1], "text/plain"))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *a): pass
        \#(TestServerScript.serveUntilStdinCloses)
        """#

    init(folder: String) throws {
        port = Int(try CLI.startPython(process, ["-c", Self.script, folder], stdin: stdin)) ?? 0
    }

    var base: String { "http://127.0.0.1:\(port)" }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
