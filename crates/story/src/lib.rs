//! Stories: annotated articles in, [`Analysis`] out.
//!
//! Articles arrive one at a time ([`StoryEngine::add`]) and join the best-matching story or
//! open a new one; [`StoryEngine::analysis`] runs the cross-source analysis of every story.

use lagebild_model::{Analysis, AnnotatedArticle};

/// Streaming story assignment and analysis.
#[derive(Default)]
pub struct StoryEngine {
    docs: Vec<AnnotatedArticle>,
}

impl StoryEngine {
    /// An empty engine.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add an article; returns the id of the story it joined or opened.
    pub fn add(&mut self, doc: AnnotatedArticle) -> String {
        self.docs.push(doc);
        "s1".to_string()
    }

    /// The analysis of every story.
    pub fn analysis(&self) -> Analysis {
        Analysis::default()
    }
}
