//! `dossier serve`: a JSON API and a web interface over the store, in one process.
//!
//! The API (described at `/openapi.json`) adds documents with the command line's readers and
//! limits, lists and searches them (FTS5), fetches one with its extraction, and serves the
//! dossier merged from every stored extraction, whole or in parts (entities, events, timeline,
//! figures, claims, discrepancies, quotes), scoped to a query, dates, an entity or an event. The
//! web interface is three static files compiled into the binary (`assets/`), a script that renders
//! the API's JSON with `textContent` only, so article text can never become markup.
//!
//! Safety by construction: the only files the server reads are the database it was given and its
//! own embedded assets (no path from a request reaches the file system); bodies are capped,
//! requests time out, and every failure is `{"error": {"code", "message"}}` ([`error`]). A server
//! bound beyond loopback must have a token ([`check_bind`]), and with a token every `/api`
//! request and the OpenAPI document need `Authorization: Bearer TOKEN`; the three interface files
//! carry no data and are served to anyone, so that a browser can load the page that asks for it.
//!
//! Concurrency: axum on tokio's multi-thread runtime; SQLite work on the blocking pool, readers
//! from a pool of connections, one writer (see [`state`]).

pub mod api;
pub mod dossier;
pub mod error;
pub mod ingest;
pub mod openapi;
pub mod state;
mod ui;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use error::{ApiError, Limits};
use state::{AppState, Shared};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// What the server needs to run.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    /// Required as `Authorization: Bearer TOKEN` on API requests when set.
    pub token: Option<String>,
    /// The largest request body accepted.
    pub max_body_bytes: usize,
    /// The largest single document (as `dossier ingest --max-doc-bytes`).
    pub max_doc_bytes: usize,
    /// Requests taking longer are answered 408.
    pub timeout: Duration,
}

impl Config {
    pub fn new(db: PathBuf) -> Config {
        Config {
            db,
            token: None,
            max_body_bytes: 32 << 20,
            max_doc_bytes: dossier_ingest::DEFAULT_MAX_DOC_BYTES,
            timeout: Duration::from_secs(60),
        }
    }
}

/// Requests handled at once (each may hold a SQLite connection on a blocking thread).
pub const MAX_IN_FLIGHT: usize = 64;

/// Shortest token accepted: a guessable token on a public address is no protection.
pub const MIN_TOKEN_LEN: usize = 16;

/// Whether the server may listen on `host`: loopback always; anything else only with `public`
/// and a token. The error says what to do.
pub fn check_bind(host: &str, public: bool, token: Option<&str>) -> Result<(), String> {
    if let Some(t) = token {
        if t.len() < MIN_TOKEN_LEN {
            return Err(format!(
                "the token is {} characters; use at least {MIN_TOKEN_LEN} (for example the output of `openssl rand -hex 16`)",
                t.len()
            ));
        }
    }
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if loopback {
        return Ok(());
    }
    match (public, token) {
        (true, Some(_)) => Ok(()),
        (false, _) => Err(format!(
            "refusing to listen on {host}: it is not a loopback address, so anyone who can reach this machine could read and add documents; \
             pass --public and a token (--token or $DOSSIER_TOKEN) to allow it, or keep the default --host 127.0.0.1"
        )),
        (true, None) => Err(format!(
            "--public on {host} needs a token: pass --token TOKEN or set DOSSIER_TOKEN (at least {MIN_TOKEN_LEN} characters); clients then send `Authorization: Bearer TOKEN`"
        )),
    }
}

/// Every route: (path, method). The router is built from this table and the OpenAPI document is
/// checked against it, so neither can gain a route the other lacks.
pub fn routes() -> Vec<(&'static str, Method)> {
    table().into_iter().map(|(p, m, _)| (p, m)).collect()
}

fn table() -> Vec<(&'static str, Method, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        ("/", M::GET, get(ui::index)),
        ("/assets/app.js", M::GET, get(ui::script)),
        ("/assets/style.css", M::GET, get(ui::style)),
        ("/openapi.json", M::GET, get(openapi_json)),
        ("/api/health", M::GET, get(api::health)),
        ("/api/documents", M::GET, get(api::list_documents)),
        ("/api/documents", M::POST, post(api::add_documents)),
        ("/api/documents/{id}", M::GET, get(api::get_document)),
        ("/api/search", M::GET, get(api::search)),
        ("/api/outlets", M::GET, get(api::outlets)),
        ("/api/dossier", M::GET, get(api::dossier)),
        ("/api/entities", M::GET, get(api::entities)),
        ("/api/entities/{id}", M::GET, get(api::entity)),
        ("/api/events", M::GET, get(api::events)),
        ("/api/events/{id}", M::GET, get(api::event)),
        ("/api/timeline", M::GET, get(api::timeline)),
        ("/api/figures", M::GET, get(api::figures)),
        ("/api/claims", M::GET, get(api::claims)),
        ("/api/discrepancies", M::GET, get(api::discrepancies)),
        ("/api/quotes", M::GET, get(api::quotes)),
    ]
}

async fn openapi_json() -> axum::Json<serde_json::Value> {
    axum::Json(openapi::document())
}

/// Requires the bearer token on everything but the interface's static files.
async fn require_token(
    State(token): State<Option<Arc<str>>>,
    request: Request,
    next: Next,
) -> Response {
    let Some(token) = token else {
        return next.run(request).await;
    };
    let path = request.uri().path();
    if path == "/" || path.starts_with("/assets/") {
        return next.run(request).await;
    }
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match given {
        Some(g) if same(g.trim().as_bytes(), token.as_bytes()) => next.run(request).await,
        Some(_) => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "the token is wrong",
        )
        .into_response(),
        None => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "this server needs a token: send `Authorization: Bearer TOKEN`",
        )
        .into_response(),
    }
}

/// Compares without an early exit, so timing does not tell how much of a guess was right.
fn same(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, &x) in a.iter().enumerate() {
        diff |= (x ^ b.get(i).copied().unwrap_or(0)) as usize;
    }
    diff == 0
}

/// Headers on every response: no sniffing, no framing, and a content policy that lets the page
/// run only its own script (defence in depth behind the escaping).
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    h.insert(
        "content-security-policy",
        HeaderValue::from_static("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    );
    response
}

/// The application: routes, state and every layer. Used by [`serve`] and by tests (`oneshot`).
pub fn app(config: &Config) -> anyhow::Result<Router> {
    let shared = Arc::new(Shared::open(config.db.clone(), config.max_doc_bytes)?);
    Ok(app_with(config, shared))
}

fn app_with(config: &Config, shared: AppState) -> Router {
    let limits = Limits {
        max_body_bytes: config.max_body_bytes,
        timeout_secs: config.timeout.as_secs(),
    };
    let token: Option<Arc<str>> = config.token.as_deref().map(Arc::from);
    let mut router = Router::new();
    for (path, _, handler) in table() {
        router = router.route(path, handler);
    }
    router
        .fallback(|| async { StatusCode::NOT_FOUND })
        .with_state(shared)
        // Layers run outside in: the last added sees the request first.
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        // At most this many requests at work at once; the rest wait their turn (inside the
        // timeout, so a wait too long is a 408, not a pile-up of threads and connections).
        .layer(tower::limit::ConcurrencyLimitLayer::new(MAX_IN_FLIGHT))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            config.max_body_bytes,
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.timeout,
        ))
        // The fastest level: the whole dossier of a large store is megabytes, and speed matters more.
        .layer(
            tower_http::compression::CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Fastest),
        )
        .layer(middleware::from_fn_with_state(token, require_token))
        .layer(middleware::from_fn(move |r, n| {
            error::json_errors(limits, r, n)
        }))
        .layer(middleware::from_fn(security_headers))
}

/// Binds, reports the address through `ready`, and serves until Ctrl-C or SIGTERM. Builds the
/// dossier of the whole store in the background at start, so the first visitor need not wait.
pub fn serve(
    config: Config,
    host: &str,
    port: u16,
    ready: impl FnOnce(SocketAddr, usize),
) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let shared = Arc::new(Shared::open(config.db.clone(), config.max_doc_bytes)?);
        let app = app_with(&config, shared.clone());
        let listener = tokio::net::TcpListener::bind((host, port))
            .await
            .map_err(|e| {
                anyhow::anyhow!(
                    "cannot listen on {host}:{port}: {e}; choose another --port or --host"
                )
            })?;
        let addr = listener.local_addr()?;
        let documents = shared
            .read(|s| Ok(s.count()?))
            .await
            .map_err(|e| anyhow::anyhow!(e.message))?;
        ready(addr, documents);
        let warm = shared.clone();
        tokio::spawn(async move {
            let _ = tokio::task::spawn_blocking({
                let w = warm.clone();
                move || {
                    w.models();
                }
            })
            .await;
            let _ = warm.dossier(dossier::Scope::default()).await;
        });
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown())
            .await?;
        Ok(())
    })
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binding_rules() {
        let tok = "0123456789abcdef";
        assert!(check_bind("127.0.0.1", false, None).is_ok());
        assert!(check_bind("localhost", false, None).is_ok());
        assert!(check_bind("::1", false, None).is_ok());
        assert!(check_bind("0.0.0.0", false, Some(tok))
            .unwrap_err()
            .contains("--public"));
        assert!(check_bind("0.0.0.0", true, None)
            .unwrap_err()
            .contains("needs a token"));
        assert!(check_bind("0.0.0.0", true, Some(tok)).is_ok());
        assert!(check_bind("192.168.1.4", true, Some("short"))
            .unwrap_err()
            .contains("at least"));
    }

    #[test]
    fn token_comparison() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
        assert!(!same(b"", b"a"));
    }
}
