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

/// German or English only: for short texts where the wider detector is unsure.
static DE_EN: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(vec![Lang::Deu, Lang::Eng]));

/// Very frequent German and English function words: decide short texts, where trigram
/// statistics are unreliable.
const DE_WORDS: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "einen",
    "einer", "eines", "sich", "auf", "für", "von", "zu", "zum", "zur", "im", "am", "um", "des",
    "auch", "hat", "wird", "wurde", "werden", "sind", "noch", "nach", "bei", "über", "wie", "aus",
    "sie", "er", "es", "wir", "ich", "sagte", "als", "seine", "ihre", "nur", "wenn", "oder",
    "aber", "dass", "gegen", "seit", "war", "vor", "unter", "mehr", "keine", "soll",
];
/// Words that are also German (`in`, `an`, `was`, `will`, `so`, `Not`) are left out.
const EN_WORDS: &[&str] = &[
    "the", "and", "is", "with", "of", "to", "a", "on", "for", "are", "has", "have", "by", "from",
    "that", "this", "it", "he", "she", "they", "we", "said", "at", "as", "be", "would", "were",
    "been", "their", "which", "who", "after", "over", "about", "into", "than", "its", "his", "her",
    "but", "new", "more", "says",
];

/// ISO 639-1 code of the text's language, or `None` when there is too little text to tell.
pub fn detect(text: &str) -> Option<&'static str> {
    let sample: String = text.chars().take(1000).collect();
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
    let info = match info {
        Some(i) if letters < 120 && !i.is_reliable() => DE_EN.detect(&sample)?,
        Some(i) => i,
        None => DE_EN.detect(&sample)?,
    };
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

    /// Invented headline-length texts: at most one miss per language.
    #[test]
    fn short_headlines() {
        let de = [
            "Bahn streicht Nachtzüge nach Wien",
            "Landtag beschließt neues Schulgesetz",
            "Bürgermeister will Parkgebühren verdoppeln",
            "Hitzewelle: Kliniken melden mehr Notfälle",
            "Gewerkschaft droht mit unbefristetem Streik",
            "Polizei sucht Zeugen nach Überfall auf Juwelier",
            "Regierung einigt sich auf Haushalt",
            "Zwei Verletzte bei Unfall auf der A7",
            "Preise für Butter steigen weiter",
            "Minister verteidigt umstrittene Reform",
            "Fußball: Aufsteiger gewinnt Derby",
            "Neue Radwege sollen bis Herbst fertig sein",
            "Stadtwerke erhöhen die Gaspreise",
            "Museum zeigt verschollene Gemälde",
            "Ermittlungen gegen Vorstand eingestellt",
        ];
        let en = [
            "Rail operator cuts night trains to Vienna",
            "State parliament passes new school law",
            "Mayor wants to double parking fees",
            "Heatwave: hospitals report more emergencies",
            "Union threatens open-ended strike",
            "Police seek witnesses after jewellery robbery",
            "Government agrees on budget",
            "Two injured in crash on the motorway",
            "Butter prices keep rising",
            "Minister defends controversial reform",
            "Football: promoted side wins derby",
            "New cycle lanes to be finished by autumn",
            "Utility raises gas prices",
            "Museum shows lost paintings",
            "Investigation into board dropped",
        ];
        let de_ok = de.iter().filter(|t| detect(t) == Some("de")).count();
        let en_ok = en.iter().filter(|t| detect(t) == Some("en")).count();
        eprintln!(
            "short headlines: German {de_ok}/{}, English {en_ok}/{}",
            de.len(),
            en.len()
        );
        assert!(de_ok >= de.len() - 1, "German {de_ok}/{}", de.len());
        assert!(en_ok >= en.len() - 1, "English {en_ok}/{}", en.len());
    }
}
