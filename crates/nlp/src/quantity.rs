//! Numbers and quantities with units.
//!
//! Finds numbers written with digits (`28`, `1.000`, `3,5`), number words (`fünf`,
//! `zweihundert`, `einundzwanzig`), number adjectives (`fünfstündig`, `zweitägig`,
//! `hundertmal`), hyphen compounds (`28-Punkte-Plan`) and fractions (`ein Fünftel`, `die
//! Hälfte`), with a following multiplier (`Millionen`) and unit or counted noun (`Stunden`,
//! `Prozent`, `Friedensvorschlägen`), and a qualifier before them (`fast`, `rund`, `mehr als`).
//! Dates, times and ordinals are left to the time tagger. Word lists live in
//! `resources/<lang>/quantities.txt`; English text (`1,200 residents`, `3.5 million pounds`,
//! `about twenty-five people`) reads digits the English way and counts any noun after a
//! number.

use crate::Annotator;
use lagebild_model::{AnnotatedArticle, CharIndex, Quantity, Span, TokenKind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Finds numbers and quantities.
pub struct QuantityFinder;

impl Annotator for QuantityFinder {
    fn annotate(&self, doc: &mut AnnotatedArticle) {
        let lang = if doc.article.language == "en" {
            Lang::En
        } else {
            Lang::De
        };
        let text = &doc.article.text;
        let ix = CharIndex::new(text);
        let mut out = Vec::new();
        for s in &doc.sentences {
            let toks: Vec<Tok> = s
                .tokens
                .iter()
                .map(|t| Tok {
                    text: text
                        .get(ix.byte_of(t.span.start)..ix.byte_of(t.span.end))
                        .unwrap_or(""),
                    span: t.span,
                    kind: t.kind,
                })
                .collect();
            let from = out.len();
            find(&toks, lang, &mut out);
            join_compounds(&mut out, from, &toks, lang);
            mark_ages(&mut out[from..], &toks, lang);
        }
        doc.quantities = out;
    }
}

/// Join the figures of one sentence (`out[from..]`) that name one duration in two units
/// (`sechs Jahre und neun Monate` → 6.75 `jahr`), so that its parts are no figures of their own.
fn join_compounds(out: &mut Vec<Quantity>, from: usize, toks: &[Tok], lang: Lang) {
    let l = lists(lang);
    let mut i = from;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let per = l.compounds.iter().find_map(|(big, small, n)| {
            (a.unit.as_deref() == Some(big.as_str()) && b.unit.as_deref() == Some(small.as_str()))
                .then_some(*n)
        });
        // exactly one joining word between the two figures
        let between: Vec<&Tok> = toks
            .iter()
            .filter(|t| t.span.start >= a.span.end && t.span.end <= b.span.start)
            .collect();
        let joined =
            between.len() == 1 && l.compound_joins.contains(&between[0].text.to_lowercase());
        match per {
            Some(n) if joined && b.qualifier.is_none() && b.value < n => {
                let b = out.remove(i + 1);
                let a = &mut out[i];
                a.value += b.value / n;
                a.span.end = b.span.end;
            }
            _ => i += 1,
        }
    }
}

/// The unit of an age: years followed by an age word (`52 Jahre alt`, `a 64-year-old`), like
/// the nominal `64-Jährige` of the `[units]` list.
pub const AGE_UNIT: &str = "alter";

/// Give a number of years followed by an age word the unit [`AGE_UNIT`].
fn mark_ages(qs: &mut [Quantity], toks: &[Tok], lang: Lang) {
    let l = lists(lang);
    for q in qs.iter_mut() {
        let Some(k) = toks.iter().position(|t| t.span.end == q.span.end) else {
            continue;
        };
        // a whole number between commas right after a capitalised word is the age of the one
        // named there (`Alan Pritchard, 67, was killed`, `Anna Berg, 52, sagte`)
        let comma = |i: usize| toks.get(i).is_some_and(|t| t.text == ",");
        let appositive = q.unit.is_none()
            && q.qualifier.is_none()
            && toks[k].span.start == q.span.start
            && q.value.fract() == 0.0
            && (1.0..=120.0).contains(&q.value)
            && k >= 2
            && comma(k - 1)
            && comma(k + 1)
            && toks[k - 2].text.starts_with(char::is_uppercase);
        if appositive {
            q.unit = Some(AGE_UNIT.to_string());
            continue;
        }
        if !matches!(q.unit.as_deref(), Some("jahr" | "year")) {
            continue;
        }
        // the word after the figure, or the last part of its own word (`64-year-old`)
        let own = toks[k]
            .text
            .rsplit('-')
            .next()
            .filter(|_| toks[k].text.contains('-'));
        let next = toks.get(k + 1).map(|t| t.text);
        if [own, next]
            .into_iter()
            .flatten()
            .any(|w| l.age_words.contains(&w.to_lowercase()))
        {
            q.unit = Some(AGE_UNIT.to_string());
        }
    }
}

/// The language whose number conventions and word lists apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    De,
    En,
}

struct Lists {
    numbers: HashMap<String, f64>,
    fractions: HashMap<String, f64>,
    multipliers: HashMap<String, f64>,
    units: HashMap<String, String>,
    adjectives: Vec<(String, String)>,
    qualifiers: Vec<Vec<String>>,
    /// Qualifier (words joined by a space) → what it says of the number (see
    /// [`qualifier_class`]).
    classes: HashMap<String, String>,
    /// Words next to which a number is a day of a date (`March 4`), lower case.
    date_words: std::collections::HashSet<String>,
    /// Nouns counting people in general (`Menschen`, `people`), lower case.
    people: std::collections::HashSet<String>,
    /// A state said of counted people (one or two words, lower case: `verletzt`, `ums leben`)
    /// → the unit of the noun naming people in that state (`Verletzte`, `Tote`).
    states: HashMap<String, String>,
    /// Words that open another clause, where a state no longer speaks of the counted people
    /// (`and nobody was hurt`), lower case.
    breaks: std::collections::HashSet<String>,
    /// A larger unit, a smaller one and how many of the smaller make the larger: `sechs Jahre
    /// und neun Monate` is one duration of 6.75 years.
    compounds: Vec<(String, String, f64)>,
    /// Words joining the two parts of such a duration (`und`), lower case.
    compound_joins: std::collections::HashSet<String>,
    /// Words after a number of years that make it an age (`52 Jahre alt`, `64-year-old`).
    age_words: std::collections::HashSet<String>,
}

fn lists(lang: Lang) -> &'static Lists {
    static DE: OnceLock<Lists> = OnceLock::new();
    static EN: OnceLock<Lists> = OnceLock::new();
    match lang {
        Lang::De => DE.get_or_init(|| load(include_str!("../resources/de/quantities.txt"), lang)),
        Lang::En => EN.get_or_init(|| load(include_str!("../resources/en/quantities.txt"), lang)),
    }
}

/// The word lists of one language from its `quantities.txt`.
fn load(text: &str, lang: Lang) -> Lists {
    let mut l = Lists {
        numbers: HashMap::new(),
        fractions: HashMap::new(),
        multipliers: HashMap::new(),
        units: HashMap::new(),
        adjectives: Vec::new(),
        qualifiers: Vec::new(),
        classes: HashMap::new(),
        date_words: Default::default(),
        people: Default::default(),
        states: HashMap::new(),
        breaks: Default::default(),
        compounds: Vec::new(),
        compound_joins: Default::default(),
        age_words: Default::default(),
    };
    let mut section = "";
    for line in crate::tokenize::data_lines(text) {
        if line.starts_with('[') {
            section = line;
            continue;
        }
        // sections of words
        let words = match section {
            "[date words]" => Some(&mut l.date_words),
            "[clause breaks]" => Some(&mut l.breaks),
            "[people]" => Some(&mut l.people),
            "[compound joins]" => Some(&mut l.compound_joins),
            "[age words]" => Some(&mut l.age_words),
            _ => None,
        };
        if let Some(set) = words {
            set.extend(line.split_whitespace().map(str::to_lowercase));
            continue;
        }
        if section == "[states]" {
            // the state's words, then the noun for people in it
            let words: Vec<&str> = line.split_whitespace().collect();
            if let Some((noun, state)) = words.split_last().filter(|(_, s)| !s.is_empty()) {
                l.states
                    .insert(state.join(" ").to_lowercase(), noun.to_string());
            }
            continue;
        }
        let mut it = line.split_whitespace();
        let (Some(a), b) = (it.next(), it.next()) else {
            continue;
        };
        let num = b.and_then(|b| b.parse::<f64>().ok());
        match (section, num, b) {
            ("[numbers]", Some(v), _) => {
                l.numbers.insert(a.to_string(), v);
            }
            ("[fractions]", Some(v), _) => {
                l.fractions.insert(a.to_string(), v);
            }
            ("[multipliers]", Some(v), _) => {
                l.multipliers.insert(a.to_string(), v);
            }
            ("[units]", _, Some(_)) => {
                // the last word is the unit, the others its surface form (`per cent`)
                let words: Vec<&str> = line.split_whitespace().collect();
                if let Some((u, form)) = words.split_last() {
                    l.units.insert(form.join(" "), u.to_string());
                }
            }
            ("[adjectives]", _, Some(u)) => l.adjectives.push((a.to_string(), u.to_string())),
            ("[compound units]", _, Some(small)) => {
                if let Some(n) = it.next().and_then(|n| n.parse::<f64>().ok()) {
                    l.compounds.push((a.to_string(), small.to_string(), n));
                }
            }
            ("[qualifiers]", _, _) => {
                let (words, class) = line.split_once(" = ").unwrap_or((line, "approx"));
                let words: Vec<String> = words.split_whitespace().map(str::to_string).collect();
                l.classes.insert(words.join(" "), class.trim().to_string());
                l.qualifiers.push(words);
            }
            _ => {}
        }
    }
    // longest adjective suffix first
    l.adjectives
        .sort_by(|x, y| y.0.len().cmp(&x.0.len()).then(x.0.cmp(&y.0)));
    l.qualifiers.sort_by_key(|q| std::cmp::Reverse(q.len()));
    // the nouns' units as `unit_of` gives them: a listed unit, else the stem
    let units = &l.units;
    for noun in l.states.values_mut() {
        let low = noun.to_lowercase();
        *noun = units
            .get(&low)
            .cloned()
            .unwrap_or_else(|| crate::stem::stem(if lang == Lang::En { "en" } else { "de" }, &low));
    }
    l
}

/// `zwölf Menschen wurden verletzt` counts what `zwölf Verletzte` counts: after a noun for
/// people in general (token `n`), a state in the same clause (within eight words) names them.
fn people_state(toks: &[Tok], n: usize, l: &Lists) -> Option<String> {
    if !l.people.contains(&toks.get(n)?.text.to_lowercase()) {
        return None;
    }
    let mut prev: Option<String> = None;
    for t in toks.iter().skip(n + 1).take(8) {
        if t.kind != TokenKind::Word {
            if t.text.chars().all(|c| c.is_alphanumeric() || c == '-') {
                continue;
            }
            return None;
        }
        let low = t.text.to_lowercase();
        if l.breaks.contains(&low) {
            return None;
        }
        if let Some(p) = &prev {
            if let Some(u) = l.states.get(&format!("{p} {low}")) {
                return Some(u.clone());
            }
        }
        if let Some(u) = l.states.get(&low) {
            return Some(u.clone());
        }
        prev = Some(low);
    }
    None
}

struct Tok<'a> {
    text: &'a str,
    span: Span,
    kind: TokenKind,
}

/// True when the lower-case word opens another clause (`und`, `aber`; `and`, `but`), in
/// either language (`[clause breaks]` of `quantities.txt`).
pub fn is_clause_break(word: &str) -> bool {
    [Lang::De, Lang::En]
        .iter()
        .any(|&l| lists(l).breaks.contains(word))
}

/// True when a quantity's unit counts people in a state that sets them apart (casualties,
/// arrests: `[states]` of `quantities.txt`), in either language.
pub fn is_state_unit(unit: &str) -> bool {
    [Lang::De, Lang::En]
        .iter()
        .any(|&l| lists(l).states.values().any(|u| u == unit))
}

/// True when a text writes of such a state at all, counted or not (`Die Lokführerin wurde
/// schwer verletzt`, `Two people have died`): it holds one of the `[states]` words.
pub fn mentions_state(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    [Lang::De, Lang::En].iter().any(|&l| {
        lists(l).states.keys().any(|state| {
            let parts: Vec<&str> = state.split(' ').collect();
            words.windows(parts.len()).any(|w| w == parts.as_slice())
        })
    })
}

/// What a qualifier found before a number says of it, in either language: `approx` (`etwa`,
/// `rund`, `about`), `below` (`fast`, `almost`), `above` (`mehr als`, `over`), `min`
/// (`mindestens`), `max` (`bis zu`) or `exact` (`genau`); `None` for an unknown one.
pub fn qualifier_class(qualifier: &str) -> Option<&'static str> {
    let q = qualifier.to_lowercase();
    [Lang::De, Lang::En]
        .iter()
        .find_map(|&l| lists(l).classes.get(&q))
        .map(String::as_str)
}

/// Value of a German number word, compounds included (`zweihundertfünfzig`, `einundzwanzig`).
pub fn number_word(w: &str) -> Option<f64> {
    let w = w.to_lowercase();
    parse_word(&w, Lang::De)
}

fn parse_word(w: &str, lang: Lang) -> Option<f64> {
    if w.is_empty() {
        return None;
    }
    let l = lists(lang);
    if let Some(&v) = l.numbers.get(w) {
        return Some(v);
    }
    if lang == Lang::En {
        // `twenty-five`
        let (tens, unit) = w.split_once('-')?;
        let (t, u) = (*l.numbers.get(tens)?, *l.numbers.get(unit)?);
        return ((20.0..100.0).contains(&t) && t % 10.0 == 0.0 && u < 10.0).then_some(t + u);
    }
    for (mul, f) in [("tausend", 1000.0), ("hundert", 100.0)] {
        if let Some(pos) = w.find(mul) {
            let (left, right) = (&w[..pos], &w[pos + mul.len()..]);
            let lv = if left.is_empty() || left == "ein" {
                1.0
            } else {
                parse_word(left, lang)?
            };
            let rv = if right.is_empty() {
                0.0
            } else {
                parse_word(right, lang)?
            };
            return Some(lv * f + rv);
        }
    }
    if let Some((u, t)) = w.split_once("und") {
        let uv = if u == "ein" {
            1.0
        } else {
            parse_word(u, lang)?
        };
        let tv = parse_word(t, lang)?;
        if uv < 10.0 && (20.0..100.0).contains(&tv) && tv % 10.0 == 0.0 {
            return Some(tv + uv);
        }
    }
    None
}

/// Value of digits as written in German (`1.000`, `3,5`, `28`) or English (`1,000`, `3.5`);
/// `None` for dates and times.
fn digits(t: &str, lang: Lang) -> Option<f64> {
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    if !t.chars().next()?.is_ascii_digit() || t.ends_with('.') || t.ends_with(',') {
        return None;
    }
    let (thousands, decimal) = match lang {
        Lang::De => ('.', ','),
        Lang::En => (',', '.'),
    };
    if t.contains(thousands) {
        // thousands separators only: groups of three after the first
        let parts: Vec<&str> = t.split(decimal).next()?.split(thousands).collect();
        if parts[1..].iter().any(|p| p.len() != 3) || parts[0].len() > 3 {
            return None;
        }
    }
    t.replace(thousands, "").replace(decimal, ".").parse().ok()
}

/// A number adjective: `fünfstündigen` → (5, `stunde`), `hundertmal` → (100, `mal`).
fn adjective(w: &str, lang: Lang) -> Option<(f64, String)> {
    let w = w.to_lowercase();
    let base = ["en", "er", "es", "em", "e"]
        .iter()
        .find_map(|s| w.strip_suffix(s).filter(|b| b.ends_with("ig")))
        .unwrap_or(&w);
    for (suf, unit) in &lists(lang).adjectives {
        if let Some(num) = base.strip_suffix(suf.as_str()) {
            let v = digits(num.trim_end_matches('-'), lang).or_else(|| parse_word(num, lang))?;
            return Some((v, unit.clone()));
        }
    }
    None
}

/// The unit or counted noun a word after a number names: a listed unit, else (German) a noun
/// or (English) a lower-case word that is no function word, by its stem.
fn unit_of(w: &str, lang: Lang) -> Option<String> {
    let low = w.to_lowercase();
    if let Some(u) = lists(lang).units.get(&low) {
        return Some(u.clone());
    }
    if lang == Lang::En {
        let plain = w.chars().count() > 2 && w.chars().all(|c| c.is_lowercase() || c == '-');
        return (plain && !crate::stopwords::is_stopword("en", w))
            .then(|| crate::stem::stem("en", w));
    }
    let first = w.chars().next()?;
    if first.is_uppercase()
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && w.chars().count() > 2
    {
        return Some(crate::stem::stem("de", w));
    }
    None
}

fn find(toks: &[Tok], lang: Lang, out: &mut Vec<Quantity>) {
    let l = lists(lang);
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let low = t.text.to_lowercase();
        let start_i = i;
        let mut value: Option<f64> = None;
        let mut unit: Option<String> = None;
        let mut end = t.span.end;
        let mut j = i + 1;
        let whole_word = (lang == Lang::En).then(|| parse_word(&low, lang)).flatten();
        if let Some(v) = whole_word {
            value = Some(v);
        } else if t.text.contains('-')
            && t.text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c.is_alphabetic())
        {
            // 28-Punkte-Plan, 5-Jährige
            let mut parts = t.text.split('-');
            if let (Some(n), Some(u)) = (parts.next(), parts.next()) {
                if let Some(v) = digits(n, lang).or_else(|| parse_word(&n.to_lowercase(), lang)) {
                    if let Some(unit_s) = unit_of(u, lang) {
                        value = Some(v);
                        unit = Some(unit_s);
                    }
                }
            }
        } else if let Some(v) = digits(t.text, lang) {
            let year_like = t.text.len() == 4 && (1800.0..=2100.0).contains(&v);
            // `March 4`, `4 March`: a date, left to the time tagger
            let month = |k: Option<&Tok>| {
                k.is_some_and(|n| {
                    let w = n.text.trim_end_matches('.').to_lowercase();
                    n.text.starts_with(char::is_uppercase) && l.date_words.contains(&w)
                })
            };
            let dated = month(i.checked_sub(1).and_then(|p| toks.get(p))) || month(toks.get(j));
            if dated {
                i += 1;
                continue;
            }
            let known_unit = toks
                .get(j)
                .is_some_and(|n| l.units.contains_key(&n.text.to_lowercase()));
            if !year_like || known_unit {
                value = Some(v);
            }
        } else if t.kind == TokenKind::Word {
            if let Some((v, u)) = adjective(t.text, lang) {
                value = Some(v);
                unit = Some(u);
            } else if let Some(v) = parse_word(&low, lang) {
                value = Some(v);
            } else if matches!(
                low.as_str(),
                "ein" | "eine" | "einen" | "einem" | "einer" | "die" | "der" | "a" | "the"
            ) {
                // ein Fünftel, die Hälfte, a third, the half
                if let Some(n) = toks.get(j) {
                    if let Some(&d) = l.fractions.get(&n.text.to_lowercase()) {
                        let whole = !matches!(low.as_str(), "die" | "der" | "the");
                        if whole || d == 2.0 {
                            value = Some(1.0 / d);
                            unit = Some("anteil".into());
                            end = n.span.end;
                            j += 1;
                        }
                    }
                }
            }
        }
        let Some(mut v) = value else {
            i += 1;
            continue;
        };
        if unit.is_none() {
            // fraction after a number: zwei Drittel
            if let Some(n) = toks.get(j) {
                if let Some(&d) = l.fractions.get(&n.text.to_lowercase()) {
                    v /= d;
                    unit = Some("anteil".into());
                    end = n.span.end;
                    j += 1;
                }
            }
        }
        if unit.is_none() {
            if let Some(n) = toks.get(j) {
                if let Some(&m) = l.multipliers.get(&n.text.to_lowercase()) {
                    v *= m;
                    end = n.span.end;
                    j += 1;
                }
            }
            // a unit of two words first (`per cent`)
            let two = toks
                .get(j..j + 2)
                .map(|p| format!("{} {}", p[0].text, p[1].text).to_lowercase())
                .and_then(|w| l.units.get(&w));
            if let (Some(u), Some(n)) = (two, toks.get(j + 1)) {
                unit = Some(u.clone());
                end = n.span.end;
                j += 2;
            } else if let Some(n) = toks.get(j) {
                if let Some(u) = unit_of(n.text, lang) {
                    unit = Some(people_state(toks, j, l).unwrap_or(u));
                    end = n.span.end;
                    j += 1;
                }
            }
        }
        // qualifier before the number
        let mut start = t.span.start;
        let mut qualifier = None;
        for q in &l.qualifiers {
            if q.len() > start_i {
                continue;
            }
            let before = &toks[start_i - q.len()..start_i];
            if before
                .iter()
                .zip(q)
                .all(|(b, w)| b.text.to_lowercase() == *w)
            {
                qualifier = Some(q.join(" "));
                start = before[0].span.start;
                break;
            }
        }
        out.push(Quantity {
            span: Span::new(start, end),
            value: v,
            unit,
            qualifier,
        });
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_model::Article;

    fn run(text: &str) -> Vec<(String, f64, Option<String>, Option<String>)> {
        run_in(text, "de")
    }

    fn run_en(text: &str) -> Vec<(String, f64, Option<String>, Option<String>)> {
        run_in(text, "en")
    }

    /// (text, value, unit, qualifier) of the quantities found in `text` of language `lang`.
    fn run_in(text: &str, lang: &str) -> Vec<(String, f64, Option<String>, Option<String>)> {
        let mut doc = AnnotatedArticle {
            article: Article {
                text: text.to_string(),
                language: lang.into(),
                ..Default::default()
            },
            ..Default::default()
        };
        crate::tokenize::Segmenter.annotate(&mut doc);
        QuantityFinder.annotate(&mut doc);
        doc.quantities
            .iter()
            .map(|q| {
                (
                    lagebild_model::slice_chars(text, q.span).to_string(),
                    q.value,
                    q.unit.clone(),
                    q.qualifier.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn durations_with_qualifiers() {
        let q = run("Die Sitzung endete nach fast fünf Stunden.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "fast fünf Stunden");
        assert_eq!(q[0].1, 5.0);
        assert_eq!(q[0].2.as_deref(), Some("stunde"));
        assert_eq!(q[0].3.as_deref(), Some("fast"));
        let q = run("Das dreistündige Gespräch blieb ohne Ergebnis.");
        assert_eq!((q[0].1, q[0].2.as_deref()), (3.0, Some("stunde")));
    }

    #[test]
    fn durations_in_two_units_and_ages() {
        let q = run("Das Gericht verhängte vier Jahre und sechs Monate Haft.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "vier Jahre und sechs Monate");
        assert_eq!((q[0].1, q[0].2.as_deref()), (4.5, Some("jahr")));
        // two figures of their own
        let q = run("Sie saß vier Jahre in Haft und sechs Monate in Therapie.");
        assert_eq!(q.len(), 2, "{q:?}");
        let q = run_en("The court imposed two years and three months in prison.");
        assert_eq!((q[0].1, q[0].2.as_deref()), (2.25, Some("year")));
        // ages
        for text in [
            "Der 52 Jahre alte Mann schwieg.",
            "Der 52-Jährige schwieg.",
            "Eine 52-jährige Frau schwieg.",
        ] {
            assert_eq!(run(text)[0].2.as_deref(), Some(AGE_UNIT), "{text}");
        }
        assert_eq!(
            run_en("A 52-year-old man was silent.")[0].2.as_deref(),
            Some(AGE_UNIT)
        );
        assert_eq!(run("Er saß 52 Jahre im Rat.")[0].2.as_deref(), Some("jahr"));
        // cubic metres in either language
        let q = run_en("Poland will ship up to 15 billion cubic metres of gas.");
        assert_eq!(
            (q[0].1, q[0].2.as_deref()),
            (15e9, Some("cubicmetre")),
            "{q:?}"
        );
        let q = run("Polen liefert bis zu zwölf Milliarden Kubikmeter Gas.");
        assert_eq!(
            (q[0].1, q[0].2.as_deref()),
            (12e9, Some("kubikmeter")),
            "{q:?}"
        );
        // a number between commas after a name
        assert_eq!(
            run_en("Alan Pritchard, 67, was killed.")[0].2.as_deref(),
            Some(AGE_UNIT)
        );
        assert_eq!(
            run("Anna Berg, 52, sagte das.")[0].2.as_deref(),
            Some(AGE_UNIT)
        );
        // not in a list of figures or after a lower-case word
        let q = run_en("The tolls were 12, 15, and 20.");
        assert!(q.iter().all(|x| x.2.as_deref() != Some(AGE_UNIT)), "{q:?}");
    }

    #[test]
    fn compounds_fractions_and_words() {
        let q = run("Der 12-Punkte-Plan sieht vor, dass ein Fünftel der Mittel bleibt.");
        assert_eq!((q[0].1, q[0].2.as_deref()), (12.0, Some("punkt")));
        assert_eq!((q[1].0.as_str(), q[1].1), ("ein Fünftel", 0.2));
        let q = run("Es kamen mehr als zweihundertfünfzig Menschen, das sagte er hundertmal.");
        assert_eq!(q[0].1, 250.0);
        assert_eq!(q[0].3.as_deref(), Some("mehr als"));
        assert_eq!(q[0].2.as_deref(), Some("mensch"));
        assert_eq!((q[1].1, q[1].2.as_deref()), (100.0, Some("mal")));
        assert_eq!(number_word("einundzwanzig"), Some(21.0));
    }

    #[test]
    fn people_counted_by_their_state() {
        let unit = |text: &str, lang: &str| run_in(text, lang)[0].2.clone();
        let injured = unit("Es gab 15 Verletzte.", "de");
        assert_eq!(unit("Dabei wurden zwölf Menschen verletzt.", "de"), injured);
        assert_eq!(
            unit("Zwölf Menschen seien am Abend verletzt worden.", "de"),
            injured
        );
        let dead = unit("Die Behörden zählten 20 Tote.", "de");
        assert_eq!(unit("Mindestens 18 Menschen kamen ums Leben.", "de"), dead);
        // a state in another clause says nothing of them
        assert_eq!(
            unit("Es kamen 300 Menschen, verletzt wurde niemand.", "de").as_deref(),
            Some("mensch")
        );
        // lightly and severely injured are counted apart
        assert_ne!(unit("Zwei Menschen wurden schwer verletzt.", "de"), injured);
        // also by the injuries they suffered
        assert_eq!(unit("Vier Personen erlitten Verletzungen.", "de"), injured);
        assert_eq!(
            unit("Vier Personen erlitten leichte Verletzungen.", "de"),
            unit("Drei Menschen wurden leicht verletzt.", "de")
        );
        assert!(is_state_unit(injured.as_deref().unwrap_or_default()));
        // whether a text writes of such a state at all
        assert!(mentions_state("Die Lokführerin wurde schwer verletzt."));
        assert!(mentions_state("Two people have died."));
        assert!(!mentions_state("Ein Großbrand beschäftigte die Feuerwehr."));
        assert_eq!(
            unit_en("Officials counted 12 injured."),
            unit_en("Twelve people were injured.")
        );
        assert_eq!(
            unit_en("There were 20 dead."),
            unit_en("20 people were killed.")
        );
        // a state in a clause of its own speaks of others
        assert_eq!(
            unit_en("212 passengers were evacuated safely and nobody was seriously hurt.")
                .as_deref(),
            Some("passeng")
        );
        assert_eq!(
            unit("Es wurden 40 Menschen gerettet und niemand verletzt.", "de").as_deref(),
            Some("mensch")
        );
    }

    fn unit_en(text: &str) -> Option<String> {
        run_en(text)[0].2.clone()
    }

    #[test]
    fn english_numbers() {
        let q = run_en("About 1,200 residents left on March 4, and 3.5 million pounds were paid.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "About 1,200 residents");
        assert_eq!((q[0].1, q[0].2.as_deref()), (1200.0, Some("resident")));
        assert_eq!(q[0].3.as_deref(), Some("about"));
        assert_eq!((q[1].1, q[1].2.as_deref()), (3_500_000.0, Some("pound")));
        let q = run_en("More than twenty-five people waited for five hours; 40 per cent left.");
        assert_eq!((q[0].1, q[0].2.as_deref()), (25.0, Some("person")));
        assert_eq!(q[0].3.as_deref(), Some("more than"));
        assert_eq!((q[1].1, q[1].2.as_deref()), (5.0, Some("hour")));
        assert_eq!((q[2].1, q[2].2.as_deref()), (40.0, Some("percent")));
        let q = run_en("A third of the 400 jobs will go.");
        assert_eq!((q[0].0.as_str(), q[0].1), ("A third", 1.0 / 3.0));
        assert_eq!((q[1].1, q[1].2.as_deref()), (400.0, Some("job")));
    }

    #[test]
    fn money_and_dates() {
        let q = run("Am 3. Dezember 2024 flossen 3,5 Millionen Euro, also 1.000 Euro am Tag.");
        let vals: Vec<f64> = q.iter().map(|x| x.1).collect();
        assert!(vals.contains(&3_500_000.0));
        assert!(vals.contains(&1000.0));
        assert!(!vals.contains(&2024.0));
        assert!(!vals.contains(&3.0));
    }
}
