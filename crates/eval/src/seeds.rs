//! Evaluation task `seeds`: the whole pipeline on `corpus/seeds` against `gold/seeds.json`.
//!
//! A line-by-line port of the reference scorer `eval/score_seeds.py`: same sections, same
//! matching rules (NFC + case folding, `has_all` over alternatives), same weights and
//! penalties, so the printed score agrees with
//! `lagebild analyze corpus/seeds --format json | score_seeds.py gold/seeds.json -`.

use anyhow::Context;
use lagebild_model::Analysis;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// NFC and case folding, as Python's `unicodedata.normalize("NFC", s).casefold()`.
pub fn norm(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    for c in nfc.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn match_lists(v: &Value) -> Vec<Vec<String>> {
    v.as_array()
        .map(|a| a.iter().map(strs).collect())
        .unwrap_or_default()
}

/// True when `text` contains, for every inner list, at least one of its strings.
pub fn has_all(text: &str, m: &[Vec<String>]) -> bool {
    let t = norm(text);
    m.iter()
        .all(|alts| alts.iter().any(|a| t.contains(&norm(a))))
}

/// One scored section: got, of, note.
pub type Section = (f64, f64, String);

/// Score an analysis (as JSON) against the gold file; returns the sections and the score.
pub fn score(gold: &Value, out: &Value) -> (Vec<(String, Section)>, f64) {
    let letters: BTreeMap<String, String> = gold["articles"]
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
                .collect()
        })
        .unwrap_or_default();
    let ids = |ls: &Value| -> BTreeSet<String> {
        strs(ls)
            .iter()
            .filter_map(|l| letters.get(l).cloned())
            .collect()
    };
    let seed_ids: BTreeSet<String> = letters.values().cloned().collect();
    let mut report: Vec<(String, Section)> = Vec::new();
    let empty = Vec::new();
    let articles: BTreeMap<String, &Value> = out["articles"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .map(|a| (a["id"].as_str().unwrap_or("").to_string(), a))
        .collect();
    let stories = out["stories"].as_array().unwrap_or(&empty);
    let arts_of = |s: &Value| -> BTreeSet<String> { strs(&s["articles"]).into_iter().collect() };
    let holding: Vec<&Value> = stories
        .iter()
        .filter(|s| !arts_of(s).is_disjoint(&seed_ids))
        .collect();
    let one = holding.len() == 1 && arts_of(holding[0]) == seed_ids;
    report.push((
        "stories".into(),
        (
            f64::from(u8::from(one)),
            1.0,
            format!("{} stories hold seeds", holding.len()),
        ),
    ));
    let null = Value::Null;
    // max() in Python returns the first maximal element
    let mut story: &Value = &null;
    let mut best = 0usize;
    for s in &holding {
        let c = arts_of(s).intersection(&seed_ids).count();
        if c > best {
            best = c;
            story = s;
        }
    }

    // published
    let mut pub_ok = 0.0;
    let published = gold["published"].as_object().cloned().unwrap_or_default();
    for (letter, d) in &published {
        let id = letters.get(letter).cloned().unwrap_or_default();
        let p = articles.get(&id).map(|a| &a["published"]).unwrap_or(&null);
        let ok = p == d
            || (letter == "C"
                && (p.as_str() == Some("2025-12-02") || p.as_str() == Some("2025-12-03")));
        pub_ok += f64::from(u8::from(ok));
    }
    report.push((
        "published".into(),
        (pub_ok, published.len() as f64, String::new()),
    ));

    let ents = story["entities"].as_array().unwrap_or(&empty);
    let names = |e: &Value| -> Vec<String> {
        let mut v = vec![norm(e["name"].as_str().unwrap_or(""))];
        v.extend(strs(&e["aliases"]).iter().map(|x| norm(x)));
        v
    };
    let etype = |e: &Value| e["type"].as_str().unwrap_or("").to_string();
    let gold_persons = gold["persons"].as_array().unwrap_or(&empty);
    let (mut pf, mut missing) = (0.0, Vec::new());
    for p in gold_persons {
        let pname = norm(p["name"].as_str().unwrap_or(""));
        let cands: Vec<&Value> = ents
            .iter()
            .filter(|e| etype(e) == "PER" && names(e).contains(&pname))
            .collect();
        if cands.is_empty() {
            missing.push(p["name"].as_str().unwrap_or("").to_string());
            continue;
        }
        let mut e = cands[0];
        for c in &cands {
            if arts_of(c).len() > arts_of(e).len() {
                e = c;
            }
        }
        let want = ids(&p["articles"]);
        let cover = want.intersection(&arts_of(e)).count() as f64 / want.len().max(1) as f64;
        let roles = strs(&p["roles"]);
        let eroles = norm(&strs(&e["roles"]).join(" "));
        let role_ok = roles.is_empty() || roles.iter().any(|r| eroles.contains(&norm(r)));
        pf += 0.5 + 0.3 * cover + 0.2 * f64::from(u8::from(role_ok));
    }
    report.push((
        "persons".into(),
        (
            (pf * 100.0).round() / 100.0,
            gold_persons.len() as f64,
            if missing.is_empty() {
                String::new()
            } else {
                format!("missing: {}", missing.join(", "))
            },
        ),
    ));
    let mut splits = Vec::new();
    for p in gold_persons {
        let name = p["name"].as_str().unwrap_or("");
        let sur = norm(name.split_whitespace().last().unwrap_or(""));
        let hit = ents
            .iter()
            .filter(|e| etype(e) == "PER" && names(e).iter().any(|n| n.ends_with(&sur)))
            .count();
        if hit > 1 {
            splits.push(name.to_string());
        }
    }
    report.push((
        "person splits (lower is better)".into(),
        (splits.len() as f64, 0.0, splits.join(", ")),
    ));
    let find_ent = |word: &str, types: &[&str]| -> bool {
        let w = norm(word);
        ents.iter().any(|e| {
            types.contains(&etype(e).as_str())
                && names(e)
                    .iter()
                    .any(|n| *n == w || n.split_whitespace().any(|x| x == w) || n.starts_with(&w))
        })
    };
    for (section, key, types) in [
        ("places", "places", ["LOC", "ORG", "MISC"]),
        ("organisations", "organisations", ["ORG", "LOC", "MISC"]),
    ] {
        let all: BTreeSet<String> = strs(&gold[key]).into_iter().collect();
        let found: BTreeSet<String> = all
            .iter()
            .filter(|x| find_ent(x, &types))
            .cloned()
            .collect();
        let miss: Vec<String> = all.difference(&found).cloned().collect();
        report.push((
            section.into(),
            (
                found.len() as f64,
                strs(&gold[key]).len() as f64,
                format!("missing: {}", miss.join(", ")),
            ),
        ));
    }
    let fp: Vec<String> = strs(&gold["not_entities"])
        .into_iter()
        .filter(|x| {
            ents.iter()
                .any(|e| norm(x) == norm(e["name"].as_str().unwrap_or("")))
        })
        .collect();
    report.push((
        "false entities (lower is better)".into(),
        (fp.len() as f64, 0.0, fp.join(", ")),
    ));

    // quotes
    let quotes = story["quotes"].as_array().unwrap_or(&empty);
    let (mut qf, mut qmiss) = (0.0, Vec::new());
    let gold_quotes = gold["quotes"].as_array().unwrap_or(&empty);
    for q in gold_quotes {
        let sp = norm(q["speaker"].as_str().unwrap_or(""));
        let m = match_lists(&q["match"]);
        let want = ids(&q["articles"]);
        let arts: BTreeSet<String> = quotes
            .iter()
            .filter(|x| {
                norm(x["speaker"].as_str().unwrap_or("")).contains(&sp)
                    && has_all(x["text"].as_str().unwrap_or(""), &m)
            })
            .filter_map(|x| x["article"].as_str().map(str::to_string))
            .filter(|a| want.contains(a))
            .collect();
        if arts.is_empty() {
            qmiss.push(format!(
                "{}:{}",
                q["speaker"].as_str().unwrap_or(""),
                m.first()
                    .and_then(|a| a.first())
                    .cloned()
                    .unwrap_or_default()
            ));
            continue;
        }
        qf += 0.6 + 0.4 * arts.len() as f64 / want.len().max(1) as f64;
    }
    report.push((
        "quotes".into(),
        (
            (qf * 100.0).round() / 100.0,
            gold_quotes.len() as f64,
            format!("missing: {}", qmiss.join("; ")),
        ),
    ));
    let unattributed = quotes
        .iter()
        .filter(|x| x["speaker"].as_str().is_none_or(str::is_empty))
        .count();
    report.push((
        "quotes without speaker (info)".into(),
        (unattributed as f64, quotes.len() as f64, String::new()),
    ));

    // timeline
    let tl = story["timeline"].as_array().unwrap_or(&empty);
    let (mut tf, mut tmiss) = (0.0, Vec::new());
    let gold_tl = gold["timeline"].as_array().unwrap_or(&empty);
    for t in gold_tl {
        let date = t["date"].as_str().unwrap_or("");
        let m = match_lists(&t["match"]);
        let want = ids(&t["articles"]);
        let ok = tl.iter().any(|x| {
            x["date"].as_str().unwrap_or("").starts_with(date)
                && has_all(x["text"].as_str().unwrap_or(""), &m)
                && !arts_of(x).is_disjoint(&want)
        });
        if ok {
            tf += 1.0;
        } else {
            tmiss.push(format!(
                "{date}:{}",
                m.first()
                    .and_then(|a| a.first())
                    .cloned()
                    .unwrap_or_default()
            ));
        }
    }
    report.push((
        "timeline".into(),
        (
            tf,
            gold_tl.len() as f64,
            format!("missing: {}", tmiss.join("; ")),
        ),
    ));

    // facts
    let facts = story["facts"].as_array().unwrap_or(&empty);
    let fact_text = |f: &Value| -> String {
        let mut parts = vec![f["text"].as_str().unwrap_or("").to_string()];
        for e in f["evidence"].as_array().unwrap_or(&empty) {
            parts.push(e["text"].as_str().unwrap_or("").to_string());
        }
        parts.join(" ")
    };
    let (mut ff, mut fmiss) = (0.0, Vec::new());
    let gold_facts = gold["facts"].as_array().unwrap_or(&empty);
    for g in gold_facts {
        let m = match_lists(&g["match"]);
        let want = ids(&g["articles"]);
        let min_o = g["min_origins"].as_u64().unwrap_or(0);
        let mut best: f64 = 0.0;
        for f in facts.iter().filter(|f| has_all(&fact_text(f), &m)) {
            let cover = want.intersection(&arts_of(f)).count() as f64 / want.len().max(1) as f64;
            let orig = if f["origins"].as_u64().unwrap_or(0) >= min_o {
                1.0
            } else {
                0.0
            };
            best = best.max(0.6 * cover + 0.4 * orig);
        }
        ff += best;
        if best < 1.0 {
            fmiss.push(format!(
                "{}={best:.1}",
                m.first()
                    .and_then(|a| a.first())
                    .cloned()
                    .unwrap_or_default()
            ));
        }
    }
    report.push((
        "facts".into(),
        (
            (ff * 100.0).round() / 100.0,
            gold_facts.len() as f64,
            format!("partial: {}", fmiss.join("; ")),
        ),
    ));
    let gold_single = gold["single_source"].as_array().unwrap_or(&empty);
    let mut sf = 0.0;
    for g in gold_single {
        let id = letters
            .get(g["article"].as_str().unwrap_or(""))
            .cloned()
            .unwrap_or_default();
        let m = match_lists(&g["match"]);
        let only: BTreeSet<String> = [id].into();
        if facts
            .iter()
            .any(|f| arts_of(f) == only && has_all(&fact_text(f), &m))
        {
            sf += 1.0;
        }
    }
    report.push((
        "single-source facts".into(),
        (sf, gold_single.len() as f64, String::new()),
    ));

    // divergences
    let dv = story["divergences"].as_array().unwrap_or(&empty);
    let gold_dv = gold["divergences"].as_array().unwrap_or(&empty);
    let mut df = 0.0;
    for g in gold_dv {
        let m = match_lists(&g["match"]);
        let sides = g["sides"].as_array().cloned().unwrap_or_default();
        let (a, b) = (
            ids(sides.first().unwrap_or(&null)),
            ids(sides.get(1).unwrap_or(&null)),
        );
        let ok = dv.iter().any(|d| {
            let vars = d["variants"].as_array().unwrap_or(&empty);
            let mut text = d["summary"].as_str().unwrap_or("").to_string();
            for v in vars {
                text.push(' ');
                text.push_str(v["text"].as_str().unwrap_or(""));
            }
            let vs: Vec<BTreeSet<String>> = vars.iter().map(arts_of).collect();
            let sides_ok = vs.iter().any(|v| !v.is_disjoint(&a) && v.is_disjoint(&b))
                && vs.iter().any(|v| !v.is_disjoint(&b) && v.is_disjoint(&a));
            has_all(&text, &m) && sides_ok
        });
        df += f64::from(u8::from(ok));
    }
    report.push((
        "divergences".into(),
        (df, gold_dv.len() as f64, format!("{} reported", dv.len())),
    ));

    // wire copy
    let wc = story["wire_copy"].as_array().unwrap_or(&empty);
    let pairs: BTreeSet<BTreeSet<String>> = wc.iter().map(arts_of).collect();
    let want: BTreeSet<BTreeSet<String>> = gold["wire_copy"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .map(|w| ids(&w["articles"]))
        .collect();
    let mut allowed = want.clone();
    for p in [["A", "B"], ["B", "C"]] {
        allowed.insert(ids(&serde_json::json!(p)));
    }
    report.push((
        "wire copy".into(),
        (
            want.intersection(&pairs).count() as f64,
            want.len() as f64,
            format!("{} unexpected pairs", pairs.difference(&allowed).count()),
        ),
    ));

    // briefing
    let br = story["briefing"].as_array().unwrap_or(&empty);
    let mut cited = 0usize;
    for s in br {
        let cs = s["citations"].as_array().unwrap_or(&empty);
        let mut okc = !cs.is_empty();
        for c in cs {
            let a = c["article"].as_str().and_then(|id| articles.get(id));
            let len = a
                .and_then(|a| a["text"].as_str())
                .map(|t| t.chars().count());
            let (st, en) = (
                c["start"].as_i64().unwrap_or(-1),
                c["end"].as_i64().unwrap_or(-1),
            );
            match len {
                Some(l) if 0 <= st && st < en && en <= l as i64 => {}
                _ => okc = false,
            }
        }
        cited += usize::from(okc);
    }
    let nb = br.len();
    report.push((
        "briefing".into(),
        (
            if (5..=12).contains(&nb) {
                cited as f64
            } else {
                0.0
            },
            nb.max(5) as f64,
            format!("{nb} sentences, {cited} with valid citations"),
        ),
    ));

    // boilerplate
    let mut stmts = Vec::new();
    for list in [quotes, facts, tl, br] {
        for x in list {
            stmts.push(x["text"].as_str().unwrap_or("").to_string());
        }
    }
    let stmts = norm(&stmts.join(" "));
    let leaks: Vec<String> = strs(&gold["boilerplate"])
        .into_iter()
        .filter(|b| stmts.contains(&norm(b)))
        .collect();
    report.push((
        "boilerplate leaks (lower is better)".into(),
        (leaks.len() as f64, 0.0, leaks.join(", ")),
    ));

    let weights: BTreeMap<&str, f64> = [
        ("stories", 2.0),
        ("published", 1.0),
        ("persons", 2.0),
        ("places", 1.0),
        ("organisations", 1.0),
        ("quotes", 3.0),
        ("timeline", 2.0),
        ("facts", 2.0),
        ("single-source facts", 1.0),
        ("divergences", 2.0),
        ("wire copy", 1.0),
        ("briefing", 1.0),
    ]
    .into();
    let (mut total, mut wsum) = (0.0, 0.0);
    for (k, (got, of, _)) in &report {
        if let Some(w) = weights.get(k.as_str()) {
            total += w * if *of > 0.0 { got / of } else { 0.0 };
            wsum += w;
        }
    }
    let pen = |k: &str| report.iter().find(|r| r.0 == k).map_or(0.0, |r| r.1 .0);
    let penalty = 0.02
        * (pen("false entities (lower is better)")
            + pen("person splits (lower is better)")
            + pen("boilerplate leaks (lower is better)"));
    let score = (total / wsum - penalty).max(0.0);
    (report, score)
}

/// The seed articles' folder and the parsed `gold/seeds.json` under `shared`; `None` (after
/// saying that `task` is skipped) when either is absent.
pub fn seed_gold(shared: &Path, task: &str) -> anyhow::Result<Option<(PathBuf, Value)>> {
    let seeds = shared.join("corpus/seeds");
    let gold_path = shared.join("gold/seeds.json");
    if !seeds.is_dir() || !gold_path.is_file() {
        println!(
            "{task}: skipped ({} or {} absent)",
            seeds.display(),
            gold_path.display()
        );
        return Ok(None);
    }
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(&gold_path).with_context(|| gold_path.display().to_string())?,
    )
    .with_context(|| format!("parsing {}", gold_path.display()))?;
    Ok(Some((seeds, gold)))
}

/// Run the task against the data under `shared`.
pub fn run(shared: &Path) -> anyhow::Result<()> {
    let Some((seeds, gold)) = seed_gold(shared, "seeds")? else {
        return Ok(());
    };
    let analysis: Analysis = crate::stories::analyze_paths(&[seeds])?;
    let out = serde_json::to_value(&analysis)?;
    let (report, score) = score(&gold, &out);
    print_report(&report);
    println!(
        "seeds: {score:.3} (weighted share of gold found, minus 0.02 per false entity, split person or leak)"
    );
    Ok(())
}

/// Print a scored report, one line per section (cut to 400 characters), as the reference
/// scorer does.
fn print_report(report: &[(String, Section)]) {
    for (k, (got, of, note)) in report {
        let line = format!("{k:38} {got}/{of}  {note}");
        println!("{}", line.chars().take(400).collect::<String>());
    }
}

/// Task `sets`: every story set of the project's own fixtures that has a hand-made gold file
/// (`resources/gold/SET.json`, written from the texts alone in the format of `gold/seeds.json`)
/// is analysed on its own (`crates/story/tests/fixtures/SET`) and scored by the same rules.
/// Prints each set's sections and score and the mean over the sets. Needs no shared data.
pub fn run_sets(_shared: &Path) -> anyhow::Result<()> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold_dir = here.join("resources/gold");
    let fixtures = here.join("../story/tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gold_dir)
        .with_context(|| gold_dir.display().to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut scores = Vec::new();
    for path in &files {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(path).with_context(|| path.display().to_string())?,
        )
        .with_context(|| format!("parsing {}", path.display()))?;
        let analysis = crate::stories::analyze_paths(&[fixtures.join(name)])?;
        let (report, score) = score(&gold, &serde_json::to_value(&analysis)?);
        println!("-- {name}");
        print_report(&report);
        println!("{name}: {score:.3}");
        scores.push((name.to_string(), score));
    }
    let mean = scores.iter().map(|s| s.1).sum::<f64>() / scores.len().max(1) as f64;
    let each: Vec<String> = scores.iter().map(|(n, s)| format!("{n} {s:.3}")).collect();
    println!(
        "sets: mean {mean:.3} over {} sets ({})",
        scores.len(),
        each.join(", ")
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_rules() {
        assert_eq!(norm("Straße"), "strasse");
        let m = vec![vec!["fünf Stunden".to_string(), "fünfstündig".to_string()]];
        assert!(has_all("Die FÜNFSTÜNDIGEN Gespräche", &m));
        assert!(!has_all("drei Stunden", &m));
    }
}
