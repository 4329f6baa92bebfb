//! Training the entity tagger: structured averaged perceptron (Collins 2002) over the hashed
//! features of [`super::features`], in two stages.
//!
//! - Stage 1 learns from the token-level features alone.
//! - Stage 2 learns from the same features plus the aggregation features computed from stage-1
//!   labels. Its training labels must look like stage 1's labels on *unseen* text, so they come
//!   from jackknifing: the training documents are split into `folds` groups and each group is
//!   labelled by a stage-1 model trained on the others.
//!
//! Everything is deterministic: documents are split by index, sentences are visited in an
//! order drawn from a fixed-seed generator, and hash maps use a fixed hasher. After training,
//! weights are quantised to i16 per stage and weights that round to zero are dropped.

use super::conll::{self, count, f1, iob_spans};
use super::gazetteer::IdMap;
use super::model::{self, key_of, Weights, COLS};
use super::{
    doc_agg_features, doc_features, labels_of, spans_of, Label, SentFeats, Tagger, NLABELS, NTYPES,
};

#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Epochs of stage 1 (also used for the jackknife models).
    pub epochs1: usize,
    /// Epochs of stage 2 (0: a one-stage model whose stage 2 copies stage 1).
    pub epochs2: usize,
    /// Jackknife folds for stage 2's training labels.
    pub folds: usize,
    pub seed: u64,
    /// Use only the first N training documents (quick iterations).
    pub max_docs: Option<usize>,
    /// Averaged weights with a smaller magnitude than this are dropped from the model.
    pub prune: f32,
    /// Print progress to stderr.
    pub verbose: bool,
    /// Stage 1 predicts free per-token classes ([`Prepared::labels1`]) rather than BILOU spans;
    /// its per-epoch dev score is then token accuracy.
    pub free1: bool,
}

impl TrainOptions {
    /// The defaults with `n` epochs for each of the two stages, as `dossier train` sets them.
    pub fn epochs(n: usize) -> TrainOptions {
        TrainOptions {
            epochs1: n,
            epochs2: n,
            ..TrainOptions::default()
        }
    }
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs1: 20,
            epochs2: 20,
            folds: 5,
            seed: 0x0D05_51E2,
            max_docs: None,
            prune: 0.0,
            verbose: true,
            free1: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct EpochReport {
    pub stage: u8,
    pub epoch: usize,
    /// Tokens whose label was wrong during the pass over the training data.
    pub train_errors: usize,
    /// Dev F1 (percent, entity-level; token accuracy for a free stage) with the averaged
    /// weights after this epoch.
    pub dev_f1: Option<f64>,
}

#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    pub epochs: Vec<EpochReport>,
    pub features_seen: usize,
    pub features_kept: usize,
    pub model_bytes: usize,
    /// Dev F1 of the final (quantised, pruned) tagger.
    pub dev_f1: Option<f64>,
}

impl TrainReport {
    /// The one-line summary a training run ends with on stderr (`measure` names its dev score:
    /// "dev F1", "dev span F1").
    pub fn log_summary(&self, measure: &str) {
        eprintln!(
            "model: {} of {} features kept, {} bytes, final {measure} {}",
            self.features_kept,
            self.features_seen,
            self.model_bytes,
            self.dev_f1.map_or("-".into(), |f| format!("{f:.2}"))
        );
    }
}

/// One sentence as feature indices.
struct Inst {
    idx: Vec<u32>,
    offs: Vec<u32>,
    gold: Vec<Label>,
}

struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: [f32; NLABELS * NLABELS],
    tu: [f32; NLABELS * NLABELS],
    c: f32,
    /// Decode without the BILOU constraints (a free stage).
    free: bool,
}

impl Perceptron {
    fn new(n: usize) -> Perceptron {
        Perceptron {
            w: vec![0.0; n * NLABELS],
            u: vec![0.0; n * NLABELS],
            tw: [0.0; NLABELS * NLABELS],
            tu: [0.0; NLABELS * NLABELS],
            c: 1.0,
            free: false,
        }
    }

    fn emissions(&self, inst: &Inst, averaged: bool, out: &mut Vec<[f32; NLABELS]>) {
        out.clear();
        for k in 0..inst.gold.len() {
            let mut s = [0f32; NLABELS];
            for &f in &inst.idx[inst.offs[k] as usize..inst.offs[k + 1] as usize] {
                let base = f as usize * NLABELS;
                let w = &self.w[base..base + NLABELS];
                if averaged {
                    let u = &self.u[base..base + NLABELS];
                    for ((sl, w), u) in s.iter_mut().zip(w).zip(u) {
                        *sl += w - u / self.c;
                    }
                } else {
                    for (sl, w) in s.iter_mut().zip(w) {
                        *sl += w;
                    }
                }
            }
            out.push(s);
        }
    }

    fn trans(&self, averaged: bool) -> [f32; NLABELS * NLABELS] {
        let mut t = self.tw;
        if averaged {
            for (x, u) in t.iter_mut().zip(&self.tu) {
                *x -= u / self.c;
            }
        }
        t
    }

    fn decode(
        &self,
        inst: &Inst,
        averaged: bool,
        buf: &mut Vec<[f32; NLABELS]>,
        out: &mut Vec<Label>,
    ) {
        self.emissions(inst, averaged, buf);
        model::viterbi(buf, &self.trans(averaged), out, self.free);
    }

    /// One perceptron step on a sentence; returns the number of wrong tokens.
    fn learn(
        &mut self,
        inst: &Inst,
        buf: &mut Vec<[f32; NLABELS]>,
        pred: &mut Vec<Label>,
    ) -> usize {
        self.decode(inst, false, buf, pred);
        let c = self.c;
        let mut wrong = 0;
        for k in 0..inst.gold.len() {
            let (g, p) = (inst.gold[k] as usize, pred[k] as usize);
            if g != p {
                wrong += 1;
                for &f in &inst.idx[inst.offs[k] as usize..inst.offs[k + 1] as usize] {
                    let base = f as usize * NLABELS;
                    self.w[base + g] += 1.0;
                    self.u[base + g] += c;
                    self.w[base + p] -= 1.0;
                    self.u[base + p] -= c;
                }
            }
            if k > 0 {
                let (gp, pp) = (inst.gold[k - 1] as usize, pred[k - 1] as usize);
                if (gp, g) != (pp, p) {
                    self.tw[gp * NLABELS + g] += 1.0;
                    self.tu[gp * NLABELS + g] += c;
                    self.tw[pp * NLABELS + p] -= 1.0;
                    self.tu[pp * NLABELS + p] -= c;
                }
            }
        }
        self.c += 1.0;
        wrong
    }

    fn averaged_row(&self, f: usize) -> [f32; NLABELS] {
        let mut r = [0f32; NLABELS];
        let (w, u) = (&self.w[f * NLABELS..], &self.u[f * NLABELS..]);
        for ((rl, w), u) in r.iter_mut().zip(w).zip(u) {
            *rl = w - u / self.c;
        }
        r
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Feature index space: hash → dense index.
#[derive(Default)]
struct Index {
    map: IdMap<u32>,
    hashes: Vec<u64>,
}

impl Index {
    fn get_or_add(&mut self, h: u64) -> u32 {
        let n = self.hashes.len() as u32;
        *self.map.entry(h).or_insert_with(|| {
            self.hashes.push(h);
            n
        })
    }
    fn convert(&mut self, feats: &[u64], offs: &[u32], grow: bool) -> (Vec<u32>, Vec<u32>) {
        let mut idx = Vec::with_capacity(feats.len());
        let mut out_offs = vec![0u32];
        for k in 0..offs.len() - 1 {
            for &h in &feats[offs[k] as usize..offs[k + 1] as usize] {
                if grow {
                    idx.push(self.get_or_add(h));
                } else if let Some(&i) = self.map.get(&h) {
                    idx.push(i);
                }
            }
            out_offs.push(idx.len() as u32);
        }
        (idx, out_offs)
    }
}

/// A document prepared for training, whatever the task: the stage-1 feature hashes of each
/// sequence (`offs[k]..offs[k+1]` per token) and its gold spans `(first, end, type)`.
pub(crate) struct Prepared {
    pub feats: Vec<(Vec<u64>, Vec<u32>)>,
    pub gold: Vec<Vec<(usize, usize, usize)>>,
    /// Gold labels of a free stage 1 per sequence ([`TrainOptions::free1`]); `None`: stage 1
    /// learns the spans of `gold` like stage 2.
    pub labels1: Option<Vec<Vec<Label>>>,
}

/// A prepared document as indices (after [`Index::convert`]); the instances carry stage 1's
/// gold labels, `gold2` stage 2's.
struct PDoc {
    insts: Vec<Inst>,
    gold_spans: Vec<Vec<(usize, usize, usize)>>,
    gold2: Vec<Vec<Label>>,
}

fn prepare(docs: &[Prepared], index: &mut Index, grow: bool) -> Vec<PDoc> {
    docs.iter()
        .map(|d| {
            let gold2: Vec<Vec<Label>> = d
                .feats
                .iter()
                .zip(&d.gold)
                .map(|((_, offs), spans)| labels_of(offs.len() - 1, spans))
                .collect();
            let insts = d
                .feats
                .iter()
                .enumerate()
                .map(|(k, (feats, offs))| {
                    let gold = match &d.labels1 {
                        Some(l) => l[k].clone(),
                        None => gold2[k].clone(),
                    };
                    let (idx, offs) = index.convert(feats, offs, grow);
                    Inst { idx, offs, gold }
                })
                .collect();
            PDoc {
                insts,
                gold_spans: d.gold.clone(),
                gold2,
            }
        })
        .collect()
}

/// Dev instances and their gold spans (start, end, type).
type Dev<'a> = (&'a [&'a Inst], &'a [&'a Vec<(usize, usize, usize)>]);

/// Runs `epochs` of training over the given instances; after each epoch, `dev` (if any) is
/// decoded with the averaged weights and scored.
// The training state travels as arguments, not a struct: each is used once, here.
#[allow(clippy::too_many_arguments)]
fn run_epochs(
    p: &mut Perceptron,
    insts: &[&Inst],
    epochs: usize,
    rng: &mut Rng,
    stage: u8,
    dev: Option<Dev<'_>>,
    report: &mut Vec<EpochReport>,
    verbose: bool,
) {
    let mut order: Vec<usize> = (0..insts.len()).collect();
    let (mut buf, mut pred) = (Vec::new(), Vec::new());
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0;
        for &i in &order {
            wrong += p.learn(insts[i], &mut buf, &mut pred);
        }
        let dev_f1 = dev.map(|(dinsts, dgold)| {
            let mut acc = [[0usize; 3]; NTYPES];
            let (mut right, mut all) = (0usize, 0usize);
            for (inst, gold) in dinsts.iter().zip(dgold) {
                p.decode(inst, true, &mut buf, &mut pred);
                if p.free {
                    right += pred.iter().zip(&inst.gold).filter(|(a, b)| a == b).count();
                    all += pred.len();
                } else {
                    count(gold, &spans_of(&pred), &mut acc);
                }
            }
            if p.free {
                100.0 * right as f64 / all.max(1) as f64
            } else {
                f1(&acc)
            }
        });
        if verbose {
            eprintln!(
                "stage {stage} epoch {epoch:>2}: train errors {wrong:>6}  dev F1 {}",
                dev_f1.map_or("-".into(), |f| format!("{f:.2}"))
            );
        }
        report.push(EpochReport {
            stage,
            epoch,
            train_errors: wrong,
            dev_f1,
        });
    }
}

/// Stage-2 instances: the stage-1 indices plus the aggregation features of `labels1`.
fn stage2_insts(
    doc: &PDoc,
    agg: Vec<(Vec<u64>, Vec<u32>)>,
    index: &mut Index,
    grow: bool,
) -> Vec<Inst> {
    doc.insts
        .iter()
        .zip(agg)
        .zip(&doc.gold2)
        .map(|((inst, (feats, offs)), gold2)| {
            let (aidx, aoffs) = index.convert(&feats, &offs, grow);
            let mut idx = Vec::with_capacity(inst.idx.len() + aidx.len());
            let mut o = vec![0u32];
            for k in 0..inst.gold.len() {
                idx.extend_from_slice(&inst.idx[inst.offs[k] as usize..inst.offs[k + 1] as usize]);
                idx.extend_from_slice(&aidx[aoffs[k] as usize..aoffs[k + 1] as usize]);
                o.push(idx.len() as u32);
            }
            Inst {
                idx,
                offs: o,
                gold: gold2.clone(),
            }
        })
        .collect()
}

fn label_docs(p: &Perceptron, docs: &[PDoc]) -> Vec<Vec<Vec<Label>>> {
    let (mut buf, mut pred) = (Vec::new(), Vec::new());
    docs.iter()
        .map(|d| {
            d.insts
                .iter()
                .map(|inst| {
                    p.decode(inst, true, &mut buf, &mut pred);
                    pred.clone()
                })
                .collect()
        })
        .collect()
}

/// Trains a tagger on CoNLL-2003 text (`train_text`), scoring each epoch on `dev_text` if given.
pub fn train(
    train_text: &str,
    dev_text: Option<&str>,
    options: &TrainOptions,
) -> (Tagger, TrainReport) {
    let mut docs = conll::read(train_text);
    if let Some(n) = options.max_docs {
        docs.truncate(n);
    }
    let dev_docs = dev_text.map(conll::read).unwrap_or_default();
    let prep = |docs: &[conll::Document]| -> (Vec<Vec<SentFeats>>, Vec<Prepared>) {
        docs.iter()
            .map(|d| {
                let sents = doc_features(&conll::words_of(d));
                let p = Prepared {
                    feats: sents
                        .iter()
                        .map(|s| (s.feats.clone(), s.offs.clone()))
                        .collect(),
                    gold: d.sentences.iter().map(|s| iob_spans(&s.tags)).collect(),
                    labels1: None,
                };
                (sents, p)
            })
            .unzip()
    };
    let (train_sents, train) = prep(&docs);
    let (dev_sents, dev) = prep(&dev_docs);
    let stage2 = |is_dev: bool, i: usize, labels1: &[Vec<Label>]| {
        let sents = if is_dev { &dev_sents } else { &train_sents };
        doc_agg_features(&sents[i], labels1)
    };
    let (weights, mut report) = train_weights(&train, &dev, &stage2, options);
    let tagger = Tagger::from_weights(weights);
    report.model_bytes = tagger.to_bytes().len();
    if !dev_docs.is_empty() {
        let mut acc = [[0usize; 3]; NTYPES];
        for d in &dev_docs {
            let labels = tagger.tag_words(&conll::words_of(d), true);
            for (s, l) in d.sentences.iter().zip(&labels) {
                count(&iob_spans(&s.tags), &spans_of(l), &mut acc);
            }
        }
        report.dev_f1 = Some(f1(&acc));
    }
    if options.verbose {
        report.log_summary("dev F1");
    }
    (tagger, report)
}

/// Stage-2 features of a document given its stage-1 labels: `(is_dev, document index, labels)`.
pub(crate) type Stage2<'a> = dyn Fn(bool, usize, &[Vec<Label>]) -> Vec<(Vec<u64>, Vec<u32>)> + 'a;

/// The task-independent training of a two-stage BILOU tagger (stage 1, jackknifed stage-1
/// labels, stage 2, quantisation): the entity tagger and the quote tagger both train here,
/// each with its own features. The report's `model_bytes` and `dev_f1` are left to the caller.
pub(crate) fn train_weights(
    train: &[Prepared],
    dev: &[Prepared],
    stage2: &Stage2,
    options: &TrainOptions,
) -> (Weights, TrainReport) {
    let verbose = options.verbose;
    let mut index = Index::default();
    let train = prepare(train, &mut index, true);
    let n1 = index.hashes.len();
    let dev = prepare(dev, &mut index, false);
    if verbose {
        eprintln!(
            "{} training documents, {} stage-1 features",
            train.len(),
            n1
        );
    }
    let mut report = TrainReport::default();
    let mut rng = Rng(options.seed | 1);

    let all: Vec<&Inst> = train.iter().flat_map(|d| &d.insts).collect();
    let dev_insts: Vec<&Inst> = dev.iter().flat_map(|d| &d.insts).collect();
    let dev_gold: Vec<&Vec<(usize, usize, usize)>> =
        dev.iter().flat_map(|d| &d.gold_spans).collect();
    let dev_arg = if dev_insts.is_empty() {
        None
    } else {
        Some((&dev_insts[..], &dev_gold[..]))
    };

    let mut p1 = Perceptron::new(n1);
    p1.free = options.free1;
    run_epochs(
        &mut p1,
        &all,
        options.epochs1,
        &mut rng,
        1,
        dev_arg,
        &mut report.epochs,
        verbose,
    );

    let mut p2: Option<Perceptron> = None;
    if options.epochs2 > 0 {
        // Jackknifed stage-1 labels for the training documents.
        let folds = options.folds.max(2);
        let mut labels1: Vec<Vec<Vec<Label>>> = vec![Vec::new(); train.len()];
        for fold in 0..folds {
            let insts: Vec<&Inst> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != fold)
                .flat_map(|(_, d)| &d.insts)
                .collect();
            let mut pf = Perceptron::new(n1);
            pf.free = options.free1;
            let mut quiet = Vec::new();
            run_epochs(
                &mut pf,
                &insts,
                options.epochs1,
                &mut rng,
                1,
                None,
                &mut quiet,
                false,
            );
            for (i, d) in train.iter().enumerate().filter(|(i, _)| i % folds == fold) {
                labels1[i] = label_docs(&pf, std::slice::from_ref(d)).pop().unwrap();
            }
            if verbose {
                eprintln!("jackknife fold {}/{folds} done", fold + 1);
            }
        }
        let train2: Vec<Vec<Inst>> = train
            .iter()
            .zip(&labels1)
            .enumerate()
            .map(|(i, (d, l))| stage2_insts(d, stage2(false, i, l), &mut index, true))
            .collect();
        let dev_labels1 = label_docs(&p1, &dev);
        let dev2: Vec<Vec<Inst>> = dev
            .iter()
            .zip(&dev_labels1)
            .enumerate()
            .map(|(i, (d, l))| stage2_insts(d, stage2(true, i, l), &mut index, false))
            .collect();
        let n2 = index.hashes.len();
        let all2: Vec<&Inst> = train2.iter().flatten().collect();
        let dev2_insts: Vec<&Inst> = dev2.iter().flatten().collect();
        let dev_arg2 = if dev2_insts.is_empty() {
            None
        } else {
            Some((&dev2_insts[..], &dev_gold[..]))
        };
        let mut p = Perceptron::new(n2);
        run_epochs(
            &mut p,
            &all2,
            options.epochs2,
            &mut rng,
            2,
            dev_arg2,
            &mut report.epochs,
            verbose,
        );
        p2 = Some(p);
    }

    // Export: quantise both stages to i16, drop zero rows.
    let n = index.hashes.len();
    let row1 = |f: usize| {
        if f < n1 {
            p1.averaged_row(f)
        } else {
            [0.0; NLABELS]
        }
    };
    let row2 = |f: usize| match &p2 {
        Some(p) => p.averaged_row(f),
        None => row1(f),
    };
    let t1 = p1.trans(true);
    let t2 = p2.as_ref().map_or(t1, |p| p.trans(true));
    let maxabs = |rows: &dyn Fn(usize) -> [f32; NLABELS], t: &[f32]| {
        let m = (0..n)
            .flat_map(rows)
            .chain(t.iter().copied())
            .fold(0f32, |m, x| m.max(x.abs()));
        if m > 0.0 {
            m / 32000.0
        } else {
            1.0
        }
    };
    let scale = [maxabs(&row1, &t1), maxabs(&row2, &t2)];
    let q = |x: f32, s: f32| -> i16 {
        if x.abs() < options.prune {
            0
        } else {
            (x / s).round().clamp(-32767.0, 32767.0) as i16
        }
    };
    let mut entries = Vec::new();
    for f in 0..n {
        let (r1, r2) = (row1(f), row2(f));
        let mut row = [0i16; COLS];
        for l in 0..NLABELS {
            row[l] = q(r1[l], scale[0]);
            row[NLABELS + l] = q(r2[l], scale[1]);
        }
        if row.iter().any(|&v| v != 0) {
            entries.push((key_of(index.hashes[f]), row));
        }
    }
    let mut trans = [[0i32; NLABELS * NLABELS]; 2];
    for k in 0..NLABELS * NLABELS {
        trans[0][k] = (t1[k] / scale[0]).round() as i32;
        trans[1][k] = (t2[k] / scale[1]).round() as i32;
    }
    report.features_seen = n;
    report.features_kept = entries.len();
    let mut w = Weights::build(entries, trans, scale);
    w.free1 = options.free1;
    (w, report)
}
