//! Evaluation task `timex`: temporal expressions on WikiWarsDE (inline TIMEX2 files), scored
//! exactly as `eval/score_timex.py`: strict (exact span) and lenient (overlap) P/R/F1, value
//! accuracy on lenient matches, and lenient+value F1 (a lenient match counts only when the
//! value is equal too). Each document's creation date comes from its `<DATETIME>`.

use crate::metrics::f1;
use anyhow::Context;
use lagebild_nlp::time::{grammar, Date};
use std::collections::BTreeSet;
use std::path::Path;

/// One gold document: text with tags removed, outermost expressions, creation date.
struct GoldDoc {
    name: String,
    text: String,
    spans: Vec<(usize, usize, String)>,
    dct: String,
}

/// Parse an inline-TIMEX2 document the way the reference scorer does (char offsets).
fn parse(raw: &str) -> GoldDoc {
    let dct = raw
        .find("<DATETIME>")
        .and_then(|i| {
            let rest = &raw[i..];
            let v = rest.find("val=\"")? + 5;
            let end = rest[v..].find('"')?;
            Some(rest[v..v + end].chars().take(10).collect::<String>())
        })
        .unwrap_or_default();
    let body = raw
        .split_once("<TEXT>")
        .map_or("", |(_, b)| b.split_once("</TEXT>").map_or(b, |(b, _)| b));
    let mut text = String::with_capacity(body.len());
    let mut chars = 0usize;
    let mut spans = Vec::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut rest = body;
    loop {
        let open = rest.find("<TIMEX2");
        let close = rest.find("</TIMEX2>");
        let (at, is_close) = match (open, close) {
            (Some(o), Some(c)) if c < o => (c, true),
            (Some(o), _) => (o, false),
            (None, Some(c)) => (c, true),
            (None, None) => break,
        };
        let before = &rest[..at];
        text.push_str(before);
        chars += before.chars().count();
        if is_close {
            if let Some((start, val)) = stack.pop() {
                if stack.is_empty() {
                    spans.push((start, chars, val));
                }
            }
            rest = &rest[at + "</TIMEX2>".len()..];
        } else {
            // `<TIMEX2([^>]*)>`; a tag without `>` ends the scan like the regex would skip it.
            let Some(gt) = rest[at..].find('>') else {
                text.push_str(&rest[at..]);
                rest = "";
                break;
            };
            let attrs = &rest[at + "<TIMEX2".len()..at + gt];
            let val = attrs
                .find("val=\"")
                .and_then(|v| {
                    let s = &attrs[v + 5..];
                    s.find('"').map(|e| s[..e].to_string())
                })
                .unwrap_or_default();
            stack.push((chars, val));
            rest = &rest[at + gt + 1..];
        }
    }
    text.push_str(rest);
    GoldDoc {
        name: String::new(),
        text,
        spans,
        dct,
    }
}

/// The scorer's value normalisation: trimmed, upper case, a trailing `T00:00(:00)` removed.
fn norm_val(v: &str) -> String {
    let v = v.trim().to_uppercase();
    for suffix in ["T00:00:00", "T00:00"] {
        if let Some(s) = v.strip_suffix(suffix) {
            return s.to_string();
        }
    }
    v
}

/// Counts for the four figures.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    strict: [usize; 3],
    lenient: [usize; 3],
    val_ok: usize,
    val_n: usize,
}

/// Score one document's predictions `(start, end, value)` against its gold spans.
fn score_doc(gold: &[(usize, usize, String)], pred: &[(usize, usize, String)], c: &mut Counts) {
    let gs: BTreeSet<(usize, usize)> = gold.iter().map(|(a, b, _)| (*a, *b)).collect();
    let ps: BTreeSet<(usize, usize)> = pred.iter().map(|(a, b, _)| (*a, *b)).collect();
    c.strict[0] += gs.intersection(&ps).count();
    c.strict[1] += ps.difference(&gs).count();
    c.strict[2] += gs.difference(&ps).count();
    let mut used = vec![false; pred.len()];
    let mut hit = 0;
    for (a, b, v) in gold {
        let m = pred
            .iter()
            .enumerate()
            .find(|(j, (s, e, _))| !used[*j] && s < b && a < e);
        if let Some((j, (_, _, pv))) = m {
            used[j] = true;
            hit += 1;
            c.val_n += 1;
            c.val_ok += usize::from(norm_val(v) == norm_val(pv));
        }
    }
    c.lenient[0] += hit;
    c.lenient[1] += used.iter().filter(|u| !**u).count();
    c.lenient[2] += gold.len() - hit;
}

fn ratio(a: usize, b: usize) -> f64 {
    a as f64 / b.max(1) as f64
}

/// The four figures, printed like the reference scorer.
fn report(c: &Counts) -> String {
    let [st, sf, sn] = c.strict;
    let [lt, lf, ln] = c.lenient;
    let va = ratio(c.val_ok, c.val_n);
    let lv = f1(c.val_ok, lf + (lt - c.val_ok), ln + (lt - c.val_ok));
    format!(
        "strict  P {:.3} R {:.3} F1 {:.3}\n\
         lenient P {:.3} R {:.3} F1 {:.3}\n\
         value accuracy on lenient matches {:.3} of {}\n\
         timex: lenient F1 {:.3} value accuracy {:.3} lenient+value F1 {:.3}",
        ratio(st, st + sf),
        ratio(st, st + sn),
        f1(st, sf, sn),
        ratio(lt, lt + lf),
        ratio(lt, lt + ln),
        f1(lt, lf, ln),
        va,
        c.val_n,
        f1(lt, lf, ln),
        va,
        lv
    )
}

/// The acceptance checks on the seed articles: (article letter, expression text, expected
/// value prefix).
const SEED_CHECKS: &[(&str, &str, &str)] = &[
    ("A", "Dienstagabend", "2025-12-02"),
    ("E", "Donnerstag", "2025-12-04"),
    ("C", "Oktober", "2025-10"),
    ("C", "20. Januar dieses Jahres", "2025-01-20"),
    ("C", "vor zwei Wochen", "2025-11"),
];

/// Tag the seed articles with their reference publication dates and check the acceptance
/// expressions: an article passes a check when one expression with that text has a value
/// starting with the expected prefix.
fn seeds(shared: &Path) -> anyhow::Result<()> {
    let gold_path = shared.join("gold/seeds.json");
    let seed_dir = shared.join("corpus/seeds");
    let Ok(raw) = std::fs::read_to_string(&gold_path) else {
        println!("timex seeds: skipped, {} not found", gold_path.display());
        return Ok(());
    };
    let gold: serde_json::Value =
        serde_json::from_str(&raw).with_context(|| format!("parsing {}", gold_path.display()))?;
    let g = grammar("de")?;
    let mut passed = 0;
    for (letter, expr, want) in SEED_CHECKS {
        let stem = gold["articles"][letter].as_str().unwrap_or_default();
        let date = gold["published"][letter].as_str().unwrap_or_default();
        let path = seed_dir.join(format!("{stem}.txt"));
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let found = g.tag(&text, Date::parse(date));
        let values: Vec<&str> = found
            .iter()
            .filter(|t| t.text == *expr)
            .map(|t| t.value.as_str())
            .collect();
        let ok = values.iter().any(|v| v.starts_with(want));
        passed += usize::from(ok);
        println!(
            "timex seeds: {} {stem} ({date}) {expr:?} -> {values:?} (want {want}…)",
            if ok { "ok  " } else { "FAIL" }
        );
    }
    println!("timex seeds: {passed} of {} checks pass", SEED_CHECKS.len());
    Ok(())
}

/// Run the task against the data under `shared`.
pub fn run(shared: &Path) -> anyhow::Result<()> {
    seeds(shared)?;
    let dir = shared.join("data/wikiwarsde");
    if !dir.is_dir() {
        println!(
            "timex: skipped, {} not found (WikiWarsDE lives in ../shared/data)",
            dir.display()
        );
        return Ok(());
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".xml") || n.ends_with(".sgm"))
        .collect();
    names.sort();
    let g = grammar("de")?;
    let mut docs = Vec::new();
    for n in names {
        let raw = std::fs::read_to_string(dir.join(&n))
            .with_context(|| format!("reading {}", dir.join(&n).display()))?;
        let mut doc = parse(&raw);
        doc.name = n;
        docs.push(doc);
    }
    let mut counts = Counts::default();
    let mut bytes = 0usize;
    let started = std::time::Instant::now();
    for doc in &docs {
        let pred: Vec<(usize, usize, String)> = g
            .tag(&doc.text, Date::parse(&doc.dct))
            .into_iter()
            .map(|t| (t.span.start, t.span.end, t.value))
            .collect();
        bytes += doc.text.len();
        score_doc(&doc.spans, &pred, &mut counts);
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "timex: {} WikiWarsDE documents, {} gold expressions, creation date from each file",
        docs.len(),
        docs.iter().map(|d| d.spans.len()).sum::<usize>()
    );
    println!("{}", report(&counts));
    println!(
        "timex: tagged {:.2} MB in {:.3} s",
        bytes as f64 / 1e6,
        secs
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_tags_like_the_scorer() {
        let raw = "<DOC><DATETIME> <TIMEX2 val=\"2011-02-16T17:00:00\">x</TIMEX2> </DATETIME>\
                   <TEXT>Am <TIMEX2 val=\"1939-09-01\">1. September <TIMEX2 val=\"1939\">1939</TIMEX2></TIMEX2> \
                   und <TIMEX2>später</TIMEX2>.</TEXT></DOC>";
        let d = parse(raw);
        assert_eq!(d.dct, "2011-02-16");
        assert_eq!(d.text, "Am 1. September 1939 und später.");
        assert_eq!(
            d.spans,
            vec![(3, 20, "1939-09-01".to_string()), (25, 31, String::new())]
        );
    }

    #[test]
    fn scoring_matches_the_reference_definitions() {
        let gold = vec![(0, 5, "1939".to_string()), (10, 15, "1940-05".to_string())];
        let pred = vec![
            (0, 5, "1939".to_string()),
            (12, 20, "1941".to_string()),
            (30, 35, "PRESENT_REF".to_string()),
        ];
        let mut c = Counts::default();
        score_doc(&gold, &pred, &mut c);
        assert_eq!(c.strict, [1, 2, 1]);
        assert_eq!(c.lenient, [2, 1, 0]);
        assert_eq!((c.val_ok, c.val_n), (1, 2));
        assert!(report(&c).ends_with("lenient+value F1 0.400"));
        assert_eq!(norm_val(" 1939-09-01t00:00 "), "1939-09-01");
    }
}
