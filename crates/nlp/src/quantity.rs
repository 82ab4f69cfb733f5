//! Numbers and quantities with units.

use crate::Annotator;
use lagebild_model::AnnotatedArticle;

/// Finds numbers and quantities.
pub struct QuantityFinder;

impl Annotator for QuantityFinder {
    fn annotate(&self, _doc: &mut AnnotatedArticle) {}
}
