//! Annotation: each component adds spans to an [`AnnotatedArticle`], in a fixed order.
//!
//! Components sit behind the [`Annotator`] trait (as in spaCy's pipeline) and read only what
//! earlier components added. Language resources live as data files under `resources/<lang>/`.
//!
//! | module | adds |
//! | --- | --- |
//! | [`tokenize`] | sentences and tokens |
//! | [`ner`] | entities with mentions and roles |
//! | [`time`] | temporal expressions and sentence event dates |
//! | [`quantity`] | numbers and quantities |
//! | [`quotes`] | direct, indirect and reported speech |
//!
//! Helpers for matching: [`stem::stem`] (Snowball stems) and [`stopwords::is_stopword`].

use lagebild_model::{AnnotatedArticle, Article};

pub mod en_de;
pub mod ner;
pub mod quantity;
pub mod quotes;
pub mod stem;
pub mod stopwords;
pub mod time;
pub mod tokenize;

/// One stage of annotation.
pub trait Annotator {
    /// Add this component's annotations to `doc`.
    fn annotate(&self, doc: &mut AnnotatedArticle);
}

/// Run every annotator over an article, in pipeline order.
pub fn annotate(article: Article) -> AnnotatedArticle {
    let mut doc = AnnotatedArticle {
        article,
        ..Default::default()
    };
    tokenize::Segmenter.annotate(&mut doc);
    ner::Tagger::default_for(&doc.article.language).annotate(&mut doc);
    time::TimeTagger.annotate(&mut doc);
    quantity::QuantityFinder.annotate(&mut doc);
    quotes::QuoteFinder.annotate(&mut doc);
    doc
}
