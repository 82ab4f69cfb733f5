//! Emission scores of a sentence's tokens for the tagger, with the parts that depend on one
//! word alone summed once per word.
//!
//! Most of a token's features depend on a single word: its own (word, affixes, shape,
//! clusters, …) or one neighbour's (the word before, its cluster, …; see
//! [`features::Part`]). Their weights are summed once per word form and model and kept in a
//! per-thread cache; a token's score is then its word's own part, its neighbours' parts and
//! the weights of the few features that join two words or depend on the sentence
//! ([`features::pair_features`]). Sums of integer weights do not depend on their order, so
//! the scores equal those of [`Model::decode`] over [`features::extract`]'s hashes exactly.

use super::features::{self, Clusters, Part, TokInfo};
use super::model::{Model, S};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Words in each of the cache's two generations (about 10 MB each): when a sentence would
/// take the newer one beyond this, it becomes the older one and the former older one is
/// dropped; words found in the older generation move to the newer. So memory stays bounded on
/// endless streams while the frequent words stay.
const GENERATION: usize = 16_384;

/// What a word form contributes, for one model and set of clusters.
#[derive(Clone)]
struct Entry {
    info: TokInfo,
    /// Summed weights of the word's own features with its position features, elsewhere in
    /// the sentence (0) and opening it (1).
    own: [[i32; S]; 2],
    /// Summed weights of the features the word gives its neighbours, by [`NEIGHBOURS`].
    parts: [[i32; S]; NEIGHBOURS.len()],
}

/// The neighbour parts with their distance from the token.
const NEIGHBOURS: [(Part, isize); 4] = [
    (Part::Prev, -1),
    (Part::Next, 1),
    (Part::Prev2, -2),
    (Part::Next2, 2),
];

/// Word form → entry.
#[derive(Default)]
struct Generation {
    index: FxHashMap<Box<str>, u32>,
    entries: Vec<Entry>,
}

impl Generation {
    fn clear(&mut self) {
        self.index.clear();
        self.entries.clear();
    }

    fn insert(&mut self, w: &str, e: Entry) -> u32 {
        let k = self.entries.len() as u32;
        self.entries.push(e);
        self.index.insert(w.into(), k);
        k
    }
}

#[derive(Default)]
struct WordCache {
    /// `(model id, clusters id)` the sums belong to, once computed.
    owner: Option<(u64, u64)>,
    newer: Generation,
    older: Generation,
    /// Sums of the neighbour parts (by [`NEIGHBOURS`]) for positions before and after the
    /// sentence.
    pads: [[i32; S]; NEIGHBOURS.len()],
    /// Summed weights of word-list flags (not 0) of a token or a neighbour, by [`Part`].
    flag_sums: FxHashMap<(u16, u8), [i32; S]>,
}

thread_local! {
    static CACHE: RefCell<WordCache> = RefCell::new(WordCache::default());
}

/// Summed weights of the features that `features` writes.
fn sum(model: &Model, buf: &mut Vec<u64>, features: impl FnOnce(&mut Vec<u64>)) -> [i32; S] {
    buf.clear();
    features(buf);
    let mut acc = [0i32; S];
    model.add_weights(buf, &mut acc);
    acc
}

impl WordCache {
    /// Start afresh unless the cache belongs to this model and these clusters.
    fn own(&mut self, model: &Model, clusters: &Clusters, buf: &mut Vec<u64>) {
        let owner = (model.id(), clusters.id());
        if self.owner == Some(owner) {
            return;
        }
        self.newer.clear();
        self.older.clear();
        self.flag_sums.clear();
        self.owner = Some(owner);
        for (k, &(part, d)) in NEIGHBOURS.iter().enumerate() {
            let pad = if d < 0 {
                TokInfo::before()
            } else {
                TokInfo::after()
            };
            self.pads[k] = sum(model, buf, |out| {
                features::word_features(&pad, "", part, clusters, out)
            });
        }
    }

    /// Make room for `n` more words in the newer generation.
    fn make_room(&mut self, n: usize) {
        if self.newer.entries.len() + n > GENERATION {
            std::mem::swap(&mut self.newer, &mut self.older);
            self.newer.clear();
        }
    }

    /// Index of a word's entry in the newer generation, computed on first sight.
    fn entry(&mut self, model: &Model, clusters: &Clusters, w: &str, buf: &mut Vec<u64>) -> u32 {
        if let Some(&k) = self.newer.index.get(w) {
            return k;
        }
        if let Some(&k) = self.older.index.get(w) {
            let e = self.older.entries[k as usize].clone();
            return self.newer.insert(w, e);
        }
        let l = w.to_lowercase();
        let info = TokInfo::of(w, &l, clusters);
        let parts = NEIGHBOURS.map(|(part, _)| {
            sum(model, buf, |out| {
                features::word_features(&info, &l, part, clusters, out)
            })
        });
        let own = [false, true].map(|first| {
            sum(model, buf, |out| {
                features::word_features(&info, &l, Part::Own, clusters, out);
                features::position_features(&info, first, out);
            })
        });
        self.newer.insert(w, Entry { info, own, parts })
    }

    /// Add the weights of flags `f` of a token or neighbour (`part`) to `acc`.
    fn add_flags(
        &mut self,
        model: &Model,
        f: u16,
        part: Part,
        acc: &mut [i32; S],
        buf: &mut Vec<u64>,
    ) {
        if f == 0 {
            return;
        }
        let s = self
            .flag_sums
            .entry((f, part as u8))
            .or_insert_with(|| sum(model, buf, |out| features::flag_features(f, part, out)));
        for (a, b) in acc.iter_mut().zip(s.iter()) {
            *a += b;
        }
    }
}

/// Summed weights per token and state of a sentence (`flags`: the tokens' word-list flags).
pub(crate) fn emissions(
    model: &Model,
    clusters: &Clusters,
    tokens: &[&str],
    flags: &[u16],
) -> Vec<[i32; S]> {
    let mut buf = Vec::with_capacity(64);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.own(model, clusters, &mut buf);
        c.make_room(tokens.len());
        let ids: Vec<u32> = tokens
            .iter()
            .map(|w| c.entry(model, clusters, w, &mut buf))
            .collect();
        let info: Vec<TokInfo> = ids
            .iter()
            .map(|&k| c.newer.entries[k as usize].info)
            .collect();
        let n = tokens.len();
        let flag_at = |j: usize| flags.get(j).copied().unwrap_or(0);
        (0..n)
            .map(|i| {
                let mut acc = c.newer.entries[ids[i] as usize].own[usize::from(i == 0)];
                for (k, &(_, d)) in NEIGHBOURS.iter().enumerate() {
                    let j = i as isize + d;
                    let add = if j < 0 || j >= n as isize {
                        &c.pads[k]
                    } else {
                        &c.newer.entries[ids[j as usize] as usize].parts[k]
                    };
                    for (a, b) in acc.iter_mut().zip(add) {
                        *a += b;
                    }
                }
                c.add_flags(model, flag_at(i), Part::Own, &mut acc, &mut buf);
                let before = if i > 0 { flag_at(i - 1) } else { 0 };
                c.add_flags(model, before, Part::Prev, &mut acc, &mut buf);
                c.add_flags(model, flag_at(i + 1), Part::Next, &mut acc, &mut buf);
                buf.clear();
                features::pair_features(i, &info, &mut buf);
                model.add_weights(&buf, &mut acc);
                acc
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::{features::extract_with_flags, gazetteer::Gazetteer, shipped_model};

    /// The sums over the full feature list of each token.
    fn plain(model: &Model, c: &Clusters, s: &[&str], flags: &[u16]) -> Vec<[i32; S]> {
        let (mut feats, mut offsets) = (Vec::new(), Vec::new());
        extract_with_flags(s, flags, c, &mut feats, &mut offsets);
        offsets
            .windows(2)
            .map(|w| {
                let mut acc = [0; S];
                model.add_weights(&feats[w[0]..w[1]], &mut acc);
                acc
            })
            .collect()
    }

    /// The cached sums equal the plain ones, also after the cache has started afresh for
    /// other clusters.
    #[test]
    fn cached_scores_equal_the_plain_path() {
        let model = shipped_model();
        let sentences: [&[&str]; 4] = [
            &[
                "Bürgermeisterin",
                "Anke",
                "Sörensen",
                "besuchte",
                "am",
                "Montag",
                "Kiel",
                ".",
            ],
            &[
                "Die",
                "Stadtwerke",
                "Lübeck",
                "GmbH",
                "erhöhen",
                "die",
                "Preise",
            ],
            &["„", "Wir", "bleiben", "“", ",", "sagte", "Sörensen", "."],
            &["Kiel"],
        ];
        let other = Clusters::default();
        for round in 0..2 {
            for c in [Clusters::embedded(), &other] {
                for s in sentences {
                    let flags = Gazetteer::get().flags(s);
                    let want = plain(model, c, s, &flags);
                    assert_eq!(emissions(model, c, s, &flags), want, "round {round}: {s:?}");
                }
            }
        }
    }

    /// Past the size of a generation the cache moves on, bounded, with the same sums.
    #[test]
    fn generations_keep_the_sums() {
        let (model, clusters) = (shipped_model(), Clusters::embedded());
        let s = ["Die", "Reederei", "Tamsen", "meldet", "Gewinne"];
        let flags = Gazetteer::get().flags(&s);
        let want = plain(model, clusters, &s, &flags);
        assert_eq!(emissions(model, clusters, &s, &flags), want);
        let words: Vec<String> = (0..GENERATION + 10).map(|i| format!("Wort{i}")).collect();
        for chunk in words.chunks(1000) {
            let refs: Vec<&str> = chunk.iter().map(String::as_str).collect();
            let _ = emissions(model, clusters, &refs, &vec![0; refs.len()]);
        }
        CACHE.with(|c| assert!(c.borrow().newer.entries.len() <= GENERATION));
        assert_eq!(emissions(model, clusters, &s, &flags), want);
    }
}
