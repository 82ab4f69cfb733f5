//! Direct, indirect and reported speech with speakers.

use crate::Annotator;
use lagebild_model::AnnotatedArticle;

/// The quote finder.
pub struct QuoteFinder;

impl Annotator for QuoteFinder {
    fn annotate(&self, _doc: &mut AnnotatedArticle) {}
}
