//! Quotes and assertions scored on PolNeAR (attribution relations) and on the seeds' gold.
//!
//! # PolNeAR, the way BBC's Citron reports PARC 3.0
//! Spans are compared as token ranges (our tokenizer on both sides), per relation:
//! - **cue exact**: a predicted cue equal to some gold cue (precision over predictions, recall
//!   over gold relations);
//! - **source exact** / **content exact**: a predicted relation whose cue overlaps a gold
//!   relation's cue and whose source (content) fragment list equals the gold one, token for
//!   token (an absent source equals an absent source);
//! - **overlap**: the number of tokens a predicted span shares with gold spans of the same
//!   role, summed over all (predicted, gold) pairs, over the predicted tokens (precision) and
//!   the gold tokens (recall).
//!
//! Predicted relations are the annotator's [`attributions`] (fragments sharing a cue joined).
//!
//! Checked against Citron's own scorer (`citron/metrics.py` and `citron/data.py` of
//! github.com/bbc/citron): it too maps character spans to the tokens they touch (no trimming of
//! punctuation: a gold source `Prager,` needs its comma), compares a relation's source and
//! content spans as ordered lists of equal length (an absent source equals an absent source),
//! counts a prediction once if any gold relation matches it and a gold relation once if any
//! prediction matches it, and sums overlaps over all (predicted, gold) pairs. Two differences,
//! both kept on purpose: Citron tests cue overlap as `p.start <= g.end && p.end > g.start`, so
//! a predicted cue that starts right after a gold cue "overlaps" it (an off-by-one we do not
//! copy: the paper says overlap), and a character span starting on whitespace takes the token
//! before it there (one PolNeAR cue or source in 22,000 starts on whitespace). PolNeAR's dev
//! cues and sources are never discontinuous (9 in train); its contents are (fragments split at
//! sentence or line breaks, 301 in dev) and are compared fragment by fragment, as Citron
//! would.
//!
//! # Seeds
//! The real pipeline (`prepare` then `analyze`), spans mapped back to the raw files:
//! - **quote F1**: one-to-one matching of quotes by overlap (and by exact span);
//! - **speaker accuracy**, over matched gold quotes: our speaker span overlaps the gold
//!   `speaker_text` span, overlaps a gold mention of the speaker entity, or reads as one of its
//!   aliases;
//! - **assertions**: a prediction matches a gold assertion with an overlapping sentence and the
//!   same predicate (the *loose* score), and (the *strict* score) a compatible subject and
//!   object: a named subject/object must overlap a mention of the gold entity, match an alias
//!   or overlap the gold `subject_text`/`object_text`; an unnamed or implicit gold subject, and
//!   an object that is an event, accept any span. Hedging is scored on strict matches.

use anyhow::{bail, Context, Result};
use dossier_model::{Span, Token};
use dossier_nlp::quotes::learned::{QuoteTagger, TrainDoc, CONTENT, CUE, SOURCE};
use dossier_nlp::quotes::{attributions, parc_attributions, Attribution, Profile};
use rayon::prelude::*;
use serde_json::Value;
use std::fmt;
use std::path::Path;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

impl Prf {
    pub fn from_counts(tp: usize, fp: usize, fn_: usize) -> Prf {
        let p = if tp + fp > 0 {
            tp as f64 / (tp + fp) as f64
        } else {
            0.0
        };
        let r = if tp + fn_ > 0 {
            tp as f64 / (tp + fn_) as f64
        } else {
            0.0
        };
        Prf::of(p, r)
    }
    pub fn from_overlap(overlap: usize, predicted: usize, gold: usize) -> Prf {
        let p = if predicted > 0 {
            overlap as f64 / predicted as f64
        } else {
            0.0
        };
        let r = if gold > 0 {
            overlap as f64 / gold as f64
        } else {
            0.0
        };
        Prf::of(p, r)
    }
    fn of(p: f64, r: f64) -> Prf {
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf { p, r, f1 }
    }
}

impl fmt::Display for Prf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:5.1}  R {:5.1}  F1 {:5.1}",
            self.p * 100.0,
            self.r * 100.0,
            self.f1 * 100.0
        )
    }
}

/// Citron's scores on an attribution corpus.
#[derive(Debug, Clone, Default)]
pub struct CitronScores {
    pub docs: usize,
    pub predicted: usize,
    pub gold: usize,
    pub cue_exact: Prf,
    pub cue_overlap: Prf,
    pub source_exact: Prf,
    pub source_overlap: Prf,
    pub content_exact: Prf,
    pub content_overlap: Prf,
}

/// Scores on the seeds' gold.
#[derive(Debug, Clone, Default)]
pub struct SeedScores {
    pub gold_quotes: usize,
    pub predicted_quotes: usize,
    pub quote_overlap: Prf,
    pub quote_exact: Prf,
    /// Correct speakers over matched gold quotes.
    pub speaker_accuracy: f64,
    /// Correct speakers over all gold quotes.
    pub speaker_recall: f64,
    pub gold_assertions: usize,
    pub predicted_assertions: usize,
    pub assertion_strict: Prf,
    pub assertion_loose: Prf,
    pub hedged_accuracy: f64,
}

/// The result of either evaluation; `details` lists misses and errors (shown with `{:#}`).
#[derive(Debug, Clone, Default)]
pub struct QuoteScores {
    pub name: String,
    pub citron: Option<CitronScores>,
    pub seeds: Option<SeedScores>,
    pub details: Vec<String>,
}

impl fmt::Display for QuoteScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.name)?;
        if let Some(c) = &self.citron {
            writeln!(
                f,
                "  documents {}   relations: predicted {}, gold {}",
                c.docs, c.predicted, c.gold
            )?;
            writeln!(
                f,
                "  cue      exact   {}   overlap {}",
                c.cue_exact, c.cue_overlap
            )?;
            writeln!(
                f,
                "  source   exact   {}   overlap {}",
                c.source_exact, c.source_overlap
            )?;
            writeln!(
                f,
                "  content  exact   {}   overlap {}",
                c.content_exact, c.content_overlap
            )?;
        }
        if let Some(s) = &self.seeds {
            writeln!(
                f,
                "  quotes: predicted {}, gold {}",
                s.predicted_quotes, s.gold_quotes
            )?;
            writeln!(
                f,
                "  quote    overlap {}   exact {}",
                s.quote_overlap, s.quote_exact
            )?;
            writeln!(
                f,
                "  speaker  accuracy {:5.1} (of matched quotes)   {:5.1} (of all gold quotes)",
                s.speaker_accuracy * 100.0,
                s.speaker_recall * 100.0
            )?;
            writeln!(
                f,
                "  assertions: predicted {}, gold {}",
                s.predicted_assertions, s.gold_assertions
            )?;
            writeln!(
                f,
                "  assertion strict  {}   (subject, predicate, object)",
                s.assertion_strict
            )?;
            writeln!(
                f,
                "  assertion loose   {}   (sentence, predicate)",
                s.assertion_loose
            )?;
            writeln!(
                f,
                "  hedged accuracy {:5.1} (of strict matches)",
                s.hedged_accuracy * 100.0
            )?;
        }
        if f.alternate() {
            for d in &self.details {
                writeln!(f, "    {d}")?;
            }
        }
        Ok(())
    }
}

/// Byte offsets of every code point of `text`, plus the end.
fn cp_to_byte(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// Token range `[first, end)` of the tokens overlapping a byte span.
fn tok_range(tokens: &[Token], s: Span) -> (usize, usize) {
    let first = tokens.partition_point(|t| t.span.end <= s.start);
    let end = tokens.partition_point(|t| t.span.start < s.end);
    (first, end.max(first))
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

#[derive(Debug, Clone, Default)]
struct Rel {
    source: Vec<(usize, usize)>,
    cue: Option<(usize, usize)>,
    content: Vec<(usize, usize)>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    cue: [usize; 3],
    source: [usize; 3],
    content: [usize; 3],
    // overlap, predicted, gold
    cue_o: [usize; 3],
    source_o: [usize; 3],
    content_o: [usize; 3],
    predicted: usize,
    gold: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        for k in 0..3 {
            self.cue[k] += o.cue[k];
            self.source[k] += o.source[k];
            self.content[k] += o.content[k];
            self.cue_o[k] += o.cue_o[k];
            self.source_o[k] += o.source_o[k];
            self.content_o[k] += o.content_o[k];
        }
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

fn cue_overlaps(a: &Rel, b: &Rel) -> bool {
    match (a.cue, b.cue) {
        (Some(x), Some(y)) => overlap(x, y) > 0,
        _ => false,
    }
}

/// Citron's counts for one document.
fn score_doc(pred: &[Rel], gold: &[Rel]) -> Counts {
    let mut c = Counts {
        predicted: pred.len(),
        gold: gold.len(),
        ..Counts::default()
    };
    let exact = |p: &[Rel], g: &[Rel], m: &dyn Fn(&Rel, &Rel) -> bool| -> [usize; 3] {
        let tp = p.iter().filter(|x| g.iter().any(|y| m(x, y))).count();
        let fn_ = g.iter().filter(|y| !p.iter().any(|x| m(x, y))).count();
        [tp, p.len() - tp, fn_]
    };
    c.cue = exact(pred, gold, &|x, y| x.cue.is_some() && x.cue == y.cue);
    c.source = exact(pred, gold, &|x, y| {
        cue_overlaps(x, y) && x.source == y.source
    });
    c.content = exact(pred, gold, &|x, y| {
        cue_overlaps(x, y) && x.content == y.content
    });
    let len = |v: &[(usize, usize)]| v.iter().map(|r| r.1 - r.0).sum::<usize>();
    let ov = |a: &[(usize, usize)], b: &[(usize, usize)]| {
        a.iter()
            .map(|x| b.iter().map(|y| overlap(*x, *y)).sum::<usize>())
            .sum::<usize>()
    };
    for p in pred {
        let pc: Vec<_> = p.cue.into_iter().collect();
        c.cue_o[1] += len(&pc);
        c.source_o[1] += len(&p.source);
        c.content_o[1] += len(&p.content);
        for g in gold {
            let gc: Vec<_> = g.cue.into_iter().collect();
            c.cue_o[0] += ov(&pc, &gc);
            c.source_o[0] += ov(&p.source, &g.source);
            c.content_o[0] += ov(&p.content, &g.content);
        }
    }
    for g in gold {
        let gc: Vec<_> = g.cue.into_iter().collect();
        c.cue_o[2] += len(&gc);
        c.source_o[2] += len(&g.source);
        c.content_o[2] += len(&g.content);
    }
    c
}

/// Reads PolNeAR JSON lines as training documents for the attribution tagger: every
/// fragment of every source, cue and content, as byte spans.
pub fn read_polnear(jsonl: &Path) -> Result<Vec<TrainDoc>> {
    let raw = std::fs::read_to_string(jsonl)
        .with_context(|| format!("reading PolNeAR file {}", jsonl.display()))?;
    let mut out = Vec::new();
    for (n, line) in raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let d: Value = serde_json::from_str(line)
            .with_context(|| format!("{} line {} is not JSON", jsonl.display(), n + 1))?;
        let text = d["text"].as_str().unwrap_or("").to_string();
        let byte = cp_to_byte(&text);
        let mut spans = Vec::new();
        let mut pairs = Vec::new();
        for a in d["attributions"].as_array().into_iter().flatten() {
            // The source ranker learns single-fragment cues and sources (or none).
            let one = |role: &str| -> Option<Option<Span>> {
                if a[role].is_null() {
                    return Some(None);
                }
                let f = a[role]["fragments"].as_array()?;
                if f.len() != 1 {
                    return None;
                }
                let s = *byte.get(f[0][0].as_u64()? as usize)?;
                let e = *byte.get(f[0][1].as_u64()? as usize)?;
                (s < e).then_some(Some(Span::new(s, e)))
            };
            if let (Some(Some(cue)), Some(source)) = (one("cue"), one("source")) {
                pairs.push((cue, source));
            }
            for (role, t) in [("source", SOURCE), ("cue", CUE), ("content", CONTENT)] {
                for f in a[role]["fragments"].as_array().into_iter().flatten() {
                    let s = f[0].as_u64().and_then(|x| byte.get(x as usize));
                    let e = f[1].as_u64().and_then(|x| byte.get(x as usize));
                    if let (Some(&s), Some(&e)) = (s, e) {
                        if s < e {
                            spans.push((t, Span::new(s, e)));
                        }
                    }
                }
            }
        }
        out.push(TrainDoc { text, spans, pairs });
    }
    if out.is_empty() {
        bail!("{} holds no documents", jsonl.display());
    }
    Ok(out)
}

/// Scores the quote annotator on PolNeAR (`train.jsonl` / `dev.jsonl`) with Citron's metrics,
/// using the PARC profile (belief and perception cues included, as PolNeAR annotates them).
pub fn evaluate_polnear(jsonl: &Path) -> Result<QuoteScores> {
    evaluate_polnear_with(jsonl, Profile::Parc, false)
}

/// [`evaluate_polnear`] with a chosen cue profile, optionally with the entity tagger's
/// mentions passed to the annotator.
pub fn evaluate_polnear_with(
    jsonl: &Path,
    profile: Profile,
    with_entities: bool,
) -> Result<QuoteScores> {
    evaluate_polnear_tagger(jsonl, profile, with_entities, None)
}

/// [`evaluate_polnear_with`], with the Parc profile's learned tagger replaced by `tagger`
/// (a model file under evaluation) when given.
pub fn evaluate_polnear_tagger(
    jsonl: &Path,
    profile: Profile,
    with_entities: bool,
    tagger: Option<&QuoteTagger>,
) -> Result<QuoteScores> {
    let docs = read_json_lines(jsonl)?;
    let models = with_entities.then(dossier_nlp::Models::builtin);
    let predict = |_: &Value, text: &str, tokens: &[Token]| -> Vec<Rel> {
        let sentences = dossier_nlp::sentences::split(text, tokens);
        let entities = models
            .as_ref()
            .map(|m| m.ner.annotate(text, tokens, &sentences))
            .unwrap_or_default();
        let ours = match tagger {
            // A model under evaluation is scored as the built-in one would be: with the
            // rules' attribution lines added.
            Some(t) => parc_attributions(t, text, tokens, &sentences, &entities),
            None => attributions(text, tokens, &sentences, &entities, profile),
        };
        ours.iter()
            .map(|a: &Attribution| Rel {
                source: a.source.iter().map(|s| tok_range(tokens, *s)).collect(),
                cue: a.cue.map(|s| tok_range(tokens, s)),
                content: a.content.iter().map(|s| tok_range(tokens, *s)).collect(),
            })
            .collect()
    };
    let name = format!(
        "quotes on PolNeAR {} ({:?} profile{}, Citron's metrics on our tokens)",
        jsonl.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
        profile,
        if with_entities { ", with entities" } else { "" }
    );
    Ok(score_polnear(&docs, &predict, name))
}

/// Agreement between two annotations of the same articles in PolNeAR's format (such as two
/// annotators of the articles PolNeAR had annotated several times): `other`'s relations are
/// scored against `gold`'s with the metrics the annotator is scored with, over the articles
/// both files hold (matched by `id`). Citron's counts are asymmetric only in which side is
/// called precision, so swapping the files swaps precision and recall.
pub fn agreement_polnear(gold: &Path, other: &Path) -> Result<QuoteScores> {
    let gold_docs = read_json_lines(gold)?;
    let other_docs = read_json_lines(other)?;
    let by_id: std::collections::HashMap<&str, &Value> = other_docs
        .iter()
        .filter_map(|d| Some((d["id"].as_str()?, d)))
        .collect();
    let shared: Vec<Value> = gold_docs
        .into_iter()
        .filter(|d| d["id"].as_str().is_some_and(|id| by_id.contains_key(id)))
        .collect();
    if shared.is_empty() {
        bail!(
            "{} and {} share no article id; agreement needs two annotations of the same articles",
            gold.display(),
            other.display()
        );
    }
    for d in &shared {
        let id = d["id"].as_str().unwrap_or("?");
        if by_id[id]["text"] != d["text"] {
            bail!(
                "article {id} has different texts in {} and {}",
                gold.display(),
                other.display()
            );
        }
    }
    let predict = |d: &Value, text: &str, tokens: &[Token]| -> Vec<Rel> {
        let id = d["id"].as_str().unwrap_or("?");
        relations_of(by_id[id], &cp_to_byte(text), tokens)
    };
    let name = format!(
        "agreement on PolNeAR: {} against {} (Citron's metrics on our tokens)",
        other.display(),
        gold.display()
    );
    Ok(score_polnear(&shared, &predict, name))
}

fn read_json_lines(jsonl: &Path) -> Result<Vec<Value>> {
    let raw = std::fs::read_to_string(jsonl)
        .with_context(|| format!("reading PolNeAR file {}", jsonl.display()))?;
    let docs: Vec<Value> = raw
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<std::result::Result<_, _>>()
        .with_context(|| format!("{} is not JSON lines", jsonl.display()))?;
    if docs.is_empty() {
        bail!("{} holds no documents", jsonl.display());
    }
    Ok(docs)
}

/// A PolNeAR article's annotated relations as token ranges.
fn relations_of(d: &Value, byte: &[usize], tokens: &[Token]) -> Vec<Rel> {
    let frags = |v: &Value| -> Vec<(usize, usize)> {
        v["fragments"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| {
                let s = *byte.get(f[0].as_u64()? as usize)?;
                let e = *byte.get(f[1].as_u64()? as usize)?;
                Some(tok_range(tokens, Span::new(s, e)))
            })
            .collect()
    };
    let role = |a: &Value, r: &str| -> Vec<(usize, usize)> {
        if a[r].is_null() {
            Vec::new()
        } else {
            frags(&a[r])
        }
    };
    d["attributions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| Rel {
            source: role(a, "source"),
            cue: role(a, "cue").first().copied(),
            content: role(a, "content"),
        })
        .collect()
}

/// The relations predicted for an article (its JSON line, text and tokens).
type Predictor<'a> = dyn Fn(&Value, &str, &[Token]) -> Vec<Rel> + Sync + 'a;

/// Citron's scores of `predict`'s relations against each article's annotated ones, with the
/// misses and errors behind them.
fn score_polnear(docs: &[Value], predict: &Predictor, name: String) -> QuoteScores {
    let per_doc: Vec<(Counts, Vec<String>)> = docs
        .par_iter()
        .map(|d| {
            let text = d["text"].as_str().unwrap_or("");
            let id = d["id"].as_str().unwrap_or("?");
            let byte = cp_to_byte(text);
            let tokens = dossier_nlp::tokenize::tokenize(text);
            let pred = predict(d, text, &tokens);
            let gold = relations_of(d, &byte, &tokens);
            let counts = score_doc(&pred, &gold);
            // Details: gold relations whose cue we missed, and spurious predictions.
            let show = |r: &(usize, usize)| -> String {
                if r.0 >= r.1 || r.1 > tokens.len() {
                    return String::new();
                }
                text[tokens[r.0].span.start..tokens[r.1 - 1].span.end].to_string()
            };
            let mut details = Vec::new();
            for g in &gold {
                let hit = pred.iter().find(|p| cue_overlaps(p, g));
                if let Some(p) = hit.filter(|p| p.cue != g.cue) {
                    details.push(format!(
                        "CUEX {id} gold {:?} ours {:?}",
                        g.cue.map(|c| show(&c)),
                        p.cue.map(|c| show(&c))
                    ));
                }
                // Whether one of our relations holds part of the missed relation's content
                // (a cue missed beside content that was found, or content never found).
                let content_found = pred.iter().any(|p| {
                    p.content
                        .iter()
                        .any(|x| g.content.iter().any(|y| overlap(*x, *y) > 0))
                });
                match hit {
                    None => details.push(format!(
                        "MISS {id}{} cue {:?} src {:?} ctx {:?}",
                        if content_found {
                            " (content found)"
                        } else {
                            ""
                        },
                        g.cue.map(|c| show(&c)),
                        g.source.first().map(show),
                        g.cue
                            .map(|c| show(&(c.0.saturating_sub(12), (c.1 + 12).min(tokens.len()))))
                    )),
                    Some(p) if p.source != g.source => details.push(format!(
                        "SRC  {id} cue {:?} gold {:?} ours {:?}",
                        g.cue.map(|c| show(&c)),
                        g.source.first().map(show),
                        p.source.first().map(show)
                    )),
                    Some(p) if p.content != g.content => details.push(format!(
                        "CONT {id} cue {:?} gold {:?} ours {:?}",
                        g.cue.map(|c| show(&c)),
                        g.content.iter().map(show).collect::<Vec<_>>(),
                        p.content.iter().map(show).collect::<Vec<_>>()
                    )),
                    _ => {}
                }
            }
            for p in &pred {
                if !gold.iter().any(|g| cue_overlaps(p, g)) {
                    details.push(format!(
                        "SPUR {id} cue {:?} src {:?} content {:?}",
                        p.cue.map(|c| show(&c)),
                        p.source.first().map(show),
                        p.content
                            .first()
                            .map(show)
                            .map(|s| s.chars().take(80).collect::<String>())
                    ));
                }
            }
            (counts, details)
        })
        .collect();
    let mut c = Counts::default();
    let mut details = Vec::new();
    for (k, d) in per_doc {
        c += k;
        details.extend(d);
    }
    let citron = CitronScores {
        docs: docs.len(),
        predicted: c.predicted,
        gold: c.gold,
        cue_exact: Prf::from_counts(c.cue[0], c.cue[1], c.cue[2]),
        cue_overlap: Prf::from_overlap(c.cue_o[0], c.cue_o[1], c.cue_o[2]),
        source_exact: Prf::from_counts(c.source[0], c.source[1], c.source[2]),
        source_overlap: Prf::from_overlap(c.source_o[0], c.source_o[1], c.source_o[2]),
        content_exact: Prf::from_counts(c.content[0], c.content[1], c.content[2]),
        content_overlap: Prf::from_overlap(c.content_o[0], c.content_o[1], c.content_o[2]),
    };
    QuoteScores {
        name,
        citron: Some(citron),
        seeds: None,
        details,
    }
}

/// A raw code-point span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cp(usize, usize);

impl Cp {
    fn overlaps(self, o: Cp) -> bool {
        self.0 < o.1 && o.0 < self.1
    }
    fn overlap(self, o: Cp) -> usize {
        self.1.min(o.1).saturating_sub(self.0.max(o.0))
    }
}

fn cp_of(v: &Value, s: &str, e: &str) -> Option<Cp> {
    Some(Cp(v[s].as_u64()? as usize, v[e].as_u64()? as usize))
}

fn norm(s: &str) -> String {
    s.trim().replace('’', "'").to_lowercase()
}

/// Scores quotes, speakers and assertions on the seeds through the real pipeline.
pub fn evaluate_seeds(seeds: &Path, gold_path: &Path) -> Result<QuoteScores> {
    let gold = crate::seeds::load_gold(gold_path)?;
    let entities = &gold["entities"];
    let events = &gold["events"];
    let models = dossier_nlp::Models::builtin();
    let mut s = SeedScores::default();
    let mut details = Vec::new();
    let (mut q_tp, mut q_exact, mut spk_ok, mut spk_n) = (0usize, 0usize, 0usize, 0usize);
    let (mut a_strict, mut a_loose, mut hedge_ok) = (0usize, 0usize, 0usize);
    for seed in crate::seeds::read_seeds(seeds, &gold, crate::seeds::Dates::Gold)? {
        let (g, file, raw_text) = (&seed.gold, &seed.file, &seed.raw);
        let (ex, _) = dossier_nlp::analyze(&seed.doc, &models);
        let to_cp = |sp: Span| -> Cp {
            let (a, b) = seed.to_raw_cp(sp.start, sp.end);
            Cp(a, b.max(a))
        };
        let raw_chars: Vec<char> = raw_text.chars().collect();
        let raw_slice = |c: Cp| -> String {
            raw_chars[c.0.min(raw_chars.len())..c.1.min(raw_chars.len())]
                .iter()
                .collect()
        };
        // Gold mentions of each entity in this document.
        let mentions: Vec<(String, Cp)> = g["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| Some((m["entity"].as_str()?.to_string(), cp_of(m, "start", "end")?)))
            .collect();
        let entity_ok = |id: &str, span: Cp| -> bool {
            let text = norm(&raw_slice(span));
            mentions.iter().any(|(e, m)| e == id && m.overlaps(span))
                || entities[id]["aliases"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|a| a.as_str().is_some_and(|a| norm(a) == text))
        };

        // Quotes.
        let gq: Vec<&Value> = g["quotes"].as_array().into_iter().flatten().collect();
        let pq: Vec<(Cp, Option<Cp>, bool)> = ex
            .quotes
            .iter()
            .map(|q| (to_cp(q.span), q.speaker.map(to_cp), q.direct))
            .collect();
        s.gold_quotes += gq.len();
        s.predicted_quotes += pq.len();
        let mut used = vec![false; pq.len()];
        for gqv in &gq {
            let Some(gs) = cp_of(gqv, "start", "end") else {
                continue;
            };
            let best = (0..pq.len())
                .filter(|&k| !used[k] && pq[k].0.overlaps(gs))
                .max_by_key(|&k| pq[k].0.overlap(gs));
            let Some(k) = best else {
                details.push(format!(
                    "{file} quote MISSED {:?}",
                    gqv["text"].as_str().unwrap_or("")
                ));
                continue;
            };
            used[k] = true;
            q_tp += 1;
            if pq[k].0 == gs {
                q_exact += 1;
            } else {
                details.push(format!(
                    "{file} quote EXTENT gold {:?} ours {:?}",
                    gqv["text"].as_str().unwrap_or(""),
                    raw_slice(pq[k].0)
                ));
            }
            spk_n += 1;
            let gspk = cp_of(gqv, "speaker_start", "speaker_end");
            let ok = match pq[k].1 {
                None => false,
                Some(ps) => {
                    gspk.is_some_and(|gs| gs.overlaps(ps))
                        || gqv["speaker"].as_str().is_some_and(|id| entity_ok(id, ps))
                }
            };
            if ok {
                spk_ok += 1;
            } else {
                details.push(format!(
                    "{file} speaker WRONG for {:?}: gold {:?} ({}) ours {:?}",
                    gqv["text"]
                        .as_str()
                        .unwrap_or("")
                        .chars()
                        .take(50)
                        .collect::<String>(),
                    gqv["speaker_text"].as_str().unwrap_or(""),
                    gqv["speaker"].as_str().unwrap_or("null"),
                    pq[k].1.map(raw_slice)
                ));
            }
        }
        for (k, u) in used.iter().enumerate() {
            if !u {
                details.push(format!(
                    "{file} quote SPURIOUS {:?} speaker {:?}",
                    raw_slice(pq[k].0),
                    pq[k].1.map(raw_slice)
                ));
            }
        }

        // Assertions.
        let ga: Vec<&Value> = g["assertions"].as_array().into_iter().flatten().collect();
        s.gold_assertions += ga.len();
        s.predicted_assertions += ex.assertions.len();
        let pa: Vec<_> = ex
            .assertions
            .iter()
            .map(|a| {
                (
                    to_cp(a.sentence),
                    a.predicate.as_str(),
                    a.subject.map(to_cp),
                    a.object.map(to_cp),
                    a.hedged,
                )
            })
            .collect();
        let arg_ok = |gav: &Value, role: &str, sent: Cp, ours: Option<Cp>| -> bool {
            let id = gav[role].as_str();
            let text_key = format!("{role}_text");
            let given_text = gav.get(&text_key).and_then(Value::as_str);
            let implicit = gav.get(&text_key).is_some_and(Value::is_null);
            match id {
                Some(id) if events.get(id).is_some() => true,
                Some(id) => {
                    if implicit && role == "subject" {
                        return ours.is_none_or(|o| entity_ok(id, o));
                    }
                    let Some(o) = ours else { return false };
                    if entity_ok(id, o) {
                        return true;
                    }
                    given_text.is_some_and(|t| {
                        let stext: String = raw_chars[sent.0..sent.1.min(raw_chars.len())]
                            .iter()
                            .collect();
                        stext.find(t).is_some_and(|b| {
                            let st = sent.0 + stext[..b].chars().count();
                            Cp(st, st + t.chars().count()).overlaps(o)
                        })
                    })
                }
                None => match given_text {
                    None => true,
                    Some(t) => ours.is_some_and(|o| {
                        let stext: String = raw_chars[sent.0..sent.1.min(raw_chars.len())]
                            .iter()
                            .collect();
                        stext.find(t).is_some_and(|b| {
                            let st = sent.0 + stext[..b].chars().count();
                            Cp(st, st + t.chars().count()).overlaps(o)
                        })
                    }),
                },
            }
        };
        let mut used_s = vec![false; pa.len()];
        let mut used_l = vec![false; pa.len()];
        for gav in &ga {
            let Some(sent) = cp_of(gav, "start", "end") else {
                continue;
            };
            let pred = gav["predicate"].as_str().unwrap_or("");
            if let Some(k) =
                (0..pa.len()).find(|&k| !used_l[k] && pa[k].0.overlaps(sent) && pa[k].1 == pred)
            {
                used_l[k] = true;
                a_loose += 1;
            }
            let strict = (0..pa.len()).find(|&k| {
                !used_s[k]
                    && pa[k].0.overlaps(sent)
                    && pa[k].1 == pred
                    && arg_ok(gav, "subject", sent, pa[k].2)
                    && arg_ok(gav, "object", sent, pa[k].3)
            });
            match strict {
                Some(k) => {
                    used_s[k] = true;
                    a_strict += 1;
                    if pa[k].4 == gav["hedged"].as_bool().unwrap_or(false) {
                        hedge_ok += 1;
                    } else {
                        details.push(format!(
                            "{file} assertion HEDGE {pred} in {:?}",
                            gav["text"]
                                .as_str()
                                .unwrap_or("")
                                .chars()
                                .take(70)
                                .collect::<String>()
                        ));
                    }
                }
                None => details.push(format!(
                    "{file} assertion MISSED {pred} {} -> {} in {:?}",
                    gav["subject"].as_str().unwrap_or("null"),
                    gav["object"].as_str().unwrap_or("null"),
                    gav["text"]
                        .as_str()
                        .unwrap_or("")
                        .chars()
                        .take(90)
                        .collect::<String>()
                )),
            }
        }
        for (k, u) in used_s.iter().enumerate() {
            if !u {
                details.push(format!(
                    "{file} assertion SPURIOUS {} {:?} -> {:?} in {:?}",
                    pa[k].1,
                    pa[k].2.map(raw_slice),
                    pa[k].3.map(raw_slice),
                    raw_slice(pa[k].0).chars().take(90).collect::<String>()
                ));
            }
        }
    }
    s.quote_overlap = Prf::from_counts(q_tp, s.predicted_quotes - q_tp, s.gold_quotes - q_tp);
    s.quote_exact = Prf::from_counts(
        q_exact,
        s.predicted_quotes - q_exact,
        s.gold_quotes - q_exact,
    );
    s.speaker_accuracy = if spk_n > 0 {
        spk_ok as f64 / spk_n as f64
    } else {
        0.0
    };
    s.speaker_recall = if s.gold_quotes > 0 {
        spk_ok as f64 / s.gold_quotes as f64
    } else {
        0.0
    };
    s.assertion_strict = Prf::from_counts(
        a_strict,
        s.predicted_assertions - a_strict,
        s.gold_assertions - a_strict,
    );
    s.assertion_loose = Prf::from_counts(
        a_loose,
        s.predicted_assertions - a_loose,
        s.gold_assertions - a_loose,
    );
    s.hedged_accuracy = if a_strict > 0 {
        hedge_ok as f64 / a_strict as f64
    } else {
        0.0
    };
    Ok(QuoteScores {
        name: "quotes and assertions on the seeds (gold: seeds.gold.json)".into(),
        citron: None,
        seeds: Some(s),
        details,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (source, cue, content) code-point spans of one relation.
    type Relation = (Option<(usize, usize)>, (usize, usize), (usize, usize));

    /// One article as PolNeAR's JSON line.
    fn article(id: &str, text: &str, rels: &[Relation]) -> String {
        let span = |(s, e): (usize, usize)| serde_json::json!({"start": s, "end": e, "text": &text[s..e], "fragments": [[s, e]]});
        let atts: Vec<Value> = rels
            .iter()
            .map(|(src, cue, content)| {
                serde_json::json!({
                    "source": src.map(span),
                    "cue": span(*cue),
                    "content": span(*content),
                })
            })
            .collect();
        serde_json::json!({"id": id, "text": text, "attributions": atts}).to_string()
    }

    fn write(dir: &Path, name: &str, lines: &[String]) -> std::path::PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, lines.join("\n")).unwrap();
        p
    }

    #[test]
    fn agreement_scores_one_annotation_against_another() {
        let dir = std::env::temp_dir().join(format!("dossier-agreement-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = "Smith said the plan failed. Jones thinks it worked.";
        // Both annotate Smith's relation alike; only the first annotates Jones's.
        let smith = (Some((0, 5)), (6, 10), (11, 26));
        let jones = (Some((28, 33)), (34, 40), (41, 50));
        let a = write(&dir, "a.jsonl", &[article("doc", text, &[smith, jones])]);
        let b = write(
            &dir,
            "b.jsonl",
            &[article("doc", text, &[smith]), article("other", "x", &[])],
        );
        let scores = agreement_polnear(&a, &b).unwrap();
        let c = scores.citron.unwrap();
        assert_eq!((c.docs, c.predicted, c.gold), (1, 1, 2));
        assert_eq!((c.source_exact.p, c.source_exact.r), (1.0, 0.5));
        // No shared article is an error that says so.
        let c2 = write(&dir, "c.jsonl", &[article("elsewhere", text, &[smith])]);
        let err = agreement_polnear(&a, &c2).unwrap_err().to_string();
        assert!(err.contains("share no article id"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
