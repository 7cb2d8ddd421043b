"""A stand-in for Bluesky's public AppView that enforces a rate limit per client address.

app.bsky.actor.searchActors answers {"actors": [profileView]} as the lexicon documents: one account
named after the query. Every answer carries the headers atproto's xrpc-server sets (RateLimit-Limit,
RateLimit-Remaining, RateLimit-Reset in epoch seconds, RateLimit-Policy "n;w=secs"); past the limit it
answers 429 with the XRPC error body. Windows are fixed and counted per client IP address, as the
platform counts them, so workers bound to different 127.0.0.x addresses each get their own budget.

    python3 bluesky.py STATE_FILE LIMIT WINDOW_SECONDS

prints its port, serves until stdin closes, and then writes to STATE_FILE the requests served and
refused per address and how often each query was asked (and once a second while it runs).
"""
import http.server
import json
import math
import os
import socket
import sys
import threading
import time
import hashlib
from urllib.parse import urlparse, parse_qs

state_file, limit, window = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
lock = threading.Lock()
windows = {}  # address -> (window start, used)
state = {"served": {}, "refused": {}, "queries": {}}


dirty = False


def save():
    with open(state_file + ".tmp", "w") as f:
        json.dump(state, f)
    os.replace(state_file + ".tmp", state_file)


def keep_saving():
    # Not on every request: at 10,000 councils the file is a megabyte, and writing it each time made
    # the stand-in, not the limit, the bound.
    global dirty
    while True:
        time.sleep(1)
        with lock:
            if dirty:
                save()
                dirty = False


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's algorithm and the client's
        # delayed ACK hold every answer back 40 ms, and the stand-in, not the limit, sets the pace.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def send(self, status, body, headers):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        address = self.client_address[0]
        url = urlparse(self.path)
        q = parse_qs(url.query).get("q", [""])[0]
        now = time.time()
        with lock:
            start, used = windows.get(address, (now, 0))
            if now - start >= window:
                start, used = now, 0
            allowed = used < limit
            if allowed:
                used += 1
            windows[address] = (start, used)
            key = "served" if allowed else "refused"
            state[key][address] = state[key].get(address, 0) + 1
            if allowed and url.path.endswith("app.bsky.actor.searchActors"):
                state["queries"][q] = state["queries"].get(q, 0) + 1
            global dirty
            dirty = True
        headers = {
            "RateLimit-Limit": str(limit),
            "RateLimit-Remaining": str(max(limit - used, 0)),
            "RateLimit-Reset": str(math.ceil(start + window)),
            "RateLimit-Policy": "%d;w=%d" % (limit, math.ceil(window)),
        }
        if not allowed:
            return self.send(429, {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}, headers)
        if url.path.endswith("app.bsky.actor.getProfiles"):
            return self.send(200, {"profiles": []}, headers)
        if not url.path.endswith("app.bsky.actor.searchActors"):
            return self.send(400, {"error": "InvalidRequest", "message": "Profile not found"}, headers)
        digest = hashlib.sha1(q.encode()).hexdigest()[:20]
        handle = "".join(c for c in q.lower() if c.isalnum())[:30] + "-news.bsky.social"
        self.send(200, {"actors": [{
            "did": "did:plc:" + digest, "handle": handle, "displayName": q,
            "description": "Official news from " + q + ". Events, grants and notices.",
            "indexedAt": "2026-11-01T09:00:00.000Z"}]}, headers)

    def log_message(self, *args):
        pass


save()
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
threading.Thread(target=keep_saving, daemon=True).start()
sys.stdin.read()
with lock:
    save()
os._exit(0)
