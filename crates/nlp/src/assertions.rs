//! Assertions (placeholder until the annotator lands): finds nothing.
use dossier_model::{Assertion, Entity, Quote, Span, Token};

/// Claims of responsibility, blame, denials, warnings … with subject and object spans.
pub fn annotate(_text: &str, _tokens: &[Token], _sentences: &[Span], _entities: &[Entity], _quotes: &[Quote]) -> Vec<Assertion> {
    Vec::new()
}
