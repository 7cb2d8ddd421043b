#!/usr/bin/env python3
"""A real SMTP server for ImpostorFetchTests, on aiosmtpd (Debian: python3-aiosmtpd).

Usage: smtp_server.py MODE OUT [CERT KEY USER PASSWORD_FILE]
  MODE starttls: STARTTLS required before anything else, then AUTH required.
  MODE implicit: TLS from the first byte (smtps), then AUTH required.
  MODE plain:    no TLS offered at all, no AUTH.
Prints "PORT <n>" once listening on 127.0.0.1. Each message received is appended to OUT as one
JSON line: envelope, login, the parsed headers and body (as a mail reader would decode them) and the
raw bytes. Each AUTH attempt is appended as {"auth": user, "ok": bool}.
"""
import asyncio
import email
import email.policy
import email.utils
import json
import socket
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult
import lifetime

MODE, OUT = sys.argv[1], sys.argv[2]
LOCK = threading.Lock()


def record(entry):
    with LOCK, open(OUT, "a") as f:
        f.write(json.dumps(entry) + "\n")


class Handler:
    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        try:
            date_ok = email.utils.parsedate_to_datetime(message["Date"]) is not None
        except (TypeError, ValueError):
            date_ok = False
        record({
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "login": session.auth_data if isinstance(session.auth_data, str) else None,
            # STARTTLS sets session.ssl; implicit TLS shows only on the transport.
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
            "headers": {k: str(v) for k, v in message.items()},
            "date_ok": date_ok,
            "body": message.get_content(),
            "raw": raw.decode("utf-8", "replace"),
        })
        return "250 Message accepted"


def main():
    lifetime.tie_to_test()
    context = None
    user = password = None
    if MODE in ("starttls", "implicit"):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[3], sys.argv[4])
        user = sys.argv[5]
        with open(sys.argv[6]) as f:
            password = f.readline().rstrip("\n")

    def authenticator(server, session, envelope, mechanism, data):
        ok = data.login.decode() == user and data.password.decode() == password
        record({"auth": data.login.decode(), "ok": ok})
        # handled=False: aiosmtpd then answers 535 itself instead of leaving the client waiting.
        return AuthResult(success=ok, handled=False, auth_data=data.login.decode())

    def factory():
        if MODE == "plain":
            return SMTP(Handler(), hostname="mail.test", auth_require_tls=False)
        return SMTP(Handler(), hostname="mail.test", tls_context=context if MODE == "starttls" else None,
                    require_starttls=MODE == "starttls", authenticator=authenticator, auth_required=True,
                    auth_require_tls=MODE == "starttls")

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)

    async def serve():
        server = await asyncio.get_running_loop().create_server(
            factory, sock=listener, ssl=context if MODE == "implicit" else None)
        lifetime.announce(listener.getsockname()[1])
        await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
