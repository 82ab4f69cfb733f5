//! Stopword lists (function words) per language, from `resources/<lang>/stopwords.txt`.

use std::collections::HashSet;
use std::sync::OnceLock;

fn parse(text: &'static str) -> HashSet<&'static str> {
    crate::tokenize::data_lines(text)
        .flat_map(str::split_whitespace)
        .collect()
}

fn list(lang: &str) -> &'static HashSet<&'static str> {
    static DE: OnceLock<HashSet<&'static str>> = OnceLock::new();
    static EN: OnceLock<HashSet<&'static str>> = OnceLock::new();
    match lang {
        "en" => EN.get_or_init(|| parse(include_str!("../resources/en/stopwords.txt"))),
        _ => DE.get_or_init(|| parse(include_str!("../resources/de/stopwords.txt"))),
    }
}

/// True when `word` (any case) is a function word of the language (`en`, else German).
pub fn is_stopword(lang: &str, word: &str) -> bool {
    let set = list(lang);
    if word.chars().any(char::is_uppercase) {
        set.contains(word.to_lowercase().as_str())
    } else {
        set.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_only() {
        assert!(is_stopword("de", "Die"));
        assert!(is_stopword("de", "über"));
        assert!(is_stopword("de", "zwischen"));
        assert!(!is_stopword("de", "Kreml"));
        assert!(!is_stopword("de", "Verhandlungen"));
        assert!(is_stopword("en", "The"));
        assert!(!is_stopword("en", "Kremlin"));
    }
}
