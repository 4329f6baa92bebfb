//! The tagger's weights and decoding: a hash table from 32-bit feature keys to rows of i16
//! weights (one column per label for each of the two stages), label-transition weights, and
//! first-order Viterbi decoding under the BILOU constraints.
//!
//! The serialized form is sparse (a row stores only its non-zero weights behind a bit mask), so
//! the file stays small; in memory the rows are dense for fast scoring. Scores are sums of i16
//! in i32, so tagging never touches floating point.
//!
//! Stage 1 may be *free* ([`Weights::free1`]): its labels are then per-token classes (the
//! syntax tagger's parts of speech) decoded without the BILOU constraints.

use super::{Label, NLABELS};

/// Columns per row: stage 1 then stage 2.
pub const COLS: usize = 2 * NLABELS;
const MAGIC: &[u8; 4] = b"DNER";
/// Version 2 adds a flags word (bit 0: stage 1 is free); version 1 files still load.
const VERSION: u32 = 2;

/// The weights of both stages.
#[derive(Clone)]
pub struct Weights {
    /// Open-addressing table of keys (0: empty; stored keys are odd), kept apart from the row
    /// indices so that the probe array, where most lookups end in a miss, stays small.
    keys: Vec<u32>,
    /// Row index + 1 of each slot.
    idx: Vec<u32>,
    mask: usize,
    rows: Vec<i16>,
    /// Transition weights per stage, `[stage][prev * NLABELS + next]`.
    pub trans: [[i32; NLABELS * NLABELS]; 2],
    /// Quantisation scale per stage (weight = value * scale): kept for inspection.
    pub scale: [f32; 2],
    /// Stage 1 labels are free per-token classes (no BILOU constraints when decoding).
    pub free1: bool,
}

/// The stored key of a 64-bit feature hash.
#[inline]
pub fn key_of(h: u64) -> u32 {
    ((h >> 32) as u32 ^ h as u32) | 1
}

impl Weights {
    /// Builds the table from (key, dense row) pairs; rows with the same key are summed.
    pub fn build(
        entries: Vec<(u32, [i16; COLS])>,
        trans: [[i32; NLABELS * NLABELS]; 2],
        scale: [f32; 2],
    ) -> Weights {
        let cap = (entries.len() + entries.len() / 3 + 1)
            .next_power_of_two()
            .max(16);
        let mut w = Weights {
            keys: vec![0; cap],
            idx: vec![0; cap],
            mask: cap - 1,
            rows: Vec::with_capacity(entries.len() * COLS),
            trans,
            scale,
            free1: false,
        };
        for (key, row) in entries {
            let mut i = key as usize & w.mask;
            loop {
                let (k, r) = (w.keys[i], w.idx[i]);
                if k == 0 {
                    w.rows.extend_from_slice(&row);
                    w.keys[i] = key;
                    w.idx[i] = (w.rows.len() / COLS) as u32;
                    break;
                }
                if k == key {
                    let base = (r as usize - 1) * COLS;
                    for (c, v) in row.iter().enumerate() {
                        w.rows[base + c] = w.rows[base + c].saturating_add(*v);
                    }
                    break;
                }
                i = (i + 1) & w.mask;
            }
        }
        w
    }

    pub fn num_rows(&self) -> usize {
        self.rows.len() / COLS
    }

    /// The row of a feature, if the model knows it.
    #[inline]
    pub fn row(&self, h: u64) -> Option<&[i16]> {
        let key = key_of(h);
        let mut i = key as usize & self.mask;
        loop {
            let k = self.keys[i];
            if k == key {
                let base = (self.idx[i] as usize - 1) * COLS;
                return Some(&self.rows[base..base + COLS]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the weights of `feats` to the stage scores: `both` adds stage 1 and stage 2 at once.
    #[inline]
    pub fn score(
        &self,
        feats: &[u64],
        s1: &mut [i32; NLABELS],
        s2: &mut [i32; NLABELS],
        stage1: bool,
    ) {
        for &f in feats {
            if let Some(row) = self.row(f) {
                if stage1 {
                    for l in 0..NLABELS {
                        s1[l] += row[l] as i32;
                    }
                }
                for l in 0..NLABELS {
                    s2[l] += row[NLABELS + l] as i32;
                }
            }
        }
    }

    /// Tags a document's sequences (`(feature hashes, offsets)` per sequence, `offs[k]..offs[k+1]`
    /// per token): stage 1 from these features, then, when `two_stage`, stage 2 from the same
    /// features plus `stage2(stage-1 labels)`. Each feature is looked up once for both stages.
    pub fn tag(
        &self,
        seqs: &[(&[u64], &[u32])],
        stage2: impl FnOnce(&[Vec<Label>]) -> Vec<(Vec<u64>, Vec<u32>)>,
        two_stage: bool,
    ) -> Vec<Vec<Label>> {
        let mut emit1: Vec<[i32; NLABELS]> = Vec::new();
        let mut emit2_all: Vec<Vec<[i32; NLABELS]>> = Vec::with_capacity(seqs.len());
        let mut labels1 = Vec::with_capacity(seqs.len());
        let mut path = Vec::new();
        for &(feats, offs) in seqs {
            let n = offs.len().saturating_sub(1);
            emit1.clear();
            let mut emit2 = Vec::with_capacity(n);
            for k in 0..n {
                let mut s1 = [0i32; NLABELS];
                let mut s2 = [0i32; NLABELS];
                self.score(
                    &feats[offs[k] as usize..offs[k + 1] as usize],
                    &mut s1,
                    &mut s2,
                    true,
                );
                emit1.push(s1);
                emit2.push(s2);
            }
            viterbi(&emit1, &self.trans[0], &mut path, self.free1);
            labels1.push(path.clone());
            emit2_all.push(emit2);
        }
        if !two_stage {
            return labels1;
        }
        let agg = stage2(&labels1);
        let mut out = Vec::with_capacity(seqs.len());
        let mut dummy = [0i32; NLABELS];
        for ((feats, offs), mut emit2) in agg.iter().zip(emit2_all) {
            for (k, e) in emit2.iter_mut().enumerate() {
                self.score(
                    &feats[offs[k] as usize..offs[k + 1] as usize],
                    &mut dummy,
                    e,
                    false,
                );
            }
            viterbi(&emit2, &self.trans[1], &mut path, false);
            out.push(path.clone());
        }
        out
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(self.free1 as u32).to_le_bytes());
        out.extend_from_slice(&(NLABELS as u32).to_le_bytes());
        for s in self.scale {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for t in &self.trans {
            for v in t {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        let mut live: Vec<(u32, u32)> = self
            .keys
            .iter()
            .copied()
            .zip(self.idx.iter().copied())
            .filter(|s| s.0 != 0)
            .collect();
        live.sort_unstable();
        out.extend_from_slice(&(live.len() as u32).to_le_bytes());
        for (key, r) in live {
            let row = &self.rows[(r as usize - 1) * COLS..r as usize * COLS];
            let mut m: u64 = 0;
            for (c, v) in row.iter().enumerate() {
                if *v != 0 {
                    m |= 1 << c;
                }
            }
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&m.to_le_bytes()[..5]);
            for v in row.iter().filter(|v| **v != 0) {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Weights, String> {
        let mut r = Reader { b, at: 0 };
        if r.take(4)? != MAGIC {
            return Err("not a dossier NER model (bad magic)".into());
        }
        let version = r.u32()?;
        if version != 1 && version != VERSION {
            return Err(format!("unsupported NER model version {version}"));
        }
        let flags = if version >= 2 { r.u32()? } else { 0 };
        let nl = r.u32()? as usize;
        if nl != NLABELS {
            return Err(format!(
                "model has {nl} labels, this build expects {NLABELS}"
            ));
        }
        let scale = [f32::from_le_bytes(r.arr()?), f32::from_le_bytes(r.arr()?)];
        let mut trans = [[0i32; NLABELS * NLABELS]; 2];
        for t in trans.iter_mut() {
            for v in t.iter_mut() {
                *v = i32::from_le_bytes(r.arr()?);
            }
        }
        let n = r.u32()? as usize;
        if n > b.len() / 5 {
            return Err("corrupt NER model (row count)".into());
        }
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let key = r.u32()?;
            let mb = r.take(5)?;
            let m = u64::from_le_bytes([mb[0], mb[1], mb[2], mb[3], mb[4], 0, 0, 0]);
            let mut row = [0i16; COLS];
            for (c, v) in row.iter_mut().enumerate() {
                if m >> c & 1 == 1 {
                    *v = i16::from_le_bytes(r.arr()?);
                }
            }
            if key & 1 == 0 {
                return Err("corrupt NER model (key)".into());
            }
            entries.push((key, row));
        }
        if r.at != b.len() {
            return Err("corrupt NER model (trailing bytes)".into());
        }
        let mut w = Weights::build(entries, trans, scale);
        w.free1 = flags & 1 == 1;
        Ok(w)
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or("truncated NER model")?;
        self.at += n;
        Ok(s)
    }
    fn arr<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let s = self.take(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
}

/// For each label, the labels that may precede it under BILOU (`PRED[b][..PRED_LEN[b]]`).
struct Preds {
    list: [[u8; NLABELS]; NLABELS],
    len: [usize; NLABELS],
    start: [bool; NLABELS],
}

const fn preds() -> Preds {
    let mut p = Preds {
        list: [[0; NLABELS]; NLABELS],
        len: [0; NLABELS],
        start: [false; NLABELS],
    };
    let mut b = 0;
    while b < NLABELS {
        p.start[b] = super::allowed(None, b as Label);
        let mut a = 0;
        while a < NLABELS {
            if super::allowed(Some(a as Label), b as Label) {
                p.list[b][p.len[b]] = a as u8;
                p.len[b] += 1;
            }
            a += 1;
        }
        b += 1;
    }
    p
}

static PREDS: Preds = preds();

/// Every label may follow every label (free stages).
static FREE: Preds = Preds {
    list: free_list(),
    len: [NLABELS; NLABELS],
    start: [true; NLABELS],
};

const fn free_list() -> [[u8; NLABELS]; NLABELS] {
    let mut l = [[0u8; NLABELS]; NLABELS];
    let mut b = 0;
    while b < NLABELS {
        let mut a = 0;
        while a < NLABELS {
            l[b][a] = a as u8;
            a += 1;
        }
        b += 1;
    }
    l
}

/// Viterbi over per-token label scores with transition weights, under the BILOU constraints
/// (none when `free`). Generic over the score type so training (f32) and tagging (i32) share it.
pub fn viterbi<T>(
    emit: &[[T; NLABELS]],
    trans: &[T; NLABELS * NLABELS],
    out: &mut Vec<Label>,
    free: bool,
) where
    T: Copy + PartialOrd + std::ops::Add<Output = T> + Default,
{
    out.clear();
    let n = emit.len();
    if n == 0 {
        return;
    }
    let preds = if free { &FREE } else { &PREDS };
    let mut back = vec![[0u8; NLABELS]; n];
    let mut cur = [T::default(); NLABELS];
    let mut ok = [false; NLABELS];
    ok.copy_from_slice(&preds.start);
    cur.copy_from_slice(&emit[0]);
    for i in 1..n {
        let mut next = [T::default(); NLABELS];
        let mut nok = [false; NLABELS];
        for b in 0..NLABELS {
            let mut best: Option<(T, u8)> = None;
            for &a in &preds.list[b][..preds.len[b]] {
                if !ok[a as usize] {
                    continue;
                }
                let s = cur[a as usize] + trans[a as usize * NLABELS + b];
                if best.is_none_or(|(bs, _)| s > bs) {
                    best = Some((s, a));
                }
            }
            if let Some((s, a)) = best {
                next[b] = s + emit[i][b];
                nok[b] = true;
                back[i][b] = a;
            }
        }
        cur = next;
        ok = nok;
    }
    let mut best: Option<(T, u8)> = None;
    for l in 0..NLABELS {
        if ok[l] && (free || super::can_end(l as Label)) && best.is_none_or(|(bs, _)| cur[l] > bs) {
            best = Some((cur[l], l as u8));
        }
    }
    let mut l = best.map_or(0, |b| b.1);
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = l;
        l = back[i][l as usize];
    }
}
