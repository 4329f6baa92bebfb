//! The JSON contracts of dossier, written in one place.
//!
//! Internally every offset is a byte offset into a document's text; the contracts (DESIGN.md)
//! speak in Unicode code points. [`CodePoints`] converts, and [`extraction_line`] writes the
//! one-line JSON object that `dossier extract` prints for each document. The dossier renders as
//! the JSON contract ([`dossier_json`]), Markdown ([`dossier_markdown`]) and a self-contained
//! HTML page ([`dossier_html`]); all three read the same [`Dossier`](dossier_model::Dossier)
//! and derive nothing of their own beyond presentation.

mod codepoints;
mod dossier_json;
mod extraction;
mod html;
mod markdown;
mod read;
mod view;

pub use codepoints::CodePoints;
pub use dossier_json::{dossier_json, write_dossier_json, SpanWriter};
pub use extraction::{extraction_line, write_extraction_line};
pub use html::dossier_html;
pub use markdown::dossier_markdown;
pub use read::read_extraction_line;

#[cfg(test)]
mod tests;
