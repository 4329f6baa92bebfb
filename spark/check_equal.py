#!/usr/bin/env python3
"""The Spark job's dossier equals the one `dossier report` makes on one machine.

What: runs spark/dossier_job.py in local mode (one Spark session for all cases) and compares its
dossier.json byte for byte with `dossier report INPUTS --format json` on the same input documents:

  seeds    ../shared/seeds with `--ids content`: the job leaves ids out, so dossier derives them
           from the content exactly as `dossier report ../shared/seeds` does for files.
  demo     examples/demo (plain text, HTML and JSON lines, a README the readers skip), same way.
  records  seeds + demo with the job's default ids (path under the input folder, no extension)
           plus a file of broken JSON lines, against `dossier report` on one JSON-lines file
           built here, independently of the job, from the same files with the same ids. Checks
           also that every broken line came back as an error record naming its file, and that the
           Parquet table holds one row per document of the dossier.

Why: the distributed path (partitioning, pipe stages, blocking keys, per-group and final merges)
must change nothing: same input documents, same dossier. Exits 1 with a diff summary otherwise.

Usage: spark/.venv/bin/python spark/check_equal.py --binary PATH [--work DIR]
"""
import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import dossier_job  # noqa: E402

BAD_LINES = ['{"id": "broken-1", "text": ', 'not json at all', '{"id": "broken-2"}']


def single_machine(binary, inputs):
    proc = subprocess.run([binary, "report", *map(str, inputs), "--format", "json", "--quiet"],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):  # 1: some input was skipped, which the records case means
        sys.exit(f"dossier report failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return proc.stdout


def records_for(folder):
    """The job's default reading of a folder, written independently: .txt/.html -> a record with
    id = path under the folder without extension; .jsonl lines as they are."""
    out = []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if not p.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        if p.suffix in (".txt", ".html", ".htm"):
            key = "text" if p.suffix == ".txt" else "html"
            out.append(json.dumps({"id": str(rel.with_suffix("")), key: p.read_text(encoding="utf-8")}))
        elif p.suffix == ".jsonl":
            out.extend(l for l in p.read_text(encoding="utf-8").split("\n") if l.strip())
    return out


def diff_summary(expected, got):
    lines = [f"  sizes: single machine {len(expected)} bytes, spark {len(got)} bytes"]
    try:
        e, g = json.loads(expected), json.loads(got)
        for k in sorted(set(e) | set(g)):
            if e.get(k) != g.get(k):
                lines.append(f"  section {k!r} differs: {len(e.get(k) or [])} vs {len(g.get(k) or [])} items")
    except ValueError as err:
        lines.append(f"  not JSON: {err}")
    diff = list(difflib.unified_diff(expected.splitlines(), got.splitlines(), "single-machine", "spark", n=1, lineterm=""))
    lines += ["  " + l for l in diff[:60]]
    if len(diff) > 60:
        lines.append(f"  ... {len(diff) - 60} more diff lines")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared/seeds")
    a = ap.parse_args()
    if not a.seeds.is_dir():
        sys.exit(f"the seeds are missing ({a.seeds}): this test needs ../shared/seeds")
    demo = ROOT / "examples/demo"
    work = a.work or Path(tempfile.mkdtemp(prefix="dossier-spark-"))
    binary = str(Path(a.binary).resolve())

    # The records case: seeds and demo side by side, plus broken lines.
    both = work / "records-in"
    shutil.rmtree(both, ignore_errors=True)
    shutil.copytree(a.seeds, both / "seeds")
    shutil.copytree(demo, both / "demo")
    (both / "broken.jsonl").write_text("\n".join(BAD_LINES) + "\n")
    reference = work / "records.jsonl"
    reference.write_text("\n".join(records_for(both)) + "\n")

    cases = [("seeds", a.seeds, "content", [a.seeds]),
             ("demo", demo, "content", [demo]),
             ("records", both, "path", [reference])]
    args0 = dossier_job.parse_args(["--input", "x", "--output", "x", "--binary", binary, "--quiet"])
    spark = dossier_job.session(args0)
    failed = 0
    try:
        for name, folder, ids, single_inputs in cases:
            out = work / f"out-{name}"
            t = time.time()
            args = dossier_job.parse_args(["--input", str(folder), "--output", str(out), "--binary", binary,
                                           "--ids", ids, "--quiet"])
            summary = dossier_job.run(spark, args)
            spark_secs = time.time() - t
            got = (out / "dossier.json").read_text()
            expected = single_machine(binary, single_inputs)
            problems = []
            if got != expected:
                problems.append("dossier differs from the single-machine one:\n" + diff_summary(expected, got))
            docs = {d["id"] for d in json.loads(got)["documents"]} if got.strip() else set()
            rows = spark.read.parquet(str(out / "extractions.parquet")).select("id").collect()
            if sorted(r.id for r in rows) != sorted(docs):
                problems.append(f"Parquet has {len(rows)} rows, the dossier {len(docs)} documents")
            errors = [json.loads(l) for l in (out / "errors.jsonl").read_text().splitlines()]
            want_errors = len(BAD_LINES) if name == "records" else 0
            if len(errors) != want_errors or summary["errors"] != want_errors:
                problems.append(f"{len(errors)} error records, expected {want_errors}")
            if any("broken.jsonl" not in e["error"].get("input", "") for e in errors):
                problems.append(f"error records do not name their file: {errors}")
            status = "ok" if not problems else "MISMATCH"
            print(f"{name:8} {status:8} {len(docs)} documents, {summary['errors']} error records, "
                  f"{summary['blocking_keys']} blocking keys, {len(got)} bytes, {spark_secs:.1f}s")
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
            failed += bool(problems)
    finally:
        spark.stop()
    if failed:
        print(f"{failed} case(s) failed (outputs under {work})")
        return 1
    if a.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
