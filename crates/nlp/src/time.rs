//! Temporal expressions and event dating.

use crate::Annotator;
use lagebild_model::AnnotatedArticle;

/// The temporal tagger.
pub struct TimeTagger;

impl Annotator for TimeTagger {
    fn annotate(&self, _doc: &mut AnnotatedArticle) {}
}
