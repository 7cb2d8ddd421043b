#!/usr/bin/env python3
"""A real IMAP server for ImpostorFetchTests: Debian's Dovecot with a private configuration.

Usage: imap_server.py ROOT USER PASSWORD_FILE [--tls CERT KEY]
  ROOT is a private folder the test made; everything Dovecot writes stays in it (dovecot.log too).
  USER logs in with the first line of PASSWORD_FILE. INBOX is the Maildir ROOT/Maildir: deliver a
  message by writing a file to ROOT/Maildir/new/ (a unique name such as "1700000000.N.host",
  readable by others: Dovecot reads it as the "dovecot" user); Dovecot sees it as unseen, and
  serves LF-only files with CRLF. Other folders are ROOT/Maildir/.<name>/.
  --tls: STARTTLS with CERT and KEY on the same port (ssl = required). Dovecot counts a connection
  from 127.0.0.1 to 127.0.0.1 as secured, so it still lets a plaintext login in: to check that a
  client used TLS, look for "TLS" (not "secured") on the "Login:" line of ROOT/dovecot.log.
Prints "PORT <n>" once Dovecot greets on 127.0.0.1; ends Dovecot when stdin closes or on SIGTERM.
"""
import base64
import ctypes
import os
import pwd
import signal
import socket
import subprocess
import sys
import time

import lifetime

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
listen = 127.0.0.1
protocols = imap
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = {uid}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:{root}/Maildir
passdb {{
  driver = passwd-file
  args = {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root} mail=maildir:{root}/Maildir
}}
service imap-login {{
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
{ssl}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def greets(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            ok = s.recv(64).startswith(b"* OK")
            s.sendall(b"a LOGOUT\r\n")
            return ok
    except OSError:
        return False


def die_with_parent():
    # Should the test SIGKILL us, Dovecot must not outlive us.
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start(root, ssl):
    """Dovecot on a free port; another port when one was taken between our probe and its bind."""
    user = pwd.getpwnam("dovecot")
    for _ in range(5):
        port = free_port()
        conf = os.path.join(root, "dovecot.conf")
        with open(conf, "w") as f:
            f.write(CONFIG.format(root=root, uid=user.pw_uid, gid=user.pw_gid, port=port, ssl=ssl))
        with open(os.path.join(root, "dovecot.stderr"), "ab") as err:
            child = subprocess.Popen(["/usr/sbin/dovecot", "-F", "-c", conf], stdin=subprocess.DEVNULL,
                                     stdout=err, stderr=err, preexec_fn=die_with_parent)
        deadline = time.monotonic() + 10
        while child.poll() is None and time.monotonic() < deadline:
            if greets(port):
                return child, port
            time.sleep(0.05)
        stop(child)
    sys.exit("dovecot did not start; see %s/dovecot.log and dovecot.stderr" % root)


def children(pid):
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open("/proc/%s/stat" % entry) as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
        except (OSError, ValueError, IndexError):
            pass
    return found


def stop(child):
    # Dovecot's master leaves the imap processes of open connections running when it stops; a test
    # that stops the server means every connection to be gone with it.
    serving = children(child.pid)
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    for pid in serving:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def main():
    root, user, password_file = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    ssl = "ssl = no"
    if sys.argv[4:5] == ["--tls"]:
        ssl = "ssl = required\nssl_cert = <%s\nssl_key = <%s" % (os.path.abspath(sys.argv[5]), os.path.abspath(sys.argv[6]))
    with open(password_file, "rb") as f:
        password = f.readline().rstrip(b"\r\n")
    # Base64 so that a ':' in the password cannot split the passwd-file line.
    with open(os.path.join(root, "passwd"), "w") as f:
        f.write("%s:{PLAIN.b64}%s\n" % (user, base64.b64encode(password).decode()))
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(root, "Maildir", sub), exist_ok=True)
    # Mail is accessed as the "dovecot" user (Dovecot refuses uid 0), so it must own the Maildir
    # and be able to reach it; the messages the test writes as root only need to be readable.
    dovecot = pwd.getpwnam("dovecot")
    os.chmod(root, 0o711)
    for path in (os.path.join(root, "Maildir"), *(os.path.join(root, "Maildir", s) for s in ("cur", "new", "tmp"))):
        os.chown(path, dovecot.pw_uid, dovecot.pw_gid)

    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    child, port = start(root, ssl)
    try:
        lifetime.announce(port)
        sys.stdin.buffer.read()  # the test's lifeline: EOF means it is done with us
    finally:
        # The test may close the lifeline and send SIGTERM at once: the second must not cut the stop short.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(child)


if __name__ == "__main__":
    main()
