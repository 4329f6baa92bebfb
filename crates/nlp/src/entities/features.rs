//! Feature extraction for the entity tagger: every feature is a 64-bit hash of a template id
//! and the strings it looks at, so the model is a hash table and no feature strings are ever
//! built at tagging time.
//!
//! Per token we precompute the hashes of its parts once ([`TokInfo`]: the word, its lower-case
//! form, its shape and short shape, prefixes and suffixes, its gazetteer matches), then each
//! feature is one `mix` of a template id with one to three of those hashes. The templates
//! follow Ratinov & Roth (2009): the word and its neighbours within ±2, shapes, affixes,
//! capitalisation in context (sentence-initial, all-caps headline), gazetteer matches of the
//! token and its neighbours, the parts of hyphenated words, and whether the lower-case form of
//! a capitalised word also occurs lower-case elsewhere in the document. The second stage adds
//! the first stage's labels (own and neighbours') and the labels the same word received
//! elsewhere in the document ("context aggregation", [`aggregate_features`]).

use super::gazetteer::{Gazetteer, NCAT};
use super::{Label, NLABELS, NTYPES};

/// A fast 64-bit hash of bytes (multiply-rotate over 8-byte words, then a final avalanche).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 =
        0x243F_6A88_85A3_08D3 ^ (bytes.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(31);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(buf))
            .wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            .rotate_left(29);
    }
    finish(h)
}

#[inline]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h
}

/// Combines a hash with another value (order matters).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    finish(
        a.rotate_left(23).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ b.wrapping_add(0x632B_E59B_D9B4_E019),
    )
}

#[inline]
pub(crate) fn feat1(t: u64, a: u64) -> u64 {
    mix(t.wrapping_mul(0xD6E8_FEB8_6659_FD93), a)
}
#[inline]
pub(crate) fn feat2(t: u64, a: u64, b: u64) -> u64 {
    mix(feat1(t, a), b)
}
#[inline]
pub(crate) fn feat3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(feat2(t, a, b), c)
}

/// Normalises typographic variants so that raw news text looks like the training data
/// (CoNLL-2003 is ASCII): curly quotes and apostrophes, dashes, ellipsis.
pub fn normalize(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => s.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => s.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => s.push('-'),
            '\u{2026}' => s.push_str("..."),
            '\u{00A0}' => s.push(' '),
            c => s.push(c),
        }
    }
    std::borrow::Cow::Owned(s)
}

/// Lower-cases with an ASCII fast path.
pub fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| !b.is_ascii_uppercase()) && word.is_ascii() {
        std::borrow::Cow::Borrowed(word)
    } else if word.is_ascii() {
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// The shape of a word (`Xxxx`, `XX-X`, `dddd-dd-dd`; at most 12 characters) and its short
/// form with runs collapsed (`Xx`, `X-X`, `d-d-d`).
pub(crate) fn shapes(word: &str) -> (u64, u64) {
    let mut full = [0u8; 16];
    let mut short = [0u8; 16];
    let (mut nf, mut ns) = (0usize, 0usize);
    for c in word.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else if c.is_alphabetic() {
            b'a'
        } else {
            b'u'
        };
        if nf < 12 {
            full[nf] = s;
            nf += 1;
        }
        if (ns == 0 || short[ns - 1] != s) && ns < 16 {
            short[ns] = s;
            ns += 1;
        }
    }
    (hash_bytes(&full[..nf]), hash_bytes(&short[..ns]))
}

/// Capitalisation class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Starts with an upper-case letter, not all capitals (`Moscow`).
    Title,
    /// All letters capitals, at least one letter (`FBI`, `U.S.`, `BRUSSELS`).
    Upper,
    /// Starts with a lower-case letter.
    Lower,
    /// No letters first (numbers, punctuation).
    Other,
}

pub fn case_of(word: &str) -> Case {
    let Some(first) = word.chars().next() else {
        return Case::Other;
    };
    if first.is_uppercase() {
        if word.chars().any(|c| c.is_lowercase()) {
            Case::Title
        } else {
            Case::Upper
        }
    } else if first.is_lowercase() {
        Case::Lower
    } else {
        Case::Other
    }
}

/// What the feature templates need to know about one token, computed once.
#[derive(Debug, Clone)]
pub struct TokInfo {
    pub word: u64,
    pub low: u64,
    pub shape: u64,
    pub short: u64,
    pub pre: [u64; 4],
    pub suf: [u64; 4],
    pub case: Case,
    /// Hashes of the lower-cased pieces of a hyphenated word (at most 3), else empty.
    pub parts: [u64; 3],
    pub nparts: u8,
    /// Gazetteer categories of the pieces of a hyphenated word: first piece in the low 16 bits,
    /// the others in the high 16.
    pub part_gaz: u32,
    /// Gazetteer matches covering the token: bit `cat * 4 + pos` (pos: 0 B, 1 I, 2 L, 3 U).
    pub gaz: u64,
}

/// Computes [`TokInfo`] for the tokens of one sentence (gazetteer matching needs the sentence).
pub fn sentence_info(words: &[&str], gaz: &Gazetteer, out: &mut Vec<TokInfo>) {
    let start = out.len();
    for w in words {
        let low = lower(w);
        let (shape, short) = shapes(w);
        let mut pre = [0u64; 4];
        let mut suf = [0u64; 4];
        let lb = low.as_bytes();
        if low.is_ascii() {
            let n = lb.len();
            for k in 0..4 {
                let m = (k + 1).min(n);
                pre[k] = hash_bytes(&lb[..m]);
                suf[k] = hash_bytes(&lb[n - m..]);
            }
        } else {
            let mut b = [0usize; 5];
            let mut e = [lb.len(); 5];
            for (k, (i, _)) in low.char_indices().take(5).enumerate() {
                b[k] = i;
            }
            let nch = low.chars().count();
            for (k, (i, _)) in low.char_indices().rev().take(4).enumerate() {
                e[k + 1] = i;
            }
            for k in 0..4 {
                let m = (k + 1).min(nch);
                let pe = if m < nch { b[m] } else { lb.len() };
                pre[k] = hash_bytes(&lb[..pe]);
                suf[k] = hash_bytes(&lb[e[m]..]);
            }
            // e[m] is the start of the m-th character from the end (e[0] = len).
        }
        let mut parts = [0u64; 3];
        let mut nparts = 0u8;
        let mut part_gaz = 0u32;
        if low.len() > 2 && low.contains('-') {
            for p in low.split('-').filter(|p| !p.is_empty()).take(3) {
                parts[nparts as usize] = hash_bytes(p.as_bytes());
                let cats = gaz.single_cats(parts[nparts as usize]) & 0xFFFF;
                part_gaz |= if nparts == 0 { cats } else { cats << 16 };
                nparts += 1;
            }
        }
        out.push(TokInfo {
            word: hash_bytes(w.as_bytes()),
            low: hash_bytes(low.as_bytes()),
            shape,
            short,
            pre,
            suf,
            case: case_of(w),
            parts,
            nparts,
            part_gaz,
            gaz: 0,
        });
    }
    gaz.annotate(words, &mut out[start..]);
}

/// Facts about a sentence used by several templates.
pub struct SentenceCtx {
    /// Most letters of the sentence are capitals (a CoNLL headline, a shouted title).
    pub headline: bool,
}

pub fn sentence_ctx(info: &[TokInfo]) -> SentenceCtx {
    let (mut up, mut letters) = (0, 0);
    for t in info {
        match t.case {
            Case::Upper => {
                up += 1;
                letters += 1
            }
            Case::Title | Case::Lower => letters += 1,
            Case::Other => {}
        }
    }
    SentenceCtx {
        headline: letters >= 2 && up * 10 >= letters * 7,
    }
}

const BOS: u64 = 0x5EED_0001;
const EOS: u64 = 0x5EED_0002;

/// Appends the first-stage features of token `i` of a sentence to `out`.
/// `seen_lower` says whether the word's lower-case form occurs lower-case elsewhere in the
/// document (meaningful for capitalised tokens).
pub fn token_features(
    info: &[TokInfo],
    ctx: &SentenceCtx,
    i: usize,
    seen_lower: bool,
    out: &mut Vec<u64>,
) {
    let t = &info[i];
    let low_at = |j: isize| -> u64 {
        if j < 0 {
            BOS
        } else {
            info.get(j as usize).map_or(EOS, |t| t.low)
        }
    };
    let short_at = |j: isize| -> u64 {
        if j < 0 {
            BOS
        } else {
            info.get(j as usize).map_or(EOS, |t| t.short)
        }
    };
    let ii = i as isize;
    out.push(feat1(1, 0));
    out.push(feat1(2, t.word));
    out.push(feat1(3, t.low));
    out.push(feat1(4, t.shape));
    out.push(feat1(5, t.short));
    for k in 0..4 {
        out.push(feat1(6 + k as u64, t.pre[k]));
        out.push(feat1(10 + k as u64, t.suf[k]));
    }
    let (lp, ln, lp2, ln2) = (
        low_at(ii - 1),
        low_at(ii + 1),
        low_at(ii - 2),
        low_at(ii + 2),
    );
    out.push(feat1(14, lp));
    out.push(feat1(15, ln));
    out.push(feat1(16, lp2));
    out.push(feat1(17, ln2));
    let (sp, sn) = (short_at(ii - 1), short_at(ii + 1));
    out.push(feat1(18, sp));
    out.push(feat1(19, sn));
    out.push(feat2(20, lp, t.low));
    out.push(feat2(21, t.low, ln));
    out.push(feat3(22, sp, t.short, sn));
    out.push(feat2(23, (i == 0) as u64, t.short));
    if ctx.headline {
        out.push(feat2(24, 1, t.low));
        out.push(feat1(25, t.short));
    }
    // Gazetteer: the token's own matches (category and position), the neighbours' categories.
    let mut g = t.gaz;
    while g != 0 {
        let b = g.trailing_zeros() as u64;
        g &= g - 1;
        out.push(feat2(26, b, (t.case == Case::Lower) as u64));
    }
    for (tmpl, j) in [(27u64, ii - 1), (28, ii + 1)] {
        if j >= 0 {
            if let Some(n) = info.get(j as usize) {
                let cats = collapse(n.gaz);
                let mut c = cats;
                while c != 0 {
                    let b = c.trailing_zeros() as u64;
                    c &= c - 1;
                    out.push(feat1(tmpl, b));
                }
            }
        }
    }
    for k in 0..t.nparts as usize {
        out.push(feat2(29, k.min(1) as u64, t.parts[k]));
    }
    let mut pg = t.part_gaz;
    while pg != 0 {
        let b = pg.trailing_zeros() as u64;
        pg &= pg - 1;
        out.push(feat1(32, b));
    }
    if matches!(t.case, Case::Title | Case::Upper) {
        out.push(feat2(30, seen_lower as u64, (i == 0) as u64));
        out.push(feat3(31, t.short, lp, (i == 0) as u64));
    }
}

/// One bit per gazetteer category from the category×position bits.
pub fn collapse(gaz: u64) -> u64 {
    let mut c = 0;
    for cat in 0..NCAT {
        if gaz >> (cat * 4) & 0xF != 0 {
            c |= 1 << cat;
        }
    }
    c
}

/// Entity type index of a label (`None` for O).
#[inline]
fn ltype(l: Label) -> Option<usize> {
    if l == 0 {
        None
    } else {
        Some((l as usize - 1) / 4)
    }
}

/// Second-stage features of token `i`: the first stage's labels around it and the
/// distribution of types the same (capitalised) word received elsewhere in the document.
/// `agg` holds, for the token's lower-case form, counts of first-stage labels over the whole
/// document.
pub fn aggregate_features(
    labels: &[Label],
    info: &[TokInfo],
    i: usize,
    agg: Option<&[u32; NLABELS]>,
    out: &mut Vec<u64>,
) {
    let l = labels[i] as u64;
    let prev = if i > 0 {
        labels[i - 1] as u64
    } else {
        NLABELS as u64
    };
    let next = labels.get(i + 1).map_or(NLABELS as u64 + 1, |&x| x as u64);
    out.push(feat1(40, l));
    out.push(feat1(41, prev));
    out.push(feat1(42, next));
    out.push(feat2(43, l, info[i].short));
    out.push(feat3(50, prev, l, next));
    if let Some(by_label) = agg {
        // Remove the token's own first-stage vote.
        let mut bl = *by_label;
        bl[labels[i] as usize] = bl[labels[i] as usize].saturating_sub(1);
        let mut c = [0u32; NTYPES + 1];
        for (l, &v) in bl.iter().enumerate() {
            c[ltype(l as Label).map_or(0, |t| t + 1)] += v;
        }
        if let Some((best_l, _)) = bl
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, &v)| v > 0)
            .max_by_key(|(k, &v)| (v, std::cmp::Reverse(*k)))
        {
            out.push(feat1(49, best_l as u64));
        }
        let total: u32 = c.iter().sum();
        if total == 0 {
            out.push(feat1(44, 0));
        } else {
            let ents: u32 = c[1..].iter().sum();
            let (best, &bc) = c[1..]
                .iter()
                .enumerate()
                .max_by_key(|(k, &v)| (v, std::cmp::Reverse(*k)))
                .unwrap();
            if ents == 0 {
                out.push(feat1(45, (total > 1) as u64));
            } else {
                let frac = bc * 4 / total; // 0..=4
                out.push(feat2(46, best as u64, frac as u64));
                out.push(feat2(47, best as u64, l));
                for (k, &v) in c[1..].iter().enumerate() {
                    if v > 0 {
                        out.push(feat1(48, k as u64));
                    }
                }
            }
        }
    }
}
