#!/usr/bin/env python3
"""Serves a scan benchmark's listing pages and avatars on 127.0.0.1.

  server.py PROFILES.jsonl PAGE_SIZE AVATARS

GET /page?n=N returns profiles N*PAGE_SIZE.. as JSON lines, each with an avatar URL of its own
(/avatar/<id>.png), drawn from AVATARS distinct 400×400 PNG pictures made at start. Prints
"PORT <n>" once listening.
"""
import io
import json
import random
import sys
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from PIL import Image, ImageDraw

profiles = [json.loads(line) for line in open(sys.argv[1])]
page_size = int(sys.argv[2])
rng = random.Random(11)


def picture(i):
    # A different arrangement of shapes and colours per picture, so hashes differ as real avatars do.
    img = Image.new("RGB", (400, 400), tuple(rng.randrange(256) for _ in range(3)))
    d = ImageDraw.Draw(img)
    for _ in range(6):
        x, y = rng.randrange(300), rng.randrange(300)
        d.ellipse((x, y, x + rng.randrange(40, 200), y + rng.randrange(40, 200)), fill=tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


pictures = [picture(i) for i in range(int(sys.argv[3]))]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send(self, body, kind, etag=None):
        # Avatars carry an ETag, as platforms' image hosts do: a rescan asks with If-None-Match.
        if etag is not None and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if etag is not None:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/page":
            n = int(parse_qs(url.query).get("n", ["0"])[0])
            lines = []
            for p in profiles[n * page_size:(n + 1) * page_size]:
                p = dict(p, avatar="http://127.0.0.1:%d/avatar/%s.png" % (self.server.server_port, p["id"]))
                lines.append(json.dumps(p))
            self.send(("\n".join(lines) + "\n").encode(), "application/x-ndjson")
        elif url.path.startswith("/avatar/"):
            key = url.path[len("/avatar/"):].removesuffix(".png")
            n = zlib.crc32(key.encode()) % len(pictures)
            self.send(pictures[n], "image/png", etag='"p%d"' % n)
        else:
            self.send_error(404)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024


server = Server(("127.0.0.1", 0), Handler)
print("PORT %d" % server.server_port, flush=True)
server.serve_forever()
