#!/bin/sh
# Report mailbox benchmark: COUNT residents' messages (Benchmarks/intake/generate.py) in a real Dovecot
# on 127.0.0.1, read by `impostor intake` (release build, pages not read) and then by the Python peer
# (Benchmarks/intake/peer.py) on a fresh copy of the same mailbox, in one run. Prints each one's wall
# time and messages per second, then reads impostor's mailbox a second time with every message put
# back as unseen, and shows that the cases and reports did not change.
# Usage: scripts/intake-bench.sh [count]
set -eu
COUNT=${1:-1000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${IMPOSTOR_PYTHON:-/usr/bin/python3}
WORK=$(mktemp -d /tmp/intake-bench.XXXXXX)
# Dovecot reads its files as its own user: the folder must be passable.
chmod 711 "$WORK"
PATH=/opt/swift/usr/bin:$PATH
swift build -c release --product impostor --package-path "$ROOT" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
BIN=$(swift build -c release --package-path "$ROOT" --show-bin-path)/impostor

"$PY" "$ROOT/Benchmarks/intake/generate.py" "$WORK/messages" "$COUNT"
echo "bench password" >"$WORK/password"
mkdir -p "$WORK/imap" "$WORK/watchlist"
cp "$ROOT/watchlist/oakbridge-town-council.toml" "$ROOT/watchlist/oakbridge-town-council-logo.png" "$WORK/watchlist/"
mkfifo "$WORK/lifeline.fifo"
"$PY" "$ROOT/Tests/ImpostorFetchTests/Servers/imap_server.py" "$WORK/imap" fakes "$WORK/password" <"$WORK/lifeline.fifo" >"$WORK/port" &
SERVER=$!
exec 4>"$WORK/lifeline.fifo"
while ! grep -q PORT "$WORK/port" 2>/dev/null; do sleep 0.1; done
PORT=$(sed -n 's/PORT //p' "$WORK/port")
cat >"$WORK/watchlist/impostor.toml" <<TOML
database = "$WORK/impostor.sqlite"
[intake]
imap_url = "imap://127.0.0.1:$PORT/INBOX"
username = "fakes"
password_file = "$WORK/password"
read_pages = false
max_messages = 100000
TOML

deliver() {
  for f in "$WORK"/messages/*; do cp "$f" "$WORK/imap/Maildir/new/"; done
  chmod 644 "$WORK"/imap/Maildir/new/*
}
now() { date +%s.%N; }
rate() { echo "$1 / ($3 - $2)" | bc -l | xargs printf '%.0f'; }

deliver
t0=$(now)
"$BIN" intake --watchlist "$WORK/watchlist" --quiet 2>"$WORK/impostor.err" || true
t1=$(now)
reported=$("$BIN" review --all --json --watchlist "$WORK/watchlist" | wc -l)
reports=$(sqlite3 "$WORK/impostor.sqlite" "SELECT count(*) FROM case_report" 2>/dev/null || echo "?")
printf 'impostor: %d messages in %.2f s: %s messages/s; %s cases, %s reports\n' "$COUNT" "$(echo "$t1 - $t0" | bc -l)" \
  "$(rate "$COUNT" "$t0" "$t1")" "$reported" "$reports"

# The same messages, again unseen in the inbox: nothing may be filed twice.
rm -f "$WORK"/imap/Maildir/new/* "$WORK"/imap/Maildir/cur/*
find "$WORK/imap/Maildir" -path "*/.impostor-processed/*" -type f \( -path '*/new/*' -o -path '*/cur/*' \) -delete
deliver
"$BIN" intake --watchlist "$WORK/watchlist" --quiet 2>>"$WORK/impostor.err" || true
again=$("$BIN" review --all --json --watchlist "$WORK/watchlist" | wc -l)
reports_again=$(sqlite3 "$WORK/impostor.sqlite" "SELECT count(*) FROM case_report" 2>/dev/null || echo "?")
echo "read again: $again cases, $reports_again reports (before: $reported, $reports)"

rm -f "$WORK"/imap/Maildir/new/* "$WORK"/imap/Maildir/cur/*
deliver
t2=$(now)
"$PY" "$ROOT/Benchmarks/intake/peer.py" "$PORT" fakes "$WORK/password" "$WORK/peer.sqlite"
t3=$(now)
printf 'peer:     %d messages in %.2f s: %s messages/s\n' "$COUNT" "$(echo "$t3 - $t2" | bc -l)" "$(rate "$COUNT" "$t2" "$t3")"
echo "ratio (peer time / impostor time): $(echo "($t3 - $t2) / ($t1 - $t0)" | bc -l | xargs printf '%.2f')"
exec 4>&-
wait "$SERVER" 2>/dev/null || true
rm -rf "$WORK"
