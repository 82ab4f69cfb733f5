//! Throughput of the German temporal tagger, in MB of text per second on one core.
//!
//! `cargo bench -p lagebild-nlp --bench time [-- DIR]`: tags the German news of
//! `DIR/data/news-de-10kgnad/test.csv` (default: `../shared` beside the repository) and the
//! WikiWarsDE texts; where that data is absent, a text written for this benchmark, repeated.

use lagebild_nlp::time::{grammar, Date};
use std::path::{Path, PathBuf};
use std::time::Instant;

const OWN_TEXT: &str = "Die Delegationen trafen sich am Dienstagabend in Genf, nachdem der \
    Termin vor zwei Wochen verschoben worden war. Am 14. März 2024 hatte es bereits ein erstes \
    Treffen gegeben, das fast fünf Stunden dauerte. Im Oktober soll eine weitere Runde folgen; \
    seit Februar 2022 ringen beide Seiten um eine Lösung. Der Sprecher sagte, man treffe sich \
    jeden Montag und werde am Donnerstag neue Vorschläge vorlegen. Die Einigung vom 2.12.2025 \
    gilt als Fortschritt, anders als die Pläne der 1990er Jahre.\n";

fn corpus(shared: &Path) -> (String, Vec<String>) {
    let mut docs = Vec::new();
    let news = shared.join("data/news-de-10kgnad/test.csv");
    if let Ok(raw) = std::fs::read_to_string(&news) {
        docs.extend(
            raw.lines()
                .filter_map(|l| l.split_once(';').map(|(_, t)| t.to_string())),
        );
    }
    let wiki = shared.join("data/wikiwarsde");
    if let Ok(dir) = std::fs::read_dir(&wiki) {
        let mut names: Vec<PathBuf> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        names.sort();
        for p in names {
            if let Ok(t) = std::fs::read_to_string(&p) {
                docs.push(t);
            }
        }
    }
    if docs.is_empty() {
        return (
            "own text (shared data absent)".into(),
            vec![OWN_TEXT.repeat(2000)],
        );
    }
    ("news-de-10kgnad + wikiwarsde".into(), docs)
}

fn main() {
    let shared = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map_or_else(
            // `../shared` beside the repository; benches run in the package directory.
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
            PathBuf::from,
        );
    let g = grammar("de").expect("German time resources compile");
    let (what, docs) = corpus(&shared);
    let bytes: usize = docs.iter().map(String::len).sum();
    let dct = Date::parse("2025-12-03");
    // Warm-up, then the best of three rounds.
    let mut found = 0;
    for d in &docs {
        found += g.tag(d, dct).len();
    }
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for d in &docs {
            std::hint::black_box(g.tag(d, dct));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "time tagger: {what}: {} documents, {:.2} MB, {found} expressions; best of 3: {:.3} s = {:.2} MB/s on one core",
        docs.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best
    );
}
