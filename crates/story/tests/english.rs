//! An English story (two articles written for the project, `tests/fixtures/english`) is
//! reported with English labels: headings, counts, quotes and divergence summaries.

use std::path::{Path, PathBuf};

#[test]
fn english_stories_get_english_labels() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/english");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut docs = Vec::new();
    lagebild_ingest::read_inputs(&files, &mut |r| {
        docs.push(lagebild_nlp::annotate(r.expect("fixture reads")))
    });
    assert!(docs.iter().all(|d| d.article.language == "en"));
    let analysis = lagebild_story::analyze_all(docs);
    assert_eq!(analysis.stories.len(), 1, "{:#?}", analysis.stories);
    let md = lagebild_story::render::markdown(&analysis);
    for heading in [
        "## Situation",
        "## Who said what",
        "## Timeline",
        "## Sources",
    ] {
        assert!(md.contains(heading), "{heading} missing:\n{md}");
    }
    for german in ["Artikel", "Wer sagte", "Zeitleiste", "Quellen", "„"] {
        assert!(!md.contains(german), "{german} in:\n{md}");
    }
    let story = &analysis.stories[0];
    let residents = story
        .divergences
        .iter()
        .find(|d| d.summary.starts_with("Figures differ"))
        .unwrap_or_else(|| panic!("no number divergence: {:#?}", story.divergences));
    assert!(residents.summary.contains("1200") || residents.summary.contains("1,200"));
    let html = lagebild_story::render::html(&analysis);
    assert!(html.contains("<html lang=\"en\">") && html.contains("<h2>Who said what</h2>"));
}
