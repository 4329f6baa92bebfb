//! Analysis of one document: a pure function of the document and the models.
//!
//! [`analyze`] tokenizes, splits sentences and runs the annotators. It never fails: whatever the
//! text, it returns an [`Extraction`] and the warnings that go with it (DESIGN.md: "Analysis
//! never fails"). It reads no clock and no global state, so documents are analyzed in parallel.
//!
//! Annotators, each a function of the tokenized document:
//! - [`entities`]: names (PER, ORG, LOC, MISC), a trained sequence tagger;
//! - [`time`]: time expressions normalised to TIMEX3 values against the reference date, and
//!   the inference of that date when the input gives none;
//! - [`figures`]: casualty and size figures with their qualifiers;
//! - [`quotes`]: direct and reported speech, with speaker and cue;
//! - [`assertions`]: who claims, blames, denies, warns … and about what.

pub mod assertions;
pub mod clauses;
pub mod entities;
pub mod event_mentions;
pub mod figures;
pub mod quotes;
pub mod sentences;
pub mod syntax;
pub mod time;
pub mod tokenize;

use dossier_model::{Document, Extraction, Warning};

/// The trained models analysis uses, loaded once and shared by every thread.
pub struct Models {
    pub ner: entities::Tagger,
}

impl Models {
    /// The models shipped inside the binary.
    pub fn builtin() -> Models {
        Models {
            ner: entities::Tagger::builtin(),
        }
    }
}

/// Restores the tokens and sentences of an extraction read back from its contract line, which
/// does not carry them (they are a function of the text).
pub fn restore_structure(text: &str, extraction: &mut Extraction) {
    extraction.tokens = tokenize::tokenize(text);
    extraction.sentences = sentences::split(text, &extraction.tokens);
}

/// Analyzes one document.
pub fn analyze(doc: &Document, models: &Models) -> (Extraction, Vec<Warning>) {
    let text = doc.text.as_str();
    let tokens = tokenize::tokenize(text);
    let sentences = sentences::split(text, &tokens);
    let given = doc
        .published_date()
        .and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let inferred = if given.is_none() {
        time::infer_reference_date(text, &tokens, &sentences)
    } else {
        None
    };
    let reference = given.or(inferred);
    let entities = models.ner.annotate(text, &tokens, &sentences);
    let timexes = time::annotate(text, &tokens, &sentences, reference);
    let mut figures = figures::annotate(text, &tokens, &sentences);
    clauses::attach_figure_contexts(text, &tokens, &sentences, &entities, &timexes, &mut figures);
    let quotes = quotes::annotate(text, &tokens, &sentences, &entities);
    let assertions = assertions::annotate(text, &tokens, &sentences, &entities, &quotes);
    let extraction = Extraction {
        doc_id: doc.id.clone(),
        inferred_published: inferred.map(|d| d.to_string()),
        tokens,
        sentences,
        entities,
        timexes,
        figures,
        quotes,
        assertions,
    };
    (extraction, Vec::new())
}
