//! Stems for matching words across inflections (Snowball, via `rust-stemmers`).

use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::sync::OnceLock;

fn stemmer(lang: &str) -> &'static Stemmer {
    static DE: OnceLock<Stemmer> = OnceLock::new();
    static EN: OnceLock<Stemmer> = OnceLock::new();
    match lang {
        "en" => EN.get_or_init(|| Stemmer::create(Algorithm::English)),
        _ => DE.get_or_init(|| Stemmer::create(Algorithm::German)),
    }
}

/// The Snowball stem of a word, lower-cased (`Verhandlungen` → `verhandl`).
///
/// `lang` is an ISO 639-1 code; `en` selects English, anything else German.
pub fn stem(lang: &str, word: &str) -> String {
    let lower = word.to_lowercase();
    match stemmer(lang).stem(&lower) {
        Cow::Borrowed(s) => s.to_string(),
        Cow::Owned(s) => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_inflections_share_a_stem() {
        assert_eq!(stem("de", "Verhandlungen"), stem("de", "Verhandlung"));
        assert_eq!(stem("de", "Gesprächen"), stem("de", "Gespräch"));
        assert_eq!(stem("de", "Sanktionen"), stem("de", "sanktion"));
        assert_ne!(stem("de", "Frieden"), stem("de", "Krieg"));
    }

    #[test]
    fn english_inflections_share_a_stem() {
        assert_eq!(stem("en", "talks"), stem("en", "talk"));
        assert_eq!(stem("en", "negotiations"), stem("en", "negotiation"));
    }
}
