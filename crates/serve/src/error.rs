//! Errors as the API writes them: always `{"error": {"code", "message"}}` with a fitting status.
//!
//! Handlers return [`ApiError`]; the extractors in this module ([`Q`], [`P`]) turn axum's own
//! rejections into it; and [`json_errors`] rewrites whatever error still leaves the server in
//! another shape (a body over the limit, a timeout, an unknown method) so that clients can rely on
//! one shape for every failure. Codes are stable identifiers; messages say what to do.

use axum::extract::{FromRequestParts, Request};
use axum::http::{header, request::Parts, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::json;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }
    pub fn bad_parameter(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", message)
    }
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
    pub fn body(&self) -> serde_json::Value {
        json!({"error": {"code": self.code, "message": self.message}})
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body())).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl From<dossier_store::StoreError> for ApiError {
    fn from(e: dossier_store::StoreError) -> ApiError {
        match e {
            dossier_store::StoreError::Query(m) => {
                ApiError::new(StatusCode::BAD_REQUEST, "invalid_query", m)
            }
            other => ApiError::internal(format!(
                "the store failed: {other}; check the database with `dossier check`"
            )),
        }
    }
}

/// Query-string parameters, with a JSON error when they do not parse.
pub struct Q<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(Q(v)),
            Err(e) => Err(ApiError::bad_parameter(format!(
                "{}; the parameters of each endpoint are in /openapi.json",
                e.body_text()
            ))),
        }
    }
}

/// A path parameter, with a JSON error when it does not decode.
pub struct P<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for P<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(P(v)),
            Err(e) => Err(ApiError::bad_parameter(e.body_text())),
        }
    }
}

/// Settings [`json_errors`] needs to explain a refusal.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_body_bytes: usize,
    pub timeout_secs: u64,
}

/// Middleware: any error response that is not already JSON becomes the stable error shape.
pub async fn json_errors(limits: Limits, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return response;
    }
    let error = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
            status,
            "payload_too_large",
            format!("the request body is over the limit of {} bytes; send fewer documents per request", limits.max_body_bytes),
        ),
        StatusCode::REQUEST_TIMEOUT => ApiError::new(
            status,
            "timeout",
            format!("the request took longer than {} s and was abandoned; narrow it (a query, a date range) or try again", limits.timeout_secs),
        ),
        StatusCode::METHOD_NOT_ALLOWED => {
            ApiError::new(status, "method_not_allowed", format!("{method} is not allowed on {path}; /openapi.json lists the methods of each path"))
        }
        StatusCode::NOT_FOUND => ApiError::not_found(format!("no such endpoint: {path}; /openapi.json lists them")),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::new(status, "unsupported_media_type", "unsupported Content-Type"),
        s if s.is_server_error() => ApiError::internal("the server failed on this request; try again, and report it if it persists"),
        s => ApiError::new(s, "bad_request", s.canonical_reason().unwrap_or("bad request").to_string()),
    };
    let mut out = error.into_response();
    // Keep headers the layers set on purpose (Allow on a 405).
    if let Some(allow) = response.headers().get(header::ALLOW) {
        out.headers_mut().insert(header::ALLOW, allow.clone());
    }
    out
}
