//! The API, end to end in process: the demo corpus added over HTTP, every endpoint asked, the
//! OpenAPI document held to the route table, and bad requests refused in the one error shape.

mod common;

use axum::http::{Method, StatusCode};
use common::{error_code, TestApp};
use serde_json::{json, Value};
use std::collections::BTreeSet;

#[tokio::test]
async fn openapi_document_and_router_agree() {
    let t = TestApp::new();
    let (status, doc) = t.get("/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .map(move |m| (path.clone(), m.to_uppercase()))
        })
        .collect();
    let routed: BTreeSet<(String, String)> = dossier_serve::routes()
        .into_iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    assert_eq!(
        documented, routed,
        "the OpenAPI document and the router disagree"
    );

    // And the router really answers each documented route, and only those methods.
    let paths: BTreeSet<&String> = documented.iter().map(|(p, _)| p).collect();
    for path in paths {
        let uri = path.replace("{id}", "no-such-id");
        for method in [
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::PATCH,
        ] {
            let (status, _, body, _) = t
                .send(
                    method.clone(),
                    &uri,
                    Some("application/json"),
                    b"{}".to_vec(),
                    None,
                )
                .await;
            if documented.contains(&(path.clone(), method.to_string())) {
                assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
                if status == StatusCode::NOT_FOUND {
                    // A documented route may say the thing is missing, never that the route is.
                    assert!(
                        !body["error"]["message"]
                            .as_str()
                            .unwrap()
                            .contains("no such endpoint"),
                        "{method} {uri}: {body}"
                    );
                }
            } else {
                assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
                assert_eq!(error_code(&body), "method_not_allowed");
            }
        }
        // Every operation documents the error shape for 401.
        for op in doc["paths"][path.as_str()].as_object().unwrap().values() {
            assert!(op["responses"]["401"].is_object(), "{path}");
        }
    }
}

#[tokio::test]
async fn demo_corpus_through_every_endpoint() {
    let t = TestApp::new();
    t.load_demo().await;

    let (_, health) = t.get("/api/health").await;
    assert_eq!(health["documents"], 4);

    // Adding the same documents again changes nothing.
    let wire = std::fs::read(common::demo().join("wire.jsonl")).unwrap();
    let (status, again) = t.post("/api/documents", "application/x-ndjson", wire).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(
        (again["added"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(1))
    );

    let (status, list) = t.get("/api/documents?limit=2").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 4);
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    let (_, rest) = t.get("/api/documents?limit=2&offset=2").await;
    assert_eq!(rest["items"].as_array().unwrap().len(), 2);
    let (_, wire_only) = t.get("/api/documents?outlet=Radio%20Meridian").await;
    assert_eq!(wire_only["total"], 1);
    let (_, dated) = t.get("/api/documents?from=2025-03-10&to=2025-03-10").await;
    assert!(dated["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["published"].as_str().unwrap().starts_with("2025-03-10")));

    let (status, hits) = t.get("/api/search?q=ferry").await;
    assert_eq!(status, StatusCode::OK, "{hits}");
    assert!(hits["total"].as_u64().unwrap() >= 3, "{hits}");
    let snippet = hits["items"][0]["snippet"].as_array().unwrap();
    assert!(
        snippet.iter().any(
            |p| p["match"] == true && p["text"].as_str().unwrap().eq_ignore_ascii_case("ferry")
        ),
        "{snippet:?}"
    );
    let (_, narrowed) = t.get("/api/search?q=ferry&outlet=Radio%20Meridian").await;
    assert_eq!(narrowed["total"], 1);

    let (status, one) = t.get("/api/documents/meridian-0310").await;
    assert_eq!(status, StatusCode::OK);
    let d = &one["document"];
    assert_eq!(d["outlet"], "Radio Meridian");
    assert!(d["text"].as_str().unwrap().contains("Santa Irena"));
    for part in ["entities", "timexes", "figures", "quotes", "assertions"] {
        assert!(d[part].is_array(), "{part}");
    }

    let (status, dossier) = t.get("/api/dossier").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(dossier["documents"].as_array().unwrap().len(), 4);
    for part in [
        "entities",
        "events",
        "timeline",
        "quotes",
        "claims",
        "discrepancies",
    ] {
        assert!(dossier[part].is_array(), "{part}");
    }
    let (_, scoped) = t.get("/api/dossier?q=union").await;
    assert!(
        scoped["documents"].as_array().unwrap().len() < 4,
        "a query narrows the documents"
    );

    let (status, entities) = t.get("/api/entities?limit=500").await;
    assert_eq!(status, StatusCode::OK);
    let first = &entities["items"][0];
    let id = first["id"].as_str().expect("the demo names someone");
    let (status, entity) = t.get(&format!("/api/entities/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{entity}");
    assert_eq!(entity["entity"]["id"], id);
    let mentions = entity["entity"]["mentions"].as_array().unwrap();
    assert_eq!(mentions.len() as u64, first["mentions"].as_u64().unwrap());
    // Every mention is a span that points into the stored text.
    for m in mentions {
        let (_, doc) = t
            .get(&format!("/api/documents/{}", m["doc"].as_str().unwrap()))
            .await;
        let text: Vec<char> = doc["document"]["text"].as_str().unwrap().chars().collect();
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            m["text"].as_str().unwrap()
        );
    }
    let (_, in_doc) = t.get("/api/entities?doc=meridian-0310&limit=500").await;
    assert!(in_doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| !e["in_doc"].as_array().unwrap().is_empty()));

    let (status, events) = t.get("/api/events").await;
    assert_eq!(status, StatusCode::OK);
    if let Some(ev) = events["items"].as_array().unwrap().first() {
        let id = ev["id"].as_str().unwrap();
        let (status, event) = t.get(&format!("/api/events/{id}")).await;
        assert_eq!(status, StatusCode::OK, "{event}");
        assert_eq!(event["event"]["id"], id);
        for g in event["event"]["figures"].as_array().unwrap() {
            for r in g["reports"].as_array().unwrap() {
                assert!(
                    r["span"]["doc"].is_string() && r["outlet"].is_string()
                        || r["outlet"].is_null()
                );
            }
        }
        let (_, view) = t.get(&format!("/api/dossier?event={id}")).await;
        assert_eq!(view["events"].as_array().unwrap().len(), 1);
    }
    for part in ["timeline", "figures", "claims", "discrepancies", "quotes"] {
        let (status, page) = t.get(&format!("/api/{part}?limit=5")).await;
        assert_eq!(status, StatusCode::OK, "{part}: {page}");
        assert!(
            page["total"].is_u64() && page["items"].is_array(),
            "{part}: {page}"
        );
    }
    let (_, outlets) = t.get("/api/outlets").await;
    assert_eq!(outlets["items"].as_array().unwrap().len(), 4);

    // Unknown things are 404s in the error shape.
    for uri in [
        "/api/documents/nope",
        "/api/entities/nope",
        "/api/events/nope",
        "/api/dossier?entity=nope",
        "/api/nope",
        "/nope",
    ] {
        let (status, v) = t.get(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(error_code(&v), "not_found", "{uri}");
    }
}

#[tokio::test]
async fn the_interface_is_served_with_a_strict_content_policy() {
    let t = TestApp::new();
    for (uri, kind) in [
        ("/", "text/html"),
        ("/assets/app.js", "text/javascript"),
        ("/assets/style.css", "text/css"),
    ] {
        let (status, headers, _, body) = t.send(Method::GET, uri, None, Vec::new(), None).await;
        assert_eq!(status, StatusCode::OK);
        assert!(headers["content-type"].to_str().unwrap().starts_with(kind));
        assert!(headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self'"));
        assert!(!body.is_empty());
    }
    let (_, _, _, script) = t
        .send(Method::GET, "/assets/app.js", None, Vec::new(), None)
        .await;
    let script = String::from_utf8(script).unwrap();
    // The script must never hand text to the HTML parser.
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!script.contains(sink), "app.js uses {sink}");
    }
}

#[tokio::test]
async fn bad_requests_are_refused_in_one_shape() {
    let t = TestApp::with(|c| c.max_body_bytes = 64 * 1024);
    // (method, URI, content type, body, expected status, expected error code)
    type Case = (
        Method,
        &'static str,
        Option<&'static str>,
        Vec<u8>,
        StatusCode,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            Method::POST,
            "/api/documents",
            Some("application/json"),
            b"{\"id\": ".to_vec(),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (
            Method::POST,
            "/api/documents",
            Some("application/json"),
            b"\"just a string\"".to_vec(),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (
            Method::POST,
            "/api/documents",
            Some("application/json"),
            b"[]".to_vec(),
            StatusCode::BAD_REQUEST,
            "empty_body",
        ),
        (
            Method::POST,
            "/api/documents",
            Some("application/json"),
            b"{\"id\": \"x\"}".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_documents",
        ),
        (
            Method::POST,
            "/api/documents",
            Some("application/x-ndjson"),
            b"not json\n".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_documents",
        ),
        (
            Method::POST,
            "/api/documents",
            Some("application/rss+xml"),
            b"<rss><broken".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_documents",
        ),
        (
            Method::POST,
            "/api/documents",
            Some("image/png"),
            b"\x89PNG".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            Method::POST,
            "/api/documents",
            None,
            b"hello".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            Method::POST,
            "/api/documents",
            Some("text/plain"),
            Vec::new(),
            StatusCode::BAD_REQUEST,
            "empty_body",
        ),
        (
            Method::POST,
            "/api/documents",
            Some("text/plain"),
            vec![0u8; 2000],
            StatusCode::BAD_REQUEST,
            "binary_body",
        ),
        (
            Method::POST,
            "/api/documents",
            Some("text/plain"),
            vec![b'a'; 200 * 1024],
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        ),
        (
            Method::POST,
            "/api/documents?published=yesterday-ish",
            Some("application/json"),
            b"{\"text\": 5}".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_documents",
        ),
        (
            Method::GET,
            "/api/documents?limit=0",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::GET,
            "/api/documents?limit=501",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::GET,
            "/api/documents?limit=ten",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::GET,
            "/api/documents?offset=-1",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::GET,
            "/api/documents?offset=99999999999999999999999",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::GET,
            "/api/documents?from=March",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::GET,
            "/api/documents?from=2025-13-01",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::GET,
            "/api/documents?from=2025-03-02&to=2025-03-01",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::GET,
            "/api/documents?limit=%FF",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::GET,
            "/api/search",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::GET,
            "/api/search?q=%2A",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        (
            Method::GET,
            "/api/claims?contested=maybe",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::GET,
            "/api/entities?limit=-5",
            None,
            vec![],
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            Method::DELETE,
            "/api/documents",
            None,
            vec![],
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
        // Nothing reaches the file system: these name no document, entity or asset.
        (
            Method::GET,
            "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd",
            None,
            vec![],
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            Method::GET,
            "/assets/..%2F..%2FCargo.toml",
            None,
            vec![],
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            Method::GET,
            "/assets/index.html",
            None,
            vec![],
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            Method::GET,
            "/../../etc/passwd",
            None,
            vec![],
            StatusCode::NOT_FOUND,
            "not_found",
        ),
    ];
    for (method, uri, ct, body, want, code) in cases {
        let (status, headers, v, raw) = t.send(method.clone(), uri, ct, body, None).await;
        assert_eq!(
            status,
            want,
            "{method} {uri}: {}",
            String::from_utf8_lossy(&raw)
        );
        assert_eq!(error_code(&v), code, "{method} {uri}: {v}");
        assert!(
            headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/json"),
            "{method} {uri}"
        );
    }
    // A body over the server's limit, announced or not, is refused before it is read whole.
    let big = vec![b'{'; 100 * 1024];
    let (status, v) = t.post("/api/documents", "application/json", big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_code(&v), "payload_too_large");
    // Still healthy after all that.
    assert_eq!(t.get("/api/health").await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_request_past_the_time_limit_is_a_json_timeout() {
    use axum::body::Body;
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    // A client that announces a body and never sends it: the handler waits on the body, so the
    // request must run past the limit, however fast the machine (a zero limit on a quick
    // endpoint raced the endpoint against the timer).
    let t = TestApp::with(|c| c.timeout = std::time::Duration::from_millis(50));
    let (_sender, body) =
        http_body_util::Channel::<axum::body::Bytes, std::convert::Infallible>::new(1);
    let request = axum::http::Request::post("/api/documents")
        .header("content-type", "text/plain")
        .body(Body::new(body))
        .unwrap();
    let response = t.app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::REQUEST_TIMEOUT);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(error_code(&v), "timeout");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("took longer"),
        "{v}"
    );
}

#[tokio::test]
async fn a_token_guards_the_api() {
    let token = "0123456789abcdef0123";
    let t = TestApp::with(|c| c.token = Some(token.into()));
    let (status, headers, v, _) = t.send(Method::GET, "/api/health", None, vec![], None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&v), "unauthorized");
    assert_eq!(headers["www-authenticate"], "Bearer");
    let (status, _, _, _) = t
        .send(
            Method::GET,
            "/api/health",
            None,
            vec![],
            Some("wrong-token-of-some-length"),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _, _) = t
        .send(
            Method::POST,
            "/api/documents",
            Some("text/plain"),
            b"A text.".to_vec(),
            None,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "nothing is written without the token"
    );
    assert_eq!(
        t.send(Method::GET, "/openapi.json", None, vec![], None)
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        t.send(Method::GET, "/api/health", None, vec![], Some(token))
            .await
            .0,
        StatusCode::OK
    );
    // The page that asks for the token carries no data and loads without it.
    assert_eq!(
        t.send(Method::GET, "/", None, vec![], None).await.0,
        StatusCode::OK
    );
    assert_eq!(
        t.send(Method::GET, "/assets/app.js", None, vec![], None)
            .await
            .0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_cached_dossier_follows_the_store() {
    let t = TestApp::new();
    let record = |id: &str, text: &str| {
        json!({"id": id, "text": text, "published": "2025-03-07", "outlet": "Test Wire"})
            .to_string()
    };
    let (status, _) = t
        .post(
            "/api/documents",
            "application/json",
            record(
                "a",
                "Forty people were killed in an attack in Dravosk on Friday.",
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let docs = |v: &Value| v["documents"].as_array().unwrap().len();
    let (_, d1) = t.get("/api/dossier").await;
    assert_eq!(docs(&d1), 1);
    // Added through the API: the next dossier has it.
    t.post(
        "/api/documents",
        "application/json",
        format!(
            "[{}]",
            record("b", "At least 43 people were killed in the Dravosk attack.")
        ),
    )
    .await;
    let (_, d2) = t.get("/api/dossier").await;
    assert_eq!(docs(&d2), 2);
    // Added by another connection (as `dossier ingest` running beside the server would): too.
    let (doc, _) = dossier_ingest::prepare(
        dossier_ingest::jsonl::parse_record(&record("c", "The Dravosk ferry sank."), "test")
            .unwrap(),
    );
    let (ex, w) = dossier_nlp::analyze(&doc, &dossier_nlp::Models::builtin());
    let line = dossier_report::extraction_line(&doc, &ex, &w);
    let mut other = dossier_store::Store::open(t.db()).unwrap();
    other
        .put_batch(&[dossier_store::StoredDoc {
            doc: &doc,
            extraction_json: &line,
        }])
        .unwrap();
    let (_, d3) = t.get("/api/dossier").await;
    assert_eq!(docs(&d3), 3);
    // An HTML page and a feed, with metadata from the query string and from the feed.
    let (status, v) = t
        .post("/api/documents?id=page-1&outlet=Harbour%20Times&published=2025-03-08", "text/html",
              "<html><head><title>Ferry</title></head><body><article><p>The ferry sank near Dravosk on Friday, officials said.</p></article></body></html>")
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    assert_eq!(v["documents"][0]["id"], "page-1");
    let feed = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Radio</title>
<item><title>Toll rises</title><guid>coast-1</guid><pubDate>Sun, 09 Mar 2025 09:30:00 GMT</pubDate>
<description>&lt;p&gt;The toll in Dravosk rose to 44 on Sunday.&lt;/p&gt;</description></item></channel></rss>"#;
    let (status, v) = t.post("/api/documents", "application/rss+xml", feed).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let (_, d4) = t.get("/api/dossier").await;
    assert_eq!(docs(&d4), 5);
    let (_, page) = t.get("/api/documents/coast-1").await;
    assert_eq!(page["document"]["outlet"], "Coast Radio");
}
