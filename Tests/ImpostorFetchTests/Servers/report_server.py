"""A stand-in for the two report APIs impostor can call, on 127.0.0.1 for tests.

Mastodon (the council's server): GET /api/v2/search resolves accounts for a valid token;
POST /api/v1/reports takes a report. Bluesky (the council's PDS): createSession checks an app
password and hands out a session token; createReport takes a report sent with it and the
atproto-proxy header. Every request is kept and listed by GET /received, so a test can check
exactly what arrived, and that no secret went anywhere it should not.

Arguments: --token T --identifier I --password P [--refuse-reports] [--echo-auth]. With --echo-auth,
a refused report's error quotes the request's Authorization header back, as some proxies do.
"""
import argparse, json, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs
import lifetime

ARGS = None
RECEIVED = []
LOCK = threading.Lock()
SESSION = "session-jwt-for-tests"
MODERATION = "did:plc:ar7c4by46qjdydhdevvrndac#atproto_labeler"

# Accounts the council's Mastodon server knows: the suspect is remote, so its acct has its domain.
ACCOUNTS = [
    {"id": "110000000000000001", "acct": "oakbridge.council@fake.example", "uri": "https://fake.example/users/oakbridge.council"},
    {"id": "110000000000000002", "acct": "oakbridge.council.news@fake.example", "uri": "https://fake.example/users/oakbridge.council.news"},
]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def keep(self, body):
        with LOCK:
            RECEIVED.append({
                "method": self.command, "path": self.path, "body": body,
                "authorization": self.headers.get("Authorization"),
                "content_type": self.headers.get("Content-Type"),
                "atproto_proxy": self.headers.get("atproto-proxy"),
            })

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/received":
            with LOCK:
                return self.send(200, RECEIVED)
        self.keep("")
        if url.path == "/api/v2/search":
            if self.headers.get("Authorization") != "Bearer " + ARGS.token:
                return self.send(401, {"error": "The access token is invalid"})
            q = parse_qs(url.query)
            if q.get("resolve") != ["true"]:
                return self.send(401, {"error": "Search queries that resolve remote resources are not supported without authentication"})
            wanted = q.get("q", [""])[0].lstrip("@").lower()
            return self.send(200, {"accounts": [a for a in ACCOUNTS if wanted in a["acct"]], "statuses": [], "hashtags": []})
        return self.send(404, {"error": "Not found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw)
        except ValueError:
            self.keep(raw.decode("utf-8", "replace"))
            return self.send(400, {"error": "InvalidRequest", "message": "the body is not JSON"})
        path = urlparse(self.path).path
        if path == "/xrpc/com.atproto.server.createSession":
            # The password is checked and never kept, so /received shows it went nowhere else.
            ok = body.get("identifier") == ARGS.identifier and body.get("password") == ARGS.password
            self.keep({"identifier": body.get("identifier"), "password": "(checked)"})
            if not ok:
                return self.send(401, {"error": "AuthenticationRequired", "message": "Invalid identifier or password"})
            return self.send(200, {"accessJwt": SESSION, "refreshJwt": "refresh", "did": "did:plc:council", "handle": ARGS.identifier})
        self.keep(body)
        if path == "/xrpc/com.atproto.moderation.createReport":
            if self.headers.get("Authorization") != "Bearer " + SESSION:
                return self.send(401, {"error": "AuthenticationRequired", "message": "Authentication Required"})
            if self.headers.get("atproto-proxy") != MODERATION:
                return self.send(400, {"error": "InvalidRequest", "message": "no moderation service named"})
            if ARGS.refuse_reports:
                said = " (request had Authorization: %s)" % self.headers.get("Authorization") if ARGS.echo_auth else ""
                return self.send(400, {"error": "InvalidRequest", "message": "Report reason is not supported" + said})
            return self.send(200, {"id": 4242, "reasonType": body.get("reasonType"), "subject": body.get("subject"),
                                   "reportedBy": "did:plc:council", "createdAt": "2026-11-21T10:00:00.000Z"})
        if path == "/api/v1/reports":
            if self.headers.get("Authorization") != "Bearer " + ARGS.token:
                return self.send(401, {"error": "The access token is invalid"})
            if ARGS.refuse_reports or not any(a["id"] == body.get("account_id") for a in ACCOUNTS):
                said = " (request had Authorization: %s)" % self.headers.get("Authorization") if ARGS.echo_auth else ""
                return self.send(422, {"error": "Validation failed: Target account must exist" + said})
            return self.send(200, {"id": "9001", "action_taken": False, "category": body.get("category"),
                                   "comment": body.get("comment"), "forwarded": body.get("forward")})
        return self.send(404, {"error": "Not found"})


class Server(ThreadingHTTPServer):
    daemon_threads = True


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--token", default="mastodon-token-for-tests")
    parser.add_argument("--identifier", default="oakbridge-tc.gov.uk")
    parser.add_argument("--password", default="abcd-efgh-ijkl-mnop")
    parser.add_argument("--refuse-reports", action="store_true")
    parser.add_argument("--echo-auth", action="store_true")
    ARGS = parser.parse_args()
    lifetime.tie_to_test()
    server = Server(("127.0.0.1", 0), Handler)
    lifetime.announce(server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
