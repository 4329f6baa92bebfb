//! The OpenAPI 3.1 document served at `/openapi.json`, written by hand next to the route table.
//!
//! Tests hold the two together: every (path, method) of [`crate::ROUTES`] is described here and
//! nothing else is. Parameters are shared where endpoints share them (paging, the dossier scope).

use serde_json::{json, Map, Value};

fn param(name: &str, place: &str, description: &str, schema: Value) -> Value {
    json!({"name": name, "in": place, "required": place == "path", "description": description, "schema": schema})
}

fn string() -> Value {
    json!({"type": "string"})
}

fn date() -> Value {
    json!({"type": "string", "format": "date"})
}

fn paging() -> Vec<Value> {
    vec![
        param(
            "limit",
            "query",
            "Items per page, 1 to 500 (default 20).",
            json!({"type": "integer", "minimum": 1, "maximum": 500}),
        ),
        param(
            "offset",
            "query",
            "Items to skip (default 0).",
            json!({"type": "integer", "minimum": 0}),
        ),
    ]
}

fn doc_filter() -> Vec<Value> {
    vec![
        param(
            "outlet",
            "query",
            "Only documents of this outlet (exact name).",
            string(),
        ),
        param(
            "from",
            "query",
            "Only documents published on or after this date.",
            date(),
        ),
        param(
            "to",
            "query",
            "Only documents published on or before this date.",
            date(),
        ),
    ]
}

/// The dossier's scope: documents chosen by a query, an outlet or dates; a view on an entity or event.
fn scope() -> Vec<Value> {
    let mut v = vec![param(
        "q",
        "query",
        "Build the dossier from the documents matching this full-text query (the best 2000).",
        string(),
    )];
    v.extend(doc_filter());
    v.push(param(
        "entity",
        "query",
        "Only what involves this entity id.",
        string(),
    ));
    v.push(param(
        "event",
        "query",
        "Only what involves this event id.",
        string(),
    ));
    v
}

fn id(what: &str) -> Value {
    param("id", "path", &format!("The {what}'s id."), string())
}

fn json_ok(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"type": "object"}}}})
}

fn op(summary: &str, tag: &str, params: Vec<Value>, ok: Value, errors: &[u16]) -> Value {
    let mut responses = Map::new();
    responses.insert("200".into(), ok);
    for e in errors {
        responses.insert(
            e.to_string(),
            json!({"$ref": "#/components/responses/Error"}),
        );
    }
    responses.insert(
        "401".into(),
        json!({"$ref": "#/components/responses/Error"}),
    );
    json!({"summary": summary, "tags": [tag], "parameters": params, "responses": responses})
}

fn with(mut a: Vec<Value>, b: Vec<Value>) -> Vec<Value> {
    a.extend(b);
    a
}

fn page_ok(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}})
}

fn html_ok(kind: &str) -> Value {
    json!({"description": "A static file of the web interface.", "content": {kind: {"schema": {"type": "string"}}}})
}

/// The whole document.
pub fn document() -> Value {
    let dossier_part = |summary: &str, extra: Vec<Value>| {
        op(
            summary,
            "dossier",
            with(with(scope(), paging()), extra),
            page_ok(summary),
            &[400, 404],
        )
    };
    let add = {
        let mut o = op(
            "Add documents: JSON (a record or an array), JSON lines, an HTML page, an RSS/Atom feed, or plain text. Same validation and limits as `dossier ingest`; the request is stored in one transaction.",
            "documents",
            ["id", "url", "outlet", "title", "published", "authors"]
                .iter()
                .map(|n| param(n, "query", "Metadata of an HTML or plain-text body (authors comma-separated).", string()))
                .collect(),
            json_ok("Nothing new: every document was already stored."),
            &[400, 413, 415, 422],
        );
        o["requestBody"] = json!({"required": true, "content": {
            "application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/Record"}, {"type": "array", "items": {"$ref": "#/components/schemas/Record"}}]}},
            "application/x-ndjson": {"schema": {"type": "string", "description": "One Record per line."}},
            "text/html": {"schema": {"type": "string"}},
            "application/rss+xml": {"schema": {"type": "string"}},
            "application/atom+xml": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}}}});
        o["responses"]["201"] = json_ok(
            "Documents added: counts, each document with its warnings, and the records skipped.",
        );
        o
    };
    json!({
        "openapi": "3.1.0",
        "info": {"title": "dossier", "version": env!("CARGO_PKG_VERSION"),
                 "description": "A news-analysis store: documents, their extractions, and the dossier merged from them. Offsets are Unicode code points into a document's `text`, half-open. A span is {doc, start, end, text}: fetch its document at /api/documents/{doc}. Every error is {\"error\": {\"code\", \"message\"}}. When the server has a token, every /api request and /openapi.json needs `Authorization: Bearer TOKEN`."},
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"],
                    "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}},
                "Page": {"type": "object", "required": ["total", "limit", "offset", "items"], "properties": {
                    "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"}, "items": {"type": "array", "items": {"type": "object"}}}},
                "Record": {"type": "object", "properties": {"id": string(), "text": string(), "html": string(), "url": string(),
                    "published": string(), "outlet": string(), "title": string(), "authors": {"type": "array", "items": string()}}}
            },
            "responses": {"Error": {"description": "An error.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
        },
        "security": [{}, {"bearer": []}],
        "paths": {
            "/": {"get": op("The web interface.", "ui", vec![], html_ok("text/html"), &[])},
            "/assets/app.js": {"get": op("The web interface's script.", "ui", vec![], html_ok("text/javascript"), &[])},
            "/assets/style.css": {"get": op("The web interface's style sheet.", "ui", vec![], html_ok("text/css"), &[])},
            "/openapi.json": {"get": op("This document.", "meta", vec![], json_ok("The OpenAPI document."), &[])},
            "/api/health": {"get": op("Liveness and the number of stored documents.", "meta", vec![], json_ok("{status, documents, version}"), &[])},
            "/api/documents": {
                "get": op("Stored documents, newest first.", "documents", with(doc_filter(), paging()), page_ok("Document metadata."), &[400]),
                "post": add
            },
            "/api/documents/{id}": {"get": op("One document with its extraction (the contract line: text, entities, timexes, figures, quotes, assertions).", "documents", vec![id("document")], json_ok("{document}"), &[404])},
            "/api/search": {"get": op("Full-text search (FTS5 syntax, or plain words) with highlighted snippets: each snippet is a list of {text, match} pieces.", "documents",
                with(with(vec![param("q", "query", "The query (required).", string())], doc_filter()), paging()), page_ok("Hits, best first."), &[400])},
            "/api/outlets": {"get": op("Every outlet and its number of documents.", "documents", vec![], json_ok("{items: [{outlet, documents}]}"), &[])},
            "/api/dossier": {"get": op("The dossier (DESIGN.md's contract) for a scope; computed from the stored extractions and cached until documents are added.", "dossier",
                scope(), json_ok("The dossier JSON."), &[400, 404])},
            "/api/entities": {"get": dossier_part("Resolved entities, most mentioned first, with aliases and mention counts.", vec![
                param("type", "query", "PER, ORG, LOC or MISC.", string()),
                param("name", "query", "Only entities whose name or an alias contains this.", string()),
                param("doc", "query", "Only entities mentioned in this document, with those mentions (`in_doc`).", string())])},
            "/api/entities/{id}": {"get": op("One entity: aliases, every mention (spans), its quotes, claims and events.", "dossier", with(vec![id("entity")], scope()), json_ok("{entity, events, quotes, claims, documents}"), &[400, 404])},
            "/api/events": {"get": dossier_part("Events, with their figures summarised.", vec![param("type", "query", "attack, bombing, …", string())])},
            "/api/events/{id}": {"get": op("One event: its mentions, each source's date, and its figures with every source's value and span.", "dossier", with(vec![id("event")], scope()),
                json_ok("{event, entities, quotes, claims, discrepancies, timeline, documents}"), &[400, 404])},
            "/api/timeline": {"get": dossier_part("Dated events in date order.", vec![])},
            "/api/figures": {"get": dossier_part("Figures per event and measure, every source's report with its span.", vec![param("measure", "query", "killed, injured, …", string())])},
            "/api/claims": {"get": dossier_part("Who claims, blames, denies, warns…, with evidence spans.", vec![
                param("predicate", "query", "claimed_responsibility, blamed, denied, …", string()),
                param("contested", "query", "true or false.", json!({"type": "boolean"}))])},
            "/api/discrepancies": {"get": dossier_part("Where the sources disagree: each source's value and span.", vec![param("type", "query", "figure, date, place, name or attribution.", string())])},
            "/api/quotes": {"get": dossier_part("Quotes grouped by speaker, most quoted first.", vec![param("speaker", "query", "Only this speaker's entity id.", string())])}
        }
    })
}
