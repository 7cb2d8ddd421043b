#!/usr/bin/env python3
"""An HTTP/2 server over TLS for ImpostorFetchTests, on hypercorn (Debian: python3-hypercorn).

Usage: h2_server.py CERT KEY. Prints "PORT <n>" once listening on 127.0.0.1. Every answer is JSON
naming the HTTP version the request came in and the client port it came from; /stats lists the
client ports seen, so a test can count connections. /slow answers after 200 ms, to overlap requests.
"""
import asyncio
import json
import socket
import sys

from hypercorn.asyncio import serve
from hypercorn.config import Config
import lifetime

PORTS = set()


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            kind = message["type"].replace("lifespan.", "")
            await send({"type": "lifespan.%s.complete" % kind})
            if kind == "shutdown":
                return
    if scope["type"] != "http":
        return
    PORTS.add(scope["client"][1])
    if scope["path"] == "/slow":
        await asyncio.sleep(0.2)
    if scope["path"] == "/stats":
        answer = {"client_ports": sorted(PORTS)}
    else:
        answer = {"http_version": scope["http_version"], "path": scope["path"], "client_port": scope["client"][1]}
    body = json.dumps(answer).encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def main():
    lifetime.tie_to_test()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    config = Config()
    config.bind = ["fd://%d" % listener.fileno()]
    config.certfile, config.keyfile = sys.argv[1], sys.argv[2]
    config.alpn_protocols = ["h2", "http/1.1"]
    config.accesslog = None
    config.errorlog = None
    lifetime.announce(listener.getsockname()[1])
    asyncio.run(serve(app, config))


if __name__ == "__main__":
    main()
