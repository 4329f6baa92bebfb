//! Figures scored on the seeds' gold annotation.
//!
//! A predicted figure is right when its span overlaps a gold figure's and its value, qualifier
//! and measure are all right. Gold measures are fine-grained (`troops_killed`,
//! `civilians_killed`, `territory_share_syria`): a coarse measure that is one of the gold
//! measure's `_`-separated words (`killed`, `share`) counts as right. Gold values are integers
//! or `[low, high]` ranges. Beside the full score, the span-only score (overlap alone).
//!
//! The seeds go through the real cleaning pipeline and predicted spans are mapped back to the
//! raw files (see `seeds::read_seeds`).

use anyhow::Result;
use dossier_model::FigureValue;
use serde_json::Value;
use std::fmt;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct FigureItem {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub measure: String,
    pub value: String,
    pub qualifier: String,
}

#[derive(Debug, Default, Clone)]
pub struct FigureScores {
    pub gold: usize,
    pub predicted: usize,
    /// Overlapping pairs (one-to-one).
    pub span_matched: usize,
    /// Overlapping pairs with value, qualifier and measure right.
    pub correct: usize,
    pub missed: Vec<FigureItem>,
    pub spurious: Vec<FigureItem>,
    /// Overlapping pairs with something wrong: (gold, predicted).
    pub wrong: Vec<(FigureItem, FigureItem)>,
}

use crate::prf;

impl FigureScores {
    pub fn prf(&self) -> (f64, f64, f64) {
        prf(self.correct, self.predicted, self.gold)
    }
    pub fn span_prf(&self) -> (f64, f64, f64) {
        prf(self.span_matched, self.predicted, self.gold)
    }
}

impl fmt::Display for FigureScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (p, r, f1) = self.prf();
        let (sp, sr, sf) = self.span_prf();
        writeln!(
            f,
            "figures on the seeds (gold {}, predicted {})",
            self.gold, self.predicted
        )?;
        writeln!(
            f,
            "  span, value, qualifier and measure  P {p:.3}  R {r:.3}  F1 {f1:.3}"
        )?;
        write!(
            f,
            "  span only                           P {sp:.3}  R {sr:.3}  F1 {sf:.3}"
        )
    }
}

fn value_string(v: &Value) -> String {
    match v {
        Value::Array(a) => format!(
            "[{}, {}]",
            a.first().and_then(Value::as_i64).unwrap_or(0),
            a.get(1).and_then(Value::as_i64).unwrap_or(0)
        ),
        other => other.as_i64().map(|n| n.to_string()).unwrap_or_default(),
    }
}

/// Our measure against the gold's: equal, or one of its words.
pub fn measure_matches(ours: &str, gold: &str) -> bool {
    ours == gold || gold.split('_').any(|w| w == ours)
}

pub fn evaluate_seeds_figures(seeds: &Path, gold: &Path) -> Result<FigureScores> {
    let mut scores = FigureScores::default();
    let gold = crate::seeds::load_gold(gold)?;
    for seed in crate::seeds::read_seeds(seeds, &gold, crate::seeds::Dates::Gold)? {
        let text = seed.doc.text.as_str();
        let tokens = dossier_nlp::tokenize::tokenize(text);
        let sentences = dossier_nlp::sentences::split(text, &tokens);
        let figures = dossier_nlp::figures::annotate(text, &tokens, &sentences);
        let pred: Vec<FigureItem> = figures
            .iter()
            .map(|fg| {
                let (s, e) = seed.to_raw_cp(fg.span.start, fg.span.end);
                FigureItem {
                    doc: seed.file.clone(),
                    start: s,
                    end: e,
                    text: fg.span.slice(text).to_string(),
                    measure: fg.measure.clone(),
                    value: match fg.value {
                        FigureValue::Exact(v) => v.to_string(),
                        FigureValue::Range(lo, hi) => format!("[{lo}, {hi}]"),
                    },
                    qualifier: fg.qualifier.as_str().to_string(),
                }
            })
            .collect();
        let gold: Vec<FigureItem> = seed.gold["figures"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|g| {
                let (s, e) = (g["start"].as_u64()? as usize, g["end"].as_u64()? as usize);
                Some(FigureItem {
                    doc: seed.file.clone(),
                    start: s,
                    end: e,
                    text: seed.raw_text_cp(s, e),
                    measure: g["measure"].as_str().unwrap_or("").to_string(),
                    value: value_string(&g["value"]),
                    qualifier: g["qualifier"].as_str().unwrap_or("").to_string(),
                })
            })
            .collect();
        scores.gold += gold.len();
        scores.predicted += pred.len();
        let mut used = vec![false; pred.len()];
        for g in &gold {
            let hit = pred
                .iter()
                .enumerate()
                .find(|(k, p)| !used[*k] && p.start < g.end && g.start < p.end);
            match hit {
                Some((k, p)) => {
                    used[k] = true;
                    scores.span_matched += 1;
                    if p.value == g.value
                        && p.qualifier == g.qualifier
                        && measure_matches(&p.measure, &g.measure)
                    {
                        scores.correct += 1;
                    } else {
                        scores.wrong.push((g.clone(), p.clone()));
                    }
                }
                None => scores.missed.push(g.clone()),
            }
        }
        for (k, p) in pred.iter().enumerate() {
            if !used[k] {
                scores.spurious.push(p.clone());
            }
        }
    }
    Ok(scores)
}
