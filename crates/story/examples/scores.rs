//! Print each article's clustering decision and best score (calibration aid).
//!
//! `cargo run --release -p lagebild-story --example scores -- FILE…` (JSON of annotated
//! articles, one per line, as written by `lagebild-eval dump`), or any inputs readable by
//! `lagebild-ingest` when given `--read`.

fn main() {
    let mut engine = lagebild_story::StoryEngine::new();
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let mut docs = Vec::new();
    lagebild_ingest::read_inputs(&paths, &mut |r| {
        if let Ok(a) = r {
            docs.push(lagebild_nlp::annotate(a));
        }
    });
    for d in &docs {
        let shared = engine.explain(d);
        let (s, score) = engine.assign_scored(d);
        let rare: Vec<String> = shared
            .iter()
            .map(|(t, w)| format!("{t}:{w:.1}"))
            .take(12)
            .collect();
        println!(
            "{}\t{}\t{score:.3}\t{}\t{}",
            d.article.id,
            s,
            d.article.title.chars().take(50).collect::<String>(),
            rare.join(" ")
        );
    }
}
