#!/usr/bin/env python3
"""How `dossier report` grows with the corpus: the BBC News set (2,225 articles) replicated to
1x, 4x and 16x (each copy with new document ids, so nothing deduplicates), wall time and peak
memory of one `dossier report --format json` over each.

Usage: python3 bench/report_scaling.py [--corpus DIR] [--factors 1,4,16] [--binary PATH]
"""
import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/data/bbc")
    ap.add_argument("--factors", default="1,4,16")
    ap.add_argument("--binary", type=Path, default=None)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus {args.corpus} not found (needs ../shared/data/bbc or --corpus DIR)")
    binary = args.binary
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "dossier-cli"], cwd=ROOT, check=True)
        binary = ROOT / "target/release/dossier"
    articles = sorted(p for p in args.corpus.rglob("*.txt"))
    texts = [(str(p.relative_to(args.corpus)), p.read_text(encoding="utf-8")) for p in articles]
    print(f"dossier report over the BBC corpus replicated ({len(texts)} articles per copy)")
    print(f"{'factor':>6} {'documents':>10} {'wall s':>8} {'docs/s':>8} {'peak MB':>8} {'MB per 1k docs':>15}")
    with tempfile.TemporaryDirectory() as tmp:
        for factor in [int(f) for f in args.factors.split(",")]:
            path = Path(tmp) / f"bbc-{factor}x.jsonl"
            with open(path, "w") as f:
                for copy in range(factor):
                    for name, text in texts:
                        f.write(json.dumps({"id": f"{copy}/{name}", "text": text}) + "\n")
            # Each run in its own process so ru_maxrss is this run's peak.
            probe = (
                "import resource,subprocess,sys,time;"
                "t=time.perf_counter();"
                "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
                "w=time.perf_counter()-t;"
                "sys.exit(r.stderr.decode()[-500:]) if r.returncode not in (0,1) else None;"
                "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
            )
            out = subprocess.run(
                [sys.executable, "-c", probe, str(binary), "report", "-q", "--format", "json", str(path)],
                capture_output=True, text=True, check=True,
            ).stdout.split()
            wall, rss_kb = float(out[0]), int(out[1])
            docs = factor * len(texts)
            print(f"{factor:>6} {docs:>10} {wall:>8.2f} {docs / wall:>8.0f} {rss_kb / 1024:>8.0f} {rss_kb / 1024 / docs * 1000:>15.1f}")


if __name__ == "__main__":
    main()
