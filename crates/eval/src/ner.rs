//! Named-entity evaluation, with conlleval's semantics: an entity counts as correct only when
//! its span and its type both match a gold entity exactly; precision, recall and F1 overall and
//! per type.
//!
//! Two gold standards:
//! - a CoNLL-2003 file ([`evaluate_conll`]): the tagger runs on the given tokens, document by
//!   document; the gold column is IOB1 (read with conlleval's chunking, which also reads IOB2);
//! - the seeds' hand annotation ([`evaluate_seeds`]): the real pipeline runs on each raw file
//!   (cleaning, tokenizer, sentence splitter, tagger) and the predicted spans are mapped back to
//!   the raw file through the cleaner's source map, then compared in code points with the gold.

use anyhow::Result;
use dossier_nlp::entities::{conll, spans_of, Tagger, NTYPES, TYPES};
use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

/// Entity-level counts per type: correct, predicted, gold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NerScores {
    pub per_type: [Counts; NTYPES],
    /// Tokens scored (CoNLL) or documents (seeds), for the header line.
    pub tokens: usize,
    /// Token-level accuracy of the tags (CoNLL only).
    pub token_accuracy: Option<f64>,
    /// Errors, one line each, for reading (seeds only): `missed`, `spurious`.
    pub errors: Vec<String>,
    pub label: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl NerScores {
    pub fn overall(&self) -> Counts {
        self.per_type.iter().fold(Counts::default(), |a, c| Counts {
            correct: a.correct + c.correct,
            predicted: a.predicted + c.predicted,
            gold: a.gold + c.gold,
        })
    }

    /// Adds the comparison of one set of gold and predicted entities (any comparable span key).
    fn add<K: Ord + Clone>(&mut self, gold: &BTreeSet<(K, usize)>, pred: &BTreeSet<(K, usize)>) {
        for p in pred {
            self.per_type[p.1].predicted += 1;
            if gold.contains(p) {
                self.per_type[p.1].correct += 1;
            }
        }
        for g in gold {
            self.per_type[g.1].gold += 1;
        }
    }
}

/// Scores `tagger` on a CoNLL-2003 file with gold tags in the last column.
pub fn evaluate_conll(conll_text: &str, tagger: &Tagger) -> NerScores {
    let mut scores = NerScores {
        label: "CoNLL".into(),
        ..NerScores::default()
    };
    let (mut tok_ok, mut toks) = (0usize, 0usize);
    for (d, doc) in conll::read(conll_text).iter().enumerate() {
        let labels = tagger.tag_words(&conll::words_of(doc), true);
        for (s, (sent, l)) in doc.sentences.iter().zip(&labels).enumerate() {
            let gold: BTreeSet<((usize, usize, usize, usize), usize)> =
                conll::iob_spans(&sent.tags)
                    .into_iter()
                    .map(|(a, b, t)| ((d, s, a, b), t))
                    .collect();
            let pred: BTreeSet<((usize, usize, usize, usize), usize)> = spans_of(l)
                .into_iter()
                .map(|(a, b, t)| ((d, s, a, b), t))
                .collect();
            scores.add(&gold, &pred);
            // Token accuracy on types (IOB prefixes aside), as a sanity figure.
            let gt = type_per_token(&conll::iob_spans(&sent.tags), sent.words.len());
            let pt = type_per_token(&spans_of(l), sent.words.len());
            toks += sent.words.len();
            tok_ok += gt.iter().zip(&pt).filter(|(a, b)| a == b).count();
        }
    }
    scores.tokens = toks;
    scores.token_accuracy = (toks > 0).then(|| tok_ok as f64 / toks as f64);
    scores
}

fn type_per_token(spans: &[(usize, usize, usize)], n: usize) -> Vec<Option<usize>> {
    let mut v = vec![None; n];
    for &(s, e, t) in spans {
        for x in &mut v[s..e.min(n)] {
            *x = Some(t);
        }
    }
    v
}

/// Scores `tagger` on the seeds' gold entities through the whole pipeline (see module docs).
pub fn evaluate_seeds(seeds_dir: &Path, gold_path: &Path, tagger: &Tagger) -> Result<NerScores> {
    let gold = crate::seeds::load_gold(gold_path)?;
    let mut scores = NerScores {
        label: "seeds".into(),
        ..NerScores::default()
    };
    for seed in crate::seeds::read_seeds(seeds_dir, &gold, crate::seeds::Dates::FromText)? {
        let (g, raw, file) = (&seed.gold, &seed.raw, &seed.file);
        let text = seed.doc.text.as_str();
        let tokens = dossier_nlp::tokenize::tokenize(text);
        let sentences = dossier_nlp::sentences::split(text, &tokens);
        let entities = tagger.annotate(text, &tokens, &sentences);
        let mut pred = BTreeSet::new();
        for e in &entities {
            let span = seed.to_raw_cp(e.span.start, e.span.end);
            pred.insert((span, TYPES.iter().position(|t| *t == e.kind).unwrap()));
        }
        let mut gold_set = BTreeSet::new();
        for a in g["entities"].as_array().into_iter().flatten() {
            let (Some(s), Some(e), Some(t)) =
                (a["start"].as_u64(), a["end"].as_u64(), a["type"].as_str())
            else {
                continue;
            };
            let Some(t) = conll::type_index(t) else {
                continue;
            };
            gold_set.insert(((s as usize, e as usize), t));
        }
        let slice = |s: usize, e: usize| raw.chars().skip(s).take(e - s).collect::<String>();
        for m in gold_set.difference(&pred) {
            scores.errors.push(format!(
                "{file}: missed   {} {:?}",
                TYPES[m.1].as_str(),
                slice(m.0 .0, m.0 .1)
            ));
        }
        for m in pred.difference(&gold_set) {
            scores.errors.push(format!(
                "{file}: spurious {} {:?}",
                TYPES[m.1].as_str(),
                slice(m.0 .0, m.0 .1)
            ));
        }
        scores.add(&gold_set, &pred);
        scores.tokens += tokens.len();
    }
    Ok(scores)
}

impl fmt::Display for NerScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = self.overall();
        writeln!(
            f,
            "{}: processed {} tokens with {} phrases; found: {} phrases; correct: {}.",
            self.label, self.tokens, o.gold, o.predicted, o.correct
        )?;
        if let Some(acc) = self.token_accuracy {
            write!(f, "accuracy: {:6.2}%; ", 100.0 * acc)?;
        }
        writeln!(
            f,
            "precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
            100.0 * o.precision(),
            100.0 * o.recall(),
            100.0 * o.f1()
        )?;
        for (t, c) in TYPES.iter().zip(&self.per_type) {
            writeln!(
                f,
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
                t.as_str(),
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.predicted
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_follow_conlleval_arithmetic() {
        // (correct, predicted, gold, precision, recall, f1)
        let cases = [
            (0, 0, 0, 0.0, 0.0, 0.0),
            (1, 2, 4, 0.5, 0.25, 1.0 / 3.0),
            (3, 3, 3, 1.0, 1.0, 1.0),
        ];
        for (c, p, g, pr, rc, f) in cases {
            let k = Counts {
                correct: c,
                predicted: p,
                gold: g,
            };
            assert!(
                (k.precision() - pr).abs() < 1e-9
                    && (k.recall() - rc).abs() < 1e-9
                    && (k.f1() - f).abs() < 1e-9
            );
        }
    }

    #[test]
    fn exact_span_and_type_required() {
        let mut s = NerScores::default();
        let gold: BTreeSet<((usize, usize), usize)> = [((0, 2), 0), ((5, 6), 2)].into();
        let pred: BTreeSet<((usize, usize), usize)> =
            [((0, 2), 0), ((5, 6), 1), ((7, 8), 3)].into();
        s.add(&gold, &pred);
        let o = s.overall();
        assert_eq!((o.correct, o.predicted, o.gold), (1, 3, 2));
    }
}
