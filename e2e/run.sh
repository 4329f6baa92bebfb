#!/usr/bin/env bash
# End-to-end browser test of `dossier serve`: loads the demo corpus into a temporary store,
# starts the release binary on a free loopback port, and drives Debian's Chromium through the web
# interface with playwright-core (e2e/test.mjs). Screenshots land in e2e/screenshots/.
#
# Needs: node and npm; /usr/bin/chromium (installed with apt-get when missing and we are root);
# cargo, unless DOSSIER_BIN names a built binary. Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "e2e: installing Debian's chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "e2e: /usr/bin/chromium is missing; install it (apt-get install chromium) or set CHROMIUM" >&2
    exit 1
  fi
fi
command -v node >/dev/null || { echo "e2e: node is missing (apt-get install nodejs npm)" >&2; exit 1; }

(cd e2e && npm ci --no-audit --no-fund --loglevel=error)

bin=${DOSSIER_BIN:-./target/release/dossier}
if [ -z "${DOSSIER_BIN:-}" ]; then
  cargo build --release -p dossier-cli
fi

tmp=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

"$bin" ingest examples/demo --db "$tmp/demo.db" --quiet
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --db "$tmp/demo.db" --host 127.0.0.1 --port "$port" 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$tmp/serve.log" >&2; echo "e2e: the server did not start" >&2; exit 1; fi
  sleep 0.1
done

timeout 300 node e2e/test.mjs "http://127.0.0.1:$port"
