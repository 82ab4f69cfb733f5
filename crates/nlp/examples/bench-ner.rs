//! Throughput of the segmenter and the entity tagger, one thread (release build):
//!
//! ```text
//! cargo run --release -p lagebild-nlp --example bench-ner -- [../shared/data]
//! ```
//!
//! Reads the German news of `news-de-10kgnad/test.csv` under the data directory (or, where
//! absent, repeats a built-in German paragraph), splits it into sentences, then tags every
//! sentence several times and prints tokens per second for each stage. The tagger keeps
//! per-word partial scores, so the first round (every word new to it) is also reported on
//! its own.

use lagebild_model::CharIndex;
use lagebild_nlp::ner::Tagger;
use lagebild_nlp::tokenize::sentences;
use std::time::Instant;

mod common;
use common::cpu_seconds;

const FALLBACK: &str = "Die Außenministerin reiste am Montag nach Wien. Dort traf sie den \
österreichischen Kanzler Karl Nehammer und Vertreter der OSZE. „Wir brauchen mehr \
Zusammenarbeit“, sagte sie nach dem Gespräch. Der Sprecher des Ministeriums, Jan Becker, \
bestätigte am Abend, dass weitere Treffen in Brüssel geplant seien.\n";

fn main() {
    let data = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data".to_string());
    let path = std::path::Path::new(&data).join("news-de-10kgnad/test.csv");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(_) => {
            eprintln!(
                "bench-ner: {} not found, using a built-in text",
                path.display()
            );
            FALLBACK.repeat(2000)
        }
    };
    let t0 = Instant::now();
    let sents = sentences(&text);
    let seg = t0.elapsed().as_secs_f64();
    let ix = CharIndex::new(&text);
    let words: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| {
            s.tokens
                .iter()
                .map(|t| &text[ix.byte_of(t.span.start)..ix.byte_of(t.span.end)])
                .collect()
        })
        .collect();
    let ntok: usize = words.iter().map(Vec::len).sum();
    println!(
        "segmenter: {} sentences, {ntok} tokens in {seg:.3} s: {:.0} tokens/s",
        sents.len(),
        ntok as f64 / seg
    );
    let tagger = Tagger::default_for("de");
    // warm up (loads the model once)
    let _ = tagger.tag(&["Berlin"]);
    let rounds = 3;
    let t1 = Instant::now();
    let cpu0 = cpu_seconds();
    let mut entities = 0usize;
    let mut first = (0.0, 0.0);
    for round in 0..rounds {
        for w in &words {
            let labels = tagger.tag(w);
            entities += labels.iter().filter(|&&l| l % 2 == 1).count();
        }
        if round == 0 {
            first = (t1.elapsed().as_secs_f64(), cpu_seconds() - cpu0);
        }
    }
    println!(
        "tagger, first round: {ntok} tokens in {:.3} s: {:.0} tokens/s, {:.0} per CPU second",
        first.0,
        ntok as f64 / first.0,
        ntok as f64 / first.1.max(1e-9)
    );
    let tag = t1.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    println!(
        "tagger: {} tokens in {tag:.3} s: {:.0} tokens/s per core ({} entity starts)",
        ntok * rounds,
        (ntok * rounds) as f64 / tag,
        entities / rounds
    );
    if cpu > 0.0 {
        println!(
            "tagger: {:.0} tokens per CPU second of this thread (independent of other load)",
            (ntok * rounds) as f64 / cpu
        );
    }
}
