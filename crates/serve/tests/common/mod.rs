//! Test helpers: an app over a fresh temporary store, driven in process with `oneshot`.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tower::ServiceExt;

pub struct TestApp {
    pub app: Router,
    pub dir: tempfile::TempDir,
    pub config: dossier_serve::Config,
}

impl TestApp {
    pub fn new() -> TestApp {
        TestApp::with(|_| {})
    }

    pub fn with(tune: impl FnOnce(&mut dossier_serve::Config)) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let mut config = dossier_serve::Config::new(dir.path().join("test.db"));
        tune(&mut config);
        let app = dossier_serve::app(&config).unwrap();
        TestApp { app, dir, config }
    }

    pub fn db(&self) -> &Path {
        &self.config.db
    }

    /// Sends a request; returns the status, the headers and the body as JSON (Null if not JSON).
    pub async fn send(
        &self,
        method: Method,
        uri: &str,
        content_type: Option<&str>,
        body: Vec<u8>,
        auth: Option<&str>,
    ) -> (StatusCode, axum::http::HeaderMap, Value, Vec<u8>) {
        let mut req = Request::builder().method(method).uri(uri);
        if let Some(ct) = content_type {
            req = req.header(header::CONTENT_TYPE, ct);
        }
        if let Some(token) = auth {
            req = req.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let response = self
            .app
            .clone()
            .oneshot(req.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, headers, json, bytes)
    }

    pub async fn get(&self, uri: &str) -> (StatusCode, Value) {
        let (s, _, v, _) = self.send(Method::GET, uri, None, Vec::new(), None).await;
        (s, v)
    }

    pub async fn post(
        &self,
        uri: &str,
        content_type: &str,
        body: impl Into<Vec<u8>>,
    ) -> (StatusCode, Value) {
        let (s, _, v, _) = self
            .send(Method::POST, uri, Some(content_type), body.into(), None)
            .await;
        (s, v)
    }

    /// Adds the demo corpus through the API, one request per file, each in its own format.
    pub async fn load_demo(&self) {
        for (file, ct) in [
            ("wire.jsonl", "application/x-ndjson"),
            ("astrava-daily.html", "text/html"),
            ("harbour-courier.txt", "text/plain"),
            ("northern-ledger.txt", "text/plain; charset=utf-8"),
        ] {
            let bytes = std::fs::read(demo().join(file)).unwrap();
            let (status, v) = self.post("/api/documents", ct, bytes).await;
            assert_eq!(status, StatusCode::CREATED, "{file}: {v}");
        }
    }
}

pub fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo")
}

/// Asserts the stable error shape and returns the code.
pub fn error_code(v: &Value) -> String {
    let code = v["error"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("not an error body: {v}"));
    let message = v["error"]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("error without message: {v}"));
    assert!(!message.is_empty());
    code.to_string()
}
