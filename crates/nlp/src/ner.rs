//! Named entities with roles, linked within the article.

use crate::Annotator;
use lagebild_model::AnnotatedArticle;

/// The entity tagger.
pub struct Tagger;

impl Tagger {
    /// The tagger for a language code.
    pub fn default_for(_lang: &str) -> Self {
        Tagger
    }
}

impl Annotator for Tagger {
    fn annotate(&self, _doc: &mut AnnotatedArticle) {}
}
