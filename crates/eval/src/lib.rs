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

/// Precision, recall and F1 from true positives and the predicted and gold counts (0 where a
/// count is 0).
pub fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, predicted), ratio(tp, gold));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}
