//! Tests of the dossier renderers on a small hand-built dossier.

use crate::{dossier_html, dossier_json, dossier_markdown};
use dossier_model::*;

fn sample() -> Dossier {
    let text =
        "<script>alert('x')</script> At least 31 died in Dravosk on Friday, the coastguard said."
            .to_string();
    let at = |s: &str| {
        let start = text.find(s).unwrap();
        DocSpan {
            doc: 0,
            span: Span::new(start, start + s.len()),
        }
    };
    let text2 = "Nearly 40 died in Dravosk.".to_string();
    let at2 = |s: &str| {
        let start = text2.find(s).unwrap();
        DocSpan {
            doc: 1,
            span: Span::new(start, start + s.len()),
        }
    };
    let report = |at: DocSpan, v: i64, q: Qualifier, published: &str| FigureReport {
        doc: at.doc,
        published: Some(published.into()),
        value: FigureValue::Exact(v),
        qualifier: q,
        vague: false,
        span: at.span,
    };
    Dossier {
        documents: vec![
            Document {
                id: "courier".into(),
                outlet: Some("Courier <blink>".into()),
                text: text.clone(),
                ..Document::default()
            },
            Document {
                id: "meridian".into(),
                outlet: Some("Meridian".into()),
                text: text2.clone(),
                ..Document::default()
            },
        ],
        entities: vec![ResolvedEntity {
            id: "dravosk".into(),
            name: "Dravosk".into(),
            kind: EntityType::Location,
            aliases: vec!["Dravosk".into()],
            mentions: vec![at("Dravosk"), at2("Dravosk")],
            place: None,
            facts: Vec::new(),
        }],
        events: vec![Event {
            id: "attack-dravosk-2025-03-07".into(),
            kind: "attack".into(),
            date: Some("2025-03-07".into()),
            place: Some("dravosk".into()),
            perpetrator: None,
            theme: None,
            mentions: vec![at("died"), at2("died")],
            dates: vec![SourceDate {
                doc: 0,
                value: "2025-03-07".into(),
                span: at("Friday").span,
            }],
            figures: vec![FigureGroup {
                measure: "killed".into(),
                low: 31,
                high: 40,
                conservative: 31,
                reports: vec![
                    report(at("At least 31"), 31, Qualifier::AtLeast, "2025-03-08"),
                    report(at2("Nearly 40"), 40, Qualifier::Nearly, "2025-03-10"),
                ],
            }],
        }],
        timeline: vec![TimelineEntry {
            date: "2025-03-07".into(),
            event: 0,
        }],
        quotes: vec![],
        claims: vec![],
        discrepancies: vec![Discrepancy {
            kind: DiscrepancyKind::Figure,
            about: "killed".into(),
            event: Some(0),
            measure: Some("killed".into()),
            values: vec![
                DiscrepancyValue {
                    doc: 0,
                    value: "at least 31".into(),
                    span: at("At least 31").span,
                },
                DiscrepancyValue {
                    doc: 1,
                    value: "nearly 40".into(),
                    span: at2("Nearly 40").span,
                },
            ],
        }],
    }
}

#[test]
fn html_escapes_article_text_and_is_self_contained() {
    let html = dossier_html(&sample());
    assert!(
        !html.contains("<script"),
        "article markup must render as text"
    );
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(
        !html.contains("<blink>") && html.contains("Courier &lt;blink&gt;"),
        "metadata is escaped too"
    );
    // The one URL is the SVG namespace, which is a name, not a resource.
    assert_eq!(
        html.matches("http").count(),
        1,
        "no URL but the SVG namespace"
    );
    assert!(
        !html.contains("src=") && !html.contains("<link"),
        "no external resources"
    );
    assert!(html.contains("<svg"), "the timeline is drawn");
    // Every citation link has its target in the page.
    for link in html.split("href=\"#").skip(1) {
        let target = &link[..link.find('"').unwrap()];
        assert!(
            html.contains(&format!("id=\"{target}\"")),
            "dangling link #{target}"
        );
    }
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(dossier_markdown(&sample()));
}

#[test]
fn json_snapshot() {
    insta::assert_json_snapshot!(dossier_json(&sample()));
}

#[test]
fn streamed_json_is_byte_for_byte_the_value_tree_pretty_printed() {
    let d = sample();
    let mut streamed = Vec::new();
    crate::write_dossier_json(&d, &mut streamed).unwrap();
    let tree = serde_json::to_string_pretty(&dossier_json(&d)).unwrap();
    assert_eq!(String::from_utf8(streamed).unwrap(), tree);
}
