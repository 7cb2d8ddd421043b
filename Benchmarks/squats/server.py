#!/usr/bin/env python3
"""Stand-ins for the three look-up APIs of the squat watch, each answer after LATENCY seconds.

Bluesky getProfiles (planted handles come back, others are left out), X /2/users/by (`data` beside
`errors`), Mastodon /api/v1/accounts/lookup (200 or 404). PLANTED is a file of lines
"platform handle". The sources' searches get empty answers. GET /stats gives requests per endpoint and the most handles in one request.
Prints "PORT <n>" once listening on 127.0.0.1.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

LATENCY = float(sys.argv[1])
PLANTED = {}
for line in open(sys.argv[2]):
    platform, handle = line.split()
    PLANTED.setdefault(platform, set()).add(handle.lower())
STATS = {"bluesky": 0, "x": 0, "mastodon": 0, "bluesky_search": 0, "mastodon_search": 0, "max_handles": 0}
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def count(self, name, handles):
        with LOCK:
            STATS[name] += 1
            STATS["max_handles"] = max(STATS["max_handles"], handles)

    def do_GET(self):
        url = urlparse(self.path)
        q = parse_qs(url.query)
        if url.path == "/stats":
            with LOCK:
                return self.send(200, STATS)
        time.sleep(LATENCY)
        # The sources' name searches are answered too (with nothing), and counted apart.
        if url.path.endswith("app.bsky.actor.searchActors"):
            self.count("bluesky_search", 0)
            return self.send(200, {"actors": []})
        if url.path == "/api/v2/search":
            self.count("mastodon_search", 0)
            return self.send(200, {"accounts": [], "statuses": [], "hashtags": []})
        if url.path.endswith("app.bsky.actor.getProfiles"):
            actors = q.get("actors", [])
            self.count("bluesky", len(actors))
            found = [{"did": "did:plc:" + a.split(".")[0], "handle": a, "displayName": "Squat " + a,
                      "description": "", "followersCount": 1}
                     for a in actors if a.lower() in PLANTED.get("bluesky", ())]
            return self.send(200, {"profiles": found})
        if url.path == "/2/users/by":
            names = q.get("usernames", [""])[0].split(",")
            self.count("x", len(names))
            # X ids are unique per account: the name's own number here.
            data = [{"id": str(int.from_bytes(n.lower().encode()[:8].ljust(8, b"_"), "big")), "username": n, "name": "Squat " + n}
                    for n in names if n.lower() in PLANTED.get("x", ())]
            errors = [{"value": n, "detail": "Could not find user with usernames: [%s]." % n, "title": "Not Found Error",
                       "resource_type": "user", "parameter": "usernames", "resource_id": n,
                       "type": "https://api.twitter.com/2/problems/resource-not-found"}
                      for n in names if n.lower() not in PLANTED.get("x", ())]
            body = {"errors": errors}
            if data:
                body["data"] = data
            return self.send(200, body)
        if url.path == "/api/v1/accounts/lookup":
            acct = q.get("acct", [""])[0]
            self.count("mastodon", 1)
            if acct.lower() in PLANTED.get("mastodon", ()):
                return self.send(200, {"id": "1", "username": acct, "acct": acct, "display_name": "Squat " + acct,
                                       "note": "", "url": "https://social.example/@" + acct,
                                       "uri": "https://social.example/users/" + acct})
            return self.send(404, {"error": "Record not found"})
        return self.send(404, {"error": "Not found"})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024


server = Server(("127.0.0.1", 0), Handler)
print("PORT %d" % server.server_address[1], flush=True)
server.serve_forever()
