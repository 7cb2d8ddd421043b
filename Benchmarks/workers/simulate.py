#!/usr/bin/env python3
"""A county association (300 councils) and England (10,000) scanned by 1, 2 and 4 workers.

Each worker is bound to its own 127.0.0.x address with --source-address, against bluesky.py, which
limits each client address as Bluesky's AppView does (3,000 requests per 300 s), sped up by
--speed so that a round fits in minutes: window = 300 s / speed. A round's councils per hour in
platform time is then councils per second x 3600 / speed. A run without the limit (--limit 0)
shows what impostor itself can do, so the two can be compared.

    python3 Benchmarks/workers/simulate.py --binary .build/release/impostor --councils 300 --workers 1 2 4

It starts a private PostgreSQL server (initdb in a temporary folder, trust on 127.0.0.1), a fresh
database per run, and prints one line per run and a Markdown table.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SYLLABLES = ["ash", "brant", "cinder", "dun", "east", "fern", "gorse", "hallow", "ivy", "kettle", "lark", "marl",
             "nether", "ox", "penn", "quar", "rook", "salt", "till", "wend", "vicar", "wolver", "yarn", "zen"]
ENDINGS = ["combe", "well", "ford", "stead", "leigh", "hollow", "brook", "mere", "bridge", "by", "hill", "ton",
           "wick", "field", "ham", "worth", "cote", "moor", "haven", "cott", "thorpe", "bury", "den", "ley"]
KINDS = ["Town Council", "Parish Council", "Community Council"]


def places(n):
    """n distinct invented place names: syllable + ending (+ a second word past 576)."""
    out = []
    for extra in ["", " Magna", " Parva", " Minor", " End", " Green", " Vale", " Cross", " Row", " Hill",
                  " Heath", " Marsh", " Down", " Common", " Fields", " Lea", " Wold", " Bank", " Side", " Gate"]:
        for s in SYLLABLES:
            for e in ENDINGS:
                out.append((s + e).capitalize() + extra)
                if len(out) == n:
                    return out
    raise SystemExit("too many councils for the name generator")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    """initdb in a temporary folder; as root, the server runs as the postgres user."""

    def __init__(self):
        bins = sorted(d for d in os.listdir("/usr/lib/postgresql") if os.path.isdir("/usr/lib/postgresql/" + d))
        self.bin = "/usr/lib/postgresql/%s/bin" % bins[-1]
        self.dir = tempfile.mkdtemp(prefix="impostor-sim-pg-")
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.dir, "postgres", "postgres")
        data = self.dir + "/data"
        self.run(["initdb", "-D", data, "-U", "impostor", "-A", "trust", "--no-sync", "-E", "UTF8"])
        self.run(["pg_ctl", "-D", data, "-l", self.dir + "/log", "-w", "-o",
                  "-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c max_connections=200" % (self.port, self.dir),
                  "start"])
        self.data = data

    def run(self, args):
        subprocess.run(self.as_user + [self.bin + "/" + args[0]] + args[1:], check=True, stdout=subprocess.DEVNULL)

    def create(self, name):
        self.run(["psql", "-h", self.dir, "-p", str(self.port), "-U", "impostor", "-d", "postgres", "-q", "-c",
                  'CREATE DATABASE "%s"' % name])
        return "postgres://impostor@127.0.0.1:%d/%s?sslmode=disable" % (self.port, name)

    def stop(self):
        self.run(["pg_ctl", "-D", self.data, "-m", "immediate", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)


def watchlist(folder, councils, url, port):
    os.makedirs(folder + "/watchlist", exist_ok=True)
    for i, place in enumerate(places(councils)):
        kind = KINDS[i % len(KINDS)]
        ident = (place + " " + kind).lower().replace(" ", "-")
        with open("%s/watchlist/%s.toml" % (folder, ident), "w") as f:
            f.write('name = "%s %s"\nkind = "%s"\nplace = "%s"\narea = "Wiltshire"\n' % (place, kind, kind.lower(), place))
    with open(folder + "/watchlist/impostor.toml", "w") as f:
        f.write('database = "%s"\nallow_private_addresses = true\nrequest_budget = 100000\n\n'
                '[[source]]\nkind = "bluesky"\nbase_url = "http://127.0.0.1:%d"\nsquats = 0\n' % (url, port))


def run(args, pg, councils, workers, limit, window):
    folder = tempfile.mkdtemp(prefix="impostor-sim-")
    state = folder + "/standin.json"
    standin = subprocess.Popen([sys.executable, HERE + "/bluesky.py", state, str(limit or 10**9), str(window)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port = int(standin.stdout.readline())
    url = pg.create("sim_%d_%d_%d" % (councils, workers, int(time.time() * 1000) % 10**8))
    watchlist(folder, councils, url, port)
    start = time.monotonic()
    procs = []
    for w in range(workers):
        log = open("%s/worker%d.log" % (folder, w), "w")
        procs.append(subprocess.Popen(
            [args.binary, "worker", "--once", "--quiet", "--no-digest", "--name", "w%d" % w,
             "--source-address", "127.0.0.%d" % (2 + w), "--lease", "120",
             "--watchlist", folder + "/watchlist", "--cache", "%s/cache%d" % (folder, w)],
            stdout=log, stderr=subprocess.STDOUT))
    codes, cpu = [], 0.0
    for p in procs:
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        codes.append(p.returncode)
        cpu += usage.ru_utime + usage.ru_stime
    elapsed = time.monotonic() - start
    standin.stdin.close()
    standin.wait()
    with open(state) as f:
        said = json.load(f)
    served = sum(said["served"].values())
    refused = sum(said["refused"].values())
    if all(c == 0 for c in codes):
        shutil.rmtree(folder, ignore_errors=True)
    return {"councils": councils, "workers": workers, "limit": limit, "window": window, "seconds": elapsed,
            "requests": served, "refused": refused, "codes": codes, "per_address": said["served"],
            "cpu": cpu, "folder": folder}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/release/impostor")
    parser.add_argument("--councils", type=int, nargs="+", default=[300])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--limit", type=int, default=3000, help="requests per window per address (0: none)")
    parser.add_argument("--speed", type=float, default=10, help="how much faster than the platform's clock")
    parser.add_argument("--json", help="append each run's figures to this file")
    args = parser.parse_args()
    window = 300 / args.speed
    pg = Postgres()
    rows = []
    try:
        for councils in args.councils:
            for workers in args.workers:
                r = run(args, pg, councils, workers, args.limit, window)
                rate = councils / r["seconds"]
                r["councils_per_hour"] = rate * 3600 / args.speed if args.limit else rate * 3600
                # What the limit allows: limit per window per address, over the requests a council needs.
                per_council = r["requests"] / councils
                r["bound_per_hour"] = (args.limit / 300 * 3600 * workers / per_council) if args.limit else None
                rows.append(r)
                print(json.dumps({k: v for k, v in r.items() if k != "folder"}), flush=True)
                if args.json:
                    with open(args.json, "a") as f:
                        f.write(json.dumps(r) + "\n")
    finally:
        pg.stop()
    print("\n| councils | workers | seconds | requests | 429s | workers' CPU s | councils/hour | limit allows/hour |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        bound = "%.0f" % r["bound_per_hour"] if r["bound_per_hour"] else "no limit"
        print("| %d | %d | %.1f | %d | %d | %.1f | %.0f | %s |" % (
            r["councils"], r["workers"], r["seconds"], r["requests"], r["refused"], r["cpu"], r["councils_per_hour"], bound))


if __name__ == "__main__":
    main()
