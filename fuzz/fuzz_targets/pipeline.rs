//! The whole per-document path on arbitrary bytes, as text and as HTML: decode, clean or
//! extract, analyze, write the contract line. Never panics; every copied piece of a cleaned text
//! is the raw text it claims to be; the line is valid JSON.
#![no_main]
use dossier_ingest::{Content, Format, InputMeta, RawDoc};
use libfuzzer_sys::fuzz_target;

static MODELS: std::sync::LazyLock<dossier_nlp::Models> = std::sync::LazyLock::new(dossier_nlp::Models::builtin);

fuzz_target!(|data: &[u8]| {
    for format in [Format::Text, Format::Html] {
        let raw = RawDoc {
            source: "fuzz".into(),
            format,
            content: Content::Bytes { bytes: data.to_vec(), declared_charset: None },
            meta: InputMeta::default(),
        };
        let (doc, warnings) = dossier_ingest::prepare(raw);
        let (extraction, _) = dossier_nlp::analyze(&doc, &MODELS);
        let line = dossier_report::extraction_line(&doc, &extraction, &warnings);
        assert!(line.starts_with('{') && line.ends_with('}'));
        if let Some(map) = &doc.source_map {
            let decoded = dossier_ingest::encoding::decode(data, None).text;
            for s in map.segments.iter().filter(|s| s.copied) {
                assert_eq!(&doc.text[s.clean_start..s.clean_start + s.len], &decoded[s.raw_start..s.raw_start + s.len]);
            }
        }
    }
});
