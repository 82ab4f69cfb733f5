//! Evaluation task `stories`: streaming clustering on real and labelled data.
//!
//! 1. The seeds plus the 1,028 10kGNAD articles (converted to JSON Lines at run time) in one
//!    stream through the story engine, seeds first and seeds last (as `ingest` would take
//!    them; one-shot analysis would order them by date): the seeds must form exactly one story,
//!    no other article may join it.
//! 2. The WikiNews documents of `quotes-de-wikinews` (distinct events): how many end up
//!    sharing a story with another document.
//! 3. The project's own labelled pairs (`resources/story_pairs.txt`: German, English, and German
//!    with English; the language of each text is detected): same-event
//!    pairs must share a story, different-event pairs must not; all pairs are run together
//!    with the WikiNews documents, as the reference scorer `score_stories.py` does.

use anyhow::Context;
use lagebild_model::{Analysis, AnnotatedArticle, Article};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

const PAIRS: &str = include_str!("../resources/story_pairs.txt");

/// Read, annotate and analyse inputs as `lagebild analyze` does.
pub fn analyze_paths(paths: &[PathBuf]) -> anyhow::Result<Analysis> {
    Ok(lagebild_story::analyze_all(annotate_paths(paths)))
}

/// Read and annotate inputs; rejected inputs are reported on stderr.
pub fn annotate_paths(paths: &[PathBuf]) -> Vec<AnnotatedArticle> {
    let mut docs = Vec::new();
    lagebild_ingest::read_inputs(paths, &mut |r| match r {
        Ok(a) => docs.push(lagebild_nlp::annotate(a)),
        Err(e) => eprintln!("{e}"),
    });
    docs
}

/// The 10kGNAD test articles as JSON Lines in a temporary file (`category;'text'` per line).
pub fn gnad_jsonl(shared: &Path) -> anyhow::Result<Option<PathBuf>> {
    let csv = shared.join("data/news-de-10kgnad/test.csv");
    if !csv.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&csv).with_context(|| csv.display().to_string())?;
    let out = std::env::temp_dir().join(format!(
        "lagebild-eval-10kgnad-{}.jsonl",
        std::process::id()
    ));
    let mut f = std::fs::File::create(&out).with_context(|| out.display().to_string())?;
    for (i, line) in text.lines().enumerate() {
        let Some((cat, body)) = line.split_once(';') else {
            continue;
        };
        let body = body.trim().trim_matches('\'');
        let title = body.split(['.', '–']).next().unwrap_or("").trim();
        let rec = serde_json::json!({
            "id": format!("gnad{:04}", i + 1),
            "outlet": "Der Standard",
            "title": title,
            "text": body,
            "category": cat,
        });
        writeln!(f, "{rec}")?;
    }
    Ok(Some(out))
}

/// WikiNews documents as articles (id `wn<name>`, published = document date).
fn wikinews(shared: &Path) -> Vec<Article> {
    let mut out = Vec::new();
    for split in ["train", "dev"] {
        let dir = shared.join("data/quotes-de-wikinews").join(split);
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            let Ok(s) = std::fs::read_to_string(&f) else {
                continue;
            };
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&s) else {
                continue;
            };
            let text = v["originalText"].as_str().unwrap_or("").to_string();
            let title = text.split(". ").next().unwrap_or("").to_string();
            out.push(Article {
                id: format!(
                    "wn{}",
                    f.file_stem()
                        .map(|s| s.to_string_lossy())
                        .unwrap_or_default()
                ),
                title,
                published: v["date"].as_str().map(str::to_string),
                language: "de".into(),
                text,
                ..Default::default()
            });
        }
    }
    out
}

/// Own labelled pairs: (pair id, same event?, article a, article b).
fn own_pairs() -> Vec<(String, bool, Article, Article)> {
    let mut out = Vec::new();
    for block in PAIRS.split("\n=== ").skip(1) {
        let mut lines = block.lines();
        let head = lines.next().unwrap_or("");
        let mut h = head.split_whitespace();
        let (Some(id), Some(label)) = (h.next(), h.next()) else {
            continue;
        };
        let rest: Vec<&str> = lines.collect();
        let joined = rest.join("\n");
        let Some((a, b)) = joined.split_once("\n---\n") else {
            continue;
        };
        let mk = |side: &str, t: &str| {
            let mut ls = t.trim().lines();
            let date = ls.next().unwrap_or("").trim().to_string();
            let title = ls.next().unwrap_or("").trim().to_string();
            let body: Vec<&str> = ls.collect();
            let text = format!("{title}\n\n{}", body.join("\n").trim());
            Article {
                id: format!("{id}_{side}"),
                title: title.clone(),
                published: Some(date),
                language: lagebild_ingest::lang::detect(&text).unwrap_or("de").into(),
                text,
                ..Default::default()
            }
        };
        out.push((id.to_string(), label == "same", mk("a", a), mk("b", b)));
    }
    out
}

/// The story of each article when the engine takes them in the order given, as `lagebild
/// ingest` takes a stream (one-shot analysis orders them by publication first).
fn streamed(docs: &[AnnotatedArticle]) -> BTreeMap<String, String> {
    let mut engine = lagebild_story::StoryEngine::new();
    docs.iter()
        .map(|d| (d.article.id.clone(), engine.assign(d)))
        .collect()
}

fn story_of(analysis: &Analysis) -> BTreeMap<String, String> {
    analysis
        .articles
        .iter()
        .map(|a| (a.id.clone(), a.story.clone()))
        .collect()
}

/// Run the task against the data under `shared`.
pub fn run(shared: &Path) -> anyhow::Result<()> {
    // 1. seeds + distractors
    let seeds = shared.join("corpus/seeds");
    match gnad_jsonl(shared)? {
        Some(jsonl) if seeds.is_dir() => {
            for (label, order) in [
                ("seeds first", vec![seeds.clone(), jsonl.clone()]),
                ("seeds last", vec![jsonl.clone(), seeds.clone()]),
            ] {
                let start = std::time::Instant::now();
                let docs = annotate_paths(&order);
                let so = streamed(&docs);
                let seed_ids: BTreeSet<&String> = docs
                    .iter()
                    .map(|d| &d.article.id)
                    .filter(|id| !id.starts_with("gnad"))
                    .collect();
                let stories: BTreeSet<&String> =
                    seed_ids.iter().filter_map(|i| so.get(*i)).collect();
                let joined = so
                    .iter()
                    .filter(|(id, s)| id.starts_with("gnad") && stories.contains(s))
                    .count();
                let distractors = docs.len() - seed_ids.len();
                let all: BTreeSet<&String> = so.values().collect();
                println!(
                    "stories ({label}, streamed in this order): seeds in {} stories, {joined} of {distractors} distractors joined them, {} stories in all ({:.1}s)",
                    stories.len(),
                    all.len(),
                    start.elapsed().as_secs_f64()
                );
            }
            let _ = std::fs::remove_file(&jsonl);
        }
        _ => println!(
            "stories: seeds+distractors skipped (corpus/seeds or data/news-de-10kgnad absent)"
        ),
    }
    // 2 + 3. WikiNews as distinct events, with the own pairs mixed in
    let wn = wikinews(shared);
    let pairs = own_pairs();
    let mut arts: Vec<Article> = Vec::new();
    for (i, w) in wn.iter().enumerate() {
        arts.push(w.clone());
        if let Some(p) = pairs.get(i / 40) {
            if i % 40 == 0 {
                arts.push(p.2.clone());
            } else if i % 40 == 20 {
                arts.push(p.3.clone());
            }
        }
    }
    for p in pairs.iter().skip(wn.len().div_ceil(40)) {
        arts.push(p.2.clone());
        arts.push(p.3.clone());
    }
    let docs: Vec<AnnotatedArticle> = arts.into_iter().map(lagebild_nlp::annotate).collect();
    let a = lagebild_story::analyze_all(docs);
    let so = story_of(&a);
    if !wn.is_empty() {
        let mut count: BTreeMap<&String, usize> = BTreeMap::new();
        for w in &wn {
            if let Some(s) = so.get(&w.id) {
                *count.entry(s).or_default() += 1;
            }
        }
        let shared_n = wn
            .iter()
            .filter(|w| {
                so.get(&w.id)
                    .is_some_and(|s| count.get(s).copied().unwrap_or(0) > 1)
            })
            .count();
        println!(
            "stories (WikiNews, distinct events): {shared_n} of {} documents share a story with another",
            wn.len()
        );
    } else {
        println!("stories: WikiNews skipped (data/quotes-de-wikinews absent)");
    }
    let (mut same, mut same_ok, mut diff, mut diff_ok) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    // right and all per group of pairs (the id's letter: p, x, m, …)
    let mut groups: BTreeMap<char, (usize, usize)> = BTreeMap::new();
    for (id, is_same, x, y) in &pairs {
        let together = so.contains_key(&x.id) && so.get(&x.id) == so.get(&y.id);
        let g = groups.entry(id.chars().next().unwrap_or('?')).or_default();
        g.0 += usize::from(together == *is_same);
        g.1 += 1;
        if *is_same {
            same += 1;
            same_ok += usize::from(together);
        } else {
            diff += 1;
            diff_ok += usize::from(!together);
        }
        if together != *is_same {
            wrong.push(id.clone());
        }
        let score = lagebild_story::cluster::pair_score(
            &lagebild_nlp::annotate(x.clone()),
            &lagebild_nlp::annotate(y.clone()),
        );
        println!(
            "  pair {id:6} {:5} score {score:.3}{}",
            if *is_same { "same" } else { "diff" },
            if together == *is_same { "" } else { "  WRONG" }
        );
    }
    println!(
        "stories (own pairs): same-event joined {same_ok}/{same}; different-event apart {diff_ok}/{diff}; accuracy {:.3}{}",
        (same_ok + diff_ok) as f64 / (same + diff).max(1) as f64,
        if wrong.is_empty() { String::new() } else { format!(" (wrong: {})", wrong.join(", ")) }
    );
    let per_group: Vec<String> = groups
        .iter()
        .map(|(g, (ok, n))| format!("{g} {ok}/{n}"))
        .collect();
    println!("stories (own pairs by group): {}", per_group.join(", "));
    Ok(())
}
