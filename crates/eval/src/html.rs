//! Evaluation task `html`: main-text extraction.
//!
//! Two methods, both replicating `eval/score_html.py`:
//! - `snippets` (trafilatura's evaluation): on `data/html-de-trafilatura`, the share of `with`
//!   snippets found in the extracted text (recall) and of `without` snippets absent from it;
//!   precision = kept / (kept + `without` snippets that leaked), F1 of the two;
//! - `zyte` (the article-extraction-benchmark method): word 4-gram shingles, per page TP/FP/FN
//!   normalised to sum 1, precision and recall averaged over pages, F1 of the averages. Run on
//!   every `data/*/` directory holding `ground-truth.json` (id → `{articleBody}`) and
//!   `html/<id>.html(.gz)`.
//!
//! Built with `--features compare-html`, the snippets run also scores the candidates that lost
//! (see `docs/extraction.md`), each on the same decoded pages.

use anyhow::{Context, Result};
use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Run the task against the data under `shared`.
pub fn run(shared: &Path) -> Result<()> {
    let data = shared.join("data");
    let traf = data.join("html-de-trafilatura");
    if traf.join("evaldata.json").is_file() {
        run_snippets(&traf)?;
    } else {
        println!(
            "html: skipped snippets: {} not found",
            traf.join("evaldata.json").display()
        );
    }
    let mut zyte_dirs: Vec<PathBuf> = std::fs::read_dir(&data)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.join("ground-truth.json").is_file())
                .collect()
        })
        .unwrap_or_default();
    zyte_dirs.sort();
    for dir in zyte_dirs {
        run_zyte(&dir)?;
    }
    Ok(())
}

/// Read a page (`.gz` or plain) and decode it as the CLI does.
fn read_page(path: &Path) -> Result<String> {
    let raw = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .with_context(|| format!("gunzip {}", path.display()))?;
        out
    } else {
        raw
    };
    lagebild_ingest::decode::decode_markup(&bytes, None)
        .with_context(|| format!("decoding {}", path.display()))
}

/// Extract and time one page.
fn extract_timed(html: &str, url: Option<&str>, total: &mut Duration) -> String {
    let t = Instant::now();
    let e = lagebild_ingest::html::extract(html, url);
    *total += t.elapsed();
    e.text
}

/// An extractor under test: decoded page and URL in, main text out.
type Extractor = fn(&str, Option<&str>) -> String;

fn ours(html: &str, url: Option<&str>) -> String {
    lagebild_ingest::html::extract(html, url).text
}

fn run_snippets(dir: &Path) -> Result<()> {
    score_snippets(dir, "lagebild", ours)?;
    #[cfg(feature = "compare-html")]
    for (name, f) in candidates::ALL {
        score_snippets(dir, name, *f)?;
    }
    Ok(())
}

fn score_snippets(dir: &Path, name: &str, extractor: Extractor) -> Result<()> {
    let path = dir.join("evaldata.json");
    let ev: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&path)?)
            .with_context(|| format!("parsing {}", path.display()))?;
    let mut keys: Vec<&String> = ev.keys().collect();
    keys.sort();
    let mut s = SnippetScore::default();
    let mut total = Duration::ZERO;
    let mut bytes = 0usize;
    for url in &keys {
        let v = &ev[*url];
        let file = v["file"].as_str().context("entry without file")?;
        let mut page = dir.join("pages").join(format!("{file}.gz"));
        if !page.is_file() {
            page = dir.join("pages").join(file);
        }
        let html = read_page(&page)?;
        bytes += html.len();
        let t = Instant::now();
        let text = extractor(&html, Some(url));
        total += t.elapsed();
        let list = |k: &str| -> Vec<String> {
            v.get(k)
                .and_then(|a| a.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        if std::env::var_os("HDUMP").is_some() {
            let miss: Vec<String> = list("with")
                .into_iter()
                .filter(|w| !text.contains(w.as_str()))
                .collect();
            let leak: Vec<String> = list("without")
                .into_iter()
                .filter(|w| text.contains(w.as_str()))
                .collect();
            if !miss.is_empty() || !leak.is_empty() {
                println!(
                    "PAGE {file} {url} textlen={} miss={} leak={}",
                    text.chars().count(),
                    miss.len(),
                    leak.len()
                );
                for m in &miss {
                    println!("  MISS {m:?}");
                }
                for l in &leak {
                    println!("  LEAK {l:?}");
                }
            }
        }
        s.add(&text, &list("with"), &list("without"));
    }
    let n = keys.len().max(1);
    println!(
        "html: {name}: snippets F1 {:.3} (P {:.3} R {:.3}; kept {}/{}, avoided {}/{}; {} pages)",
        s.f1(),
        s.precision(),
        s.recall(),
        s.kept,
        s.with,
        s.avoided,
        s.without,
        keys.len()
    );
    println!(
        "html: {name}: {:.2} ms/page, {:.1} MB/s ({} pages, {:.1} MB of HTML)",
        total.as_secs_f64() * 1000.0 / n as f64,
        bytes as f64 / 1e6 / total.as_secs_f64().max(1e-9),
        keys.len(),
        bytes as f64 / 1e6
    );
    Ok(())
}

fn run_zyte(dir: &Path) -> Result<()> {
    let path = dir.join("ground-truth.json");
    let gt: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&path)?)
            .with_context(|| format!("parsing {}", path.display()))?;
    let mut keys: Vec<&String> = gt.keys().collect();
    keys.sort();
    let mut pages = Vec::new();
    let mut total = Duration::ZERO;
    for key in &keys {
        let v = &gt[*key];
        let truth = v.get("articleBody").and_then(|b| b.as_str()).unwrap_or("");
        let url = v.get("url").and_then(|u| u.as_str());
        let candidates = [
            dir.join("html").join(format!("{key}.html.gz")),
            dir.join("html").join(format!("{key}.html")),
        ];
        let text = match candidates.iter().find(|p| p.is_file()) {
            Some(p) => extract_timed(&read_page(p)?, url, &mut total),
            None => String::new(),
        };
        pages.push(zyte_page(truth, &text));
    }
    let (p, r, f1) = zyte_score(&pages);
    println!(
        "html: zyte F1 {f1:.3} (P {p:.3} R {r:.3}, {} pages) in {}; {:.2} ms/page",
        keys.len(),
        dir.display(),
        total.as_secs_f64() * 1000.0 / keys.len().max(1) as f64
    );
    Ok(())
}

/// The candidates that lost, kept measurable (`--features compare-html`).
#[cfg(feature = "compare-html")]
mod candidates {
    use super::Extractor;

    /// Name and extractor of each candidate.
    pub const ALL: &[(&str, Extractor)] = &[
        ("trafilatura (plain text)", trafilatura_plain),
        ("trafilatura + fallbacks (plain text)", trafilatura_fallback),
        ("rs-trafilatura", rs_trafilatura),
        ("dom_smoothie", dom_smoothie),
    ];

    fn trafilatura_with(html: &str, url: Option<&str>, fallback: bool) -> String {
        let mut o = trafilatura::Options::default();
        o.exclude_comments = true;
        o.enable_fallback = fallback;
        o.original_url = url.and_then(|u| url::Url::parse(u).ok());
        trafilatura::extract(html, &o)
            .map(|r| r.content_text)
            .unwrap_or_default()
    }

    fn trafilatura_plain(html: &str, url: Option<&str>) -> String {
        trafilatura_with(html, url, false)
    }

    fn trafilatura_fallback(html: &str, url: Option<&str>) -> String {
        trafilatura_with(html, url, true)
    }

    fn rs_trafilatura(html: &str, _url: Option<&str>) -> String {
        rs_trafilatura::extract(html)
            .map(|r| r.content_text)
            .unwrap_or_default()
    }

    fn dom_smoothie(html: &str, url: Option<&str>) -> String {
        let cfg = dom_smoothie::Config {
            text_mode: dom_smoothie::TextMode::Formatted,
            ..Default::default()
        };
        dom_smoothie::Readability::new(html, url, Some(cfg))
            .and_then(|mut r| r.parse())
            .map(|a| a.text_content.to_string())
            .unwrap_or_default()
    }
}

/// Running totals of the `snippets` method.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SnippetScore {
    /// `with` snippets seen.
    pub with: usize,
    /// `with` snippets found in the output.
    pub kept: usize,
    /// `without` snippets seen.
    pub without: usize,
    /// `without` snippets absent from the output.
    pub avoided: usize,
}

impl SnippetScore {
    /// Score one page's output.
    pub fn add(&mut self, text: &str, with: &[String], without: &[String]) {
        for s in with {
            self.with += 1;
            self.kept += usize::from(text.contains(s.as_str()));
        }
        for s in without {
            self.without += 1;
            self.avoided += usize::from(!text.contains(s.as_str()));
        }
    }

    /// kept / (kept + leaked `without` snippets).
    pub fn precision(&self) -> f64 {
        self.kept as f64 / (self.kept + (self.without - self.avoided)).max(1) as f64
    }

    /// kept / `with`.
    pub fn recall(&self) -> f64 {
        self.kept as f64 / self.with.max(1) as f64
    }

    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Words as Python's `\w+` (Unicode): alphanumerics and `_`.
fn words(s: &str) -> Vec<&str> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(&s[st..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// Multiset of word 4-gram shingles.
fn shingles(s: &str) -> HashMap<String, usize> {
    let w = words(s);
    let mut m = HashMap::new();
    for g in w.windows(4) {
        *m.entry(g.join(" ")).or_insert(0) += 1;
    }
    m
}

/// Normalised (tp, fp, fn) of one page, as `page()` in the reference scorer.
pub fn zyte_page(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (a, b) = (shingles(truth), shingles(pred));
    let mut tp = 0usize;
    let mut fn_ = 0usize;
    for (k, &na) in &a {
        let nb = b.get(k).copied().unwrap_or(0);
        tp += na.min(nb);
        fn_ += na.saturating_sub(nb);
    }
    let fp: usize = b
        .iter()
        .map(|(k, &nb)| nb.saturating_sub(a.get(k).copied().unwrap_or(0)))
        .sum();
    let s = (tp + fp + fn_) as f64;
    if s > 0.0 {
        (tp as f64 / s, fp as f64 / s, fn_ as f64 / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// (precision, recall, F1) over pages of normalised (tp, fp, fn), as the reference `zyte` mode.
pub fn zyte_score(pages: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    for &(tp, fp, fn_) in pages {
        if fp == 0.0 && fn_ == 0.0 {
            ps.push(1.0);
            rs.push(1.0);
            continue;
        }
        ps.push(if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 });
        if tp + fn_ > 0.0 {
            rs.push(tp / (tp + fn_));
        }
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (p, r) = (mean(&ps), mean(&rs));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_count_like_the_reference() {
        let mut s = SnippetScore::default();
        s.add(
            "Der Bürgermeister eröffnete die Brücke.",
            &["Bürgermeister eröffnete".into(), "fehlt".into()],
            &["Impressum".into(), "Brücke".into()],
        );
        assert_eq!((s.with, s.kept, s.without, s.avoided), (2, 1, 2, 1));
        assert!((s.precision() - 0.5).abs() < 1e-9);
        assert!((s.recall() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn words_follow_python_w() {
        assert_eq!(
            words("Größe: 3,5 m_x — ja!"),
            vec!["Größe", "3", "5", "m_x", "ja"]
        );
    }

    #[test]
    fn zyte_perfect_and_partial() {
        let t = "eins zwei drei vier fünf sechs";
        assert_eq!(zyte_page(t, t), (1.0, 0.0, 0.0));
        // 3 shingles in truth, 2 of them predicted, 0 extra.
        let (tp, fp, fn_) = zyte_page(t, "eins zwei drei vier fünf");
        assert!((tp - 2.0 / 3.0).abs() < 1e-9 && fp == 0.0 && (fn_ - 1.0 / 3.0).abs() < 1e-9);
        // An empty page on both sides counts as perfect (fp == fn == 0).
        let (p, r, f1) = zyte_score(&[zyte_page("", ""), (0.5, 0.5, 0.0)]);
        assert!((p - 0.75).abs() < 1e-9 && (r - 1.0).abs() < 1e-9 && f1 > 0.85);
    }
}
