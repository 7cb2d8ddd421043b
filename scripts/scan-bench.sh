#!/bin/sh
# Scan benchmark: IDENTITIES councils, PROFILES profiles served as listing pages with an avatar each
# by a local server; times the release `impostor scan` (fetch, avatar download and hash, score,
# store) with /usr/bin/time -v, then the start of a scan with nothing to fetch.
# Usage: scripts/scan-bench.sh [identities] [profiles] [distinct avatars]
# IMPOSTOR_PYTHON names the Python that runs the generator and the server (default /usr/bin/python3,
# with python3-pil from scripts/install-deps).
set -eu
IDS=${1:-40}
PROFILES=${2:-5000}
PICTURES=${3:-500}
PAGE=100
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
SERVER=
# Clean up on every way out; a signal exits through the EXIT trap too (dash runs it only on exit).
trap 'if [ -n "$SERVER" ]; then kill $SERVER 2>/dev/null; fi; rm -rf "$WORK"' EXIT
trap 'exit 143' INT TERM HUP
PATH=/opt/swift/usr/bin:$PATH
IMPOSTOR_PYTHON=${IMPOSTOR_PYTHON:-/usr/bin/python3}
# The server draws the avatars with PIL: say so now rather than after the build.
"$IMPOSTOR_PYTHON" -c 'import PIL' 2>/dev/null ||
    { echo "scan-bench: IMPOSTOR_PYTHON=$IMPOSTOR_PYTHON cannot import PIL" \
        "(scripts/install-deps installs python3-pil for /usr/bin/python3)" >&2; exit 1; }

# swiftb (this machine's build lock) when present keeps two builds from running at once.
LOCK=$(command -v swiftb || true)
$LOCK swift build -c release --product impostor --package-path "$ROOT" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
BIN=$(swift build -c release --package-path "$ROOT" --show-bin-path)/impostor

"$IMPOSTOR_PYTHON" "$ROOT/Benchmarks/scoring/generate.py" "$WORK" "$IDS" "$PROFILES"
"$IMPOSTOR_PYTHON" "$ROOT/Benchmarks/scan/server.py" "$WORK/profiles.jsonl" $PAGE "$PICTURES" >"$WORK/port" &
SERVER=$!
# The server draws its pictures first; give up if it dies or takes over a minute.
tries=0
while ! grep -q PORT "$WORK/port" 2>/dev/null; do
    kill -0 $SERVER 2>/dev/null || { echo "scan-bench: the benchmark server did not start" >&2; exit 1; }
    tries=$((tries + 1))
    [ $tries -lt 600 ] || { echo "scan-bench: the benchmark server took over a minute to start" >&2; exit 1; }
    sleep 0.1
done
PORT=$(awk '{print $2}' "$WORK/port")

PAGES=$(( (PROFILES + PAGE - 1) / PAGE ))
{
    printf 'allow_private_addresses = true\nrequest_budget = %d\n\n[[source]]\nkind = "listing"\nurls = [\n' $((PAGES + PROFILES + 10))
    i=0
    while [ $i -lt "$PAGES" ]; do printf '  "http://127.0.0.1:%d/page?n=%d",\n' "$PORT" $i; i=$((i + 1)); done
    printf ']\n'
} >"$WORK/watchlist/impostor.toml"

echo "scan: $IDS identities, $PROFILES profiles in $PAGES pages, $PICTURES distinct 400x400 PNG avatars"
if ! /usr/bin/time -v "$BIN" scan --quiet --no-digest --watchlist "$WORK/watchlist" --db "$WORK/bench.sqlite" \
    --cache "$WORK/cache" 2>"$WORK/time.log"; then
    # A failed scan measures nothing: show why and fail (CI runs this as the release build's smoke test).
    grep -v '^\s' "$WORK/time.log" | head -40
    echo "scan-bench: the scan failed" >&2
    exit 1
fi
grep -E "Elapsed|Maximum resident" "$WORK/time.log"
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$1"; }
FIRST_CPU=$(cpu "$WORK/time.log")

# The same accounts again, unchanged: avatars come back 304 and their evidence from the cache.
if ! /usr/bin/time -v "$BIN" scan --quiet --no-digest --watchlist "$WORK/watchlist" --db "$WORK/bench.sqlite" \
    --cache "$WORK/cache" 2>"$WORK/time2.log"; then
    grep -v '^\s' "$WORK/time2.log" | head -40
    echo "scan-bench: the second scan failed" >&2
    exit 1
fi
SECOND_CPU=$(cpu "$WORK/time2.log")
echo "second scan of the same accounts:"
grep -E "Elapsed|Maximum resident" "$WORK/time2.log"
awk -v a="$FIRST_CPU" -v b="$SECOND_CPU" 'BEGIN { printf "CPU: first %.2f s, second %.2f s, second/first %.2f\n", a, b, b / a }'
"$BIN" status --watchlist "$WORK/watchlist" --db "$WORK/bench.sqlite" | head -8

# Nothing to fetch: the same councils, no sources, the same store.
mkdir -p "$WORK/empty"
cp "$WORK"/watchlist/c*.toml "$WORK/empty/"
echo "start with nothing to fetch (10 runs):"
i=0
while [ $i -lt 10 ]; do
    if ! /usr/bin/time -o "$WORK/empty.time" -f "%e s %M KB" "$BIN" scan --quiet --no-digest --watchlist "$WORK/empty" \
        --db "$WORK/bench.sqlite" --cache "$WORK/cache"; then
        echo "scan-bench: the scan with nothing to fetch failed" >&2
        exit 1
    fi
    cat "$WORK/empty.time"
    i=$((i + 1))
done
