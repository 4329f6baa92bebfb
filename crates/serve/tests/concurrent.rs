//! Ingest while serving: two writers (the API, and a second connection as `dossier ingest` beside
//! the server would be) add documents in batches of five while readers list, fetch, search and
//! merge. Readers must only ever see whole batches (a count that is a multiple of five, a batch's
//! token found in all five documents or none) and whole documents (the exact text written, with
//! its extraction); at the end nothing is lost and the store checks clean.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

const BATCH: usize = 5;
const API_BATCHES: usize = 24;
const CLI_BATCHES: usize = 16;

fn text_of(id: &str, batch_token: &str) -> String {
    format!(
        "Report {id}. Dock workers in Dravosk counted 12 ships in the harbour on Tuesday, the port authority said.\n\n\
         The strike ended after three days. Batch token {batch_token}."
    )
}

fn token(prefix: &str, b: usize) -> String {
    format!("zq{prefix}{b}x")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[allow(clippy::manual_is_multiple_of)] // is_multiple_of is newer than the toolchain README asks for
async fn ingest_while_serving_loses_nothing_and_serves_only_whole_documents() {
    let t = Arc::new(TestApp::new());
    let done = Arc::new(AtomicBool::new(false));

    // Writer 1: the API, one JSON array of five per request.
    let api_writer = {
        let t = t.clone();
        tokio::spawn(async move {
            for b in 0..API_BATCHES {
                let tok = token("api", b);
                let records: Vec<Value> = (0..BATCH)
                    .map(|i| {
                        let id = format!("api-{b}-{i}");
                        json!({"id": id, "text": text_of(&id, &tok), "published": "2025-03-04", "outlet": "API Wire"})
                    })
                    .collect();
                let (status, v) = t
                    .post(
                        "/api/documents",
                        "application/json",
                        Value::Array(records).to_string(),
                    )
                    .await;
                assert_eq!(status, StatusCode::CREATED, "{v}");
                assert_eq!(v["added"], BATCH);
            }
        })
    };

    // Writer 2: another connection to the same file, as a `dossier ingest` process would be.
    let db = t.db().to_path_buf();
    let cli_writer = std::thread::spawn(move || {
        let models = dossier_nlp::Models::builtin();
        let mut store = dossier_store::Store::open(&db).unwrap();
        for b in 0..CLI_BATCHES {
            let tok = token("cli", b);
            let analyzed: Vec<(dossier_model::Document, String)> = (0..BATCH)
                .map(|i| {
                    let id = format!("cli-{b}-{i}");
                    let rec = json!({"id": id, "text": text_of(&id, &tok), "published": "2025-03-05", "outlet": "CLI Wire"}).to_string();
                    let (doc, w) = dossier_ingest::prepare(dossier_ingest::jsonl::parse_record(&rec, "test").unwrap());
                    let (ex, w2) = dossier_nlp::analyze(&doc, &models);
                    let line = dossier_report::extraction_line(&doc, &ex, &[w, w2].concat());
                    (doc, line)
                })
                .collect();
            let batch: Vec<dossier_store::StoredDoc> = analyzed
                .iter()
                .map(|(d, l)| dossier_store::StoredDoc {
                    doc: d,
                    extraction_json: l,
                })
                .collect();
            assert_eq!(store.put_batch(&batch).unwrap().added, BATCH);
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    });

    // Readers, until both writers are done.
    let mut readers = Vec::new();
    for r in 0..3 {
        let (t, done) = (t.clone(), done.clone());
        readers.push(tokio::spawn(async move {
            let mut last_total = 0u64;
            let mut rounds = 0usize;
            let mut fetched = 0usize;
            loop {
                let finished = done.load(Ordering::SeqCst);
                let (status, list) = t.get("/api/documents?limit=500").await;
                assert_eq!(status, StatusCode::OK, "{list}");
                let total = list["total"].as_u64().unwrap();
                assert_eq!(
                    total % BATCH as u64,
                    0,
                    "a reader saw part of a batch: {total} documents"
                );
                assert!(
                    total >= last_total,
                    "documents disappeared: {last_total} then {total}"
                );
                assert_eq!(
                    list["items"].as_array().unwrap().len() as u64,
                    total,
                    "the page and the total disagree"
                );
                last_total = total;
                let items = list["items"].as_array().unwrap();
                // Fetch a few documents whole and compare with what was written.
                for item in items.iter().skip(r).step_by(7).take(6) {
                    let id = item["id"].as_str().unwrap();
                    let (status, d) = t.get(&format!("/api/documents/{id}")).await;
                    assert_eq!(
                        status,
                        StatusCode::OK,
                        "{id} was listed but cannot be fetched: {d}"
                    );
                    let (kind, b) = {
                        let mut parts = id.split('-');
                        (
                            parts.next().unwrap().to_string(),
                            parts.next().unwrap().parse::<usize>().unwrap(),
                        )
                    };
                    let doc = &d["document"];
                    assert_eq!(
                        doc["text"].as_str().unwrap(),
                        text_of(id, &token(&kind, b)),
                        "{id} served other than written"
                    );
                    assert!(
                        doc["entities"].is_array() && doc["figures"].is_array(),
                        "{id} served without its extraction"
                    );
                    // Its batch is indexed whole.
                    let (_, hits) = t.get(&format!("/api/search?q={}", token(&kind, b))).await;
                    assert_eq!(hits["total"], BATCH, "batch {kind} {b} half indexed");
                    fetched += 1;
                }
                if rounds % 4 == 0 {
                    let (status, dossier) = t.get("/api/dossier").await;
                    assert_eq!(status, StatusCode::OK);
                    assert_eq!(
                        dossier["documents"].as_array().unwrap().len() % BATCH,
                        0,
                        "a dossier of part of a batch"
                    );
                }
                rounds += 1;
                if finished {
                    return (rounds, fetched);
                }
            }
        }));
    }

    api_writer.await.unwrap();
    tokio::task::spawn_blocking(move || cli_writer.join().unwrap())
        .await
        .unwrap();
    done.store(true, Ordering::SeqCst);
    let mut rounds = 0;
    for r in readers {
        let (n, fetched) = r.await.unwrap();
        assert!(fetched > 0);
        rounds += n;
    }
    assert!(rounds > 3, "the readers ran alongside the writers");

    let want = (API_BATCHES + CLI_BATCHES) * BATCH;
    let (_, list) = t.get("/api/documents?limit=500").await;
    assert_eq!(list["total"], want, "documents were lost");
    let (_, dossier) = t.get("/api/dossier").await;
    assert_eq!(
        dossier["documents"].as_array().unwrap().len(),
        want,
        "the cached dossier missed documents"
    );
    let health = dossier_store::Store::open(t.db())
        .unwrap()
        .verify()
        .unwrap();
    assert_eq!(health.integrity, "ok");
    assert!(health.index_consistent);
    assert_eq!((health.documents, health.indexed), (want, want));
}
