#!/usr/bin/env bash
# Measures the hot path GET /s/{code} against the bare limit server in one run, then
# checks that every answered redirect left exactly one click row.
#
# Usage: scripts/bench-redirect.sh [sqlite|postgres] [ROUNDS] [SECONDS]
#   postgres uses AMBASADA_BENCH_POSTGRES (a server URL; a fresh database is made in it).
# Needs wrk (apt-get install -y wrk) and python3 (to read the database).
set -euo pipefail
engine=${1:-sqlite}; rounds=${2:-3}; secs=${3:-5}
repo=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH_DIR:-$repo/../shared/bench}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/ambasada-target}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
cargo build -q --release -p ambasada --manifest-path "$repo/Cargo.toml"
bin="$CARGO_TARGET_DIR/release/ambasada"
work=$(mktemp -d)
port=${BENCH_PORT:-18090}
cleanup() {
  cd /
  [ -n "${spid:-}" ] && kill "$spid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
case "$engine" in
  sqlite) ;;
  postgres)
    server=${AMBASADA_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}
    db="amb_bench_$$"
    psql "$server" -qc "CREATE DATABASE $db" >/dev/null
    export AMBASADA_DATABASE_URL="${server%/*}/$db"
    trap 'cleanup; psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
    ;;
  *) echo "engine: sqlite or postgres" >&2; exit 2 ;;
esac
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already in use: stop what listens there" >&2; exit 2; fi
# The demo fills the database (ambasada-demo.db, or the PostgreSQL database above when
# the demo is told to use it) and serves it.
if [ "$engine" = sqlite ]; then
  RUST_LOG=warn "$bin" demo --bind "127.0.0.1:$port" >server.log 2>&1 & spid=$!
else
  RUST_LOG=warn "$bin" demo --bind "127.0.0.1:$port" --database "$AMBASADA_DATABASE_URL" >server.log 2>&1 & spid=$!
fi
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
kill -0 "$spid" 2>/dev/null || { echo "the server did not start:" >&2; cat server.log >&2; exit 1; }
query() {
  if [ "$engine" = sqlite ]; then
    python3 -c "import sqlite3,sys; print(sqlite3.connect('ambasada-demo.db').execute(sys.argv[1]).fetchone()[0])" "$1"
  else
    psql "$AMBASADA_DATABASE_URL" -tAc "$1"
  fi
}
# A link that leads somewhere now: its item approved or published, started, not expired
# (the demo also has scheduled and expired items).
now_ms=$(date +%s%3N)
code=$(query "SELECT l.code FROM tracked_links l JOIN content_items c ON c.id = l.item_id WHERE c.status IN ('approved', 'published') AND c.starts_at <= $now_ms AND (c.expires_at IS NULL OR c.expires_at > $now_ms) ORDER BY l.id LIMIT 1")
url="http://127.0.0.1:$port/s/$code"
echo "engine: $engine; link: $url"
first=$(curl -s -o /dev/null -w "%{http_code} -> %{redirect_url}" "$url")
echo "first answer: $first"
case "$first" in 302*) ;; *) echo "the link does not redirect: nothing to measure" >&2; exit 1 ;; esac
bash "$bench/redirect-vs-limit.sh" "$url" "$rounds" "$secs"
# wrk counts every answer; a round is only valid if all of them were redirects.
if grep -q "Non-2xx or 3xx" /tmp/redirect-vs-limit.log; then
  echo "some answers were not redirects (see /tmp/redirect-vs-limit.log): figures invalid" >&2
  exit 1
fi
# wrk stops counting with requests still in flight, so the exact check uses a load
# generator that keeps every answer: click rows added must equal the 302s received.
# The clicks of the measured rounds may still be on their way from the click journal to
# the table (its loader catches up after a burst): start from a count that stands still.
before=$(query "SELECT COUNT(*) FROM clicks")
for _ in $(seq 300); do
  sleep 0.2
  now=$(query "SELECT COUNT(*) FROM clicks")
  [ "$now" = "$before" ] && break
  before=$now
done
summary=$(python3 "$repo/scripts/loadcheck.py" "$url" --seconds "$secs" --connections 32 --out tokens.txt)
# The clicks reach the table from the click journal within about 100 ms: read the count
# until it is complete (or 5 s have passed).
answered=$(wc -l < tokens.txt)
for _ in $(seq 50); do
  after=$(query "SELECT COUNT(*) FROM clicks")
  [ "$((after - before))" -ge "$answered" ] && break
  sleep 0.1
done
echo "count check: $summary; click rows added: $((after - before))"
if [ "$answered" -gt 0 ] && [[ "$summary" == *" other: 0 "* ]] && [ "$((after - before))" -eq "$answered" ]; then echo "count check: OK"; else echo "count check: MISMATCH"; exit 1; fi
