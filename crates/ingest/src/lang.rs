//! Language identification: German and English first, a few other European languages so that
//! they are not forced into one of the two.

use std::sync::LazyLock;
use whatlang::{Detector, Lang};

static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    Detector::with_allowlist(vec![
        Lang::Deu,
        Lang::Eng,
        Lang::Fra,
        Lang::Spa,
        Lang::Ita,
        Lang::Nld,
        Lang::Pol,
        Lang::Por,
    ])
});

/// Very frequent German and English function words: decide short texts, where trigram
/// statistics are unreliable.
const DE_WORDS: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "einen",
    "sich", "auf", "für", "von", "zu", "im", "des", "auch", "hat", "wird", "sind", "noch", "nach",
    "bei", "über", "wie", "aus", "sie", "er", "es", "wir", "ich", "sagte",
];
const EN_WORDS: &[&str] = &[
    "the", "and", "is", "not", "with", "of", "to", "in", "a", "an", "on", "for", "was", "are",
    "has", "have", "will", "by", "from", "that", "this", "it", "he", "she", "they", "we", "said",
    "at", "as", "be",
];

/// ISO 639-1 code of the text's language, or `None` when there is too little text to tell.
pub fn detect(text: &str) -> Option<&'static str> {
    let sample: String = text.chars().take(2000).collect();
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        return None;
    }
    let info = DETECTOR.detect(&sample);
    if letters < 120 {
        if let Some(short) = stopword_vote(&sample) {
            let other_reliable = info
                .as_ref()
                .is_some_and(|i| !matches!(i.lang(), Lang::Deu | Lang::Eng) && i.is_reliable());
            if !other_reliable {
                return Some(short);
            }
        }
    }
    let info = info?;
    Some(match info.lang() {
        Lang::Deu => "de",
        Lang::Eng => "en",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Ita => "it",
        Lang::Nld => "nl",
        Lang::Pol => "pl",
        Lang::Por => "pt",
        _ => return None,
    })
}

/// German or English by function words and umlauts; `None` on a tie.
fn stopword_vote(sample: &str) -> Option<&'static str> {
    let (mut de, mut en) = (0, 0);
    for w in sample.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_lowercase();
        de += usize::from(DE_WORDS.contains(&w.as_str()));
        en += usize::from(EN_WORDS.contains(&w.as_str()));
    }
    if sample.contains(['ä', 'ö', 'ü', 'ß', 'Ä', 'Ö', 'Ü']) {
        de += 1;
    }
    match de.cmp(&en) {
        std::cmp::Ordering::Greater => Some("de"),
        std::cmp::Ordering::Less => Some("en"),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn german_and_english_short_and_long() {
        let de = [
            "Die Regierung hat den Haushalt beschlossen.",
            "Streik legt Flughafen lahm",
            "Bürgermeisterin tritt zurück",
            "Neue Brücke über die Elbe eröffnet",
            "Der Kanzler reist am Montag nach Paris, um dort mit dem Präsidenten über die Lage zu sprechen.",
        ];
        let en = [
            "The government passed the budget.",
            "Strike shuts down airport",
            "Mayor resigns after scandal",
            "New bridge over the river opens",
            "The chancellor travels to Paris on Monday to discuss the situation with the president.",
        ];
        for t in de {
            assert_eq!(detect(t), Some("de"), "{t}");
        }
        for t in en {
            assert_eq!(detect(t), Some("en"), "{t}");
        }
        assert_eq!(
            detect("Le gouvernement a adopté le budget de l'année prochaine après un long débat au parlement."),
            Some("fr")
        );
        assert_eq!(detect("12 34"), None);
    }
}
