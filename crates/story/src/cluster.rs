//! Streaming story clustering.
//!
//! Each arriving article is turned into a tf-idf vector of its keys (title counted twice) and a
//! set of name keys (persons by surname, other entities by name; transliteration-normalised).
//! Stories keep a compact profile only: the top terms of the sum of their articles' vectors,
//! their most frequent name keys and their date range. The article joins the story with the
//! highest score (cosine to the profile, plus a bonus for shared names, damped by the distance
//! in days) when that score clears [`JOIN_THRESHOLD`]; otherwise it opens a new story.
//! Candidate stories come from an inverted index over profile terms, so an article is never
//! compared with every story.

use crate::entities::name_key;
use crate::features::{for_text_keys_in, german_equivalent, idf, Covered, DocText};
use lagebild_model::calendar::Date;
use lagebild_model::{AnnotatedArticle, EntityType, MentionKind};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Terms kept per article vector.
const ARTICLE_TERMS: usize = 80;
/// Terms kept per story profile.
const PROFILE_TERMS: usize = 200;
/// Name keys kept per story profile.
const PROFILE_NAMES: usize = 40;
/// Article terms used to look up candidate stories.
const LOOKUP_TERMS: usize = 25;
/// Terms held by more stories than this are not used to find candidates.
const MAX_POSTING: usize = 200;
/// Score an article needs to join a one-article story (calibrated with `lagebild-eval
/// stories`). A bigger story's profile is broader and matches loosely related articles
/// better, so the bar rises with the log of its size, up to [`JOIN_THRESHOLD_MAX`].
pub const JOIN_THRESHOLD: f64 = 0.30;
/// Highest bar for joining a big story.
pub const JOIN_THRESHOLD_MAX: f64 = 0.42;
const THRESHOLD_SLOPE: f64 = 0.06;
/// Names more common than this (idf below) earn no bonus: they say little about the event.
const NAME_MIN_IDF: f64 = 5.0;
/// Bonus per shared person name, and per shared other name (capped).
const PERSON_BONUS: f64 = 0.04;
const NAME_BONUS: f64 = 0.015;
const BONUS_CAP: f64 = 0.16;
/// Days of distance that cost nothing; beyond, the score decays with this scale (days).
const DAYS_FREE: i64 = 1;
const DAYS_SCALE: f64 = 4.0;
/// Shared rare persons beyond the first that stretch [`DAYS_SCALE`], at most (see `decay`).
const PERSONS_STRETCH_MAX: usize = 5;
/// Stories the engine keeps open. Beyond [`ACTIVE_STORIES`] + [`RETIRE_BATCH`], the
/// [`RETIRE_BATCH`] stories that least recently gained an article are retired: they keep their
/// articles (and, in a store, their analyses) but take no new ones, so the engine's memory is
/// bounded however long a stream runs.
pub const ACTIVE_STORIES: usize = 10_000;
/// Stories retired at once (see [`ACTIVE_STORIES`]).
pub const RETIRE_BATCH: usize = 1_000;

/// The compact profile of one story. Terms and names are ids of the engine's [`Dict`].
#[derive(Debug, Clone)]
struct Profile {
    id: String,
    /// Sum of member article vectors, top terms only, in the order of the term strings.
    terms: Vec<(u32, f64)>,
    /// Name keys with the number of member articles naming them, in the order of the names.
    names: Vec<(u32, u32)>,
    first_day: Option<i64>,
    last_day: Option<i64>,
    articles: u32,
    /// L2 norm of `terms`, kept up to date by `add`.
    norm: f64,
    /// The engine's article count when this story last gained an article.
    last_seen: u64,
    /// Member articles in English (the others are German or compared as German).
    english: u32,
}

impl Profile {
    /// The L2 norm, summed in the order of the term strings.
    fn compute_norm(&self) -> f64 {
        self.terms.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()
    }

    fn has_name(&self, id: u32) -> bool {
        self.names.iter().any(|&(n, _)| n == id)
    }
}

/// The stored form of a profile: terms and names as strings.
#[derive(Serialize, Deserialize)]
struct StoredProfile {
    id: String,
    terms: BTreeMap<String, f64>,
    names: BTreeMap<String, u32>,
    first_day: Option<i64>,
    last_day: Option<i64>,
    articles: u32,
    #[serde(default)]
    norm: f64,
    #[serde(default)]
    last_seen: u64,
    #[serde(default)]
    english: u32,
}

/// The stored form of the engine (the index and the dictionary are rebuilt on loading).
#[derive(Serialize, Deserialize)]
struct StoredEngine {
    stories: Vec<StoredProfile>,
    #[serde(default)]
    opened: usize,
    #[serde(default)]
    seen: u64,
}

/// The term and name strings held by open profiles, as small integer ids, so that scoring
/// compares integers instead of strings. Ids are counted by reference and reused once no
/// profile holds them, so the dictionary stays as small as the open stories. Ids carry no
/// order: whatever depends on order (ties, sums) goes by the strings.
#[derive(Debug, Default, Clone)]
struct Dict {
    ids: FxHashMap<Box<str>, u32>,
    strs: Vec<Box<str>>,
    refs: Vec<u32>,
    free: Vec<u32>,
}

impl Dict {
    fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    fn str(&self, id: u32) -> &str {
        &self.strs[id as usize]
    }

    /// The id of `s`, with one more reference.
    /// Merge `incoming` (in string order) into `old` (ids in string order): a string in both
    /// gets `add(old, new)`, a new string an id and `add(zero, new)`. Sorted by string.
    fn merge<'a, W: Copy + Default>(
        &mut self,
        old: Vec<(u32, W)>,
        incoming: impl Iterator<Item = (&'a str, W)>,
        add: impl Fn(W, W) -> W,
    ) -> Vec<(u32, W)> {
        let mut out = Vec::with_capacity(old.len());
        let mut incoming = incoming.peekable();
        let mut a = 0;
        while a < old.len() || incoming.peek().is_some() {
            let ord = match (old.get(a), incoming.peek()) {
                (Some(&(t, _)), Some(&(s, _))) => self.str(t).cmp(s),
                (Some(_), None) => Ordering::Less,
                _ => Ordering::Greater,
            };
            match ord {
                Ordering::Less => {
                    out.push(old[a]);
                    a += 1;
                }
                Ordering::Equal => {
                    if let Some((_, w)) = incoming.next() {
                        out.push((old[a].0, add(old[a].1, w)));
                    }
                    a += 1;
                }
                Ordering::Greater => {
                    if let Some((s, w)) = incoming.next() {
                        out.push((self.acquire(s), add(W::default(), w)));
                    }
                }
            }
        }
        out
    }

    fn acquire(&mut self, s: &str) -> u32 {
        let id = match self.ids.get(s) {
            Some(&id) => id,
            None => {
                let id = match self.free.pop() {
                    Some(id) => {
                        self.strs[id as usize] = s.into();
                        id
                    }
                    None => {
                        self.strs.push(s.into());
                        self.refs.push(0);
                        (self.strs.len() - 1) as u32
                    }
                };
                self.ids.insert(s.into(), id);
                id
            }
        };
        self.refs[id as usize] += 1;
        id
    }

    /// Drop one reference to `id`; the id is freed with its last reference.
    fn release(&mut self, id: u32) {
        let r = &mut self.refs[id as usize];
        *r = r.saturating_sub(1);
        if *r == 0 {
            let s = std::mem::take(&mut self.strs[id as usize]);
            self.ids.remove(&s);
            self.free.push(id);
        }
    }
}

/// What an article contributes to clustering.
pub(crate) struct ArticleFeatures {
    /// L2-normalised tf-idf vector, top terms.
    pub terms: Vec<(String, f64)>,
    /// Name keys with `true` for persons.
    pub names: BTreeMap<String, bool>,
    /// Publication day number.
    pub day: Option<i64>,
    /// An English article (its listed words are keyed by their German equivalents).
    pub english: bool,
}

/// Day number of a `YYYY-MM-DD` date (days since 1970-01-01), `None` if malformed.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    Date::parse(date).map(|d| d.days())
}

/// Clustering features of one article.
pub(crate) fn features(doc: &AnnotatedArticle) -> ArticleFeatures {
    let dt = DocText::new(doc);
    let english = dt.is_english();
    // (hash order does not matter: the terms are sorted below)
    let mut counts: FxHashMap<String, f64> = FxHashMap::default();
    let mut count = |k: &str| match counts.get_mut(k) {
        Some(c) => *c += 1.0,
        None => {
            counts.insert(k.to_string(), 1.0);
        }
    };
    let named = Covered::new(
        doc.entities
            .iter()
            .flat_map(|e| e.mentions.iter())
            .filter(|m| m.kind == MentionKind::Name)
            .map(|m| m.span)
            .collect(),
    );
    for i in 0..doc.sentences.len() {
        dt.for_keys(i, &mut count);
        dt.for_head_keys(i, &named, |_, k| count(k));
    }
    if doc.sentences.is_empty() {
        for_text_keys_in(english, &doc.article.text, &mut count);
    }
    for_text_keys_in(english, &doc.article.title, &mut count);
    let mut terms: Vec<(String, f64)> = counts
        .into_iter()
        .filter(|(k, _)| {
            !k.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        })
        .map(|(k, c)| {
            let w = (1.0 + c.ln()) * idf(&k);
            (k, w)
        })
        .collect();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms.truncate(ARTICLE_TERMS);
    let norm = terms.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for t in &mut terms {
            t.1 /= norm;
        }
    }
    let mut names = BTreeMap::new();
    for e in &doc.entities {
        // an English place or organisation by its German name (`Munich` → `München`)
        let name = (english && e.kind != EntityType::Per)
            .then(|| german_equivalent(&e.name))
            .flatten()
            .unwrap_or(e.name.as_str());
        if let Some(k) = name_key(name, e.kind) {
            let person = e.kind == EntityType::Per;
            let v = names.entry(k).or_insert(false);
            *v |= person;
        }
    }
    ArticleFeatures {
        terms,
        names,
        day: doc.article.published.as_deref().and_then(day_number),
        english,
    }
}

/// Streaming story assignment. Serializable so that a store can keep it between runs (the
/// profiles only: the term index is rebuilt on loading).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(from = "StoredEngine")]
pub struct StoryEngine {
    /// The open stories.
    stories: Vec<Profile>,
    /// Ids of the terms and names the profiles hold.
    dict: Dict,
    /// Term id → the stories whose profile holds it (ascending), with its weight there.
    index: Vec<Vec<(u32, f64)>>,
    /// Stories opened so far, retired ones included (ids are `s1`, `s2`, …).
    opened: usize,
    /// Articles assigned so far.
    seen: u64,
    /// Open stories kept instead of [`ACTIVE_STORIES`] (0: the default).
    limit: usize,
}

impl Serialize for StoryEngine {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let stories = self
            .stories
            .iter()
            .map(|p| StoredProfile {
                id: p.id.clone(),
                terms: p
                    .terms
                    .iter()
                    .map(|&(t, w)| (self.dict.str(t).to_string(), w))
                    .collect(),
                names: p
                    .names
                    .iter()
                    .map(|&(n, c)| (self.dict.str(n).to_string(), c))
                    .collect(),
                first_day: p.first_day,
                last_day: p.last_day,
                articles: p.articles,
                norm: p.norm,
                last_seen: p.last_seen,
                english: p.english,
            })
            .collect();
        StoredEngine {
            stories,
            opened: self.opened,
            seen: self.seen,
        }
        .serialize(s)
    }
}

impl From<StoredEngine> for StoryEngine {
    fn from(st: StoredEngine) -> Self {
        let mut e = StoryEngine {
            opened: st.opened,
            seen: st.seen,
            ..Self::default()
        };
        for sp in st.stories {
            let mut p = Profile {
                id: sp.id,
                terms: sp
                    .terms
                    .iter()
                    .map(|(t, &w)| (e.dict.acquire(t), w))
                    .collect(),
                names: sp
                    .names
                    .iter()
                    .map(|(n, &c)| (e.dict.acquire(n), c))
                    .collect(),
                first_day: sp.first_day,
                last_day: sp.last_day,
                articles: sp.articles,
                norm: sp.norm,
                last_seen: sp.last_seen,
                english: sp.english,
            };
            // states written before the norm was kept
            if p.norm <= 0.0 {
                p.norm = p.compute_norm();
            }
            e.stories.push(p);
        }
        e.rebuild_index();
        e
    }
}

impl StoryEngine {
    /// An empty engine.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of stories opened so far (retired ones included).
    pub fn len(&self) -> usize {
        self.opened.max(self.stories.len())
    }

    /// Number of open stories (see [`ACTIVE_STORIES`]).
    pub fn active(&self) -> usize {
        self.stories.len()
    }

    /// True when no story has been opened.
    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }

    /// Assign an article to a story; returns the id of the story it joined or opened.
    pub fn assign(&mut self, doc: &AnnotatedArticle) -> String {
        self.assign_scored(doc).0
    }

    /// Like [`StoryEngine::assign`], also returning the best score against an existing story
    /// (0 when there was no candidate): how close the decision was.
    pub fn assign_scored(&mut self, doc: &AnnotatedArticle) -> (String, f64) {
        let f = features(doc);
        let best = self.best(&f);
        let score = best.map_or(0.0, |b| b.1);
        self.seen += 1;
        let id = match best {
            Some((i, score)) if score >= threshold(self.stories[i].articles) => {
                self.add(i, &f);
                self.stories[i].id.clone()
            }
            _ => {
                self.opened = self.len() + 1;
                let id = format!("s{}", self.opened);
                self.stories.push(Profile {
                    id: id.clone(),
                    terms: Vec::new(),
                    names: Vec::new(),
                    first_day: None,
                    last_day: None,
                    articles: 0,
                    norm: 0.0,
                    last_seen: 0,
                    english: 0,
                });
                self.add(self.stories.len() - 1, &f);
                let (active, batch) = self.limits();
                if self.stories.len() > active + batch {
                    self.retire(batch);
                }
                id
            }
        };
        (id, score)
    }

    /// An engine that keeps `active` stories open instead of [`ACTIVE_STORIES`] and retires a
    /// tenth of that at once.
    pub fn with_active_limit(active: usize) -> Self {
        StoryEngine {
            limit: active.max(1),
            ..Self::default()
        }
    }

    /// Open stories kept, and stories retired at once.
    fn limits(&self) -> (usize, usize) {
        if self.limit == 0 {
            (ACTIVE_STORIES, RETIRE_BATCH)
        } else {
            (self.limit, (self.limit / 10).max(1))
        }
    }

    /// Retire the `batch` stories that least recently gained an article.
    fn retire(&mut self, batch: usize) {
        let mut order: Vec<usize> = (0..self.stories.len()).collect();
        order.sort_by_key(|&i| (self.stories[i].last_seen, i));
        let gone: BTreeSet<usize> = order.into_iter().take(batch).collect();
        let mut new_pos = vec![u32::MAX; self.stories.len()];
        let mut kept = Vec::with_capacity(self.stories.len() - gone.len());
        for (i, p) in std::mem::take(&mut self.stories).into_iter().enumerate() {
            if gone.contains(&i) {
                for &(t, _) in &p.terms {
                    self.dict.release(t);
                }
                for &(n, _) in &p.names {
                    self.dict.release(n);
                }
            } else {
                new_pos[i] = kept.len() as u32;
                kept.push(p);
            }
        }
        self.stories = kept;
        // renumbering keeps each posting in ascending story order
        for holders in &mut self.index {
            holders.retain_mut(|h| {
                h.0 = new_pos.get(h.0 as usize).copied().unwrap_or(u32::MAX);
                h.0 != u32::MAX
            });
        }
    }

    /// The term index from the profiles.
    fn rebuild_index(&mut self) {
        self.index.clear();
        self.index.resize(self.dict.strs.len(), Vec::new());
        for (i, p) in self.stories.iter().enumerate() {
            for &(t, w) in &p.terms {
                self.index[t as usize].push((i as u32, w));
            }
        }
    }

    /// The stories holding a term.
    fn holders(&self, t: u32) -> &[(u32, f64)] {
        self.index.get(t as usize).map_or(&[], Vec::as_slice)
    }

    /// The best story for an article and its score, if any candidate exists.
    fn best(&self, f: &ArticleFeatures) -> Option<(usize, f64)> {
        self.best_except(f, None)
    }

    /// The best story for an article and its score, leaving story `except` out.
    fn best_except(&self, f: &ArticleFeatures, except: Option<usize>) -> Option<(usize, f64)> {
        let ids: Vec<Option<u32>> = f.terms.iter().map(|(t, _)| self.dict.get(t)).collect();
        let mut cands: Vec<usize> = Vec::new();
        for &t in ids.iter().take(LOOKUP_TERMS).flatten() {
            let s = self.holders(t);
            // a term in very many stories does not point to any one of them
            if s.len() <= MAX_POSTING {
                cands.extend(s.iter().map(|h| h.0 as usize));
            }
        }
        if cands.is_empty() {
            return None;
        }
        cands.sort_unstable();
        cands.dedup();
        // candidate number + 1 of each story (0: not a candidate)
        let mut slot = vec![0u32; self.stories.len()];
        for (k, &i) in cands.iter().enumerate() {
            slot[i] = k as u32 + 1;
        }
        // Dot products term by term from the index's weights: a term held by few stories
        // visits just those, a common one looks up each candidate. Each story's sum runs in the
        // article's term order, so the result is the same as [`StoryEngine::score`] computes
        // story by story.
        let mut dots = vec![0f64; cands.len()];
        for ((_, w), t) in f.terms.iter().zip(&ids) {
            let Some(t) = *t else {
                continue;
            };
            let holders = self.holders(t);
            if holders.len() < cands.len() {
                for &(i, pw) in holders {
                    let k = slot[i as usize];
                    if k != 0 {
                        dots[k as usize - 1] += pw * w;
                    }
                }
            } else {
                for (k, &i) in cands.iter().enumerate() {
                    if let Ok(x) = holders.binary_search_by_key(&(i as u32), |h| h.0) {
                        dots[k] += holders[x].1 * w;
                    }
                }
            }
        }
        let names = self.rare_names(f);
        let mut best: Option<(usize, f64)> = None;
        for (k, &i) in cands.iter().enumerate() {
            if Some(i) == except {
                continue;
            }
            let p = &self.stories[i];
            // the name bonus can only add up to this much and the day decay only lowers it: a
            // candidate that cannot beat the best so far is not scored further
            if let Some((_, b)) = best {
                if p.norm > 0.0 {
                    let cos = dots[k] / p.norm;
                    let most = cos + BONUS_CAP * cos.clamp(0.0, 0.2) / 0.2;
                    let most = most * language_ease(p, f.english);
                    if most * decay(p, f.day, shared_persons(p, &names)) <= b {
                        continue;
                    }
                }
            }
            let s = combine(p, f, dots[k], &names);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best
    }

    /// The article's names that earn a bonus (idf at least [`NAME_MIN_IDF`]) as ids (`None`:
    /// no story holds it), `true` for persons; in the order of the names.
    fn rare_names(&self, f: &ArticleFeatures) -> Vec<(Option<u32>, bool)> {
        f.names
            .iter()
            .filter(|(k, _)| idf(k) >= NAME_MIN_IDF)
            .map(|(k, &person)| (self.dict.get(k), person))
            .collect()
    }

    fn add(&mut self, i: usize, f: &ArticleFeatures) {
        let old = std::mem::take(&mut self.stories[i].terms);
        let mut incoming: Vec<(&str, f64)> =
            f.terms.iter().map(|(t, w)| (t.as_str(), *w)).collect();
        incoming.sort_by(|a, b| a.0.cmp(b.0));
        // merge in string order: old weights plus the article's
        let mut terms = self.dict.merge(old, incoming.into_iter(), |x, y| x + y);
        let mut dropped = Vec::new();
        if terms.len() > PROFILE_TERMS {
            terms.sort_by(|a, b| {
                b.1.total_cmp(&a.1)
                    .then_with(|| self.dict.str(a.0).cmp(self.dict.str(b.0)))
            });
            dropped = terms.split_off(PROFILE_TERMS);
            terms.sort_by(|a, b| self.dict.str(a.0).cmp(self.dict.str(b.0)));
        }
        if self.index.len() < self.dict.strs.len() {
            self.index.resize(self.dict.strs.len(), Vec::new());
        }
        // the index: this story leaves the postings of dropped old terms, then holds its terms
        // with their new weights
        for &(t, _) in &dropped {
            let holders = &mut self.index[t as usize];
            if let Ok(x) = holders.binary_search_by_key(&(i as u32), |h| h.0) {
                holders.remove(x);
            }
            self.dict.release(t);
        }
        for &(t, w) in &terms {
            let holders = &mut self.index[t as usize];
            match holders.binary_search_by_key(&(i as u32), |h| h.0) {
                Ok(x) => holders[x].1 = w,
                Err(x) => holders.insert(x, (i as u32, w)),
            }
        }
        // names: one more article for each of the article's names
        let old = std::mem::take(&mut self.stories[i].names);
        let mut names = self
            .dict
            .merge(old, f.names.keys().map(|k| (k.as_str(), 1)), |x, y| x + y);
        if names.len() > PROFILE_NAMES {
            names.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then_with(|| self.dict.str(a.0).cmp(self.dict.str(b.0)))
            });
            for (n, _) in names.split_off(PROFILE_NAMES) {
                self.dict.release(n);
            }
            names.sort_by(|a, b| self.dict.str(a.0).cmp(self.dict.str(b.0)));
        }
        let p = &mut self.stories[i];
        p.terms = terms;
        p.names = names;
        if let Some(d) = f.day {
            p.first_day = Some(p.first_day.map_or(d, |x| x.min(d)));
            p.last_day = Some(p.last_day.map_or(d, |x| x.max(d)));
        }
        p.articles += 1;
        p.english += u32::from(f.english);
        p.last_seen = self.seen;
        p.norm = p.compute_norm();
    }

    /// Score of an article against one story profile.
    fn score(&self, p: &Profile, f: &ArticleFeatures) -> f64 {
        let dot: f64 = f
            .terms
            .iter()
            .filter_map(|(t, w)| {
                let t = self.dict.get(t)?;
                let &(_, pw) = p.terms.iter().find(|x| x.0 == t)?;
                Some(pw * w)
            })
            .sum();
        combine(p, f, dot, &self.rare_names(f))
    }
}

/// The score needed to join a story of `n` articles.
pub fn threshold(n: u32) -> f64 {
    (JOIN_THRESHOLD + THRESHOLD_SLOPE * f64::from(n.max(1)).ln()).min(JOIN_THRESHOLD_MAX)
}

/// The score from the dot product of the article's vector with the profile, the article's
/// rare names (ids, `true` for persons), its day and its language.
fn combine(p: &Profile, f: &ArticleFeatures, dot: f64, names: &[(Option<u32>, bool)]) -> f64 {
    if p.norm <= 0.0 {
        return 0.0;
    }
    let cos = dot / p.norm;
    let mut bonus = 0.0;
    for &(k, person) in names {
        if k.is_some_and(|k| p.has_name(k)) {
            bonus += if person { PERSON_BONUS } else { NAME_BONUS };
        }
    }
    let s = cos + bonus.min(BONUS_CAP) * cos.min(0.2) / 0.2;
    s * language_ease(p, f.english) * decay(p, f.day, shared_persons(p, names))
}

/// Share of the cosine that a report in the other language cannot reach: its words that no
/// list maps, and words a list maps to another German word than the report used (`blaze`
/// → `Brand` against `Großbrand`). An English article compared with German ones, or the other
/// way round, has its score raised by `1 / (1 − CROSS_LANGUAGE_LOSS)`; against a story of both
/// languages in proportion to the other language's share of its articles.
const CROSS_LANGUAGE_LOSS: f64 = 0.35;

/// The factor for comparing an article (`english` or not) with a story's languages (see
/// [`CROSS_LANGUAGE_LOSS`]).
fn language_ease(p: &Profile, english: bool) -> f64 {
    if p.articles == 0 {
        return 1.0;
    }
    let same = if english {
        p.english
    } else {
        p.articles - p.english
    };
    let other = f64::from(p.articles - same) / f64::from(p.articles);
    1.0 / (1.0 - CROSS_LANGUAGE_LOSS * other)
}

/// How many of the article's rare person names the story holds.
fn shared_persons(p: &Profile, names: &[(Option<u32>, bool)]) -> usize {
    names
        .iter()
        .filter(|&&(k, person)| person && k.is_some_and(|k| p.has_name(k)))
        .count()
}

/// Damping for the distance between an article's day and a story's date range. Each rare
/// person the article shares with the story beyond the first stretches the scale: a trial or
/// an inquiry returns after weeks with the same cast, while an event that merely resembles an
/// old one, or a new turn with one person in common, does not.
fn decay(p: &Profile, day: Option<i64>, persons: usize) -> f64 {
    let (Some(d), Some(a), Some(b)) = (day, p.first_day, p.last_day) else {
        return 1.0;
    };
    let gap = if d < a {
        a - d
    } else if d > b {
        d - b
    } else {
        0
    };
    if gap <= DAYS_FREE {
        1.0
    } else {
        let stretch = persons.saturating_sub(1).min(PERSONS_STRETCH_MAX);
        let scale = DAYS_SCALE * (1.0 + stretch as f64);
        (-((gap - DAYS_FREE) as f64) / scale).exp()
    }
}

impl StoryEngine {
    /// Another open story that an article already assigned to story `own` reaches the
    /// threshold of, now that the stories hold what came after it: a second look for an article
    /// that opened a story of its own before the story it belongs to had grown. The engine is
    /// not changed.
    pub fn better_home(&self, doc: &AnnotatedArticle, own: &str) -> Option<String> {
        let own = self.stories.iter().position(|p| p.id == own)?;
        let (i, score) = self.best_except(&features(doc), Some(own))?;
        (score >= threshold(self.stories[i].articles)).then(|| self.stories[i].id.clone())
    }

    /// The terms an article shares with its best story, with their idf, rarest first
    /// (calibration aid).
    pub fn explain(&self, doc: &AnnotatedArticle) -> Vec<(String, f64)> {
        let f = features(doc);
        let Some((i, _)) = self.best(&f) else {
            return Vec::new();
        };
        let p = &self.stories[i];
        let mut v: Vec<(String, f64)> = f
            .terms
            .iter()
            .filter(|(t, _)| {
                self.dict
                    .get(t)
                    .is_some_and(|t| p.terms.iter().any(|x| x.0 == t))
            })
            .map(|(t, _)| (t.clone(), idf(t)))
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }
}

/// Pairwise score of two articles as the engine would see them (for calibration tools).
pub fn pair_score(a: &AnnotatedArticle, b: &AnnotatedArticle) -> f64 {
    let mut e = StoryEngine::new();
    e.assign(a);
    let f = features(b);
    e.stories.first().map_or(0.0, |p| e.score(p, &f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_model::Article;

    fn doc(id: &str, text: &str) -> AnnotatedArticle {
        AnnotatedArticle {
            article: Article {
                id: id.into(),
                title: text.split('.').next().unwrap_or("").into(),
                text: text.into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    fn doc_in(id: &str, language: &str, text: &str) -> AnnotatedArticle {
        let mut d = doc(id, text);
        d.article.language = language.into();
        d
    }

    #[test]
    fn english_and_german_reports_of_one_event_share_a_story() {
        let de = doc_in(
            "de",
            "de",
            "Erdbeben erschüttert Hafenstadt Velmora. Ein schweres Erdbeben hat die Hafenstadt \
             Velmora in der Türkei erschüttert. Mindestens zwölf Menschen starben, Hunderte \
             Gebäude stürzten ein. Rettungskräfte suchen in den Trümmern nach Überlebenden, die \
             Regierung schickte Soldaten und Zelte.",
        );
        let en = doc_in(
            "en",
            "en",
            "Earthquake strikes Turkish port of Velmora. A strong earthquake struck the port city \
             of Velmora in Turkey, killing at least twelve people. Hundreds of buildings \
             collapsed. Rescuers searched the rubble for survivors, and the government sent \
             soldiers and tents.",
        );
        let other = doc_in(
            "other",
            "en",
            "Turkey's central bank raises interest rate again. The central bank in Ankara raised \
             its key interest rate for the third time this year to fight inflation, which \
             reached 40 percent in October. Economists expect the lira to stay weak.",
        );
        let mut e = StoryEngine::new();
        let s = e.assign(&de);
        assert_eq!(e.assign(&en), s);
        assert_ne!(e.assign(&other), s);
        // without the word list, the English report shares almost no terms with the German one
        let as_german = doc_in("en", "de", &en.article.text);
        assert!(pair_score(&de, &en) > 2.0 * pair_score(&de, &as_german));
    }

    #[test]
    fn a_report_in_the_other_language_is_scored_up_by_that_languages_share() {
        let p = |articles, english| Profile {
            id: "s1".into(),
            terms: Vec::new(),
            names: Vec::new(),
            first_day: None,
            last_day: None,
            articles,
            norm: 1.0,
            last_seen: 0,
            english,
        };
        assert_eq!(language_ease(&p(3, 0), false), 1.0);
        assert_eq!(language_ease(&p(3, 3), true), 1.0);
        let full = 1.0 / (1.0 - CROSS_LANGUAGE_LOSS);
        assert!((language_ease(&p(2, 0), true) - full).abs() < 1e-9);
        let half = language_ease(&p(4, 2), true);
        assert!(half > 1.0 && half < full);
    }

    #[test]
    fn old_quiet_stories_are_retired_and_ids_stay_unique() {
        let mut e = StoryEngine::with_active_limit(10);
        let topics = [
            "Hochwasser Deich Auenstedt Pegel Sandsäcke Feuerwehr",
            "Schachturnier Obertal Stadthalle Partien Turnierleiter",
            "Stadtbibliothek Lesesaal Sanierung Bücher Ausleihe",
        ];
        // one busy story, then many one-off stories
        let busy = e.assign(&doc("a0", topics[0]));
        let mut ids = BTreeSet::new();
        ids.insert(busy.clone());
        // letters only: keys drop digits
        let word = |k: usize, w: usize| -> String {
            let a = (b'a' + (k % 26) as u8) as char;
            let b = (b'a' + (k / 26) as u8) as char;
            format!(
                "Q{a}{b}{}",
                ["ubor", "elina", "astrik", "omund", "iwert"][w]
            )
        };
        let unique = |k: usize| (0..5).map(|w| word(k, w)).collect::<Vec<_>>().join(" ");
        for k in 0..40 {
            let unique = unique(k);
            ids.insert(e.assign(&doc(&format!("u{k}"), &unique)));
            if k % 5 == 0 {
                assert_eq!(e.assign(&doc(&format!("b{k}"), topics[0])), busy);
            }
        }
        assert_eq!(ids.len(), 41, "every new story has a new id");
        assert_eq!(e.len(), 41);
        assert!(e.active() <= 11, "open stories are bounded: {}", e.active());
        // the dictionary holds just the terms and names of the open stories
        let held: BTreeSet<&str> = e
            .stories
            .iter()
            .flat_map(|p| {
                p.terms
                    .iter()
                    .map(|t| t.0)
                    .chain(p.names.iter().map(|n| n.0))
            })
            .map(|id| e.dict.str(id))
            .collect();
        assert_eq!(held.len(), e.dict.ids.len());
        assert!(e.dict.strs.len() - e.dict.free.len() == held.len());
        // the busy story stays open; a retired one-off topic opens a new story
        assert_eq!(e.assign(&doc("b", topics[0])), busy);
        let again = e.assign(&doc("u0-again", &unique(0)));
        assert!(!ids.contains(&again), "{again} was retired");
        // the state survives serialisation, retirement included
        let json = serde_json::to_string(&e).expect("state");
        let mut back: StoryEngine = serde_json::from_str(&json).expect("state");
        assert_eq!((back.len(), back.active()), (e.len(), e.active()));
        // the index is not stored: the restored engine rebuilds it and decides the same
        assert!(!json.contains("\"index\""));
        // profiles are stored with their terms and names as strings
        assert!(json.contains("\"terms\":{\"") && json.contains("\"names\":{"));
        assert_eq!(back.assign(&doc("b2", topics[0])), busy);
        assert_eq!(
            back.assign(&doc("c1", topics[1])),
            e.assign(&doc("c1", topics[1]))
        );
    }

    #[test]
    fn compound_heads_are_terms_but_not_those_of_names() {
        let annotated = |text: &str| {
            lagebild_nlp::annotate(Article {
                id: "a".into(),
                language: "de".into(),
                text: text.into(),
                ..Default::default()
            })
        };
        let has = |f: &ArticleFeatures, k: &str| f.terms.iter().any(|(t, _)| t == k);
        let lager = crate::features::key("Lager").expect("key");
        let steuer = crate::features::key("Steuer").expect("key");
        let f = features(&annotated(
            "Das Zentrallager eines Getränkehändlers brannte nieder. Der Rat beschloss eine \
             Verpackungssteuer.",
        ));
        assert!(has(&f, &lager) && has(&f, &steuer));
        // a place whose name ends in a noun gives no such term (`Burg` of `Wolfsburg`)
        let burg = crate::features::key("Burg").expect("key");
        let f = features(&annotated("In Wolfsburg und Würzburg wurde gewählt."));
        assert!(!has(&f, &burg));
        // words of an English article are not split
        let mut en = annotated("Police searched the Zentrallager of the company.");
        en.article.language = "en".into();
        assert!(!has(&features(&en), &lager));
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2025-12-03"), Some(20425));
        assert_eq!(
            day_number("2024-03-01")
                .zip(day_number("2024-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(day_number("2025-13-01"), None);
    }
}
