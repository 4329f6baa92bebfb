//! The dossier's references on arbitrary input: through the whole path (cleaning, every
//! annotator, the merge), every event's place and perpetrator is an entity of the dossier, every
//! timeline entry and discrepancy points at an event that exists, every mention and source
//! value and actor fact at a document that exists and a span inside its text, and merging
//! never panics.

use dossier_ingest::{Content, Format, InputMeta, RawDoc};
use proptest::prelude::*;
use std::sync::LazyLock;

static MODELS: LazyLock<dossier_nlp::Models> = LazyLock::new(dossier_nlp::Models::builtin);

/// Event coverage: names that act, triggers, dates, places, pronouns, quotes; mixed with
/// arbitrary characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(
            "The Coastal Liberation Front carried out a bombing in Dravosk on Friday.".to_string()
        ),
        Just("It claimed responsibility; Kesh denied it.".to_string()),
        Just("The group has carried out attacks in Astrava since 2021.".to_string()),
        Just("Astravan security forces arrested four suspects, the ministry said.".to_string()),
        Just(
            "The ferry was attacked by gunmen in March 2025 – who were formed in 2019.".to_string()
        ),
        Just("At least 31 people were killed and nearly 40 injured.".to_string()),
        Just("Kesh's invasion of Dravosk was the worst attack since 1990.".to_string()),
        Just("The Coastal Liberation Front was formed in 2019 by former members of the Dockers' Union.".to_string()),
        Just("The group has about 200 fighters and funds its operations through smuggling, police say.".to_string()),
        Just("Coastal Liberation Front leader Henrik Abo, 2,000 Front fighters and several suspects were arrested in the 1990s and early 2000s.".to_string()),
        Just("\n\n".to_string()),
        "\\PC{0,30}",
    ];
    proptest::collection::vec(piece, 0..10).prop_map(|p| p.join(" "))
}

fn document(
    text: String,
    published: Option<&str>,
) -> (dossier_model::Document, dossier_model::Extraction) {
    let raw = RawDoc {
        source: "prop".into(),
        format: Format::Text,
        content: Content::Bytes {
            bytes: text.into_bytes(),
            declared_charset: None,
        },
        meta: InputMeta {
            published: published.map(str::to_string),
            ..InputMeta::default()
        },
    };
    let (doc, _) = dossier_ingest::prepare(raw);
    let (ex, _) = dossier_nlp::analyze(&doc, &MODELS);
    (doc, ex)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_reference_of_the_dossier_resolves(
        texts in proptest::collection::vec(newsy(), 1..4),
        dated in any::<bool>(),
    ) {
        let mut partial = dossier_merge::PartialDossier::new();
        for (i, text) in texts.into_iter().enumerate() {
            // Distinct texts make distinct documents (the merge deduplicates by content).
            let (doc, ex) = document(format!("{text} [{i}]"), dated.then_some("2025-03-10"));
            partial.add(doc, ex);
        }
        let d = partial.finish();
        let entity = |id: &str| d.entities.iter().any(|e| e.id == id);
        let in_text = |doc: usize, end: usize| d.documents.get(doc).is_some_and(|x| end <= x.text.len());
        for ev in &d.events {
            if let Some(p) = &ev.place {
                prop_assert!(entity(p), "place {p} of {} is no entity", ev.id);
            }
            if let Some(p) = &ev.perpetrator {
                prop_assert!(entity(p), "perpetrator {p} of {} is no entity", ev.id);
            }
            for m in &ev.mentions {
                prop_assert!(in_text(m.doc, m.span.end), "mention of {} outside its text", ev.id);
            }
            for s in &ev.dates {
                prop_assert!(in_text(s.doc, s.span.end), "date of {} outside its text", ev.id);
            }
        }
        for t in &d.timeline {
            prop_assert!(t.event < d.events.len());
            prop_assert!(d.events[t.event].date.as_deref() == Some(t.date.as_str()));
        }
        for e in &d.entities {
            for f in &e.facts {
                prop_assert!(in_text(f.span.doc, f.span.span.end), "fact of {} outside its text", e.id);
                prop_assert!(!f.value.is_empty());
            }
        }
        for x in &d.discrepancies {
            prop_assert!(x.event.is_none_or(|e| e < d.events.len()));
            for v in &x.values {
                prop_assert!(in_text(v.doc, v.span.end), "discrepancy value outside its text");
            }
        }
    }
}

/// The property's pieces do reach what it checks: an event with a place, a date and a
/// perpetrator, a discrepancy, and an actor's facts.
#[test]
fn the_pieces_make_events_with_perpetrators() {
    let mut partial = dossier_merge::PartialDossier::new();
    for (i, text) in [
        "The Coastal Liberation Front carried out a bombing in Dravosk on 7 March 2025. At least 31 people were killed.",
        "The Coastal Liberation Front carried out a bombing in Dravosk on 7 March 2025. Nearly 40 people were killed. The Coastal Liberation Front was formed in 2019 by former members of the Dockers' Union. The group has about 200 fighters and funds its operations through smuggling, police say. Coastal Liberation Front leader Henrik Abo fled.",
    ]
    .into_iter()
    .enumerate()
    {
        let (doc, ex) = document(format!("{text} [{i}]"), Some("2025-03-10"));
        partial.add(doc, ex);
    }
    let d = partial.finish();
    let bombing = d
        .events
        .iter()
        .find(|e| e.kind == "bombing")
        .expect("a bombing");
    assert_eq!(bombing.date.as_deref(), Some("2025-03-07"));
    assert!(
        bombing.place.is_some() && bombing.perpetrator.is_some(),
        "{bombing:?}"
    );
    assert!(!d.discrepancies.is_empty());
    let front = d
        .entities
        .iter()
        .find(|e| e.name == "Coastal Liberation Front")
        .expect("the group");
    let kinds: Vec<&str> = front.facts.iter().map(|f| f.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["founded", "leader", "strength", "funding"],
        "{:?}",
        front.facts
    );
}
