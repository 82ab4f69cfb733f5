//! Tests with German sentences written for the project.

use super::*;
use lagebild_model::Article;

fn run(text: &str) -> Vec<Quote> {
    let doc = AnnotatedArticle {
        article: Article {
            text: text.to_string(),
            language: "de".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    find_quotes(&doc)
}

fn show(qs: &[Quote]) -> Vec<(QuoteKind, String, Option<String>)> {
    qs.iter()
        .map(|q| (q.kind, q.text.clone(), q.speaker.clone()))
        .collect()
}

#[test]
fn direct_with_frame_after() {
    let qs = run("„Wir haben lange gesprochen“, sagte die Ministerin am Abend.");
    assert_eq!(
        show(&qs),
        [(
            QuoteKind::Direct,
            "Wir haben lange gesprochen".into(),
            Some("Ministerin".into())
        )]
    );
}
