#!/bin/sh
# Scoring benchmark on input that looks like a scan's: IDENTITIES councils and PROFILES profiles from
# Benchmarks/scoring/scanlike.py, most of them naming a watched place. Times `impostor score` and the
# RapidFuzz peer (Benchmarks/scoring/peer.py) on the same files, one after the other, each under
# /usr/bin/time; prints wall and CPU seconds, peak memory, profiles/s and the peer/impostor ratio of
# wall times; then scores both against the key (average precision, recall and precision of
# "suspect", and the share flagged in each category) and lists some of impostor's mistakes.
# Last, impostor alone on the old easy mix (Benchmarks/scoring/generate.py) of the same size.
# Usage: scripts/scoring-bench.sh [identities] [profiles]        (default 40 5000)
#
# IMPOSTOR_BIN    the binary to time (default .build/release/impostor); this script never builds.
# IMPOSTOR_PYTHON the Python for the generators and the scoring (default /usr/bin/python3).
# PEER_VENV       where the peer's packages live when IMPOSTOR_PYTHON cannot import them: by default
#                 ${XDG_CACHE_HOME:-~/.cache}/impostor/scoring-peer-<checksum of requirements.txt>,
#                 made once with `IMPOSTOR_PYTHON -m venv` and `pip install -r requirements.txt`
#                 (needs PyPI; Debian's Python needs python3-venv) and reused by later runs.
# PEER=0          skips the peer. It compares every profile with every council: about 45 ms a
#                 profile against 10,000 councils, so 100,000 profiles take over an hour there.
# EXAMPLES=N      how many of impostor's mistakes to list (default 10).
set -eu
IDS=${1:-40}
PROFILES=${2:-5000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${IMPOSTOR_BIN:-$ROOT/.build/release/impostor}
PY=${IMPOSTOR_PYTHON:-/usr/bin/python3}
PEER=${PEER:-1}
EXAMPLES=${EXAMPLES:-10}
BENCH=$ROOT/Benchmarks/scoring
[ -x "$BIN" ] || { echo "scoring-bench: no impostor binary at $BIN (swift build -c release, or set IMPOSTOR_BIN)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "scoring-bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
trap 'exit 143' INT TERM HUP

# The peer's Python: IMPOSTOR_PYTHON itself when it has the packages, else a cached venv.
PEER_PY=$PY
if [ "$PEER" != 0 ] && ! "$PY" -c 'import rapidfuzz, numpy, confusables' 2>/dev/null; then
    SUM=$(cksum <"$BENCH/requirements.txt" | cut -d' ' -f1)
    VENV=${PEER_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/impostor/scoring-peer-$SUM}
    if ! "$VENV/bin/python" -c 'import rapidfuzz, numpy, confusables' 2>/dev/null; then
        echo "scoring-bench: installing the peer's packages into $VENV" >&2
        "$PY" -m venv "$VENV" >"$WORK/venv.log" 2>&1 &&
            "$VENV/bin/pip" install -q -r "$BENCH/requirements.txt" >>"$WORK/venv.log" 2>&1 ||
            { cat "$WORK/venv.log" >&2; echo "scoring-bench: could not make the peer's venv in $VENV" \
                "(Debian's Python needs python3-venv; or set PEER=0)" >&2; exit 1; }
    fi
    PEER_PY=$VENV/bin/python
fi

# timed NAME COMMAND...: runs COMMAND with standard output to $WORK/NAME.jsonl, its
# "wall user sys peakKB" in $WORK/NAME.time.
timed() {
    name=$1
    shift
    if ! /usr/bin/time -o "$WORK/$name.time" -f "%e %U %S %M" "$@" >"$WORK/$name.jsonl" 2>"$WORK/$name.err"; then
        tail -20 "$WORK/$name.err" >&2
        echo "scoring-bench: $name failed" >&2
        exit 1
    fi
    got=$(wc -l <"$WORK/$name.jsonl")
    [ "$got" -eq "$PROFILES" ] ||
        { echo "scoring-bench: $name wrote $got lines for $PROFILES profiles" >&2; exit 1; }
}

# row NAME LABEL [BASE]: one table line from $WORK/NAME.time; BASE names the run the ratio divides by.
row() {
    awk -v label="$2" -v n="$PROFILES" -v base="${3:-}" -v work="$WORK" '
        { wall = $1; cpu = $2 + $3; mb = $4 / 1024 }
        END {
            ratio = "-"
            if (base != "") { getline b < (work "/" base ".time"); split(b, f, " "); if (f[1] > 0) ratio = sprintf("%.2f", wall / f[1]) }
            printf "%-22s %8.2f %8.2f %8.0f %11.0f %9s\n", label, wall, cpu, mb, (wall > 0 ? n / wall : 0), ratio
        }' "$WORK/$1.time"
}

"$PY" "$BENCH/scanlike.py" "$WORK/scan" "$IDS" "$PROFILES"
echo "scan-like: $IDS councils, $PROFILES profiles ($(basename "$BIN") at $BIN; peer on $PEER_PY)"
timed impostor "$BIN" score --watchlist "$WORK/scan/watchlist" "$WORK/scan/profiles.jsonl"
[ "$PEER" = 0 ] || timed peer "$PEER_PY" "$BENCH/peer.py" "$WORK/scan/watchlist" "$WORK/scan/profiles.jsonl"
printf "%-22s %8s %8s %8s %11s %9s\n" tool "wall s" "CPU s" "peak MB" profiles/s "peer/imp"
row impostor "impostor score"
[ "$PEER" = 0 ] || row peer "peer (RapidFuzz)" impostor

# Accuracy of both against the key, and impostor's mistakes.
"$PY" - "$WORK/scan/key.jsonl" "$WORK/scan/profiles.jsonl" "$EXAMPLES" "$WORK/impostor.jsonl" \
    $([ "$PEER" = 0 ] || echo "$WORK/peer.jsonl") <<'EOF'
import json, sys
from collections import defaultdict

def lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]

key = lines(sys.argv[1])
profiles = {p["id"]: p for p in lines(sys.argv[2])}
examples = int(sys.argv[3])
tools = [("impostor", sys.argv[4])] + ([("peer", sys.argv[5])] if len(sys.argv) > 5 else [])
positives = sum(k["label"] for k in key)
shares = defaultdict(dict)
for tool, path in tools:
    got = {r.get("id"): r for r in lines(path)}
    ranked, tp, fp, own, owned = [], 0, 0, 0, 0
    for k in key:
        r = got.get(k["id"], {})
        flagged = r.get("verdict") == "suspect"
        if k["category"] == "neg:official":
            own += 1
            owned += r.get("verdict") == "official"
        ranked.append((-float(r.get("score") or 0), k["label"]))
        tp += flagged and k["label"]
        fp += flagged and not k["label"]
        n, f = shares[k["category"]].get(tool, (0, 0))
        shares[k["category"]][tool] = (n + 1, f + flagged)
    ranked.sort()
    hits, ap = 0, 0.0
    for i, (_, label) in enumerate(ranked, 1):
        if label:
            hits += 1
            ap += hits / i
    print(f"{tool:10s} AP {ap / max(1, positives):.4f}  recall {tp / max(1, positives):.4f}  "
          f"precision {tp / max(1, tp + fp):.4f}  false alarms {fp} of {len(key) - positives}  "
          f"official recognised {owned}/{own}")
print("flagged share by category: " + "  ".join(t for t, _ in tools))
for cat in sorted(shares):
    n = shares[cat][tools[0][0]][0]
    print(f"  {cat:26s} n={n:6d}  " + "  ".join(f"{shares[cat][t][1] / n:8.3f}" for t, _ in tools))
if examples:
    got = {r.get("id"): r for r in lines(tools[0][1])}
    wrong = [k for k in key if (got.get(k["id"], {}).get("verdict") == "suspect") != bool(k["label"])]
    print(f"impostor's mistakes: {len(wrong)}; first {min(examples, len(wrong))} (one per category first):")
    seen, picked = set(), []
    for k in wrong:
        if k["category"] not in seen:
            seen.add(k["category"]); picked.append(k)
    picked += [k for k in wrong if k not in picked]
    for k in picked[:examples]:
        p, r = profiles[k["id"]], got.get(k["id"], {})
        print(f"  {k['category']:22s} {r.get('verdict')} {r.get('score')}  "
              f"{json.dumps(p['display_name'][:60], ensure_ascii=False)} {p['handle'][:40]}")
EOF

# The old easy mix (most profiles unrelated), impostor alone, as the second figure.
"$PY" "$BENCH/generate.py" "$WORK/easy" "$IDS" "$PROFILES"
timed easy "$BIN" score --watchlist "$WORK/easy/watchlist" "$WORK/easy/profiles.jsonl"
echo "easy mix (generate.py): $IDS councils, $PROFILES profiles"
row easy "impostor score"
