#!/usr/bin/env bash
# Runs every fuzz target for N seconds each (default 60). Needs cargo-fuzz.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
for t in html feed warc jsonl pipeline dates; do
  echo "== $t ($secs s)"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" -- -max_total_time="$secs" -max_len=65536 2>&1 | grep -E "^(#[0-9]+.*DONE|Done|INFO: -max_total_time|==[0-9]+==|SUMMARY|.*panicked)" || true
done
