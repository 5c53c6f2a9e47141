#!/usr/bin/env bash
# Starts the server as a newcomer would (no DATABASE_URL: embedded PGlite under a fresh data dir,
# demo data seeded), logs in as a demo satker user, files a ticket, and stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(mktemp -d)"
port=$(( 20000 + RANDOM % 20000 ))
log="$data/server.log"
# Own process group, so stopping it stops npm and the node process it runs, and nothing else.
setsid env -u DATABASE_URL LOKET_DATA_DIR="$data" PORT="$port" npm start >"$log" 2>&1 &
pid=$!
stop() { kill -TERM -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"; }
trap stop EXIT

base="http://127.0.0.1:$port/api/v1"
for _ in $(seq 1 120); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "server exited"; exit 1; }
  sleep 1
done
curl -fsS "$base/health"; echo
grep -q "Loket siap di" "$log" || { cat "$log"; echo "no ready line"; exit 1; }

token=$(curl -fsS -H 'content-type: application/json' \
  -d '{"nik":"7571014505880001","password":"LoketDemo2026"}' "$base/auth/login" | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
status=$(curl -sS -o "$data/ticket.json" -w '%{http_code}' -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"service":"PERTANYAAN","form":{"perihal":"Uji asap","uraian":"Apakah server menjawab?"}}' "$base/tickets")
[ "$status" = 201 ] || { cat "$data/ticket.json"; echo "filing returned $status"; exit 1; }
node -e 'const t=JSON.parse(require("fs").readFileSync(process.argv[1]));if(t.status!=="BARU")process.exit(1);console.log("smoke: filed",t.number)' "$data/ticket.json"
curl -fsS "http://127.0.0.1:$port/masuk" | grep -q "Masuk ke Loket" || { echo "portal login page missing"; exit 1; }
echo "smoke: ok ($(grep -o 'siap di.*ms' "$log"))"
