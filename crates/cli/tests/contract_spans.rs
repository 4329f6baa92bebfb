//! The contract's span property on arbitrary input: through the whole per-document path
//! (cleaning or HTML extraction, every annotator, the contract line), every span's `text` is the
//! code-point slice `text[start..end]` it points at.

use dossier_ingest::{Content, Format, InputMeta, RawDoc};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::LazyLock;

static MODELS: LazyLock<dossier_nlp::Models> = LazyLock::new(dossier_nlp::Models::builtin);

fn check_spans(line: &str) -> Result<(), TestCaseError> {
    let v: Value = serde_json::from_str(line).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let chars: Vec<char> = v["text"].as_str().unwrap().chars().collect();
    let mut spans: Vec<&Value> = Vec::new();
    for key in ["entities", "timexes", "figures", "quotes"] {
        for item in v[key].as_array().unwrap() {
            spans.push(item);
            for part in ["speaker", "cue"] {
                if item[part].is_object() {
                    spans.push(&item[part]);
                }
            }
        }
    }
    for a in v["assertions"].as_array().unwrap() {
        for part in ["subject", "object"] {
            if a[part].is_object() {
                spans.push(&a[part]);
            }
        }
    }
    for s in spans {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        prop_assert!(start <= end && end <= chars.len(), "span out of range: {s}");
        let slice: String = chars[start..end].iter().collect();
        prop_assert_eq!(slice.as_str(), s["text"].as_str().unwrap());
    }
    Ok(())
}

/// News-like text with names, numbers, dates, quotes and non-ASCII punctuation, so the
/// annotators have something to find, mixed with arbitrary characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("At least 31 people were killed in Dravosk on Friday, officials said.".to_string()),
        Just("“We will rebuild,” said Mayor Ilse Varga of the Harbour Council.".to_string()),
        Just("The Coastal Liberation Front claimed responsibility; Kesh denied it.".to_string()),
        Just("Über 140 Menschen — nearly 40 — died on 4 January 2025.".to_string()),
        Just("\n\n".to_string()),
        "\\PC{0,40}",
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_span_is_the_text_it_points_at(text in newsy(), html in any::<bool>()) {
        let raw = RawDoc {
            source: "prop".into(),
            format: if html { Format::Html } else { Format::Text },
            content: Content::Bytes { bytes: text.into_bytes(), declared_charset: None },
            meta: InputMeta { published: Some("2025-03-08".into()), ..InputMeta::default() },
        };
        let (doc, warnings) = dossier_ingest::prepare(raw);
        let (ex, _) = dossier_nlp::analyze(&doc, &MODELS);
        check_spans(&dossier_report::extraction_line(&doc, &ex, &warnings))?;
    }
}
