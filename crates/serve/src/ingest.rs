//! Adding documents over HTTP: the same readers, validation and size limits as `dossier ingest`.
//!
//! The request's `Content-Type` says what the body is: `application/json` (one record or an
//! array), `application/x-ndjson` (JSON lines), `text/html` (one page), an RSS or Atom feed
//! (`application/rss+xml`, `application/atom+xml`, `application/xml`, `text/xml`) or
//! `text/plain` (one pasted article). Records are DESIGN.md's `{"id", "text" | "html", ...}`;
//! for a page or a text the metadata may come as query parameters. Every readable document is
//! analyzed and the whole request is stored in one transaction, so readers see all of it or none.

use crate::error::ApiError;
use crate::state::AppState;
use axum::http::StatusCode;
use dossier_ingest::{encoding, Content, Format, InputMeta, RawDoc};
use dossier_model::{Warning, WarningKind};
use dossier_store::{BatchOutcome, StoredDoc};
use serde_json::{json, Value};

/// A whole-read container (a JSON array, a feed) may be this many times the per-document limit,
/// as on the command line.
const CONTAINER_FACTOR: usize = 8;

/// Where the documents of a request say they came from, in warnings and `source`.
const SOURCE: &str = "POST /api/documents";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyKind {
    Json,
    JsonLines,
    Html,
    Feed,
    Text,
}

/// Metadata for a page or a text body, from the query string.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Meta {
    pub id: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    /// Comma-separated.
    pub authors: Option<String>,
}

fn body_kind(content_type: &str) -> Result<(BodyKind, Option<String>), ApiError> {
    let mut parts = content_type.split(';');
    let essence = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches('"').to_string());
    let kind = match essence.as_str() {
        "application/json" => BodyKind::Json,
        "application/x-ndjson"
        | "application/jsonl"
        | "application/x-jsonlines"
        | "application/jsonlines" => BodyKind::JsonLines,
        "text/html" | "application/xhtml+xml" => BodyKind::Html,
        "application/rss+xml"
        | "application/atom+xml"
        | "application/xml"
        | "text/xml"
        | "application/rdf+xml" => BodyKind::Feed,
        "text/plain" => BodyKind::Text,
        "" => return Err(unsupported("the request has no Content-Type")),
        other => {
            return Err(unsupported(&format!(
                "Content-Type {other} is not a kind of document dossier reads"
            )))
        }
    };
    Ok((kind, charset))
}

fn unsupported(what: &str) -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        format!("{what}; send application/json (a record or an array), application/x-ndjson (JSON lines), text/html (a page), application/rss+xml or application/atom+xml (a feed), or text/plain (an article)"),
    )
}

fn too_large(what: &str, limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        format!(
            "{what} is over the limit of {limit} bytes (the server's --max-doc-bytes); split it"
        ),
    )
}

/// Reads a request body into raw documents (or warnings about the records that cannot be read).
fn read_body(
    kind: BodyKind,
    charset: Option<String>,
    bytes: Vec<u8>,
    meta: Meta,
    max_doc: usize,
) -> Result<Vec<Result<RawDoc, Warning>>, ApiError> {
    if bytes.is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "empty_body",
            "the request body is empty; send the documents in it",
        ));
    }
    let page_meta = || InputMeta {
        id: meta.id.clone(),
        url: meta.url.clone(),
        outlet: meta.outlet.clone(),
        title: meta.title.clone(),
        authors: meta
            .authors
            .as_deref()
            .map(|a| {
                a.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        published: meta.published.clone(),
        published_is_capture_date: false,
    };
    Ok(match kind {
        BodyKind::Json => {
            if bytes.len() > max_doc.saturating_mul(CONTAINER_FACTOR) {
                return Err(too_large(
                    "the JSON body",
                    max_doc.saturating_mul(CONTAINER_FACTOR),
                ));
            }
            let text = encoding::decode(&bytes, charset.as_deref()).text;
            // Checked here first so that a malformed body is refused with where it breaks, rather
            // than read as JSON lines as a `.json` file would be.
            match serde_json::from_str::<Value>(&text) {
                Ok(Value::Array(a)) if a.is_empty() => {
                    return Err(ApiError::new(StatusCode::BAD_REQUEST, "empty_body", "the JSON array is empty; put the records in it"))
                }
                Ok(Value::Array(_) | Value::Object(_)) => {}
                Ok(_) => {
                    return Err(ApiError::new(
                        StatusCode::BAD_REQUEST,
                        "invalid_json",
                        "the body must be a JSON object {\"id\", \"text\" | \"html\", ...} or an array of them",
                    ))
                }
                Err(e) => return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_json", format!("the body is not valid JSON: {e}"))),
            }
            dossier_ingest::jsonl::parse_json_file(&text, SOURCE)
        }
        BodyKind::JsonLines => {
            dossier_ingest::jsonl::JsonLines::new(bytes.as_slice(), SOURCE, max_doc).collect()
        }
        BodyKind::Feed => {
            if bytes.len() > max_doc.saturating_mul(CONTAINER_FACTOR) {
                return Err(too_large(
                    "the feed",
                    max_doc.saturating_mul(CONTAINER_FACTOR),
                ));
            }
            dossier_ingest::feed::read_feed(&bytes, SOURCE)
        }
        BodyKind::Html | BodyKind::Text => {
            if bytes.len() > max_doc {
                return Err(too_large("the document", max_doc));
            }
            if encoding::looks_binary(&bytes) {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "binary_body",
                    "the body looks like a binary file, not text or HTML",
                ));
            }
            vec![Ok(RawDoc {
                source: SOURCE.to_string(),
                format: if kind == BodyKind::Html {
                    Format::Html
                } else {
                    Format::Text
                },
                content: Content::Bytes {
                    bytes,
                    declared_charset: charset,
                },
                meta: page_meta(),
            })]
        }
    })
}

fn warning_json(w: &Warning) -> Value {
    json!({"source": w.source, "kind": kind_str(w.kind), "message": w.message})
}

fn kind_str(k: WarningKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Handles one `POST /api/documents`: read, analyze, store in one transaction, report.
pub async fn add(
    state: AppState,
    content_type: &str,
    bytes: Vec<u8>,
    meta: Meta,
) -> Result<(StatusCode, Value), ApiError> {
    let (kind, charset) = body_kind(content_type)?;
    let max_doc = state.max_doc_bytes;
    let shared = state.clone();
    // Reading and analysis are CPU work: on the blocking pool, outside the writer's lock.
    let (analyzed, skipped) = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        let records = read_body(kind, charset, bytes, meta, max_doc)?;
        let models = shared.models();
        let mut analyzed = Vec::new();
        let mut skipped = Vec::new();
        for r in records {
            match r {
                Ok(raw) => {
                    let (doc, mut warnings) = dossier_ingest::prepare(raw);
                    let (extraction, more) = dossier_nlp::analyze(&doc, models);
                    warnings.extend(more);
                    let line = dossier_report::extraction_line(&doc, &extraction, &warnings);
                    analyzed.push((doc, line, warnings));
                }
                Err(w) => skipped.push(w),
            }
        }
        Ok((analyzed, skipped))
    })
    .await
    .map_err(|e| ApiError::internal(format!("a worker failed: {e}")))??;

    if analyzed.is_empty() {
        let reasons: Vec<String> = skipped
            .iter()
            .take(5)
            .map(|w| format!("{}: {}", w.source, w.message))
            .collect();
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_documents",
            format!(
                "no document in the request could be read ({})",
                if reasons.is_empty() {
                    "it held none".into()
                } else {
                    reasons.join("; ")
                }
            ),
        ));
    }
    let analyzed = std::sync::Arc::new(analyzed);
    let to_store = analyzed.clone();
    let outcome: BatchOutcome = state
        .write(move |store, _| {
            let batch: Vec<StoredDoc> = to_store
                .iter()
                .map(|(doc, line, _)| StoredDoc {
                    doc,
                    extraction_json: line,
                })
                .collect();
            Ok(store.put_batch(&batch)?)
        })
        .await?;
    let documents: Vec<Value> = analyzed
        .iter()
        .map(|(doc, _, warnings)| {
            json!({"id": doc.id, "title": doc.title, "outlet": doc.outlet,
                   "published": doc.published.as_ref().map(|p| &p.value),
                   "warnings": warnings.iter().map(warning_json).collect::<Vec<_>>()})
        })
        .collect();
    let status = if outcome.added > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        json!({"added": outcome.added, "replaced": outcome.replaced, "unchanged": outcome.unchanged,
               "documents": documents, "skipped": skipped.iter().map(warning_json).collect::<Vec<_>>()}),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        assert_eq!(body_kind("application/json").unwrap().0, BodyKind::Json);
        assert_eq!(
            body_kind("text/html; charset=\"ISO-8859-1\"").unwrap(),
            (BodyKind::Html, Some("ISO-8859-1".into()))
        );
        assert_eq!(
            body_kind("application/x-ndjson").unwrap().0,
            BodyKind::JsonLines
        );
        assert_eq!(body_kind("application/atom+xml").unwrap().0, BodyKind::Feed);
        assert_eq!(
            body_kind("image/png").unwrap_err().status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        );
        assert_eq!(body_kind("").unwrap_err().code, "unsupported_media_type");
    }

    #[test]
    fn json_bodies_are_checked() {
        let read = |b: &str| {
            read_body(
                BodyKind::Json,
                None,
                b.as_bytes().to_vec(),
                Meta::default(),
                1000,
            )
        };
        assert_eq!(read("{oops").unwrap_err().code, "invalid_json");
        assert_eq!(read("42").unwrap_err().code, "invalid_json");
        assert_eq!(read("[]").unwrap_err().code, "empty_body");
        assert_eq!(read("").unwrap_err().code, "empty_body");
        let two = read(r#"[{"id":"a","text":"x"},{"id":"b"}]"#).unwrap();
        assert!(two[0].is_ok() && two[1].is_err());
        assert_eq!(
            read(&"x".repeat(9000)).unwrap_err().code,
            "payload_too_large"
        );
    }
}
