#!/usr/bin/env python3
"""Whole-corpus throughput of `dossier extract`: documents/s, MB/s and peak memory.

Runs the release binary over a corpus (default: the BBC News set in ../shared/data/bbc, 2,225
articles) several times, discards the output, and reports the median wall time with the peak
resident memory of the dossier process. Usage:

    python3 bench/throughput.py [--corpus DIR] [--runs N] [--threads N] [--binary PATH]

The binary is built first unless --binary is given. Figures go to stdout as a table and, with
--json FILE, as JSON.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_stats(corpus: Path):
    exts = {".txt", ".html", ".htm", ".jsonl", ".json", ".xml", ".warc", ".gz"}
    files = [p for p in corpus.rglob("*") if p.is_file() and p.suffix in exts]
    return len(files), sum(p.stat().st_size for p in files)


def run_once(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"dossier failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-2000:]}")
    docs = proc.stdout.count(b"\n")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # ru_maxrss of children is the largest of any child so far (KiB on Linux).
    return wall, docs, after.ru_maxrss, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/data/bbc")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--binary", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus {args.corpus} not found (the benchmark needs ../shared/data/bbc or --corpus DIR)")
    binary = args.binary
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "dossier-cli"], cwd=ROOT, check=True)
        binary = ROOT / "target/release/dossier"
    files, size = corpus_stats(args.corpus)
    cmd = [str(binary), "extract", "--quiet", str(args.corpus)]
    if args.threads:
        cmd[1:1] = ["--threads", str(args.threads)]
    run_once(cmd)  # warm the page cache
    walls, rss, cpu, docs = [], 0, [], 0
    for _ in range(args.runs):
        wall, docs, maxrss, cpu_s = run_once(cmd)
        walls.append(wall)
        cpu.append(cpu_s)
        rss = max(rss, maxrss)
    wall = statistics.median(walls)
    result = {
        "corpus": str(args.corpus),
        "files": files,
        "documents": docs,
        "input_mb": round(size / 1e6, 2),
        "threads": args.threads or os.cpu_count(),
        "runs": args.runs,
        "wall_s_median": round(wall, 3),
        "cpu_s_median": round(statistics.median(cpu), 3),
        "documents_per_s": round(docs / wall, 1),
        "mb_per_s": round(size / 1e6 / wall, 2),
        "peak_rss_mb": round(rss / 1024, 1),
    }
    print(f"dossier extract on {args.corpus} ({files} files, {result['input_mb']} MB), {result['threads']} threads, median of {args.runs} runs")
    for k in ["documents", "wall_s_median", "cpu_s_median", "documents_per_s", "mb_per_s", "peak_rss_mb"]:
        print(f"  {k:<16} {result[k]}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
