//! Time expressions scored the way the TempEval-3 toolkit scores them, on TempEval-3
//! (`../shared/data/tempeval3/train.jsonl`) and on the seeds' gold annotation.
//!
//! - **Strict** span match: same start and end. **Relaxed**: any overlap (each gold and each
//!   predicted expression matched at most once, in text order).
//! - **Value** and **type**: judged on the relaxed matches. Accuracy = correct / matched; the
//!   attribute F1 (the toolkit's "value F1") counts a prediction as right only when it matches a
//!   gold span and its value is right: P = correct / predicted, R = correct / gold.
//!
//! TempEval documents are fed with their `dct` as the reference date and run through our own
//! tokenizer and sentence splitter; the seeds go through the real cleaning pipeline
//! (`dossier_ingest::prepare`) with the gold publication date, and predicted spans are mapped
//! back to the raw files through the document's source map.

use anyhow::{Context, Result};
use dossier_model::Timex;
use serde_json::Value;
use std::fmt;
use std::path::Path;

/// One gold or predicted expression, in code points of the scored text.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub value: String,
}

/// Counts and the errors behind them.
#[derive(Debug, Default, Clone)]
pub struct TimexScores {
    pub name: String,
    pub gold: usize,
    pub predicted: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub value_correct: usize,
    pub type_correct: usize,
    /// Gold expressions nothing overlapped.
    pub missed: Vec<Item>,
    /// Predictions that overlap no gold expression.
    pub spurious: Vec<Item>,
    /// Relaxed matches with a wrong value or type: (gold, predicted).
    pub wrong: Vec<(Item, Item)>,
    /// Relaxed matches whose extent differs: (gold, predicted).
    pub extent: Vec<(Item, Item)>,
}

use crate::prf;

impl TimexScores {
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        prf(self.strict, self.predicted, self.gold)
    }
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        prf(self.relaxed, self.predicted, self.gold)
    }
    pub fn value_prf(&self) -> (f64, f64, f64) {
        prf(self.value_correct, self.predicted, self.gold)
    }
    pub fn type_prf(&self) -> (f64, f64, f64) {
        prf(self.type_correct, self.predicted, self.gold)
    }
    pub fn value_accuracy(&self) -> f64 {
        if self.relaxed == 0 {
            0.0
        } else {
            self.value_correct as f64 / self.relaxed as f64
        }
    }
    pub fn type_accuracy(&self) -> f64 {
        if self.relaxed == 0 {
            0.0
        } else {
            self.type_correct as f64 / self.relaxed as f64
        }
    }

    /// Scores one document's predictions against its gold expressions.
    pub fn add(&mut self, gold: &[Item], pred: &[Item]) {
        self.gold += gold.len();
        self.predicted += pred.len();
        let mut used = vec![false; pred.len()];
        for g in gold {
            // The best overlapping prediction: exact extent first, then the largest overlap.
            let best = pred
                .iter()
                .enumerate()
                .filter(|(k, p)| !used[*k] && p.start < g.end && g.start < p.end)
                .max_by_key(|(_, p)| {
                    (
                        (p.start == g.start && p.end == g.end),
                        p.end.min(g.end) - p.start.max(g.start),
                    )
                });
            match best {
                Some((k, p)) => {
                    used[k] = true;
                    self.relaxed += 1;
                    if p.start == g.start && p.end == g.end {
                        self.strict += 1;
                    } else {
                        self.extent.push((g.clone(), p.clone()));
                    }
                    let value_ok = p.value == g.value;
                    let type_ok = p.kind == g.kind;
                    self.value_correct += usize::from(value_ok);
                    self.type_correct += usize::from(type_ok);
                    if !value_ok || !type_ok {
                        self.wrong.push((g.clone(), p.clone()));
                    }
                }
                None => self.missed.push(g.clone()),
            }
        }
        for (k, p) in pred.iter().enumerate() {
            if !used[k] && !gold.iter().any(|g| p.start < g.end && g.start < p.end) {
                self.spurious.push(p.clone());
            }
        }
    }
}

impl TimexScores {
    /// Every error, one per line, grouped: wrong values or types, wrong extents, missed gold
    /// expressions, spurious predictions.
    pub fn error_list(&self) -> String {
        use fmt::Write;
        let mut out = String::new();
        let show = |i: &Item| {
            format!(
                "{} {}:{}  {:?} {} {}",
                i.doc, i.start, i.end, i.text, i.kind, i.value
            )
        };
        let groups: [(&str, &[(Item, Item)]); 2] = [
            ("wrong value or type", &self.wrong),
            ("extent", &self.extent),
        ];
        for (title, pairs) in groups {
            let _ = writeln!(out, "{title} ({}): gold | predicted", pairs.len());
            for (g, p) in pairs {
                let predicted = format!("{:?} {} {}", p.text, p.kind, p.value);
                let _ = writeln!(out, "  {} | {predicted}", show(g));
            }
        }
        for (title, items) in [("missed", &self.missed), ("spurious", &self.spurious)] {
            let _ = writeln!(out, "{title} ({}):", items.len());
            for i in items {
                let _ = writeln!(out, "  {}", show(i));
            }
        }
        out
    }
}

impl fmt::Display for TimexScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sp, sr, sf) = self.strict_prf();
        let (rp, rr, rf) = self.relaxed_prf();
        let (vp, vr, vf) = self.value_prf();
        let (_, _, tf) = self.type_prf();
        writeln!(
            f,
            "time expressions: {} (gold {}, predicted {})",
            self.name, self.gold, self.predicted
        )?;
        writeln!(f, "  strict span   P {sp:.3}  R {sr:.3}  F1 {sf:.3}")?;
        writeln!(f, "  relaxed span  P {rp:.3}  R {rr:.3}  F1 {rf:.3}")?;
        writeln!(
            f,
            "  value         P {vp:.3}  R {vr:.3}  F1 {vf:.3}  (accuracy on relaxed matches {:.3})",
            self.value_accuracy()
        )?;
        write!(
            f,
            "  type          F1 {tf:.3}  (accuracy on relaxed matches {:.3})",
            self.type_accuracy()
        )
    }
}

/// Our expressions in `text` (byte spans) as items with code-point offsets.
fn items(doc: &str, text: &str, timexes: &[Timex]) -> Vec<Item> {
    let cp = CodePoints::new(text);
    timexes
        .iter()
        .map(|t| Item {
            doc: doc.to_string(),
            start: cp.at(t.span.start),
            end: cp.at(t.span.end),
            text: text.get(t.span.start..t.span.end).unwrap_or("").to_string(),
            kind: t.kind.as_str().to_string(),
            value: t.value.clone(),
        })
        .collect()
}

/// Byte offset → code-point offset.
struct CodePoints {
    starts: Vec<usize>,
}

impl CodePoints {
    fn new(text: &str) -> CodePoints {
        CodePoints {
            starts: text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect(),
        }
    }
    fn at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&b| b < byte)
    }
}

fn gold_items(doc: &str, list: &Value, text_of: impl Fn(usize, usize) -> String) -> Vec<Item> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| {
            let (s, e) = (t["start"].as_u64()? as usize, t["end"].as_u64()? as usize);
            Some(Item {
                doc: doc.to_string(),
                start: s,
                end: e,
                text: t["text"]
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| text_of(s, e)),
                kind: t["type"].as_str().unwrap_or("").to_string(),
                value: t["value"].as_str().unwrap_or("").to_string(),
            })
        })
        .collect()
}

/// Scores the annotator on a TempEval-3 JSON-lines file (`id`, `dct`, `text`, `timexes`).
pub fn evaluate_tempeval(jsonl_path: &Path) -> Result<TimexScores> {
    let data = std::fs::read_to_string(jsonl_path).with_context(|| {
        format!(
            "reading {} (the TempEval-3 data: ../shared/data/tempeval3/train.jsonl)",
            jsonl_path.display()
        )
    })?;
    let mut scores = TimexScores {
        name: format!("TempEval-3 {}", jsonl_path.display()),
        ..TimexScores::default()
    };
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{} is not JSON", jsonl_path.display(), n + 1))?;
        let id = v["id"].as_str().unwrap_or("").to_string();
        let text = v["text"].as_str().context("a line without `text`")?;
        let dct = v["dct"]
            .as_str()
            .and_then(|d| d.get(..10))
            .and_then(|d| d.parse::<jiff::civil::Date>().ok());
        let tokens = dossier_nlp::tokenize::tokenize(text);
        let sentences = dossier_nlp::sentences::split(text, &tokens);
        let timexes = dossier_nlp::time::annotate(text, &tokens, &sentences, dct);
        let pred = items(&id, text, &timexes);
        let chars: Vec<char> = text.chars().collect();
        let gold = gold_items(&id, &v["timexes"], |s, e| {
            chars
                .get(s..e)
                .map(|c| c.iter().collect())
                .unwrap_or_default()
        });
        scores.add(&gold, &pred);
    }
    Ok(scores)
}

/// Scores the annotator on the seeds' gold time expressions.
pub fn evaluate_seeds_timex(seeds: &Path, gold: &Path) -> Result<TimexScores> {
    let mut scores = TimexScores {
        name: "seeds".to_string(),
        ..TimexScores::default()
    };
    let gold = crate::seeds::load_gold(gold)?;
    for seed in crate::seeds::read_seeds(seeds, &gold, crate::seeds::Dates::Gold)? {
        let text = seed.doc.text.as_str();
        let reference = seed.gold["published"]
            .as_str()
            .and_then(|d| d.get(..10))
            .and_then(|d| d.parse::<jiff::civil::Date>().ok());
        let tokens = dossier_nlp::tokenize::tokenize(text);
        let sentences = dossier_nlp::sentences::split(text, &tokens);
        let timexes = dossier_nlp::time::annotate(text, &tokens, &sentences, reference);
        let pred: Vec<Item> = timexes
            .iter()
            .map(|t| {
                let (s, e) = seed.to_raw_cp(t.span.start, t.span.end);
                Item {
                    doc: seed.file.clone(),
                    start: s,
                    end: e,
                    text: t.span.slice(text).to_string(),
                    kind: t.kind.as_str().to_string(),
                    value: t.value.clone(),
                }
            })
            .collect();
        let gold = gold_items(&seed.file, &seed.gold["timexes"], |s, e| {
            seed.raw_text_cp(s, e)
        });
        scores.add(&gold, &pred);
    }
    Ok(scores)
}
