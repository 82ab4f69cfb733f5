//! A linear sequence model over BIO labels: per-token feature weights plus label-transition
//! weights, decoded with Viterbi, trained as an averaged structured perceptron.
//!
//! The serialised form is compact: feature hashes (u64) and i16-quantised weights, plus f32
//! transition weights (see [`Model::to_bytes`]).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The labels the tagger outputs, in model order.
pub const LABELS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];

/// The labels the model scores: [`LABELS`], then a name inside a derived word or a compound
/// (`deutschen`, `Nato-Gipfel`: GermEval's `*deriv` and `*part`), which is no entity and is
/// output as `O`. Learning it apart keeps such words from pulling names towards `O`.
pub const MODEL_LABELS: [&str; 11] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC", "B-DRV", "I-DRV",
];

/// Number of labels the model scores.
pub const L: usize = MODEL_LABELS.len();

/// Label id of a tag string (`B-PER`, …, `B-DRV`); unknown tags are `O` (0).
pub fn label_id(tag: &str) -> u8 {
    MODEL_LABELS.iter().position(|l| *l == tag).unwrap_or(0) as u8
}

/// The output label of a model label: [`LABELS`] ids stay, the derived-word labels become `O`.
#[inline]
pub fn output_label(l: u8) -> u8 {
    if (l as usize) < LABELS.len() {
        l
    } else {
        0
    }
}

/// Is label `cur` allowed after `prev` (`None` at sentence start)? `I-X` needs `B-X`/`I-X`.
#[inline]
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    match prev {
        Some(p) => p != 0 && p.div_ceil(2) == cur / 2,
        None => false,
    }
}

/// Number of states the model scores: `O`, then for each of PER, ORG, LOC, MISC and DRV the
/// begin, inside, last and unit (one-word) state of a name. Scoring the last and the only word
/// of a name apart from its first and inner words lets the model learn where names end.
pub const S: usize = 1 + 4 * (L - 1) / 2;

/// The states of a sentence's BIO model labels (see [`S`]).
pub fn states_of(labels: &[u8]) -> Vec<u8> {
    (0..labels.len())
        .map(|i| {
            let l = labels[i];
            if l == 0 {
                return 0;
            }
            let t = (l - 1) / 2;
            let goes_on = labels.get(i + 1) == Some(&(2 + 2 * t));
            let k = match (l % 2 == 1, goes_on) {
                (true, true) => 0,
                (false, true) => 1,
                (false, false) => 2,
                (true, false) => 3,
            };
            1 + 4 * t + k
        })
        .collect()
}

/// The BIO model label of a state: begin and unit states begin a name, inside and last
/// states continue it.
#[inline]
pub fn label_of_state(s: u8) -> u8 {
    if s == 0 {
        return 0;
    }
    let (t, k) = ((s - 1) / 4, (s - 1) % 4);
    if k == 0 || k == 3 {
        1 + 2 * t
    } else {
        2 + 2 * t
    }
}

/// Is state `cur` allowed after `prev` (`None` at sentence start)? After a begin or inside
/// state only the inside or last state of the same type; elsewhere no inside or last state.
#[inline]
fn state_allowed(prev: Option<usize>, cur: usize) -> bool {
    let open = |s: usize| s != 0 && (s - 1) % 4 < 2;
    match prev {
        Some(p) if open(p) => {
            cur != 0 && (cur - 1) / 4 == (p - 1) / 4 && !matches!((cur - 1) % 4, 0 | 3)
        }
        _ => cur == 0 || matches!((cur - 1) % 4, 0 | 3),
    }
}

/// The closed states, in order: `O` and every type's last and unit state, after which a name
/// may begin (see [`may_end`]).
const CLOSED: [usize; L] = closed_states();

const fn closed_states() -> [usize; L] {
    let mut out = [0; L];
    let mut t = 0;
    while t < (L - 1) / 2 {
        out[1 + 2 * t] = 1 + 4 * t + 2;
        out[2 + 2 * t] = 1 + 4 * t + 3;
        t += 1;
    }
    out
}

/// Can a sentence end in state `s` (no name left open)?
#[inline]
fn may_end(s: usize) -> bool {
    s == 0 || (s - 1) % 4 >= 2
}

/// Hasher for keys that are already hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap = HashMap<u64, u32, BuildHasherDefault<IdHasher>>;

/// Why a model could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes do not start with the model's magic header or have the wrong label count.
    #[error("not an entity model (bad header)")]
    BadHeader,
    /// The bytes end before the model does.
    #[error("entity model truncated at byte {0}")]
    Truncated(usize),
}

/// One feature's quantised weights, found by its key in an open-addressing table (64 bytes:
/// one cache line, so one lookup costs one memory access).
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct Slot {
    /// Feature hash; 0 marks an empty slot.
    key: u64,
    w: [i16; S],
}

/// Size of [`Model`]'s key filter in bits (512 KiB).
const FILTER_BITS: usize = 1 << 22;

/// Feature weights (i16, one scale) and transitions.
#[derive(Debug, Clone)]
pub struct Model {
    table: Vec<Slot>,
    /// One bit per `key % FILTER_BITS`, set for the keys in the table: most features of new
    /// text are unknown, and the filter (in cache) answers them without a table access.
    filter: Vec<u64>,
    /// The weights of key 0 (the bias feature), which marks empty slots in the table.
    zero: Option<[i16; S]>,
    features: usize,
    scale: f32,
    /// `(S + 1) × S`: row `p` is the previous state, row `S` the sentence start.
    trans: Vec<f32>,
    /// Identity of the weights, for caches of partial scores (see [`super::emit`]).
    id: u64,
}

/// A new identity for data that caches depend on.
pub(crate) fn fresh_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

const MAGIC: &[u8; 6] = b"LBNER2";

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .b
            .get(self.pos..self.pos + n)
            .ok_or(ModelError::Truncated(self.pos))?;
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl Model {
    /// A model with no features (tags everything `O`).
    pub fn empty() -> Model {
        Model::from_rows(Vec::new(), 1.0, vec![0.0; (S + 1) * S])
    }

    /// A model from quantised rows `(key, weights)`; rows with all-zero weights are left out,
    /// key 0 (the bias feature) is kept beside the table.
    fn from_rows(rows: Vec<(u64, [i16; S])>, scale: f32, trans: Vec<f32>) -> Model {
        let mut zero = None;
        let mut kept = Vec::with_capacity(rows.len());
        for (key, w) in rows {
            if w.iter().all(|&v| v == 0) {
                continue;
            }
            if key == 0 {
                zero = Some(w);
            } else {
                kept.push((key, w));
            }
        }
        let rows = kept;
        // at most half full: linear probing stays short, also for the unknown keys the filter
        // lets through
        let size = (rows.len() * 2).next_power_of_two().max(16);
        let mut table = vec![Slot::default(); size];
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for (key, w) in &rows {
            let b = *key as usize & (FILTER_BITS - 1);
            filter[b / 64] |= 1 << (b % 64);
            let mut i = slot_of(*key, size - 1);
            while table[i].key != 0 && table[i].key != *key {
                i = (i + 1) & (size - 1);
            }
            table[i] = Slot { key: *key, w: *w };
        }
        Model {
            table,
            filter,
            features: rows.len() + usize::from(zero.is_some()),
            zero,
            scale,
            trans,
            id: fresh_id(),
        }
    }

    /// Identity of these weights (a copy keeps it).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.features
    }

    fn weights(&self, key: u64) -> Option<&[i16; S]> {
        if key == 0 {
            return self.zero.as_ref();
        }
        let b = key as usize & (FILTER_BITS - 1);
        if self.filter[b / 64] & (1 << (b % 64)) == 0 {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut i = slot_of(key, mask);
        loop {
            let s = &self.table[i];
            if s.key == key {
                return Some(&s.w);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Read a model written by [`Model::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { b, pos: 0 };
        if r.take(MAGIC.len())? != MAGIC || r.take(1)?[0] as usize != S {
            return Err(ModelError::BadHeader);
        }
        let n = r.u32()? as usize;
        let scale = r.f32()?;
        let mut trans = Vec::with_capacity((S + 1) * S);
        for _ in 0..(S + 1) * S {
            trans.push(r.f32()?);
        }
        let keys = r.take(n * 8)?;
        let ws = r.take(n * S * 2)?;
        let rows = keys
            .chunks_exact(8)
            .zip(ws.chunks_exact(2 * S))
            .map(|(k, w)| {
                let mut a = [0u8; 8];
                a.copy_from_slice(k);
                let mut q = [0i16; S];
                for (v, c) in q.iter_mut().zip(w.chunks_exact(2)) {
                    *v = i16::from_le_bytes([c[0], c[1]]);
                }
                (u64::from_le_bytes(a), q)
            })
            .collect();
        Ok(Model::from_rows(rows, scale, trans))
    }

    /// Serialise: magic, label count, feature count, scale, transitions, sorted keys,
    /// i16 weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        let zero = self.zero.map(|w| Slot { key: 0, w });
        let mut rows: Vec<&Slot> = zero
            .iter()
            .chain(self.table.iter().filter(|s| s.key != 0))
            .collect();
        rows.sort_unstable_by_key(|s| s.key);
        let mut out = Vec::with_capacity(16 + rows.len() * (8 + 2 * S));
        out.extend_from_slice(MAGIC);
        out.push(S as u8);
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for s in &rows {
            out.extend_from_slice(&s.key.to_le_bytes());
        }
        for s in &rows {
            for v in &s.w {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Add the weights of features `feats` to `acc` (unknown features add nothing).
    pub(crate) fn add_weights(&self, feats: &[u64], acc: &mut [i32; S]) {
        for &h in feats {
            if let Some(ws) = self.weights(h) {
                for (a, &b) in acc.iter_mut().zip(ws) {
                    *a += i32::from(b);
                }
            }
        }
    }

    /// Best label sequence for one sentence, as output label ids (see [`LABELS`]).
    pub fn decode(&self, feats: &[u64], offsets: &[usize]) -> Vec<u8> {
        let em: Vec<[i32; S]> = offsets
            .windows(2)
            .map(|w| {
                let mut acc = [0i32; S];
                self.add_weights(&feats[w[0]..w[1]], &mut acc);
                acc
            })
            .collect();
        self.decode_scores(&em)
    }

    /// Best label sequence (output label ids) for summed weights per token and state.
    pub(crate) fn decode_scores(&self, sums: &[[i32; S]]) -> Vec<u8> {
        let em: Vec<[f32; S]> = sums
            .iter()
            .map(|acc| acc.map(|a| a as f32 * self.scale))
            .collect();
        let mut labels = viterbi(&em, &self.trans);
        for l in &mut labels {
            *l = output_label(label_of_state(*l));
        }
        labels
    }
}

/// Home slot of a key (the keys are hashes already; the high bits are mixed in).
fn slot_of(key: u64, mask: usize) -> usize {
    ((key ^ (key >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 17) as usize & mask
}

/// Viterbi over emission scores and transitions, honouring [`state_allowed`] and [`may_end`].
fn viterbi(em: &[[f32; S]], trans: &[f32]) -> Vec<u8> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let neg = f32::NEG_INFINITY;
    let mut score = vec![[neg; S]; n];
    let mut back = vec![[0u8; S]; n];
    for c in 0..S {
        if state_allowed(None, c) {
            score[0][c] = em[0][c] + trans[S * S + c];
        }
    }
    // the states each state may follow: after a closed state (`O`, last, unit) any state
    // that opens; after an open one (begin, inside) its type's inside and last states
    for i in 1..n {
        for c in 0..S {
            let open_pair;
            let preds: &[usize] = if state_allowed(None, c) {
                &CLOSED
            } else {
                let first = c - (c - 1) % 4;
                open_pair = [first, first + 1];
                &open_pair
            };
            let mut best = neg;
            let mut arg = 0u8;
            for &p in preds {
                let s = score[i - 1][p] + trans[p * S + c];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            score[i][c] = best + em[i][c];
            back[i][c] = arg;
        }
    }
    let mut last = 0usize;
    for c in 1..S {
        if may_end(c) && score[n - 1][c] > score[n - 1][last] {
            last = c;
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = last as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
    out
}

/// Cost added to every wrong label while training (cost-augmented decoding).
const COST: f32 = 1.0;
/// Largest step of one update.
const AGGRESSIVENESS: f32 = 1.0;

/// The mean over `k` models of their averaged weights `w - u / c`.
fn mean_averaged<'a>(
    models: impl Iterator<Item = (&'a [f32], &'a [f32], f32)>,
    k: f32,
) -> Vec<f32> {
    let mut out: Vec<f32> = Vec::new();
    for (w, u, c) in models {
        if out.is_empty() {
            out = vec![0.0; w.len()];
        }
        for ((o, w), u) in out.iter_mut().zip(w).zip(u) {
            *o += (w - u / c) / k;
        }
    }
    out
}

/// Quantised weight (of 32,767 for the largest) that a feature's largest weight must exceed to
/// be kept: leaving out the features that hardly move any score shrinks the model by a third
/// with the same cross-validated F1.
const PRUNE: i16 = 100;

/// Averaged structured perceptron over the features of a fixed training set.
#[derive(Clone)]
pub struct Trainer {
    index: IdMap,
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

impl Trainer {
    /// A trainer over the features that occur at least `min_count` times in `all_feats`.
    pub fn new<'a>(all_feats: impl Iterator<Item = &'a [u64]>, min_count: u32) -> Trainer {
        let mut counts: HashMap<u64, u32, BuildHasherDefault<IdHasher>> = HashMap::default();
        for fs in all_feats {
            for &h in fs {
                *counts.entry(h).or_insert(0) += 1;
            }
        }
        let mut keys: Vec<u64> = counts
            .into_iter()
            .filter(|(_, c)| *c >= min_count)
            .map(|(k, _)| k)
            .collect();
        keys.sort_unstable();
        let index: IdMap = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        let n = index.len();
        Trainer {
            index,
            w: vec![0.0; n * S],
            u: vec![0.0; n * S],
            tw: vec![0.0; (S + 1) * S],
            tu: vec![0.0; (S + 1) * S],
            c: 1.0,
        }
    }

    /// Map a sentence's feature hashes to rows (unknown features dropped), each token's in
    /// ascending order, so that training does not depend on the order features are formed in.
    pub fn rows(&self, feats: &[u64], offsets: &[usize]) -> Vec<Vec<u32>> {
        (0..offsets.len().saturating_sub(1))
            .map(|i| {
                let mut rows: Vec<u32> = feats[offsets[i]..offsets[i + 1]]
                    .iter()
                    .filter_map(|h| self.index.get(h).copied())
                    .collect();
                rows.sort_unstable();
                rows
            })
            .collect()
    }

    fn upd(&mut self, r: usize, v: f32) {
        self.w[r] += v;
        self.u[r] += self.c * v;
    }

    fn upd_t(&mut self, r: usize, v: f32) {
        self.tw[r] += v;
        self.tu[r] += self.c * v;
    }

    /// One perceptron step on one sentence (rows from [`Trainer::rows`], gold BIO model
    /// label ids).
    pub fn step(&mut self, rows: &[Vec<u32>], gold: &[u8]) {
        let gold = &states_of(gold)[..];
        let em: Vec<[f32; S]> = rows
            .iter()
            .map(|rs| {
                let mut e = [0f32; S];
                for &r in rs {
                    let w = &self.w[r as usize * S..r as usize * S + S];
                    for (a, b) in e.iter_mut().zip(w) {
                        *a += b;
                    }
                }
                e
            })
            .collect();
        let cost: Vec<[f32; S]> = em
            .iter()
            .zip(gold)
            .map(|(e, &g)| {
                let mut c = *e;
                for (k, v) in c.iter_mut().enumerate() {
                    if k != g as usize {
                        *v += COST;
                    }
                }
                c
            })
            .collect();
        let pred = viterbi(&cost, &self.tw);
        if pred != gold {
            // passive-aggressive step: just enough to put the gold sequence a Hamming loss
            // ahead of the prediction, capped
            let mut margin = 0f32;
            let mut loss = 0f32;
            let mut norm = 0f32;
            for i in 0..gold.len() {
                let (g, p) = (gold[i] as usize, pred[i] as usize);
                let gp = if i == 0 { S } else { gold[i - 1] as usize };
                let pp = if i == 0 { S } else { pred[i - 1] as usize };
                margin += em[i][g] - em[i][p] + self.tw[gp * S + g] - self.tw[pp * S + p];
                if g != p {
                    loss += 1.0;
                    norm += 2.0 * rows[i].len() as f32;
                }
                if g != p || gp != pp {
                    norm += 2.0;
                }
            }
            let tau = ((loss - margin) / norm.max(1.0)).clamp(0.0, AGGRESSIVENESS);
            for i in 0..gold.len() {
                let (g, p) = (gold[i] as usize, pred[i] as usize);
                if g != p {
                    for &r in &rows[i] {
                        self.upd(r as usize * S + g, tau);
                        self.upd(r as usize * S + p, -tau);
                    }
                }
                let gp = if i == 0 { S } else { gold[i - 1] as usize };
                let pp = if i == 0 { S } else { pred[i - 1] as usize };
                if g != p || gp != pp {
                    self.upd_t(gp * S + g, tau);
                    self.upd_t(pp * S + p, -tau);
                }
            }
        }
        self.c += 1.0;
    }

    /// The averaged model.
    pub fn finish(self) -> Model {
        Trainer::finish_mean(vec![self])
    }

    /// The mean of several averaged models trained over the same features (each a
    /// [`Trainer::clone`] of one new trainer): a linear model again, so it costs no more to
    /// run than one.
    pub fn finish_mean(trainers: Vec<Trainer>) -> Model {
        let k = trainers.len().max(1) as f32;
        // quantised as the model file stores it, so that what is measured is what ships
        let weights = mean_averaged(trainers.iter().map(|t| (&t.w[..], &t.u[..], t.c)), k);
        let trans = mean_averaged(trainers.iter().map(|t| (&t.tw[..], &t.tu[..], t.c)), k);
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let Some(first) = trainers.first() else {
            return Model::empty();
        };
        let rows: Vec<(u64, [i16; S])> = first
            .index
            .iter()
            .map(|(&k, &r)| {
                let mut q = [0i16; S];
                for (j, v) in q.iter_mut().enumerate() {
                    *v = (weights[r as usize * S + j] / scale).round() as i16;
                }
                (k, q)
            })
            .filter(|(_, q)| q.iter().any(|v| v.abs() > PRUNE))
            .collect();
        Model::from_rows(rows, scale, trans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraints() {
        assert!(allowed(None, 1));
        assert!(!allowed(None, 2));
        assert!(allowed(Some(1), 2));
        assert!(allowed(Some(2), 2));
        assert!(!allowed(Some(3), 2));
        assert!(!allowed(Some(0), 4));
    }

    #[test]
    fn states_mark_begin_inside_last_and_unit() {
        // O B-PER I-PER I-PER O B-LOC B-LOC I-LOC
        let bio = [0u8, 1, 2, 2, 0, 5, 5, 6];
        let st = states_of(&bio);
        assert_eq!(st, vec![0, 1, 2, 3, 0, 12, 9, 11]);
        assert_eq!(
            st.iter().map(|&s| label_of_state(s)).collect::<Vec<_>>(),
            bio
        );
        assert!(state_allowed(None, 4));
        assert!(!state_allowed(None, 2));
        assert!(state_allowed(Some(1), 3));
        assert!(!state_allowed(Some(1), 0));
        assert!(!state_allowed(Some(1), 7));
        assert!(state_allowed(Some(3), 5));
        assert!(!may_end(2) && may_end(3) && may_end(0));
        let closed: Vec<usize> = (0..S).filter(|&p| state_allowed(Some(p), 0)).collect();
        assert_eq!(closed, CLOSED);
        assert!(CLOSED.iter().all(|&p| may_end(p)));
    }

    #[test]
    fn table_finds_every_key_also_zero() {
        let mut x = 0x1234_5678_9abc_def0u64;
        let mut rows = vec![(0u64, [1i16; S])];
        for i in 0..20_000u32 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut w = [0i16; S];
            w[i as usize % S] = (i % 1000) as i16 + 1;
            rows.push((x, w));
        }
        let m = Model::from_rows(rows.clone(), 1.0, vec![0.0; (S + 1) * S]);
        assert_eq!(m.features(), rows.len());
        for (k, w) in &rows {
            assert_eq!(m.weights(*k), Some(w));
        }
        assert_eq!(m.weights(12345), None);
        let back = Model::from_bytes(&m.to_bytes()).expect("roundtrip");
        assert_eq!(back.weights(0), Some(&[1i16; S]));
        assert_eq!(back.to_bytes(), m.to_bytes());
    }

    #[test]
    fn learns_and_roundtrips() {
        // two features: 10 marks a person, 20 marks nothing
        let feats = [vec![10u64, 1], vec![20, 1], vec![10, 1]];
        let flat: Vec<u64> = feats.iter().flatten().copied().collect();
        let offsets = vec![0, 2, 4, 6];
        let gold = vec![1u8, 0, 1];
        let mut t = Trainer::new(std::iter::once(flat.as_slice()), 1);
        let rows = t.rows(&flat, &offsets);
        for _ in 0..5 {
            t.step(&rows, &gold);
        }
        let m = t.finish();
        assert_eq!(m.decode(&flat, &offsets), gold);
        let m2 = Model::from_bytes(&m.to_bytes()).expect("roundtrip");
        assert_eq!(m2.decode(&flat, &offsets), gold);
        assert!(Model::from_bytes(b"nonsense").is_err());
    }
}
