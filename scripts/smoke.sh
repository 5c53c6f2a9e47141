#!/usr/bin/env bash
# Starts the server as a newcomer would (no DATABASE_URL: embedded PGlite under a fresh data dir,
# demo data seeded), logs in as a demo satker user, files a ticket, has the demo CSO issue a reply
# letter and downloads it as PDF (Chromium from npm install), checks readiness, and stops the server
# with SIGTERM, which must end it with exit code 0.
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(mktemp -d)"
port=$(( 20000 + RANDOM % 20000 ))
log="$data/server.log"
# Own process group, so stopping it stops npm and the node process it runs, and nothing else.
setsid env -u DATABASE_URL -u CHROMIUM_PATH LOKET_DATA_DIR="$data" PORT="$port" npm start >"$log" 2>&1 &
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
grep -q "Loket siap dalam" "$log" || { cat "$log"; echo "no ready line"; exit 1; }
grep -q "/masuk" "$log" || { cat "$log"; echo "the start-up log does not name the portal"; exit 1; }
curl -fsS "$base/ready" | grep -q '"migrations":"ok"' || { echo "not ready"; exit 1; }

token=$(curl -fsS -H 'content-type: application/json' \
  -d '{"nik":"7571014505880001","password":"LoketDemo2026"}' "$base/auth/login" | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
status=$(curl -sS -o "$data/ticket.json" -w '%{http_code}' -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"service":"PERTANYAAN","form":{"perihal":"Uji asap","uraian":"Apakah server menjawab?"}}' "$base/tickets")
[ "$status" = 201 ] || { cat "$data/ticket.json"; echo "filing returned $status"; exit 1; }
node -e 'const t=JSON.parse(require("fs").readFileSync(process.argv[1]));if(t.status!=="BARU")process.exit(1);console.log("smoke: filed",t.number)' "$data/ticket.json"
curl -fsS "http://127.0.0.1:$port/masuk" | grep -q "Masuk ke Loket" || { echo "portal login page missing"; exit 1; }

ticket=$(node -pe 'JSON.parse(require("fs").readFileSync(process.argv[1])).id' "$data/ticket.json")
cso=$(curl -fsS -H 'content-type: application/json' \
  -d '{"nik":"7571014101850004","password":"LoketDemo2026"}' "$base/auth/login" | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
curl -fsS -o /dev/null -H "authorization: Bearer $cso" -H 'If-Match: "1"' -H 'content-type: application/json' \
  -d '{"type":"CLAIM"}' "$base/tickets/$ticket/events"
letter=$(curl -fsS -H "authorization: Bearer $cso" -H 'content-type: application/json' -d '{"hal":"Tanggapan uji asap","sifat":"Biasa",
  "lampiran":"-","yth":"Kuasa Pengguna Anggaran","isi":"Pertanyaan Saudara telah kami terima.","tembusan":[],
  "penandatangan":{"nama":"Kepala Kantor Uji","nip":"198001012005011001","jabatan":"Kepala Kantor"}}' \
  "$base/tickets/$ticket/letters" | node -pe 'JSON.parse(require("fs").readFileSync(0)).id')
curl -fsS -o "$data/letter.pdf" -H "authorization: Bearer $cso" "$base/tickets/$ticket/letters/$letter?format=pdf"
head -c 5 "$data/letter.pdf" | grep -q '%PDF-' || { echo "the letter is not a PDF"; exit 1; }
echo "smoke: letter PDF $(wc -c <"$data/letter.pdf") bytes"

# Graceful stop: SIGTERM to the server itself (not npm), which must exit 0.
# The node process itself, not the `sh -c` that npm runs it through.
node_pid=$(pgrep -s "$pid" -f "^node .*dist/apps/main.js" | head -n1)
kill -TERM "$node_pid"
for _ in $(seq 1 100); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.1; done
code=0; wait "$pid" || code=$?
[ "$code" = 0 ] || { cat "$log"; echo "npm start exited with $code after SIGTERM"; exit 1; }
grep -q '"msg":"berhenti"' "$log" || { cat "$log"; echo "no shutdown line"; exit 1; }
echo "smoke: ok ($(grep -o 'siap dalam [0-9]* ms' "$log"), stopped cleanly)"
