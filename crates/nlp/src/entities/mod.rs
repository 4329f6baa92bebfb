//! Named entities (PER, ORG, LOC, MISC as in CoNLL-2003): a two-stage averaged-perceptron
//! sequence tagger with BILOU labels and Viterbi decoding, trained by our own code
//! ([`train`]) on CoNLL-2003 and shipped inside the binary (`models/ner.bin`).
//!
//! # How it tags a document
//! 1. Tokens are grouped by sentence; typographic variants are normalised to the ASCII of the
//!    training data; hyphenated compounds that glue a name to a lower-case affix or to another
//!    place name are split (`ISIS-backed` → `ISIS` `-` `backed`, `Syria-Iraq`), because names
//!    inside compounds are annotated on their own in our guidelines while CoNLL keeps
//!    `U.S.-led` whole.
//! 2. Stage 1 scores every token's hashed features ([`features`]: word, affixes, shape,
//!    neighbours, capitalisation context, gazetteer matches) and decodes each sentence with
//!    Viterbi under the BILOU constraints.
//! 3. Stage 2 ("context aggregation", Ratinov & Roth 2009) adds, for each capitalised word,
//!    the types stage 1 gave the same word elsewhere in the document, and stage 1's own labels
//!    around the token, then decodes again. A name that is clear once (`Gen Michael Kurilla`)
//!    informs its bare repetitions (`Kurilla said`).
//!
//! Both stages share one hash table (a feature's row holds the weights of both), so each
//! feature is looked up once. Weights are i16, scores i32.
//!
//! # Why a perceptron and not a neural model
//! Tagging must run at hundreds of thousands of tokens per second on one core, load in a few
//! milliseconds and ship in a few megabytes; an averaged perceptron with rich features and
//! gazetteers is within a few points of far heavier models on CoNLL-2003 (R&R report 90.8 F1
//! on the test set) and carries to new names through shapes, gazetteers and the document.

pub mod conll;
pub(crate) mod features;
pub mod gazetteer;
pub(crate) mod model;
pub(crate) mod train;

pub use train::{train, EpochReport, TrainOptions, TrainReport};

use dossier_model::{Entity, EntityType, Span, Token, TokenKind};
use features::{
    aggregate_features, case_of, sentence_ctx, sentence_info, token_features, Case, TokInfo,
};
use gazetteer::{Gazetteer, IdMap};
use model::Weights;
use std::borrow::Cow;
use std::sync::OnceLock;

/// A BILOU label: 0 is O; `1 + type * 4 + pos` with pos 0 B, 1 I, 2 L, 3 U.
pub type Label = u8;
pub const NTYPES: usize = 4;
pub const NLABELS: usize = 1 + 4 * NTYPES;
pub const TYPES: [EntityType; NTYPES] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Location,
    EntityType::Misc,
];

const B: u8 = 0;
const I: u8 = 1;
const L: u8 = 2;
const U: u8 = 3;

#[inline]
pub const fn label(t: usize, pos: u8) -> Label {
    1 + (t as u8) * 4 + pos
}

#[inline]
const fn pos_of(l: Label) -> u8 {
    (l - 1) % 4
}

#[inline]
const fn type_of(l: Label) -> usize {
    (l as usize - 1) / 4
}

/// Whether label `next` may follow `prev` (`None`: sentence start) under BILOU.
#[inline]
pub const fn allowed(prev: Option<Label>, next: Label) -> bool {
    let open_type = match prev {
        Some(p) if p != 0 && (pos_of(p) == B || pos_of(p) == I) => type_of(p) as isize,
        _ => -1,
    };
    if open_type >= 0 {
        next != 0 && type_of(next) as isize == open_type && (pos_of(next) == I || pos_of(next) == L)
    } else {
        next == 0 || pos_of(next) == B || pos_of(next) == U
    }
}

/// Whether a sentence may end on `l`.
#[inline]
pub const fn can_end(l: Label) -> bool {
    l == 0 || pos_of(l) == L || pos_of(l) == U
}

/// Entity spans `(first token, end token, type index)` of a label sequence. Tolerant of
/// sequences that break the constraints (an `I` without `B` starts an entity).
pub fn spans_of(labels: &[Label]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        if l == 0 {
            if let Some((s, t)) = open.take() {
                out.push((s, i, t));
            }
            continue;
        }
        let (t, p) = (type_of(l), pos_of(l));
        let continues = matches!(p, I | L) && open.is_some_and(|(_, ot)| ot == t);
        if !continues {
            if let Some((s, ot)) = open.take() {
                out.push((s, i, ot));
            }
            open = Some((i, t));
        }
        if matches!(p, L | U) {
            let (s, t) = open.take().unwrap();
            out.push((s, i + 1, t));
        }
    }
    if let Some((s, t)) = open {
        out.push((s, labels.len(), t));
    }
    out
}

/// BILOU labels for spans over `n` tokens.
pub fn labels_of(n: usize, spans: &[(usize, usize, usize)]) -> Vec<Label> {
    let mut out = vec![0; n];
    for &(s, e, t) in spans {
        if e == s + 1 {
            out[s] = label(t, U);
        } else if e > s {
            out[s] = label(t, B);
            for o in &mut out[s + 1..e - 1] {
                *o = label(t, I);
            }
            out[e - 1] = label(t, L);
        }
    }
    out
}

/// The entity tagger: weights of both stages and the gazetteer.
pub struct Tagger {
    weights: Weights,
}

static BUILTIN: &[u8] = include_bytes!("../../../../models/ner.bin");
static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();

fn gazetteer() -> &'static Gazetteer {
    GAZETTEER.get_or_init(Gazetteer::builtin)
}

/// Features of one sentence: per-token info and flat feature hashes (`offs[k]..offs[k+1]`).
pub(crate) struct SentFeats {
    pub info: Vec<TokInfo>,
    pub feats: Vec<u64>,
    pub offs: Vec<u32>,
}

/// First-stage features of every sentence of a document.
pub(crate) fn doc_features(doc: &[Vec<&str>]) -> Vec<SentFeats> {
    let gaz = gazetteer();
    let mut infos: Vec<Vec<TokInfo>> = Vec::with_capacity(doc.len());
    let mut seen_lower: IdMap<()> = IdMap::default();
    for s in doc {
        let mut info = Vec::with_capacity(s.len());
        sentence_info(s, gaz, &mut info);
        for t in &info {
            if t.case == Case::Lower {
                seen_lower.insert(t.low, ());
            }
        }
        infos.push(info);
    }
    infos
        .into_iter()
        .map(|info| {
            let ctx = sentence_ctx(&info);
            let mut feats = Vec::with_capacity(info.len() * 40);
            let mut offs = Vec::with_capacity(info.len() + 1);
            offs.push(0);
            for i in 0..info.len() {
                let seen = seen_lower.contains_key(&info[i].low);
                token_features(&info, &ctx, i, seen, &mut feats);
                offs.push(feats.len() as u32);
            }
            SentFeats { info, feats, offs }
        })
        .collect()
}

/// Second-stage (aggregation) features of every sentence, given the first-stage labels.
pub(crate) fn doc_agg_features(
    sents: &[SentFeats],
    labels: &[Vec<Label>],
) -> Vec<(Vec<u64>, Vec<u32>)> {
    let mut counts: IdMap<[u32; NLABELS]> = IdMap::default();
    for (s, ls) in sents.iter().zip(labels) {
        for (t, &l) in s.info.iter().zip(ls) {
            if matches!(t.case, Case::Title | Case::Upper) {
                counts.entry(t.low).or_insert([0; NLABELS])[l as usize] += 1;
            }
        }
    }
    sents
        .iter()
        .zip(labels)
        .map(|(s, ls)| {
            let mut feats = Vec::with_capacity(s.info.len() * 8);
            let mut offs = vec![0u32];
            for i in 0..s.info.len() {
                let agg = if matches!(s.info[i].case, Case::Title | Case::Upper) {
                    counts.get(&s.info[i].low)
                } else {
                    None
                };
                aggregate_features(ls, &s.info, i, agg, &mut feats);
                offs.push(feats.len() as u32);
            }
            (feats, offs)
        })
        .collect()
}

/// A second-stage model compiled into the binary (`include_bytes!` of a file in `models/`),
/// parsed on first use and kept; `None` when the build shipped an empty file (a model not
/// trained yet). The syntax, attribution and event-mention taggers load this way.
pub(crate) fn embedded_model<T>(
    cell: &'static OnceLock<Option<T>>,
    bytes: &'static [u8],
    file: &str,
    parse: impl FnOnce(&[u8]) -> Result<T, String>,
) -> Option<&'static T> {
    cell.get_or_init(|| {
        (!bytes.is_empty()).then(|| {
            parse(bytes).unwrap_or_else(|e| panic!("the embedded {file} is not a valid model: {e}"))
        })
    })
    .as_ref()
}

impl Tagger {
    /// The model shipped with dossier (`models/ner.bin`, embedded at build time).
    pub fn builtin() -> Tagger {
        Tagger::from_bytes(BUILTIN).expect("the embedded models/ner.bin is a valid model")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let weights = Weights::from_bytes(bytes)?;
        gazetteer();
        Ok(Tagger { weights })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes()
    }

    /// Number of feature rows in the model.
    pub fn num_features(&self) -> usize {
        self.weights.num_rows()
    }

    pub(crate) fn from_weights(weights: Weights) -> Tagger {
        Tagger { weights }
    }

    /// Tags a document given as sentences of words: BILOU labels per sentence.
    /// `two_stage: false` stops after the first stage.
    pub fn tag_words(&self, doc: &[Vec<&str>], two_stage: bool) -> Vec<Vec<Label>> {
        let sents = doc_features(doc);
        let feats: Vec<(&[u64], &[u32])> =
            sents.iter().map(|s| (&s.feats[..], &s.offs[..])).collect();
        self.weights.tag(
            &feats,
            |labels1| doc_agg_features(&sents, labels1),
            two_stage,
        )
    }

    /// Finds the entities of a tokenized text. Spans are byte offsets into `text`, sorted,
    /// non-overlapping, on char boundaries. Never panics, whatever the tokens.
    pub fn annotate(&self, text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Entity> {
        // Group the (valid) tokens by sentence, splitting hyphenated compounds.
        let gaz = gazetteer();
        let mut groups: Vec<Vec<Span>> = Vec::new();
        let mut si = 0;
        let mut last_end = 0;
        let mut cur_sentence: Option<usize> = None;
        for t in tokens {
            let (s, e) = (t.span.start, t.span.end);
            if !crate::tokenize::usable(text, t.span, last_end) {
                continue;
            }
            last_end = e;
            while si < sentences.len() && sentences[si].end <= s {
                si += 1;
            }
            let sent = if si < sentences.len() && sentences[si].start <= s {
                Some(si)
            } else {
                None
            };
            if groups.is_empty()
                || sent != cur_sentence
                || sent.is_none() && groups.last().is_some_and(|g| g.len() >= 200)
            {
                groups.push(Vec::new());
                cur_sentence = sent;
            }
            let g = groups.last_mut().unwrap();
            if t.kind == TokenKind::Word && text[s..e].contains('-') {
                split_compound(text, Span { start: s, end: e }, gaz, g);
            } else {
                g.push(Span { start: s, end: e });
            }
        }
        let words: Vec<Vec<Cow<str>>> = groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|sp| features::normalize(&text[sp.start..sp.end]))
                    .collect()
            })
            .collect();
        let doc: Vec<Vec<&str>> = words
            .iter()
            .map(|s| s.iter().map(|w| w.as_ref()).collect())
            .collect();
        let labels = self.tag_words(&doc, true);
        let mut out = Vec::new();
        for (g, ls) in groups.iter().zip(&labels) {
            for (s, e, t) in spans_of(ls) {
                out.push(Entity {
                    span: Span {
                        start: g[s].start,
                        end: g[e - 1].end,
                    },
                    kind: TYPES[t],
                });
            }
        }
        out
    }
}

/// Name particles that stay inside a hyphenated name (`al-Assad`, `Inzamam-ul-Haq`).
const PARTICLES: &[&str] = &[
    "al", "el", "ul", "ur", "ud", "ad", "an", "as", "ash", "at", "az", "bin", "ibn", "bint", "abu",
    "abd", "de", "del", "della", "di", "da", "du", "la", "le", "les", "van", "von", "der", "den",
    "y", "e", "sur", "en", "ben", "ben", "ou", "sous", "super", "upon", "on", "in", "am", "im",
];

/// Pushes the pieces of a hyphenated word: split where a name meets a lower-case affix
/// (`ISIS-backed`, `anti-Assad`, `U.S.-led`) or where every piece is a place or nationality
/// (`Syria-Iraq`); otherwise the word stays whole (`al-Qaeda`, `Jean-Paul`, `IS-K`).
fn split_compound(text: &str, span: Span, gaz: &Gazetteer, out: &mut Vec<Span>) {
    let word = &text[span.start..span.end];
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for p in word.split('-') {
        pieces.push((at, at + p.len()));
        at += p.len() + 1;
    }
    if pieces.len() < 2 || pieces.iter().any(|(s, e)| s == e) {
        out.push(span);
        return;
    }
    let kinds: Vec<Case> = pieces.iter().map(|&(s, e)| case_of(&word[s..e])).collect();
    let is_affix =
        |k: usize| kinds[k] == Case::Lower && !PARTICLES.contains(&&word[pieces[k].0..pieces[k].1]);
    let has_name = kinds.iter().any(|k| matches!(k, Case::Title | Case::Upper));
    // Cut after piece k when exactly one side is an affix.
    let mut cuts = vec![false; pieces.len() - 1];
    let mut any = false;
    if has_name {
        for (k, cut) in cuts.iter_mut().enumerate() {
            let a = is_affix(k);
            let b = is_affix(k + 1);
            let name_side = |j: usize| matches!(kinds[j], Case::Title | Case::Upper);
            if (a && !b && name_side(k + 1)) || (b && !a && name_side(k)) {
                *cut = true;
                any = true;
            }
        }
        if !any && kinds.iter().all(|k| matches!(k, Case::Title | Case::Upper)) {
            let all_places = pieces
                .iter()
                .all(|&(s, e)| e - s >= 3 && gaz.is_place_or_nationality(&word[s..e]));
            if all_places {
                cuts.iter_mut().for_each(|c| *c = true);
                any = true;
            }
        }
    }
    if !any {
        out.push(span);
        return;
    }
    let mut start = 0;
    for (k, &(_, e)) in pieces.iter().enumerate() {
        if k == pieces.len() - 1 || cuts[k] {
            out.push(Span {
                start: span.start + start,
                end: span.start + e,
            });
            if k < pieces.len() - 1 {
                out.push(Span {
                    start: span.start + e,
                    end: span.start + e + 1,
                });
                start = e + 1;
            }
        }
    }
}

/// Shared proptest and unit tests.
#[cfg(test)]
mod tests;
