//! Throughput of the quote finder, in articles per second on one core.
//!
//! `cargo bench -p lagebild-nlp --bench quotes [-- DIR]`: runs the finder over the German
//! WikiNews articles of `DIR/data/quotes-de-wikinews/{train,dev}` (default `../shared`), each
//! already tokenized and tagged (those stages are timed apart), and prints articles/s for the
//! finder alone and for the whole annotation pipeline. Where that data is absent, an article
//! written for this benchmark is used.

use lagebild_model::{AnnotatedArticle, Article};
use lagebild_nlp::quotes::find_quotes;
use std::path::{Path, PathBuf};
use std::time::Instant;

const OWN_TEXT: &str = "Die Verhandlungen in Genf dauerten fast fünf Stunden.\n\n\
    „Wir sind heute ein gutes Stück vorangekommen“, sagte die Außenministerin am Abend. \
    Es gebe aber noch viel zu tun. Die Gespräche würden in der kommenden Woche fortgesetzt.\n\n\
    Laut Diplomaten lehnte die Gegenseite mehrere Vorschläge rundweg ab. Der Sprecher der \
    Delegation erklärte, man habe die Frage der Grenzen ausgeklammert. Nach Angaben von \
    Beobachtern soll es zu einem lauten Streit gekommen sein, was die Delegation bestritt.\n";

fn texts(shared: &Path) -> (String, Vec<String>) {
    let mut out = Vec::new();
    for split in ["train", "dev"] {
        let dir = shared.join("data/quotes-de-wikinews").join(split);
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        names.sort();
        for p in names {
            let Ok(raw) = std::fs::read_to_string(&p) else {
                continue;
            };
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&raw) {
                if let Some(t) = v["originalText"].as_str() {
                    out.push(t.to_string());
                }
            }
        }
    }
    if out.is_empty() {
        return (
            "own article (shared data absent)".into(),
            vec![OWN_TEXT.to_string(); 500],
        );
    }
    ("German WikiNews articles".into(), out)
}

fn main() {
    let shared = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"));
    let (what, texts) = texts(&shared);
    let bytes: usize = texts.iter().map(String::len).sum();
    let article = |t: &String| Article {
        text: t.clone(),
        language: "de".into(),
        ..Default::default()
    };
    let t0 = Instant::now();
    let docs: Vec<AnnotatedArticle> = texts
        .iter()
        .map(|t| lagebild_nlp::annotate(article(t)))
        .collect();
    let pipeline = t0.elapsed().as_secs_f64();
    let rounds = 5;
    let t1 = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for d in &docs {
            n += std::hint::black_box(find_quotes(d)).len();
        }
    }
    let finder = t1.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "{what}: {} articles, {:.1} MB, {} quotes",
        docs.len(),
        bytes as f64 / 1e6,
        n / rounds
    );
    println!(
        "quote finder alone: {:.0} articles/s ({:.1} MB/s)",
        docs.len() as f64 / finder,
        bytes as f64 / 1e6 / finder
    );
    println!(
        "whole annotation pipeline (tokenize, entities, time, quantities, quotes): {:.0} articles/s",
        docs.len() as f64 / pipeline
    );
}
