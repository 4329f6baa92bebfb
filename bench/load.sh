#!/usr/bin/env bash
# Load test of `dossier serve` on the BBC News corpus (../shared/data/bbc, 2,225 articles).
#
# Ingests the corpus into a temporary store, serves it on a free loopback port, and measures with
# wrk (requests/s, p50 and p99 latency) a full-text search (rotating over 24 query words), one
# document with its extraction, an event page of the dossier, an entity page, and the whole
# dossier (gzip). Then a fault run: a second `dossier ingest` writes while wrk searches, and the
# store must hold every document afterwards, pass `dossier check`, and have served no errors.
#
# Bounded: each run lasts DURATION seconds (default 10) with CONNECTIONS connections (default 16),
# all on 127.0.0.1; the server is stopped at the end. Usage:
#   bash bench/load.sh [--duration S] [--connections N] [--bin PATH] [--corpus DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=10
connections=16
bin=
corpus=../shared/data/bbc
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    *) echo "load.sh: unknown option $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
done
[ "$duration" -ge 1 ] && [ "$duration" -le 120 ] || { echo "load.sh: --duration must be 1..120 s" >&2; exit 2; }
[ "$connections" -ge 1 ] && [ "$connections" -le 256 ] || { echo "load.sh: --connections must be 1..256" >&2; exit 2; }
[ -d "$corpus" ] || { echo "load.sh: no corpus at $corpus (the BBC set is in ../shared/data/bbc)" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "load.sh: wrk is missing (apt-get install wrk)" >&2; exit 1
  fi
fi
if [ -z "$bin" ]; then
  cargo build --release -p dossier-cli
  bin=./target/release/dossier
fi

tmp=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

t0=$(date +%s.%N)
"$bin" ingest "$corpus" --db "$tmp/load.db" --quiet
t1=$(date +%s.%N)
docs=$("$bin" check --db "$tmp/load.db" | awk '/documents/ {print $2; exit}')
printf 'ingest: %s documents in %.1f s\n' "${docs:-?}" "$(python3 -c "print($t1 - $t0)")"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
"$bin" serve --db "$tmp/load.db" --host 127.0.0.1 --port "$port" 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 1 100); do
  curl -fsS "$base/api/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done

# The first dossier: built from every stored extraction (the server starts building it at once).
cold=$(curl -fsS -o /dev/null -w '%{time_total}' "$base/api/dossier")
warm=$(curl -fsS -o /dev/null -w '%{time_total}' "$base/api/dossier")
size=$(curl -fsS -o /dev/null -w '%{size_download}' "$base/api/dossier")
gz=$(curl -fsS -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base/api/dossier")
printf 'dossier: first request %.2f s (built at start-up, or waited for), cached %.3f s; %s bytes, %s gzipped\n' "$cold" "$warm" "$size" "$gz"

event=$(curl -fsS "$base/api/figures?limit=1" | python3 -c 'import json,sys; v=json.load(sys.stdin)["items"]; print(v[0]["event"] if v else "")')
[ -n "$event" ] || event=$(curl -fsS "$base/api/events?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
entity=$(curl -fsS "$base/api/entities?limit=1&type=PER" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
doc=$(curl -fsS "$base/api/documents?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

cat > "$tmp/search.lua" <<'EOF'
local words = {"economy", "election", "film", "music", "football", "mobile", "software", "labour",
  "oil", "bank", "minister", "award", "internet", "court", "tax", "china", "growth", "chelsea",
  "games", "police", "\"prime minister\"", "profit OR loss", "champion*", "blair AND brown"}
local i = 0
request = function()
  i = i + 1
  local q = words[(i % #words) + 1]:gsub(" ", "%%20"):gsub("\"", "%%22")
  return wrk.format("GET", "/api/search?q=" .. q .. "&limit=20")
end
EOF
cat > "$tmp/report.lua" <<'EOF'
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, errors))
end
EOF
cat "$tmp/report.lua" >> "$tmp/search.lua"

results=()
measure() { # name, url, [lua script], [extra header]
  local name=$1 url=$2 script=${3:-$tmp/report.lua} header=${4:-X-Load: 1}
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -H "$header" -s "$script" "$url" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}')
  results+=("$name|$out")
  echo "  $name: $out" >&2
}

echo "measuring ($duration s each, $connections connections, 2 wrk threads; the server and wrk share this machine's cores):" >&2
measure "search (24 queries)" "$base/" "$tmp/search.lua"
measure "document + extraction" "$base/api/documents/$doc"
measure "event page (dossier)" "$base/api/events/$event"
measure "entity page (dossier)" "$base/api/entities/$entity"
measure "whole dossier (gzip)" "$base/api/dossier" "$tmp/report.lua" "Accept-Encoding: gzip"

# Fault run: ingest more documents while searches go on.
before=$(curl -fsS "$base/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
( "$bin" ingest examples/demo --db "$tmp/load.db" --quiet; "$bin" ingest ../shared/seeds --db "$tmp/load.db" --quiet 2>/dev/null || true ) &
ingester=$!
measure "search during ingest" "$base/" "$tmp/search.lua"
wait "$ingester"
after=$(curl -fsS "$base/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
dossier_docs=$(curl -fsS "$base/api/dossier" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["documents"]))')
"$bin" check --db "$tmp/load.db" >"$tmp/check.txt" || { cat "$tmp/check.txt"; echo "load.sh: the store failed its check after concurrent ingest" >&2; exit 1; }

echo
printf '%-26s %10s %9s %9s %9s %7s\n' endpoint 'req/s' 'p50 ms' 'p99 ms' requests errors
for r in "${results[@]}"; do
  IFS='|' read -r name figures <<<"$r"
  read -r rps p50 p99 n err <<<"$figures"
  printf '%-26s %10s %9s %9s %9s %7s\n' "$name" "$rps" "$p50" "$p99" "$n" "$err"
done
echo
echo "concurrent ingest: $before documents before, $after after; the dossier served afterwards has $dossier_docs; dossier check: $(tr '\n' ' ' <"$tmp/check.txt")"
fail=0
for r in "${results[@]}"; do
  read -r _ _ _ _ err <<<"${r#*|}"
  [ "${err:-1}" = 0 ] || { echo "load.sh: errors in '${r%%|*}'" >&2; fail=1; }
done
[ "$after" -gt "$before" ] && [ "$dossier_docs" = "$after" ] || { echo "load.sh: documents lost or the dossier is stale" >&2; fail=1; }
exit $fail
