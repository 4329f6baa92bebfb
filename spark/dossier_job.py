#!/usr/bin/env python3
"""dossier on Apache Spark: a folder of articles in, the dossier JSON and the extractions out.

What: a PySpark job (Spark 4, Java 17) that runs the `dossier` binary as pipe stages:

  1. read    every file under --input: `.txt` becomes {"id", "text"}, `.html`/`.htm` {"id", "html"}
             (the id is the file's path under --input without its extension, which is the file
             stem for a file at the top level; `--ids content` leaves the id out so dossier derives
             it from the content, as `dossier report DIR` does on one machine); `.jsonl` lines and
             `.json` records (an array, an object or JSON lines, as dossier reads them) pass as
             they are. Other kinds (feeds, WARC) are counted and skipped: convert them first.
  2. extract `dossier extract --error-records -` on every partition (RDD.pipe). The stage writes
             exactly one line per input line, in order, so its output is zipped back onto the
             input to say which file an error record came from; error records are kept apart,
             counted, and written to errors.jsonl.
  3. keys    `dossier keys -` (RDD.pipe): KEY<TAB>ID per blocking key (event family + month, or
             doc:<id>). Documents that share no key cannot share an event.
  4. group   documents joined to their keys and partitioned by key, so a partition holds whole
             key groups; `dossier merge -` runs on each partition (RDD.pipe). A partition's merge
             is the union of its groups' merges, so this is "merge per group" with one process per
             partition rather than one per group.
  5. union   the group outputs in one partition, `dossier merge -` again: the final union, one
             version per id (a document with several keys arrives several times).
  6. render  `dossier report --extractions - --format json` in that single partition (RDD.pipe):
             dossier.json. The extractions go to extractions.parquet (id, outlet, title,
             published, published_source, url, content_hash, text, the full extraction line, and
             counts of entities, time expressions, figures, quotes, assertions and warnings).

Why this shape: extraction is a pure function of one document (a map step), and the merge is a
union that is associative and order-free, so any partitioning gives the same final dossier. The
resolution itself (`report`) needs every document at once and runs in one process: that is the
part that does not scale out yet.

Output folder: dossier.json, extractions.parquet/, errors.jsonl, summary.json.

Local:   python3 spark/dossier_job.py --input ../shared/seeds --output out/seeds \
             --binary target/release/dossier
Cluster: spark-submit --master spark://HOST:7077 --files target/release/dossier \
             spark/dossier_job.py --input hdfs:///news --output hdfs:///dossier/run1 --binary dossier
On a cluster --binary names the file shipped with --files (Spark places it in every executor's
working directory); a path that exists on every node also works. The executors need python3 with
the standard library only.
"""
import argparse
import json
import os
import posixpath
import re
import shlex
import sys
import time

TEXT_EXTS = {".txt": "text", ".html": "html", ".htm": "html"}
RECORD_EXTS = {".jsonl", ".json"}
# Kinds `dossier extract` reads from files but that do not travel as JSON lines on stdin.
UNSUPPORTED_EXTS = {".xml", ".rss", ".atom", ".warc", ".gz"}


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", required=True, help="folder (or file) of .txt/.html/.json/.jsonl articles; any Hadoop URI")
    ap.add_argument("--output", required=True, help="output folder (any Hadoop URI); overwritten")
    ap.add_argument("--binary", default="dossier",
                    help="the dossier binary: a local path, or the name of a file shipped with spark-submit --files")
    ap.add_argument("--master", default=None,
                    help="Spark master (default local[2]; under spark-submit the submitted master is kept)")
    ap.add_argument("--partitions", type=int, default=None,
                    help="partitions for extraction and grouping (default: 2 x default parallelism)")
    ap.add_argument("--ids", choices=["path", "content"], default="path",
                    help="ids of .txt/.html files: their path under --input without extension (default), "
                         "or derived by dossier from the content, as `dossier report DIR` does")
    ap.add_argument("--threads-per-task", type=int, default=1,
                    help="analysis threads of each `dossier extract` process (default 1: one per executor core)")
    ap.add_argument("--driver-memory", default="3g", help="driver memory in local mode (default 3g)")
    ap.add_argument("--no-dossier", action="store_true",
                    help="stop after the final union (no dossier.json): the report stage runs in one "
                         "process and is what the scaling benchmark times apart")
    ap.add_argument("--quiet", action="store_true", help="only the summary line")
    return ap.parse_args(argv)


def log(args, msg):
    if not args.quiet:
        print(f"[dossier-job] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Reading (runs on executors: standard library only)

def decode(data):
    """Bytes of a text file as text: UTF-8 (a BOM dropped), else Windows-1252 (what dossier's
    statistical guess gives for Western text). Returns (text, note or None)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "not UTF-8; read as Windows-1252"


def relative_id(path, root):
    """`business/001` for ROOT/business/001.txt: the file stem at the top level, and unique
    across subfolders (the BBC corpus has business/001.txt and sport/001.txt)."""
    rel = path[len(root):].lstrip("/") if path.startswith(root) else posixpath.basename(path)
    stem, _ = posixpath.splitext(rel)
    return stem or posixpath.basename(path)


def file_records(item, root, ids):
    """(path, bytes) of a .txt/.html/.json file -> [(origin, JSON line)]."""
    path, data = item
    ext = posixpath.splitext(path)[1].lower()
    text, _note = decode(bytes(data))
    if ext in TEXT_EXTS:
        rec = {} if ids == "content" else {"id": relative_id(path, root)}
        rec[TEXT_EXTS[ext]] = text
        return [(path, json.dumps(rec, ensure_ascii=False))]
    # .json: an array of records, one record, or JSON lines (as dossier reads a .json file).
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if isinstance(value, list):
        return [(f"{path}#{i + 1}", json.dumps(v, ensure_ascii=False)) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return [(path, json.dumps(value, ensure_ascii=False))]
    return [(f"{path}:{n + 1}", line) for n, line in enumerate(text.split("\n")) if line.strip()]


def doc_id(line):
    """The id of an extraction line (they begin with it; the fallback parses the whole line)."""
    m = re.match(r'\{"id":("(?:[^"\\]|\\.)*")', line)
    return json.loads(m.group(1)) if m else json.loads(line)["id"]


def is_error(line):
    return line.startswith('{"error":')


def parquet_row(line):
    e = json.loads(line)
    n = lambda k: len(e.get(k) or [])
    return (e.get("id"), e.get("outlet"), e.get("title"), e.get("published"), e.get("published_source"),
            e.get("url"), e.get("content_hash"), e.get("text"), line,
            n("entities"), n("timexes"), n("figures"), n("quotes"), n("assertions"), n("warnings"))


# ---------------------------------------------------------------------------------------------
# Driver helpers

def hadoop_fs(sc, uri):
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    return path.getFileSystem(sc._jsc.hadoopConfiguration()), path


def list_files(sc, uri):
    """Every file under `uri` (recursively; names starting with '.' skipped, as dossier does),
    fully qualified, sorted."""
    fs, path = hadoop_fs(sc, uri)
    status = fs.getFileStatus(path)
    root = fs.makeQualified(path).toString().rstrip("/")
    if not status.isDirectory():
        return root.rsplit("/", 1)[0], [root]
    files = []
    it = fs.listFiles(path, True)
    while it.hasNext():
        p = it.next().getPath().toString()
        rel = p[len(root):].lstrip("/")
        if not any(part.startswith(".") for part in rel.split("/")):
            files.append(p)
    return root, sorted(files)


def write_text(sc, uri, text):
    fs, path = hadoop_fs(sc, uri)
    out = fs.create(path, True)
    out.write(bytearray(text.encode("utf-8")))
    out.close()


def resolve_binary(sc, binary, local):
    """The path the pipe stages run. On a cluster: `./NAME` when the binary was shipped with
    spark-submit --files (Spark puts shipped files in each executor's working directory), else the
    path as given, which must then exist on every node. In local mode: the file itself, or the
    copy SparkFiles holds of a shipped one."""
    name = posixpath.basename(binary)
    shipped = name in {posixpath.basename(f) for f in sc.getConf().get("spark.files", "").split(",") if f}
    if not local:
        return "./" + name if shipped else binary
    if os.path.isfile(binary):
        return os.path.abspath(binary)
    from pyspark import SparkFiles
    sc.parallelize([0], 1).count()  # in local mode a task fetches the shipped files
    if os.path.isfile(SparkFiles.get(name)):
        return SparkFiles.get(name)
    sys.exit(f"dossier binary {binary!r} not found (build it: cargo build --release -p dossier-cli)")


def main(argv=None):
    args = parse_args(argv)
    spark = session(args)
    try:
        print(json.dumps(run(spark, args)))
    finally:
        spark.stop()
    return 0


def session(args):
    """A SparkSession: local[2] (or --master) when run with python3, the submitted master under
    spark-submit."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    builder = (SparkSession.builder.appName("dossier").config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false"))
    if args.master or not _under_spark_submit():
        builder = builder.master(args.master or "local[2]")
        if (args.master or "local").startswith("local") and not _under_spark_submit():
            builder = builder.config("spark.driver.memory", args.driver_memory)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(spark, args):
    """The job on an existing session; returns the summary (also written to summary.json)."""
    started = time.time()
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    sc = spark.sparkContext
    if __name__ != "__main__" and not getattr(sc, "_dossier_job_shipped", False):
        # Imported (by the tests): the executors need this module to unpickle its functions.
        sc.addPyFile(os.path.abspath(__file__))
        sc._dossier_job_shipped = True
    master = sc.master
    local = master.startswith("local")
    parts = args.partitions or max(2, 2 * sc.defaultParallelism)
    binary = resolve_binary(sc, args.binary, local)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    cmd = lambda *a: shlex.join([binary, *a])
    timings = {}
    mark = [time.time()]

    def stage(name):
        now = time.time()
        timings[name] = round(now - mark[0], 3)
        mark[0] = now
        log(args, f"{name}: {timings[name]:.1f}s")

    log(args, f"master {master}, {parts} partitions, binary {binary}")
    # Fail early and clearly if the executors cannot run the binary.
    sc.parallelize([], 1).pipe(cmd("--version"), env=env, checkCode=True).collect()

    # 1. read
    root, files = list_files(sc, args.input)
    by_kind = {"text": [], "records": [], "jsonl": [], "skipped": []}
    for f in files:
        ext = posixpath.splitext(f)[1].lower()
        if ext in TEXT_EXTS or ext == ".json":
            by_kind["records" if ext == ".json" else "text"].append(f)
        elif ext == ".jsonl":
            by_kind["jsonl"].append(f)
        elif ext in UNSUPPORTED_EXTS:
            by_kind["skipped"].append(f)
    for f in by_kind["skipped"]:
        print(f"[dossier-job] skipped {f}: feeds and WARC files do not travel as JSON lines; "
              f"convert them first (dossier extract FILE works on one machine)", file=sys.stderr)
    rdds = []
    whole = by_kind["text"] + by_kind["records"]
    if whole:
        ids = args.ids
        rdds.append(sc.binaryFiles(",".join(whole), minPartitions=parts)
                    .flatMap(lambda kv: file_records(kv, root, ids)))
    if by_kind["jsonl"]:
        df = spark.read.text(by_kind["jsonl"]).select(F.input_file_name().alias("f"), "value")
        rdds.append(df.rdd.map(lambda r: (r[0], r[1])).filter(lambda kv: kv[1].strip()))
    if not rdds:
        sys.exit(f"no .txt, .html, .htm, .json or .jsonl files under {args.input}")
    records = (sc.union(rdds) if len(rdds) > 1 else rdds[0]).repartition(parts)
    records.persist(StorageLevel.MEMORY_AND_DISK)

    # 2. extract: one output line per input line, so the output zips onto the input's origins.
    extracted = records.values().pipe(
        cmd("extract", "--error-records", "--quiet", "--threads", str(args.threads_per_task), "-"),
        env=env, checkCode=True)
    tagged = records.keys().zip(extracted)
    tagged.persist(StorageLevel.MEMORY_AND_DISK)
    n_records = tagged.count()
    records.unpersist()
    stage("extract")

    def error_record(kv):
        rec = json.loads(kv[1])
        rec["error"]["input"] = kv[0]
        return json.dumps(rec, ensure_ascii=False)

    errors = tagged.filter(lambda kv: is_error(kv[1])).map(error_record).collect()
    docs = tagged.values().filter(lambda l: not is_error(l))

    # 3. keys
    keys = docs.pipe(cmd("keys", "--quiet", "-"), env=env, checkCode=True).map(lambda l: tuple(l.split("\t", 1)[::-1]))
    keys.persist(StorageLevel.MEMORY_AND_DISK)

    # 4. group by key, merge per partition of whole groups
    by_key = (keys.join(docs.map(lambda l: (doc_id(l), l)), parts)
              .map(lambda kv: kv[1])                                  # (key, line)
              .repartitionAndSortWithinPartitions(parts)
              .values())
    grouped = by_key.pipe(cmd("merge", "--quiet", "-"), env=env, checkCode=True)
    grouped.persist(StorageLevel.MEMORY_AND_DISK)
    n_grouped = grouped.count()
    n_keys = keys.map(lambda kv: kv[1]).distinct().count()
    stage("keys+group merge")

    # 5. the final union
    final = grouped.coalesce(1).pipe(cmd("merge", "--quiet", "-"), env=env, checkCode=True)
    final.persist(StorageLevel.MEMORY_AND_DISK)
    n_docs = final.count()
    grouped.unpersist()
    keys.unpersist()
    tagged.unpersist()
    stage("final merge")

    # 6. render the dossier in the single partition
    dossier = None
    if not args.no_dossier:
        dossier = "\n".join(final.pipe(cmd("report", "--extractions", "--quiet", "--format", "json", "-"),
                                       env=env, checkCode=True).collect()) + "\n"
        stage("report")

    out = args.output.rstrip("/")
    fs, out_path = hadoop_fs(sc, out)
    fs.mkdirs(out_path)
    if dossier is not None:
        write_text(sc, out + "/dossier.json", dossier)
    write_text(sc, out + "/errors.jsonl", "".join(e + "\n" for e in errors))
    schema = T.StructType(
        [T.StructField(c, T.StringType()) for c in
         ["id", "outlet", "title", "published", "published_source", "url", "content_hash", "text", "extraction"]]
        + [T.StructField(c, T.IntegerType()) for c in
           ["entities", "timexes", "figures", "quotes", "assertions", "warnings"]])
    rows = final.repartition(parts).map(parquet_row)
    spark.createDataFrame(rows, schema).write.mode("overwrite").parquet(out + "/extractions.parquet")
    final.unpersist()
    stage("write")

    summary = {
        "master": master, "partitions": parts, "input_files": len(files),
        "skipped_files": len(by_kind["skipped"]), "records": n_records, "errors": len(errors),
        "documents": n_docs, "blocking_keys": n_keys, "group_merge_lines": n_grouped,
        "seconds": round(time.time() - started, 3), "stages": timings,
    }
    write_text(sc, out + "/summary.json", json.dumps(summary, indent=2) + "\n")
    return summary


def _under_spark_submit():
    """True when spark-submit launched us (it sets the master itself)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ or os.environ.get("SPARK_ENV_LOADED") == "1"


if __name__ == "__main__":
    sys.exit(main())
