//! The JSON API's handlers. Each reads its parameters with clear refusals, asks the store or the
//! cached dossier, and answers in the shapes that `/openapi.json` describes.
//!
//! Lists are paged: `limit` (1 to [`MAX_LIMIT`], default [`DEFAULT_LIMIT`]) and `offset`, and
//! answer `{"total", "limit", "offset", "items"}`. The dossier's parts take the dossier's scope:
//! `q` (a full-text query), `outlet`, `from` and `to` (dates) choose the documents; `entity` and
//! `event` narrow to what involves that thing (see [`crate::dossier`]).

use crate::dossier::{view, Built, Scope};
use crate::error::{ApiError, P, Q};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use dossier_store::{DocFilter, SNIPPET_CLOSE, SNIPPET_OPEN};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

pub const DEFAULT_LIMIT: usize = 20;
pub const MAX_LIMIT: usize = 500;
const MAX_OFFSET: usize = 1_000_000_000;
/// Quotes on an event page.
const EVENT_QUOTES: usize = 50;

/// Every query parameter any endpoint takes; each endpoint reads the ones it documents.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    pub q: Option<String>,
    pub outlet: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub entity: Option<String>,
    pub event: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub name: Option<String>,
    pub doc: Option<String>,
    pub measure: Option<String>,
    pub predicate: Option<String>,
    pub contested: Option<String>,
    pub speaker: Option<String>,
}

/// True when a filter is not set, else whether it holds.
fn unset_or<T>(filter: Option<T>, holds: impl FnOnce(T) -> bool) -> bool {
    match filter {
        None => true,
        Some(x) => holds(x),
    }
}

fn nonempty(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// `limit` and `offset`, checked.
fn paging(p: &Params) -> Result<(usize, usize), ApiError> {
    let num = |name: &str,
               v: &Option<String>,
               default: usize,
               min: usize,
               max: usize|
     -> Result<usize, ApiError> {
        match v.as_deref().map(str::trim) {
            None | Some("") => Ok(default),
            Some(s) => match s.parse::<usize>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::bad_parameter(format!(
                    "`{name}` must be a whole number from {min} to {max}, not {s:?}"
                ))),
            },
        }
    };
    Ok((
        num("limit", &p.limit, DEFAULT_LIMIT, 1, MAX_LIMIT)?,
        num("offset", &p.offset, 0, 0, MAX_OFFSET)?,
    ))
}

/// A `YYYY-MM-DD` date parameter.
fn date(name: &str, v: &Option<String>) -> Result<Option<String>, ApiError> {
    let Some(s) = nonempty(v) else {
        return Ok(None);
    };
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && {
            let (m, d): (u32, u32) = (s[5..7].parse().unwrap_or(0), s[8..10].parse().unwrap_or(0));
            (1..=12).contains(&m) && (1..=31).contains(&d)
        };
    if !ok {
        return Err(ApiError::bad_parameter(format!(
            "`{name}` must be a date written YYYY-MM-DD, not {s:?}"
        )));
    }
    Ok(Some(s))
}

fn filter(p: &Params) -> Result<DocFilter, ApiError> {
    let f = DocFilter {
        outlet: nonempty(&p.outlet),
        from: date("from", &p.from)?,
        to: date("to", &p.to)?,
    };
    if let (Some(a), Some(b)) = (&f.from, &f.to) {
        if a > b {
            return Err(ApiError::bad_parameter(format!(
                "`from` ({a}) is after `to` ({b})"
            )));
        }
    }
    Ok(f)
}

fn scope(p: &Params) -> Result<Scope, ApiError> {
    let f = filter(p)?;
    Ok(Scope {
        q: nonempty(&p.q),
        outlet: f.outlet,
        from: f.from,
        to: f.to,
    })
}

/// `{"total", "limit", "offset", "items"}` from an iterator over all matching items.
fn paged<'a>(
    all: impl Iterator<Item = &'a Value>,
    limit: usize,
    offset: usize,
    f: impl Fn(&Value) -> Value,
) -> Value {
    let mut total = 0;
    let mut items = Vec::new();
    for v in all {
        if total >= offset && items.len() < limit {
            items.push(f(v));
        }
        total += 1;
    }
    json!({"total": total, "limit": limit, "offset": offset, "items": items})
}

/// A dossier for the request's scope, narrowed by `entity`/`event` when given.
struct Scoped {
    built: Arc<Built>,
    view: Option<Value>,
}

impl Scoped {
    fn json(&self) -> &Value {
        self.view.as_ref().unwrap_or(&self.built.json)
    }
    fn list(&self, part: &str) -> impl Iterator<Item = &Value> {
        self.json()[part].as_array().into_iter().flatten()
    }
    fn name(&self, id: &Value) -> Value {
        id.as_str()
            .and_then(|id| self.built.entity_name(id))
            .map(Value::from)
            .unwrap_or(Value::Null)
    }
}

async fn scoped(state: &AppState, p: &Params) -> Result<Scoped, ApiError> {
    let built = state.dossier(scope(p)?).await?;
    let (entity, event) = (nonempty(&p.entity), nonempty(&p.event));
    let view = if entity.is_some() || event.is_some() {
        Some(view(&built, entity.as_deref(), event.as_deref())?)
    } else {
        None
    };
    Ok(Scoped { built, view })
}

pub async fn health(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let n = state.read(|s| Ok(s.count()?)).await?;
    Ok(Json(
        json!({"status": "ok", "documents": n, "version": env!("CARGO_PKG_VERSION")}),
    ))
}

pub async fn list_documents(
    State(state): State<AppState>,
    Q(p): Q<Params>,
) -> Result<Json<Value>, ApiError> {
    let (limit, offset) = paging(&p)?;
    let f = filter(&p)?;
    let page = state.read(move |s| Ok(s.list(&f, limit, offset)?)).await?;
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|d| json!({"id": d.id, "title": d.title, "outlet": d.outlet, "published": d.published, "url": d.url, "source": d.source}))
        .collect();
    Ok(Json(
        json!({"total": page.total, "limit": limit, "offset": offset, "items": items}),
    ))
}

pub async fn add_documents(
    State(state): State<AppState>,
    Q(meta): Q<crate::ingest::Meta>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "the request body is over the server's limit; send fewer documents per request",
            )
        } else {
            ApiError::new(
                e.status(),
                "bad_body",
                format!("the request body could not be read: {}", e.body_text()),
            )
        }
    })?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let (status, v) = crate::ingest::add(state, content_type, body.to_vec(), meta).await?;
    Ok((status, Json(v)))
}

pub async fn get_document(
    State(state): State<AppState>,
    P(id): P<String>,
) -> Result<Json<Value>, ApiError> {
    let shown = id.clone();
    let line = state.read(move |s| Ok(s.extraction(&id)?)).await?;
    let line = line.ok_or_else(|| {
        ApiError::not_found(format!(
            "no document {shown:?} in the store; GET /api/documents or /api/search finds ids"
        ))
    })?;
    let v: Value = serde_json::from_str(&line).map_err(|e| {
        ApiError::internal(format!(
            "the stored extraction of {shown:?} is not valid JSON ({e}); re-ingest it"
        ))
    })?;
    Ok(Json(json!({"document": v})))
}

/// A snippet as alternating plain and matched pieces, so no client ever parses markup.
fn snippet_parts(snippet: &str) -> Value {
    let mut parts = Vec::new();
    let mut matched = false;
    let mut cur = String::new();
    for c in snippet.chars() {
        if c == SNIPPET_OPEN || c == SNIPPET_CLOSE {
            if !cur.is_empty() {
                parts.push(json!({"text": std::mem::take(&mut cur), "match": matched}));
            }
            matched = c == SNIPPET_OPEN;
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        parts.push(json!({"text": cur, "match": matched}));
    }
    Value::Array(parts)
}

pub async fn search(
    State(state): State<AppState>,
    Q(p): Q<Params>,
) -> Result<Json<Value>, ApiError> {
    let (limit, offset) = paging(&p)?;
    let f = filter(&p)?;
    let q = nonempty(&p.q).ok_or_else(|| {
        ApiError::bad_parameter(
            "`q` is required: the words to search for (FTS5 syntax, or plain words)",
        )
    })?;
    let query = q.clone();
    let page = state
        .read(move |s| Ok(s.search_page(&query, &f, limit, offset)?))
        .await?;
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|h| {
            json!({"id": h.id, "title": h.title, "outlet": h.outlet, "published": h.published, "source": h.source,
                   "rank": h.rank, "snippet": snippet_parts(&h.snippet)})
        })
        .collect();
    Ok(Json(
        json!({"query": q, "total": page.total, "limit": limit, "offset": offset, "items": items}),
    ))
}

pub async fn outlets(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let list = state.read(|s| Ok(s.outlets()?)).await?;
    Ok(Json(
        json!({"items": list.iter().map(|(o, n)| json!({"outlet": o, "documents": n})).collect::<Vec<_>>()}),
    ))
}

pub async fn dossier(State(state): State<AppState>, Q(p): Q<Params>) -> Result<Response, ApiError> {
    let sc = scoped(&state, &p).await?;
    let json_response =
        |bytes: Vec<u8>| ([(header::CONTENT_TYPE, "application/json")], bytes).into_response();
    if sc.view.is_none() && sc.built.left_out == 0 {
        // The common case, served from bytes serialized once per store version.
        return Ok(json_response(sc.built.bytes.clone()));
    }
    let mut v = sc.json().clone();
    v["left_out"] = json!(sc.built.left_out);
    Ok(json_response(
        serde_json::to_vec(&v).map_err(|e| ApiError::internal(e.to_string()))?,
    ))
}

fn span_count(v: &Value, k: &str) -> usize {
    v[k].as_array().map_or(0, Vec::len)
}

pub async fn entities(
    State(state): State<AppState>,
    Q(p): Q<Params>,
) -> Result<Json<Value>, ApiError> {
    let (limit, offset) = paging(&p)?;
    let sc = scoped(&state, &p).await?;
    let kind = nonempty(&p.kind).map(|k| k.to_ascii_uppercase());
    let name = nonempty(&p.name).map(|n| n.to_lowercase());
    let doc = nonempty(&p.doc);
    let mut all: Vec<&Value> = sc
        .list("entities")
        .filter(|e| unset_or(kind.as_deref(), |k| e["type"].as_str() == Some(k)))
        .filter(|e| {
            unset_or(name.as_deref(), |n| {
                std::iter::once(&e["name"])
                    .chain(e["aliases"].as_array().into_iter().flatten())
                    .any(|a| a.as_str().is_some_and(|a| a.to_lowercase().contains(n)))
            })
        })
        .filter(|e| {
            unset_or(doc.as_deref(), |d| {
                e["mentions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|m| m["doc"].as_str() == Some(d))
            })
        })
        .collect();
    all.sort_by(|a, b| {
        span_count(b, "mentions")
            .cmp(&span_count(a, "mentions"))
            .then_with(|| a["name"].as_str().cmp(&b["name"].as_str()))
    });
    Ok(Json(paged(all.into_iter(), limit, offset, |e| {
        let mut v = json!({"id": e["id"], "name": e["name"], "type": e["type"], "aliases": e["aliases"], "mentions": span_count(e, "mentions")});
        if let Some(d) = &doc {
            // The mentions in that one document, for highlighting it.
            v["in_doc"] = Value::Array(
                e["mentions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|m| m["doc"].as_str() == Some(d))
                    .map(|m| json!([m["start"], m["end"]]))
                    .collect(),
            );
        }
        if !e["place"].is_null() {
            v["place"] = e["place"].clone();
        }
        v
    })))
}

pub async fn entity(
    State(state): State<AppState>,
    P(id): P<String>,
    Q(mut p): Q<Params>,
) -> Result<Json<Value>, ApiError> {
    p.entity = Some(id.clone());
    let sc = scoped(&state, &p).await?;
    let v = sc.json();
    let events: Vec<Value> = sc.list("events").map(|e| event_summary(&sc, e)).collect();
    let claims: Vec<Value> = sc
        .list("claims")
        .map(|c| claim_with_names(&sc, c))
        .collect();
    Ok(Json(
        json!({"entity": v["entities"][0], "events": events, "quotes": v["quotes"], "claims": claims, "documents": v["documents"]}),
    ))
}

fn event_summary(sc: &Scoped, e: &Value) -> Value {
    json!({"id": e["id"], "type": e["type"], "date": e["date"], "place": e["place"], "place_name": sc.name(&e["place"]),
           "perpetrator": e["perpetrator"], "perpetrator_name": sc.name(&e["perpetrator"]),
           "mentions": span_count(e, "mentions"),
           "figures": e["figures"].as_array().into_iter().flatten().map(|g| json!({"measure": g["measure"], "low": g["low"], "high": g["high"],
               "conservative": g["conservative"], "reports": span_count(g, "reports")})).collect::<Vec<_>>()})
}

fn claim_with_names(sc: &Scoped, c: &Value) -> Value {
    let mut v = c.clone();
    v["subject_name"] = sc.name(&c["subject"]);
    v["object_kind"] = match c["object"].as_str() {
        Some(id) if sc.built.event(id).is_some() => json!("event"),
        Some(_) => json!("entity"),
        None => Value::Null,
    };
    v["object_name"] = match c["object"].as_str() {
        Some(id) if sc.built.event(id).is_some() => {
            let e = sc.built.event(id).expect("checked");
            json!(format!(
                "{} {}",
                e["type"].as_str().unwrap_or("event"),
                e["date"].as_str().unwrap_or("")
            )
            .trim())
        }
        _ => sc.name(&c["object"]),
    };
    v
}

pub async fn events(
    State(state): State<AppState>,
    Q(p): Q<Params>,
) -> Result<Json<Value>, ApiError> {
    let (limit, offset) = paging(&p)?;
    let sc = scoped(&state, &p).await?;
    let kind = nonempty(&p.kind);
    let all = sc
        .list("events")
        .filter(|e| unset_or(kind.as_deref(), |k| e["type"].as_str() == Some(k)));
    Ok(Json(paged(all, limit, offset, |e| event_summary(&sc, e))))
}

pub async fn event(
    State(state): State<AppState>,
    P(id): P<String>,
    Q(p): Q<Params>,
) -> Result<Json<Value>, ApiError> {
    // Built straight from the dossier (or its entity view) rather than through the event view:
    // this page is asked often and needs names, not every entity's mentions.
    let sc = scoped(&state, &p).await?;
    let d = sc.json();
    let Some(mut event) = d["events"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["id"].as_str() == Some(id.as_str()))
        .cloned()
    else {
        return Err(ApiError::not_found(format!(
            "no event {id:?} in this dossier; GET /api/events lists them"
        )));
    };
    event["place_name"] = sc.name(&event["place"]);
    event["perpetrator_name"] = sc.name(&event["perpetrator"]);
    let docs = doc_index(&sc.built);
    // Each figure report with its source's outlet and title, for the table per source.
    for g in event["figures"].as_array_mut().into_iter().flatten() {
        for r in g["reports"].as_array_mut().into_iter().flatten() {
            if let Some(doc) = r["doc"].as_str().and_then(|x| docs.get(x)) {
                r["outlet"] = doc["outlet"].clone();
                r["title"] = doc["title"].clone();
            }
        }
    }
    let mut reporting = std::collections::BTreeSet::new();
    crate::dossier::docs_of(&event, &mut reporting);
    let all = |part: &'static str| d[part].as_array().into_iter().flatten();
    let claims: Vec<Value> = all("claims")
        .filter(|c| c["object"].as_str() == Some(id.as_str()))
        .map(|c| claim_with_names(&sc, c))
        .collect();
    let discrepancies: Vec<Value> = all("discrepancies")
        .filter(|x| x["event"].as_str() == Some(id.as_str()))
        .map(|x| with_sources(&docs, x))
        .collect();
    let timeline: Vec<&Value> = all("timeline")
        .filter(|t| t["event"].as_str() == Some(id.as_str()))
        .collect();
    // Quotes from the sources that report it: the first few here, all at /api/dossier?event=ID.
    let in_sources = |q: &&Value| {
        q["span"]["doc"]
            .as_str()
            .is_some_and(|doc| reporting.contains(doc))
    };
    let quotes_total = all("quotes").filter(in_sources).count();
    let quotes: Vec<Value> = all("quotes")
        .filter(in_sources)
        .take(EVENT_QUOTES)
        .cloned()
        .collect();
    let mut involved: Vec<Value> = [&event["place"], &event["perpetrator"]]
        .into_iter()
        .filter(|v| !v.is_null())
        .cloned()
        .collect();
    involved.extend(
        claims
            .iter()
            .map(|c| c["subject"].clone())
            .filter(|v| !v.is_null()),
    );
    involved.extend(
        quotes
            .iter()
            .map(|q| q["speaker"].clone())
            .filter(|v| !v.is_null()),
    );
    involved.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    involved.dedup();
    let entities: Vec<Value> = involved
        .iter()
        .filter_map(|x| sc.built.entity(x.as_str()?))
        .map(|e| json!({"id": e["id"], "name": e["name"], "type": e["type"]}))
        .collect();
    let shown = json!([&event, &claims, &discrepancies, &quotes]);
    let mut ids = std::collections::BTreeSet::new();
    crate::dossier::docs_of(&shown, &mut ids);
    let documents: Vec<&Value> = ids
        .iter()
        .filter_map(|x| docs.get(x.as_str()).copied())
        .collect();
    Ok(Json(
        json!({"event": event, "entities": entities, "quotes": quotes, "quotes_total": quotes_total, "claims": claims,
                   "discrepancies": discrepancies, "timeline": timeline, "documents": documents}),
    ))
}

pub async fn timeline(
    State(state): State<AppState>,
    Q(p): Q<Params>,
) -> Result<Json<Value>, ApiError> {
    let (limit, offset) = paging(&p)?;
    let sc = scoped(&state, &p).await?;
    Ok(Json(paged(sc.list("timeline"), limit, offset, |t| {
        let e = t["event"]
            .as_str()
            .and_then(|id| sc.built.event(id))
            .cloned()
            .unwrap_or(Value::Null);
        // Each source's own date, so a picture can show where they disagree.
        let dates: Vec<Value> = e["dates"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| json!({"doc": d["doc"], "value": d["value"]}))
            .collect();
        json!({"date": t["date"], "event": t["event"], "type": e["type"], "place": e["place"], "place_name": sc.name(&e["place"]),
               "mentions": span_count(&e, "mentions"), "dates": dates})
    })))
}

pub async fn figures(
    State(state): State<AppState>,
    Q(p): Q<Params>,
) -> Result<Json<Value>, ApiError> {
    let (limit, offset) = paging(&p)?;
    let sc = scoped(&state, &p).await?;
    let measure = nonempty(&p.measure);
    let rows: Vec<Value> = sc
        .list("events")
        .flat_map(|e| {
            e["figures"].as_array().into_iter().flatten().map(move |g| {
                json!({"event": e["id"], "type": e["type"], "date": e["date"], "measure": g["measure"], "low": g["low"], "high": g["high"],
                       "conservative": g["conservative"], "reports": g["reports"]})
            })
        })
        .filter(|g| unset_or(measure.as_deref(), |m| g["measure"].as_str() == Some(m)))
        .collect();
    Ok(Json(paged(rows.iter(), limit, offset, Value::clone)))
}

pub async fn claims(
    State(state): State<AppState>,
    Q(p): Q<Params>,
) -> Result<Json<Value>, ApiError> {
    let (limit, offset) = paging(&p)?;
    let sc = scoped(&state, &p).await?;
    let predicate = nonempty(&p.predicate);
    let contested = match nonempty(&p.contested).as_deref() {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(other) => {
            return Err(ApiError::bad_parameter(format!(
                "`contested` must be true or false, not {other:?}"
            )))
        }
    };
    let all = sc
        .list("claims")
        .filter(|c| unset_or(predicate.as_deref(), |x| c["predicate"].as_str() == Some(x)))
        .filter(|c| unset_or(contested, |x| c["contested"].as_bool() == Some(x)));
    Ok(Json(paged(all, limit, offset, |c| {
        claim_with_names(&sc, c)
    })))
}

pub async fn discrepancies(
    State(state): State<AppState>,
    Q(p): Q<Params>,
) -> Result<Json<Value>, ApiError> {
    let (limit, offset) = paging(&p)?;
    let sc = scoped(&state, &p).await?;
    let kind = nonempty(&p.kind);
    let docs = doc_index(&sc.built);
    let all = sc
        .list("discrepancies")
        .filter(|x| unset_or(kind.as_deref(), |k| x["kind"].as_str() == Some(k)));
    Ok(Json(paged(all, limit, offset, |x| with_sources(&docs, x))))
}

fn doc_index(built: &Built) -> BTreeMap<&str, &Value> {
    built
        .list("documents")
        .iter()
        .filter_map(|d| Some((d["id"].as_str()?, d)))
        .collect()
}

/// A discrepancy with each value's outlet and publication date, for a table per source.
fn with_sources(docs: &BTreeMap<&str, &Value>, x: &Value) -> Value {
    let mut v = x.clone();
    for val in v["values"].as_array_mut().into_iter().flatten() {
        if let Some(d) = val["doc"].as_str().and_then(|id| docs.get(id)) {
            val["outlet"] = d["outlet"].clone();
            val["published"] = d["published"].clone();
        }
    }
    v
}

pub async fn quotes(
    State(state): State<AppState>,
    Q(p): Q<Params>,
) -> Result<Json<Value>, ApiError> {
    let (limit, offset) = paging(&p)?;
    let sc = scoped(&state, &p).await?;
    let speaker = nonempty(&p.speaker);
    // Grouped by speaker: the resolved entity where there is one, else the words as written.
    let mut groups: Vec<(String, Value, Value, Vec<Value>)> = Vec::new();
    let mut at: BTreeMap<String, usize> = BTreeMap::new();
    for q in sc.list("quotes") {
        let (key, id) = match q["speaker"].as_str() {
            Some(id) => (format!("e:{id}"), json!(id)),
            None => (
                format!("t:{}", q["speaker_text"].as_str().unwrap_or("")),
                Value::Null,
            ),
        };
        if speaker.as_deref().is_some_and(|s| id.as_str() != Some(s)) {
            continue;
        }
        let i = *at.entry(key).or_insert_with(|| {
            let name = sc.name(&id);
            let name = if name.is_null() {
                q["speaker_text"].clone()
            } else {
                name
            };
            groups.push((String::new(), id.clone(), name, Vec::new()));
            groups.len() - 1
        });
        groups[i].3.push(q.clone());
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.3.len()));
    let rows: Vec<Value> = groups
        .into_iter()
        .map(|(_, id, name, qs)| json!({"speaker": id, "name": name, "quotes": qs}))
        .collect();
    Ok(Json(paged(rows.iter(), limit, offset, Value::clone)))
}
