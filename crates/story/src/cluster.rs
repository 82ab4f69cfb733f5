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
use crate::features::{idf, text_keys, DocText};
use lagebild_model::calendar::Date;
use lagebild_model::{AnnotatedArticle, EntityType};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
const DAYS_FREE: i64 = 2;
const DAYS_SCALE: f64 = 4.0;
/// Stories the engine keeps open. Beyond [`ACTIVE_STORIES`] + [`RETIRE_BATCH`], the
/// [`RETIRE_BATCH`] stories that least recently gained an article are retired: they keep their
/// articles (and, in a store, their analyses) but take no new ones, so the engine's memory is
/// bounded however long a stream runs.
pub const ACTIVE_STORIES: usize = 10_000;
/// Stories retired at once (see [`ACTIVE_STORIES`]).
pub const RETIRE_BATCH: usize = 1_000;

/// The compact profile of one story.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Profile {
    id: String,
    /// Sum of member article vectors, top terms only.
    terms: BTreeMap<String, f64>,
    /// Name keys with the number of member articles naming them.
    names: BTreeMap<String, u32>,
    first_day: Option<i64>,
    last_day: Option<i64>,
    articles: u32,
    /// L2 norm of `terms`, kept up to date by `add`.
    #[serde(default)]
    norm: f64,
    /// The engine's article count when this story last gained an article.
    #[serde(default)]
    last_seen: u64,
}

impl Profile {
    fn compute_norm(&self) -> f64 {
        self.terms.values().map(|w| w * w).sum::<f64>().sqrt()
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
}

/// Day number of a `YYYY-MM-DD` date (days since 1970-01-01), `None` if malformed.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    Date::parse(date).map(|d| d.days())
}

/// Clustering features of one article.
pub(crate) fn features(doc: &AnnotatedArticle) -> ArticleFeatures {
    let dt = DocText::new(doc);
    let mut counts: HashMap<String, f64> = HashMap::new();
    for i in 0..doc.sentences.len() {
        for k in dt.keys(i) {
            *counts.entry(k).or_default() += 1.0;
        }
    }
    if doc.sentences.is_empty() {
        for k in text_keys(&doc.article.text) {
            *counts.entry(k).or_default() += 1.0;
        }
    }
    for k in text_keys(&doc.article.title) {
        *counts.entry(k).or_default() += 1.0;
    }
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
        if let Some(k) = name_key(&e.name, e.kind) {
            let person = e.kind == EntityType::Per;
            let v = names.entry(k).or_insert(false);
            *v |= person;
        }
    }
    ArticleFeatures {
        terms,
        names,
        day: doc.article.published.as_deref().and_then(day_number),
    }
}

/// Streaming story assignment. Serializable so that a store can keep it between runs.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct StoryEngine {
    /// The open stories.
    stories: Vec<Profile>,
    /// Term → the stories whose profile holds it, with its weight there. Not stored: rebuilt
    /// from the profiles when a restored engine first assigns.
    #[serde(skip)]
    index: BTreeMap<String, BTreeMap<usize, f64>>,
    /// Stories opened so far, retired ones included (ids are `s1`, `s2`, …).
    #[serde(default)]
    opened: usize,
    /// Articles assigned so far.
    #[serde(default)]
    seen: u64,
    /// Open stories kept instead of [`ACTIVE_STORIES`] (0: the default).
    #[serde(skip)]
    limit: usize,
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
        if self.index.is_empty() && !self.stories.is_empty() {
            self.rebuild_index();
        }
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
                    terms: BTreeMap::new(),
                    names: BTreeMap::new(),
                    first_day: None,
                    last_day: None,
                    articles: 0,
                    norm: 0.0,
                    last_seen: 0,
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
        let mut new_pos = vec![usize::MAX; self.stories.len()];
        let mut kept = Vec::with_capacity(self.stories.len() - gone.len());
        for (i, p) in std::mem::take(&mut self.stories).into_iter().enumerate() {
            if !gone.contains(&i) {
                new_pos[i] = kept.len();
                kept.push(p);
            }
        }
        self.stories = kept;
        for holders in self.index.values_mut() {
            *holders = holders
                .iter()
                .filter_map(|(&i, &w)| {
                    let j = new_pos.get(i).copied().unwrap_or(usize::MAX);
                    (j != usize::MAX).then_some((j, w))
                })
                .collect();
        }
        self.index.retain(|_, h| !h.is_empty());
    }

    /// The term index from the profiles.
    fn rebuild_index(&mut self) {
        self.index.clear();
        for (i, p) in self.stories.iter().enumerate() {
            for (t, &w) in &p.terms {
                self.index.entry(t.clone()).or_default().insert(i, w);
            }
        }
    }

    /// The best story for an article and its score, if any candidate exists.
    fn best(&self, f: &ArticleFeatures) -> Option<(usize, f64)> {
        let mut cands: BTreeSet<usize> = BTreeSet::new();
        for (t, _) in f.terms.iter().take(LOOKUP_TERMS) {
            if let Some(s) = self.index.get(t) {
                // a term in very many stories does not point to any one of them
                if s.len() <= MAX_POSTING {
                    cands.extend(s.keys().copied());
                }
            }
        }
        if cands.is_empty() {
            return None;
        }
        // Dot products term by term from the index's weights: a term held by few stories
        // visits just those, a common one looks up each candidate. Each story's sum runs in the article's term
        // order, so the result is the same as [`score`] computes story by story.
        let cands: Vec<usize> = cands.into_iter().collect();
        let mut dots = vec![0f64; cands.len()];
        for (t, w) in &f.terms {
            let Some(holders) = self.index.get(t) else {
                continue;
            };
            if holders.len() < cands.len() {
                for (i, pw) in holders {
                    if let Ok(k) = cands.binary_search(i) {
                        dots[k] += pw * w;
                    }
                }
            } else {
                for (k, i) in cands.iter().enumerate() {
                    if let Some(pw) = holders.get(i) {
                        dots[k] += pw * w;
                    }
                }
            }
        }
        let names = rare_names(f);
        let mut best: Option<(usize, f64)> = None;
        for (k, &i) in cands.iter().enumerate() {
            // the name bonus and the day decay can only add up to this much: a candidate that
            // cannot beat the best so far is not scored further
            if let Some((_, b)) = best {
                let p = &self.stories[i];
                if p.norm > 0.0 {
                    let cos = dots[k] / p.norm;
                    if cos + BONUS_CAP * cos.clamp(0.0, 0.2) / 0.2 <= b {
                        continue;
                    }
                }
            }
            let s = combine(&self.stories[i], f, dots[k], &names);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best
    }

    fn add(&mut self, i: usize, f: &ArticleFeatures) {
        let p = &mut self.stories[i];
        let old: Vec<String> = p.terms.keys().cloned().collect();
        for (t, w) in &f.terms {
            *p.terms.entry(t.clone()).or_default() += w;
        }
        if p.terms.len() > PROFILE_TERMS {
            let mut v: Vec<(String, f64)> = std::mem::take(&mut p.terms).into_iter().collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.truncate(PROFILE_TERMS);
            p.terms = v.into_iter().collect();
        }
        for k in f.names.keys() {
            *p.names.entry(k.clone()).or_default() += 1;
        }
        if p.names.len() > PROFILE_NAMES {
            let mut v: Vec<(String, u32)> = std::mem::take(&mut p.names).into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.truncate(PROFILE_NAMES);
            p.names = v.into_iter().collect();
        }
        if let Some(d) = f.day {
            p.first_day = Some(p.first_day.map_or(d, |x| x.min(d)));
            p.last_day = Some(p.last_day.map_or(d, |x| x.max(d)));
        }
        p.articles += 1;
        p.last_seen = self.seen;
        p.norm = p.compute_norm();
        for t in old {
            if !p.terms.contains_key(&t) {
                if let Some(s) = self.index.get_mut(&t) {
                    s.remove(&i);
                    if s.is_empty() {
                        self.index.remove(&t);
                    }
                }
            }
        }
        for (t, &w) in &self.stories[i].terms {
            match self.index.get_mut(t) {
                Some(h) => {
                    h.insert(i, w);
                }
                None => {
                    self.index.insert(t.clone(), BTreeMap::from([(i, w)]));
                }
            }
        }
    }
}

/// The score needed to join a story of `n` articles.
pub fn threshold(n: u32) -> f64 {
    (JOIN_THRESHOLD + THRESHOLD_SLOPE * f64::from(n.max(1)).ln()).min(JOIN_THRESHOLD_MAX)
}

/// Score of an article against a story profile.
fn score(p: &Profile, f: &ArticleFeatures) -> f64 {
    let dot: f64 = f
        .terms
        .iter()
        .filter_map(|(t, w)| p.terms.get(t).map(|pw| pw * w))
        .sum();
    combine(p, f, dot, &rare_names(f))
}

/// The article's names that earn a bonus (idf at least [`NAME_MIN_IDF`]), `true` for persons.
fn rare_names(f: &ArticleFeatures) -> Vec<(&String, bool)> {
    f.names
        .iter()
        .filter(|(k, _)| idf(k) >= NAME_MIN_IDF)
        .map(|(k, &person)| (k, person))
        .collect()
}

/// The score from the dot product of the article's vector with the profile and the
/// article's rare names (`true` for persons).
fn combine(p: &Profile, f: &ArticleFeatures, dot: f64, names: &[(&String, bool)]) -> f64 {
    let norm = if p.norm > 0.0 {
        p.norm
    } else {
        p.compute_norm()
    };
    if norm <= 0.0 {
        return 0.0;
    }
    let cos = dot / norm;
    let mut bonus = 0.0;
    for (k, person) in names {
        if p.names.contains_key(*k) {
            bonus += if *person { PERSON_BONUS } else { NAME_BONUS };
        }
    }
    let s = cos + bonus.min(BONUS_CAP) * cos.min(0.2) / 0.2;
    s * decay(p, f.day)
}

/// Damping for the distance between an article's day and a story's date range.
fn decay(p: &Profile, day: Option<i64>) -> f64 {
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
        (-((gap - DAYS_FREE) as f64) / DAYS_SCALE).exp()
    }
}

impl StoryEngine {
    /// The terms an article shares with its best story, with their idf, rarest first
    /// (calibration aid).
    pub fn explain(&self, doc: &AnnotatedArticle) -> Vec<(String, f64)> {
        if self.index.is_empty() && !self.stories.is_empty() {
            let mut indexed = self.clone();
            indexed.rebuild_index();
            return indexed.explain(doc);
        }
        let f = features(doc);
        let Some((i, _)) = self.best(&f) else {
            return Vec::new();
        };
        let mut v: Vec<(String, f64)> = f
            .terms
            .iter()
            .filter(|(t, _)| self.stories[i].terms.contains_key(t))
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
    e.stories.first().map_or(0.0, |p| score(p, &f))
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
        assert_eq!(back.assign(&doc("b2", topics[0])), busy);
        assert_eq!(
            back.assign(&doc("c1", topics[1])),
            e.assign(&doc("c1", topics[1]))
        );
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
