#!/usr/bin/env python3
"""Writes COUNT residents' messages to a folder, in the shapes mail programs send: plain links, HTML
in quoted-printable, base64 alternatives, scams forwarded as attachments and inline, and messages
with no link. Links repeat across messages, as several residents report the same fake page.

Usage: generate.py FOLDER COUNT [SEED]"""
import base64
import os
import random
import sys

folder, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
os.makedirs(folder, exist_ok=True)

pages = ["https://www.facebook.com/oakbridgetowncounci%d" % i for i in range(120)] \
    + ["https://x.com/oakbridge_tc_%d" % i for i in range(80)] \
    + ["https://www.instagram.com/oakbridge.council.%d/" % i for i in range(60)] \
    + ["https://bsky.app/profile/oakbridge-tc-%d.bsky.social" % i for i in range(40)]
scammers = ["priya.sharma.mayor%d@gmail.com" % i for i in range(15)] + ["mayor.oakbridge%d@outlook.com" % i for i in range(5)]


def head(n, subject, sender, extra=""):
    return ("From: Resident %d <resident%d@example.org>\r\nTo: fakes@oakbridge-tc.gov.uk\r\nSubject: %s\r\n"
            "Message-ID: <bench-%d@example.org>\r\nDate: Tue, 1 Dec 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n%s"
            % (sender, sender, subject, n, extra))


def qp(text):
    return text.replace("=", "=3D")


for n in range(count):
    kind = rng.random()
    links = rng.sample(pages, rng.randint(1, 3))
    sender = rng.randint(1, 400)
    if kind < 0.40:
        body = "Hello,\r\n\r\nI think these are fake:\r\n" + "\r\n".join(links) + "\r\n\r\nThanks\r\n"
        msg = head(n, "Fake pages", sender, "Content-Type: text/plain; charset=utf-8\r\n") + "\r\n" + body
    elif kind < 0.60:
        html = "<p>Please look at " + " and ".join('<a href="%s?ref=share">this</a>' % l for l in links) + ".</p>"
        msg = head(n, "Look at this", sender, "Content-Type: text/html; charset=utf-8\r\n"
                   "Content-Transfer-Encoding: quoted-printable\r\n") + "\r\n" + qp(html) + "\r\n"
    elif kind < 0.70:
        text = base64.b64encode(("Fake: " + " ".join(links) + "\n").encode()).decode()
        msg = head(n, "Fake account", sender, 'Content-Type: multipart/alternative; boundary="alt"\r\n') + (
            "\r\n--alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n"
            "--alt\r\nContent-Type: text/html\r\n\r\n<p>%s</p>\r\n--alt--\r\n" % (text, " ".join(links)))
    elif kind < 0.80:
        scam = rng.choice(scammers)
        msg = head(n, "Fwd: Are you free?", sender, 'Content-Type: multipart/mixed; boundary="mix"\r\n') + (
            "\r\n--mix\r\nContent-Type: text/plain\r\n\r\nIs this really the Mayor?\r\n--mix\r\nContent-Type: message/rfc822\r\n\r\n"
            "From: Cllr Priya Sharma <%s>\r\nSubject: Are you free?\r\n\r\n"
            "Are you free at the moment? I need you to get some gift cards for me, I'll reimburse you.\r\n--mix--\r\n" % scam)
    elif kind < 0.85:
        scam = rng.choice(scammers)
        msg = head(n, "Fwd: Quick favour", sender, "Content-Type: text/plain; charset=utf-8\r\n") + (
            "\r\nFYI\r\n\r\n---------- Forwarded message ---------\r\nFrom: Mayor Priya Sharma <%s>\r\n"
            "Date: Mon, 30 Nov 2026 at 17:01\r\nSubject: Quick favour\r\nTo: <r@example.org>\r\n\r\n"
            "I'm in a conference meeting. Can you get me some Apple gift cards? I will reimburse you.\r\n" % scam)
    else:
        msg = head(n, "A question", sender, "Content-Type: text/plain; charset=utf-8\r\n") + (
            "\r\nIs the Christmas market still on? Someone on Facebook said it was cancelled.\r\n")
    with open(os.path.join(folder, "%d.bench%d.host" % (1700000000 + n, n)), "w", newline="") as f:
        f.write(msg)
