#!/usr/bin/env bash
# spark/test.sh: the Spark job's dossier equals the single-machine one, and the merge property.
#
# What: makes spark/.venv (pyspark from PyPI; reused when present), then
#   1. spark/merge_property_test.py: random groupings and merge orders of partial dossiers give a
#      byte-identical final dossier (no Spark);
#   2. spark/check_equal.py: runs spark/dossier_job.py in local mode on ../shared/seeds, on
#      examples/demo, and on both plus broken JSON lines, and compares each dossier.json byte for
#      byte with `dossier report <same inputs> --format json`; exits non-zero with a diff summary.
# Why: CI (.ci/run) calls `bash spark/test.sh`; the job must change nothing about the dossier.
# Needs python3 (3.10+), Java 17 and ../shared/seeds. Takes about a minute plus the pip install.
set -euo pipefail
cd "$(dirname "$0")/.."
export SPARK_LOCAL_IP=127.0.0.1

if [ ! -x target/release/dossier ]; then
    cargo build --release -q -p dossier-cli
fi
# A private copy, so a concurrent rebuild cannot change the binary between the two sides.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp target/release/dossier "$tmp/dossier"

if ! spark/.venv/bin/python -c 'import pyspark' 2>/dev/null; then
    python3 -m venv spark/.venv
    spark/.venv/bin/pip install --quiet --disable-pip-version-check 'pyspark>=4,<5'
fi

python3 spark/merge_property_test.py --binary "$tmp/dossier"
# Spark's JVM chatter goes to a log; the comparison's lines go to stdout.
if ! spark/.venv/bin/python spark/check_equal.py --binary "$tmp/dossier" --work "$tmp/work" 2>"$tmp/spark.log"; then
    echo "spark/test.sh: FAILED; last lines of the Spark log:" >&2
    grep -v '^\s*at ' "$tmp/spark.log" | tail -30 >&2
    exit 1
fi
echo "spark/test.sh: ok"
