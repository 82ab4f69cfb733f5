//! Wire copy and independent origins.
//!
//! Sentences are compared through word 3-gram shingles. Candidate pairs come from MinHash
//! signatures with locality-sensitive hashing (12 bands of 2 rows), so a big story is never
//! compared all pairs; candidates are verified by shingle containment. Two articles that
//! share at least [`MIN_PASSAGES`] such passages, one of them word for word, or three reworded
//! ones, carry the same agency copy. Origins are the
//! connected groups of articles linked by shared copy or by a shared agency credit.

use crate::features::{is_boilerplate, DocText};
use lagebild_model::{AnnotatedArticle, WireCopy};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

const BANDS: usize = 12;
const ROWS: usize = 2;
/// Buckets larger than this are page furniture repeated everywhere; skipped.
const MAX_BUCKET: usize = 48;
/// Containment of shingles (shared / smaller set) for a near-identical passage.
const MIN_CONTAINMENT: f64 = 0.5;
/// Shared shingles a passage needs at least.
const MIN_SHARED: usize = 5;
/// Passages two articles must share to count as wire copy.
pub const MIN_PASSAGES: usize = 2;
/// Containment of a passage taken word for word (a word or two changed at most).
const VERBATIM_CONTAINMENT: f64 = 0.9;
/// Passages two articles must share to count as wire copy when none of them is word for word.
const MIN_REWORDED_PASSAGES: usize = 3;

/// SplitMix64 finaliser: a cheap, well-mixed permutation of u64.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
    z ^ (z >> 31)
}

/// One sentence prepared for copy detection.
struct Passage {
    doc: usize,
    sent: usize,
    /// Shingle hashes, sorted.
    shingles: Vec<u64>,
}

/// A near-identical sentence pair between two articles.
#[derive(Debug, Clone)]
pub struct SharedPassage {
    /// Article index and sentence index of the first side.
    pub a: (usize, usize),
    /// Article index and sentence index of the second side.
    pub b: (usize, usize),
    /// Shingle containment.
    pub containment: f64,
}

/// Shared passages, wire copy pairs and origins of a story.
pub struct WireResult {
    /// All near-identical sentence pairs across articles.
    pub passages: Vec<SharedPassage>,
    /// Article pairs sharing copy, in the JSON shape.
    pub wire_copy: Vec<WireCopy>,
    /// Origin number of each article (articles of one origin share the number).
    pub origin: Vec<usize>,
}

/// Hashes of the word 3-grams of a sentence (lower case, words joined by a space), sorted.
fn shingles(words: &[&str]) -> Vec<u64> {
    let norm: Vec<Cow<str>> = words
        .iter()
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                Cow::Borrowed(*w)
            } else {
                Cow::Owned(w.to_lowercase())
            }
        })
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if norm.len() < 3 {
        return Vec::new();
    }
    let mut out: Vec<u64> = norm
        .windows(3)
        .map(|w| fnv_words(w.iter().map(|x| x.as_ref())))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// 64-bit FNV-1a of words joined by single spaces, without joining them.
fn fnv_words<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for (i, w) in words.enumerate() {
        let sep: &[u8] = if i > 0 { b" " } else { b"" };
        for &b in sep.iter().chain(w.as_bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

/// Number of values two sorted, duplicate-free lists share.
fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Words of sentence `i` outside quotation marks: reporting the same utterance is not
/// sharing agency copy.
fn unquoted_words<'a>(t: &DocText<'a>, i: usize) -> Vec<&'a str> {
    let s = &t.doc.sentences[i];
    let direct: Vec<lagebild_model::Span> = t
        .doc
        .quotes
        .iter()
        .filter(|q| q.kind == lagebild_model::QuoteKind::Direct && q.span.overlaps(&s.span))
        .map(|q| q.span)
        .collect();
    let mut inside = false;
    let mut out = Vec::new();
    for tok in &s.tokens {
        let w = t.slice(tok.span);
        match w {
            "„" | "»" if !inside => {
                inside = true;
                continue;
            }
            "“" | "«" | "”" if inside => {
                inside = false;
                continue;
            }
            "\"" => {
                inside = !inside;
                continue;
            }
            _ => {}
        }
        if inside || direct.iter().any(|q| q.contains(&tok.span)) {
            continue;
        }
        if matches!(
            tok.kind,
            lagebild_model::TokenKind::Word | lagebild_model::TokenKind::Number
        ) {
            out.push(w);
        }
    }
    out
}

fn normalise_credit(c: &str) -> String {
    c.trim().to_lowercase()
}

/// Find shared copy and origins among a story's articles.
pub fn analyse(docs: &[AnnotatedArticle], texts: &[DocText]) -> WireResult {
    let mut passages = Vec::new();
    // copy is shared between articles: a lone article has none
    let lone = docs.len() < 2;
    for (d, t) in texts.iter().enumerate().filter(|_| !lone) {
        for (i, s) in t.doc.sentences.iter().enumerate() {
            if is_boilerplate(t.slice(s.span)) {
                continue;
            }
            let sh = shingles(&unquoted_words(t, i));
            if sh.len() >= MIN_SHARED {
                passages.push(Passage {
                    doc: d,
                    sent: i,
                    shingles: sh,
                });
            }
        }
    }
    // LSH buckets.
    // (bucket order does not matter: the candidates are sorted below)
    let mut buckets: FxHashMap<(usize, u64), Vec<usize>> = FxHashMap::default();
    for (pi, p) in passages.iter().enumerate() {
        let mut sig = [u64::MAX; BANDS * ROWS];
        for &s in &p.shingles {
            for (j, slot) in sig.iter_mut().enumerate() {
                let h = mix(s ^ (j as u64).wrapping_mul(0x9e3779b97f4a7c15));
                if h < *slot {
                    *slot = h;
                }
            }
        }
        for b in 0..BANDS {
            let mut h = 0u64;
            for r in 0..ROWS {
                h = mix(h ^ sig[b * ROWS + r]);
            }
            buckets.entry((b, h)).or_default().push(pi);
        }
    }
    let mut cands: Vec<(usize, usize)> = Vec::new();
    for v in buckets.values() {
        if v.len() > MAX_BUCKET {
            continue;
        }
        for (x, &i) in v.iter().enumerate() {
            for &j in &v[x + 1..] {
                if passages[i].doc != passages[j].doc {
                    cands.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    cands.sort_unstable();
    cands.dedup();
    let mut shared = Vec::new();
    for (i, j) in cands {
        let (a, b) = (&passages[i], &passages[j]);
        let inter = shared_count(&a.shingles, &b.shingles);
        let c = inter as f64 / a.shingles.len().min(b.shingles.len()) as f64;
        if inter >= MIN_SHARED && c >= MIN_CONTAINMENT {
            let (x, y) = if a.doc < b.doc { (a, b) } else { (b, a) };
            shared.push(SharedPassage {
                a: (x.doc, x.sent),
                b: (y.doc, y.sent),
                containment: c,
            });
        }
    }
    // Article pairs.
    let mut pairs: BTreeMap<(usize, usize), Vec<&SharedPassage>> = BTreeMap::new();
    for s in &shared {
        pairs.entry((s.a.0, s.b.0)).or_default().push(s);
    }
    let n = docs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut wire_copy = Vec::new();
    let credits: Vec<BTreeSet<String>> = docs
        .iter()
        .map(|d| {
            let outlet = d.article.outlet.as_deref().map(normalise_credit);
            d.article
                .credits
                .iter()
                .map(|c| normalise_credit(c))
                .filter(|c| !c.is_empty() && Some(c) != outlet.as_ref())
                .collect()
        })
        .collect();
    // article pairs with their shared credits (in credit order), from the articles of each credit
    let mut by_credit: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (d, cs) in credits.iter().enumerate() {
        for c in cs {
            by_credit.entry(c.as_str()).or_default().push(d);
        }
    }
    let mut linked: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
    for (c, ds) in &by_credit {
        for (x, &a) in ds.iter().enumerate() {
            for &b in &ds[x + 1..] {
                linked.entry((a, b)).or_default().push(c.to_string());
            }
        }
    }
    for (&(a, b), ps) in &pairs {
        // distinct sentences on each side
        let sa: BTreeSet<usize> = ps.iter().map(|p| p.a.1).collect();
        let sb: BTreeSet<usize> = ps.iter().map(|p| p.b.1).collect();
        let count = sa.len().min(sb.len());
        // a few sentences that only share a statement's wording (`Die Bergung werde bis in die
        // Nacht dauern, so der Polizeisprecher` / `Die Bergung des Triebwagens werde …`) are
        // two reports of one source, not one copy: then one of them must be word for word
        let verbatim = ps.iter().any(|p| p.containment >= VERBATIM_CONTAINMENT);
        if count < MIN_PASSAGES || (count < MIN_REWORDED_PASSAGES && !verbatim) {
            continue;
        }
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent[rb] = ra;
        let ta = &texts[a];
        let mut examples: Vec<String> = Vec::new();
        for p in ps.iter() {
            let s = ta.slice(docs[a].sentences[p.a.1].span).trim().to_string();
            if !examples.contains(&s) && examples.len() < 3 {
                examples.push(s);
            }
        }
        wire_copy.push(WireCopy {
            articles: vec![docs[a].article.id.clone(), docs[b].article.id.clone()],
            passages: count,
            examples,
            shared_credits: linked.get(&(a, b)).cloned().unwrap_or_default(),
        });
    }
    for &(a, b) in linked.keys() {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent[rb] = ra;
    }
    let mut ids: BTreeMap<usize, usize> = BTreeMap::new();
    let mut origin = Vec::with_capacity(n);
    for d in 0..n {
        let r = find(&mut parent, d);
        let next = ids.len();
        origin.push(*ids.entry(r).or_insert(next));
    }
    WireResult {
        passages: shared,
        wire_copy,
        origin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_hashes_are_fnv_of_the_joined_words() {
        assert_eq!(fnv_words(["a"].into_iter()), 0xaf63dc4c8601ec8c);
        assert_eq!(
            fnv_words(["Die", "Ministerin", "reiste"].into_iter()),
            fnv_words(["Die Ministerin reiste"].into_iter())
        );
        assert_ne!(
            fnv_words(["ab", "c"].into_iter()),
            fnv_words(["a", "bc"].into_iter())
        );
    }

    #[test]
    fn shingles_ignore_case_and_repeats() {
        let a = shingles(&["Der", "Rat", "tagte", "lange", "der", "Rat", "tagte"]);
        let b = shingles(&["der", "RAT", "tagte", "lange", "Der", "rat", "tagte"]);
        assert_eq!(a, b);
        // der rat tagte / rat tagte lange / tagte lange der / lange der rat
        assert_eq!(a.len(), 4);
        assert_eq!(shared_count(&a, &b), 4);
        assert_eq!(shared_count(&a, &shingles(&["rat", "tagte", "lange"])), 1);
    }
}
