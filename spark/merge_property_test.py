#!/usr/bin/env python3
"""Property: merging partial dossiers in any grouping and order gives the same final dossier.

What: extracts the seeds and the demo corpus once (`dossier extract`), adds a second version of
one document (same id, different content hash: the merge must keep the smaller hash whatever the
order), then for many random trials
  - splits the extraction lines into random groups (a line may land in several groups, as a
    document with several blocking keys does), each group shuffled, merged by `dossier merge -`;
  - merges those partial dossiers pairwise or in random batches, in random order, until one is
    left (a random merge tree);
  - renders it with `dossier report --extractions - --format json`,
and checks that the final merged lines and the rendered dossier are byte-identical to merging
and rendering all lines at once. No Spark needed: this is the property the Spark job rests on.

Usage: python3 spark/merge_property_test.py --binary target/release/dossier [--trials 100] [--seed 8]
Exit 1 on the first counterexample, which is written out (groups and tree) for replay.
"""
import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(binary, args, stdin_lines=None):
    data = "".join(l + "\n" for l in stdin_lines) if stdin_lines is not None else None
    p = subprocess.run([binary, *args], input=data, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"dossier {' '.join(args)} failed ({p.returncode}): {p.stderr[-2000:]}")
    return p.stdout


def merge(binary, lines):
    return run(binary, ["merge", "--quiet", "-"], lines).splitlines()


def report(binary, lines):
    return run(binary, ["report", "--extractions", "--quiet", "--format", "json", "-"], lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=str(ROOT / "target/release/dossier"))
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared/seeds")
    a = ap.parse_args()
    if not a.seeds.is_dir():
        sys.exit(f"the seeds are missing ({a.seeds}): this test needs ../shared/seeds")

    lines = run(a.binary, ["extract", "--quiet", str(a.seeds), str(ROOT / "examples/demo")]).splitlines()
    # A second version of the first document: another document's line under its id.
    first, other = json.loads(lines[0]), json.loads(lines[1])
    other["id"] = first["id"]
    assert other["content_hash"] != first["content_hash"]
    lines.append(json.dumps(other, ensure_ascii=False))

    want_lines = merge(a.binary, lines)
    want = report(a.binary, want_lines)
    if report(a.binary, lines[::-1]) != want:
        print("FAIL: report --extractions depends on the order of its input lines")
        return 1
    assert len(want_lines) == len(lines) - 1, "the duplicate id must collapse to one version"
    kept = json.loads(next(l for l in want_lines if json.loads(l)["id"] == first["id"]))
    assert kept["content_hash"] == min(first["content_hash"], other["content_hash"]), "smaller hash must win"

    rng = random.Random(a.seed)
    for trial in range(a.trials):
        k = rng.randint(1, len(lines))
        groups = [[] for _ in range(k)]
        for line in lines:
            for g in rng.sample(range(k), min(k, rng.choice([1, 1, 1, 2]))):
                groups[g].append(line)
        groups = [g for g in groups if g]
        for g in groups:
            rng.shuffle(g)
        partials = [merge(a.binary, g) for g in groups]
        tree = []
        while len(partials) > 1:
            rng.shuffle(partials)
            n = rng.randint(2, min(4, len(partials)))
            batch, partials = partials[:n], partials[n:]
            tree.append([len(p) for p in batch])
            combined = [l for p in batch for l in p]
            if rng.random() < 0.5:
                rng.shuffle(combined)
            partials.append(merge(a.binary, combined))
        got_lines = partials[0]
        got = report(a.binary, got_lines)
        if got_lines != want_lines or got != want:
            path = Path(tempfile.mkdtemp(prefix="merge-counterexample-")) / "case.json"
            path.write_text(json.dumps({"groups": groups, "tree": tree}))
            print(f"FAIL trial {trial}: {len(groups)} groups, merge tree {tree}; "
                  f"lines equal: {got_lines == want_lines}, dossier equal: {got == want}; case in {path}")
            return 1
    print(f"merge property: ok ({a.trials} random groupings and merge trees over {len(lines)} lines, "
          f"seed {a.seed}; final dossier {len(want)} bytes, byte-identical every time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
