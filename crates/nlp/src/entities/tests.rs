//! Tests of the tagger's plumbing (labels, compounds, spans) and a property test that
//! `annotate` is safe on arbitrary text.

use super::*;
use crate::{sentences, tokenize::tokenize};
use proptest::prelude::*;

#[test]
fn bilou_constraints() {
    // (prev, next, allowed)
    let per_b = label(0, B);
    let per_i = label(0, I);
    let per_l = label(0, L);
    let loc_u = label(2, U);
    let cases = [
        (None, 0, true),
        (None, per_b, true),
        (None, per_i, false),
        (Some(per_b), per_i, true),
        (Some(per_b), per_l, true),
        (Some(per_b), 0, false),
        (Some(per_b), label(1, L), false),
        (Some(per_l), loc_u, true),
        (Some(loc_u), per_i, false),
        (Some(0), per_b, true),
    ];
    for (p, n, want) in cases {
        assert_eq!(allowed(p, n), want, "{p:?} -> {n}");
    }
    assert!(can_end(per_l) && can_end(0) && !can_end(per_b));
}

#[test]
fn compounds_split_where_a_name_meets_an_affix() {
    let gaz = gazetteer();
    // (word, pieces)
    let cases: &[(&str, &[&str])] = &[
        ("ISIS-backed", &["ISIS", "-", "backed"]),
        ("anti-Assad", &["anti", "-", "Assad"]),
        ("ex-FBI", &["ex", "-", "FBI"]),
        ("U.S.-led", &["U.S.", "-", "led"]),
        ("Al-Qaeda-linked", &["Al-Qaeda", "-", "linked"]),
        ("Syria-Iraq", &["Syria", "-", "Iraq"]),
        ("al-Assad", &["al-Assad"]),
        ("IS-K", &["IS-K"]),
        ("Jean-Paul", &["Jean-Paul"]),
        ("Inzamam-ul-Haq", &["Inzamam-ul-Haq"]),
        ("18-year-old", &["18-year-old"]),
        ("well-known", &["well-known"]),
    ];
    for (word, want) in cases {
        let mut out = Vec::new();
        split_compound(
            word,
            Span {
                start: 0,
                end: word.len(),
            },
            gaz,
            &mut out,
        );
        let got: Vec<&str> = out.iter().map(|s| &word[s.start..s.end]).collect();
        assert_eq!(&got, want, "{word}");
    }
}

#[test]
fn builtin_model_loads_quickly() {
    let t0 = std::time::Instant::now();
    let tagger = Tagger::builtin();
    let elapsed = t0.elapsed();
    assert!(tagger.num_features() > 0, "models/ner.bin is empty");
    // Generous bound for debug builds; release loads in a few milliseconds.
    assert!(elapsed.as_millis() < 2000, "{elapsed:?}");
    let bytes = tagger.to_bytes();
    let again = Tagger::from_bytes(&bytes).unwrap();
    assert_eq!(again.to_bytes(), bytes);
}

#[test]
fn corrupt_models_are_refused() {
    for bad in [&b""[..], b"XXXX", b"DNER\x01\x00\x00\x00\x11\x00\x00\x00"] {
        assert!(Tagger::from_bytes(bad).is_err());
    }
}

#[test]
fn tags_plain_news_sentences() {
    let tagger = Tagger::builtin();
    let text = "Russian President Vladimir Putin met officials in Moscow on Friday.\nThe European Union said Germany and France would vote.";
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens);
    let found: Vec<(String, &str)> = tagger
        .annotate(text, &tokens, &sents)
        .iter()
        .map(|e| (e.span.slice(text).to_string(), e.kind.as_str()))
        .collect();
    for want in [
        ("Vladimir Putin", "PER"),
        ("Moscow", "LOC"),
        ("European Union", "ORG"),
        ("Germany", "LOC"),
        ("France", "LOC"),
        ("Russian", "MISC"),
    ] {
        assert!(
            found.iter().any(|(t, k)| t == want.0 && *k == want.1),
            "{want:?} not in {found:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn annotate_is_safe_on_any_text(text in "(\\PC|[A-Z][a-z]+|-| |\\n|'s|\\.){0,60}") {
        let tagger = Tagger::builtin();
        let tokens = tokenize(&text);
        let sents = sentences::split(&text, &tokens);
        let ents = tagger.annotate(&text, &tokens, &sents);
        let mut last = 0;
        for e in &ents {
            prop_assert!(e.span.start < e.span.end && e.span.end <= text.len());
            prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            prop_assert!(e.span.start >= last, "overlap or unsorted");
            last = e.span.end;
        }
    }

    #[test]
    fn annotate_survives_bad_tokens(text in "\\PC{0,40}", cuts in proptest::collection::vec((0usize..50, 0usize..50), 0..10)) {
        let tagger = Tagger::builtin();
        let tokens: Vec<Token> = cuts.iter().map(|&(a, b)| Token { span: Span { start: a, end: b }, kind: TokenKind::Word }).collect();
        let sents = vec![Span { start: 0, end: text.len() }];
        for e in tagger.annotate(&text, &tokens, &sents) {
            prop_assert!(e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        }
    }
}
