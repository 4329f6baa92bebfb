//! Figure reconciliation: every source's number for one event and one measure, side by side,
//! with the range they span and a conservative reading.

use dossier_model::{FigureGroup, FigureReport, FigureValue};

/// ACLED's conservative reading of one report: a point figure as given, a range by its low end,
/// a vague word by ACLED's convention (dozens 12, hundreds 100, thousands 1000).
pub fn conservative_value(value: FigureValue, vague: bool) -> i64 {
    match value {
        FigureValue::Exact(v) => v,
        FigureValue::Range(lo, _) if vague => match lo {
            l if l >= 2000 => 1000,
            l if l >= 200 => 100,
            l if l >= 24 => 12,
            l => l,
        },
        FigureValue::Range(lo, _) => lo,
    }
}

fn bounds(value: FigureValue) -> (i64, i64) {
    match value {
        FigureValue::Exact(v) => (v, v),
        FigureValue::Range(lo, hi) => (lo, hi),
    }
}

/// Builds the group for one measure from its reports (any order); reports come out in order of
/// publication, undated ones last, ties by document.
pub fn group(measure: String, mut reports: Vec<FigureReport>) -> FigureGroup {
    reports.sort_by(|a, b| {
        (a.published.is_none(), &a.published, a.doc, a.span.start).cmp(&(
            b.published.is_none(),
            &b.published,
            b.doc,
            b.span.start,
        ))
    });
    let low = reports.iter().map(|r| bounds(r.value).0).min().unwrap_or(0);
    let high = reports.iter().map(|r| bounds(r.value).1).max().unwrap_or(0);
    let conservative = reports
        .iter()
        .map(|r| conservative_value(r.value, r.vague))
        .min()
        .unwrap_or(0);
    FigureGroup {
        measure,
        low,
        high,
        conservative,
        reports,
    }
}

/// The value as a reader would say it ("at least 143", "24–99 (vague)").
pub fn describe(value: FigureValue, qualifier: dossier_model::Qualifier, vague: bool) -> String {
    let number = match value {
        FigureValue::Exact(v) => v.to_string(),
        FigureValue::Range(lo, hi) if vague => format!("{lo}–{hi} (vague)"),
        FigureValue::Range(lo, hi) => format!("{lo}–{hi}"),
    };
    format!("{}{number}", qualifier.phrase())
}

/// Whether a measure counts the people of a happening (the dead, the wounded, the arrested,
/// the attackers) rather than money or a share. Only these go to an event a figure's sentence
/// does not name (the sentence before, the document's main event), and only these are one
/// number per event that sources can disagree on: an article gives many sums of money and
/// shares, each of something else.
pub fn counts_people(measure: &str) -> bool {
    counts_harmed(measure)
        || matches!(
            measure,
            "displaced" | "arrested" | "charged" | "attackers" | "fighters"
        )
}

/// Whether a measure counts the people a happening harmed: the dead, the wounded, hostages and
/// the missing are an attack's, not a withdrawal's beside it.
pub fn counts_harmed(measure: &str) -> bool {
    matches!(
        measure,
        "killed" | "injured" | "casualties" | "hostages" | "missing"
    )
}

/// Words that count without a number ("several suspects"): the gold's figures leave them
/// out, but a source that says only "several" where another says "four" disagrees with it.
const VAGUE_QUANTIFIERS: &[&str] = &[
    "several",
    "a few",
    "a handful of",
    "a number of",
    "numerous",
];

/// Nouns for people that a vague quantifier may count in an arrest ("several suspects").
const PEOPLE: &[&str] = &[
    "suspects",
    "people",
    "men",
    "individuals",
    "attackers",
    "gunmen",
    "militants",
    "perpetrators",
    "assailants",
];

/// Bytes between an arrest's trigger and the vague count of whom it took ("several suspects,
/// including some of the attackers, have been apprehended").
const VAGUE_COUNT_WITHIN: usize = 64;

/// The counts without a number that sources give for an event's measure: for an arrest, a
/// vague quantifier and a noun for people in the trigger's sentence, close to it ("several
/// suspects … have been apprehended" is `arrested`). Returns (event, measure, where it is
/// said, the words).
pub fn vague_counts(
    docs: &[(dossier_model::Document, dossier_model::Extraction)],
    mentions: &[crate::events::EventMention],
    cluster_of: &[usize],
) -> Vec<(usize, &'static str, dossier_model::DocSpan, String)> {
    let mut out = Vec::new();
    for (m, &e) in mentions.iter().zip(cluster_of) {
        if m.kind != "arrest" {
            continue;
        }
        let text = docs[m.at.doc].0.text.as_str();
        let sentence = &text[m.sentence.start..m.sentence.end];
        // ASCII lower-casing keeps every byte offset.
        let lower = sentence.to_ascii_lowercase();
        for q in VAGUE_QUANTIFIERS {
            for (at, _) in lower.match_indices(q) {
                let start = m.sentence.start + at;
                let after = lower[at + q.len()..].trim_start();
                let Some(noun) = PEOPLE.iter().find(|n| {
                    after.starts_with(*n) && !after[n.len()..].starts_with(char::is_alphanumeric)
                }) else {
                    continue;
                };
                let end = m.sentence.start + lower.len() - after.len() + noun.len();
                let word_edge = at == 0 || !lower[..at].ends_with(char::is_alphanumeric);
                let near = start.abs_diff(m.at.span.start) <= VAGUE_COUNT_WITHIN
                    || end.abs_diff(m.at.span.end) <= VAGUE_COUNT_WITHIN;
                if word_edge && near {
                    let span = dossier_model::Span::new(start, end);
                    let at = dossier_model::DocSpan {
                        doc: m.at.doc,
                        span,
                    };
                    if !out.iter().any(|(_, _, s, _)| *s == at) {
                        out.push((e, "arrested", at, span.slice(text).to_string()));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::{Qualifier, Span};

    fn r(doc: usize, published: &str, value: FigureValue, vague: bool) -> FigureReport {
        FigureReport {
            doc,
            published: Some(published.into()),
            value,
            qualifier: Qualifier::AtLeast,
            vague,
            span: Span::new(0, 1),
        }
    }

    #[test]
    fn range_and_conservative_reading() {
        let g = group(
            "killed".into(),
            vec![
                r(1, "2024-04-01", FigureValue::Exact(143), false),
                r(0, "2024-03-24", FigureValue::Exact(137), false),
            ],
        );
        assert_eq!((g.low, g.high, g.conservative), (137, 143, 137));
        assert_eq!(g.reports[0].doc, 0, "in order of publication");
        let g = group(
            "injured".into(),
            vec![r(0, "2024-01-04", FigureValue::Range(200, 999), true)],
        );
        assert_eq!((g.low, g.high, g.conservative), (200, 999, 100));
        assert_eq!(conservative_value(FigureValue::Range(24, 99), true), 12);
        assert_eq!(conservative_value(FigureValue::Range(5, 8), false), 5);
    }
}
