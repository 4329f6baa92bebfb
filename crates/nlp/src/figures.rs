//! Figures (placeholder until the annotator lands): finds nothing.
use dossier_model::{Figure, Span, Token};

/// Casualty and size figures with their qualifiers.
pub fn annotate(_text: &str, _tokens: &[Token], _sentences: &[Span]) -> Vec<Figure> {
    Vec::new()
}
