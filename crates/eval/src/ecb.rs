//! Cross-document event coreference on ECB+ (Cybulska & Vossen 2014), with our own event mention
//! detection, scored the way the CoNLL-2012 scorer does: MUC, B³ and CEAF-e, and their mean (the
//! "CoNLL F1"); plus the purity of the document clusters our events induce against the gold
//! topics.
//!
//! The standard evaluation restricts gold and predicted mentions to the annotated sentences
//! (the data set's README explains why); ours are restricted the same way. Mentions match by
//! exact span. Predicted mentions with no gold twin and gold mentions we did not find both count,
//! as in the scorer's treatment of twinless mentions: B³ and CEAF-e take them as singletons of
//! their own side.

use anyhow::{Context, Result};
use dossier_merge::PartialDossier;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::Path;

/// A mention: document index, code-point start and end.
type Mention = (usize, usize, usize);

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
}

impl Prf {
    pub fn f1(&self) -> f64 {
        if self.p + self.r == 0.0 {
            0.0
        } else {
            2.0 * self.p * self.r / (self.p + self.r)
        }
    }
}

#[derive(Debug, Default)]
pub struct EcbScores {
    pub documents: usize,
    pub gold_mentions: usize,
    pub predicted_mentions: usize,
    pub matched_mentions: usize,
    pub muc: Prf,
    pub b3: Prf,
    pub ceafe: Prf,
    pub purity: f64,
    /// How many document clusters the purity is over (a document with no event is its own).
    pub document_clusters: usize,
}

impl EcbScores {
    pub fn conll(&self) -> f64 {
        (self.muc.f1() + self.b3.f1() + self.ceafe.f1()) / 3.0
    }
}

impl fmt::Display for EcbScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "event coreference on ECB+ ({} documents), our own mention detection",
            self.documents
        )?;
        writeln!(
            f,
            "  mentions: gold {}, predicted {}, matched exactly {}",
            self.gold_mentions, self.predicted_mentions, self.matched_mentions
        )?;
        for (name, s) in [("MUC", self.muc), ("B3", self.b3), ("CEAF-e", self.ceafe)] {
            writeln!(
                f,
                "  {name:<7} P {:.3}  R {:.3}  F1 {:.3}",
                s.p,
                s.r,
                s.f1()
            )?;
        }
        writeln!(
            f,
            "  CoNLL F1 {:.3}   (published systems with gold mentions: 0.79-0.87)",
            self.conll()
        )?;
        write!(
            f,
            "  document clusters from our events: {} for {} documents, purity {:.3} against the gold topics",
            self.document_clusters, self.documents, self.purity
        )
    }
}

pub fn evaluate_ecb(path: &Path) -> Result<EcbScores> {
    let text = std::fs::read_to_string(path).with_context(|| {
        format!(
            "cannot read {} (the evaluation needs ../shared/data/ecbplus)",
            path.display()
        )
    })?;
    let models = dossier_nlp::Models::builtin();
    let mut partial = PartialDossier::new();
    let mut gold_chains: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    let mut annotated: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut topic_of: HashMap<String, i64> = HashMap::new();
    let mut texts: HashMap<String, String> = HashMap::new();
    let mut ids = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{} is not JSON", path.display(), n + 1))?;
        let id = v["id"]
            .as_str()
            .context("a record without `id`")?
            .to_string();
        let body = v["text"]
            .as_str()
            .context("a record without `text`")?
            .to_string();
        ids.push(id.clone());
        topic_of.insert(id.clone(), v["topic"].as_i64().unwrap_or(-1));
        annotated.insert(
            id.clone(),
            v["annotated_sentences"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_u64().map(|s| s as usize))
                .collect(),
        );
        for m in v["event_mentions"].as_array().into_iter().flatten() {
            if m["in_annotated_sentence"].as_bool() != Some(true) {
                continue;
            }
            let (Some(s), Some(e), Some(chain)) =
                (m["start"].as_u64(), m["end"].as_u64(), m["chain"].as_str())
            else {
                continue;
            };
            gold_chains.entry(chain.to_string()).or_default().push((
                ids.len() - 1,
                s as usize,
                e as usize,
            ));
        }
        let doc = dossier_model::Document {
            id: id.clone(),
            text: body.clone(),
            content_hash: id.clone(),
            ..Default::default()
        };
        let (ex, _) = dossier_nlp::analyze(&doc, &models);
        partial.add(doc, ex);
        texts.insert(id, body);
    }
    let dossier = partial.finish();
    // Our events as clusters of mentions in annotated sentences, in code points.
    let index_of: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut predicted: Vec<Vec<Mention>> = Vec::new();
    let mut doc_event: HashMap<usize, BTreeMap<usize, usize>> = HashMap::new();
    for (e, ev) in dossier.events.iter().enumerate() {
        let mut cluster = Vec::new();
        for m in &ev.mentions {
            let doc = &dossier.documents[m.doc];
            let t = &texts[&doc.id];
            let sentence = t[..m.span.start].matches('\n').count();
            let d = index_of[doc.id.as_str()];
            *doc_event.entry(d).or_default().entry(e).or_insert(0) += 1;
            if !annotated[&doc.id].contains(&sentence) {
                continue;
            }
            let cp = |b: usize| t[..b].chars().count();
            cluster.push((d, cp(m.span.start), cp(m.span.end)));
        }
        if !cluster.is_empty() {
            predicted.push(cluster);
        }
    }
    let gold: Vec<Vec<Mention>> = gold_chains.into_values().collect();
    let gold_set: BTreeSet<Mention> = gold.iter().flatten().copied().collect();
    let pred_set: BTreeSet<Mention> = predicted.iter().flatten().copied().collect();
    // Purity: each document goes to the event it mentions most (or a cluster of its own).
    let mut doc_clusters: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for d in 0..ids.len() {
        let key = doc_event
            .get(&d)
            .and_then(|m| {
                m.iter()
                    .max_by_key(|(e, n)| (**n, std::cmp::Reverse(**e)))
                    .map(|(e, _)| format!("e{e}"))
            })
            .unwrap_or_else(|| format!("d{d}"));
        doc_clusters.entry(key).or_default().push(d);
    }
    let purity_hits: usize = doc_clusters
        .values()
        .map(|docs| {
            let mut counts: HashMap<i64, usize> = HashMap::new();
            for d in docs {
                *counts.entry(topic_of[&ids[*d]]).or_insert(0) += 1;
            }
            counts.values().copied().max().unwrap_or(0)
        })
        .sum();
    Ok(EcbScores {
        documents: ids.len(),
        gold_mentions: gold_set.len(),
        predicted_mentions: pred_set.len(),
        matched_mentions: gold_set.intersection(&pred_set).count(),
        muc: Prf {
            p: muc(&predicted, &gold),
            r: muc(&gold, &predicted),
        },
        b3: Prf {
            p: b_cubed(&predicted, &gold),
            r: b_cubed(&gold, &predicted),
        },
        ceafe: ceaf_e(&gold, &predicted),
        purity: if ids.is_empty() {
            0.0
        } else {
            purity_hits as f64 / ids.len() as f64
        },
        document_clusters: doc_clusters.len(),
    })
}

/// MUC recall of `key` against `response` (precision is the same with the roles swapped): for
/// each key cluster, how many links the response keeps, counting twinless mentions as
/// partitions of their own.
fn muc(key: &[Vec<Mention>], response: &[Vec<Mention>]) -> f64 {
    let cluster_of: HashMap<Mention, usize> = response
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.iter().map(move |m| (*m, i)))
        .collect();
    let (mut num, mut den) = (0usize, 0usize);
    for k in key {
        let mut parts = BTreeSet::new();
        let mut alone = 0;
        for m in k {
            match cluster_of.get(m) {
                Some(&c) => {
                    parts.insert(c);
                }
                None => alone += 1,
            }
        }
        num += k.len() - (parts.len() + alone);
        den += k.len() - 1;
    }
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// B³ recall of `key` against `response`, averaged over key mentions (precision: roles swapped).
fn b_cubed(key: &[Vec<Mention>], response: &[Vec<Mention>]) -> f64 {
    let cluster_of: HashMap<Mention, usize> = response
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.iter().map(move |m| (*m, i)))
        .collect();
    let (mut sum, mut n) = (0.0, 0usize);
    for k in key {
        let key_set: BTreeSet<&Mention> = k.iter().collect();
        for m in k {
            n += 1;
            if let Some(&c) = cluster_of.get(m) {
                let overlap = response[c].iter().filter(|x| key_set.contains(x)).count();
                sum += overlap as f64 / k.len() as f64;
            }
        }
    }
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// CEAF-e: the best one-to-one alignment of key and response clusters by φ4 similarity
/// (2|K∩R| / (|K|+|R|)), found with the Hungarian algorithm.
fn ceaf_e(key: &[Vec<Mention>], response: &[Vec<Mention>]) -> Prf {
    if key.is_empty() || response.is_empty() {
        return Prf::default();
    }
    let cluster_of: HashMap<Mention, usize> = response
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.iter().map(move |m| (*m, i)))
        .collect();
    let n = key.len().max(response.len());
    // Cost matrix (to minimise): −φ4, padded with zeros.
    let mut sim = vec![vec![0.0f64; n]; n];
    for (i, k) in key.iter().enumerate() {
        let mut overlap: HashMap<usize, usize> = HashMap::new();
        for m in k {
            if let Some(&c) = cluster_of.get(m) {
                *overlap.entry(c).or_insert(0) += 1;
            }
        }
        for (c, o) in overlap {
            sim[i][c] = 2.0 * o as f64 / (k.len() + response[c].len()) as f64;
        }
    }
    let assignment = hungarian_max(&sim);
    let total: f64 = assignment.iter().enumerate().map(|(i, &j)| sim[i][j]).sum();
    Prf {
        p: total / response.len() as f64,
        r: total / key.len() as f64,
    }
}

/// The assignment of rows to columns that maximises the summed weight (Kuhn–Munkres, O(n³)).
fn hungarian_max(weight: &[Vec<f64>]) -> Vec<usize> {
    let n = weight.len();
    let max = weight.iter().flatten().cloned().fold(0.0, f64::max);
    // Minimise cost = max − weight, with the potentials formulation (1-based internally).
    let cost = |i: usize, j: usize| max - weight[i - 1][j - 1];
    let (mut u, mut v) = (vec![0.0; n + 1], vec![0.0; n + 1]);
    let mut p = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost(i0, j) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut assignment = vec![0; n];
    for j in 1..=n {
        if p[j] > 0 {
            assignment[p[j] - 1] = j - 1;
        }
    }
    assignment
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(i: usize) -> Mention {
        (0, i, i + 1)
    }

    #[test]
    fn perfect_response_scores_one() {
        let key = vec![vec![m(1), m(2), m(3)], vec![m(4), m(5)]];
        assert_eq!(muc(&key, &key), 1.0);
        assert_eq!(b_cubed(&key, &key), 1.0);
        let c = ceaf_e(&key, &key);
        assert!((c.p - 1.0).abs() < 1e-9 && (c.r - 1.0).abs() < 1e-9);
    }

    #[test]
    fn textbook_case() {
        // Key {1,2,3,4,5} {6,7}; response {1,2} {3,4,5,6,7}.
        let key = vec![vec![m(1), m(2), m(3), m(4), m(5)], vec![m(6), m(7)]];
        let resp = vec![vec![m(1), m(2)], vec![m(3), m(4), m(5), m(6), m(7)]];
        assert!((muc(&key, &resp) - 4.0 / 5.0).abs() < 1e-9, "MUC recall");
        assert!((muc(&resp, &key) - 4.0 / 5.0).abs() < 1e-9, "MUC precision");
        // B³ recall: (2/5*2 + 3/5*3 + 2/2*2) / 7.
        let r = (2.0 * 2.0 / 5.0 + 3.0 * 3.0 / 5.0 + 2.0) / 7.0;
        assert!((b_cubed(&key, &resp) - r).abs() < 1e-9);
        // CEAF-e: best alignment {1..5}↔{3..7} (φ4 = 6/10) and {6,7}↔{1,2} (0), or
        // {1..5}↔{1,2} (4/7) and {6,7}↔{3..7} (4/7): the latter, 8/7.
        let c = ceaf_e(&key, &resp);
        assert!((c.r - (8.0 / 7.0) / 2.0).abs() < 1e-9, "{c:?}");
    }

    #[test]
    fn hungarian_finds_the_best_assignment() {
        let w = vec![
            vec![1.0, 2.0, 3.0],
            vec![3.0, 1.0, 2.0],
            vec![2.0, 3.0, 1.0],
        ];
        let a = hungarian_max(&w);
        let total: f64 = a.iter().enumerate().map(|(i, &j)| w[i][j]).sum();
        assert_eq!(total, 9.0);
    }
}
