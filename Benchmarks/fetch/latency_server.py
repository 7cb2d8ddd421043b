#!/usr/bin/env python3
"""Listing pages with a fixed added latency, for the fetch benchmark.

GET /page?n=N sleeps LATENCY seconds, then returns one profile as a JSON line. Threaded, HTTP/1.1
keep-alive, and a listen backlog of 1024 (python's default of 5 drops connections under load).
Prints "PORT <n>" once listening on 127.0.0.1.
"""
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

LATENCY = float(sys.argv[1]) if len(sys.argv) > 1 else 0.020


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, a keep-alive client waits for a delayed ACK (~40 ms).
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_GET(self):
        n = parse_qs(urlparse(self.path).query).get("n", ["0"])[0]
        time.sleep(LATENCY)
        body = ('{"platform":"x","id":"bench-%s","handle":"bench%s","display_name":"Bench %s"}\n' % (n, n, n)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024


server = Server(("127.0.0.1", 0), Handler)
print("PORT %d" % server.server_address[1], flush=True)
server.serve_forever()
