//! Evaluation of dossier's stages: each function reads a data set from `../shared/` (or a path
//! given), runs the stage and returns its scores. The `dossier eval …` commands print them.
//! A missing data set is an error, never a skipped evaluation.

pub mod clean;
pub mod coref;
pub mod ecb;
pub mod figures;
pub mod html;
pub mod ner;
pub mod quotes;
pub mod seeds;
pub mod timex;
