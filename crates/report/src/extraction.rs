//! The extraction contract: one JSON object per document, as `dossier extract` prints it.

use crate::CodePoints;
use dossier_model::{Document, Extraction, FigureValue, Span, Warning};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    url: Option<&'a str>,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    authors: &'a [String],
    published: Option<&'a str>,
    published_source: &'a str,
    /// Where the document was read from (not in DESIGN.md's list; added for the user).
    source: &'a str,
    /// BLAKE3 of the raw input (added: it makes merging partial dossiers order-free).
    content_hash: &'a str,
    text: &'a str,
    entities: Vec<EntityOut<'a>>,
    timexes: Vec<TimexOut<'a>>,
    figures: Vec<FigureOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    assertions: Vec<AssertionOut<'a>>,
    /// What went wrong reading or analysing this document (added for the user).
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct BareSpan {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct TimexOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    /// Added: the date a duration counted from an earlier date ends on.
    #[serde(skip_serializing_if = "Option::is_none")]
    anchored: Option<&'a str>,
}

#[derive(Serialize)]
struct FigureOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    measure: &'a str,
    value: FigureValue,
    qualifier: &'static str,
    vague: bool,
    /// Added: who or what was counted ("American soldiers").
    #[serde(skip_serializing_if = "Option::is_none")]
    counted: Option<SpanOut<'a>>,
    /// Added: the figure's sentence and clause, and the indices of the entities and time
    /// expressions in that clause (what the figure is about).
    #[serde(skip_serializing_if = "Option::is_none")]
    sentence: Option<BareSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause: Option<BareSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause_entities: Option<&'a [usize]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause_timexes: Option<&'a [usize]>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    #[serde(flatten)]
    span: SpanOut<'a>,
    direct: bool,
    speaker: Option<SpanOut<'a>>,
    cue: Option<SpanOut<'a>>,
}

#[derive(Serialize)]
struct AssertionOut<'a> {
    subject: Option<SpanOut<'a>>,
    predicate: &'static str,
    object: Option<SpanOut<'a>>,
    hedged: bool,
    sentence: BareSpan,
}

/// Writes the extraction contract line of one document (without the trailing newline).
pub fn write_extraction_line<W: Write>(
    out: &mut W,
    doc: &Document,
    ex: &Extraction,
    warnings: &[Warning],
) -> std::io::Result<()> {
    let text = doc.text.as_str();
    let mut cp = CodePoints::new(text);
    let mut span = |s: Span| SpanOut {
        start: cp.of(s.start),
        end: cp.of(s.end),
        text: s.slice(text),
    };
    let entities = ex
        .entities
        .iter()
        .map(|e| EntityOut {
            span: span(e.span),
            kind: e.kind.as_str(),
        })
        .collect();
    let timexes = ex
        .timexes
        .iter()
        .map(|t| TimexOut {
            span: span(t.span),
            kind: t.kind.as_str(),
            value: &t.value,
            anchored: t.anchored.as_deref(),
        })
        .collect();
    let figures = ex
        .figures
        .iter()
        .map(|f| {
            let mut bare = |s: Span| {
                let s = span(s);
                BareSpan {
                    start: s.start,
                    end: s.end,
                }
            };
            let sentence = f.context.as_ref().map(|c| bare(c.sentence));
            let clause = f.context.as_ref().map(|c| bare(c.clause));
            FigureOut {
                span: span(f.span),
                measure: &f.measure,
                value: f.value,
                qualifier: f.qualifier.as_str(),
                vague: f.vague,
                counted: f.counted.map(&mut span),
                sentence,
                clause,
                clause_entities: f.context.as_ref().map(|c| c.entities.as_slice()),
                clause_timexes: f.context.as_ref().map(|c| c.timexes.as_slice()),
            }
        })
        .collect();
    let quotes = ex
        .quotes
        .iter()
        .map(|q| QuoteOut {
            span: span(q.span),
            direct: q.direct,
            speaker: q.speaker.map(&mut span),
            cue: q.cue.map(&mut span),
        })
        .collect();
    let assertions = ex
        .assertions
        .iter()
        .map(|a| {
            let subject = a.subject.map(&mut span);
            let object = a.object.map(&mut span);
            let sentence = span(a.sentence);
            AssertionOut {
                subject,
                predicate: a.predicate.as_str(),
                object,
                hedged: a.hedged,
                sentence: BareSpan {
                    start: sentence.start,
                    end: sentence.end,
                },
            }
        })
        .collect();
    let line = Line {
        id: &doc.id,
        url: doc.url.as_deref(),
        outlet: doc.outlet.as_deref(),
        title: doc.title.as_deref(),
        authors: &doc.authors,
        published: doc
            .published
            .as_ref()
            .map(|p| p.value.as_str())
            .or(ex.inferred_published.as_deref()),
        published_source: match (&doc.published, &ex.inferred_published) {
            (Some(p), _) => p.source.as_str(),
            (None, Some(_)) => "inferred",
            (None, None) => "none",
        },
        source: &doc.source,
        content_hash: &doc.content_hash,
        text,
        entities,
        timexes,
        figures,
        quotes,
        assertions,
        warnings: warnings.iter().map(|w| w.to_string()).collect(),
    };
    serde_json::to_writer(out, &line).map_err(std::io::Error::other)
}

/// The extraction contract line of one document, as a string (without the trailing newline).
pub fn extraction_line(doc: &Document, ex: &Extraction, warnings: &[Warning]) -> String {
    let mut out = Vec::with_capacity(doc.text.len() + 256);
    write_extraction_line(&mut out, doc, ex, warnings).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::*;

    fn sample() -> (Document, Extraction) {
        let text = "Über 140 people died in Kölnstadt on Friday, the mayor said.".to_string();
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        let doc = Document {
            id: "doc-1".into(),
            source: "examples/doc-1.txt".into(),
            outlet: Some("The Example Courier".into()),
            title: Some("Floods".into()),
            authors: vec!["Anna Velk".into()],
            published: Some(PublishedDate {
                value: "2025-03-07".into(),
                source: PublishedSource::Text,
            }),
            content_hash: "0".repeat(64),
            ..Document::default()
        };
        let ex = Extraction {
            doc_id: "doc-1".into(),
            entities: vec![Entity {
                span: at("Kölnstadt"),
                kind: EntityType::Location,
            }],
            timexes: vec![Timex {
                span: at("Friday"),
                kind: TimexType::Date,
                value: "2025-03-07".into(),
                anchored: None,
            }],
            figures: vec![Figure {
                span: at("Über 140 people"),
                measure: "killed".into(),
                value: FigureValue::Exact(140),
                qualifier: Qualifier::MoreThan,
                vague: false,
                counted: None,
                context: None,
            }],
            quotes: vec![Quote {
                span: at("Über 140 people died in Kölnstadt on Friday"),
                direct: false,
                speaker: Some(at("the mayor")),
                cue: Some(at("said")),
            }],
            assertions: vec![Assertion {
                subject: Some(at("the mayor")),
                predicate: Predicate::Confirmed,
                object: None,
                hedged: false,
                sentence: at(&text),
            }],
            ..Extraction::default()
        };
        (Document { text, ..doc }, ex)
    }

    #[test]
    fn contract_line_snapshot() {
        let (doc, ex) = sample();
        let line = extraction_line(&doc, &ex, &[]);
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        insta::assert_json_snapshot!(value);
    }

    #[test]
    fn span_text_is_the_code_point_slice() {
        let (doc, ex) = sample();
        let value: serde_json::Value =
            serde_json::from_str(&extraction_line(&doc, &ex, &[])).unwrap();
        let chars: Vec<char> = doc.text.chars().collect();
        let e = &value["entities"][0];
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..t].iter().collect::<String>(),
            e["text"].as_str().unwrap()
        );
        assert_eq!(
            s,
            doc.text[..doc.text.find("Kölnstadt").unwrap()]
                .chars()
                .count()
        );
    }
}
