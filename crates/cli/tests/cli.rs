//! End-to-end tests: the `dossier` binary run as a user runs it.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dossier() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.env_remove("DOSSIER_DB");
    cmd
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = dossier()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Checks one extraction line against the contract of DESIGN.md.
fn assert_contract(line: &Value) {
    for key in ["id", "text", "published_source"] {
        assert!(line[key].is_string(), "{key} must be a string: {line}");
    }
    for key in ["url", "outlet", "title", "published"] {
        assert!(
            line[key].is_string() || line[key].is_null(),
            "{key}: {line}"
        );
    }
    assert!(line["authors"]
        .as_array()
        .unwrap()
        .iter()
        .all(Value::is_string));
    assert!(["input", "metadata", "text", "inferred", "none"]
        .contains(&line["published_source"].as_str().unwrap()));
    let chars: Vec<char> = line["text"].as_str().unwrap().chars().collect();
    let check_span = |s: &Value| {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(start <= end && end <= chars.len(), "span out of range: {s}");
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(
            slice,
            s["text"].as_str().unwrap(),
            "span text must be text[start..end] in code points"
        );
    };
    for key in ["entities", "timexes", "figures", "quotes"] {
        for item in line[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} must be a list"))
        {
            check_span(item);
        }
    }
    for q in line["quotes"].as_array().unwrap() {
        for part in ["speaker", "cue"] {
            if !q[part].is_null() {
                check_span(&q[part]);
            }
        }
    }
    assert!(line["assertions"].is_array());
}

#[test]
fn extract_demo_corpus_follows_the_contract() {
    let out = dossier()
        .arg("extract")
        .arg(repo().join("examples/demo"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 4);
    for d in &docs {
        assert_contract(d);
    }
    // Directory order is path order: astrava-daily.html, harbour-courier.txt, northern-ledger.txt, wire.jsonl.
    let outlets: Vec<&str> = docs
        .iter()
        .map(|d| d["outlet"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        outlets,
        [
            "Astrava Daily",
            "Harbour Courier",
            "Northern Ledger",
            "Radio Meridian"
        ]
    );
    let courier = &docs[1];
    assert_eq!(courier["authors"], serde_json::json!(["Mara Oduya"]));
    let text = courier["text"].as_str().unwrap();
    for debris in [
        "Become a Courier subscriber",
        "Topics Astrava",
        "Image caption",
        "is a Harbour Courier",
        "Latest stories",
        "By Mara Oduya",
    ] {
        assert!(!text.contains(debris), "{debris:?} left in the text");
    }
    assert_eq!(docs[2]["published"], "2025-03-09");
    assert_eq!(docs[2]["published_source"], "text");
    assert!(
        !docs[2]["text"].as_str().unwrap().contains("Storm warning"),
        "glued headline must go"
    );
    assert!(docs[2]["text"]
        .as_str()
        .unwrap()
        .contains("The Coastal Liberation Front, a small separatist group"));
    assert_eq!(docs[0]["published_source"], "metadata");
    assert!(!docs[0]["text"].as_str().unwrap().contains("cookies"));
    assert_eq!(docs[3]["id"], "meridian-0310");
    assert_eq!(docs[3]["published_source"], "input");
}

#[test]
fn extract_is_deterministic_and_keeps_input_order_in_parallel() {
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    for i in 0..700 {
        jsonl += &format!("{{\"id\": \"doc-{i:04}\", \"text\": \"Report number {i}. The harbour reopened on day {i}.\"}}\n");
    }
    std::fs::write(dir.path().join("many.jsonl"), &jsonl).unwrap();
    let run = |threads: &str| {
        dossier()
            .args(["extract", "--threads", threads])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let a = run("4");
    let b = run("1");
    assert!(a.status.success());
    assert_eq!(
        a.stdout, b.stdout,
        "output must not depend on the thread count"
    );
    let ids: Vec<String> = lines(&a)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..700).map(|i| format!("doc-{i:04}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn extract_reads_json_lines_on_stdin() {
    let out = run_with_stdin(
        &["extract", "-"],
        "{\"id\": \"a\", \"text\": \"Rain fell on Monday.\", \"published\": \"2025-03-04\", \"outlet\": \"Courier\"}\n{\"id\": \"b\", \"html\": \"<html><body><article><p>The harbour reopened after the storm and the ferries ran again.</p></article></body></html>\"}\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["published"], "2025-03-04");
    assert_eq!(docs[0]["published_source"], "input");
    assert_eq!(docs[0]["outlet"], "Courier");
    assert!(docs[1]["text"]
        .as_str()
        .unwrap()
        .contains("harbour reopened"));
    for d in &docs {
        assert_contract(d);
    }
}

#[test]
fn bad_input_is_named_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    std::fs::write(
        p("binary.txt"),
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 0, 0, 0, 9],
    )
    .unwrap();
    std::fs::write(
        p("latin1.txt"),
        b"Caf\xe9 owners in M\xfcnster protested on Monday.",
    )
    .unwrap();
    std::fs::write(p("empty.txt"), b"").unwrap();
    std::fs::write(p("huge.txt"), "word ".repeat(1000)).unwrap();
    std::fs::write(
        p("truncated.html"),
        "<html><body><article><p>The council met on Tuesday and vot",
    )
    .unwrap();
    std::fs::write(p("broken.xml"), "<rss><channel><item><title>Cut off").unwrap();
    std::fs::write(p("bad.jsonl"), "{\"id\": 1, \"text\": \"Fine.\"}\n{oops\n").unwrap();
    let out = dossier()
        .args(["extract", "--max-doc-bytes", "2K"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        out.status.code(),
        Some(1),
        "skipped inputs give exit status 1: {stderr}"
    );
    assert!(
        stderr.contains("binary.txt") && stderr.contains("binary file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("empty.txt") && stderr.contains("empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("huge.txt") && stderr.contains("over the limit"),
        "{stderr}"
    );
    assert!(stderr.contains("broken.xml"), "{stderr}");
    assert!(
        stderr.contains("bad.jsonl:2") && stderr.contains("not valid JSON"),
        "{stderr}"
    );
    let docs = lines(&out);
    let texts: Vec<&str> = docs.iter().map(|d| d["text"].as_str().unwrap()).collect();
    assert!(
        texts.iter().any(|t| t.contains("Café owners in Münster")),
        "legacy encodings are decoded: {texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("The council met on Tuesday")),
        "truncated HTML still yields its text: {texts:?}"
    );
    assert!(texts.contains(&"Fine."));
}

#[test]
fn missing_input_and_bad_arguments() {
    let out = dossier()
        .args(["extract", "/no/such/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt: no such file"));
    let out = dossier()
        .args(["extract", "--max-doc-bytes", "lots", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a size"));
    // A server that times every request out at once, or that takes no body, is refused.
    for bad in [["--timeout", "0"], ["--max-body-bytes", "many"]] {
        let out = dossier().arg("serve").args(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    let out = dossier().args(["--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Examples:"));
}

#[test]
fn ingest_is_idempotent_and_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let demo = repo().join("examples/demo");
    let out = dossier()
        .arg("ingest")
        .arg(&demo)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("4 added"));
    let again = dossier()
        .arg("ingest")
        .arg(&demo)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("0 added, 0 replaced, 4 already stored"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );

    let out = dossier()
        .args(["search", "Kesh denied", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let hits = lines(&out);
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h["snippet"].as_str().unwrap().contains("«")));
    // Not FTS5 syntax; searched as plain words.
    let out = dossier()
        .args(["search", "Santa-Irena", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = dossier().args(["check", "--db"]).arg(&db).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("documents: 4"));

    let out = dossier()
        .args(["search", "x", "--db"])
        .arg(dir.path().join("absent.db"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database at"));
}

#[test]
fn killed_ingest_leaves_a_consistent_database() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    let total = 20_000;
    let mut jsonl = String::with_capacity(total * 200);
    for i in 0..total {
        jsonl += &format!("{{\"id\": \"d{i}\", \"text\": \"Article {i}. The ferry from Dravosk left at {h} o'clock with {i} passengers aboard, officials said on Monday, and arrived safely.\"}}\n", h = i % 24);
    }
    std::fs::write(&input, jsonl).unwrap();
    let db = dir.path().join("kill.db");
    let mut child = dossier()
        // 64 divides the 256 documents analyzed per step, so every transaction holds exactly 64.
        .args(["ingest", "--quiet", "--batch", "64", "--db"])
        .arg(&db)
        .arg(&input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then kill -9 mid-run.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let stored = dossier_store::Store::open(&db)
            .ok()
            .and_then(|s| s.count().ok())
            .unwrap_or(0);
        if stored >= 200 || std::time::Instant::now() > deadline {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    let store = dossier_store::Store::open(&db).unwrap();
    let health = store.verify().unwrap();
    assert_eq!(health.integrity, "ok");
    assert!(health.index_consistent);
    assert_eq!(
        health.documents, health.indexed,
        "index and documents agree"
    );
    // Only whole batches are ever committed (the last batch of the file is shorter, if the run
    // got that far before the kill).
    assert!(
        health.documents.is_multiple_of(64) || health.documents == total,
        "a partial batch: {}",
        health.documents
    );
    assert!(
        !status.success() || health.documents == total,
        "killed runs are partial"
    );
    drop(store);
    // Running it again finishes the job.
    let out = dossier()
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        dossier_store::Store::open(&db).unwrap().count().unwrap(),
        total
    );
}

/// The seeds live in ../shared; without them this test has nothing to read.
#[test]
fn seeds_keep_their_body_and_lose_their_debris() {
    let seeds = repo().join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipped: {} not present", seeds.display());
        return;
    }
    let out = dossier().arg("extract").arg(&seeds).output().unwrap();
    assert!(out.status.success());
    let docs = lines(&out);
    assert_eq!(docs.len(), 5);
    for d in &docs {
        assert_contract(d);
    }
    let gold = repo().join("../shared/gold/seeds.gold.json");
    let out = dossier()
        .args(["eval", "clean", "--strict", "--seeds"])
        .arg(&seeds)
        .arg("--gold")
        .arg(gold)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// The dossier of the demo corpus, as a reader sees it: any change to what dossier finds or how
/// it reports it shows here (review with `cargo insta review`).
#[test]
fn demo_corpus_report_snapshots() {
    let demo = repo().join("examples/demo");
    let md = dossier()
        .args(["report", "-q"])
        .arg(&demo)
        .output()
        .unwrap();
    assert!(
        md.status.success(),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    insta::assert_snapshot!("demo_report_md", String::from_utf8(md.stdout).unwrap());
    let json = dossier()
        .args(["report", "-q", "--format", "json"])
        .arg(&demo)
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&json.stdout).unwrap();
    insta::assert_json_snapshot!("demo_report_json", value);
}
