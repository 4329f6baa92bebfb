//! Time expressions (placeholder until the annotator lands): finds nothing.
use dossier_model::{Span, Timex, Token};
use jiff::civil::Date;

/// Time expressions with TIMEX3 values resolved against `reference` (the publication date).
pub fn annotate(_text: &str, _tokens: &[Token], _sentences: &[Span], _reference: Option<Date>) -> Vec<Timex> {
    Vec::new()
}

/// The publication date a text implies by its own dates and relative expressions, for inputs
/// that give none.
pub fn infer_reference_date(_text: &str, _tokens: &[Token], _sentences: &[Span]) -> Option<Date> {
    None
}
