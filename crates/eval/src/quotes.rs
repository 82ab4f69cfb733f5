//! Evaluation task `quotes`: German WikiNews quotations (Petersen-Frey & Biemann 2024).
//!
//! Replicates `eval/score_quotes.py`: a predicted quote matches a gold quote when the casefolded
//! word multisets of their texts overlap with F1 ≥ 0.5 (greedy, best pair first, one-to-one);
//! the speaker is right when both speakers share a capitalised word that is not a pronoun
//! (gold speakers without one are not scored); joint F1 counts matches with the right speaker.
//! Prints the figures for `train/` (used for tuning) and `dev/` (reported).

use crate::metrics::f1;
use anyhow::Context;
use lagebild_model::Article;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const PRONOUNS: &[&str] = &[
    "er", "sie", "es", "ich", "wir", "ihr", "man", "dieser", "diese", "der", "die", "das", "er,",
];

/// Python's `\w+` words, casefolded.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn casefold(w: &str) -> String {
    w.to_lowercase().replace('ß', "ss")
}

fn overlap_f1(gold: &str, pred: &str) -> f64 {
    let count = |s: &str| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for w in words(s) {
            *m.entry(casefold(&w)).or_default() += 1;
        }
        m
    };
    let (ca, cb) = (count(gold), count(pred));
    let common: usize = ca
        .iter()
        .map(|(w, n)| (*n).min(cb.get(w).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / cb.values().sum::<usize>() as f64;
    let r = common as f64 / ca.values().sum::<usize>() as f64;
    2.0 * p * r / (p + r)
}

fn names(s: &str) -> BTreeSet<String> {
    words(s)
        .into_iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| casefold(&w))
        .filter(|w| !PRONOUNS.contains(&w.as_str()))
        .collect()
}

struct Gold {
    text: String,
    speaker: String,
    kind: String,
}

fn gold_quotes(d: &serde_json::Value) -> Vec<Gold> {
    let mut out = Vec::new();
    for a in d["annotations"].as_array().into_iter().flatten() {
        let text = a["quote"]["text"].as_str().unwrap_or("");
        if text.trim().is_empty() {
            continue;
        }
        out.push(Gold {
            text: text.to_string(),
            speaker: a["speaker"]["text"].as_str().unwrap_or("").to_string(),
            kind: a["type"].as_str().unwrap_or("").to_string(),
        });
    }
    out
}

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    sp_ok: usize,
    sp_n: usize,
    joint: usize,
    by_type: BTreeMap<String, (usize, usize)>,
    docs: usize,
    secs: f64,
}

fn score_doc(t: &mut Tally, gold: &[Gold], pred: &[(String, Option<String>)]) {
    let mut pairs = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            pairs.push((overlap_f1(&g.text, &p.0), i, j));
        }
    }
    // Python sorts the (score, i, j) tuples in reverse.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let mut used_g = BTreeSet::new();
    let mut used_p = BTreeSet::new();
    for (s, i, j) in pairs {
        if s < 0.5 {
            break;
        }
        if used_g.contains(&i) || used_p.contains(&j) {
            continue;
        }
        used_g.insert(i);
        used_p.insert(j);
        let gn = names(&gold[i].speaker);
        if gn.is_empty() {
            t.joint += 1;
        } else {
            t.sp_n += 1;
            let pn = names(pred[j].1.as_deref().unwrap_or(""));
            if !gn.is_disjoint(&pn) {
                t.sp_ok += 1;
                t.joint += 1;
            }
        }
    }
    t.tp += used_g.len();
    t.fp += pred.len() - used_p.len();
    t.fn_ += gold.len() - used_g.len();
    for (i, g) in gold.iter().enumerate() {
        let e = t.by_type.entry(g.kind.clone()).or_default();
        e.0 += 1;
        e.1 += usize::from(used_g.contains(&i));
    }
}

fn eval_split(dir: &Path) -> anyhow::Result<Tally> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut t = Tally::default();
    for f in files {
        let raw =
            std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let d: serde_json::Value =
            serde_json::from_str(&raw).with_context(|| format!("parsing {}", f.display()))?;
        let article = Article {
            id: f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            text: d["originalText"].as_str().unwrap_or("").to_string(),
            published: d["date"].as_str().map(str::to_string),
            language: "de".into(),
            ..Default::default()
        };
        let t0 = std::time::Instant::now();
        let doc = lagebild_nlp::annotate(article);
        t.secs += t0.elapsed().as_secs_f64();
        let pred: Vec<(String, Option<String>)> = doc
            .quotes
            .iter()
            .map(|q| (q.text.clone(), q.speaker.clone()))
            .collect();
        score_doc(&mut t, &gold_quotes(&d), &pred);
        t.docs += 1;
    }
    Ok(t)
}

fn report(name: &str, t: &Tally) {
    println!("-- {name}: {} documents", t.docs);
    let mut types: Vec<_> = t.by_type.iter().collect();
    types.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    for (k, (n, hit)) in types {
        println!("recall {k:28} {:.3} of {n}", *hit as f64 / *n as f64);
    }
    println!(
        "speaker accuracy on matched quotes with a named gold speaker: {:.3} of {}",
        t.sp_ok as f64 / t.sp_n.max(1) as f64,
        t.sp_n
    );
    let p = t.tp as f64 / (t.tp + t.fp).max(1) as f64;
    let r = t.tp as f64 / (t.tp + t.fn_).max(1) as f64;
    println!("quote P {p:.3} R {r:.3} F1 {:.3}", f1(t.tp, t.fp, t.fn_));
    let jp = t.joint as f64 / (t.tp + t.fp).max(1) as f64;
    let jr = t.joint as f64 / (t.tp + t.fn_).max(1) as f64;
    let jf = if t.joint > 0 {
        2.0 * jp * jr / (jp + jr)
    } else {
        0.0
    };
    println!("quotes: joint F1 {jf:.3} (quote matched and speaker right)");
    println!(
        "speed: {:.0} articles/s through the whole annotation pipeline",
        t.docs as f64 / t.secs.max(1e-9)
    );
}

/// The seed check: every quote of `gold/seeds.json` found with its speaker in each article it
/// lists (text contains one string of every `match` list, speaker contains the gold name).
fn seeds(shared: &Path) -> anyhow::Result<()> {
    let Some((dir, gold)) = crate::seeds::seed_gold(shared, "quotes on seeds")? else {
        return Ok(());
    };
    let mut quotes_of: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let (mut found, mut total) = (0, 0);
    for q in gold["quotes"].as_array().into_iter().flatten() {
        let speaker = q["speaker"].as_str().unwrap_or("").to_lowercase();
        for letter in q["articles"].as_array().into_iter().flatten() {
            let letter = letter.as_str().unwrap_or("");
            let stem = gold["articles"][letter]
                .as_str()
                .unwrap_or(letter)
                .to_string();
            if !quotes_of.contains_key(&stem) {
                let mut pred = Vec::new();
                let path = dir.join(format!("{stem}.txt"));
                lagebild_ingest::read_path(&path, &mut |r| {
                    if let Ok(article) = r {
                        let doc = lagebild_nlp::annotate(article);
                        pred.extend(doc.quotes.iter().map(|q| {
                            (
                                q.text.to_lowercase(),
                                q.speaker.clone().unwrap_or_default().to_lowercase(),
                            )
                        }));
                    }
                });
                quotes_of.insert(stem.clone(), pred);
            }
            let pred = &quotes_of[&stem];
            let hit = pred.iter().any(|(text, sp)| {
                sp.contains(&speaker)
                    && q["match"].as_array().into_iter().flatten().all(|alts| {
                        alts.as_array()
                            .into_iter()
                            .flatten()
                            .any(|m| text.contains(&m.as_str().unwrap_or("").to_lowercase()))
                    })
            });
            total += 1;
            if hit {
                found += 1;
            } else {
                println!("  missed: {speaker} {} in {letter}", q["match"]);
            }
        }
    }
    println!("quotes on seeds: {found} of {total} (quote, article) pairs found with their speaker");
    Ok(())
}

/// Run the task against the data under `shared`.
pub fn run(shared: &Path) -> anyhow::Result<()> {
    seeds(shared)?;
    let base = shared.join("data/quotes-de-wikinews");
    if !base.is_dir() {
        println!(
            "quotes: skipped, {} not found (the WikiNews quotation data lives there)",
            base.display()
        );
        return Ok(());
    }
    for split in ["train", "dev"] {
        let dir = base.join(split);
        if dir.is_dir() {
            let t = eval_split(&dir)?;
            report(split, &t);
        } else {
            println!("quotes: {} not found, skipped", dir.display());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_pieces() {
        assert_eq!(words("„Ja, nein“ – gut!"), ["Ja", "nein", "gut"]);
        assert!((overlap_f1("a b c d", "a b") - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(overlap_f1("a", "b"), 0.0);
        let n = names("Der Sprecher Peter Meier");
        assert!(n.contains("sprecher") && n.contains("meier") && !n.contains("der"));
    }

    #[test]
    fn greedy_matching() {
        let gold = vec![
            Gold {
                text: "eins zwei drei".into(),
                speaker: "Anna Berg".into(),
                kind: "Direct".into(),
            },
            Gold {
                text: "vier fünf".into(),
                speaker: "er".into(),
                kind: "Indirect".into(),
            },
        ];
        let pred = vec![
            ("eins zwei drei".to_string(), Some("Berg".to_string())),
            ("vier fünf sechs".to_string(), None),
            ("sieben".to_string(), None),
        ];
        let mut t = Tally::default();
        score_doc(&mut t, &gold, &pred);
        assert_eq!(
            (t.tp, t.fp, t.fn_, t.joint, t.sp_ok, t.sp_n),
            (2, 1, 0, 2, 1, 1)
        );
    }
}
