//! Gazetteers: lists of names and cue words whose matches become tagger features.
//!
//! The tables live in `models/gazetteer/*.txt` (one entry a line, `#` comments) and are embedded
//! in the binary. `countries.txt`, `cities.txt` and `bigcities.txt` are derived from GeoNames
//! (CC BY 4.0) by `models/gazetteer/derive_places.py`; the others are written by hand as general
//! facts (all demonyms, titles, organisation words, regions, religions and languages, given
//! names, well-known organisations).
//!
//! Matching is by token sequence, case-insensitively, longest first from every start: an entry
//! is a chain of per-token hashes, and every proper prefix of an entry is stored with a flag so
//! the scan stops as soon as no entry can continue. Name categories only match when the first
//! token is capitalised (`nice` is not Nice); cue categories (titles, organisation words) match
//! in any case. A match marks each token it covers with its category and position (B, I, L, U),
//! which the feature templates read; what a match *means* is learnt from training data.

use super::features::{hash_bytes, lower, mix, normalize, Case, TokInfo};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub const NCAT: usize = 10;

/// Category names, in bit order.
pub const CATEGORIES: [&str; NCAT] = [
    "country", "city", "bigcity", "region", "demonym", "title", "orgword", "org", "misc", "given",
];

/// The embedded tables with their category.
pub const TABLES: [(usize, &str); 11] = [
    (
        0,
        include_str!("../../../../models/gazetteer/countries.txt"),
    ),
    (
        0,
        include_str!("../../../../models/gazetteer/countries_extra.txt"),
    ),
    (1, include_str!("../../../../models/gazetteer/cities.txt")),
    (
        2,
        include_str!("../../../../models/gazetteer/bigcities.txt"),
    ),
    (3, include_str!("../../../../models/gazetteer/regions.txt")),
    (4, include_str!("../../../../models/gazetteer/demonyms.txt")),
    (5, include_str!("../../../../models/gazetteer/titles.txt")),
    (
        6,
        include_str!("../../../../models/gazetteer/org_words.txt"),
    ),
    (
        7,
        include_str!("../../../../models/gazetteer/organisations.txt"),
    ),
    (8, include_str!("../../../../models/gazetteer/misc.txt")),
    (
        9,
        include_str!("../../../../models/gazetteer/given_names.txt"),
    ),
];

/// Categories that match whatever the case of the text.
const ANY_CASE: u32 = (1 << 5) | (1 << 6);
const PREFIX: u32 = 1 << 31;
const MAX_LEN: usize = 8;

/// Keys are already hashes: no need to hash them again.
#[derive(Default)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("IdHasher hashes u64 keys only")
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}
pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

pub struct Gazetteer {
    map: IdMap<u32>,
}

/// The phrase key of a sequence of per-token lower-case hashes.
#[inline]
fn extend(h: u64, tok: u64, first: bool) -> u64 {
    if first {
        tok
    } else {
        mix(h ^ 0xA5A5, tok)
    }
}

impl Gazetteer {
    /// The embedded tables.
    pub fn builtin() -> Gazetteer {
        Gazetteer::from_tables(TABLES.iter().copied())
    }

    /// Builds a gazetteer from `(category, table)` pairs.
    pub fn from_tables<'a>(tables: impl Iterator<Item = (usize, &'a str)>) -> Gazetteer {
        let mut map: IdMap<u32> = IdMap::default();
        map.reserve(120_000);
        for (cat, table) in tables {
            for line in table.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let toks: Vec<&str> = line.split_whitespace().collect();
                if toks.len() > MAX_LEN {
                    continue;
                }
                let mut h = 0;
                for (k, t) in toks.iter().enumerate() {
                    let n = normalize(t);
                    h = extend(h, hash_bytes(lower(&n).as_bytes()), k == 0);
                    let bits = if k + 1 == toks.len() {
                        1 << cat
                    } else {
                        PREFIX
                    };
                    *map.entry(h).or_insert(0) |= bits;
                }
            }
        }
        Gazetteer { map }
    }

    /// Whether a single word is a country, city, region or nationality entry.
    pub fn is_place_or_nationality(&self, word: &str) -> bool {
        let n = normalize(word);
        let h = hash_bytes(lower(&n).as_bytes());
        self.map.get(&h).is_some_and(|f| f & 0b1_1111 != 0)
    }

    /// Categories of a one-token entry given its lower-case hash (any case allowed).
    pub fn single_cats(&self, low: u64) -> u32 {
        self.map.get(&low).map_or(0, |f| f & !PREFIX)
    }

    /// Number of keys (entries and prefixes).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Marks the tokens of one sentence (`info[k]` describes `words[k]`) with their matches.
    pub fn annotate(&self, words: &[&str], info: &mut [TokInfo]) {
        debug_assert_eq!(words.len(), info.len());
        for i in 0..info.len() {
            if info[i].case == Case::Other {
                continue;
            }
            let first_cap = matches!(info[i].case, Case::Title | Case::Upper);
            let mut h = 0;
            for len in 1..=MAX_LEN.min(info.len() - i) {
                let j = i + len - 1;
                h = extend(h, info[j].low, len == 1);
                let Some(&flags) = self.map.get(&h) else {
                    break;
                };
                let mut cats = flags & !PREFIX;
                if !first_cap {
                    cats &= ANY_CASE;
                }
                // A name must also end on a capitalised token (or a closing particle-free word).
                if len > 1 && info[j].case == Case::Lower {
                    cats &= ANY_CASE;
                }
                while cats != 0 {
                    let cat = cats.trailing_zeros() as usize;
                    cats &= cats - 1;
                    for (k, t) in info[i..=j].iter_mut().enumerate() {
                        let pos = if len == 1 {
                            3
                        } else if k == 0 {
                            0
                        } else if k + 1 == len {
                            2
                        } else {
                            1
                        };
                        t.gaz |= 1 << (cat * 4 + pos);
                    }
                }
                if flags & PREFIX == 0 {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::sentence_info;
    use super::*;

    fn cats_of(gaz: &Gazetteer, sentence: &str) -> Vec<u64> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let mut info = Vec::new();
        sentence_info(&words, gaz, &mut info);
        info.iter().map(|t| t.gaz).collect()
    }

    #[test]
    fn matches_longest_entries_with_positions() {
        let gaz = Gazetteer::from_tables([(0, "New York\nYork\n"), (5, "Mr\n")].into_iter());
        // (sentence, expected gaz bits per token)
        let cases: &[(&str, &[u64])] = &[
            ("in New York today", &[0, 1 << 0, (1 << 2) | (1 << 3), 0]), // York alone matches too
            ("York", &[1 << 3]),
            ("york", &[0]),                               // names need a capital
            ("mr Smith", &[1 << (5 * 4 + 3), 0]),         // cue words match in any case
            ("NEW YORK", &[1 << 0, (1 << 2) | (1 << 3)]), // headlines match
            ("New", &[0]),                                // a prefix alone is no match
        ];
        for (s, want) in cases {
            assert_eq!(cats_of(&gaz, s), want.to_vec(), "{s}");
        }
    }

    #[test]
    fn builtin_tables_load() {
        let gaz = Gazetteer::builtin();
        assert!(gaz.len() > 10_000);
        let g = cats_of(&gaz, "President Macron visited Paris and Germany");
        assert_ne!(g[0] & (0xF << 20), 0, "title");
        assert_ne!(g[3] & (0xF << 4), 0, "city");
        assert_ne!(g[5] & 0xF, 0, "country");
    }
}
