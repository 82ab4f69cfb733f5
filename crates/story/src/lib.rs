//! Stories: annotated articles in, [`Analysis`] out.
//!
//! Articles arrive one at a time ([`StoryEngine::assign`]) and join the best-matching story or
//! open a new one. The engine keeps only compact story profiles, so its state can be persisted
//! by the store and resumed. [`analyze_story`] runs the cross-source analysis of one story
//! from its annotated articles:
//!
//! | module | does |
//! | --- | --- |
//! | [`cluster`] | streaming story assignment |
//! | [`entities`] | one entity per real person or body across articles (transliteration keys) |
//! | [`wire`] | near-identical passages (MinHash/LSH), wire-copy pairs, independent origins |
//! | [`facts`] | sentences stating the same thing, grouped (inverted index, best-first merge) |
//! | [`quotes`] | quote reports with resolved speakers, grouped across outlets |
//! | [`divergence`] | numbers, attribution, wording, dates, contradictions |
//! | [`timeline`] | dated sentences merged across sources |
//! | [`briefing`] | 5–12 cited extractive sentences |
//! | [`render`] | Markdown and self-contained HTML |

use lagebild_model::{Analysis, AnnotatedArticle, ArticleSummary, StoryAnalysis};
use std::collections::BTreeSet;

pub mod briefing;
pub mod cluster;
pub mod divergence;
pub mod entities;
pub mod facts;
pub mod features;
pub mod labels;
pub mod quotes;
pub mod render;
pub mod timeline;
pub mod wire;

pub use cluster::StoryEngine;

/// The cross-source analysis of one story from its annotated articles (arrival order).
pub fn analyze_story(id: &str, docs: &[AnnotatedArticle]) -> StoryAnalysis {
    let texts: Vec<features::DocText> = docs.iter().map(features::DocText::new).collect();
    let merged = entities::merge(docs);
    let wire = wire::analyse(docs, &texts);
    let units = facts::units(docs, &texts, &merged, &wire.origin);
    let (clusters, sims) = facts::cluster(&units, &wire);
    let ranked = facts::facts(docs, &units, &clusters, &sims, &wire.origin);
    let reports = quotes::reports(docs, &merged);
    let divergences =
        divergence::divergences(docs, &texts, &units, &clusters, &sims, &reports, &merged);
    let timeline = timeline::timeline(docs, &units, &clusters, &sims);
    let briefing = briefing::briefing(docs, &units, &ranked);
    let mut origins: Vec<Vec<String>> = Vec::new();
    for (d, &o) in wire.origin.iter().enumerate() {
        if origins.len() <= o {
            origins.resize(o + 1, Vec::new());
        }
        origins[o].push(docs[d].article.id.clone());
    }
    let outlets: BTreeSet<String> = docs
        .iter()
        .filter_map(|d| d.article.outlet.clone())
        .collect();
    let dates: BTreeSet<&str> = docs
        .iter()
        .filter_map(|d| d.article.published.as_deref())
        .collect();
    let title = docs
        .iter()
        .map(|d| d.article.title.trim())
        .find(|t| !t.is_empty())
        .map(str::to_string)
        .or_else(|| ranked.first().map(|f| f.0.text.clone()))
        .unwrap_or_default();
    StoryAnalysis {
        id: id.to_string(),
        title,
        articles: docs.iter().map(|d| d.article.id.clone()).collect(),
        outlets: outlets.into_iter().collect(),
        first_published: dates.first().map(|s| s.to_string()),
        last_published: dates.last().map(|s| s.to_string()),
        entities: merged.entities,
        quotes: reports.into_iter().map(|r| r.quote).collect(),
        timeline,
        facts: ranked.into_iter().map(|(f, _)| f).collect(),
        divergences,
        wire_copy: wire.wire_copy,
        origins,
        briefing,
    }
}

/// The analysis-output summary of an article.
pub fn summary(a: &lagebild_model::Article, story: &str) -> ArticleSummary {
    ArticleSummary {
        id: a.id.clone(),
        title: a.title.clone(),
        published: a.published.clone(),
        outlet: a.outlet.clone(),
        language: a.language.clone(),
        credits: a.credits.clone(),
        story: story.to_string(),
        text: a.text.clone(),
    }
}

/// Convenience for one-shot runs: assign every article, analyse every story.
///
/// Articles are assigned in order of publication (date, then time; undated ones last; ties in
/// the order given), as a stream would bring them, so that the stories do not depend on how
/// the inputs happen to be named or listed. `articles` keeps the order given.
pub fn analyze_all(docs: Vec<AnnotatedArticle>) -> Analysis {
    let mut engine = StoryEngine::new();
    let mut order: Vec<(String, Vec<AnnotatedArticle>)> = Vec::new();
    let mut pos: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut by_time: Vec<usize> = (0..docs.len()).collect();
    by_time.sort_by_key(|&i| {
        let a = &docs[i].article;
        (
            a.published.is_none(),
            a.published.clone(),
            a.published_time.clone(),
        )
    });
    let mut articles: Vec<Option<ArticleSummary>> = vec![None; docs.len()];
    let mut docs: Vec<Option<AnnotatedArticle>> = docs.into_iter().map(Some).collect();
    for i in by_time {
        let Some(d) = docs[i].take() else { continue };
        let sid = engine.assign(&d);
        articles[i] = Some(summary(&d.article, &sid));
        match pos.get(&sid) {
            Some(&k) => order[k].1.push(d),
            None => {
                pos.insert(sid.clone(), order.len());
                order.push((sid, vec![d]));
            }
        }
    }
    // an article left alone in a story of its own gets a second look against the stories as
    // they are at the end (a report that came before the story's later articles)
    for k in 0..order.len() {
        if order[k].1.len() != 1 {
            continue;
        }
        let Some(home) = engine.better_home(&order[k].1[0], &order[k].0) else {
            continue;
        };
        let Some(&h) = pos.get(&home) else { continue };
        if order[h].1.is_empty() {
            continue;
        }
        let d = order[k].1.remove(0);
        if let Some(a) = articles.iter_mut().flatten().find(|a| a.id == d.article.id) {
            a.story = home.clone();
        }
        order[h].1.push(d);
    }
    order.retain(|(_, ds)| !ds.is_empty());
    let articles = articles.into_iter().flatten().collect();
    let stories = order
        .iter()
        .map(|(sid, ds)| analyze_story(sid, ds))
        .collect();
    Analysis { articles, stories }
}
