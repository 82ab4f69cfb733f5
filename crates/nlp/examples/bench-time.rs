//! Throughput of the German temporal tagger, one thread (release build):
//!
//! ```text
//! cargo run --release -p lagebild-nlp --example bench-time -- [../shared/data] [rounds]
//! ```
//!
//! Tags every article of `news-de-10kgnad/test.csv` under the data directory (default
//! `../shared/data`; skips with a message where it is absent) `rounds` times (default 5) and
//! prints articles and MB per CPU second of this thread: for the candidate search that runs
//! every rule, for the one that skips rules that cannot match, and for the whole tagger. It also
//! prints a fingerprint of all expressions found (spans, types, values), so that two builds can
//! be checked to give the same output, and checks the two candidate searches against each other
//! on every article.

use lagebild_nlp::time::{grammar, Date};
use std::time::Instant;

mod common;
use common::cpu_seconds;

fn main() {
    let mut args = std::env::args().skip(1);
    let data = args.next().unwrap_or_else(|| "../shared/data".to_string());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let path = std::path::Path::new(&data).join("news-de-10kgnad/test.csv");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        println!("bench-time: skipped ({} absent)", path.display());
        return;
    };
    let texts: Vec<&str> = raw
        .lines()
        .filter_map(|l| l.split_once(';').map(|(_, t)| t.trim().trim_matches('\'')))
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let g = grammar("de").expect("German time resources compile");
    let dct = Date::parse("2025-12-03");

    // Fingerprint of the full output (FNV-1a over spans, types and values).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain([0xff]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    let mut found = 0;
    for t in &texts {
        for x in g.tag(t, dct) {
            found += 1;
            feed(&format!(
                "{}-{} {:?} {}",
                x.span.start, x.span.end, x.kind, x.value
            ));
        }
    }

    let diverging = texts
        .iter()
        .filter(|t| g.candidates(t) != g.candidates_exhaustive(t))
        .count();
    println!(
        "time tagger: {} articles, {:.2} MB, {found} expressions, fingerprint {hash:016x}; \
         {diverging} articles where the candidate search differs from the exhaustive one",
        texts.len(),
        bytes as f64 / 1e6
    );

    let n = (texts.len() * rounds) as f64;
    let mb = (bytes * rounds) as f64 / 1e6;
    let time = |what: &str, f: &dyn Fn(&str) -> usize| {
        let wall = Instant::now();
        let cpu0 = cpu_seconds();
        let mut found = 0;
        for _ in 0..rounds {
            for t in &texts {
                found += std::hint::black_box(f(t));
            }
        }
        let cpu = cpu_seconds() - cpu0;
        let wall = wall.elapsed().as_secs_f64();
        println!(
            "{what}: {rounds} rounds, {wall:.2} s wall, {cpu:.2} s CPU: {:.0} articles/s, \
             {:.2} MB/s per CPU second of this thread ({} found)",
            n / cpu.max(1e-9),
            mb / cpu.max(1e-9),
            found / rounds.max(1)
        );
    };
    time("candidates, every rule", &|t| {
        g.candidates_exhaustive(t).len()
    });
    time("candidates, rules skipped", &|t| g.candidates(t).len());
    time("whole tagger", &|t| g.tag(t, dct).len());
}
