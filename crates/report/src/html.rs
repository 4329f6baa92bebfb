//! The dossier as one self-contained HTML page: no script, no external resource, all article
//! text escaped. Sections as in the Markdown report, the timeline drawn as an inline SVG, and
//! the full text of every source at the end with each cited span marked, so every fact links to
//! its evidence.

use crate::view::{self, Fact};
use dossier_model::{DocSpan, Dossier};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn anchor(at: DocSpan) -> String {
    format!("d{}-{}-{}", at.doc, at.span.start, at.span.end)
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1,h2,h3{line-height:1.2}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f4f4f4}.cite{font-size:.8em;color:#06c;text-decoration:none;margin-left:.3em}.disagree{background:#fff4e5}
.doc{white-space:pre-wrap;border-left:3px solid #ddd;padding-left:1em;font-size:.9em}mark{background:#fff2a8}mark:target,a:target+*{background:#ffb347}
.muted{color:#777}svg text{font-size:11px;font-family:system-ui,sans-serif}";

pub fn dossier_html(d: &Dossier) -> String {
    let facts = view::facts(d);
    let mut cited: Vec<BTreeSet<DocSpan>> = vec![BTreeSet::new(); d.documents.len()];
    let mut cite = |at: DocSpan| {
        cited[at.doc].insert(at);
        format!(
            "<a class=\"cite\" href=\"#{}\" title=\"{}\">[{}]</a>",
            anchor(at),
            escape(at.span.slice(&d.documents[at.doc].text)),
            escape(&view::doc_label(d, at.doc))
        )
    };
    let mut out = String::new();
    let _ = write!(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Dossier</title><style>{STYLE}</style></head><body>\n");
    let _ = writeln!(out, "<h1>Dossier</h1><p>{} sources, {} entities, {} events, {} quotes, {} claims, {} discrepancies.</p>",
        d.documents.len(), d.entities.len(), d.events.len(), d.quotes.len(), d.claims.len(), d.discrepancies.len());

    let _ = writeln!(out, "<h2>Sources</h2><table><tr><th>id</th><th>outlet</th><th>title</th><th>authors</th><th>published</th></tr>");
    for (i, doc) in d.documents.iter().enumerate() {
        let _ = writeln!(out, "<tr><td><a href=\"#doc{i}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", escape(&doc.id),
            escape(doc.outlet.as_deref().unwrap_or("")), escape(doc.title.as_deref().unwrap_or("")), escape(&doc.authors.join(", ")),
            escape(&doc.published.as_ref().map_or(String::new(), |p| format!("{} ({})", p.value, p.source.as_str()))));
    }
    let _ = writeln!(out, "</table>");

    let _ = writeln!(out, "<h2>What the sources agree on</h2><ul>");
    let agreed: Vec<&Fact> = facts.iter().filter(|f| f.agreed()).collect();
    if agreed.is_empty() {
        let _ = writeln!(
            out,
            "<li class=\"muted\">No fact is reported alike by two or more sources.</li>"
        );
    }
    for f in agreed {
        let value = f
            .cells
            .first()
            .map(|(_, c)| c.value.clone())
            .unwrap_or_default();
        let cites: String = f.cells.iter().map(|(_, c)| cite(c.at)).collect();
        let _ = writeln!(
            out,
            "<li>{}: <b>{}</b>{}</li>",
            escape(&f.label),
            escape(&value),
            cites
        );
    }
    let _ = writeln!(out, "</ul>");

    let _ = writeln!(out, "<h2>Where they disagree</h2><ul>");
    if d.discrepancies.is_empty() {
        let _ = writeln!(out, "<li class=\"muted\">No disagreement found.</li>");
    }
    for x in &d.discrepancies {
        let about = match x.event {
            Some(e) => format!("{} ({})", x.about, view::event_label(d, e)),
            None => x.about.clone(),
        };
        let _ = write!(
            out,
            "<li class=\"disagree\"><b>{}</b> — {}<ul>",
            x.kind.as_str(),
            escape(&about)
        );
        for v in &x.values {
            let _ = write!(
                out,
                "<li>{}: {}{}</li>",
                escape(&view::doc_label(d, v.doc)),
                escape(&v.value),
                cite(DocSpan {
                    doc: v.doc,
                    span: v.span
                })
            );
        }
        let _ = writeln!(out, "</ul></li>");
    }
    let _ = writeln!(out, "</ul>");

    let _ = writeln!(out, "<h2>Timeline</h2>");
    out += &timeline_svg(d);
    let _ = writeln!(
        out,
        "<table><tr><th>date</th><th>event</th><th>sources</th><th>figures</th></tr>"
    );
    for t in &d.timeline {
        let ev = &d.events[t.event];
        let sources: BTreeSet<usize> = ev.mentions.iter().map(|m| m.doc).collect();
        let figures: Vec<String> = ev.figures.iter().map(view::figure_summary).collect();
        let first = ev.mentions.first().map(|m| cite(*m)).unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td></tr>",
            escape(&t.date),
            escape(&view::timeline_label(d, t.event)),
            first,
            sources.len(),
            escape(&figures.join("; "))
        );
    }
    let _ = writeln!(out, "</table>");

    let _ = writeln!(out, "<h2>Actors</h2><table><tr><th>name</th><th>type</th><th>mentions</th><th>also written</th><th>facts</th><th>claims</th></tr>");
    for &i in view::actors(d).iter().take(40) {
        let e = &d.entities[i];
        let others: Vec<&str> = e
            .aliases
            .iter()
            .filter(|a| **a != e.name)
            .map(|a| a.as_str())
            .collect();
        let claims: Vec<String> = d
            .claims
            .iter()
            .filter(|c| c.subject.as_deref() == Some(e.id.as_str()))
            .map(|c| view::claim_action(d, c))
            .collect();
        let first = e.mentions.first().map(|m| cite(*m)).unwrap_or_default();
        let facts: Vec<String> = view::actor_facts(e)
            .into_iter()
            .map(|(kind, value, spans)| {
                let cites: String = spans.iter().take(3).map(|s| cite(*s)).collect();
                format!("{} {}{cites}", kind.as_str(), escape(&value))
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&e.name),
            first,
            e.kind.as_str(),
            e.mentions.len(),
            escape(&others.join(", ")),
            facts.join("; "),
            escape(&claims.join("; "))
        );
    }
    let _ = writeln!(out, "</table>");

    let _ = writeln!(out, "<h2>Quotes by speaker</h2>");
    let mut speakers: Vec<Option<&str>> = d.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    speakers.sort();
    speakers.dedup();
    if speakers.is_empty() {
        let _ = writeln!(out, "<p class=\"muted\">No quotes found.</p>");
    }
    for s in speakers {
        let _ = writeln!(out, "<h3>{}</h3><ul>", escape(&view::name_of(d, s)));
        for q in d.quotes.iter().filter(|q| q.speaker.as_deref() == s) {
            let text = escape(q.span.span.slice(&d.documents[q.span.doc].text));
            let shown = if q.direct {
                format!("“{text}”")
            } else {
                text
            };
            let _ = writeln!(out, "<li>{shown}{}</li>", cite(q.span));
        }
        let _ = writeln!(out, "</ul>");
    }

    let _ = writeln!(out, "<h2>Source-by-fact matrix</h2>");
    if facts.is_empty() {
        let _ = writeln!(out, "<p class=\"muted\">No facts to compare.</p>");
    } else if d.documents.len() > view::MATRIX_MAX_SOURCES {
        let _ = writeln!(out, "<p class=\"muted\">{} sources are too many for a table; the dossier JSON has every fact with its sources.</p>", d.documents.len());
    } else {
        let _ = write!(out, "<table><tr><th>fact</th>");
        for i in 0..d.documents.len() {
            let _ = write!(out, "<th>{}</th>", escape(&view::doc_label(d, i)));
        }
        let _ = writeln!(out, "</tr>");
        for f in &facts {
            let class = if f.sources() > 1 && !f.agreed() {
                " class=\"disagree\""
            } else {
                ""
            };
            let _ = write!(out, "<tr{class}><td>{}</td>", escape(&f.label));
            for c in (0..d.documents.len()).map(|i| f.cell(i)) {
                match c {
                    Some(c) => {
                        let _ = write!(out, "<td>{}{}</td>", escape(&c.value), cite(c.at));
                    }
                    None => out.push_str("<td></td>"),
                }
            }
            let _ = writeln!(out, "</tr>");
        }
        let _ = writeln!(out, "</table>");
    }

    let _ = writeln!(out, "<h2>Sources in full</h2>");
    for (i, doc) in d.documents.iter().enumerate() {
        let _ = writeln!(
            out,
            "<h3 id=\"doc{i}\">{}</h3><div class=\"doc\">{}</div>",
            escape(&view::doc_label(d, i)),
            marked_text(i, &doc.text, &cited[i])
        );
    }
    out += "</body></html>\n";
    out
}

/// A document's text with the cited spans marked: spans that do not overlap an earlier one are
/// wrapped in `<mark id>`; the others get an empty anchor where they start.
fn marked_text(doc: usize, text: &str, spans: &BTreeSet<DocSpan>) -> String {
    let mut out = String::with_capacity(text.len() + spans.len() * 40);
    let mut pos = 0;
    let mut open_until: Option<usize> = None;
    let mut pending: Vec<DocSpan> = spans
        .iter()
        .copied()
        .filter(|s| s.doc == doc && s.span.end <= text.len())
        .collect();
    pending.sort_by_key(|s| (s.span.start, std::cmp::Reverse(s.span.end)));
    for s in pending {
        if s.span.start < pos {
            // Overlaps a mark already open: an anchor just after what was written.
            let _ = write!(out, "<a id=\"{}\"></a>", anchor(s));
            continue;
        }
        if let Some(end) = open_until.take() {
            out += &escape(&text[pos..end]);
            out += "</mark>";
            pos = end;
        }
        if s.span.start < pos {
            let _ = write!(out, "<a id=\"{}\"></a>", anchor(s));
            continue;
        }
        out += &escape(&text[pos..s.span.start]);
        let _ = write!(out, "<mark id=\"{}\">", anchor(s));
        pos = s.span.start;
        open_until = Some(s.span.end);
    }
    if let Some(end) = open_until {
        out += &escape(&text[pos..end]);
        out += "</mark>";
        pos = end;
    }
    out += &escape(&text[pos..]);
    out
}

/// Dated events on a horizontal axis, labels alternating above and below.
fn timeline_svg(d: &Dossier) -> String {
    let points: Vec<(f64, &str, usize)> = d
        .timeline
        .iter()
        .filter_map(|t| fractional_year(&t.date).map(|x| (x, t.date.as_str(), t.event)))
        .collect();
    if points.is_empty() {
        return "<p class=\"muted\">No dated event.</p>\n".into();
    }
    let (lo, hi) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.0), hi.max(p.0))
    });
    let span = (hi - lo).max(1e-9);
    let (width, height, margin) = (1000.0, 60.0 + 28.0 * points.len().min(12) as f64, 60.0);
    let mid = height / 2.0;
    let mut svg = format!("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"timeline\">\n");
    let _ = writeln!(
        svg,
        "<line x1=\"{margin}\" y1=\"{mid}\" x2=\"{}\" y2=\"{mid}\" stroke=\"#888\"/>",
        width - margin
    );
    for (k, (x, date, e)) in points.iter().enumerate() {
        let px = if points.len() == 1 {
            width / 2.0
        } else {
            margin + (x - lo) / span * (width - 2.0 * margin)
        };
        let row = (k % 12) as f64;
        let above = k % 2 == 0;
        let ly = if above {
            mid - 14.0 - row * 12.0
        } else {
            mid + 22.0 + row * 12.0
        };
        let _ = writeln!(svg, "<circle cx=\"{px:.1}\" cy=\"{mid}\" r=\"5\" fill=\"#c0392b\"/><line x1=\"{px:.1}\" y1=\"{mid}\" x2=\"{px:.1}\" y2=\"{ly:.1}\" stroke=\"#ccc\"/>");
        let _ = writeln!(
            svg,
            "<text x=\"{px:.1}\" y=\"{ly:.1}\" text-anchor=\"middle\">{} {}</text>",
            escape(date),
            escape(&view::event_label(d, *e))
        );
    }
    svg += "</svg>\n";
    svg
}

/// `2024-03-22` → 2024.22…, `2024-03` → mid-March, `2024` → mid-year, `198` (a decade) → 1985.
fn fractional_year(value: &str) -> Option<f64> {
    let parts: Vec<&str> = value.split('-').collect();
    let year: f64 = match parts[0].len() {
        4 => parts[0].parse().ok()?,
        3 => return Some(parts[0].parse::<f64>().ok()? * 10.0 + 5.0),
        _ => return None,
    };
    let month: Option<f64> = parts.get(1).and_then(|m| m.parse().ok());
    let day: Option<f64> = parts
        .get(2)
        .and_then(|d| d.get(..2))
        .and_then(|d| d.parse().ok());
    Some(match (month, day) {
        (Some(m), Some(dd)) => year + (m - 1.0) / 12.0 + (dd - 1.0) / 365.0,
        (Some(m), None) => year + (m - 0.5) / 12.0,
        _ => year + 0.5,
    })
}
