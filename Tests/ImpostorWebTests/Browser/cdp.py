"""A headless Chromium and a DevTools-protocol client over a WebSocket, using only the standard library.

The review page's browser tests drive Chromium through this; nothing here knows about impostor.
"""

import base64
import ctypes
import hashlib
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time
import urllib.parse


class DriverError(Exception):
    pass


class WebSocket:
    """A client WebSocket (RFC 6455): text frames out, whole messages in; enough for DevTools."""

    GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self, url, timeout):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme != "ws" or not parts.hostname:
            raise DriverError("not a ws:// address: " + url)
        self.sock = socket.create_connection((parts.hostname, parts.port or 80), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        path = parts.path + ("?" + parts.query if parts.query else "")
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        self.buffer = b""
        head = self._read_until(b"\r\n\r\n").decode("latin-1")
        status = head.split("\r\n", 1)[0]
        if " 101 " not in status + " ":
            raise DriverError("WebSocket upgrade refused: " + status)
        accept = base64.b64encode(hashlib.sha1((key + self.GUID).encode()).digest()).decode()
        if ("sec-websocket-accept: " + accept.lower()) not in head.lower():
            raise DriverError("WebSocket upgrade answered with the wrong Sec-WebSocket-Accept")

    def _read_until(self, marker):
        while marker not in self.buffer:
            self._fill()
        head, self.buffer = self.buffer.split(marker, 1)
        return head

    def _read_exactly(self, n):
        while len(self.buffer) < n:
            self._fill()
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _fill(self):
        chunk = self.sock.recv(1 << 16)
        if not chunk:
            raise DriverError("the browser closed the DevTools connection")
        self.buffer += chunk

    def _send_frame(self, opcode, payload):
        # Clients must mask every frame they send.
        header = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def send_text(self, text):
        self._send_frame(0x1, text.encode())

    def receive_text(self, deadline):
        """The next whole text message; raises socket.timeout when the deadline passes."""
        message = b""
        while True:
            self.sock.settimeout(max(0.05, deadline - time.monotonic()))
            first, second = self._read_exactly(2)
            opcode, fin = first & 0x0F, first & 0x80
            n = second & 0x7F
            if n == 126:
                n = struct.unpack("!H", self._read_exactly(2))[0]
            elif n == 127:
                n = struct.unpack("!Q", self._read_exactly(8))[0]
            mask = self._read_exactly(4) if second & 0x80 else None
            payload = self._read_exactly(n)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x9:
                self._send_frame(0xA, payload)
                continue
            if opcode == 0x8:
                raise DriverError("the browser closed the DevTools connection")
            if opcode in (0x0, 0x1, 0x2):
                message += payload
                if fin:
                    return message.decode()

    def close(self):
        try:
            self._send_frame(0x8, b"")
        except OSError:
            pass
        self.sock.close()


class Chromium:
    """A headless Chromium in its own process group, killed (with its children) by close()."""

    def __init__(self, timeout=30):
        executable = os.environ.get("IMPOSTOR_CHROMIUM") or next(
            (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)
        if not executable:
            raise DriverError("no Chromium found: install Debian's chromium package (scripts/install-deps does)")
        self.profile = tempfile.mkdtemp(prefix="impostor-chromium-")
        args = [
            executable, "--headless=new", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
            f"--user-data-dir={self.profile}", "--no-first-run", "--no-default-browser-check", "--disable-gpu",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-dev-shm-usage",
            "--mute-audio", "--hide-scrollbars", "--force-color-profile=srgb", "about:blank",
        ]
        if os.geteuid() == 0:
            # Chromium's sandbox refuses to run as root (CI containers); the pages it loads are our own.
            args.insert(1, "--no-sandbox")
        self.stderr_tail = []
        _become_subreaper()
        self.process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True, preexec_fn=_die_with_parent)
        found = threading.Event()
        self.ws_url = None

        def drain():
            # Keep reading stderr for the whole run: a full pipe would stall the browser.
            for raw in self.process.stderr:
                line = raw.decode("utf-8", "replace").rstrip()
                self.stderr_tail = (self.stderr_tail + [line])[-30:]
                if self.ws_url is None and "DevTools listening on " in line:
                    self.ws_url = line.split("DevTools listening on ", 1)[1].strip()
                    found.set()
            found.set()

        threading.Thread(target=drain, daemon=True).start()
        if not found.wait(timeout) or not self.ws_url:
            self.close()
            raise DriverError("Chromium did not start: " + " | ".join(self.stderr_tail[-5:]))

    def close(self):
        if self.process.poll() is None:
            for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
                try:
                    os.killpg(self.process.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.process.wait(wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        # Children that outlive the browser (zygote, renderers) share its process group; as their
        # subreaper this driver collects them, so none is left behind, not even as a zombie.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                break
            _reap()
            time.sleep(0.05)
        _reap()
        shutil.rmtree(self.profile, ignore_errors=True)


def _reap():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _become_subreaper():
    # PR_SET_CHILD_SUBREAPER: the browser's orphaned helpers become this driver's children to collect.
    try:
        ctypes.CDLL(None, use_errno=True).prctl(36, 1)
    except (OSError, AttributeError):
        pass


def _die_with_parent():
    # PR_SET_PDEATHSIG: if this driver is killed outright, the kernel kills the browser too.
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


class DevTools:
    """DevTools protocol calls on one page, over the browser's WebSocket (flattened sessions)."""

    def __init__(self, ws_url, timeout=20):
        self.timeout = timeout
        self.ws = WebSocket(ws_url, timeout)
        self.next_id = 0
        self.events = []
        self.session = None
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def call(self, method, params=None, timeout=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        self.ws.send_text(json.dumps(message))
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._receive(deadline, method)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise DriverError(f"{method} failed: {reply['error']}")
                return reply.get("result", {})

    def _receive(self, deadline, waiting_for):
        try:
            reply = json.loads(self.ws.receive_text(deadline))
        except socket.timeout:
            raise DriverError(f"timed out waiting for {waiting_for}") from None
        if "method" in reply:
            self.events.append(reply)
            self._answer_dialogs(reply)
        return reply

    def _answer_dialogs(self, event):
        # A dialog blocks the page: record it (the test fails on it) and dismiss it so the run goes on.
        if event["method"] == "Page.javascriptDialogOpening":
            self.ws.send_text(json.dumps({
                "id": 0, "method": "Page.handleJavaScriptDialog", "params": {"accept": False},
                "sessionId": event.get("sessionId", self.session)}))

    def wait_event(self, name, timeout=None, since=0):
        """The first event called `name` at or after index `since` of the event log."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            for event in self.events[since:]:
                if event["method"] == name:
                    return event
            since = len(self.events)
            self._receive(deadline, name)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise DriverError("script failed: " + json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def navigate(self, url):
        mark = len(self.events)
        reply = self.call("Page.navigate", {"url": url})
        if reply.get("errorText"):
            raise DriverError(f"cannot load {url}: {reply['errorText']}")
        self.wait_event("Page.loadEventFired", since=mark)

    def click(self, selector):
        """A real mouse click in the middle of the element (scrolled into view first); returns nothing."""
        box = self.evaluate(f"""(() => {{
            const el = document.querySelector({json.dumps(selector)});
            if (!el) return null;
            el.scrollIntoView({{block: "center"}});
            const r = el.getBoundingClientRect();
            return {{x: r.left + r.width / 2, y: r.top + r.height / 2}};
        }})()""")
        if box is None:
            raise DriverError("nothing on the page matches " + selector)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent",
                      {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1})

    def click_and_wait_for_load(self, selector):
        mark = len(self.events)
        self.click(selector)
        self.wait_event("Page.loadEventFired", since=mark)

    def press_tab(self):
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", {
                "type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9, "nativeVirtualKeyCode": 9})

    def dialogs(self):
        return [e["params"].get("message", "") for e in self.events if e["method"] == "Page.javascriptDialogOpening"]

    def close(self):
        self.ws.close()
