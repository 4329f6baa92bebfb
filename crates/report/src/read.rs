//! Reading the extraction contract back: a stored or piped extraction line into the internal
//! types, code points back to byte offsets. The inverse of [`crate::extraction_line`] for every
//! field the line carries (tokens and sentences are not in the contract; re-derive them from
//! the text).

use dossier_model::*;
use serde_json::Value;

/// Byte offsets of code-point offsets, for one text.
struct ByteOffsets(Vec<usize>);

impl ByteOffsets {
    fn new(text: &str) -> ByteOffsets {
        ByteOffsets(
            text.char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect(),
        )
    }
    fn span(&self, v: &Value) -> Result<Span, String> {
        let get = |k: &str| -> Result<usize, String> {
            let cp = v[k]
                .as_u64()
                .ok_or_else(|| format!("span without `{k}`: {v}"))? as usize;
            self.0
                .get(cp)
                .copied()
                .ok_or_else(|| format!("offset {cp} is past the end of the text"))
        };
        let (start, end) = (get("start")?, get("end")?);
        if start > end {
            return Err(format!("span ends before it starts: {v}"));
        }
        Ok(Span::new(start, end))
    }
    fn opt_span(&self, v: &Value) -> Result<Option<Span>, String> {
        if v.is_null() {
            Ok(None)
        } else {
            self.span(v).map(Some)
        }
    }
}

fn parse_enum<T: serde::de::DeserializeOwned>(v: &Value, what: &str) -> Result<T, String> {
    serde_json::from_value(v.clone()).map_err(|_| format!("unknown {what} {v}"))
}

/// Parses one extraction line.
pub fn read_extraction_line(line: &str) -> Result<(Document, Extraction), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let s = |k: &str| v[k].as_str().map(str::to_string);
    let text = s("text").ok_or("the line has no `text`")?;
    let id = s("id").ok_or("the line has no `id`")?;
    let offsets = ByteOffsets::new(&text);
    let published_source = v["published_source"].as_str().unwrap_or("none");
    let mut inferred_published = None;
    let published = match (s("published"), published_source) {
        (Some(value), "inferred") => {
            inferred_published = Some(value);
            None
        }
        (Some(value), src) => Some(PublishedDate {
            value,
            source: match src {
                "input" => PublishedSource::Input,
                "metadata" => PublishedSource::Metadata,
                _ => PublishedSource::Text,
            },
        }),
        (None, _) => None,
    };
    let list = |k: &str| v[k].as_array().cloned().unwrap_or_default();
    let mut ex = Extraction {
        doc_id: id.clone(),
        inferred_published,
        ..Extraction::default()
    };
    for e in list("entities") {
        ex.entities.push(Entity {
            span: offsets.span(&e)?,
            kind: parse_enum(&e["type"], "entity type")?,
        });
    }
    for t in list("timexes") {
        ex.timexes.push(Timex {
            span: offsets.span(&t)?,
            kind: parse_enum(&t["type"], "timex type")?,
            value: t["value"].as_str().unwrap_or_default().to_string(),
            anchored: t["anchored"].as_str().map(str::to_string),
        });
    }
    for f in list("figures") {
        ex.figures.push(Figure {
            span: offsets.span(&f)?,
            measure: f["measure"].as_str().unwrap_or_default().to_string(),
            value: parse_enum(&f["value"], "figure value")?,
            qualifier: parse_enum(&f["qualifier"], "qualifier")?,
            vague: f["vague"].as_bool().unwrap_or(false),
            counted: offsets.opt_span(&f["counted"])?,
            context: if f["clause"].is_null() {
                None
            } else {
                let indices = |key: &str, len: usize| -> Result<Vec<usize>, String> {
                    f[key]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|i| {
                            i.as_u64()
                                .map(|i| i as usize)
                                .filter(|&i| i < len)
                                .ok_or_else(|| {
                                    format!(
                                        "`{key}` holds {i}, not an index of the document's list"
                                    )
                                })
                        })
                        .collect()
                };
                Some(FigureContext {
                    sentence: offsets.span(&f["sentence"])?,
                    clause: offsets.span(&f["clause"])?,
                    entities: indices("clause_entities", ex.entities.len())?,
                    timexes: indices("clause_timexes", ex.timexes.len())?,
                })
            },
        });
    }
    for q in list("quotes") {
        ex.quotes.push(Quote {
            span: offsets.span(&q)?,
            direct: q["direct"].as_bool().unwrap_or(false),
            speaker: offsets.opt_span(&q["speaker"])?,
            cue: offsets.opt_span(&q["cue"])?,
        });
    }
    for a in list("assertions") {
        ex.assertions.push(Assertion {
            subject: offsets.opt_span(&a["subject"])?,
            predicate: parse_enum(&a["predicate"], "predicate")?,
            object: offsets.opt_span(&a["object"])?,
            hedged: a["hedged"].as_bool().unwrap_or(false),
            sentence: offsets.span(&a["sentence"])?,
        });
    }
    let doc = Document {
        id,
        source: s("source").unwrap_or_default(),
        url: s("url"),
        outlet: s("outlet"),
        title: s("title"),
        authors: list("authors")
            .iter()
            .filter_map(|a| a.as_str().map(str::to_string))
            .collect(),
        published,
        content_hash: s("content_hash").unwrap_or_default(),
        source_map: None,
        text,
    };
    Ok((doc, ex))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extraction_line;

    #[test]
    fn round_trips_the_contract() {
        let text = "Über 140 people died in Kölnstadt on Friday, the mayor said.".to_string();
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        let doc = Document {
            id: "d".into(),
            text: text.clone(),
            outlet: Some("Courier".into()),
            published: Some(PublishedDate {
                value: "2025-03-07".into(),
                source: PublishedSource::Input,
            }),
            ..Document::default()
        };
        let ex = Extraction {
            doc_id: "d".into(),
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
                value: FigureValue::Range(140, 150),
                qualifier: Qualifier::MoreThan,
                vague: false,
                counted: Some(at("people")),
                context: Some(FigureContext {
                    sentence: at(&text),
                    clause: at("Über 140 people"),
                    entities: vec![0],
                    timexes: vec![0],
                }),
            }],
            quotes: vec![Quote {
                span: at("Über 140"),
                direct: true,
                speaker: Some(at("the mayor")),
                cue: None,
            }],
            assertions: vec![Assertion {
                subject: None,
                predicate: Predicate::Denied,
                object: Some(at("Kölnstadt")),
                hedged: true,
                sentence: at(&text),
            }],
            ..Extraction::default()
        };
        let (doc2, ex2) = read_extraction_line(&extraction_line(&doc, &ex, &[])).unwrap();
        assert_eq!(doc2.text, doc.text);
        assert_eq!(doc2.published, doc.published);
        assert_eq!(ex2.entities, ex.entities);
        assert_eq!(ex2.timexes, ex.timexes);
        assert_eq!(ex2.figures, ex.figures);
        assert_eq!(ex2.quotes, ex.quotes);
        assert_eq!(ex2.assertions, ex.assertions);
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(read_extraction_line("{").is_err());
        assert!(read_extraction_line(r#"{"id":"x"}"#).is_err());
        assert!(read_extraction_line(
            r#"{"id":"x","text":"ab","entities":[{"start":0,"end":9,"type":"PER"}]}"#
        )
        .is_err());
    }
}
