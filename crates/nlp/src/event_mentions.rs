//! Event mentions in the ECB+ sense: every action a text reports, verbs and event nouns alike
//! ("killed", "shooting", "arrested", "announced", "earthquake", "fired"), tagged by a
//! two-stage averaged perceptron on the entity tagger's machinery ([`crate::entities`]: hashed
//! features, i16 weight table, BILOU Viterbi, the shared training loop), trained by our own code
//! on ECB+ (`dossier train events`) and shipped as `models/events.bin`.
//!
//! This is not the dossier's own event detection (`dossier-merge` keeps a domain lexicon of
//! attacks and arrests on purpose); `dossier eval ecb` uses it to score cross-document event
//! coreference with mentions we found ourselves.
//!
//! # Features
//! - Stage 1: the entity tagger's token features ([`crate::entities`]' `doc_features`: word,
//!   affixes, shape, neighbours), plus the coarse part of speech and chunk of the syntax tagger
//!   ([`crate::syntax`]) around the token, and the token's [`lemma`]. Event triggers are mostly
//!   verbs and deverbal nouns, so the part of speech with the suffix carries most of the signal
//!   for words never seen in training.
//! - Stage 2: stage 1's labels around the token, and how stage 1 labelled the other
//!   occurrences of the same lemma in the document (a word that is an event once usually is
//!   one everywhere in a news story).

use crate::entities::features::{feat1, feat2, feat3, hash_bytes, lower, normalize};
use crate::entities::model::{viterbi, Weights};
use crate::entities::train::{train_weights, Prepared, TrainOptions, TrainReport};
use crate::entities::{doc_features, spans_of, Label, SentFeats, NLABELS, NTYPES};
use crate::syntax::Syntax;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The one span type (BILOU type index 0 of the shared label set; the others are unused).
pub const EVENT: usize = 0;

static BUILTIN: &[u8] = include_bytes!("../../../models/events.bin");

/// The trained event-mention tagger.
pub struct EventTagger {
    weights: Weights,
    /// See [`RECALL_BIAS`].
    bias: f32,
}

/// A training document: its sentences as words and the gold event spans of each sentence as
/// token ranges `(first, end)`. Give only sentences whose events are all annotated (ECB+'s
/// annotated sentences): an unannotated event would teach the tagger to miss it.
#[derive(Debug, Clone, Default)]
pub struct TrainDoc {
    pub sentences: Vec<Vec<String>>,
    pub events: Vec<Vec<(usize, usize)>>,
}

/// A crude English lemma for matching event words across documents: irregular forms and a
/// few derivations go to their base form ("shot" → "shoot", "death" → "die"), then
/// inflectional and a few derivational suffixes are stripped so that "kill", "kills",
/// "killed", "killing" share one stem, as do "announce", "announced", "announcement". The
/// result is a stem, not always a word ("announc"); it only has to agree with itself.
pub fn lemma(word: &str) -> String {
    let low = lower(&normalize(word)).into_owned();
    let low = low
        .strip_suffix("'s")
        .or_else(|| low.strip_suffix('\''))
        .unwrap_or(&low)
        .to_string();
    let base = IRREGULAR
        .iter()
        .find(|(form, _)| *form == low)
        .map_or(low.as_str(), |(_, base)| base);
    stem(base)
}

/// Irregular verb forms and common event-noun derivations, to their base form. General
/// English morphology, not a list of any data set's triggers.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("shot", "shoot"),
    ("shots", "shoot"),
    ("gunshot", "shoot"),
    ("gunfire", "shoot"),
    ("struck", "strike"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("died", "die"),
    ("dies", "die"),
    ("dying", "die"),
    ("dead", "die"),
    ("death", "die"),
    ("deaths", "die"),
    ("took", "take"),
    ("taken", "take"),
    ("won", "win"),
    ("left", "leave"),
    ("fled", "flee"),
    ("sent", "send"),
    ("went", "go"),
    ("gone", "go"),
    ("came", "come"),
    ("gave", "give"),
    ("given", "give"),
    ("made", "make"),
    ("held", "hold"),
    ("caught", "catch"),
    ("bought", "buy"),
    ("sold", "sell"),
    ("sale", "sell"),
    ("sales", "sell"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("theft", "steal"),
    ("fought", "fight"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("broke", "break"),
    ("broken", "break"),
    ("began", "begin"),
    ("begun", "begin"),
    ("ran", "run"),
    ("hung", "hang"),
    ("led", "lead"),
    ("met", "meet"),
    ("found", "find"),
    ("sought", "seek"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("speech", "speak"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("choice", "choose"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("flight", "fly"),
    ("grew", "grow"),
    ("growth", "grow"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("knew", "know"),
    ("known", "know"),
    ("lost", "lose"),
    ("loss", "lose"),
    ("losses", "lose"),
    ("paid", "pay"),
    ("payment", "pay"),
    ("shook", "shake"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("stood", "stand"),
    ("swept", "sweep"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("became", "become"),
    ("brought", "bring"),
    ("built", "build"),
    ("dealt", "deal"),
    ("fed", "feed"),
    ("felt", "feel"),
    ("kept", "keep"),
    ("laid", "lay"),
    ("spent", "spend"),
    ("taught", "teach"),
    ("thought", "think"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("withdrawal", "withdraw"),
    ("arose", "arise"),
    ("arisen", "arise"),
    ("beaten", "beat"),
    ("bitten", "bite"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("ate", "eat"),
    ("eaten", "eat"),
    ("got", "get"),
    ("gotten", "get"),
    ("heard", "hear"),
    ("rode", "ride"),
    ("ridden", "ride"),
    ("rang", "ring"),
    ("rung", "ring"),
    ("saw", "see"),
    ("seen", "see"),
    ("sat", "sit"),
    ("slept", "sleep"),
    ("sang", "sing"),
    ("sung", "sing"),
    ("swam", "swim"),
    ("swung", "swing"),
    ("wept", "weep"),
    ("wrote", "write"),
    ("written", "write"),
    ("bore", "bear"),
    ("born", "bear"),
    ("birth", "bear"),
    ("marriage", "marry"),
    ("trial", "try"),
    ("proof", "prove"),
    ("failure", "fail"),
    ("departure", "depart"),
    ("seizure", "seize"),
    ("closure", "close"),
    ("was", "be"),
    ("were", "be"),
    ("is", "be"),
    ("are", "be"),
    ("been", "be"),
    ("has", "have"),
    ("had", "have"),
    ("did", "do"),
    ("does", "do"),
    ("done", "do"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Suffix stripping on a lower-case word (see [`lemma`]). Each rule keeps at least three
/// letters, so short words ("sing", "bed", "news") are left alone.
fn stem(word: &str) -> String {
    let mut w = word.to_string();
    if !w.bytes().all(|c| c.is_ascii_lowercase()) {
        return w;
    }
    let strip = |w: &mut String, suffix: &str, keep: usize| -> bool {
        if w.len() >= suffix.len() + keep && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            true
        } else {
            false
        }
    };
    // Plurals and third persons first ("announcements" → "announcement").
    if w.ends_with("ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        strip(&mut w, "s", 3);
    }
    // One derivational or inflectional suffix.
    let inflected = strip(&mut w, "ment", 4)
        || strip(&mut w, "ing", 3)
        || strip(&mut w, "ed", 3)
        || strip(&mut w, "ion", 4)
        || strip(&mut w, "al", 4)
        || strip(&mut w, "ance", 4)
        || strip(&mut w, "ence", 4);
    let b = w.as_bytes();
    let n = b.len();
    // "stopped", "stopping" → "stop" (but "kill", "pass", "buzz" keep their double letters).
    if inflected
        && n >= 4
        && b[n - 1] == b[n - 2]
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'l' | b's' | b'z')
    {
        w.truncate(n - 1);
    }
    // "fire"/"fired"/"firing", "marry"/"married": drop a final e, a final y becomes i.
    if w.len() >= 4 && w.ends_with('e') {
        w.truncate(w.len() - 1);
    }
    if w.len() >= 4 && w.ends_with('y') && !is_vowel(w.as_bytes()[w.len() - 2]) {
        w.truncate(w.len() - 1);
        w.push('i');
    }
    w
}

/// Everything the features need about one document.
struct DocInfo {
    sents: Vec<SentFeats>,
    /// Hash of each token's lemma, per sentence.
    lemmas: Vec<Vec<u64>>,
}

const BOS: u64 = 0xE7E7_0001;

/// Feature hashes of each sequence with their per-token offsets.
type SeqFeats = Vec<(Vec<u64>, Vec<u32>)>;

fn doc_info(doc: &[Vec<&str>]) -> (DocInfo, SeqFeats) {
    let norm: Vec<Vec<std::borrow::Cow<str>>> = doc
        .iter()
        .map(|s| s.iter().map(|w| normalize(w)).collect())
        .collect();
    let words: Vec<Vec<&str>> = norm
        .iter()
        .map(|s| s.iter().map(|w| w.as_ref()).collect())
        .collect();
    let sents = doc_features(&words);
    let parsed = Syntax::builtin().map(|s| s.tag_words(&words));
    let lemmas: Vec<Vec<u64>> = words
        .iter()
        .map(|s| s.iter().map(|w| hash_bytes(lemma(w).as_bytes())).collect())
        .collect();
    let feats = sents
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let n = s.info.len();
            let (pos, chunk): (Vec<u64>, Vec<u64>) = match &parsed {
                Some(p) => (
                    p[k].pos.iter().map(|&x| x as u64 + 1).collect(),
                    p[k].chunks.iter().map(|&x| x as u64 + 1).collect(),
                ),
                None => (vec![0; n], vec![0; n]),
            };
            let at = |v: &[u64], j: isize| -> u64 {
                if j < 0 || j as usize >= n {
                    BOS
                } else {
                    v[j as usize]
                }
            };
            let mut feats = Vec::with_capacity(s.feats.len() + n * 14);
            let mut offs = vec![0u32];
            for i in 0..n {
                let ii = i as isize;
                feats.extend_from_slice(&s.feats[s.offs[i] as usize..s.offs[i + 1] as usize]);
                let (p, low, lem) = (pos[i], s.info[i].low, lemmas[k][i]);
                for d in [-2isize, -1, 1, 2] {
                    feats.push(feat2(500, d as u64, at(&pos, ii + d)));
                }
                feats.push(feat1(501, p));
                feats.push(feat2(502, p, low));
                feats.push(feat2(503, p, s.info[i].suf[1]));
                feats.push(feat2(504, p, s.info[i].suf[2]));
                feats.push(feat3(505, at(&pos, ii - 1), p, at(&pos, ii + 1)));
                feats.push(feat2(506, at(&pos, ii - 1), p));
                feats.push(feat2(507, p, at(&pos, ii + 1)));
                feats.push(feat1(508, chunk[i]));
                feats.push(feat2(509, chunk[i], p));
                feats.push(feat1(510, lem));
                feats.push(feat2(511, lem, p));
                feats.push(feat2(512, at(&pos, ii - 1), low));
                offs.push(feats.len() as u32);
            }
            (feats, offs)
        })
        .collect();
    (DocInfo { sents, lemmas }, feats)
}

/// Stage-2 features: stage 1's labels around the token, and the share of the other
/// occurrences of its lemma in the document that stage 1 tagged as events.
fn stage2(info: &DocInfo, labels1: &[Vec<Label>]) -> SeqFeats {
    let mut counts: HashMap<u64, (u32, u32)> = HashMap::new();
    for (lems, ls) in info.lemmas.iter().zip(labels1) {
        for (&l, &lab) in lems.iter().zip(ls) {
            let c = counts.entry(l).or_default();
            c.0 += 1;
            c.1 += u32::from(lab != 0);
        }
    }
    info.sents
        .iter()
        .zip(&info.lemmas)
        .zip(labels1)
        .map(|((s, lems), ls)| {
            let n = s.info.len();
            let at = |j: isize| -> u64 {
                if j < 0 || j as usize >= n {
                    BOS
                } else {
                    ls[j as usize] as u64
                }
            };
            let mut feats = Vec::with_capacity(n * 6);
            let mut offs = vec![0u32];
            for i in 0..n {
                let ii = i as isize;
                let own = u32::from(ls[i] != 0);
                let (all, ev) = counts[&lems[i]];
                let (others, others_ev) = (all - 1, ev - own);
                // Buckets: no other occurrence, none / some / all of them tagged.
                let share = match (others, others_ev) {
                    (0, _) => 0,
                    (_, 0) => 1,
                    (o, e) if e == o => 3,
                    _ => 2,
                };
                feats.push(feat1(600, share));
                feats.push(feat2(601, share, at(ii)));
                feats.push(feat2(602, at(ii - 1), at(ii)));
                feats.push(feat2(603, at(ii), at(ii + 1)));
                feats.push(feat3(604, at(ii - 1), at(ii), at(ii + 1)));
                offs.push(feats.len() as u32);
            }
            (feats, offs)
        })
        .collect()
}

impl EventTagger {
    /// The model shipped with dossier (`models/events.bin`), or `None` when the build shipped
    /// none (an empty file): `dossier train events` makes one.
    pub fn builtin() -> Option<&'static EventTagger> {
        static T: OnceLock<Option<EventTagger>> = OnceLock::new();
        crate::entities::embedded_model(&T, BUILTIN, "models/events.bin", EventTagger::from_bytes)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<EventTagger, String> {
        Ok(EventTagger {
            weights: Weights::from_bytes(bytes)
                .map_err(|e| format!("not an event-mention model ({e})"))?,
            bias: RECALL_BIAS,
        })
    }

    /// The same tagger decoding with another bias toward event labels ([`RECALL_BIAS`]).
    pub fn with_bias(self, bias: f32) -> EventTagger {
        EventTagger { bias, ..self }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes()
    }

    /// The event mentions of a document given as sentences of words: token ranges
    /// `(first, end)` per sentence.
    pub fn tag_words(&self, doc: &[Vec<&str>]) -> Vec<Vec<(usize, usize)>> {
        let (info, feats) = doc_info(doc);
        self.tag_biased(&info, &feats, self.bias)
            .iter()
            .map(|ls| {
                spans_of(ls)
                    .into_iter()
                    .filter(|s| s.2 == EVENT)
                    .map(|(s, e, _)| (s, e))
                    .collect()
            })
            .collect()
    }

    /// [`Weights::tag`] with `bias` (in averaged-perceptron units) added to stage 2's score of
    /// every event label, to trade precision for recall.
    fn tag_biased(&self, info: &DocInfo, feats: &SeqFeats, bias: f32) -> Vec<Vec<Label>> {
        let w = &self.weights;
        let b = (bias / w.scale[1]).round() as i32;
        let mut labels1 = Vec::with_capacity(feats.len());
        let mut emit2_all = Vec::with_capacity(feats.len());
        let mut path = Vec::new();
        for (f, o) in feats {
            let n = o.len().saturating_sub(1);
            let mut emit1 = Vec::with_capacity(n);
            let mut emit2 = Vec::with_capacity(n);
            for k in 0..n {
                let (mut s1, mut s2) = ([0i32; NLABELS], [0i32; NLABELS]);
                w.score(&f[o[k] as usize..o[k + 1] as usize], &mut s1, &mut s2, true);
                emit1.push(s1);
                emit2.push(s2);
            }
            viterbi(&emit1, &w.trans[0], &mut path, w.free1);
            labels1.push(path.clone());
            emit2_all.push(emit2);
        }
        let agg = stage2(info, &labels1);
        let mut dummy = [0i32; NLABELS];
        agg.iter()
            .zip(emit2_all)
            .map(|((f, o), mut emit2)| {
                for (k, e) in emit2.iter_mut().enumerate() {
                    w.score(&f[o[k] as usize..o[k + 1] as usize], &mut dummy, e, false);
                    for x in &mut e[1..] {
                        *x += b;
                    }
                }
                viterbi(&emit2, &w.trans[1], &mut path, false);
                path.clone()
            })
            .collect()
    }
}

/// Stage-2 bias toward event labels when decoding, in averaged-perceptron units: the tagger's
/// precision runs well above its recall (0.83 against 0.66). Chosen on train: a model trained
/// on train topics 1–27 and scored on the held-out train topics 28–33 had mention F1 0.733 at
/// 0, 0.747 at 16, 0.755 at 24, 0.750 at 32, 0.717 at 48 (CoNLL F1 0.530 → 0.542 at 24).
/// ECB+ dev was not used. The right value depends on the weights' scale, so a model trained
/// on much more or much less data may want another ([`EventTagger::with_bias`]).
pub const RECALL_BIAS: f32 = 24.0;

/// Mention-detection counts: (true positives, predicted, gold).
pub fn count(gold: &[(usize, usize)], predicted: &[(usize, usize)], acc: &mut [usize; 3]) {
    acc[0] += predicted.iter().filter(|p| gold.contains(p)).count();
    acc[1] += predicted.len();
    acc[2] += gold.len();
}

/// Gold spans without overlaps (ECB+ has a few nested mentions, "checked herself" inside
/// "checked herself into"; BILOU tags one of them): the earlier, then the shorter, wins.
fn non_overlapping(spans: &[(usize, usize)], n: usize) -> Vec<(usize, usize, usize)> {
    let mut sorted: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(s, e)| s < e && e <= n)
        .collect();
    sorted.sort_by_key(|&(s, e)| (s, e));
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (s, e) in sorted {
        if out.last().is_none_or(|l| l.1 <= s) {
            out.push((s, e, EVENT));
        }
    }
    out
}

fn prepare(docs: &[TrainDoc]) -> (Vec<DocInfo>, Vec<Prepared>) {
    docs.iter()
        .map(|d| {
            let words: Vec<Vec<&str>> = d
                .sentences
                .iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect();
            let (info, feats) = doc_info(&words);
            let gold = d
                .sentences
                .iter()
                .enumerate()
                .map(|(k, s)| non_overlapping(d.events.get(k).map_or(&[][..], |v| v), s.len()))
                .collect();
            (
                info,
                Prepared {
                    feats,
                    gold,
                    labels1: None,
                },
            )
        })
        .unzip()
}

/// Trains the tagger; `dev` (may be empty) is scored after every epoch and at the end (exact
/// span F1, percent).
pub fn train(
    train: &[TrainDoc],
    dev: &[TrainDoc],
    options: &TrainOptions,
) -> (EventTagger, TrainReport) {
    let (train_info, train_p) = prepare(train);
    let (dev_info, dev_p) = prepare(dev);
    let stage2_of = |is_dev: bool, i: usize, labels1: &[Vec<Label>]| {
        let infos = if is_dev { &dev_info } else { &train_info };
        stage2(&infos[i], labels1)
    };
    let (weights, mut report) = train_weights(&train_p, &dev_p, &stage2_of, options);
    let tagger = EventTagger {
        weights,
        bias: RECALL_BIAS,
    };
    report.model_bytes = tagger.to_bytes().len();
    if !dev.is_empty() {
        let mut acc = [[0usize; 3]; NTYPES];
        for (d, p) in dev.iter().zip(&dev_p) {
            let words: Vec<Vec<&str>> = d
                .sentences
                .iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect();
            let found = tagger.tag_words(&words);
            for (g, f) in p.gold.iter().zip(&found) {
                let f: Vec<(usize, usize, usize)> = f.iter().map(|&(s, e)| (s, e, EVENT)).collect();
                crate::entities::conll::count(g, &f, &mut acc);
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

    #[test]
    fn lemmas_join_inflections_and_derivations() {
        for group in [
            &["kill", "kills", "killed", "killing"][..],
            &["announce", "announced", "announcement", "announcing"],
            &["arrest", "arrested", "arrests"],
            &["shoot", "shooting", "shot", "shots"],
            &["fire", "fired", "firing", "fires"],
            &["die", "died", "death", "deaths"],
            &["stop", "stopped", "stopping"],
            &["marry", "married", "marriage"],
            &["elect", "elected", "election"],
            &["Quake", "quake", "quakes"],
        ] {
            let l = lemma(group[0]);
            for w in group {
                assert_eq!(lemma(w), l, "{w} vs {}", group[0]);
            }
        }
        assert_ne!(lemma("kill"), lemma("fire"));
        assert_eq!(lemma("pass"), lemma("passed"));
    }

    #[test]
    fn overlapping_gold_keeps_the_first_and_shorter() {
        assert_eq!(
            non_overlapping(&[(2, 5), (2, 4), (7, 8), (4, 6), (9, 12)], 10),
            vec![(2, 4, EVENT), (4, 6, EVENT), (7, 8, EVENT)]
        );
    }

    fn doc(sentences: &[(&str, &[(usize, usize)])]) -> TrainDoc {
        TrainDoc {
            sentences: sentences
                .iter()
                .map(|(s, _)| s.split(' ').map(String::from).collect())
                .collect(),
            events: sentences.iter().map(|(_, e)| e.to_vec()).collect(),
        }
    }

    #[test]
    fn training_learns_a_tiny_synthetic_set() {
        let docs = vec![
            doc(&[
                (
                    "Police arrested a man after the shooting on Monday .",
                    &[(1, 2), (6, 7)],
                ),
                (
                    "The man was charged with murder , officials said .",
                    &[(3, 4), (5, 6), (9, 10)],
                ),
            ]),
            doc(&[
                (
                    "An earthquake struck the island , killing 12 people .",
                    &[(1, 2), (2, 3), (6, 7)],
                ),
                (
                    "Rescuers searched the rubble , the mayor said .",
                    &[(1, 2), (7, 8)],
                ),
            ]),
            doc(&[
                (
                    "The company fired its chief executive on Friday .",
                    &[(2, 3)],
                ),
                (
                    "He resigned after the scandal , a spokesman announced .",
                    &[(1, 2), (4, 5), (8, 9)],
                ),
            ]),
        ];
        let options = TrainOptions {
            epochs1: 8,
            epochs2: 8,
            folds: 3,
            verbose: false,
            ..Default::default()
        };
        // No recall bias: it is sized for weights trained on thousands of sentences.
        let (tagger, _) = train(&docs, &[], &options);
        let tagger = tagger.with_bias(0.0);
        let mut acc = [0usize; 3];
        for d in &docs {
            let words: Vec<Vec<&str>> = d
                .sentences
                .iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect();
            for (g, f) in d.events.iter().zip(tagger.tag_words(&words)) {
                count(g, &f, &mut acc);
            }
        }
        // Stage 1 learns the set; stage 2's jackknifed labels on three documents are noisy.
        assert!(acc[0] as f64 >= 0.85 * acc[2] as f64, "{acc:?}");
        let again = EventTagger::from_bytes(&tagger.to_bytes())
            .unwrap()
            .with_bias(0.0);
        let words: Vec<Vec<&str>> = vec!["Police arrested a man after the shooting on Monday ."
            .split(' ')
            .collect()];
        let found = again.tag_words(&words);
        assert_eq!(found, tagger.tag_words(&words));
        assert!(found[0].contains(&(1, 2)), "{found:?}");
    }
}
