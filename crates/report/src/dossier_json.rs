//! The dossier contract (`dossier report --format json`): DESIGN.md's shape, spans as
//! `{"doc", "start", "end", "text"}` with code-point offsets into that document's text.

use crate::CodePoints;
use dossier_model::{DocSpan, Dossier};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{json, Value};
use std::cell::RefCell;

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

/// The whole dossier as the JSON contract, as a value (the server scopes views of it).
pub fn dossier_json(d: &Dossier) -> Value {
    serde_json::to_value(DossierJson::new(d)).expect("a dossier serializes to JSON")
}

/// Writes the dossier JSON, pretty-printed, to `out` one element at a time: no value tree of
/// the whole dossier is built, so memory stays that of the dossier itself. The bytes are those
/// of `serde_json::to_string_pretty(&dossier_json(d))`.
pub fn write_dossier_json<W: std::io::Write>(d: &Dossier, out: W) -> serde_json::Result<()> {
    serde_json::to_writer_pretty(out, &DossierJson::new(d))
}

/// The dossier contract as a [`Serialize`]: each section a sequence whose elements are built
/// as small values when they are written. Keys come in the sorted order of `serde_json`'s map.
struct DossierJson<'d> {
    d: &'d Dossier,
    spans: RefCell<SpanWriter<'d>>,
}

impl<'d> DossierJson<'d> {
    fn new(d: &'d Dossier) -> DossierJson<'d> {
        DossierJson {
            d,
            spans: RefCell::new(SpanWriter::new(d)),
        }
    }

    fn span(&self, at: DocSpan) -> Value {
        self.spans.borrow_mut().span(at)
    }

    fn doc_id(&self, i: usize) -> &str {
        &self.d.documents[i].id
    }

    fn document(&self, i: usize) -> Value {
        let doc = &self.d.documents[i];
        json!({"id": doc.id, "outlet": doc.outlet, "title": doc.title, "authors": doc.authors,
               "published": doc.published.as_ref().map(|p| &p.value), "url": doc.url})
    }

    fn entity(&self, i: usize) -> Value {
        let e = &self.d.entities[i];
        let mut v = json!({"id": e.id, "name": e.name, "type": e.kind.as_str(), "aliases": e.aliases,
                           "mentions": e.mentions.iter().map(|m| self.span(*m)).collect::<Vec<_>>()});
        if let Some(p) = &e.place {
            v["place"] =
                json!({"country": p.country, "latitude": p.latitude, "longitude": p.longitude});
        }
        if !e.facts.is_empty() {
            v["facts"] = e
                .facts
                .iter()
                .map(|f| json!({"kind": f.kind.as_str(), "value": f.value, "span": self.span(f.span)}))
                .collect();
        }
        v
    }

    fn event(&self, i: usize) -> Value {
        let ev = &self.d.events[i];
        let mut v = json!({
            "id": ev.id, "type": ev.kind, "date": ev.date, "place": ev.place, "perpetrator": ev.perpetrator,
            "mentions": ev.mentions.iter().map(|m| self.span(*m)).collect::<Vec<_>>(),
            "dates": ev.dates.iter().map(|sd| json!({"doc": self.doc_id(sd.doc), "value": sd.value,
                "span": self.span(DocSpan { doc: sd.doc, span: sd.span })})).collect::<Vec<_>>(),
            "figures": ev.figures.iter().map(|g| json!({
                "measure": g.measure, "low": g.low, "high": g.high, "conservative": g.conservative,
                "reports": g.reports.iter().map(|r| json!({
                    "doc": self.doc_id(r.doc), "published": r.published, "value": r.value,
                    "qualifier": r.qualifier.as_str(), "vague": r.vague,
                    "span": self.span(DocSpan { doc: r.doc, span: r.span })})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        // Beyond the contract: what a founding founded.
        if let Some(t) = &ev.theme {
            v["theme"] = json!(t);
        }
        v
    }

    fn timeline_entry(&self, i: usize) -> Value {
        let t = &self.d.timeline[i];
        json!({"date": t.date, "event": self.d.events[t.event].id})
    }

    fn quote(&self, i: usize) -> Value {
        let q = &self.d.quotes[i];
        let speaker_text = q
            .speaker_span
            .map(|s| s.span.slice(&self.d.documents[s.doc].text).to_string());
        json!({"span": self.span(q.span), "speaker": q.speaker, "speaker_text": speaker_text, "direct": q.direct})
    }

    fn claim(&self, i: usize) -> Value {
        let c = &self.d.claims[i];
        json!({"subject": c.subject, "predicate": c.predicate.as_str(), "object": c.object,
               "docs": c.docs.iter().map(|&i| self.doc_id(i)).collect::<Vec<_>>(), "hedged": c.hedged,
               "contested": c.contested, "evidence": c.evidence.iter().map(|e| self.span(*e)).collect::<Vec<_>>()})
    }

    fn discrepancy(&self, i: usize) -> Value {
        let x = &self.d.discrepancies[i];
        json!({"kind": x.kind.as_str(), "about": x.about, "event": x.event.map(|e| self.d.events[e].id.clone()),
               "measure": x.measure,
               "values": x.values.iter().map(|v| json!({"doc": self.doc_id(v.doc), "value": v.value,
                    "span": self.span(DocSpan { doc: v.doc, span: v.span })})).collect::<Vec<_>>()})
    }
}

/// One section: `len` elements, each built by `element` when it is written.
struct Section<'a, 'd> {
    json: &'a DossierJson<'d>,
    len: usize,
    element: fn(&DossierJson<'d>, usize) -> Value,
}

impl Serialize for Section<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len))?;
        for i in 0..self.len {
            seq.serialize_element(&(self.element)(self.json, i))?;
        }
        seq.end()
    }
}

impl<'d> Serialize for DossierJson<'d> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self.d;
        let section = |len: usize, element: fn(&DossierJson<'d>, usize) -> Value| Section {
            json: self,
            len,
            element,
        };
        // In sorted key order, as a `serde_json` map writes them.
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("claims", &section(d.claims.len(), DossierJson::claim))?;
        map.serialize_entry(
            "discrepancies",
            &section(d.discrepancies.len(), DossierJson::discrepancy),
        )?;
        map.serialize_entry(
            "documents",
            &section(d.documents.len(), DossierJson::document),
        )?;
        map.serialize_entry("entities", &section(d.entities.len(), DossierJson::entity))?;
        map.serialize_entry("events", &section(d.events.len(), DossierJson::event))?;
        map.serialize_entry("quotes", &section(d.quotes.len(), DossierJson::quote))?;
        map.serialize_entry(
            "timeline",
            &section(d.timeline.len(), DossierJson::timeline_entry),
        )?;
        map.end()
    }
}
