//! Rankings: what a source says an event was the worst, deadliest or biggest of ("the biggest
//! terrorist attack in Europe", "Russia's worst terrorist atrocity since Beslan"). Sources that
//! rank one event differently disagree about its scale, and the dossier says so.
//!
//! A ranked trigger is a reference to an event, not a new one: the place and the time in its
//! scope ("in Europe", "in 20 years") are the comparison's, never the event's, so
//! [`crate::events::find_mentions`] leaves such a mention unanchored and it joins the event its
//! document reports.

use crate::events::EventMention;
use dossier_model::{
    Discrepancy, DiscrepancyKind, DiscrepancyValue, Document, Event, Span, Token, TokenKind,
};
use std::collections::{BTreeMap, BTreeSet};

/// Superlatives that rank an event; "most" ranks with the adjective after it ("the most
/// lethal attack").
pub const SUPERLATIVES: &[&str] = &[
    "worst",
    "deadliest",
    "bloodiest",
    "biggest",
    "largest",
    "most",
    "greatest",
];

/// Words a ranking's scope may run through after its noun: prepositions, determiners and the
/// nouns of time and territory ("since Beslan", "in 20 years", "on European soil", "in its
/// history"). Capitalized words and numbers always may.
const SCOPE_WORDS: &[&str] = &[
    "in", "since", "on", "of", "for", "ever", "the", "a", "its", "their", "this", "recent",
    "modern", "years", "decades", "months", "history", "record", "soil", "times", "memory",
];

/// The ranking phrase around the trigger at token `at`, from the superlative to the end of its
/// scope: "worst terrorist atrocity since Beslan". The superlative stands at most three words
/// before the trigger ("the deadliest single terror attack").
pub fn phrase(text: &str, tokens: &[Token], at: usize) -> Option<Span> {
    let word = |t: &Token| t.span.slice(text).to_lowercase();
    let start = (at.saturating_sub(3)..at).find(|&i| {
        tokens[i].kind == TokenKind::Word && SUPERLATIVES.contains(&word(&tokens[i]).as_str())
    })?;
    // Nothing but words between the superlative and the trigger: "the worst, he said, attack"
    // is no phrase.
    if tokens[start..at].iter().any(|t| t.kind != TokenKind::Word) {
        return None;
    }
    let mut end = tokens[at].span.end;
    for t in tokens[at + 1..].iter().take(6) {
        let w = t.span.slice(text);
        let scope = matches!(t.kind, TokenKind::Word | TokenKind::Number)
            && (SCOPE_WORDS.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
        if !scope {
            break;
        }
        end = t.span.end;
    }
    // A scope ends on its last content word, not on a dangling "in the".
    let last = tokens
        .iter()
        .rposition(|t| {
            t.span.end <= end && t.span.start >= tokens[at].span.start && {
                let w = t.span.slice(text).to_lowercase();
                !matches!(
                    w.as_str(),
                    "in" | "since" | "on" | "of" | "for" | "the" | "a" | "its" | "their" | "this"
                )
            }
        })
        .map_or(tokens[at].span.end, |i| tokens[i].span.end);
    Some(Span::new(tokens[start].span.start, last))
}

/// One discrepancy per event that two or more sources rank with different words.
pub fn discrepancies(
    docs: &[(Document, dossier_model::Extraction)],
    mentions: &[EventMention],
    cluster_of: &[usize],
    events: &[Event],
) -> Vec<Discrepancy> {
    let mut by_event: BTreeMap<usize, Vec<DiscrepancyValue>> = BTreeMap::new();
    for (m, &e) in mentions.iter().zip(cluster_of) {
        if let Some(span) = m.ranking {
            let text = span.slice(&docs[m.at.doc].0.text);
            let values = by_event.entry(e).or_default();
            if !values.iter().any(|v| v.doc == m.at.doc && v.span == span) {
                values.push(DiscrepancyValue {
                    doc: m.at.doc,
                    value: text.to_string(),
                    span,
                });
            }
        }
    }
    by_event
        .into_iter()
        .filter_map(|(e, values)| {
            let sources: BTreeSet<usize> = values.iter().map(|v| v.doc).collect();
            let wordings: BTreeSet<String> =
                values.iter().map(|v| v.value.to_lowercase()).collect();
            (sources.len() > 1 && wordings.len() > 1).then(|| Discrepancy {
                kind: DiscrepancyKind::Ranking,
                about: format!("how {} ranks", events[e].id),
                event: Some(e),
                measure: Some("ranking".into()),
                values,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words and punctuation as tokens, enough for phrases.
    fn tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap();
            if c.is_whitespace() {
                i += c.len_utf8();
            } else if c.is_alphanumeric() {
                let start = i;
                while i < text.len() && text[i..].chars().next().unwrap().is_alphanumeric() {
                    i += text[i..].chars().next().unwrap().len_utf8();
                }
                out.push(Token {
                    span: Span::new(start, i),
                    kind: TokenKind::Word,
                });
            } else {
                out.push(Token {
                    span: Span::new(i, i + c.len_utf8()),
                    kind: TokenKind::Punct,
                });
                i += c.len_utf8();
            }
        }
        out
    }

    #[test]
    fn ranking_phrases() {
        // (sentence, trigger word, the phrase)
        let cases = [
            (
                "This is the biggest terrorist attack in Europe, bigger than the Bataclan.",
                "attack",
                Some("biggest terrorist attack in Europe"),
            ),
            (
                "It was Russia's worst terrorist atrocity since Beslan and is the deadliest.",
                "atrocity",
                Some("worst terrorist atrocity since Beslan"),
            ),
            (
                "They failed to stop the worst terror plot in 20 years unfolding beneath them.",
                "plot",
                Some("worst terror plot in 20 years"),
            ),
            (
                "The deadliest attack on European soil.",
                "attack",
                Some("deadliest attack on European soil"),
            ),
            ("The attack in Moscow killed 140.", "attack", None),
            ("The worst, he said, attack.", "attack", None),
        ];
        for (text, trigger, want) in cases {
            let toks = tokens(text);
            let at = toks
                .iter()
                .position(|t| t.span.slice(text) == trigger)
                .unwrap();
            let got = phrase(text, &toks, at).map(|s| s.slice(text));
            assert_eq!(got, want, "{text}");
        }
    }
}
