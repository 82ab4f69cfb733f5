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

use super::features::{self, Clusters, Part, TokInfo, ALL_PARTS, PARTS};
use super::model::{Model, S};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Words kept per thread; the cache is emptied when a sentence would take it beyond this
/// (about 30 MB), so memory stays bounded on endless streams.
const CAPACITY: usize = 50_000;

/// What a word form contributes, for one model and set of clusters.
struct Entry {
    info: TokInfo,
    /// Summed weights of the word's features in each [`Part`].
    parts: [[i32; S]; PARTS],
}

#[derive(Default)]
struct WordCache {
    /// `(model id, clusters id)` the sums belong to.
    owner: (u64, u64),
    index: FxHashMap<Box<str>, u32>,
    entries: Vec<Entry>,
    /// Sums of the neighbour parts for positions before and after the sentence.
    pads: [[i32; S]; PARTS],
}

thread_local! {
    static CACHE: RefCell<WordCache> = RefCell::new(WordCache::default());
}

/// Summed weights of the features of `part` that word `t` (`l` lower-cased) gives.
fn part_sum(
    model: &Model,
    clusters: &Clusters,
    t: &TokInfo,
    l: &str,
    part: Part,
    buf: &mut Vec<u64>,
) -> [i32; S] {
    buf.clear();
    features::word_features(t, l, part, clusters, buf);
    let mut acc = [0i32; S];
    model.add_weights(buf, &mut acc);
    acc
}

impl WordCache {
    /// Empty the cache unless it belongs to this model and these clusters.
    fn own(&mut self, model: &Model, clusters: &Clusters, buf: &mut Vec<u64>) {
        let owner = (model.id(), clusters.id());
        if self.owner == owner && !self.entries.is_empty() {
            return;
        }
        self.index.clear();
        self.entries.clear();
        self.owner = owner;
        let (before, after) = (TokInfo::before(), TokInfo::after());
        for part in ALL_PARTS {
            let pad = match part {
                Part::Prev | Part::Prev2 => &before,
                Part::Next | Part::Next2 => &after,
                Part::Own => continue,
            };
            self.pads[part as usize] = part_sum(model, clusters, pad, "", part, buf);
        }
    }

    /// Index of a word's entry, computed on first sight.
    fn entry(&mut self, model: &Model, clusters: &Clusters, w: &str, buf: &mut Vec<u64>) -> u32 {
        if let Some(&k) = self.index.get(w) {
            return k;
        }
        let l = w.to_lowercase();
        let info = TokInfo::of(w, &l, clusters);
        let parts = ALL_PARTS.map(|part| part_sum(model, clusters, &info, &l, part, buf));
        let k = self.entries.len() as u32;
        self.entries.push(Entry { info, parts });
        self.index.insert(w.into(), k);
        k
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
        if c.entries.len() + tokens.len() > CAPACITY {
            c.index.clear();
            c.entries.clear();
        }
        let ids: Vec<u32> = tokens
            .iter()
            .map(|w| c.entry(model, clusters, w, &mut buf))
            .collect();
        let info: Vec<TokInfo> = ids.iter().map(|&k| c.entries[k as usize].info).collect();
        let n = tokens.len();
        (0..n)
            .map(|i| {
                let mut acc = c.entries[ids[i] as usize].parts[Part::Own as usize];
                for (part, d) in [
                    (Part::Prev, -1),
                    (Part::Next, 1),
                    (Part::Prev2, -2),
                    (Part::Next2, 2),
                ] {
                    let j = i as isize + d;
                    let add = if j < 0 || j >= n as isize {
                        &c.pads[part as usize]
                    } else {
                        &c.entries[ids[j as usize] as usize].parts[part as usize]
                    };
                    for (a, b) in acc.iter_mut().zip(add) {
                        *a += b;
                    }
                }
                buf.clear();
                features::pair_features(i, &info, flags, &mut buf);
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

    /// The cached sums give the labels of the plain feature path, also after the cache has
    /// been emptied for another model or other clusters.
    #[test]
    fn cached_scores_equal_the_plain_path() {
        let model = shipped_model();
        let clusters = Clusters::embedded();
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
            for c in [clusters, &other] {
                for s in sentences {
                    let flags = Gazetteer::get().flags(s);
                    let (mut feats, mut offsets) = (Vec::new(), Vec::new());
                    extract_with_flags(s, &flags, c, &mut feats, &mut offsets);
                    let plain: Vec<[i32; S]> = offsets
                        .windows(2)
                        .map(|w| {
                            let mut acc = [0; S];
                            model.add_weights(&feats[w[0]..w[1]], &mut acc);
                            acc
                        })
                        .collect();
                    assert_eq!(
                        emissions(model, c, s, &flags),
                        plain,
                        "round {round}: {s:?}"
                    );
                }
            }
        }
    }
}
