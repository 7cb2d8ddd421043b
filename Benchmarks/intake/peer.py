#!/usr/bin/env python3
"""The obvious script a capable engineer would write in a day to do the intake: imaplib, the standard
library's e-mail parser, a regular expression for links, SQLite for the reports. It does less than
impostor (no scoring, no forwarded senders judged, no page reading, no hostile-input limits) and is
here to show what reading the mailbox costs by itself.

Usage: peer.py PORT USER PASSWORD_FILE DATABASE"""
import email
import email.policy
import imaplib
import re
import sqlite3
import sys

port, user, password_file, database = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
password = open(password_file).readline().rstrip("\r\n")
LINK = re.compile(r"""https?://(?:www\.|m\.)?(facebook\.com|x\.com|twitter\.com|instagram\.com|bsky\.app)/[^\s"'<>]+""")

db = sqlite3.connect(database)
db.execute("CREATE TABLE IF NOT EXISTS report (message TEXT, link TEXT, UNIQUE(message, link))")
imap = imaplib.IMAP4("127.0.0.1", port)
imap.login(user, password)
imap.select("INBOX")
imap.create("peer-processed")
_, data = imap.uid("SEARCH", None, "UNSEEN")
uids = data[0].split()
processed = 0
for uid in uids:
    _, parts = imap.uid("FETCH", uid, "(BODY.PEEK[])")
    message = email.message_from_bytes(parts[0][1], policy=email.policy.default)
    texts = []
    for part in message.walk():
        if part.get_content_maintype() == "text":
            try:
                texts.append(part.get_content())
            except (LookupError, ValueError):
                pass
    links = {m.group(0) for t in texts for m in LINK.finditer(t)}
    if not links:
        continue
    with db:
        db.executemany("INSERT OR IGNORE INTO report VALUES (?, ?)", [(message.get("Message-ID", uid.decode()), l) for l in links])
    imap.uid("MOVE", uid, "peer-processed")
    processed += 1
print("peer: %d messages, %d processed" % (len(uids), processed))
