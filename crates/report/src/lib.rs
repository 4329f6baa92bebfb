//! The JSON contracts of dossier, written in one place.
//!
//! Internally every offset is a byte offset into a document's text; the contracts (DESIGN.md)
//! speak in Unicode code points. [`CodePoints`] converts, and [`extraction_line`] writes the
//! one-line JSON object that `dossier extract` prints for each document.

mod codepoints;
mod extraction;

pub use codepoints::CodePoints;
pub use extraction::{extraction_line, write_extraction_line};
