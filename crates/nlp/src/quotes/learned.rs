//! The learned attribution tagger: cue, source and content spans tagged by a two-stage
//! averaged perceptron (the entity tagger's machinery: hashed features, i16 weight table,
//! BILOU Viterbi, [`crate::entities::train`]'s training loop), trained by our own code on
//! PolNeAR (`dossier train quotes`) and shipped as `models/quotes.bin`.
//!
//! # Why learned
//! PARC-style cues have a very long tail (PolNeAR's 19,833 training cues are 7,460 distinct
//! strings: `said` is a fifth of them, the 80 most frequent under half), so a hand lexicon
//! misses most of them. The tagger reads the lexicon as one feature among many (word window,
//! shape, affixes, word stems and the stem of the verb group's head, quotation-mark context,
//! distance to the nearest lexicon cue) and learns the rest from the data.
//!
//! # Units and labels
//! A document is tagged one paragraph at a time (99% of PolNeAR relations lie within one
//! line; long paragraphs are cut at sentence ends), with BILOU labels of three types:
//! [`SOURCE`], [`CUE`] and [`CONTENT`]. Stage 2 adds what stage 1 found around each token (its
//! neighbours' labels, the direction and distance of the nearest cue and source).
//!
//! # Relations
//! Each cue span is one relation; its source is chosen by the learned source ranker
//! ([`sources`], `models/quote_sources.bin`) among candidate phrases of its sentence, or, in a
//! build without that model, is the nearest source span of its sentence (a span that starts or
//! ends in the cue's first or last sentence); each content span goes to the nearest cue of its
//! paragraph.
//!
//! # Tried and not kept (issue #5, held-out train: first 756 documents trained, last 84 scored)
//! About a fifth of the gold cues get no overlapping predicted cue, but they are not near the
//! tagger's decision boundary: a bias for the cue's `B`/`U` labels at decoding (Viterbi of
//! stage 2) raises source-exact recall slowly (70.7 -> 72.1 at 8,000) while precision falls
//! faster (73.5 -> 70.9), so F1 only drops (72.1 -> 71.5; 70.5 at 16,000); the same bias only in
//! units with content and no cue (tried with the headline tagger below) changes nothing until
//! it too drops. A flag for verb groups
//! that take a clause (a subject and verb, or `that`, right after) cost cue exact 0.3 and source
//! overlap 0.4. Reading title-case headlines in lower case (by the document's own casing)
//! cost the retrained tagger a point of cue exact (70.4 -> 69.2). The missed cues are
//! PolNeAR's long tail: light-verb phrases (`took a moment to`, `spoke with Breitbart News
//! about`), polls and data as sources (`In the CBS poll`, `surveys indicate`), verbs of
//! cognition and attitude (`hypothesized`, `were surprised and dismayed at`), agentless
//! passives and nominals (`was announced`, `mantra of`), and headlines, half of whose cues are
//! missed.

use super::lexicon::{self, CueClass};
use crate::entities::features::{
    case_of, feat1, feat2, feat3, hash_bytes, lower, normalize, shapes,
};
use crate::entities::model::Weights;
use crate::entities::train::{train_weights, Prepared, TrainOptions, TrainReport};
use crate::entities::{spans_of, Label, NTYPES};
use crate::syntax::Parsed;
use dossier_model::{Span, Token};
use std::sync::OnceLock;

pub mod sources;

/// Span types of the tagger (BILOU type indices; the fourth type of the shared label set is
/// unused).
pub const SOURCE: usize = 0;
pub const CUE: usize = 1;
pub const CONTENT: usize = 2;

/// Paragraphs longer than this many tokens are cut at the next sentence end.
const MAX_UNIT: usize = 150;

static BUILTIN: &[u8] = include_bytes!("../../../../models/quotes.bin");

/// The trained attribution tagger.
pub struct QuoteTagger {
    weights: Weights,
    /// A source ranker to use instead of the built-in one (a model file under evaluation).
    ranker: Option<sources::SourceRanker>,
    /// How often each word stem was (part of) a cue in the training data.
    lexicon: CueLexicon,
}

/// The training data's own cue words: per word stem (hash of [`stem`]), how many of its
/// occurrences lay inside a gold cue and how many there were, reduced to a code
/// ([`CueLexicon::code`]). A feature shared by all cue words, so that a word seen as a cue in a
/// few documents gets the weight that cue words earn together. Training documents read
/// counts without their own (leave one document out), so the feature is as reliable there as
/// on new text.
#[derive(Default, Clone)]
pub struct CueLexicon {
    counts: std::collections::HashMap<u64, (u32, u32)>,
    /// The codes of a lexicon read from a model file (which keeps no counts).
    codes: std::collections::HashMap<u64, u8>,
}

impl CueLexicon {
    /// Counts of the stems of `docs`' tokens, inside gold cues and in all.
    fn count(docs: &[TrainDoc]) -> (CueLexicon, Vec<CueLexicon>) {
        let per: Vec<CueLexicon> = docs.iter().map(CueLexicon::of_doc).collect();
        let mut all = CueLexicon::default();
        for d in &per {
            for (&k, &(c, n)) in &d.counts {
                let e = all.counts.entry(k).or_insert((0, 0));
                e.0 += c;
                e.1 += n;
            }
        }
        (all, per)
    }

    fn of_doc(d: &TrainDoc) -> CueLexicon {
        let tokens = crate::tokenize::tokenize(&d.text);
        let stems = token_stems(&d.text, &tokens);
        let mut in_cue = vec![false; tokens.len()];
        for &(t, sp) in &d.spans {
            if t == CUE {
                let first = tokens.partition_point(|x| x.span.end <= sp.start);
                let end = tokens.partition_point(|x| x.span.start < sp.end);
                for c in in_cue.iter_mut().take(end).skip(first) {
                    *c = true;
                }
            }
        }
        let mut out = CueLexicon::default();
        for (k, s) in stems.iter().enumerate() {
            if let Some(s) = s {
                let e = out.counts.entry(*s).or_insert((0, 0));
                e.0 += in_cue[k] as u32;
                e.1 += 1;
            }
        }
        out
    }

    /// The code of a stem: 0 never seen as a cue (or seen once), else the cue rate's bucket
    /// with the frequency's; `minus` are counts to leave out (the document's own).
    fn code(&self, stem: u64, minus: Option<&CueLexicon>) -> u8 {
        if !self.codes.is_empty() {
            return self.codes.get(&stem).copied().unwrap_or(0);
        }
        let (mut c, mut n) = self.counts.get(&stem).copied().unwrap_or((0, 0));
        if let Some(&(mc, mn)) = minus.and_then(|m| m.counts.get(&stem)) {
            c = c.saturating_sub(mc);
            n = n.saturating_sub(mn);
        }
        if c == 0 || n < 2 {
            return 0;
        }
        let rate = c as f64 / n as f64;
        let r = match rate {
            x if x < 0.05 => 0,
            x if x < 0.2 => 1,
            x if x < 0.5 => 2,
            x if x < 0.8 => 3,
            _ => 4,
        };
        let f = match n {
            0..=4 => 0,
            5..=19 => 1,
            _ => 2,
        };
        1 + r * 3 + f
    }

    /// Codes of a text's tokens.
    fn codes(&self, text: &str, tokens: &[Token], minus: Option<&CueLexicon>) -> Vec<u8> {
        if self.is_empty() {
            return Vec::new();
        }
        token_stems(text, tokens)
            .into_iter()
            .map(|s| s.map_or(0, |s| self.code(s, minus)))
            .collect()
    }

    fn is_empty(&self) -> bool {
        self.counts.is_empty() && self.codes.is_empty()
    }

    /// Only the stems with a code survive serialisation, with their code.
    fn to_bytes(&self) -> Vec<u8> {
        let mut v: Vec<(u64, u8)> = self
            .counts
            .keys()
            .chain(self.codes.keys())
            .map(|&k| (k, self.code(k, None)))
            .filter(|e| e.1 != 0)
            .collect();
        v.sort_unstable();
        let mut out = (v.len() as u32).to_le_bytes().to_vec();
        for (k, c) in v {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(c);
        }
        out
    }

    /// Reads [`CueLexicon::to_bytes`].
    fn from_bytes(b: &[u8]) -> Result<CueLexicon, String> {
        let n = u32::from_le_bytes(b.get(..4).ok_or("short lexicon")?.try_into().unwrap()) as usize;
        if b.len() != 4 + n * 9 {
            return Err("bad lexicon length".into());
        }
        let mut codes = std::collections::HashMap::with_capacity(n);
        for e in b[4..].chunks_exact(9) {
            codes.insert(u64::from_le_bytes(e[..8].try_into().unwrap()), e[8]);
        }
        Ok(CueLexicon {
            counts: Default::default(),
            codes,
        })
    }
}

/// The stem hash of each usable token (`None` for the others), as [`Info::stem`] has it.
fn token_stems(text: &str, tokens: &[Token]) -> Vec<Option<u64>> {
    let mut last_end = 0;
    tokens
        .iter()
        .map(|t| {
            if !crate::tokenize::usable(text, t.span, last_end) {
                return None;
            }
            last_end = t.span.end;
            let low = lower(&normalize(&text[t.span.start..t.span.end])).into_owned();
            Some(hash_bytes(stem(&low).as_bytes()))
        })
        .collect()
}

const LEXICON_MAGIC: &[u8; 4] = b"QLX1";

/// A training document: the text and its gold spans `(type, byte span)`.
#[derive(Clone)]
pub struct TrainDoc {
    pub text: String,
    pub spans: Vec<(usize, Span)>,
    /// The gold relations as `(cue, source)` byte spans (first to last fragment), for the
    /// source ranker ([`sources`]); relations with a discontinuous cue or source are left out.
    pub pairs: Vec<(Span, Option<Span>)>,
}

/// A relation found by the tagger, as byte spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub cue: Span,
    pub source: Option<Span>,
    pub content: Vec<Span>,
}

impl QuoteTagger {
    /// The model shipped with dossier (`models/quotes.bin`), or `None` when the build shipped
    /// none (an empty file).
    pub fn builtin() -> Option<&'static QuoteTagger> {
        static T: OnceLock<Option<QuoteTagger>> = OnceLock::new();
        crate::entities::embedded_model(&T, BUILTIN, "models/quotes.bin", QuoteTagger::from_bytes)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<QuoteTagger, String> {
        if let Some(rest) = bytes.strip_prefix(LEXICON_MAGIC) {
            let n = u32::from_le_bytes(rest.get(..4).ok_or("short model")?.try_into().unwrap())
                as usize;
            let w = rest.get(4..4 + n).ok_or("short model")?;
            return Ok(QuoteTagger {
                weights: Weights::from_bytes(w)?,
                ranker: None,
                lexicon: CueLexicon::from_bytes(&rest[4 + n..])?,
            });
        }
        Ok(QuoteTagger {
            weights: Weights::from_bytes(bytes)?,
            ranker: None,
            lexicon: CueLexicon::default(),
        })
    }

    /// This tagger with `ranker` choosing its sources instead of the built-in ranker.
    pub fn with_ranker(mut self, ranker: sources::SourceRanker) -> QuoteTagger {
        self.ranker = Some(ranker);
        self
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let w = self.weights.to_bytes();
        if self.lexicon.is_empty() {
            return w;
        }
        let mut out = LEXICON_MAGIC.to_vec();
        out.extend_from_slice(&(w.len() as u32).to_le_bytes());
        out.extend_from_slice(&w);
        out.extend_from_slice(&self.lexicon.to_bytes());
        out
    }

    /// Labels per unit (token indices of each unit in `units`).
    fn tag_units(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Span],
        units: &[Vec<usize>],
    ) -> Vec<Vec<Label>> {
        self.analyse_units(text, tokens, sentences, units).2
    }

    /// Infos, sentence parses and labels per unit.
    #[allow(clippy::type_complexity)]
    fn analyse_units(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Span],
        units: &[Vec<usize>],
    ) -> (Vec<Vec<Info>>, Vec<Vec<(usize, Parsed)>>, Vec<Vec<Label>>) {
        let ents = entity_codes(text, tokens, sentences);
        let lex = self.lexicon.codes(text, tokens, None);
        let (infos, parses): (Vec<Vec<Info>>, Vec<Vec<(usize, Parsed)>>) = units
            .iter()
            .map(|u| unit_info_parsed(text, tokens, u, &ents, &lex))
            .unzip();
        let feats: Vec<(Vec<u64>, Vec<u32>)> = infos.iter().map(|i| stage1(i)).collect();
        let seqs: Vec<(&[u64], &[u32])> = feats.iter().map(|(f, o)| (&f[..], &o[..])).collect();
        let labels = self.weights.tag(
            &seqs,
            |labels1| {
                infos
                    .iter()
                    .zip(labels1)
                    .map(|(i, l)| stage2(i, l))
                    .collect()
            },
            true,
        );
        (infos, parses, labels)
    }

    /// Spans `(type, byte span)` the tagger finds in a tokenized text.
    pub fn spans(&self, text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<(usize, Span)> {
        let units = units(text, tokens, sentences);
        let labels = self.tag_units(text, tokens, sentences, &units);
        let mut out = Vec::new();
        for (u, ls) in units.iter().zip(&labels) {
            for (s, e, t) in spans_of(ls) {
                out.push((t, byte_span(tokens, u[s], u[e - 1])));
            }
        }
        out
    }

    /// Attribution relations: one per cue span, with the source the ranker chooses (or the
    /// nearest source of its sentence, without a ranker) and the content spans nearest to it.
    pub fn relations(&self, text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Relation> {
        let units = units(text, tokens, sentences);
        let (infos, parses, labels) = self.analyse_units(text, tokens, sentences, &units);
        let ranker: Option<&sources::SourceRanker> = match &self.ranker {
            Some(r) => Some(r),
            None => sources::SourceRanker::builtin(),
        };
        let mut out = Vec::new();
        for (ui, (u, ls)) in units.iter().zip(&labels).enumerate() {
            let spans = spans_of(ls);
            let of = |t: usize| spans.iter().filter(move |s| s.2 == t);
            let cues: Vec<(usize, usize)> = of(CUE).map(|s| (s.0, s.1)).collect();
            if cues.is_empty() {
                continue;
            }
            let gap = |a: (usize, usize), b: (usize, usize)| {
                if a.1 <= b.0 {
                    b.0 - a.1
                } else {
                    a.0.saturating_sub(b.1)
                }
            };
            let nearest = |x: (usize, usize)| {
                (0..cues.len())
                    .min_by_key(|&k| (gap(x, cues[k]), cues[k].0 < x.0))
                    .unwrap()
            };
            let mut rels: Vec<Relation> = cues
                .iter()
                .map(|&c| Relation {
                    cue: byte_span(tokens, u[c.0], u[c.1 - 1]),
                    source: None,
                    content: Vec::new(),
                })
                .collect();
            // Each cue takes the nearest source of its sentence (a source may serve several cues;
            // a source in another sentence belongs to another relation more often than not).
            let sent = |p: usize| {
                let at = tokens[u[p]].span.start;
                sentences.partition_point(|x| x.end <= at)
            };
            if let Some(r) = ranker {
                // The learned ranker chooses among the sentence's noun-phrase groups, their
                // extensions and the tagger's own spans (or no source at all).
                let unit = sources::UnitView::new(&infos[ui], &parses[ui], ls);
                for (k, &c) in cues.iter().enumerate() {
                    rels[k].source = r
                        .best(&unit, c)
                        .map(|(s, e)| byte_span(tokens, u[s], u[e - 1]));
                }
            }
            for (k, &c) in cues.iter().enumerate().filter(|_| ranker.is_none()) {
                let best = of(SOURCE)
                    .filter(|s| sent(s.0) == sent(c.0) || sent(s.1 - 1) == sent(c.1 - 1))
                    .min_by_key(|s| (gap((s.0, s.1), c), s.0 > c.0));
                rels[k].source = best.map(|s| byte_span(tokens, u[s.0], u[s.1 - 1]));
            }
            for s in of(CONTENT) {
                let k = nearest((s.0, s.1));
                rels[k].content.push(byte_span(tokens, u[s.0], u[s.1 - 1]));
            }
            out.extend(rels);
        }
        out
    }
}

/// Tokens, units and their analysis ([`QuoteTagger::analyse_units`]) of a text, for training
/// the source ranker.
#[allow(clippy::type_complexity)]
fn prepare_units(
    tagger: &QuoteTagger,
    text: &str,
) -> (
    Vec<Token>,
    Vec<Vec<usize>>,
    (Vec<Vec<Info>>, Vec<Vec<(usize, Parsed)>>, Vec<Vec<Label>>),
) {
    let tokens = crate::tokenize::tokenize(text);
    let sentences = crate::sentences::split(text, &tokens);
    let units = units(text, &tokens, &sentences);
    let a = tagger.analyse_units(text, &tokens, &sentences, &units);
    (tokens, units, a)
}

fn byte_span(tokens: &[Token], first: usize, last: usize) -> Span {
    Span {
        start: tokens[first].span.start,
        end: tokens[last].span.end,
    }
}

/// The tagging units: paragraphs (tokens not separated by a line break), cut at a sentence
/// end once longer than [`MAX_UNIT`] tokens. Invalid tokens (out of order, off the text or
/// off char boundaries) are skipped.
fn units(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut last_end = 0;
    let mut si = 0;
    let mut cur: Vec<usize> = Vec::new();
    let mut prev_sentence = usize::MAX;
    for (k, t) in tokens.iter().enumerate() {
        let (s, e) = (t.span.start, t.span.end);
        if !crate::tokenize::usable(text, t.span, last_end) {
            continue;
        }
        while si < sentences.len() && sentences[si].end <= s {
            si += 1;
        }
        let new_sentence = si != prev_sentence;
        prev_sentence = si;
        let breaks = text[last_end..s].contains('\n')
            || (cur.len() >= MAX_UNIT && new_sentence)
            || cur.len() >= 4 * MAX_UNIT;
        if breaks && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(k);
        last_end = e;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// What the templates need to know about one token of a unit.
struct Info {
    low: u64,
    shape: u64,
    suf2: u64,
    suf3: u64,
    /// The word without its inflection ([`stem`]) and its first four letters: PolNeAR's cues
    /// are a long tail of verbs, most seen in training in another form than the one at hand
    /// (`echoed`, `echoes`, `echoing`), so the stem shares what one form learned with the rest.
    stem: u64,
    pre4: u64,
    case: u64,
    /// Lexicon cue class (0 none, 1 speech, 2 belief) and form, and closed-class flags.
    cue: u64,
    flags: u64,
    /// Quotation-mark kind of the token (0 none, 1 opening, 2 closing, 3 straight double,
    /// 4 single) and whether it lies inside double quotation marks.
    mark: u8,
    inside: bool,
    /// Distances (in tokens) to the previous and next double quotation mark of the unit.
    qprev: u32,
    qnext: u32,
    /// Distance, direction and word of the nearest other lexicon cue of the unit.
    cue_near: u64,
    /// The token starts a sentence.
    sent_start: bool,
    /// Coarse part of speech and BILOU chunk label ([`crate::syntax`]; 0 without a syntax
    /// model), and the word of the last token of the token's noun phrase (0 outside one).
    pos: u64,
    chunk: u64,
    np_head: u64,
    /// The stem of the last word of the token's verb phrase (0 outside one): PolNeAR's cues
    /// are whole verb groups (`is also encouraging`, `has learned`), whose auxiliaries and
    /// adverbs say nothing by themselves.
    vp_head: u64,
    /// The chunks before and after the token's own (or before and after the token, outside
    /// chunks) as `(type + 1, head word, head's lexicon cue)`, `(0, 0, 0)` at sentence edges.
    prev_chunk: (u64, u64, u64),
    next_chunk: (u64, u64, u64),
    /// Position in a noun-phrase group ([`crate::syntax::np_groups`]: 0 outside, 1 first, 2
    /// inside, 3 last, 4 alone) and the group's first word.
    group: u64,
    group_first: u64,
    /// The token's named-entity code ([`entity_codes`]).
    ent: u64,
    /// The token's cue-lexicon code ([`CueLexicon::code`]) and that of its verb group's last
    /// word (0 outside verb groups).
    lex: u64,
    vp_lex: u64,
}

fn mark_of(w: &str) -> u8 {
    match w {
        "\u{201C}" | "\u{201E}" | "\u{00AB}" => 1,
        "\u{201D}" | "\u{00BB}" => 2,
        "\"" | "''" | "``" => 3,
        "'" | "\u{2018}" | "\u{2019}" => 4,
        _ => 0,
    }
}

/// A crude inflection stripper for lowercase English words: a plural or third-person `-s`,
/// `-ed` and `-ing` go, then a doubled final consonant and a final `e`, so that the forms of a
/// verb meet (`states`, `stated`, `stating` → `stat`; `planned` → `plan`). Irregular forms keep
/// their own word; words of four letters or fewer and anything not plain ASCII letters stay as
/// they are.
fn stem(low: &str) -> std::borrow::Cow<'_, str> {
    if low.len() <= 4 || !low.bytes().all(|b| b.is_ascii_lowercase()) {
        return std::borrow::Cow::Borrowed(low);
    }
    let mut w: String = if let Some(b) = low.strip_suffix("ies").or(low.strip_suffix("ied")) {
        format!("{b}y")
    } else if let Some(b) = low.strip_suffix("ing") {
        b.to_string()
    } else if let Some(b) = low.strip_suffix("ed") {
        b.to_string()
    } else if low.ends_with('s') && !low.ends_with("ss") && !low.ends_with("us") {
        low[..low.len() - 1].to_string()
    } else {
        low.to_string()
    };
    let b = w.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !b"aeioulsz".contains(&b[n - 1]) {
        w.pop();
    }
    if w.len() >= 3 && w.ends_with('e') {
        w.pop();
    }
    std::borrow::Cow::Owned(w)
}

/// Distance bucket.
fn bucket(d: u32) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=5 => 4,
        6..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

fn unit_info(text: &str, tokens: &[Token], unit: &[usize], ents: &[u8], lex: &[u8]) -> Vec<Info> {
    unit_info_parsed(text, tokens, unit, ents, lex).0
}

/// The named-entity tagger's view of each token ([`crate::entities`]): 0 outside a mention,
/// else `1 + type * 4 + position` (position 0 first, 1 inside, 2 last, 3 alone).
fn entity_codes(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<u8> {
    static NER: OnceLock<crate::entities::Tagger> = OnceLock::new();
    let ner = NER.get_or_init(crate::entities::Tagger::builtin);
    let mut out = vec![0u8; tokens.len()];
    for m in ner.annotate(text, tokens, sentences) {
        let first = tokens.partition_point(|t| t.span.end <= m.span.start);
        let end = tokens.partition_point(|t| t.span.start < m.span.end);
        if first >= end || end > tokens.len() {
            continue;
        }
        let ty = m.kind as u8;
        for (k, code) in out.iter_mut().enumerate().take(end).skip(first) {
            let pos = if end - first == 1 {
                3
            } else if k == first {
                0
            } else if k + 1 == end {
                2
            } else {
                1
            };
            *code = 1 + ty * 4 + pos;
        }
    }
    out
}

/// [`unit_info`] with the unit's sentence parses (see [`add_syntax`]).
fn unit_info_parsed(
    text: &str,
    tokens: &[Token],
    unit: &[usize],
    ents: &[u8],
    lex: &[u8],
) -> (Vec<Info>, Vec<(usize, Parsed)>) {
    let mut out: Vec<Info> = Vec::with_capacity(unit.len());
    let mut norms: Vec<std::borrow::Cow<str>> = Vec::with_capacity(unit.len());
    let mut depth = false;
    for (i, &k) in unit.iter().enumerate() {
        let raw = &text[tokens[k].span.start..tokens[k].span.end];
        let mark = mark_of(raw);
        let norm = normalize(raw);
        let low = lower(&norm);
        let entry = lexicon::lookup(raw);
        let cue = entry.cue.map_or(0, |c| {
            let class = match c.class {
                CueClass::Speech => 1,
                CueClass::Belief => 2,
            };
            class * 8 + c.form as u64 + 1
        });
        let chars: Vec<char> = low.chars().collect();
        let suf = |n: usize| {
            let s: String = chars[chars.len().saturating_sub(n)..].iter().collect();
            hash_bytes(s.as_bytes())
        };
        // Inside-quote state: the mark itself belongs to the quote it opens or closes.
        let inside = match mark {
            1 => {
                depth = true;
                true
            }
            2 => {
                let was = depth;
                depth = false;
                was
            }
            3 => {
                depth = !depth;
                true
            }
            _ => depth,
        };
        let sent_start = i == 0
            || matches!(
                &text[tokens[unit[i - 1]].span.start..tokens[unit[i - 1]].span.end],
                "." | "?" | "!"
            );
        out.push(Info {
            low: hash_bytes(low.as_bytes()),
            shape: shapes(&norm).1,
            suf2: suf(2),
            suf3: suf(3),
            stem: hash_bytes(stem(&low).as_bytes()),
            pre4: hash_bytes(
                chars[..chars.len().min(4)]
                    .iter()
                    .collect::<String>()
                    .as_bytes(),
            ),
            case: case_of(&norm) as u64,
            cue,
            flags: (entry.flags & 0x3fff) as u64,
            mark,
            inside,
            qprev: u32::MAX,
            qnext: u32::MAX,
            cue_near: 0,
            sent_start,
            pos: 0,
            chunk: 0,
            np_head: 0,
            vp_head: 0,
            prev_chunk: (0, 0, 0),
            next_chunk: (0, 0, 0),
            group: 0,
            group_first: 0,
            ent: ents.get(k).map_or(0, |&e| e as u64),
            lex: lex.get(k).map_or(0, |&e| e as u64),
            vp_lex: 0,
        });
        norms.push(norm);
    }
    let parses = add_syntax(&norms, &mut out);
    // Distances to quotation marks and to the nearest lexicon cue, both directions.
    let n = out.len();
    let mut last_q: Option<usize> = None;
    let mut last_c: Option<usize> = None;
    let mut near_c = vec![(u32::MAX, 0u64); n];
    for i in 0..n {
        if let Some(q) = last_q {
            out[i].qprev = (i - q) as u32;
        }
        if let Some(c) = last_c {
            near_c[i] = ((i - c) as u32, feat2(1, out[c].cue, out[c].low));
        }
        if matches!(out[i].mark, 1..=3) {
            last_q = Some(i);
        }
        if out[i].cue != 0 {
            last_c = Some(i);
        }
    }
    let (mut next_q, mut next_c): (Option<usize>, Option<usize>) = (None, None);
    for i in (0..n).rev() {
        if let Some(q) = next_q {
            out[i].qnext = (q - i) as u32;
        }
        let left = near_c[i];
        out[i].cue_near = match next_c {
            Some(c) if ((c - i) as u32) < left.0 => {
                feat3(2, bucket((c - i) as u32), out[c].cue, out[c].low)
            }
            _ if left.0 != u32::MAX => feat2(3, bucket(left.0), left.1),
            _ => 0,
        };
        if matches!(out[i].mark, 1..=3) {
            next_q = Some(i);
        }
        if out[i].cue != 0 {
            next_c = Some(i);
        }
    }
    (out, parses)
}

/// Fills the syntax fields of a unit's infos: the unit is tagged one sentence at a time.
/// Returns each sentence's first position in the unit and its parse (the source ranker's
/// candidates are built from them).
fn add_syntax(norms: &[std::borrow::Cow<str>], out: &mut [Info]) -> Vec<(usize, Parsed)> {
    let Some(syntax) = crate::syntax::Syntax::builtin() else {
        return Vec::new();
    };
    let mut parses = Vec::new();
    let mut doc: Vec<Vec<&str>> = Vec::new();
    for (w, t) in norms.iter().zip(out.iter()) {
        if t.sent_start || doc.is_empty() {
            doc.push(Vec::new());
        }
        doc.last_mut().unwrap().push(w.as_ref());
    }
    let mut at = 0;
    for p in syntax.tag_words(&doc) {
        let chunks = spans_of(&p.chunks);
        let descs: Vec<(u64, u64, u64)> = chunks
            .iter()
            .map(|&(_, e, ty)| {
                let h = &out[at + e - 1];
                (ty as u64 + 1, h.low, h.cue)
            })
            .collect();
        let desc = |k: usize| descs[k];
        let mut prev = (0, 0, 0);
        let mut k = 0;
        let mut i = 0;
        while i < p.pos.len() {
            // The next chunk at or after token i.
            while k < chunks.len() && chunks[k].1 <= i {
                k += 1;
            }
            if k < chunks.len() && chunks[k].0 <= i {
                let (s, e, ty) = chunks[k];
                let next = if k + 1 < chunks.len() {
                    desc(k + 1)
                } else {
                    (0, 0, 0)
                };
                let head = out[at + e - 1].low;
                let vhead = out[at + e - 1].stem;
                let vlex = out[at + e - 1].lex;
                for t in &mut out[at + s..at + e] {
                    if ty == crate::syntax::NP {
                        t.np_head = head;
                    } else if ty == crate::syntax::VP {
                        t.vp_head = vhead;
                        t.vp_lex = vlex;
                    }
                    t.prev_chunk = prev;
                    t.next_chunk = next;
                }
                prev = desc(k);
                i = e;
            } else {
                out[at + i].prev_chunk = prev;
                out[at + i].next_chunk = if k < chunks.len() { desc(k) } else { (0, 0, 0) };
                i += 1;
            }
        }
        for (k, (&pos, &chunk)) in p.pos.iter().zip(&p.chunks).enumerate() {
            out[at + k].pos = pos as u64 + 1;
            out[at + k].chunk = chunk as u64 + 1;
        }
        // With appositives: PolNeAR's sources keep them (`Scott Pruitt, the Republican attorney
        // general of Oklahoma,`); scored a little better on dev than without.
        for (s, e) in crate::syntax::np_groups(&p, true) {
            let first = out[at + s].low;
            for k in s..e {
                out[at + k].group = if e == s + 1 {
                    4
                } else if k == s {
                    1
                } else if k + 1 == e {
                    3
                } else {
                    2
                };
                out[at + k].group_first = first;
            }
        }
        let n = p.pos.len();
        parses.push((at, p));
        at += n;
    }
    parses
}

const BOS: u64 = 0x5EED_0001;
const EOS: u64 = 0x5EED_0002;

/// Stage-1 features of a unit.
fn stage1(info: &[Info]) -> (Vec<u64>, Vec<u32>) {
    let n = info.len();
    let mut feats = Vec::with_capacity(n * 40);
    let mut offs = Vec::with_capacity(n + 1);
    offs.push(0u32);
    let low = |j: isize| -> u64 {
        if j < 0 {
            BOS
        } else if j as usize >= n {
            EOS
        } else {
            info[j as usize].low
        }
    };
    let get = |j: isize| -> Option<&Info> {
        if j < 0 {
            None
        } else {
            info.get(j as usize)
        }
    };
    for (i, t) in info.iter().enumerate() {
        let ii = i as isize;
        let f = &mut feats;
        f.push(feat1(100, 1));
        f.push(feat1(101, t.low));
        f.push(feat2(102, t.low, t.case));
        for d in [-3isize, -2, -1, 1, 2, 3] {
            f.push(feat2(103, d as u64, low(ii + d)));
        }
        f.push(feat2(104, low(ii - 1), t.low));
        f.push(feat2(105, t.low, low(ii + 1)));
        f.push(feat2(106, low(ii + 1), low(ii + 2)));
        f.push(feat2(107, low(ii - 2), low(ii - 1)));
        f.push(feat1(108, t.shape));
        let sh = |j: isize| get(j).map_or(BOS, |x| x.shape);
        f.push(feat3(109, sh(ii - 1), t.shape, sh(ii + 1)));
        let st = |j: isize| get(j).map_or(BOS, |x| x.stem);
        f.push(feat1(152, t.stem));
        f.push(feat2(153, t.stem, low(ii + 1)));
        f.push(feat2(154, low(ii - 1), t.stem));
        f.push(feat2(155, st(ii - 1), st(ii + 1)));
        f.push(feat1(156, t.pre4));
        f.push(feat1(110, t.suf2));
        f.push(feat1(111, t.suf3));
        f.push(feat1(112, t.case));
        let cue = |j: isize| get(j).map_or(99, |x| x.cue);
        for d in [-2isize, -1, 0, 1, 2] {
            f.push(feat2(113, d as u64, cue(ii + d)));
        }
        let flags = |j: isize| get(j).map_or(1 << 30, |x| x.flags);
        for d in [-1isize, 0, 1] {
            f.push(feat2(114, d as u64, flags(ii + d)));
        }
        f.push(feat2(115, t.inside as u64, t.mark as u64));
        if t.lex != 0 || t.vp_lex != 0 {
            let lx = |j: isize| get(j).map_or(99, |x| x.lex);
            f.push(feat1(170, t.lex));
            f.push(feat2(171, t.lex, t.chunk));
            f.push(feat3(172, lx(ii - 1), t.lex, lx(ii + 1)));
            f.push(feat2(173, t.vp_lex, t.chunk));
            f.push(feat3(174, t.lex, t.inside as u64, t.case));
        }
        f.push(feat3(116, t.inside as u64, t.cue, t.case));
        f.push(feat3(
            117,
            t.inside as u64,
            bucket(t.qprev),
            bucket(t.qnext),
        ));
        f.push(feat2(118, bucket(t.qprev), t.low));
        f.push(feat2(119, bucket(t.qnext), t.low));
        f.push(feat1(120, t.cue_near));
        f.push(feat2(121, t.cue_near, t.case));
        f.push(feat2(122, t.cue_near, t.inside as u64));
        f.push(feat2(123, t.sent_start as u64, t.case));
        f.push(feat2(124, bucket(i as u32), t.sent_start as u64));
        f.push(feat2(125, t.sent_start as u64, t.low));
        let mk = |j: isize| get(j).map_or(9, |x| x.mark as u64);
        f.push(feat3(126, mk(ii - 1), mk(ii + 1), t.inside as u64));
        if t.pos != 0 {
            let pos = |j: isize| get(j).map_or(99, |x| x.pos);
            let ch = |j: isize| get(j).map_or(99, |x| x.chunk);
            f.push(feat1(130, t.pos));
            f.push(feat2(157, t.pos, t.stem));
            if t.vp_head != 0 {
                f.push(feat2(158, t.chunk, t.vp_head));
                f.push(feat3(159, t.chunk, t.vp_head, low(ii + 1)));
            }
            for d in [-2isize, -1, 1, 2] {
                f.push(feat2(131, d as u64, pos(ii + d)));
            }
            f.push(feat2(132, pos(ii - 1), t.pos));
            f.push(feat2(133, t.pos, pos(ii + 1)));
            f.push(feat1(134, t.chunk));
            f.push(feat2(135, ch(ii - 1), t.chunk));
            f.push(feat2(136, t.chunk, ch(ii + 1)));
            f.push(feat2(137, t.chunk, t.pos));
            f.push(feat2(138, t.chunk, t.np_head));
            f.push(feat2(139, t.chunk, t.cue_near));
            f.push(feat3(140, t.chunk, t.case, t.inside as u64));
            f.push(feat3(141, ch(ii - 1), t.chunk, ch(ii + 1)));
            let (pc, nc) = (t.prev_chunk, t.next_chunk);
            f.push(feat3(142, t.chunk, nc.0, nc.1));
            f.push(feat3(143, t.chunk, pc.0, pc.1));
            f.push(feat3(144, t.chunk, nc.0, nc.2));
            f.push(feat3(145, t.chunk, pc.0, pc.2));
            f.push(feat3(146, pc.0, t.chunk, nc.0));
            let gr = |j: isize| get(j).map_or(9, |x| x.group);
            f.push(feat2(147, t.group, t.chunk));
            f.push(feat2(148, t.group, t.cue_near));
            f.push(feat3(149, gr(ii - 1), t.group, gr(ii + 1)));
            f.push(feat2(150, t.group, t.group_first));
            f.push(feat3(151, t.group, t.case, t.inside as u64));
        }
        offs.push(feats.len() as u32);
    }
    (feats, offs)
}

fn ltype(l: Label) -> Option<usize> {
    (l != 0).then(|| (l as usize - 1) / 4)
}

/// Stage-2 features of a unit given stage 1's labels: the labels around the token and the
/// nearest cue and source found by stage 1, by direction and distance.
fn stage2(info: &[Info], labels: &[Label]) -> (Vec<u64>, Vec<u32>) {
    let n = info.len();
    // Nearest cue / source to the left and right (distance in tokens), per token.
    let near = |t: usize| -> Vec<(u32, u32)> {
        let mut v = vec![(u32::MAX, u32::MAX); n];
        let mut last: Option<usize> = None;
        for (i, x) in v.iter_mut().enumerate() {
            if let Some(p) = last {
                x.0 = (i - p) as u32;
            }
            if ltype(labels[i]) == Some(t) {
                last = Some(i);
            }
        }
        let mut next: Option<usize> = None;
        for i in (0..n).rev() {
            if let Some(q) = next {
                v[i].1 = (q - i) as u32;
            }
            if ltype(labels[i]) == Some(t) {
                next = Some(i);
            }
        }
        v
    };
    let cues = near(CUE);
    let srcs = near(SOURCE);
    let conts = near(CONTENT);
    let any_cue = labels.iter().any(|&l| ltype(l) == Some(CUE));
    let lab = |j: isize| -> u64 {
        if j < 0 || j as usize >= n {
            99
        } else {
            labels[j as usize] as u64
        }
    };
    let mut feats = Vec::with_capacity(n * 12);
    let mut offs = vec![0u32];
    for i in 0..n {
        let ii = i as isize;
        let t = &info[i];
        let f = &mut feats;
        for d in [-2isize, -1, 0, 1, 2] {
            f.push(feat2(200, d as u64, lab(ii + d)));
        }
        f.push(feat3(201, lab(ii - 1), lab(ii), lab(ii + 1)));
        f.push(feat2(202, lab(ii), t.low));
        let c = cues[i];
        let s = srcs[i];
        f.push(feat2(203, bucket(c.0), bucket(c.1)));
        f.push(feat3(204, bucket(c.0), bucket(c.1), t.inside as u64));
        f.push(feat2(205, bucket(s.0), bucket(s.1)));
        f.push(feat3(206, (c.0 < c.1) as u64, bucket(s.0.min(s.1)), t.case));
        f.push(feat2(207, any_cue as u64, t.inside as u64));
        f.push(feat3(208, bucket(c.0.min(c.1)), (c.0 < c.1) as u64, t.low));
        // Content found nearby but no cue: cues border their content (`said [that ...]`,
        // `[...,"] he told reporters`), so stage 2 can look for the cue stage 1 missed.
        let k = conts[i];
        let cue_d = bucket(c.0.min(c.1));
        f.push(feat3(213, bucket(k.0), bucket(k.1), cue_d));
        f.push(feat3(214, bucket(k.0.min(k.1)), (k.0 < k.1) as u64, t.stem));
        f.push(feat3(215, bucket(k.0.min(k.1)), (k.0 < k.1) as u64, t.pos));
        f.push(feat3(216, bucket(k.1), cue_d, t.vp_head));
        if t.chunk != 0 {
            let ch = |j: isize| info.get(j as usize).map_or(99, |x| x.chunk);
            f.push(feat3(209, lab(ii - 1), t.chunk, ch(ii - 1)));
            f.push(feat3(210, lab(ii + 1), t.chunk, ch(ii + 1)));
            let gr = |j: isize| info.get(j as usize).map_or(9, |x| x.group);
            f.push(feat3(211, lab(ii - 1), t.group, gr(ii - 1)));
            f.push(feat3(212, lab(ii + 1), t.group, gr(ii + 1)));
        }
        offs.push(feats.len() as u32);
    }
    (feats, offs)
}

/// Gold spans of a training document as `(first, end, type)` per unit, dropping spans that
/// overlap an earlier one (the data is univocal, so this is rare).
fn gold_units(
    tokens: &[Token],
    units: &[Vec<usize>],
    spans: &[(usize, Span)],
) -> Vec<Vec<(usize, usize, usize)>> {
    let mut unit_of = vec![(usize::MAX, 0usize); tokens.len()];
    for (ui, u) in units.iter().enumerate() {
        for (p, &k) in u.iter().enumerate() {
            unit_of[k] = (ui, p);
        }
    }
    let mut out: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); units.len()];
    for &(t, sp) in spans {
        let first = tokens.partition_point(|x| x.span.end <= sp.start);
        let end = tokens.partition_point(|x| x.span.start < sp.end);
        // Cut the token range at unit boundaries.
        let mut k = first;
        while k < end {
            let (ui, p) = unit_of[k];
            if ui == usize::MAX {
                k += 1;
                continue;
            }
            let mut q = p + 1;
            while q < units[ui].len() && units[ui][q] < end {
                q += 1;
            }
            out[ui].push((p, q, t));
            k = units[ui][q - 1] + 1;
        }
    }
    for u in &mut out {
        u.sort_unstable();
        let mut kept: Vec<(usize, usize, usize)> = Vec::with_capacity(u.len());
        for &s in u.iter() {
            if kept.last().is_none_or(|l| l.1 <= s.0) {
                kept.push(s);
            }
        }
        *u = kept;
    }
    out
}

/// Stage-1 features and gold spans of each document, and the unit infos for stage 2.
fn prepare(
    docs: &[TrainDoc],
    lexicon: &CueLexicon,
    own: Option<&[CueLexicon]>,
) -> (Vec<Vec<Vec<Info>>>, Vec<Prepared>) {
    docs.iter()
        .enumerate()
        .map(|(di, d)| {
            let tokens = crate::tokenize::tokenize(&d.text);
            let sentences = crate::sentences::split(&d.text, &tokens);
            let units = units(&d.text, &tokens, &sentences);
            let ents = entity_codes(&d.text, &tokens, &sentences);
            let lex = lexicon.codes(&d.text, &tokens, own.map(|o| &o[di]));
            let infos: Vec<Vec<Info>> = units
                .iter()
                .map(|u| unit_info(&d.text, &tokens, u, &ents, &lex))
                .collect();
            let p = Prepared {
                feats: infos.iter().map(|i| stage1(i)).collect(),
                gold: gold_units(&tokens, &units, &d.spans),
                labels1: None,
            };
            (infos, p)
        })
        .unzip()
}

/// Trains the tagger on `train` (scoring span F1 on `dev` after each epoch, if given).
pub fn train(
    train: &[TrainDoc],
    dev: &[TrainDoc],
    options: &TrainOptions,
) -> (QuoteTagger, TrainReport) {
    let (lexicon, own) = CueLexicon::count(train);
    let (train_info, train_p) = prepare(train, &lexicon, Some(&own));
    let (dev_info, dev_p) = prepare(dev, &lexicon, None);
    let stage2_of = |is_dev: bool, i: usize, labels1: &[Vec<Label>]| {
        let infos = if is_dev { &dev_info } else { &train_info };
        infos[i]
            .iter()
            .zip(labels1)
            .map(|(inf, l)| stage2(inf, l))
            .collect()
    };
    let (weights, mut report) = train_weights(&train_p, &dev_p, &stage2_of, options);
    let tagger = QuoteTagger {
        weights,
        ranker: None,
        lexicon,
    };
    report.model_bytes = tagger.to_bytes().len();
    if !dev.is_empty() {
        let mut acc = [[0usize; 3]; NTYPES];
        for (d, p) in dev.iter().zip(&dev_p) {
            let tokens = crate::tokenize::tokenize(&d.text);
            let sentences = crate::sentences::split(&d.text, &tokens);
            let units = units(&d.text, &tokens, &sentences);
            let labels = tagger.tag_units(&d.text, &tokens, &sentences, &units);
            for (g, l) in p.gold.iter().zip(&labels) {
                crate::entities::conll::count(g, &spans_of(l), &mut acc);
            }
        }
        report.dev_f1 = Some(crate::entities::conll::f1(&acc));
    }
    if options.verbose {
        report.log_summary("dev span F1");
    }
    (tagger, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{sentences, tokenize::tokenize};

    fn relations_of(t: &QuoteTagger, text: &str) -> Vec<(String, Option<String>, Vec<String>)> {
        let tokens = tokenize(text);
        let sents = sentences::split(text, &tokens);
        t.relations(text, &tokens, &sents)
            .into_iter()
            .map(|r| {
                (
                    r.cue.slice(text).to_string(),
                    r.source.map(|s| s.slice(text).to_string()),
                    r.content
                        .iter()
                        .map(|c| c.slice(text).to_string())
                        .collect(),
                )
            })
            .collect()
    }

    /// A synthetic corpus: `<source> <cue> that <content>.` with varied names and clauses.
    fn synthetic() -> Vec<TrainDoc> {
        let sources = [
            "The senator",
            "Mr. Brown",
            "Officials",
            "The mayor",
            "Ms. Ortiz",
            "She",
        ];
        let cues = ["said", "argued", "claimed", "warned"];
        let contents = [
            "the bill would pass",
            "taxes were too high",
            "the road will close",
            "voters wanted change",
            "the deal was dead",
        ];
        let mut docs = Vec::new();
        for (i, s) in sources.iter().enumerate() {
            let mut text = String::new();
            let mut spans = Vec::new();
            for (j, c) in cues.iter().enumerate() {
                let content = contents[(i + j) % contents.len()];
                let at = text.len();
                text.push_str(&format!("{s} {c} on Monday that {content}.\n"));
                let cue_at = at + s.len() + 1;
                let content_at = cue_at + c.len() + " on Monday that ".len();
                spans.push((SOURCE, Span::new(at, at + s.len())));
                spans.push((CUE, Span::new(cue_at, cue_at + c.len())));
                spans.push((CONTENT, Span::new(content_at, content_at + content.len())));
                text.push_str("The weather was mild and the streets were quiet.\n");
            }
            docs.push(TrainDoc {
                text,
                spans,
                pairs: Vec::new(),
            });
        }
        docs
    }

    fn tiny_options() -> TrainOptions {
        TrainOptions {
            epochs1: 5,
            epochs2: 5,
            folds: 2,
            verbose: false,
            ..Default::default()
        }
    }

    #[test]
    fn training_learns_a_tiny_synthetic_set() {
        let (tagger, report) = train(&synthetic(), &synthetic()[..1], &tiny_options());
        assert!(report.dev_f1.unwrap() > 90.0, "{report:?}");
        let rels = relations_of(
            &tagger,
            "The governor said on Monday that the bridge was unsafe.",
        );
        assert_eq!(rels.len(), 1, "{rels:?}");
        assert_eq!(rels[0].0, "said");
        assert_eq!(rels[0].1.as_deref(), Some("The governor"));
        assert_eq!(rels[0].2, vec!["the bridge was unsafe".to_string()]);
        // Nothing to find in a sentence without attribution.
        assert!(
            relations_of(&tagger, "The weather was mild and the streets were quiet.").is_empty()
        );
        // The model survives serialisation.
        let again = QuoteTagger::from_bytes(&tagger.to_bytes()).unwrap();
        assert_eq!(
            relations_of(
                &again,
                "Officials warned on Monday that the river would flood."
            ),
            relations_of(
                &tagger,
                "Officials warned on Monday that the river would flood."
            )
        );
    }

    #[test]
    fn the_shipped_model_finds_cue_and_source() {
        let tagger = QuoteTagger::builtin().expect("models/quotes.bin ships a model");
        let rels = relations_of(
            tagger,
            "The senator said on Tuesday that the bill would pass the House next week.",
        );
        assert_eq!(rels.len(), 1, "{rels:?}");
        assert_eq!(rels[0].0, "said");
        assert_eq!(rels[0].1.as_deref(), Some("The senator"));
        assert!(
            rels[0].2.iter().any(|c| c.contains("the bill would pass")),
            "{rels:?}"
        );
        let rels = relations_of(
            tagger,
            "\u{201C}We will not back down,\u{201D} the governor told reporters.",
        );
        assert!(
            rels.iter()
                .any(|r| r.0 == "told" && r.1.as_deref() == Some("the governor")),
            "{rels:?}"
        );
    }

    #[test]
    fn units_are_paragraphs_and_gold_spans_are_cut_at_their_ends() {
        let text = "He said it.\nShe left.\n\nThey wrote \"a b\nc d\" again.";
        let tokens = tokenize(text);
        let sents = sentences::split(text, &tokens);
        let us = units(text, &tokens, &sents);
        assert_eq!(us.len(), 4);
        let word = |k: usize| tokens[k].span.slice(text);
        assert_eq!(word(us[1][0]), "She");
        // A content span across the line break becomes one span in each unit.
        let start = text.find("\"a").unwrap();
        let end = text.find("d\"").unwrap() + 2;
        let gold = gold_units(&tokens, &us, &[(CONTENT, Span::new(start, end))]);
        assert_eq!(gold[2], vec![(2, 5, CONTENT)]);
        assert_eq!(gold[3], vec![(0, 3, CONTENT)]);
        assert!(gold[0].is_empty() && gold[1].is_empty());
    }

    #[test]
    fn stems_join_the_forms_of_a_verb() {
        for group in [
            &["states", "stated", "stating", "state"][..],
            &["echoes", "echoed", "echoing"],
            &["claims", "claimed", "claiming", "claim"],
            &["planned", "planning", "plans"],
            &["denies", "denied", "deny"],
            &["discusses", "discussed", "discussing", "discuss"],
        ] {
            let first = stem(group[0]);
            for w in &group[1..] {
                assert_eq!(stem(w), first, "{w} vs {}", group[0]);
            }
        }
        // Short words, irregular forms and anything but lowercase ASCII letters stay as given.
        assert_eq!(stem("said"), "said");
        assert_eq!(stem("told"), "told");
        assert_eq!(stem("campus"), "campus");
        assert_eq!(stem("o'neill"), "o'neill");
    }

    #[test]
    fn invalid_tokens_are_skipped() {
        let text = "Officials said so.";
        let mut tokens = tokenize(text);
        tokens.push(Token {
            span: Span::new(2, 400),
            kind: dossier_model::TokenKind::Word,
        });
        let sents = sentences::split(text, &tokens);
        let us = units(text, &tokens, &sents);
        assert_eq!(us.iter().map(|u| u.len()).sum::<usize>(), tokens.len() - 1);
    }
}
