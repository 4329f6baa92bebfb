//! Analysis of one document: a pure function of the document (and, as they land, the models).
//!
//! [`analyze`] tokenizes, splits sentences and runs the annotators. It never fails: whatever the
//! text, it returns an [`Extraction`] and the warnings that go with it (DESIGN.md: "Analysis
//! never fails"). It reads no clock and no global state, so documents are analyzed in parallel.

pub mod sentences;
pub mod tokenize;

use dossier_model::{Document, Extraction, Warning};

/// Analyzes one document.
///
/// The annotators for entities, time expressions, figures, quotes and assertions are not built
/// yet (issues 3 to 5); until they are, those lists are empty and the tokens and sentences are
/// what analysis produces.
pub fn analyze(doc: &Document) -> (Extraction, Vec<Warning>) {
    let tokens = tokenize::tokenize(&doc.text);
    let sentences = sentences::split(&doc.text, &tokens);
    let extraction = Extraction { doc_id: doc.id.clone(), tokens, sentences, ..Extraction::default() };
    (extraction, Vec::new())
}
