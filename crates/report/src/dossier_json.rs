//! The dossier contract (`dossier report --format json`): DESIGN.md's shape, spans as
//! `{"doc", "start", "end", "text"}` with code-point offsets into that document's text.

use crate::CodePoints;
use dossier_model::{DocSpan, Dossier};
use serde_json::{json, Value};

/// Converts spans of any document of a dossier, one code-point cursor per document.
pub struct SpanWriter<'d> {
    dossier: &'d Dossier,
    cursors: Vec<CodePoints<'d>>,
}

impl<'d> SpanWriter<'d> {
    pub fn new(dossier: &'d Dossier) -> SpanWriter<'d> {
        SpanWriter {
            dossier,
            cursors: dossier
                .documents
                .iter()
                .map(|d| CodePoints::new(&d.text))
                .collect(),
        }
    }

    /// `{"doc", "start", "end", "text"}`.
    pub fn span(&mut self, at: DocSpan) -> Value {
        let doc = &self.dossier.documents[at.doc];
        let (start, end) = self.offsets(at);
        json!({"doc": doc.id, "start": start, "end": end, "text": at.span.slice(&doc.text)})
    }

    /// Code-point offsets of a span.
    pub fn offsets(&mut self, at: DocSpan) -> (usize, usize) {
        let cp = &mut self.cursors[at.doc];
        (cp.of(at.span.start), cp.of(at.span.end))
    }
}

/// The whole dossier as the JSON contract.
pub fn dossier_json(d: &Dossier) -> Value {
    let mut w = SpanWriter::new(d);
    let doc_id = |i: usize| d.documents[i].id.clone();
    let documents: Vec<Value> = d
        .documents
        .iter()
        .map(|doc| {
            json!({"id": doc.id, "outlet": doc.outlet, "title": doc.title, "authors": doc.authors,
                   "published": doc.published.as_ref().map(|p| &p.value), "url": doc.url})
        })
        .collect();
    let entities: Vec<Value> = d
        .entities
        .iter()
        .map(|e| {
            let mut v = json!({"id": e.id, "name": e.name, "type": e.kind.as_str(), "aliases": e.aliases,
                               "mentions": e.mentions.iter().map(|m| w.span(*m)).collect::<Vec<_>>()});
            if let Some(p) = &e.place {
                v["place"] = json!({"country": p.country, "latitude": p.latitude, "longitude": p.longitude});
            }
            v
        })
        .collect();
    let events: Vec<Value> = d
        .events
        .iter()
        .map(|ev| {
            json!({
                "id": ev.id, "type": ev.kind, "date": ev.date, "place": ev.place, "perpetrator": ev.perpetrator,
                "mentions": ev.mentions.iter().map(|m| w.span(*m)).collect::<Vec<_>>(),
                "dates": ev.dates.iter().map(|sd| json!({"doc": doc_id(sd.doc), "value": sd.value,
                    "span": w.span(DocSpan { doc: sd.doc, span: sd.span })})).collect::<Vec<_>>(),
                "figures": ev.figures.iter().map(|g| json!({
                    "measure": g.measure, "low": g.low, "high": g.high, "conservative": g.conservative,
                    "reports": g.reports.iter().map(|r| json!({
                        "doc": doc_id(r.doc), "published": r.published, "value": r.value,
                        "qualifier": r.qualifier.as_str(), "vague": r.vague,
                        "span": w.span(DocSpan { doc: r.doc, span: r.span })})).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let timeline: Vec<Value> = d
        .timeline
        .iter()
        .map(|t| json!({"date": t.date, "event": d.events[t.event].id}))
        .collect();
    let quotes: Vec<Value> = d
        .quotes
        .iter()
        .map(|q| {
            let speaker_text = q.speaker_span.map(|s| s.span.slice(&d.documents[s.doc].text).to_string());
            json!({"span": w.span(q.span), "speaker": q.speaker, "speaker_text": speaker_text, "direct": q.direct})
        })
        .collect();
    let claims: Vec<Value> = d
        .claims
        .iter()
        .map(|c| {
            json!({"subject": c.subject, "predicate": c.predicate.as_str(), "object": c.object,
                   "docs": c.docs.iter().map(|&i| doc_id(i)).collect::<Vec<_>>(), "hedged": c.hedged,
                   "contested": c.contested, "evidence": c.evidence.iter().map(|e| w.span(*e)).collect::<Vec<_>>()})
        })
        .collect();
    let discrepancies: Vec<Value> = d
        .discrepancies
        .iter()
        .map(|x| {
            json!({"kind": x.kind.as_str(), "about": x.about, "event": x.event.map(|e| d.events[e].id.clone()),
                   "measure": x.measure,
                   "values": x.values.iter().map(|v| json!({"doc": doc_id(v.doc), "value": v.value,
                        "span": w.span(DocSpan { doc: v.doc, span: v.span })})).collect::<Vec<_>>()})
        })
        .collect();
    json!({"documents": documents, "entities": entities, "events": events, "timeline": timeline,
           "quotes": quotes, "claims": claims, "discrepancies": discrepancies})
}
