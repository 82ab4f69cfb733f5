//! Throughput and scaling benchmark (release build).
//!
//! `cargo run --release -p lagebild-story --example bench-story -- ../shared/data`
//!
//! 1. End to end: 10,000 articles made from the 1,028 10kGNAD texts (each used about ten
//!    times, sentences rotated and a variant marker added) written as JSON Lines, then read,
//!    annotated, assigned to stories (streaming) and every story analysed. Prints articles per
//!    second, the time spent in story assignment and in the analysis, and the peak resident set
//!    (VmHWM).
//! 2. One generated story of 1,000 articles (sentences drawn from a shared pool, so articles
//!    overlap like agency-fed coverage does): time of `analyze_story` for its first 250, 500
//!    and 1,000 articles.

use std::io::Write;
use std::time::Instant;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn sentences(text: &str) -> Vec<String> {
    text.split(". ")
        .map(|s| s.trim().trim_end_matches('.').to_string())
        .filter(|s| s.len() > 20)
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data".into());
    let csv = std::path::Path::new(&data).join("news-de-10kgnad/test.csv");
    let Ok(raw) = std::fs::read_to_string(&csv) else {
        println!("bench: skipped ({} absent)", csv.display());
        return Ok(());
    };
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|l| {
            l.split_once(';')
                .map(|(_, t)| t.trim().trim_matches('\'').to_string())
        })
        .collect();

    // 1. end to end
    let n = 10_000;
    let path = std::env::temp_dir().join(format!("lagebild-bench-{}.jsonl", std::process::id()));
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for i in 0..n {
            let t = &texts[i % texts.len()];
            let mut ss = sentences(t);
            if !ss.is_empty() {
                let k = (i / texts.len()) % ss.len();
                ss.rotate_left(k);
            }
            let body = format!("{}. Fassung {}.", ss.join(". "), i / texts.len() + 1);
            let title: String = ss
                .first()
                .map(|s| s.chars().take(80).collect())
                .unwrap_or_default();
            let rec = serde_json::json!({"id": format!("b{i:05}"), "title": title, "text": body,
                "published": format!("2025-{:02}-{:02}", 1 + (i / 900) % 12, 1 + i % 28)});
            writeln!(f, "{rec}")?;
        }
    }
    let start = Instant::now();
    let mut engine = lagebild_story::StoryEngine::new();
    let mut stories: std::collections::BTreeMap<String, Vec<lagebild_model::AnnotatedArticle>> =
        Default::default();
    let mut count = 0usize;
    let mut assign = 0f64;
    lagebild_ingest::read_inputs(std::slice::from_ref(&path), &mut |r| {
        if let Ok(a) = r {
            let d = lagebild_nlp::annotate(a);
            let t = Instant::now();
            let s = engine.assign(&d);
            assign += t.elapsed().as_secs_f64();
            stories.entry(s).or_default().push(d);
            count += 1;
        }
    });
    let t_assign = start.elapsed().as_secs_f64();
    let mut facts = 0usize;
    for (id, docs) in &stories {
        facts += lagebild_story::analyze_story(id, docs).facts.len();
    }
    let total = start.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&path);
    println!(
        "end to end: {count} articles, {} stories, {facts} facts: read+annotate+assign {t_assign:.1}s (assign {assign:.1}s), with analysis {total:.1}s (analysis {:.1}s) = {:.0} articles/s; peak RSS {:.0} MB",
        stories.len(),
        total - t_assign,
        count as f64 / total,
        peak_rss_mb()
    );
    drop(stories);

    // 2. one big story
    let pool: Vec<String> = texts
        .iter()
        .take(40)
        .flat_map(|t| sentences(t))
        .take(400)
        .collect();
    let mut docs = Vec::new();
    for k in 0..1000usize {
        let picks: Vec<String> = (0..12)
            .map(|j| {
                let s = &pool[(k * 7 + j * 31 + (k / 3) * j) % pool.len()];
                if j % 4 == 0 {
                    format!("{s}, sagte Sprecher {}", k % 17)
                } else {
                    s.clone()
                }
            })
            .collect();
        let a = lagebild_model::Article {
            id: format!("g{k:04}"),
            title: picks[0].chars().take(60).collect(),
            published: Some(format!("2025-03-{:02}", 1 + k % 5)),
            outlet: Some(format!("Outlet {}", k % 40)),
            credits: if k % 5 == 0 {
                vec!["dpa".into()]
            } else {
                vec![]
            },
            language: "de".into(),
            text: format!("{}.", picks.join(". ")),
            ..Default::default()
        };
        docs.push(lagebild_nlp::annotate(a));
    }
    let mut prev: Option<(usize, f64)> = None;
    for size in [250usize, 500, 1000] {
        let t = Instant::now();
        let s = lagebild_story::analyze_story("big", &docs[..size]);
        let secs = t.elapsed().as_secs_f64();
        let growth = prev
            .map(|(n0, t0)| {
                format!(
                    ", ×{:.2} for ×{:.0} articles",
                    secs / t0,
                    size as f64 / n0 as f64
                )
            })
            .unwrap_or_default();
        println!(
            "one story of {size} articles: {secs:.2}s ({} facts, {} wire pairs){growth}",
            s.facts.len(),
            s.wire_copy.len()
        );
        prev = Some((size, secs));
    }
    Ok(())
}
