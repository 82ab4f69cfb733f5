//! English words by the German word of the same meaning (`resources/en/de_words.tsv`, written
//! for the project): English names of places and common news words, so that English reports
//! can be compared with German ones and English place names are known as places.

use crate::tokenize::data_lines;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const EN_DE: &str = include_str!("../resources/en/de_words.tsv");

/// English words of the list `resources/en/de_words.tsv` by their Snowball stem → the German
/// word of the same meaning (`earthquake` → `Erdbeben`, `russia` → `Russland`); entries of
/// several words (`north korea`) are kept whole, for names. The first entry of a stem wins.
fn english_to_german() -> &'static FxHashMap<String, &'static str> {
    static M: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = FxHashMap::default();
        for line in data_lines(EN_DE) {
            let Some((en, de)) = line.split_once('\t') else {
                continue;
            };
            let (en, de) = (en.trim(), de.trim());
            if en.is_empty() || de.is_empty() {
                continue;
            }
            let k = if en.contains(' ') {
                en.to_lowercase()
            } else {
                crate::stem::stem("en", en)
            };
            m.entry(k).or_insert(de);
        }
        m
    })
}

/// The German word of the same meaning as an English word or name as written, when the list
/// `resources/en/de_words.tsv` has it (`Munich` → `München`, `elections` → `Wahl`).
pub fn german_equivalent(english: &str) -> Option<&'static str> {
    let m = english_to_german();
    if english.contains(' ') {
        return m.get(english.to_lowercase().as_str()).copied();
    }
    m.get(crate::stem::stem("en", english).as_str()).copied()
}
