#!/usr/bin/env python3
"""Scaling of the Spark job: the BBC corpus at 1x, 4x, 16x with 1 and 2 executor cores.

What: replicates the BBC News corpus (../shared/data/bbc, 2,225 articles) N times as JSON lines
with new ids (`rNN/<category>/<nnn>`, same texts), then times
  - single process: `dossier extract` (all cores) + `dossier merge` on the same JSON lines;
  - Spark, local[1] and local[2]: spark/dossier_job.py --no-dossier (read, extract on every
    partition, blocking keys, per-group merges, final union, Parquet), as a fresh spark process
    each time, so the wall time includes starting Spark (about 11 s here);
  - `dossier report --extractions` on the merged union: the resolution, which runs in one process
    on both paths (the Spark job pipes it through a single partition), timed once per scale with
    a time limit, since it grows faster than linearly in the number of documents.
Prints a table (documents/s and wall seconds) and writes it as JSON with --json.

Other work on a shared machine shows in wall times: the table carries the 5-minute load average
taken after each scale, to read the figures against.

Why: the issue asks for the job's scaling beside the single-process figure; the report stage is
timed apart because it is the same single process on both paths and would otherwise hide the
part that scales.

Usage: spark/.venv/bin/python bench/spark_scaling.py [--scales 1,4,16] [--cores 1,2]
           [--report-scales 1,4] [--report-timeout 900] [--binary PATH] [--json FILE]
(spark/test.sh makes spark/.venv.)
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd, stdout=subprocess.DEVNULL, timeout=None, env=None):
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None
    if p.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed ({p.returncode}): {p.stderr.decode(errors='replace')[-3000:]}")
    return time.perf_counter() - start


def replicate(corpus, n, path):
    files = sorted(corpus.rglob("*.txt"))
    texts = [(f"{p.parent.name}/{p.stem}", p.read_text(encoding="utf-8")) for p in files]
    path.mkdir(parents=True, exist_ok=True)
    for r in range(n):  # one JSON-lines file per replica
        with open(path / f"r{r:02d}.jsonl", "w") as f:
            for name, text in texts:
                f.write(json.dumps({"id": f"r{r:02d}/{name}", "text": text}) + "\n")
    return n * len(texts)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/data/bbc")
    ap.add_argument("--scales", default="1,4,16")
    ap.add_argument("--cores", default="1,2")
    ap.add_argument("--report-scales", default="1,4")
    ap.add_argument("--report-timeout", type=float, default=900)
    ap.add_argument("--binary", type=Path, default=None)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    if not a.corpus.is_dir():
        sys.exit(f"corpus {a.corpus} not found (the benchmark needs ../shared/data/bbc or --corpus DIR)")
    work = a.work or Path(tempfile.mkdtemp(prefix="dossier-spark-bench-"))
    binary = a.binary
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "dossier-cli"], cwd=ROOT, check=True)
        binary = ROOT / "target/release/dossier"
    # A private copy: other builds may replace target/release/dossier during the run.
    shutil.copy(binary, work / "dossier")
    binary = str(work / "dossier")
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1")
    job = ROOT / "spark/dossier_job.py"
    scales = [int(s) for s in a.scales.split(",")]
    cores = [int(c) for c in a.cores.split(",")]
    report_scales = {int(s) for s in a.report_scales.split(",") if s}
    rows = []
    for n in scales:
        inp = work / f"bbc-x{n}"
        docs = replicate(a.corpus, n, inp)
        row = {"scale": n, "documents": docs}
        ex, merged = work / f"ex-x{n}.jsonl", work / f"merged-x{n}.jsonl"
        with open(ex, "w") as out:
            t_ex = timed([binary, "extract", "--quiet", str(inp)], stdout=out)
        with open(merged, "w") as out:
            t_merge = timed([binary, "merge", "--quiet", str(ex)], stdout=out)
        row["single"] = round(t_ex + t_merge, 2)
        print(f"x{n}: single process extract {t_ex:.1f}s + merge {t_merge:.2f}s", file=sys.stderr, flush=True)
        for c in cores:
            out_dir = work / f"spark-x{n}-c{c}"
            parts = max(2 * c, math.ceil(docs / 1500))
            t = timed([sys.executable, str(job), "--input", str(inp), "--output", str(out_dir), "--binary", binary,
                       "--master", f"local[{c}]", "--partitions", str(parts), "--no-dossier", "--quiet"], env=env)
            summary = json.loads((out_dir / "summary.json").read_text())
            if summary["documents"] != docs:
                sys.exit(f"spark x{n} local[{c}]: {summary['documents']} documents, expected {docs}")
            row[f"spark{c}"] = round(t, 2)
            row[f"spark{c}_job"] = summary["seconds"]
            print(f"x{n}: spark local[{c}] {t:.1f}s wall, {summary['seconds']:.1f}s in the job "
                  f"({parts} partitions) {summary['stages']}", file=sys.stderr, flush=True)
            shutil.rmtree(out_dir, ignore_errors=True)
        if n in report_scales:
            t_rep = timed([binary, "report", "--extractions", "--quiet", "--format", "json", str(merged)],
                          timeout=a.report_timeout)
            row["report"] = None if t_rep is None else round(t_rep, 2)
            print(f"x{n}: report --extractions {'>' + str(a.report_timeout) if t_rep is None else f'{t_rep:.1f}'}s",
                  file=sys.stderr, flush=True)
        row["load"] = round(os.getloadavg()[1], 1)
        rows.append(row)
        shutil.rmtree(inp, ignore_errors=True)
        ex.unlink()

    print(f"\nBBC x N through dossier: wall seconds (documents/s); machine: {os.cpu_count()} cores\n")
    head = ["scale", "docs", "single process (extract+merge)"] + [f"Spark local[{c}] (extract..union)" for c in cores] \
        + ["report --extractions (1 process)", "load avg (5 min)"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    fmt = lambda secs, docs: "—" if secs is None else f"{secs:.1f} s ({docs / secs:,.0f}/s)"
    for r in rows:
        cells = [f"{r['scale']}x", f"{r['documents']:,}", fmt(r["single"], r["documents"])]
        cells += [fmt(r[f"spark{c}"], r["documents"]) for c in cores]
        if "report" not in r:
            cells.append("not run")
        elif r["report"] is None:
            cells.append(f"> {a.report_timeout:.0f} s (stopped)")
        else:
            cells.append(fmt(r["report"], r["documents"]))
        cells.append(str(r["load"]))
        print("| " + " | ".join(cells) + " |")
    if a.json:
        a.json.write_text(json.dumps(rows, indent=2) + "\n")
    if a.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
