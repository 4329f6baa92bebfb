//! Shallow syntax: coarse parts of speech and phrase chunks (noun, verb, prepositional
//! phrases), tagged by the entity tagger's machinery ([`crate::entities`]: hashed features,
//! i16 weight table, Viterbi, the two-stage training loop) and trained by our own code on
//! CoNLL-2003's POS and chunk columns (`dossier train syntax`), shipped as `models/syntax.bin`.
//!
//! # Two stages, two label sets
//! - Stage 1 is *free*: each token gets one of [`NPOS`] coarse parts of speech ([`POS_NAMES`],
//!   folded from the Penn Treebank tags, see [`coarse_pos`]), decoded without BILOU constraints.
//! - Stage 2 tags BILOU chunks of four types ([`NP`], [`VP`], [`PP`], [`OTHER`]) from the same
//!   word features plus the parts of speech stage 1 found around the token. Its training
//!   parts of speech are jackknifed, so they look like stage 1's on unseen text.
//!
//! The token features are the entity tagger's ([`crate::entities`]' `doc_features`: word,
//! affixes, shape, neighbours, capitalisation, gazetteer), so there is one feature extractor.
//!
//! CoNLL's chunks follow CoNLL-2000: a possessive ends a noun phrase (`[NP the company 's]
//! [NP chairman]`) and a prepositional phrase is only its preposition (`[PP of] [NP Oklahoma]`).

use crate::entities::conll;
use crate::entities::features::{feat1, feat2, feat3};
use crate::entities::model::Weights;
use crate::entities::train::{train_weights, Prepared, TrainOptions, TrainReport};
use crate::entities::{doc_features, spans_of, Label, SentFeats, NLABELS};
use std::sync::OnceLock;

/// Chunk types (BILOU type indices of stage 2).
pub const NP: usize = 0;
pub const VP: usize = 1;
pub const PP: usize = 2;
/// ADJP, ADVP, SBAR, PRT, CONJP, INTJ, LST, UCP.
pub const OTHER: usize = 3;

/// Number of coarse parts of speech (all labels of the shared label set).
pub const NPOS: usize = NLABELS;

/// Names of the coarse parts of speech, by label.
pub const POS_NAMES: [&str; NPOS] = [
    "X", "NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM", "VERB", "VBD", "VBN", "VBG", "MD", "ADV",
    "ADP", "TO", "CC", "POS",
];

pub const NOUN: Label = 1;
pub const PROPN: Label = 2;
pub const PRON: Label = 3;
pub const DET: Label = 4;
pub const ADJ: Label = 5;
pub const NUM: Label = 6;
pub const CC: Label = 15;
pub const POSSESSIVE: Label = 16;

/// The coarse part of speech of a Penn Treebank tag: nouns, proper nouns, pronouns
/// (PRP WP EX), determiners (DT PDT WDT PRP$ WP$), adjectives, numbers, present/base verbs
/// (VB VBP VBZ), VBD, VBN, VBG, modals, adverbs and particles (RB* WRB RP), IN, TO, CC, the
/// possessive ending; anything else (punctuation, symbols, foreign words) is X (0).
pub fn coarse_pos(ptb: &str) -> Label {
    match ptb {
        "NN" | "NNS" => NOUN,
        "NNP" | "NNPS" => PROPN,
        "PRP" | "WP" | "EX" => PRON,
        "DT" | "PDT" | "WDT" | "PRP$" | "WP$" => DET,
        "JJ" | "JJR" | "JJS" => ADJ,
        "CD" => NUM,
        "VB" | "VBP" | "VBZ" => 7,
        "VBD" => 8,
        "VBN" => 9,
        "VBG" => 10,
        "MD" => 11,
        "RB" | "RBR" | "RBS" | "WRB" | "RP" => 12,
        "IN" => 13,
        "TO" => 14,
        "CC" => 15,
        "POS" => POSSESSIVE,
        _ => 0,
    }
}

/// The chunk type index of a CoNLL chunk type name.
pub fn chunk_type(name: &str) -> Option<usize> {
    match name {
        "NP" => Some(NP),
        "VP" => Some(VP),
        "PP" => Some(PP),
        "ADJP" | "ADVP" | "SBAR" | "PRT" | "CONJP" | "INTJ" | "LST" | "UCP" => Some(OTHER),
        _ => None,
    }
}

static BUILTIN: &[u8] = include_bytes!("../../../models/syntax.bin");

/// The part-of-speech tagger and chunker.
pub struct Syntax {
    weights: Weights,
}

/// What the tagger finds in one sentence: a coarse part of speech per token and BILOU chunk
/// labels (see [`spans_of`] for the chunks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub pos: Vec<Label>,
    pub chunks: Vec<Label>,
}

const BOS: u64 = 0x5EED_0101;

/// Stage-2 features: the parts of speech around each token, alone and in n-grams, and with
/// the word.
fn pos_features(sents: &[SentFeats], pos: &[Vec<Label>]) -> Vec<(Vec<u64>, Vec<u32>)> {
    sents
        .iter()
        .zip(pos)
        .map(|(s, p)| {
            let n = p.len();
            let at = |j: isize| -> u64 {
                if j < 0 || j as usize >= n {
                    BOS
                } else {
                    p[j as usize] as u64
                }
            };
            let mut feats = Vec::with_capacity(n * 12);
            let mut offs = vec![0u32];
            for i in 0..n {
                let ii = i as isize;
                let low = s.info[i].low;
                for d in [-2isize, -1, 0, 1, 2] {
                    feats.push(feat2(300, d as u64, at(ii + d)));
                }
                feats.push(feat2(301, at(ii - 1), at(ii)));
                feats.push(feat2(302, at(ii), at(ii + 1)));
                feats.push(feat3(303, at(ii - 1), at(ii), at(ii + 1)));
                feats.push(feat3(304, at(ii - 2), at(ii - 1), at(ii)));
                feats.push(feat3(305, at(ii), at(ii + 1), at(ii + 2)));
                feats.push(feat2(306, at(ii), low));
                feats.push(feat2(307, at(ii - 1), low));
                feats.push(feat2(308, low, at(ii + 1)));
                feats.push(feat1(309, at(ii)));
                offs.push(feats.len() as u32);
            }
            (feats, offs)
        })
        .collect()
}

impl Syntax {
    /// The model shipped with dossier (`models/syntax.bin`), or `None` when the build shipped
    /// none (an empty file).
    pub fn builtin() -> Option<&'static Syntax> {
        static T: OnceLock<Option<Syntax>> = OnceLock::new();
        crate::entities::embedded_model(&T, BUILTIN, "models/syntax.bin", Syntax::from_bytes)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Syntax, String> {
        let weights = Weights::from_bytes(bytes)?;
        if !weights.free1 {
            return Err("not a syntax model (stage 1 is not free)".into());
        }
        Ok(Syntax { weights })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes()
    }

    /// Tags a document given as sentences of words (normalised like the entity tagger's input).
    pub fn tag_words(&self, doc: &[Vec<&str>]) -> Vec<Parsed> {
        let sents = doc_features(doc);
        let feats: Vec<(&[u64], &[u32])> =
            sents.iter().map(|s| (&s.feats[..], &s.offs[..])).collect();
        let mut pos: Vec<Vec<Label>> = Vec::new();
        let chunks = self.weights.tag(
            &feats,
            |labels1| {
                pos = labels1.to_vec();
                pos_features(&sents, labels1)
            },
            true,
        );
        pos.into_iter()
            .zip(chunks)
            .map(|(pos, chunks)| Parsed { pos, chunks })
            .collect()
    }
}

/// Noun-phrase groups of a parsed sentence, as token ranges: a noun-phrase chunk with what
/// CoNLL's chunks cut off a full noun phrase, that is a possessed phrase (`[Donald Trump 's]
/// [campaign]`), prepositional attachments (`[A reporter] [for] [USA Today]`), coordination
/// (`[state] and [local leaders]`) and, when `appositives`, an appositive between commas with
/// its closing comma (`[Scott Pruitt] , [the attorney general] [of] [Oklahoma] ,`).
pub fn np_groups(p: &Parsed, appositives: bool) -> Vec<(usize, usize)> {
    let chunks = spans_of(&p.chunks);
    let n = chunks.len();
    let len = p.pos.len();
    let is = |j: usize, ty: usize, at: usize| j < n && chunks[j].2 == ty && chunks[j].0 == at;
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        if chunks[k].2 != NP {
            k += 1;
            continue;
        }
        let start = chunks[k].0;
        let (mut j, mut end) = (k, chunks[k].1);
        loop {
            if p.pos[end - 1] == POSSESSIVE && is(j + 1, NP, end) {
                j += 1;
            } else if is(j + 1, PP, end) && is(j + 2, NP, chunks[(j + 1).min(n - 1)].1) {
                j += 2;
            } else if end < len && p.pos[end] == CC && is(j + 1, NP, end + 1) {
                j += 1;
            } else {
                out.push((start, end));
                break;
            }
            end = chunks[j].1;
        }
        k = j + 1;
    }
    if appositives {
        // A group, one punctuation token, a group, one punctuation token: one group.
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
        let mut g = 0;
        while g < out.len() {
            let (s, e) = out[g];
            match out.get(g + 1) {
                Some(&(s2, e2)) if s2 == e + 1 && p.pos[e] == 0 && e2 < len && p.pos[e2] == 0 => {
                    merged.push((s, e2 + 1));
                    g += 2;
                }
                _ => {
                    merged.push((s, e));
                    g += 1;
                }
            }
        }
        return merged;
    }
    out
}

/// Scores of a syntax model on CoNLL text.
#[derive(Debug, Clone, Default)]
pub struct SyntaxScores {
    /// Coarse part-of-speech accuracy (percent).
    pub pos_accuracy: f64,
    /// Chunk F1 over all four types, and over noun phrases alone (percent).
    pub chunk_f1: f64,
    pub np_f1: f64,
}

fn gold_of(s: &conll::Sentence) -> (Vec<Label>, Vec<(usize, usize, usize)>) {
    let pos = s
        .middle
        .iter()
        .map(|m| m.first().map_or(0, |p| coarse_pos(p)))
        .collect();
    let chunk_tags: Vec<&str> = s
        .middle
        .iter()
        .map(|m| m.get(1).map_or("O", String::as_str))
        .collect();
    (pos, conll::iob_spans_by(&chunk_tags, chunk_type))
}

/// Scores a model on CoNLL-2003 text (columns word, POS, chunk, NER).
pub fn score(syntax: &Syntax, text: &str) -> SyntaxScores {
    let docs = conll::read(text);
    let (mut right, mut all) = (0usize, 0usize);
    let mut acc = [[0usize; 3]; 4];
    for d in &docs {
        let parsed = syntax.tag_words(&conll::words_of(d));
        for (s, p) in d.sentences.iter().zip(&parsed) {
            let (gpos, gspans) = gold_of(s);
            right += gpos.iter().zip(&p.pos).filter(|(a, b)| a == b).count();
            all += gpos.len();
            conll::count(&gspans, &spans_of(&p.chunks), &mut acc);
        }
    }
    let np = [acc[NP], [0; 3], [0; 3], [0; 3]];
    SyntaxScores {
        pos_accuracy: 100.0 * right as f64 / all.max(1) as f64,
        chunk_f1: conll::f1(&acc),
        np_f1: conll::f1(&np),
    }
}

/// Trains the tagger on CoNLL-2003 text, scoring each epoch on `dev_text` if given (stage 1:
/// POS accuracy, stage 2: chunk F1).
pub fn train(
    train_text: &str,
    dev_text: Option<&str>,
    options: &TrainOptions,
) -> (Syntax, TrainReport, Option<SyntaxScores>) {
    let mut docs = conll::read(train_text);
    if let Some(n) = options.max_docs {
        docs.truncate(n);
    }
    let dev_docs = dev_text.map(conll::read).unwrap_or_default();
    let prep = |docs: &[conll::Document]| -> (Vec<Vec<SentFeats>>, Vec<Prepared>) {
        docs.iter()
            .map(|d| {
                let sents = doc_features(&conll::words_of(d));
                let (pos, gold): (Vec<_>, Vec<_>) = d.sentences.iter().map(gold_of).unzip();
                let p = Prepared {
                    feats: sents
                        .iter()
                        .map(|s| (s.feats.clone(), s.offs.clone()))
                        .collect(),
                    gold,
                    labels1: Some(pos),
                };
                (sents, p)
            })
            .unzip()
    };
    let (train_sents, train) = prep(&docs);
    let (dev_sents, dev) = prep(&dev_docs);
    let stage2 = |is_dev: bool, i: usize, labels1: &[Vec<Label>]| {
        let sents = if is_dev { &dev_sents } else { &train_sents };
        pos_features(&sents[i], labels1)
    };
    let options = TrainOptions {
        free1: true,
        ..options.clone()
    };
    let (weights, mut report) = train_weights(&train, &dev, &stage2, &options);
    let syntax = Syntax { weights };
    report.model_bytes = syntax.to_bytes().len();
    let scores = dev_text.map(|t| score(&syntax, t));
    if let Some(s) = &scores {
        report.dev_f1 = Some(s.chunk_f1);
        if options.verbose {
            eprintln!(
                "model: {} of {} features kept, {} bytes; dev POS accuracy {:.2}, chunk F1 {:.2}, NP F1 {:.2}",
                report.features_kept,
                report.features_seen,
                report.model_bytes,
                s.pos_accuracy,
                s.chunk_f1,
                s.np_f1
            );
        }
    }
    (syntax, report, scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny synthetic CoNLL corpus.
    fn synthetic() -> String {
        let sents: &[&[(&str, &str, &str)]] = &[
            &[
                ("The", "DT", "I-NP"),
                ("senator", "NN", "I-NP"),
                ("said", "VBD", "I-VP"),
                ("the", "DT", "I-NP"),
                ("bill", "NN", "I-NP"),
                ("would", "MD", "I-VP"),
                ("pass", "VB", "I-VP"),
                (".", ".", "O"),
            ],
            &[
                ("A", "DT", "I-NP"),
                ("spokesman", "NN", "I-NP"),
                ("for", "IN", "I-PP"),
                ("the", "DT", "I-NP"),
                ("mayor", "NN", "I-NP"),
                ("declined", "VBD", "I-VP"),
                ("to", "TO", "I-VP"),
                ("comment", "VB", "I-VP"),
                (".", ".", "O"),
            ],
            &[
                ("Officials", "NNS", "I-NP"),
                ("in", "IN", "I-PP"),
                ("Texas", "NNP", "I-NP"),
                ("warned", "VBD", "I-VP"),
                ("the", "DT", "I-NP"),
                ("river", "NN", "I-NP"),
                ("would", "MD", "I-VP"),
                ("flood", "VB", "I-VP"),
                (".", ".", "O"),
            ],
        ];
        let mut out = String::new();
        for _ in 0..3 {
            out.push_str("-DOCSTART- -X- O O\n\n");
            for s in sents {
                for (w, p, c) in s.iter() {
                    out.push_str(&format!("{w} {p} {c} O\n"));
                }
                out.push('\n');
            }
        }
        out
    }

    #[test]
    fn coarse_tags_and_chunk_types() {
        assert_eq!(POS_NAMES[coarse_pos("NNS") as usize], "NOUN");
        assert_eq!(POS_NAMES[coarse_pos("PRP$") as usize], "DET");
        assert_eq!(POS_NAMES[coarse_pos("VBZ") as usize], "VERB");
        assert_eq!(coarse_pos(","), 0);
        assert_eq!(chunk_type("SBAR"), Some(OTHER));
        assert_eq!(chunk_type("XX"), None);
    }

    #[test]
    fn training_learns_a_tiny_synthetic_set() {
        let text = synthetic();
        let options = TrainOptions {
            epochs1: 5,
            epochs2: 5,
            folds: 2,
            verbose: false,
            ..Default::default()
        };
        let (syntax, _, scores) = train(&text, Some(&text), &options);
        let s = scores.unwrap();
        assert!(s.pos_accuracy > 95.0 && s.chunk_f1 > 95.0, "{s:?}");
        let again = Syntax::from_bytes(&syntax.to_bytes()).unwrap();
        let doc = vec![vec![
            "The", "mayor", "said", "the", "bill", "would", "pass", ".",
        ]];
        let p = again.tag_words(&doc);
        assert_eq!(p, syntax.tag_words(&doc));
        assert_eq!(
            spans_of(&p[0].chunks),
            vec![(0, 2, NP), (2, 3, VP), (3, 5, NP), (5, 7, VP)]
        );
        assert_eq!(p[0].pos[1], NOUN);
    }

    #[test]
    fn the_shipped_model_finds_noun_phrases() {
        let Some(syntax) = Syntax::builtin() else {
            return;
        };
        let words = "The Republican attorney general of Oklahoma said on Tuesday that the state would appeal .";
        let doc = vec![words.split(' ').collect::<Vec<_>>()];
        let p = syntax.tag_words(&doc);
        let nps: Vec<(usize, usize)> = spans_of(&p[0].chunks)
            .into_iter()
            .filter(|s| s.2 == NP)
            .map(|s| (s.0, s.1))
            .collect();
        // [NP The Republican attorney general] [PP of] [NP Oklahoma] ... [NP Tuesday] ...
        assert!(nps.contains(&(0, 4)), "{nps:?}");
        assert!(nps.contains(&(5, 6)), "{nps:?}");
        assert!(nps.contains(&(8, 9)), "{nps:?}");
        assert!(nps.contains(&(10, 12)), "{nps:?}");
        assert_eq!(p[0].pos[0], DET);
        assert_eq!(p[0].pos[5], PROPN);
        // The noun-phrase groups join the prepositional attachment.
        let groups = np_groups(&p[0], false);
        assert_eq!(groups[0], (0, 6), "{groups:?}");
    }

    #[test]
    fn noun_phrase_groups() {
        // Scott Pruitt , the attorney general of Oklahoma , and state and local leaders said
        let l = |t: usize, pos: u8| crate::entities::label(t, pos);
        let (b, i, last, u) = (0, 1, 2, 3);
        let parsed = Parsed {
            pos: vec![
                PROPN, PROPN, 0, DET, NOUN, NOUN, 13, PROPN, 0, CC, NOUN, CC, ADJ, NOUN, 8,
            ],
            chunks: vec![
                l(NP, b),
                l(NP, last),
                0,
                l(NP, b),
                l(NP, i),
                l(NP, last),
                l(PP, u),
                l(NP, u),
                0,
                0,
                l(NP, u),
                0,
                l(NP, b),
                l(NP, last),
                l(VP, u),
            ],
        };
        assert_eq!(np_groups(&parsed, true), vec![(0, 9), (10, 14)]);
        assert_eq!(np_groups(&parsed, false), vec![(0, 2), (3, 8), (10, 14)]);
    }
}
