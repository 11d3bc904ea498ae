#!/usr/bin/env bash
# Fuzzes /api/v1 from its own OpenAPI document with schemathesis: the demo company on a
# fresh SQLite file, an admin's token with every scope an admin may hold, and
# schemathesis generating requests the document allows and requests it forbids. It fails
# on any 5xx, any answer whose status or body the document does not describe, and any
# refused request the document says is valid (and the reverse).
#
# Usage: scripts/fuzz-api.sh [MAX_EXAMPLES]     (default 40 per operation)
# Installs schemathesis (pinned below) into a venv under /var/tmp on first use. Talks only
# to 127.0.0.1. What it finds is kept as tests in crates/server/tests/api/openapi.rs.
set -euo pipefail
examples=${1:-40}
repo=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/ambasada-target}
venv=${FUZZ_VENV:-/var/tmp/ambasada-fuzz-venv}
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check schemathesis==4.32.5
fi
cargo build -q -p ambasada --manifest-path "$repo/Cargo.toml"
bin="$CARGO_TARGET_DIR/debug/ambasada"
work=$(mktemp -d)
port=${FUZZ_PORT:-18093}
cleanup() {
  cd /
  if [ -n "${spid:-}" ]; then
    kill "$spid" 2>/dev/null || true
    wait "$spid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
# The demo's outgoing mail and webhooks stay on this machine (no SMTP server is set).
AMBASADA_LOG_FORMAT=json "$bin" demo --bind "127.0.0.1:$port" > server.log 2>&1 &
spid=$!
for _ in $(seq 300); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$spid" 2>/dev/null || { cat server.log; exit 1; }
  sleep 0.2
done
token=$("$bin" token create --demo --user admin@demo.example \
  --scopes content:read,content:write,conversions:write,reports:read,calendar:write,webhooks:write \
  | grep -o 'amb_[A-Za-z0-9_-]*' | head -1)
[ -n "$token" ] || { echo "fuzz: no token" >&2; exit 1; }
status=0
"$venv/bin/schemathesis" --config-file "$repo/scripts/schemathesis.toml" run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --url "http://127.0.0.1:$port" \
  --header "Authorization: Bearer $token" \
  --checks all \
  --mode all \
  --max-examples "$examples" \
  --workers 2 \
  --seed 1 \
  --suppress-health-check all \
  || status=$?
if grep -q '"level":"ERROR"\|panicked' server.log; then
  echo "fuzz: the server logged errors:" >&2
  grep '"level":"ERROR"\|panicked' server.log | head -20 >&2
  status=1
fi
exit $status
