//! The dossier as Markdown: agreements first, then disagreements, the timeline, the actors,
//! quotes by speaker, and the source-by-fact matrix. Every fact cites its source span as
//! `[document @ start–end]` (code points into that document's text).

use crate::view::{self, Fact};
use crate::SpanWriter;
use dossier_model::{DocSpan, Dossier};
use std::fmt::Write;

/// Article text in Markdown: no `|` (tables), no line breaks, and no raw HTML, which Markdown
/// renderers would pass through.
fn cell(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

pub fn dossier_markdown(d: &Dossier) -> String {
    let mut w = SpanWriter::new(d);
    let mut cite = |at: DocSpan| {
        let (s, e) = w.offsets(at);
        format!("[{} @ {s}–{e}]", d.documents[at.doc].id)
    };
    let facts = view::facts(d);
    let mut out = String::new();
    let _ = writeln!(out, "# Dossier\n\n{} sources, {} entities, {} events, {} quotes, {} claims, {} discrepancies.\n",
        d.documents.len(), d.entities.len(), d.events.len(), d.quotes.len(), d.claims.len(), d.discrepancies.len());

    let _ = writeln!(
        out,
        "## Sources\n\n| id | outlet | title | authors | published |\n|---|---|---|---|---|"
    );
    for doc in &d.documents {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&doc.id),
            cell(doc.outlet.as_deref().unwrap_or("")),
            cell(doc.title.as_deref().unwrap_or("")),
            cell(&doc.authors.join(", ")),
            doc.published.as_ref().map_or(String::new(), |p| format!(
                "{} ({})",
                p.value,
                p.source.as_str()
            ))
        );
    }

    let _ = writeln!(out, "\n## What the sources agree on\n");
    let agreed: Vec<&Fact> = facts.iter().filter(|f| f.agreed()).collect();
    if agreed.is_empty() {
        let _ = writeln!(out, "No fact is reported alike by two or more sources.");
    }
    for f in agreed {
        let value = f
            .cells
            .first()
            .map(|(_, c)| c.value.clone())
            .unwrap_or_default();
        let cites: Vec<String> = f.cells.iter().map(|(_, c)| cite(c.at)).collect();
        let _ = writeln!(
            out,
            "- {}: **{}** — {}",
            cell(&f.label),
            cell(&value),
            cites.join(" ")
        );
    }

    let _ = writeln!(out, "\n## Where they disagree\n");
    if d.discrepancies.is_empty() {
        let _ = writeln!(out, "No disagreement found.");
    }
    for x in &d.discrepancies {
        let about = match x.event {
            Some(e) => format!("{} ({})", x.about, view::event_label(d, e)),
            None => x.about.clone(),
        };
        let _ = writeln!(out, "- **{}** — {}", x.kind.as_str(), cell(&about));
        for v in &x.values {
            let _ = writeln!(
                out,
                "  - {}: {} {}",
                cell(&view::doc_label(d, v.doc)),
                cell(&v.value),
                cite(DocSpan {
                    doc: v.doc,
                    span: v.span
                })
            );
        }
    }

    let _ = writeln!(out, "\n## Timeline\n");
    if d.timeline.is_empty() {
        let _ = writeln!(out, "No dated event.");
    }
    for t in &d.timeline {
        let ev = &d.events[t.event];
        let sources: std::collections::BTreeSet<usize> =
            ev.mentions.iter().map(|m| m.doc).collect();
        let figures: Vec<String> = ev.figures.iter().map(view::figure_summary).collect();
        let _ = writeln!(
            out,
            "- **{}** {} — {}{}",
            t.date,
            cell(&view::timeline_label(d, t.event)),
            view::count(sources.len(), "source", "sources"),
            if figures.is_empty() {
                String::new()
            } else {
                format!("; {}", figures.join("; "))
            }
        );
    }

    let _ = writeln!(out, "\n## Actors\n");
    let actors = view::actors(d);
    if actors.is_empty() {
        let _ = writeln!(out, "No people or organisations found.");
    }
    for &i in actors.iter().take(40) {
        let e = &d.entities[i];
        let sources: std::collections::BTreeSet<usize> = e.mentions.iter().map(|m| m.doc).collect();
        let others: Vec<&String> = e.aliases.iter().filter(|a| **a != e.name).collect();
        let mut line = format!(
            "- **{}** ({}; {} in {})",
            cell(&e.name),
            e.kind.as_str(),
            view::count(e.mentions.len(), "mention", "mentions"),
            view::count(sources.len(), "source", "sources")
        );
        if !others.is_empty() {
            line += &format!(
                "; also {}",
                cell(
                    &others
                        .iter()
                        .map(|a| a.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            );
        }
        for (kind, value, spans) in view::actor_facts(e) {
            let cites: String = spans.iter().take(3).map(|s| cite(*s)).collect();
            line += &format!("; {} {} {cites}", kind.as_str(), cell(&value));
        }
        for c in d
            .claims
            .iter()
            .filter(|c| c.subject.as_deref() == Some(e.id.as_str()))
        {
            line += &format!("; {}", cell(&view::claim_action(d, c)));
        }
        let _ = writeln!(out, "{line}");
    }

    let _ = writeln!(out, "\n## Quotes by speaker\n");
    if d.quotes.is_empty() {
        let _ = writeln!(out, "No quotes found.");
    }
    let mut speakers: Vec<Option<&str>> = d.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    speakers.sort();
    speakers.dedup();
    for s in speakers {
        let _ = writeln!(out, "### {}\n", cell(&view::name_of(d, s)));
        for q in d.quotes.iter().filter(|q| q.speaker.as_deref() == s) {
            let text = q.span.span.slice(&d.documents[q.span.doc].text);
            let shown = if q.direct {
                format!("“{}”", cell(text))
            } else {
                cell(text)
            };
            let _ = writeln!(
                out,
                "- {} — {} {}",
                shown,
                cell(&view::doc_label(d, q.span.doc)),
                cite(q.span)
            );
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "\n## Source-by-fact matrix\n");
    if facts.is_empty() {
        let _ = writeln!(out, "No facts to compare.");
    } else if d.documents.len() > view::MATRIX_MAX_SOURCES {
        let _ = writeln!(out, "{} sources are too many for a table; the dossier JSON (`--format json`) has every fact with its sources.", d.documents.len());
    } else {
        let header: Vec<String> = (0..d.documents.len())
            .map(|i| cell(&view::doc_label(d, i)))
            .collect();
        let _ = writeln!(
            out,
            "| fact | {} |\n|---|{}",
            header.join(" | "),
            "---|".repeat(header.len())
        );
        for f in &facts {
            let cells: Vec<String> = (0..d.documents.len())
                .map(|i| f.cell(i).map_or(String::new(), |c| cell(&c.value)))
                .collect();
            let _ = writeln!(out, "| {} | {} |", cell(&f.label), cells.join(" | "));
        }
    }
    out
}
