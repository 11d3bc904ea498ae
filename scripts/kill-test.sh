#!/usr/bin/env bash
# Durability under a crash: load the hot path, kill the server with SIGKILL in the middle,
# start it again, and check that every redirect the load generator received has its
# click row. Usage: scripts/kill-test.sh [sqlite|postgres] [SECONDS_BEFORE_KILL]
set -euo pipefail
engine=${1:-sqlite}; before_kill=${2:-2}
repo=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/ambasada-target}
cargo build -q --release -p ambasada --manifest-path "$repo/Cargo.toml"
bin="$CARGO_TARGET_DIR/release/ambasada"
work=$(mktemp -d); port=${BENCH_PORT:-18091}
cd "$work"
if [ "$engine" = postgres ]; then
  server=${AMBASADA_BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}
  db="amb_kill_$$"; psql "$server" -qc "CREATE DATABASE $db" >/dev/null
  dburl="${server%/*}/$db"
else
  dburl="sqlite://$work/kill.db"
fi
cleanup() {
  cd /
  pkill -f "ambasada (demo|serve) --bind 127.0.0.1:$port" 2>/dev/null || true
  [ "$engine" = postgres ] && psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
query() {
  if [ "$engine" = postgres ]; then psql "$dburl" -tAc "$1"; else
    python3 -c "import sqlite3,sys; print(sqlite3.connect('$work/kill.db').execute(sys.argv[1]).fetchone()[0])" "$1"; fi
}
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already in use: stop what listens there" >&2; exit 2; fi
RUST_LOG=warn "$bin" demo --bind "127.0.0.1:$port" --database "$dburl" >server.log 2>&1 & spid=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
kill -0 "$spid" 2>/dev/null || { echo "the server did not start:" >&2; cat server.log >&2; exit 1; }
# A link that leads somewhere now: its item approved or published, started, not expired
# (the demo also has scheduled and expired items).
now_ms=$(date +%s%3N)
code=$(query "SELECT l.code FROM tracked_links l JOIN content_items c ON c.id = l.item_id WHERE c.status IN ('approved', 'published') AND c.starts_at <= $now_ms AND (c.expires_at IS NULL OR c.expires_at > $now_ms) ORDER BY l.id LIMIT 1")
python3 "$repo/scripts/loadcheck.py" "http://127.0.0.1:$port/s/$code" --seconds $((before_kill + 3)) --connections 32 --out tokens.txt & lpid=$!
# Bots and link-preview crawlers among the people: recorded as bot hits, not clicks.
for i in $(seq 20); do
  curl -s -o /dev/null -A "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com) $i" \
    "http://127.0.0.1:$port/s/$code" || true
done
sleep "$before_kill"
kill -KILL "$spid"
echo "server killed with SIGKILL after ${before_kill}s of load"
wait "$lpid" || true
# Start again on the same database (SQLite recovers its write-ahead log on open).
AMBASADA_DATABASE_URL="$dburl" RUST_LOG=warn "$bin" serve --bind "127.0.0.1:$port" >server2.log 2>&1 &
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
key=$(query "SELECT value FROM settings WHERE name = 'click_token_key'")
query "SELECT COUNT(*) FROM clicks" >/dev/null
# Every token the load generator got must name a click row that exists.
python3 - "$key" tokens.txt > ids.txt <<'PY'
import base64, hashlib, hmac, sys
key = sys.argv[1].encode()
def h8(label, data): return hmac.new(key, label + data, hashlib.sha256).digest()[:8]
ids = []
for t in open(sys.argv[2]).read().split():
    b = base64.urlsafe_b64decode(t + "==")
    tag, body = b[:8], b[8:16]
    cid = bytes(x ^ y for x, y in zip(body, h8(b"mask", tag)))
    assert h8(b"id", cid) == tag, "a token the server did not make"
    ids.append(int.from_bytes(cid, "big", signed=True))
print("\n".join(map(str, ids)))
PY
received=$(wc -l < tokens.txt)
if [ "$engine" = postgres ]; then
  found=$(psql "$dburl" -tA -c "CREATE TEMP TABLE answered (id BIGINT)" -c "\\copy answered FROM '$work/ids.txt'" \
    -c "SELECT COUNT(*) FROM answered JOIN clicks USING (id)" | tail -1)
else
  found=$(python3 -c "
import sqlite3
c = sqlite3.connect('$work/kill.db')
ids = [(int(x),) for x in open('$work/ids.txt').read().split()]
c.execute('CREATE TEMP TABLE answered (id INTEGER)')
c.executemany('INSERT INTO answered VALUES (?)', ids)
print(c.execute('SELECT COUNT(*) FROM answered JOIN clicks USING (id)').fetchone()[0])")
fi
echo "redirects received before the kill: $received; their click rows after restart: $found"
# The roll-ups the writers kept (in the transactions that wrote the clicks) must equal a
# recount from the raw rows: human clicks, bot hits and unique visitors (a visitor hash
# per link and day), per link and day and per program.
rollup=$(query "SELECT COALESCE(SUM(clicks), 0) || '/' || COALESCE(SUM(bots), 0) || '/' || COALESCE(SUM(visitors), 0) FROM click_days")
recount=$(query "SELECT (SELECT COUNT(*) FROM clicks WHERE browser <> 'bot') || '/' || (SELECT COUNT(*) FROM clicks WHERE browser = 'bot') || '/' || (SELECT COUNT(*) FROM (SELECT DISTINCT link_id, at / 86400000, visitor_hash FROM clicks WHERE browser <> 'bot') v)")
per_day_off=$(query "SELECT COUNT(*) FROM (SELECT link_id, at / 86400000 AS day, SUM(CASE WHEN browser <> 'bot' THEN 1 ELSE 0 END) AS c, SUM(CASE WHEN browser = 'bot' THEN 1 ELSE 0 END) AS b, COUNT(DISTINCT CASE WHEN browser <> 'bot' THEN visitor_hash END) AS v FROM clicks GROUP BY link_id, at / 86400000) r LEFT JOIN click_days d ON d.link_id = r.link_id AND d.day = r.day WHERE d.link_id IS NULL OR d.clicks <> r.c OR d.bots <> r.b OR d.visitors <> r.v")
program_off=$(query "SELECT COUNT(*) FROM (SELECT l.program_id AS p, CAST(SUM(d.clicks) AS BIGINT) AS c, CAST(SUM(d.bots) AS BIGINT) AS b, CAST(SUM(d.visitors) AS BIGINT) AS v FROM click_days d JOIN tracked_links l ON l.id = d.link_id WHERE l.program_id IS NOT NULL GROUP BY l.program_id) x LEFT JOIN (SELECT program_id AS p, CAST(SUM(clicks) AS BIGINT) AS c, CAST(SUM(bots) AS BIGINT) AS b, CAST(SUM(visitors) AS BIGINT) AS v FROM stats_ambassador_days GROUP BY program_id) a ON a.p = x.p WHERE a.p IS NULL OR a.c <> x.c OR a.b <> x.b OR a.v <> x.v")
echo "roll-ups (human clicks/bot hits/unique visitors): $rollup; recount from raw rows: $recount; link-days that differ: $per_day_off; programs that differ: $program_off"
if [ "$rollup" != "$recount" ] || [ "$per_day_off" != 0 ] || [ "$program_off" != 0 ]; then echo "kill test: FAILED (roll-ups)"; exit 1; fi
if [ "$received" -gt 0 ] && [ "$found" -eq "$received" ]; then echo "kill test: OK"; else echo "kill test: FAILED"; exit 1; fi
