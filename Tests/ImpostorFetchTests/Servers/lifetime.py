"""What every test server here shares: it lives exactly as long as the test that started it."""
import os
import signal
import sys
import threading


def _exit_when_stdin_closes():
    # The test process holds our stdin: when it lets go (or dies), the server ends too.
    sys.stdin.buffer.read()
    os._exit(0)


def tie_to_test():
    # Swift's Process starts us from a thread that blocks signals; undo that so SIGTERM works.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_when_stdin_closes, daemon=True).start()


def announce(port):
    """The first line a test reads: the port the server listens on."""
    print("PORT %d" % port, flush=True)
