//! Clauses within a sentence, cut at the words that join clauses, and what a figure shares
//! its clause with: the context the dossier uses to attach a figure to an event.
//!
//! A clause here is a stretch of a sentence between boundaries (`;`, a dash, a parenthesis,
//! `and`, `but`, `including`, `while`, `whereas`): no parser, but enough to tell "hundreds
//! across Asia since 2021" from "at least 143 at a rock concert 10 days ago" in one sentence.

use dossier_model::{Entity, Figure, FigureContext, Span, Timex, Token};

fn is_boundary(text: &str, t: &Token) -> bool {
    let w = t.span.slice(text);
    matches!(w, ";" | "—" | "–" | "(" | ")")
        || ["and", "but", "including", "while", "whereas"]
            .iter()
            .any(|b| w.eq_ignore_ascii_case(b))
}

/// The clause `span` stands in: from the nearest boundary before it to the nearest after it,
/// within its sentence (the sentence itself when none contains the span).
pub fn clause_of(text: &str, tokens: &[Token], sentences: &[Span], span: Span) -> Span {
    let sentence = sentences
        .iter()
        .copied()
        .find(|s| s.start <= span.start && span.end <= s.end)
        .unwrap_or(span);
    let at = tokens.partition_point(|t| t.span.start < span.start);
    // The tokens of the sentence before and after the span, up to a boundary.
    let before = tokens[..at]
        .iter()
        .rev()
        .take_while(|t| t.span.start >= sentence.start && !is_boundary(text, t));
    let after = tokens[at..]
        .iter()
        .filter(|t| t.span.start >= span.end)
        .take_while(|t| t.span.end <= sentence.end && !is_boundary(text, t));
    let start = before.last().map_or(span.start, |t| t.span.start);
    let end = after.last().map_or(span.end, |t| t.span.end);
    Span::new(start.min(span.start), end.max(span.end))
}

/// Fills each figure's [`FigureContext`]: its sentence, its clause, and the entities and time
/// expressions inside that clause.
pub fn attach_figure_contexts(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
    timexes: &[Timex],
    figures: &mut [Figure],
) {
    for f in figures {
        let sentence = sentences
            .iter()
            .copied()
            .find(|s| s.start <= f.span.start && f.span.end <= s.end)
            .unwrap_or(f.span);
        let clause = clause_of(text, tokens, sentences, f.span);
        f.context = Some(FigureContext {
            sentence,
            clause,
            entities: (0..entities.len())
                .filter(|&i| clause.contains(entities[i].span))
                .collect(),
            timexes: (0..timexes.len())
                .filter(|&i| clause.contains(timexes[i].span))
                .collect(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{sentences, tokenize::tokenize};

    #[test]
    fn clauses_split_at_joining_words() {
        let text = "It has slaughtered hundreds across Asia since 2021 and at least 143 at a concert 10 days ago. Next.";
        let tokens = tokenize(text);
        let sents = sentences::split(text, &tokens);
        let at = |needle: &str| {
            let s = text.find(needle).unwrap();
            Span::new(s, s + needle.len())
        };
        assert_eq!(
            clause_of(text, &tokens, &sents, at("hundreds")).slice(text),
            "It has slaughtered hundreds across Asia since 2021"
        );
        assert_eq!(
            clause_of(text, &tokens, &sents, at("at least 143")).slice(text),
            "at least 143 at a concert 10 days ago."
        );
    }
}
