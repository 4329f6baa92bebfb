//! Quotes (placeholder until the annotator lands): finds nothing.
use dossier_model::{Entity, Quote, Span, Token};

/// Direct and reported speech with speaker and cue spans.
pub fn annotate(_text: &str, _tokens: &[Token], _sentences: &[Span], _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
