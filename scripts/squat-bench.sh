#!/bin/sh
# Squat watch benchmark: COUNCILS councils, their squat lists looked up on three platforms (Bluesky
# getProfiles, X users/by, Mastodon lookup) against local stand-ins adding LATENCY_MS to each answer,
# one squat planted per council and platform at a random place in its list. Prints requests sent,
# wall time against the latency-bound ideal (each source's requests one after another, the three
# side by side), and the planted squats found.
# Usage: scripts/squat-bench.sh [councils] [latency_ms]
set -eu
COUNCILS=${1:-40}
LATENCY_MS=${2:-50}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMPOSTOR_PYTHON=${IMPOSTOR_PYTHON:-/usr/bin/python3}
WORK=$(mktemp -d)
PATH=/opt/swift/usr/bin:$PATH
swift build -c release --product impostor --package-path "$ROOT" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
BIN=$(swift build -c release --package-path "$ROOT" --show-bin-path)/impostor

# Councils with made-up places, and one squat planted per council and platform from its own list.
mkdir -p "$WORK/watchlist"
i=0
for place in Ashcombe Barnwell Castleford Dunmere Elmstead Farleigh Glenmoor Hartwell Ivybridge Kenwick \
  Langley Marston Netherby Oakhurst Pemberton Quarry Radwell Stanmore Thornley Upwood Ventnor Walford \
  Yarwell Zennor Alderley Brampton Colwick Denholm Eastcote Fenwick Grayson Hadleigh Ickford Kelsall \
  Lydford Medbury Norwell Otterby Pelton Redmire Saxby Tilford; do
  [ "$i" -ge "$COUNCILS" ] && break
  printf 'name = "%s Town Council"\n' "$place" >"$WORK/watchlist/c$i.toml"
  i=$((i + 1))
done
"$BIN" squats --watchlist "$WORK/watchlist" >"$WORK/squats.txt"
"$IMPOSTOR_PYTHON" - "$WORK/squats.txt" >"$WORK/planted" <<'PY'
import random, sys
random.seed(7)
for line in open(sys.argv[1]):
    line = line.strip()
    for platform in ("bluesky", "x", "mastodon"):
        if line.startswith(platform + ","):
            handles = line.split(": ", 1)[1].split()
            print(platform, random.choice(handles))
PY
"$IMPOSTOR_PYTHON" "$ROOT/Benchmarks/squats/server.py" "$(echo "$LATENCY_MS / 1000" | bc -l)" "$WORK/planted" >"$WORK/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
while ! grep -q PORT "$WORK/port" 2>/dev/null; do sleep 0.1; done
PORT=$(awk '{print $2}' "$WORK/port")
printf 'x-token\n' >"$WORK/watchlist/x-token"
cat >"$WORK/watchlist/impostor.toml" <<TOML
request_budget = 10000
[[source]]
kind = "bluesky"
base_url = "http://127.0.0.1:$PORT"
max_pages = 1
queries = []
[[source]]
kind = "x"
base_url = "http://127.0.0.1:$PORT"
token_file = "x-token"
[[source]]
kind = "mastodon"
base_url = "http://127.0.0.1:$PORT"
TOML
# The bluesky and mastodon sources search for the names too: those requests are counted apart.
START=$(date +%s.%N)
"$BIN" fetch --watchlist "$WORK/watchlist" --cache "$WORK/cache" --no-avatars >"$WORK/out.jsonl" 2>"$WORK/summary" || true
END=$(date +%s.%N)
STATS=$(curl -s "http://127.0.0.1:$PORT/stats")
"$IMPOSTOR_PYTHON" - "$WORK/planted" "$WORK/out.jsonl" "$STATS" "$START" "$END" "$LATENCY_MS" "$COUNCILS" <<'PY'
import json, sys
planted = [l.split() for l in open(sys.argv[1])]
found = {(p["platform"], p["handle"].split("@")[0].lower()) for p in map(json.loads, open(sys.argv[2]))}
stats = json.loads(sys.argv[3])
wall = float(sys.argv[5]) - float(sys.argv[4])
latency = float(sys.argv[6]) / 1000
hits = sum(1 for platform, handle in planted if (platform, handle.lower()) in found)
lookups = {k: stats[k] for k in ("bluesky", "x", "mastodon")}
searches = {k: stats[k + "_search"] for k in ("bluesky", "mastodon")}
# Each source sends its requests one after another; the three run side by side.
ideal = max(lookups["bluesky"] + searches["bluesky"], lookups["x"], lookups["mastodon"] + searches["mastodon"]) * latency
missed = [(platform, handle) for platform, handle in planted if (platform, handle.lower()) not in found]
if missed:
    print("missed:", " ".join("%s:%s" % m for m in missed[:12]))
print("councils=%s latency=%sms lookups=%s searches=%s handles_per_request_max=%d wall=%.2fs ideal=%.2fs ratio=%.2f planted_found=%d/%d"
      % (sys.argv[7], sys.argv[6], json.dumps(lookups), json.dumps(searches), stats["max_handles"], wall, ideal, wall / ideal,
         hits, len(planted)))
PY
cat "$WORK/summary"
