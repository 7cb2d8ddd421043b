#!/usr/bin/env python3
"""A small forward proxy for ImpostorFetchTests: absolute-form GET and CONNECT tunnels.

Prints "PORT <n>" once listening on 127.0.0.1. It reaches only this machine: loopback targets are
connected as named, TEST-NET-3 addresses (203.0.113.0/24, which stand for "somewhere public" in the
tests) are sent to 127.0.0.1 on the same port, and anything else is answered 502 without a connection.
GET /stats (origin form) returns every request it was asked to carry.
"""
import http.client
import ipaddress
import json
import select
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit
import lifetime

LOCK = threading.Lock()
SEEN = []
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer",
              "transfer-encoding", "upgrade", "content-length"}


def local_target(host):
    """The loopback address standing in for `host`, or None when the proxy must not go there."""
    host = host.strip("[]")
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_loopback or address in ipaddress.ip_network("203.0.113.0/24"):
        return "127.0.0.1"
    return None


class Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if body.startswith("{") else "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/stats":
            with LOCK:
                return self.reply(200, json.dumps({"requests": SEEN}))
        parts = urlsplit(self.path)
        if parts.scheme != "http" or not parts.hostname:
            return self.reply(400, "absolute http URLs only")
        with LOCK:
            SEEN.append({"method": "GET", "target": self.path})
        target = local_target(parts.hostname)
        if target is None:
            return self.reply(502, "this test proxy reaches only this machine")
        upstream = http.client.HTTPConnection(target, parts.port or 80, timeout=10)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        upstream.request("GET", (parts.path or "/") + ("?" + parts.query if parts.query else ""), headers=headers)
        answer = upstream.getresponse()
        body = answer.read()
        self.send_response(answer.status, answer.reason)
        for k, v in answer.getheaders():
            if k.lower() not in HOP_BY_HOP and k.lower() not in ("date", "server"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        upstream.close()

    def do_CONNECT(self):
        host, _, port = self.path.rpartition(":")
        with LOCK:
            SEEN.append({"method": "CONNECT", "target": self.path})
        target = local_target(host)
        if target is None or not port.isdigit():
            return self.reply(502, "this test proxy reaches only this machine")
        try:
            upstream = socket.create_connection((target, int(port)), timeout=10)
        except OSError:
            return self.reply(502, "cannot connect")
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()
        sockets = [self.connection, upstream]
        try:
            while True:
                ready, _, _ = select.select(sockets, [], [], 30)
                if not ready:
                    break
                for s in ready:
                    data = s.recv(65536)
                    if not data:
                        return
                    (upstream if s is self.connection else self.connection).sendall(data)
        finally:
            upstream.close()
            self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True


def main():
    lifetime.tie_to_test()
    server = Server(("127.0.0.1", 0), Proxy)
    lifetime.announce(server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
