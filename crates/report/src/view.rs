//! What the human-readable reports show, computed once for Markdown and HTML alike: the facts
//! each source reports, which of them the sources agree on, and the source-by-fact matrix.

use dossier_model::{DocSpan, Dossier, Predicate};

/// One fact and what each document says of it.
pub struct Fact {
    pub label: String,
    /// The documents that report it, in document order, each with its value and where it says
    /// it. Sparse: a corpus has thousands of documents and each fact is in a few.
    pub cells: Vec<(usize, Cell)>,
}

pub struct Cell {
    pub value: String,
    pub at: DocSpan,
}

impl Fact {
    pub fn sources(&self) -> usize {
        self.cells.len()
    }

    /// The cell of document `doc`, if it reports the fact.
    pub fn cell(&self, doc: usize) -> Option<&Cell> {
        self.cells
            .binary_search_by_key(&doc, |(d, _)| *d)
            .ok()
            .map(|i| &self.cells[i].1)
    }

    /// Reported by two or more sources, all with the same value.
    pub fn agreed(&self) -> bool {
        let mut values = self.cells.iter().map(|(_, c)| c.value.as_str());
        let first = values.next();
        self.sources() >= 2 && values.all(|v| Some(v) == first)
    }
}

/// A readable name for an event: its kind, place and date.
pub fn event_label(d: &Dossier, e: usize) -> String {
    let ev = &d.events[e];
    let mut label = ev.kind.clone();
    if let Some(t) = &ev.theme {
        label += &format!(" of {}", name_of(d, Some(t)));
    }
    if let Some(p) = &ev.place {
        label += &format!(" in {}", name_of(d, Some(p)));
    }
    if let Some(date) = &ev.date {
        label += &format!(" ({date})");
    }
    label
}

/// An event as the timeline shows it: its label and who did it, where the sources say
/// ("bombing in Dravosk (2025-03-07) by Coastal Liberation Front").
pub fn timeline_label(d: &Dossier, e: usize) -> String {
    let mut label = event_label(d, e);
    if let Some(by) = &d.events[e].perpetrator {
        label += &format!(" by {}", name_of(d, Some(by)));
    }
    label
}

pub fn predicate_phrase(p: Predicate) -> &'static str {
    match p {
        Predicate::ClaimedResponsibility => "claimed responsibility for",
        Predicate::Blamed => "blamed",
        Predicate::Denied => "denied",
        Predicate::Warned => "warned of",
        Predicate::Confirmed => "confirmed",
        Predicate::Dismissed => "dismissed",
        Predicate::Accused => "accused",
        Predicate::Arrested => "arrested",
        Predicate::Charged => "charged",
        Predicate::Speculated => "speculated about",
    }
}

/// What a claim says its subject did, and to whom or what: "claimed responsibility for attack
/// in Moscow (2024-03-22)", or "warned" where the text names no object.
pub fn claim_action(d: &Dossier, c: &dossier_model::Claim) -> String {
    let phrase = predicate_phrase(c.predicate);
    match c.object.as_deref() {
        Some(_) => format!("{phrase} {}", name_of(d, c.object.as_deref())),
        None => phrase
            .trim_end_matches(" for")
            .trim_end_matches(" of")
            .trim_end_matches(" about")
            .to_string(),
    }
}

/// A count with its noun, singular or plural: "1 source", "3 sources".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The name of an entity or event id, for display.
pub fn name_of(d: &Dossier, id: Option<&str>) -> String {
    let Some(id) = id else {
        return "(unnamed source)".into();
    };
    if let Some(e) = d.entities.iter().find(|e| e.id == id) {
        return e.name.clone();
    }
    if let Some(i) = d.events.iter().position(|e| e.id == id) {
        return event_label(d, i);
    }
    id.to_string()
}

/// Every fact with per-source values: event figures, event dates, claims.
pub fn facts(d: &Dossier) -> Vec<Fact> {
    let mut out = Vec::new();
    for (e, ev) in d.events.iter().enumerate() {
        for g in &ev.figures {
            let cells = first_per_doc(g.reports.iter().map(|r| {
                (
                    r.doc,
                    Cell {
                        value: describe_report(r),
                        at: DocSpan {
                            doc: r.doc,
                            span: r.span,
                        },
                    },
                )
            }));
            out.push(Fact {
                label: format!("{} — {}", g.measure, event_label(d, e)),
                cells,
            });
        }
        if !ev.dates.is_empty() {
            let cells = first_per_doc(ev.dates.iter().map(|sd| {
                (
                    sd.doc,
                    Cell {
                        value: sd.value.clone(),
                        at: DocSpan {
                            doc: sd.doc,
                            span: sd.span,
                        },
                    },
                )
            }));
            out.push(Fact {
                label: format!("date — {}", event_label(d, e)),
                cells,
            });
        }
    }
    for c in &d.claims {
        let cells = first_per_doc(c.evidence.iter().map(|ev| {
            (
                ev.doc,
                Cell {
                    value: if c.hedged {
                        "yes (hedged)".into()
                    } else {
                        "yes".into()
                    },
                    at: *ev,
                },
            )
        }));
        out.push(Fact {
            label: format!(
                "{} {}",
                name_of(d, c.subject.as_deref()),
                claim_action(d, c)
            ),
            cells,
        });
    }
    out
}

/// The first cell each document gives, in document order.
fn first_per_doc(cells: impl Iterator<Item = (usize, Cell)>) -> Vec<(usize, Cell)> {
    let mut out: Vec<(usize, Cell)> = Vec::new();
    for (doc, cell) in cells {
        if !out.iter().any(|(d, _)| *d == doc) {
            out.push((doc, cell));
        }
    }
    out.sort_by_key(|(d, _)| *d);
    out
}

/// The source-by-fact matrix is for reading: beyond this many sources a table is no longer
/// readable, and the reports say so and point to the JSON instead.
pub const MATRIX_MAX_SOURCES: usize = 40;

/// A figure group in a line: `killed 137` when the sources agree, else the range and ACLED's
/// conservative reading (`killed 133–145 (conservative 133)`).
pub fn figure_summary(g: &dossier_model::FigureGroup) -> String {
    if g.low == g.high {
        format!("{} {}", g.measure, g.low)
    } else {
        format!(
            "{} {}–{} (conservative {})",
            g.measure, g.low, g.high, g.conservative
        )
    }
}

pub fn describe_report(r: &dossier_model::FigureReport) -> String {
    let number = match r.value {
        dossier_model::FigureValue::Exact(v) => v.to_string(),
        dossier_model::FigureValue::Range(lo, hi) => format!("{lo}–{hi}"),
    };
    format!("{}{number}", r.qualifier.phrase())
}

/// A short label for a document: its outlet, else its title, else its id.
pub fn doc_label(d: &Dossier, i: usize) -> String {
    let doc = &d.documents[i];
    doc.outlet
        .clone()
        .or_else(|| doc.title.clone())
        .unwrap_or_else(|| doc.id.clone())
}

/// Entities that act in the story (people and organisations), most mentioned first.
/// An actor's facts as a report lists them: one line per kind and value ("founded 2015, by
/// Pakistani Taliban"), with every span that says it, in the order the merge gave them.
pub fn actor_facts(
    e: &dossier_model::ResolvedEntity,
) -> Vec<(dossier_model::FactKind, String, Vec<dossier_model::DocSpan>)> {
    let mut out: Vec<(dossier_model::FactKind, String, Vec<dossier_model::DocSpan>)> = Vec::new();
    for f in &e.facts {
        match out
            .iter_mut()
            .find(|(k, v, _)| *k == f.kind && v.eq_ignore_ascii_case(&f.value))
        {
            Some((_, _, spans)) => spans.push(f.span),
            None => out.push((f.kind, f.value.clone(), vec![f.span])),
        }
    }
    out
}

pub fn actors(d: &Dossier) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..d.entities.len())
        .filter(|&i| {
            matches!(
                d.entities[i].kind,
                dossier_model::EntityType::Person | dossier_model::EntityType::Organization
            )
        })
        .collect();
    idx.sort_by_key(|&i| (std::cmp::Reverse(d.entities[i].mentions.len()), i));
    idx
}
