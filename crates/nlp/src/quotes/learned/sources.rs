//! The source ranker: for each cue the tagger found, a choice among candidate sources of its
//! sentence, or none (Citron-style source resolution, trained by `dossier train quotes` and
//! shipped as `models/quote_sources.bin`).
//!
//! # Why
//! "A cue takes the nearest source span of its sentence" leaves the source's extent to the
//! tagger, which cuts appositives and relative clauses (`Joseph` for `Joseph, who has four
//! children`), keeps sentence adverbs (`Meanwhile`), and finds no source at all for a fifth of
//! the cues it finds. The ranker sees whole candidates instead: the noun-phrase groups of the
//! cue's sentence ([`crate::syntax::np_groups`], with and without appositives), those groups
//! extended up to the cue or to the sentence end (relative clauses), possessors inside a
//! noun-phrase chunk (`[his] assessment`, `[USA TODAY's] queries`), and the tagger's own
//! source spans (quotation marks at a candidate's edges trimmed); each is scored by an averaged perceptron against a "no source" option.
//!
//! # Training
//! On PolNeAR train with gold cues. The feature saying how much of a candidate the tagger
//! labeled as source must not come from a tagger trained on the same documents (it would be
//! nearly always right there, and the ranker would learn to trust it blindly), so the training
//! labels come from four taggers, each trained on three quarters of the documents and
//! labelling the fourth. Epochs are chosen on the last tenth of the training documents.
//!
//! # Model
//! The shared weight table ([`Weights`]) with one column used: a candidate's score is the sum
//! of its features' weights.

use super::{bucket, prepare_units, Info, QuoteTagger, TrainDoc, CUE, SOURCE};
use crate::entities::features::{feat1, feat2, feat3, hash_bytes};
use crate::entities::model::{Weights, COLS};
use crate::entities::train::TrainOptions;
use crate::entities::{spans_of, Label, NLABELS};
use crate::syntax::{np_groups, Parsed, NP, PRON, VP};
use dossier_model::Span;
use std::collections::HashMap;
use std::sync::OnceLock;

static BUILTIN: &[u8] = include_bytes!("../../../../../models/quote_sources.bin");

/// Candidates longer than this (in tokens) are not considered: gold sources are short.
const MAX_LEN: usize = 30;

/// Candidate kinds (a feature: the ranker learns how far to trust each construction).
const GROUP: u8 = 1;
const APPOSITIVE: u8 = 2;
const TO_CUE: u8 = 3;
const TO_END: u8 = 4;
const TAGGED: u8 = 5;
const CHUNK: u8 = 6;
const TO_COMMA: u8 = 7;
const POSSESSOR: u8 = 8;

/// A candidate source: first and end unit positions, and its kind.
type Cand = (usize, usize, u8);

/// The trained ranker.
pub struct SourceRanker {
    weights: Weights,
}

/// What the ranker reads of one tagging unit: token infos, sentence parses and the tagger's
/// labels.
pub struct UnitView<'a> {
    info: &'a [Info],
    labels: &'a [Label],
    /// Per sentence: first position and parse.
    parses: &'a [(usize, Parsed)],
    /// Sentence index of each position.
    sent: Vec<usize>,
}

impl<'a> UnitView<'a> {
    pub(super) fn new(
        info: &'a [Info],
        parses: &'a [(usize, Parsed)],
        labels: &'a [Label],
    ) -> UnitView<'a> {
        let mut sent = vec![0; info.len()];
        for (k, (at, p)) in parses.iter().enumerate() {
            for s in sent.iter_mut().skip(*at).take(p.pos.len()) {
                *s = k;
            }
        }
        UnitView {
            info,
            labels,
            parses,
            sent,
        }
    }

    fn sentence(&self, k: usize) -> (usize, usize) {
        match self.parses.get(k) {
            Some((at, p)) => (*at, at + p.pos.len()),
            None => (0, self.info.len()),
        }
    }

    fn is_punct(&self, i: usize) -> bool {
        // Part of speech 0 (stored + 1) is the tagger's class for punctuation and symbols.
        self.info[i].pos == 1
    }

    /// A double quotation mark: the syntax model often puts a closing `''` into the noun
    /// phrase that follows it (`'' Mr. Rubel said`).
    fn is_quote(&self, i: usize) -> bool {
        matches!(self.info[i].mark, 1..=3)
    }

    fn ltype(&self, i: usize) -> Option<usize> {
        let l = self.labels[i];
        (l != 0).then(|| (l as usize - 1) / 4)
    }
}

/// Candidate sources of a cue `(first, end)` as `(first, end, kind)` unit positions, without
/// duplicates and never overlapping the cue. Each comes as built and, when it differs, with
/// punctuation at its edges trimmed: PolNeAR keeps an appositive's closing comma and a closing
/// parenthesis (`Scott Pruitt, the attorney general of Oklahoma,`, `Mike Pence (R-IN)`) but
/// not a comma that only separates the source from the cue.
fn candidates(u: &UnitView, cue: (usize, usize)) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let mut push = |s: usize, e: usize, kind: u8| {
        let (mut ts, mut te) = (s, e);
        while ts < te && (u.is_punct(ts) || u.is_quote(ts)) {
            ts += 1;
        }
        while te > ts && (u.is_punct(te - 1) || u.is_quote(te - 1)) {
            te -= 1;
        }
        for (s, e) in [(s, e), (ts, te)] {
            if s >= e || e - s > MAX_LEN || (s < cue.1 && cue.0 < e) || u.is_punct(s) {
                continue;
            }
            if !out.iter().any(|c| c.0 == s && c.1 == e) {
                out.push((s, e, kind));
            }
        }
    };
    let mut sents = vec![u.sent[cue.0]];
    if u.sent[cue.1 - 1] != sents[0] {
        sents.push(u.sent[cue.1 - 1]);
    }
    for &k in &sents {
        let (at, end) = u.sentence(k);
        let Some((_, p)) = u.parses.get(k) else {
            continue;
        };
        for appositives in [false, true] {
            for (s, e) in np_groups(p, appositives) {
                let (s, e) = (at + s, at + e);
                push(s, e, if appositives { APPOSITIVE } else { GROUP });
                // A relative clause or longer appositive runs from the group to the cue (before
                // it) or to the sentence end (after it).
                if e <= cue.0 {
                    push(s, cue.0, TO_CUE);
                } else if s >= cue.1 {
                    push(s, end, TO_END);
                }
                // Or to one of the next two commas (`Dean, a former party chairman,`).
                let limit = if e <= cue.0 { cue.0 } else { end };
                let commas = (e..limit).filter(|&k| u.info[k].low == comma_word());
                for k in commas.take(2) {
                    push(s, k + 1, TO_COMMA);
                }
            }
        }
        // Bare noun-phrase chunks: a possessor alone can be the source (`[Donald Trump's]
        // claim`), which its group swallows.
        for (cs, ce, t) in spans_of(&p.chunks) {
            if t == NP {
                push(at + cs, at + ce, CHUNK);
                // A possessor inside the chunk: a possessive pronoun (`[his] assessment of`)
                // or a phrase up to its `'s` (`[USA TODAY's] queries`).
                let (cs, ce) = (at + cs, at + ce);
                if ce - cs > 1 && possessive_pronoun(u.info[cs].low) {
                    push(cs, cs + 1, POSSESSOR);
                }
                // (CoNLL's chunks often start the possessed phrase at the `'s`.)
                let mark = (cs + 1..(ce + 1).min(end)).find(|&k| possessive_mark(u.info[k].low));
                if let Some(k) = mark.filter(|&k| k + 1 < end) {
                    push(cs, k + 1, POSSESSOR);
                }
            }
        }
    }
    // The tagger's source spans of the cue's sentence(s).
    let (lo, hi) = (u.sentence(sents[0]).0, u.sentence(*sents.last().unwrap()).1);
    for (s, e, t) in spans_of(u.labels) {
        if t == SOURCE && s < hi && e > lo {
            push(s, e, TAGGED);
        }
    }
    out
}

const NONE_WORD: u64 = 0x5EED_0A01;

fn possessive_pronoun(low: u64) -> bool {
    static W: OnceLock<Vec<u64>> = OnceLock::new();
    W.get_or_init(|| {
        ["his", "her", "their", "its", "our", "my", "your"]
            .iter()
            .map(|w| hash_bytes(w.as_bytes()))
            .collect()
    })
    .contains(&low)
}

fn possessive_mark(low: u64) -> bool {
    static W: OnceLock<Vec<u64>> = OnceLock::new();
    W.get_or_init(|| {
        ["'s", "\u{2019}s", "'", "\u{2019}"]
            .iter()
            .map(|w| hash_bytes(w.as_bytes()))
            .collect()
    })
    .contains(&low)
}

fn comma_word() -> u64 {
    static C: OnceLock<u64> = OnceLock::new();
    *C.get_or_init(|| hash_bytes(b","))
}

/// Features of the "no source" option of a cue.
fn none_features(u: &UnitView, cue: (usize, usize), ncands: usize, out: &mut Vec<u64>) {
    let i = &u.info;
    let cue_stem = i[cue.1 - 1].stem;
    let prev = if cue.0 > 0 {
        i[cue.0 - 1].low
    } else {
        NONE_WORD
    };
    let next = i.get(cue.1).map_or(NONE_WORD, |x| x.low);
    let (lo, hi) = u.sentence(u.sent[cue.0]);
    let tagged = (lo..hi).any(|k| u.ltype(k) == Some(SOURCE));
    out.push(feat1(400, 1));
    out.push(feat1(401, cue_stem));
    out.push(feat1(402, tagged as u64));
    out.push(feat2(403, i[cue.0].inside as u64, tagged as u64));
    out.push(feat1(404, prev));
    out.push(feat1(405, if cue.0 > 0 { i[cue.0 - 1].pos } else { 99 }));
    out.push(feat1(406, next));
    out.push(feat2(407, i[cue.0].low, i[cue.0].pos));
    out.push(feat1(408, bucket(ncands as u32)));
    out.push(feat2(409, (cue.0 == lo) as u64, tagged as u64));
    out.push(feat2(410, i[cue.0].sent_start as u64, i[cue.1 - 1].pos));
}

/// Features of candidate `c` of a cue; `rank` is its place among the candidates on its side
/// of the cue, nearest first.
fn cand_features(u: &UnitView, cue: (usize, usize), c: Cand, rank: usize, out: &mut Vec<u64>) {
    let i = &u.info;
    let (s, e, kind) = c;
    let kind = kind as u64;
    let after = (s >= cue.1) as u64;
    let (gap_lo, gap_hi) = if after == 1 { (cue.1, s) } else { (e, cue.0) };
    let gap = (gap_hi - gap_lo) as u32;
    // Between the candidate and the cue: a verb, a comma, a quotation mark, another cue, noun
    // phrases.
    let mut verb = false;
    let mut comma = false;
    let mut quote = false;
    let mut other_cue = false;
    let mut nps = 0u32;
    for k in gap_lo..gap_hi {
        let ch = i[k].chunk;
        let ty = (ch > 1).then(|| (ch as usize - 2) / 4);
        verb |= ty == Some(VP);
        // A noun-phrase chunk starts at its B or U label (stored + 1).
        if ty == Some(NP) && matches!((ch as usize - 2) % 4, 0 | 3) {
            nps += 1;
        }
        comma |= i[k].low == comma_word();
        quote |= matches!(i[k].mark, 1..=3);
        other_cue |= u.ltype(k) == Some(CUE);
    }
    let tagged = (s..e).filter(|&k| u.ltype(k) == Some(SOURCE)).count();
    let exact = spans_of(u.labels)
        .iter()
        .any(|x| x.0 == s && x.1 == e && x.2 == SOURCE);
    let frac: u64 = if exact {
        3
    } else if tagged == e - s {
        2
    } else if tagged > 0 {
        1
    } else {
        0
    };
    let head = &i[e - 1];
    let first = &i[s];
    // The last word that is not punctuation (the head, for a candidate ending in a comma).
    let core = (s..e)
        .rev()
        .find(|&k| !u.is_punct(k))
        .map_or(head, |k| &i[k]);
    let edge = u.is_punct(e - 1) as u64;
    let before = if s > 0 && u.sent[s - 1] == u.sent[s] {
        (i[s - 1].low, i[s - 1].pos)
    } else {
        (NONE_WORD, 99)
    };
    let next = if e < i.len() && u.sent[e] == u.sent[e - 1] {
        (i[e].low, i[e].pos)
    } else {
        (NONE_WORD, 99)
    };
    let who = next.0 == comma_word()
        && i.get(e + 1).is_some_and(|x| {
            x.low == hash_bytes(b"who") || x.low == hash_bytes(b"which") || x.pos == PRON as u64 + 1
        });
    let inner_comma = (s..e).any(|k| i[k].low == comma_word());
    let inner_verb = (s..e).any(|k| i[k].chunk > 1 && (i[k].chunk as usize - 2) / 4 == VP);
    let pron = head.pos == PRON as u64 + 1;
    let cue_stem = i[cue.1 - 1].stem;
    let g = bucket(gap);
    let r = rank.min(3) as u64;
    out.push(feat2(420, after, g));
    out.push(feat3(421, after, g, frac));
    out.push(feat3(422, after, verb as u64, comma as u64));
    out.push(feat3(423, after, quote as u64, r));
    out.push(feat2(424, after, other_cue as u64));
    out.push(feat2(425, after, bucket(nps)));
    out.push(feat3(426, after, r, kind));
    out.push(feat3(427, after, r, frac));
    out.push(feat2(430, after, head.pos));
    out.push(feat1(431, head.low));
    out.push(feat3(432, after, head.pos, head.case));
    out.push(feat1(433, first.low));
    out.push(feat2(434, first.pos, kind));
    out.push(feat2(435, bucket((e - s) as u32), kind));
    out.push(feat2(436, kind, after));
    out.push(feat2(437, frac, kind));
    out.push(feat1(438, frac));
    out.push(feat3(439, frac, after, g));
    out.push(feat2(440, next.0, kind));
    out.push(feat2(441, next.1, after));
    out.push(feat2(442, before.0, after));
    out.push(feat2(443, before.1, kind));
    out.push(feat3(444, after, who as u64, kind));
    out.push(feat2(445, cue_stem, after));
    out.push(feat3(446, cue_stem, after, head.pos));
    out.push(feat3(447, inner_comma as u64, inner_verb as u64, kind));
    out.push(feat3(
        448,
        first.inside as u64,
        i[cue.0].inside as u64,
        after,
    ));
    out.push(feat3(449, first.case, head.case, kind));
    out.push(feat3(450, pron as u64, after, r));
    out.push(feat2(451, first.pos, head.pos));
    out.push(feat3(452, first.sent_start as u64, after, kind));
    out.push(feat3(453, next.1, before.1, after));
    out.push(feat3(454, frac, kind, r));
    out.push(feat3(455, edge, head.low, next.0));
    out.push(feat3(456, edge, core.pos, after));
    out.push(feat2(457, core.low, edge));
    out.push(feat3(458, edge, who as u64, kind));
    // Whether the candidate's edges agree with the tagger's: a tagged word just outside, or
    // an untagged one at the edge, says the extent is off (`Meanwhile Trump`, `Sanders on
    // Tuesday`).
    let src = |k: Option<usize>| k.is_some_and(|k| k < i.len() && u.ltype(k) == Some(SOURCE));
    let (in_first, in_last) = (src(Some(s)), src(Some(e - 1)));
    let (out_before, out_after) = (src(s.checked_sub(1)), src(Some(e)));
    out.push(feat3(461, in_first as u64, out_before as u64, kind));
    out.push(feat3(462, in_last as u64, out_after as u64, kind));
    out.push(feat3(463, in_first as u64, in_last as u64, frac));
    // How many noun-phrase chunks the candidate spans.
    let inner_nps = (s..e)
        .filter(|&k| i[k].chunk > 1 && matches!((i[k].chunk as usize - 2) % 4, 0 | 3))
        .filter(|&k| (i[k].chunk as usize - 2) / 4 == NP)
        .count();
    out.push(feat3(464, bucket(inner_nps as u32), kind, after));
    // The named-entity tagger's mentions: whether the candidate is one, starts or ends with
    // one, or cuts one (`Ben Jacobs` rather than `Ben Jacobs in The Guardian`, `Al Sharpton`
    // rather than `Al Sharpton Just`), and the types it holds.
    let etype = |c: u64| if c == 0 { 0 } else { (c - 1) / 4 + 1 };
    let epos = |c: u64| if c == 0 { 9 } else { (c - 1) % 4 };
    let core_at = (s..e).rev().find(|&k| !u.is_punct(k)).unwrap_or(e - 1);
    let starts_ent = matches!(epos(first.ent), 0 | 3);
    let ends_ent = matches!(epos(i[core_at].ent), 2 | 3);
    let ent_starts = (s..=core_at)
        .filter(|&k| matches!(epos(i[k].ent), 0 | 3))
        .count();
    let exact_ent = starts_ent && ends_ent && ent_starts == 1;
    let cut_before =
        s > 0 && matches!(epos(i[s - 1].ent), 0 | 1) && matches!(epos(first.ent), 1 | 2);
    let cut_after =
        e < i.len() && matches!(epos(i[e].ent), 1 | 2) && matches!(epos(i[e - 1].ent), 0 | 1);
    let has = |t: u64| (s..e).any(|k| etype(i[k].ent) == t);
    out.push(feat3(471, etype(first.ent), etype(i[core_at].ent), kind));
    out.push(feat3(472, starts_ent as u64, ends_ent as u64, kind));
    out.push(feat3(473, exact_ent as u64, after, r));
    out.push(feat3(474, cut_before as u64, cut_after as u64, kind));
    out.push(feat3(475, has(1) as u64, has(2) as u64, after));
    out.push(feat2(476, etype(i[core_at].ent), cue_stem));
    out.push(feat3(
        477,
        bucket(ent_starts as u32),
        exact_ent as u64,
        frac,
    ));
    // Words by direction: `officials` and `he` before the cue, `spokesman` after it.
    out.push(feat2(459, core.low, after));
    out.push(feat3(460, first.low, after, kind));
}

/// Every option of a cue with its features: index 0 is "no source", then the candidates.
fn options(u: &UnitView, cue: (usize, usize)) -> (Vec<Cand>, Vec<Vec<u64>>) {
    let cands = candidates(u, cue);
    let mut feats = Vec::with_capacity(cands.len() + 1);
    let mut none = Vec::new();
    none_features(u, cue, cands.len(), &mut none);
    feats.push(none);
    // Rank of each candidate among those on its side of the cue, nearest first.
    let dist = |c: &Cand| {
        if c.0 >= cue.1 {
            c.0 - cue.1
        } else {
            cue.0 - c.1
        }
    };
    for c in &cands {
        let rank = cands
            .iter()
            .filter(|d| (d.0 >= cue.1) == (c.0 >= cue.1) && dist(d) < dist(c))
            .count();
        let mut f = Vec::with_capacity(40);
        cand_features(u, cue, *c, rank, &mut f);
        feats.push(f);
    }
    (cands, feats)
}

impl SourceRanker {
    /// The ranker shipped with dossier (`models/quote_sources.bin`), or `None` when the build
    /// shipped none (an empty file): the tagger then pairs each cue with its nearest source.
    pub fn builtin() -> Option<&'static SourceRanker> {
        static T: OnceLock<Option<SourceRanker>> = OnceLock::new();
        crate::entities::embedded_model(
            &T,
            BUILTIN,
            "models/quote_sources.bin",
            SourceRanker::from_bytes,
        )
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<SourceRanker, String> {
        Ok(SourceRanker {
            weights: Weights::from_bytes(bytes)?,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes()
    }

    fn score(&self, feats: &[u64]) -> i32 {
        feats
            .iter()
            .filter_map(|&f| self.weights.row(f))
            .map(|r| r[0] as i32)
            .sum()
    }

    /// The best source of a cue `(first, end)` of the unit, as unit positions, or `None`.
    pub(super) fn best(&self, u: &UnitView, cue: (usize, usize)) -> Option<(usize, usize)> {
        let (cands, feats) = options(u, cue);
        let scores: Vec<i32> = feats.iter().map(|f| self.score(f)).collect();
        let k = argmax(&scores);
        (k > 0).then(|| (cands[k - 1].0, cands[k - 1].1))
    }
}

/// First index of the highest score (ties keep the earlier option: "no source" first).
fn argmax<T: PartialOrd + Copy>(v: &[T]) -> usize {
    let mut best = 0;
    for k in 1..v.len() {
        if v[k] > v[best] {
            best = k;
        }
    }
    best
}

/// One training cue: the features of its options and the index of the gold one.
struct Example {
    feats: Vec<Vec<u64>>,
    gold: usize,
    /// The option the rule this ranker replaces picks (the tagger's nearest source span of the
    /// cue's sentence), for comparison in the training log.
    nearest: usize,
}

/// Training examples of documents whose units were tagged by `tagger`: one per gold cue
/// whose gold source is among its options.
fn examples(docs: &[TrainDoc], tagger: &QuoteTagger) -> (Vec<Example>, usize) {
    let mut out = Vec::new();
    let mut missed = 0;
    for d in docs {
        let (tokens, units, (infos, parses, labels)) = prepare_units(tagger, &d.text);
        // Unit and position of each token.
        let mut at = vec![(usize::MAX, 0); tokens.len()];
        for (ui, u) in units.iter().enumerate() {
            for (p, &k) in u.iter().enumerate() {
                at[k] = (ui, p);
            }
        }
        let range = |sp: Span| -> Option<(usize, usize, usize)> {
            let first = tokens.partition_point(|x| x.span.end <= sp.start);
            let end = tokens.partition_point(|x| x.span.start < sp.end);
            if first >= end {
                return None;
            }
            let (u1, p1) = at[first];
            let (u2, p2) = at[end - 1];
            (u1 != usize::MAX && u1 == u2).then_some((u1, p1, p2 + 1))
        };
        for &(cue, source) in &d.pairs {
            let Some((ui, cs, ce)) = range(cue) else {
                continue;
            };
            let view = UnitView::new(&infos[ui], &parses[ui], &labels[ui]);
            let (cands, feats) = options(&view, (cs, ce));
            let gold = match source {
                None => Some(0),
                Some(sp) => range(sp).and_then(|(su, s, e)| {
                    (su == ui)
                        .then(|| cands.iter().position(|c| c.0 == s && c.1 == e))
                        .flatten()
                        .map(|k| k + 1)
                }),
            };
            let (lo, hi) = (
                view.sentence(view.sent[cs]).0,
                view.sentence(view.sent[ce - 1]).1,
            );
            let gap = |x: &(usize, usize, usize)| {
                if x.1 <= cs {
                    cs - x.1
                } else {
                    x.0.saturating_sub(ce)
                }
            };
            let nearest = spans_of(&labels[ui])
                .into_iter()
                .filter(|x| x.2 == SOURCE && x.0 < hi && x.1 > lo)
                .min_by_key(|x| (gap(x), x.0 > cs))
                .and_then(|x| cands.iter().position(|c| c.0 == x.0 && c.1 == x.1))
                .map_or(0, |k| k + 1);
            match gold {
                Some(gold) => out.push(Example {
                    feats,
                    gold,
                    nearest,
                }),
                None => missed += 1,
            }
        }
    }
    (out, missed)
}

/// Averaged perceptron over options: weights, summed weights and the step of the last update.
#[derive(Default)]
struct Perceptron {
    w: HashMap<u64, (f32, f32, u32)>,
    step: u32,
}

impl Perceptron {
    fn score(&self, f: &[u64]) -> f32 {
        f.iter().filter_map(|x| self.w.get(x)).map(|x| x.0).sum()
    }

    fn update(&mut self, f: &[u64], by: f32) {
        let step = self.step;
        for &x in f {
            let e = self.w.entry(x).or_insert((0.0, 0.0, step));
            e.1 += e.0 * (step - e.2) as f32;
            e.2 = step;
            e.0 += by;
        }
    }

    fn train(&mut self, ex: &[Example], order: &[usize]) {
        for &k in order {
            let e = &ex[k];
            self.step += 1;
            let scores: Vec<f32> = e.feats.iter().map(|f| self.score(f)).collect();
            let p = argmax(&scores);
            if p != e.gold {
                self.update(&e.feats[e.gold], 1.0);
                self.update(&e.feats[p], -1.0);
            }
        }
    }

    /// The averaged weights.
    fn averaged(&self) -> HashMap<u64, f32> {
        let n = self.step.max(1) as f32;
        self.w
            .iter()
            .map(|(&k, &(w, sum, last))| (k, (sum + w * (self.step - last) as f32) / n))
            .collect()
    }
}

fn accuracy(w: &HashMap<u64, f32>, ex: &[Example]) -> f64 {
    let right = ex
        .iter()
        .filter(|e| {
            let scores: Vec<f32> = e
                .feats
                .iter()
                .map(|f| f.iter().filter_map(|x| w.get(x)).sum())
                .collect();
            argmax(&scores) == e.gold
        })
        .count();
    right as f64 / ex.len().max(1) as f64
}

/// A deterministic shuffle (xorshift), so that the same data gives the same model.
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    let mut x = seed | 1;
    for i in (1..n).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
    v
}

/// Options of [`train`].
#[derive(Debug, Clone)]
pub struct RankerOptions {
    /// Most epochs tried; the count is chosen on the held-out tenth of the training documents.
    pub max_epochs: usize,
    /// The training documents are labelled by `folds` taggers, each trained on the others
    /// for `tagger_epochs` epochs.
    pub folds: usize,
    pub tagger_epochs: usize,
    /// Averaged weights smaller than this fraction of the largest are dropped.
    pub prune: f32,
    pub verbose: bool,
}

impl Default for RankerOptions {
    fn default() -> RankerOptions {
        RankerOptions {
            max_epochs: 12,
            // As many epochs as the shipped tagger, on three quarters of the documents: the
            // labels the ranker learns from should be about as good as those it will see.
            folds: 4,
            tagger_epochs: 15,
            prune: 0.002,
            verbose: true,
        }
    }
}

/// Trains the ranker on `docs` (PolNeAR train with its gold relations).
pub fn train(docs: &[TrainDoc], options: &RankerOptions) -> SourceRanker {
    let say = |m: String| {
        if options.verbose {
            eprintln!("{m}");
        }
    };
    let k = options.folds.clamp(2, docs.len().max(2));
    let topts = TrainOptions {
        epochs1: options.tagger_epochs,
        epochs2: options.tagger_epochs,
        folds: 2,
        prune: 8.0,
        verbose: false,
        ..Default::default()
    };
    // Per document: its examples and how many of its gold cues have no candidate equal to
    // their gold source (held-out accuracy counts those as errors).
    let mut ex: Vec<(Vec<Example>, usize)> = Vec::with_capacity(docs.len());
    for f in 0..k {
        let (lo, hi) = (f * docs.len() / k, (f + 1) * docs.len() / k);
        let rest: Vec<TrainDoc> = docs[..lo].iter().chain(&docs[hi..]).cloned().collect();
        say(format!(
            "source ranker: tagger {} of {k}, trained on {} documents",
            f + 1,
            rest.len()
        ));
        let (tagger, _) = super::train(&rest, &[], &topts);
        for d in &docs[lo..hi] {
            ex.push(examples(std::slice::from_ref(d), &tagger));
        }
    }
    let per_doc: Vec<&(Vec<Example>, usize)> = ex.iter().collect();
    let n_ex: usize = per_doc.iter().map(|e| e.0.len()).sum();
    let missed: usize = per_doc.iter().map(|e| e.1).sum();
    say(format!(
        "source ranker: {n_ex} training cues, {missed} whose gold source is no candidate"
    ));
    // Epochs chosen on the last tenth of the documents.
    let cut = docs.len() - docs.len() / 10;
    let fit: Vec<&Example> = per_doc[..cut].iter().flat_map(|e| e.0.iter()).collect();
    let held: Vec<&Example> = per_doc[cut..].iter().flat_map(|e| e.0.iter()).collect();
    let held_missed: usize = per_doc[cut..].iter().map(|e| e.1).sum();
    let own = |v: &[&Example]| -> Vec<Example> {
        v.iter()
            .map(|e| Example {
                feats: e.feats.clone(),
                gold: e.gold,
                nearest: e.nearest,
            })
            .collect()
    };
    let (fit, held) = (own(&fit), own(&held));
    let all_held = (held.len() + held_missed).max(1) as f64;
    say(format!(
        "source ranker: held-out accuracy of the nearest tagged source {:.4} (of all gold cues)",
        held.iter().filter(|e| e.nearest == e.gold).count() as f64 / all_held
    ));
    let mut p = Perceptron::default();
    let (mut best, mut best_acc) = (1, -1.0);
    for epoch in 1..=options.max_epochs {
        p.train(&fit, &shuffled(fit.len(), epoch as u64 * 0x9E37_79B9));
        let acc = accuracy(&p.averaged(), &held) * held.len() as f64 / all_held;
        say(format!(
            "source ranker: epoch {epoch}, held-out accuracy {acc:.4} (of all gold cues)"
        ));
        if acc > best_acc {
            (best, best_acc) = (epoch, acc);
        }
    }
    say(format!("source ranker: {best} epochs on all training cues"));
    let mut all = fit;
    all.extend(held);
    let mut p = Perceptron::default();
    for epoch in 1..=best {
        p.train(&all, &shuffled(all.len(), epoch as u64 * 0x9E37_79B9));
    }
    quantise(&p.averaged(), options.prune)
}

/// The averaged weights as the shared i16 table (column 0), small ones dropped.
fn quantise(w: &HashMap<u64, f32>, prune: f32) -> SourceRanker {
    let max = w.values().fold(0f32, |m, v| m.max(v.abs())).max(1e-9);
    let scale = max / 32000.0;
    let mut entries: Vec<(u64, f32)> = w
        .iter()
        .filter(|(_, v)| v.abs() >= prune * max)
        .map(|(&k, &v)| (k, v))
        .collect();
    entries.sort_unstable_by_key(|e| e.0);
    let rows = entries
        .into_iter()
        .map(|(k, v)| {
            let mut row = [0i16; COLS];
            row[0] = (v / scale).round() as i16;
            (crate::entities::model::key_of(k), row)
        })
        .collect();
    SourceRanker {
        weights: Weights::build(rows, [[0; NLABELS * NLABELS]; 2], [scale, 0.0]),
    }
}

#[cfg(test)]
mod tests {
    use super::super::unit_info_parsed;
    use super::*;
    use crate::{sentences, tokenize::tokenize};

    /// Candidates of the cue `said` in a sentence (with the shipped syntax model), as text.
    fn cands_of(text: &str, labels: impl Fn(&str) -> Label) -> Vec<String> {
        let tokens = tokenize(text);
        let unit: Vec<usize> = (0..tokens.len()).collect();
        let (info, parses) = unit_info_parsed(text, &tokens, &unit, &[], &[]);
        let words: Vec<&str> = tokens.iter().map(|t| t.span.slice(text)).collect();
        let labs: Vec<Label> = words.iter().map(|w| labels(w)).collect();
        let u = UnitView::new(&info, &parses, &labs);
        let cue = words.iter().position(|w| *w == "said").unwrap();
        candidates(&u, (cue, cue + 1))
            .iter()
            .map(|c| words[c.0..c.1].join(" "))
            .collect()
    }

    #[test]
    fn candidates_include_relative_clauses_and_tagged_spans() {
        let text = "Joseph, who has four children, said the school was closing.";
        let c = cands_of(text, |_| 0);
        assert!(c.contains(&"Joseph".to_string()), "{c:?}");
        assert!(
            c.contains(&"Joseph , who has four children".to_string()),
            "{c:?}"
        );
        // With and without the comma that closes the clause; never the cue itself.
        assert!(
            c.contains(&"Joseph , who has four children ,".to_string()),
            "{c:?}"
        );
        assert!(c.iter().all(|x| !x.contains("said") && !x.starts_with(',')));
        // A span the tagger labeled as source is a candidate even where no group matches it.
        let u = |l: usize| (SOURCE * 4 + l) as Label + 1;
        let text = "Meanwhile the mayor said so.";
        let c = cands_of(text, |w| match w {
            "Meanwhile" => u(0),
            "the" => u(1),
            "mayor" => u(2),
            _ => 0,
        });
        assert!(c.contains(&"Meanwhile the mayor".to_string()), "{c:?}");
        assert!(c.contains(&"the mayor".to_string()), "{c:?}");
    }

    #[test]
    fn candidates_drop_quotation_marks_and_include_possessors() {
        // The syntax model puts a closing `''` into the next noun phrase.
        let c = cands_of("''The stock hasn't done well,'' Mr. Rubel said.", |_| 0);
        assert!(c.contains(&"Mr. Rubel".to_string()), "{c:?}");
        let c = cands_of("His aide said the claim was false.", |_| 0);
        assert!(c.contains(&"His".to_string()), "{c:?}");
        let c = cands_of("The senator's aide said it was false.", |_| 0);
        assert!(c.contains(&"The senator 's".to_string()), "{c:?}");
    }

    #[test]
    fn features_tell_direction_and_the_tagger_apart() {
        let text = "The mayor said so, the aide added.";
        let tokens = tokenize(text);
        let _ = sentences::split(text, &tokens);
        let unit: Vec<usize> = (0..tokens.len()).collect();
        let (info, parses) = unit_info_parsed(text, &tokens, &unit, &[], &[]);
        let labels = vec![0; tokens.len()];
        let u = UnitView::new(&info, &parses, &labels);
        let (cands, feats) = options(&u, (2, 3));
        assert_eq!(feats.len(), cands.len() + 1);
        let before = cands.iter().position(|c| c.1 <= 2).unwrap();
        let after = cands.iter().position(|c| c.0 >= 3).unwrap();
        assert_ne!(feats[before + 1], feats[after + 1]);
        // The perceptron learns to prefer one option and survives quantisation.
        let ex = vec![Example {
            feats: feats.clone(),
            gold: before + 1,
            nearest: 0,
        }];
        let mut p = Perceptron::default();
        for _ in 0..3 {
            p.train(&ex, &[0]);
        }
        let r = quantise(&p.averaged(), 0.0);
        let r = SourceRanker::from_bytes(&r.to_bytes()).unwrap();
        assert_eq!(r.best(&u, (2, 3)), Some((cands[before].0, cands[before].1)));
    }

    #[test]
    fn shuffles_are_permutations() {
        let mut v = shuffled(50, 7);
        v.sort_unstable();
        assert_eq!(v, (0..50).collect::<Vec<_>>());
    }
}
