//! Labels of the reports and of divergence summaries in the story's language
//! (`resources/<lang>/labels.txt`); German for a language without its own labels.

use std::collections::HashMap;
use std::sync::OnceLock;

const DE: &str = include_str!("../resources/de/labels.txt");
const EN: &str = include_str!("../resources/en/labels.txt");

/// `key = text` lines (`#` comments and blank lines skipped).
fn table(text: &'static str) -> HashMap<&'static str, &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim(), v))
        .collect()
}

/// The label `key` in `lang`, falling back to German (and to the key itself, which a test
/// rules out for every key used).
pub fn label(lang: &str, key: &'static str) -> &'static str {
    static TABLES: OnceLock<[HashMap<&'static str, &'static str>; 2]> = OnceLock::new();
    let [de, en] = TABLES.get_or_init(|| [table(DE), table(EN)]);
    let own = if lang == "en" { en.get(key) } else { None };
    own.or_else(|| de.get(key)).copied().unwrap_or(key)
}

/// The label `key` in `lang` with `{0}`, `{1}` … replaced by `args`.
pub fn fill(lang: &str, key: &'static str, args: &[&str]) -> String {
    let mut out = label(lang, key).to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

/// The labels' language (`en` or `de`) for texts in `langs`: the language most of them are
/// in (the first of equally frequent ones), German where that has no labels of its own.
pub fn majority<'a>(langs: impl Iterator<Item = &'a str>) -> &'static str {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for l in langs {
        match counts.iter_mut().find(|(x, _)| *x == l) {
            Some((_, n)) => *n += 1,
            None => counts.push((l, 1)),
        }
    }
    let mut best: Option<(&str, usize)> = None;
    for (l, n) in counts {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((l, n));
        }
    }
    match best {
        Some(("en", _)) => "en",
        _ => "de",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key() {
        let de = table(DE);
        let en = table(EN);
        let mut a: Vec<&&str> = de.keys().collect();
        let mut b: Vec<&&str> = en.keys().collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
        assert_eq!(label("en", "timeline"), "Timeline");
        assert_eq!(label("fr", "timeline"), "Zeitleiste");
        assert_eq!(
            fill("de", "meta", &["3", "2", "undatiert"]),
            "3 Artikel, 2 unabhängige Quellen, undatiert"
        );
        assert_eq!(majority(["en", "de", "en"].into_iter()), "en");
        assert_eq!(majority(std::iter::empty()), "de");
        assert_eq!(majority(["fr", "fr", "en"].into_iter()), "de");
    }
}
