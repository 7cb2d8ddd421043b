#!/bin/sh
# Fetch benchmark: PAGES listing pages from a local server adding LATENCY_MS each, fetched by the
# release `impostor fetch` at CONCURRENCY. Prints wall time against pages × latency ÷ concurrency.
# Usage: scripts/fetch-bench.sh [pages] [concurrency] [latency_ms]
# IMPOSTOR_PYTHON names the Python that runs the server (default /usr/bin/python3).
set -eu
PAGES=${1:-2000}
CONCURRENCY=${2:-16}
LATENCY_MS=${3:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMPOSTOR_PYTHON=${IMPOSTOR_PYTHON:-/usr/bin/python3}
"$IMPOSTOR_PYTHON" -c '' 2>/dev/null || { echo "fetch-bench: IMPOSTOR_PYTHON=$IMPOSTOR_PYTHON does not run" >&2; exit 1; }
WORK=$(mktemp -d)
PATH=/opt/swift/usr/bin:$PATH

swiftb swift build -c release --product impostor --package-path "$ROOT" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
BIN=$(swift build -c release --package-path "$ROOT" --show-bin-path)/impostor

"$IMPOSTOR_PYTHON" "$ROOT/Benchmarks/fetch/latency_server.py" "$(echo "$LATENCY_MS / 1000" | bc -l)" >"$WORK/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
while ! grep -q PORT "$WORK/port" 2>/dev/null; do sleep 0.1; done
PORT=$(awk '{print $2}' "$WORK/port")

mkdir -p "$WORK/watchlist"
printf 'name = "Benchmark Town Council"\n' >"$WORK/watchlist/bench.toml"
{
    printf 'request_budget = %d\nmax_connections_per_host = %d\n\n[[source]]\nkind = "listing"\nconcurrency = %d\nurls = [\n' \
        $((PAGES + 10)) "$CONCURRENCY" "$CONCURRENCY"
    i=0
    while [ $i -lt "$PAGES" ]; do printf '  "http://127.0.0.1:%d/page?n=%d",\n' "$PORT" $i; i=$((i + 1)); done
    printf ']\n'
} >"$WORK/watchlist/impostor.toml"

START=$(date +%s.%N)
"$BIN" fetch --watchlist "$WORK/watchlist" --cache "$WORK/cache" --no-avatars >"$WORK/out.jsonl" 2>"$WORK/summary"
END=$(date +%s.%N)
LINES=$(wc -l <"$WORK/out.jsonl")
WALL=$(echo "$END - $START" | bc -l)
IDEAL=$(echo "$PAGES * $LATENCY_MS / 1000 / $CONCURRENCY" | bc -l)
printf 'pages=%d concurrency=%d latency=%dms profiles=%d wall=%.2fs ideal=%.2fs ratio=%.2f\n' \
    "$PAGES" "$CONCURRENCY" "$LATENCY_MS" "$LINES" "$WALL" "$IDEAL" "$(echo "$WALL / $IDEAL" | bc -l)"
cat "$WORK/summary"
