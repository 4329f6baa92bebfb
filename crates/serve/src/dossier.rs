//! The dossier the API serves: built from the stored extractions, and narrowed to a scope.
//!
//! A dossier is a function of a set of documents, so the scopes that choose documents (a
//! full-text query, an outlet, a date range) build the dossier of exactly those documents, as
//! `dossier report` would over them. The scopes that choose a thing (an entity, an event) are
//! views of a dossier: the parts that involve that thing, with the same ids as the whole, so every
//! link from a view leads back into the same dossier. Neither re-derives a fact: figures, ranges
//! and discrepancies are the merge's.

use crate::error::ApiError;
use dossier_merge::PartialDossier;
use dossier_store::{DocFilter, Store};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};

/// At most this many documents go into a dossier scoped by a full-text query (the best matches).
pub const MAX_QUERY_DOCS: usize = 2000;

/// Which documents a dossier is built from; all of them when every field is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Scope {
    pub q: Option<String>,
    pub outlet: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Scope {
    pub fn is_whole(&self) -> bool {
        self.q.is_none() && self.outlet.is_none() && self.from.is_none() && self.to.is_none()
    }
    fn filter(&self) -> DocFilter {
        DocFilter {
            outlet: self.outlet.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

/// A dossier as the contract JSON, with what is needed to answer for its parts quickly.
pub struct Built {
    pub json: Value,
    /// `json` serialized once, for the whole-dossier endpoint.
    pub bytes: Vec<u8>,
    /// Documents matched by the scope but left out (a query matching over [`MAX_QUERY_DOCS`]).
    pub left_out: usize,
    pub entities: HashMap<String, usize>,
    pub events: HashMap<String, usize>,
}

impl Built {
    pub fn entity(&self, id: &str) -> Option<&Value> {
        self.entities.get(id).map(|&i| &self.json["entities"][i])
    }
    pub fn event(&self, id: &str) -> Option<&Value> {
        self.events.get(id).map(|&i| &self.json["events"][i])
    }
    /// An entity's display name, for labels.
    pub fn entity_name(&self, id: &str) -> Option<&str> {
        self.entity(id).and_then(|e| e["name"].as_str())
    }
    pub fn list(&self, part: &str) -> &[Value] {
        self.json[part].as_array().map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Adds one stored extraction line to a partial dossier. Tokens and sentences are not stored
/// (they are a function of the text), so they are derived again here.
pub fn add_line(partial: &mut PartialDossier, line: &str) -> Result<(), String> {
    let (doc, mut ex) = dossier_report::read_extraction_line(line)?;
    dossier_nlp::restore_structure(&doc.text, &mut ex);
    partial.add(doc, ex);
    Ok(())
}

/// Every stored document into a partial dossier (what `dossier report --db` does).
pub fn partial_from_store(store: &Store) -> Result<PartialDossier, dossier_store::StoreError> {
    let mut partial = PartialDossier::new();
    store.for_each_extraction(|line| add_line(&mut partial, line))?;
    Ok(partial)
}

/// Builds the dossier of the documents a scope selects.
pub fn build(store: &Store, scope: &Scope) -> Result<Built, ApiError> {
    let mut left_out = 0;
    let partial = if scope.is_whole() {
        partial_from_store(store)?
    } else {
        let ids: Vec<String> = match &scope.q {
            Some(q) => {
                let page = store.search_page(q, &scope.filter(), MAX_QUERY_DOCS, 0)?;
                left_out = page.total.saturating_sub(page.items.len());
                page.items.into_iter().map(|h| h.id).collect()
            }
            None => store.ids(&scope.filter())?,
        };
        let mut partial = PartialDossier::new();
        for id in ids {
            // A document is never deleted, so each id read a moment ago is still there.
            if let Some(line) = store.extraction(&id)? {
                add_line(&mut partial, &line).map_err(|e| stored_line_error(&id, &e))?;
            }
        }
        partial
    };
    let dossier = partial.finish();
    let json = dossier_report::dossier_json(&dossier);
    let index = |part: &str| -> HashMap<String, usize> {
        json[part]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| Some((v["id"].as_str()?.to_string(), i)))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (entities, events) = (index("entities"), index("events"));
    let bytes = serde_json::to_vec(&json).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(Built {
        json,
        bytes,
        left_out,
        entities,
        events,
    })
}

fn stored_line_error(id: &str, e: &str) -> ApiError {
    ApiError::internal(format!(
        "the stored extraction of {id:?} cannot be read ({e}); re-ingest it"
    ))
}

/// The parts of a dossier that involve an entity and/or an event (both: what involves both).
/// Unknown ids are a 404.
pub fn view(built: &Built, entity: Option<&str>, event: Option<&str>) -> Result<Value, ApiError> {
    // Each view copies only the parts it keeps, never the whole dossier.
    let mut out: Option<Value> = None;
    if let Some(id) = entity {
        if built.entity(id).is_none() {
            return Err(ApiError::not_found(format!(
                "no entity {id:?} in this dossier; GET /api/entities lists them"
            )));
        }
        out = Some(entity_view(&built.json, id));
    }
    if let Some(id) = event {
        if built.event(id).is_none() {
            return Err(ApiError::not_found(format!(
                "no event {id:?} in this dossier; GET /api/events lists them"
            )));
        }
        let base = out.as_ref().unwrap_or(&built.json);
        if !items(base, "events").any(|e| s(e, "id") == Some(id)) {
            return Err(ApiError::not_found(format!(
                "event {id:?} does not involve entity {:?}",
                entity.unwrap_or_default()
            )));
        }
        out = Some(event_view(base, id));
    }
    Ok(out.unwrap_or_else(|| built.json.clone()))
}

fn s<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v[k].as_str()
}

fn items<'a>(d: &'a Value, part: &str) -> impl Iterator<Item = &'a Value> {
    d[part].as_array().into_iter().flatten()
}

fn keep(d: &Value, part: &str, mut f: impl FnMut(&Value) -> bool) -> Value {
    Value::Array(items(d, part).filter(|v| f(v)).cloned().collect())
}

/// Ids of documents any span in `v` points into.
pub fn docs_of(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            if let (Some(Value::String(doc)), Some(_), Some(_)) =
                (map.get("doc"), map.get("start"), map.get("end"))
            {
                out.insert(doc.clone());
            }
            map.values().for_each(|x| docs_of(x, out));
        }
        Value::Array(xs) => xs.iter().for_each(|x| docs_of(x, out)),
        _ => {}
    }
}

/// Finishes a view: the timeline and discrepancies of the kept events, the documents the kept
/// parts point into (the entities' mentions already narrowed by the view).
fn finish_view(d: &Value, mut v: Value) -> Value {
    let events: BTreeSet<String> = items(&v, "events")
        .filter_map(|e| s(e, "id"))
        .map(str::to_string)
        .collect();
    v["timeline"] = keep(d, "timeline", |t| {
        s(t, "event").is_some_and(|e| events.contains(e))
    });
    if v.get("discrepancies").is_none() {
        v["discrepancies"] = keep(d, "discrepancies", |x| {
            s(x, "event").is_some_and(|e| events.contains(e))
        });
    }
    let mut docs = BTreeSet::new();
    for part in ["entities", "events", "quotes", "claims", "discrepancies"] {
        docs_of(&v[part], &mut docs);
    }
    v["documents"] = keep(d, "documents", |doc| {
        s(doc, "id").is_some_and(|id| docs.contains(id))
    });
    v
}

fn entity_view(d: &Value, id: &str) -> Value {
    let claims = keep(d, "claims", |c| {
        s(c, "subject") == Some(id) || s(c, "object") == Some(id)
    });
    let claimed: BTreeSet<&str> = claims
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| s(c, "object"))
        .collect();
    let events = keep(d, "events", |e| {
        s(e, "place") == Some(id)
            || s(e, "perpetrator") == Some(id)
            || s(e, "id").is_some_and(|x| claimed.contains(x))
    });
    let v = json!({
        "entities": keep(d, "entities", |e| s(e, "id") == Some(id)),
        "events": events,
        "quotes": keep(d, "quotes", |q| s(q, "speaker") == Some(id)),
        "claims": claims,
    });
    finish_view(d, v)
}

fn event_view(d: &Value, id: &str) -> Value {
    let event = items(d, "events")
        .find(|e| s(e, "id") == Some(id))
        .cloned()
        .unwrap_or(Value::Null);
    let mut reporting = BTreeSet::new();
    docs_of(&event, &mut reporting);
    let claims = keep(d, "claims", |c| s(c, "object") == Some(id));
    let quotes = keep(d, "quotes", |q| {
        s(&q["span"], "doc").is_some_and(|doc| reporting.contains(doc))
    });
    let mut involved: BTreeSet<&str> = [s(&event, "place"), s(&event, "perpetrator")]
        .into_iter()
        .flatten()
        .collect();
    involved.extend(
        claims
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| s(c, "subject")),
    );
    involved.extend(
        quotes
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|q| s(q, "speaker")),
    );
    // The entities involved, with their mentions in the documents that report the event only.
    let entities: Vec<Value> = items(d, "entities")
        .filter(|e| s(e, "id").is_some_and(|x| involved.contains(x)))
        .map(|e| {
            let mut e = e.clone();
            if let Some(ms) = e["mentions"].as_array_mut() {
                ms.retain(|m| s(m, "doc").is_some_and(|doc| reporting.contains(doc)));
            }
            e
        })
        .collect();
    let v = json!({
        "entities": entities,
        "events": [event],
        "quotes": quotes,
        "claims": claims,
        "discrepancies": keep(d, "discrepancies", |x| s(x, "event") == Some(id)),
    });
    finish_view(d, v)
}
