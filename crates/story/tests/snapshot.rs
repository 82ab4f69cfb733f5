//! Snapshot of the whole analysis (JSON and Markdown) of a small fixture story written for the
//! project (`tests/fixtures/story/*.txt`).
//!
//! The snapshot is taken from the fixture articles *as annotated* (`fixtures/annotated.json`),
//! so that it tests this crate and does not move when an upstream annotator improves. After an
//! intended change, regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test -p lagebild-story --test snapshot` (add `UPDATE_FIXTURES=1`
//! to re-annotate the texts with the current annotators) and review the diff. A second test
//! runs the real reader and annotators and checks what must hold whatever they find.

mod common;
#[path = "common/snapshot.rs"]
mod snapshot;
use common::fixtures;

fn annotated() -> Vec<lagebild_model::AnnotatedArticle> {
    common::annotated("story")
}

fn analysis() -> lagebild_model::Analysis {
    lagebild_story::analyze_all(annotated())
}

fn stored() -> lagebild_model::Analysis {
    let path = fixtures().join("annotated.json");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        let json = serde_json::to_string(&annotated()).expect("json");
        std::fs::write(&path, json + "\n").expect("write fixture");
    }
    let docs: Vec<lagebild_model::AnnotatedArticle> =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("annotated fixture"))
            .expect("annotated fixture parses");
    lagebild_story::analyze_all(docs)
}

fn check(name: &str, actual: &str) {
    snapshot::check(&fixtures().join(name), actual);
}

#[test]
fn whole_analysis_snapshot() {
    let a = stored();
    let json = serde_json::to_string_pretty(&a).expect("json") + "\n";
    check("story.expected.json", &json);
    check("story.expected.md", &lagebild_story::render::markdown(&a));
}

#[test]
fn fixture_story_holds_together() {
    let a = analysis();
    // one story with all three reports
    assert_eq!(
        a.stories.len(),
        1,
        "{:?}",
        a.stories.iter().map(|s| &s.articles).collect::<Vec<_>>()
    );
    let s = &a.stories[0];
    // the two dpa reports share a credit: one origin, and the third is independent
    assert_eq!(s.origins.len(), 2);
    // the duration differs between outlets
    assert!(s
        .divergences
        .iter()
        .any(|d| d.kind == lagebild_model::DivergenceKind::Number && d.summary.contains("Wochen")));
    // every briefing citation points into its article's text
    for b in &s.briefing {
        for c in &b.citations {
            let art = a
                .articles
                .iter()
                .find(|x| x.id == c.article)
                .expect("cited article");
            assert!(c.start < c.end && c.end <= art.text.chars().count());
        }
    }
    assert!((1..=12).contains(&s.briefing.len()));
}
