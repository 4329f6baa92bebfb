//! Main-text extraction scored on trafilatura's evaluation set (see its README for the rule).
//!
//! Each case names a page and two lists of short segments: text that must appear in the extracted
//! main text (`with`) and boilerplate that must not (`without`). Output and segments are
//! whitespace-normalised and matched as case-sensitive substrings; the four counts are summed over
//! the corpus (micro-averaged), as trafilatura's own evaluation does, so our figures sit beside its
//! published table. Metadata (title, date) is compared against the annotations where present, as
//! a side figure that does not enter the main score.

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use serde::Deserialize;
use std::path::Path;
use std::time::Instant;

/// trafilatura 2.2.0 "standard" on this corpus, from its published table (P, R, accuracy, F1).
pub const TRAFILATURA_STANDARD: (f64, f64, f64, f64) = (0.906, 0.943, 0.923, 0.924);

#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlScores {
    pub documents: usize,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
    /// Wall-clock seconds spent in `extract` summed over pages (single-thread equivalent).
    pub seconds: f64,
    /// Cases whose annotation gives a title, and how many of ours match it exactly (normalised).
    pub titles: usize,
    pub titles_correct: usize,
    /// Cases whose annotation gives a date, and how many of ours have the same calendar day.
    pub dates: usize,
    pub dates_correct: usize,
}

impl HtmlScores {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn accuracy(&self) -> f64 {
        ratio(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
    /// Pages per second on one thread.
    pub fn pages_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.documents as f64 / self.seconds
        } else {
            0.0
        }
    }

    fn add(&mut self, o: &HtmlScores) {
        self.documents += o.documents;
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.tn += o.tn;
        self.seconds += o.seconds;
        self.titles += o.titles;
        self.titles_correct += o.titles_correct;
        self.dates += o.dates;
        self.dates_correct += o.dates_correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl std::fmt::Display for HtmlScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (p, r, a, f1) = TRAFILATURA_STANDARD;
        writeln!(
            f,
            "{} documents: TP {} FP {} FN {} TN {}",
            self.documents, self.tp, self.fp, self.fn_, self.tn
        )?;
        writeln!(
            f,
            "{:<30} {:>9} {:>9} {:>9} {:>9}",
            "extractor", "precision", "recall", "accuracy", "F1"
        )?;
        writeln!(
            f,
            "{:<30} {:>9.3} {:>9.3} {:>9.3} {:>9.3}",
            "dossier-html",
            self.precision(),
            self.recall(),
            self.accuracy(),
            self.f1()
        )?;
        writeln!(
            f,
            "{:<30} {:>9.3} {:>9.3} {:>9.3} {:>9.3}",
            "trafilatura 2.2.0 (published)", p, r, a, f1
        )?;
        writeln!(
            f,
            "metadata: title {}/{} ({:.3}), date {}/{} ({:.3})",
            self.titles_correct,
            self.titles,
            ratio(self.titles_correct, self.titles),
            self.dates_correct,
            self.dates,
            ratio(self.dates_correct, self.dates)
        )?;
        write!(
            f,
            "speed: {:.1} pages/s on one thread ({:.2} s in extract)",
            self.pages_per_second(),
            self.seconds
        )
    }
}

/// One line of `cases.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    pub file: String,
    #[serde(default)]
    pub with: Vec<String>,
    #[serde(default)]
    pub without: Vec<String>,
    #[serde(default)]
    pub meta: Option<serde_json::Value>,
}

/// Collapses every run of whitespace to one space and trims, as the scoring rule requires.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Scores one extracted text against one case's segments (an absent text is a failed extraction:
/// every `with` is missed, every `without` absent).
pub fn score_text(text: Option<&str>, with: &[String], without: &[String]) -> HtmlScores {
    let mut s = HtmlScores {
        documents: 1,
        ..HtmlScores::default()
    };
    let Some(text) = text else {
        s.fn_ = with.len();
        s.tn = without.len();
        return s;
    };
    let text = normalize(text);
    for seg in with {
        if text.contains(&normalize(seg)) {
            s.tp += 1;
        } else {
            s.fn_ += 1;
        }
    }
    for seg in without {
        if text.contains(&normalize(seg)) {
            s.fp += 1;
        } else {
            s.tn += 1;
        }
    }
    s
}

/// Reads `cases.jsonl` from the data set folder.
pub fn read_cases(dir: &Path) -> Result<Vec<Case>> {
    let path = dir.join("cases.jsonl");
    if !path.is_file() {
        bail!(
            "{} not found: expected the html-extraction data set (cases.jsonl and pages/) in {}",
            path.display(),
            dir.display()
        );
    }
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    raw.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l)
                .with_context(|| format!("{}:{}: bad case", path.display(), n + 1))
        })
        .collect()
}

/// Decodes a page the way ingestion does: a BOM, else the page's own `<meta charset>`, else
/// UTF-8 or a statistical guess.
pub fn decode_page(bytes: &[u8]) -> String {
    let declared = dossier_html::sniff_meta_charset(bytes);
    dossier_ingest::encoding::decode(bytes, declared.as_deref()).text
}

/// One case's outcome, kept for failure analysis.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub file: String,
    pub scores: HtmlScores,
    pub missed: Vec<String>,
    pub leaked: Vec<String>,
    pub text: String,
    pub article: dossier_html::Article,
}

fn title_matches(ours: Option<&str>, expected: &str) -> bool {
    ours.is_some_and(|t| normalize(t) == normalize(expected))
}

/// Runs one case.
pub fn run_case(dir: &Path, case: &Case) -> Result<CaseResult> {
    let path = dir.join("pages").join(&case.file);
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    let html = decode_page(&bytes);
    let start = Instant::now();
    let article = dossier_html::extract(&html);
    let seconds = start.elapsed().as_secs_f64();
    let mut scores = score_text(Some(&article.text), &case.with, &case.without);
    scores.seconds = seconds;
    let norm = normalize(&article.text);
    let missed = case
        .with
        .iter()
        .filter(|s| !norm.contains(&normalize(s)))
        .cloned()
        .collect();
    let leaked = case
        .without
        .iter()
        .filter(|s| norm.contains(&normalize(s)))
        .cloned()
        .collect();
    if let Some(meta) = &case.meta {
        if let Some(t) = meta
            .get("title")
            .and_then(|t| t.as_str())
            .filter(|t| !t.trim().is_empty())
        {
            scores.titles = 1;
            scores.titles_correct = usize::from(title_matches(article.title.as_deref(), t));
        }
        if let Some(d) = meta
            .get("date")
            .and_then(|d| d.as_str())
            .filter(|d| d.len() >= 10)
        {
            scores.dates = 1;
            scores.dates_correct = usize::from(
                article
                    .published
                    .as_deref()
                    .is_some_and(|p| p.get(..10) == d.get(..10)),
            );
        }
    }
    Ok(CaseResult {
        file: case.file.clone(),
        scores,
        missed,
        leaked,
        text: article.text.clone(),
        article,
    })
}

/// Runs every case in parallel and keeps each result.
pub fn run_all(dir: &Path) -> Result<Vec<CaseResult>> {
    let cases = read_cases(dir)?;
    cases.par_iter().map(|c| run_case(dir, c)).collect()
}

/// Scores the extractor on the html-extraction data set in `dir`.
pub fn evaluate(dir: &Path) -> Result<HtmlScores> {
    let results = run_all(dir)?;
    let mut total = HtmlScores::default();
    for r in &results {
        total.add(&r.scores);
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn counts_all_four_outcomes() {
        let s = score_text(
            Some("Alpha beta\n\n gamma delta."),
            &v(&["beta gamma", "missing"]),
            &v(&["delta", "menu"]),
        );
        assert_eq!((s.tp, s.fn_, s.fp, s.tn), (1, 1, 1, 1));
    }

    #[test]
    fn matching_is_case_sensitive_and_whitespace_blind() {
        let s = score_text(
            Some("The  Quick\tfox"),
            &v(&["the quick", "The Quick  fox"]),
            &v(&[]),
        );
        assert_eq!((s.tp, s.fn_), (1, 1));
    }

    #[test]
    fn failed_extraction_misses_everything_and_leaks_nothing() {
        let s = score_text(None, &v(&["a", "b"]), &v(&["c"]));
        assert_eq!((s.tp, s.fn_, s.fp, s.tn), (0, 2, 0, 1));
    }

    #[test]
    fn metrics_follow_the_published_formulas() {
        let s = HtmlScores {
            documents: 1,
            tp: 8,
            fp: 2,
            fn_: 2,
            tn: 8,
            ..HtmlScores::default()
        };
        assert!((s.precision() - 0.8).abs() < 1e-12);
        assert!((s.recall() - 0.8).abs() < 1e-12);
        assert!((s.accuracy() - 0.8).abs() < 1e-12);
        assert!((s.f1() - 0.8).abs() < 1e-12);
        assert_eq!(HtmlScores::default().f1(), 0.0);
    }

    #[test]
    fn missing_cases_file_is_an_error() {
        let dir = std::env::temp_dir().join("dossier-eval-no-such-dataset");
        let err = evaluate(&dir).unwrap_err().to_string();
        assert!(err.contains("cases.jsonl"), "{err}");
    }

    #[test]
    fn display_shows_ours_and_the_published_line() {
        let s = HtmlScores {
            documents: 2,
            tp: 3,
            fp: 1,
            fn_: 1,
            tn: 3,
            seconds: 0.5,
            ..HtmlScores::default()
        };
        let shown = s.to_string();
        assert!(
            shown.contains("dossier-html")
                && shown.contains("trafilatura")
                && shown.contains("0.924")
        );
    }
}
