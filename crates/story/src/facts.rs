//! Facts: sentences of different articles that state the same thing, grouped.
//!
//! Every sentence that is not page furniture becomes a *unit* with its keys (idf-weighted),
//! the story entities it mentions, its quantities and its event date. Candidate pairs come from
//! an inverted index over each unit's rarest keys, its entities and the shared-copy passages;
//! postings longer than `MAX_POSTING` are skipped, so a big story is never compared all
//! pairs. Pairs scoring at least [`FACT_THRESHOLD`] are merged best first, never putting two
//! sentences of one article into one fact.

use crate::entities::Merged;
use crate::features::{idf, is_boilerplate, DocText};
use crate::wire::WireResult;
use lagebild_model::{
    AnnotatedArticle, Citation, EntityType, Epistemic, Evidence, Fact, MentionKind, QuoteKind,
    Span, TimexType,
};
use lagebild_nlp::time::dateline_chars;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

/// Posting lists longer than this are not used for candidates.
const MAX_POSTING: usize = 40;
/// Rarest keys of a unit used as index terms.
const INDEX_KEYS: usize = 5;
/// Similarity two sentences need to state the same fact.
pub const FACT_THRESHOLD: f64 = 0.36;
/// Members of each side compared when two groups merge (bounds the cost for big stories).
const LINK_SAMPLE: usize = 8;
/// Members of each side checked for conflicting figures when two groups merge.
const CONFLICT_SAMPLE: usize = 32;
/// Share of [`FACT_THRESHOLD`] the average similarity of two merging groups must reach.
const LINK_FACTOR: f64 = 0.75;

/// One sentence of one article, prepared for comparison.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Article index within the story.
    pub doc: usize,
    /// Sentence index within the article.
    pub sent: usize,
    /// Char span in the article text.
    pub span: Span,
    /// The sentence text (trimmed).
    pub text: String,
    /// Distinct keys with their idf, as ranks among the story's keys (so ascending ranks are
    /// the keys in string order).
    pub keys: Vec<(u32, f64)>,
    /// Sum of the key weights.
    pub weight: f64,
    /// The ranks among [`Unit::keys`] of keys that occur only inside entity mentions (names
    /// and role phrases), ascending.
    pub name_keys: Vec<u32>,
    /// The ranks of the other keys that occur only in role nouns of a sentence that names
    /// someone (`Sondergesandte`, `Schwiegersohn`), ascending: with the names, who the sentence
    /// is about rather than what it says.
    pub role_keys: Vec<u32>,
    /// The ranks of keys of the story's topic (see [`is_topic`]), ascending: shared, they
    /// count for less.
    pub topic_keys: Vec<u32>,
    /// Story entity indices mentioned.
    pub entities: BTreeSet<usize>,
    /// Quantities as (value in thousandths, unit).
    pub numbers: BTreeSet<(i64, String)>,
    /// Event date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub date: Option<String>,
    /// Further dates of events the sentence reports, after [`Unit::date`]: `einmal im März und
    /// einmal im Juli`, `By yesterday evening 23,000 …; this morning … 9,400` (not the ends of
    /// a range, nor a coarser date that another one refines).
    pub also: Vec<String>,
    /// False when the sentence opens with a word that points back to an earlier one (see
    /// [`leans_on_context`]): another article's sentence of the same fact reads better alone.
    pub standalone: bool,
    /// True when the article was written before the date the sentence names: an announcement
    /// or a plan (`Der Stadtrat will am Mittwoch … entscheiden`), not a report of that day.
    pub forecast: bool,
}

/// Whether an article published on `published` writes of `date` (`YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`) ahead of it.
fn ahead_of(published: Option<&str>, date: &str) -> bool {
    published.is_some_and(|p| p.get(..date.len()).unwrap_or(p) < date)
}

impl Unit {
    /// A citation of this sentence in its article.
    pub fn citation(&self, docs: &[AnnotatedArticle]) -> Citation {
        Citation {
            article: docs[self.doc].article.id.clone(),
            start: self.span.start,
            end: self.span.end,
        }
    }
}

/// A valid calendar prefix of a TIMEX value (`2025-12-02T20:00` → `2025-12-02`); a week gives
/// the month of its Thursday (`2026-W46` → `2026-11`).
pub fn calendar_date(v: &str) -> Option<String> {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    if !digits(0..4) {
        return None;
    }
    // an ISO week (`2026-W46`: `vergangene Woche`) by the month of its Thursday
    if b.len() == 8 && &v[4..6] == "-W" && digits(6..8) {
        let year: i32 = v[..4].parse().ok()?;
        let week: i64 = v[6..8].parse().ok()?;
        let jan4 = lagebild_model::calendar::Date::new(year, 1, 4)?;
        let thursday = jan4.add_days(3 - i64::from(jan4.weekday()) + 7 * (week - 1) + 1);
        return (1..=53)
            .contains(&week)
            .then(|| thursday.iso()[..7].to_string());
    }
    if b.len() >= 7 && b[4] == b'-' && digits(5..7) {
        if b.len() >= 10 && b[7] == b'-' && digits(8..10) {
            return Some(v[..10].to_string());
        }
        return Some(v[..7].to_string());
    }
    (b.len() == 4 || !b[4].is_ascii_digit()).then(|| v[..4].to_string())
}

/// Build the units of a story; `origin` is each article's origin (see
/// [`crate::wire::WireResult::origin`]).
pub fn units(
    docs: &[AnnotatedArticle],
    texts: &[DocText],
    merged: &Merged,
    origin: &[usize],
) -> Vec<Unit> {
    let mut out = Vec::new();
    // the keys of each unit as numbers in order of first sight, ranked once all are known
    let mut seen: FxHashMap<String, u32> = FxHashMap::default();
    let mut words: Vec<Vec<u32>> = Vec::new();
    let mut name_words: Vec<(Vec<u32>, Vec<u32>)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let t = &texts[d];
        // mention spans → story entity; not the first part of a compound (`SPD` of
        // `SPD-Fraktionschef`), which names whom a person works for, not what the sentence is
        // about
        let mut mentions: Vec<(Span, usize)> = Vec::new();
        for (e, ent) in doc.entities.iter().enumerate() {
            if let Some(&se) = merged.of.get(&(d, e)) {
                for m in &ent.mentions {
                    if t.slice(Span::new(m.span.end, m.span.end + 1)) != "-" {
                        mentions.push((m.span, se));
                    }
                }
            }
        }
        mentions.sort();
        for (i, s) in doc.sentences.iter().enumerate() {
            let raw = t.slice(s.span);
            let trimmed = raw.trim();
            if trimmed.is_empty() || is_boilerplate(trimmed) {
                continue;
            }
            // a dateline (`Auenstedt (dpa) - `) is no part of the statement
            let dateline = dateline_chars(trimmed);
            let text = trimmed
                .char_indices()
                .nth(dateline)
                .map_or("", |(b, _)| &trimmed[b..]);
            if text.is_empty() {
                continue;
            }
            let lead = raw.chars().take_while(|c| c.is_whitespace()).count() + dateline;
            let trail = raw.chars().rev().take_while(|c| c.is_whitespace()).count();
            let span = Span::new(s.span.start + lead, s.span.end.saturating_sub(trail));
            let mut keys = Vec::new();
            // keys seen inside an entity mention, in a role noun beside one, and elsewhere
            let (mut in_name, mut in_role, mut outside) = (Vec::new(), Vec::new(), Vec::new());
            let mentions_here: Vec<&(Span, usize)> = mentions
                .iter()
                .filter(|(m, _)| s.span.contains(m))
                .collect();
            let lang = doc.article.language.as_str();
            t.for_token_keys(i, |tok, k| {
                let n = match seen.get(k) {
                    Some(&n) => n,
                    None => {
                        let n = seen.len() as u32;
                        seen.insert(k.to_string(), n);
                        n
                    }
                };
                keys.push(n);
                if mentions_here.iter().any(|(m, _)| m.contains(&tok)) {
                    in_name.push(n);
                } else if !mentions_here.is_empty()
                    && lagebild_nlp::ner::is_role_word(lang, t.slice(tok))
                {
                    in_role.push(n);
                } else {
                    outside.push(n);
                }
            });
            outside.sort_unstable();
            in_name.retain(|n| outside.binary_search(n).is_err());
            in_role.retain(|n| outside.binary_search(n).is_err() && !in_name.contains(n));
            let entities = mentions_here.iter().map(|(_, e)| *e).collect();
            let numbers = doc
                .quantities
                .iter()
                .filter(|q| s.span.contains(&q.span))
                .map(|q| {
                    (
                        (q.value * 1000.0).round() as i64,
                        crate::features::common_unit(q.unit.as_deref().unwrap_or_default())
                            .to_string(),
                    )
                })
                .collect();
            // only sentences that carry a date expression of their own are dated (an
            // annotator may fall back to the publication date for the others); a year after
            // `seit`/`since` dates when a state began (`Die Partei sitzt seit 2016 im Landtag`)
            // only in a sentence without a date of its own and without a negation (`Wir haben
            // so etwas seit 1997 nicht erlebt` dates nothing), unlike a day (`Busse fahren seit
            // Mittwoch eine Umleitung`: the detour began then)
            // the text right before an expression and its last word
            let word_before = |x: &lagebild_model::TimeExpr| {
                let before = t.slice(Span::new(x.span.start.saturating_sub(30), x.span.start));
                let word = before
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or("");
                (before, word)
            };
            let since = |x: &lagebild_model::TimeExpr| {
                matches!(word_before(x).1.to_lowercase().as_str(), "seit" | "since")
            };
            // a year right after a noun names a thing, not when something happened
            // (`Landeshaushalt 2027`, `Agenda 2030`); a year of a noun of years stays a date
            // (`Kriegsjahr 1915`), and so does a year after a capitalised function word
            // (`Von 2028 an`, `Schon 2019`) or after the name of a person or organisation, the
            // subject of a clause (`das Hallberg 1992 übernommen hatte`)
            let after_name = |x: &lagebild_model::TimeExpr| {
                let at = x.span.start.saturating_sub(2);
                doc.entities
                    .iter()
                    .filter(|e| matches!(e.kind, EntityType::Per | EntityType::Org))
                    .flat_map(|e| &e.mentions)
                    .any(|m| m.kind == MentionKind::Name && m.span.contains(&Span::new(at, at + 1)))
            };
            let label = |x: &lagebild_model::TimeExpr| {
                let (before, word) = word_before(x);
                let low = word.to_lowercase();
                x.text.len() == 4
                    && x.text.bytes().all(|b| b.is_ascii_digit())
                    && before.ends_with(' ')
                    && word.chars().next().is_some_and(char::is_uppercase)
                    && word.chars().all(char::is_alphabetic)
                    && !["jahr", "jahres", "jahre", "year"]
                        .iter()
                        .any(|y| low.ends_with(y))
                    && !lagebild_nlp::stopwords::is_stopword("de", &low)
                    && !lagebild_nlp::stopwords::is_stopword("en", &low)
                    && !after_name(x)
            };
            // the sentence's own dates, and the years after `seit` or naming a thing (periods)
            let (mut own, mut periods, mut began) = (Vec::new(), Vec::new(), None);
            // dates that end a range begun by the one before (`vom 3. bis 5. Mai`, `zwischen
            // 2019 und 2023`)
            let mut range_ends = Vec::new();
            let mut last: Option<Span> = None;
            for x in doc.timexes.iter().filter(|x| {
                matches!(x.kind, TimexType::Date | TimexType::Time) && s.span.contains(&x.span)
            }) {
                let joined = last.is_some_and(|p| {
                    p.end <= x.span.start
                        && is_range_join(
                            t.slice(Span::new(p.start.saturating_sub(16), p.start)),
                            t.slice(Span::new(p.end, x.span.start)),
                        )
                });
                last = Some(x.span);
                // a year in brackets compares (`31,4 Prozent (2021: 16,7 Prozent)`)
                let bracketed =
                    t.slice(Span::new(x.span.start.saturating_sub(1), x.span.start)) == "(";
                match calendar_date(&x.value) {
                    Some(d) if d.len() == 4 && since(x) => {
                        began.get_or_insert_with(|| d.clone());
                        periods.push(d);
                    }
                    Some(d) if d.len() == 4 && (label(x) || bracketed) => periods.push(d),
                    Some(d) => {
                        if joined {
                            range_ends.push(d.clone());
                        }
                        own.push(d);
                    }
                    None => {}
                }
            }
            let mut date = doc
                .sentence_dates
                .get(i)
                .and_then(|d| d.as_deref())
                .filter(|_| !own.is_empty())
                .and_then(calendar_date)
                .map(|d| {
                    if periods.contains(&d) {
                        own[0].clone()
                    } else {
                        d
                    }
                });
            // a coarse event date (`in diesem Jahr`) refined by a finer one in the same
            // sentence (`im Oktober`)
            if let Some(d) = &date {
                if let Some(finer) = own
                    .iter()
                    .filter(|o| o.len() > d.len() && o.starts_with(d.as_str()))
                    .max_by_key(|o| o.len())
                {
                    date = Some(finer.clone());
                }
            }
            if date.is_none()
                && own.is_empty()
                && began.is_some()
                && !crate::divergence::is_negated(text)
            {
                date = began;
            }
            let mut also: Vec<String> = Vec::new();
            if let Some(d) = &date {
                for o in &own {
                    let coarser = own
                        .iter()
                        .any(|f| f.len() > o.len() && f.starts_with(o.as_str()))
                        || d.starts_with(o.as_str());
                    if !coarser && !range_ends.contains(o) && !also.contains(o) && o != d {
                        also.push(o.clone());
                    }
                }
            }
            words.push(keys);
            name_words.push((in_name, in_role));
            out.push(Unit {
                doc: d,
                sent: i,
                span,
                text: text.to_string(),
                keys: Vec::new(),
                weight: 0.0,
                name_keys: Vec::new(),
                role_keys: Vec::new(),
                topic_keys: Vec::new(),
                entities,
                numbers,
                forecast: date
                    .as_deref()
                    .is_some_and(|dt| ahead_of(doc.article.published.as_deref(), dt)),
                date,
                also,
                standalone: !leans_on_context(text),
            });
        }
    }
    let mut all: Vec<(&str, u32)> = seen.iter().map(|(k, &n)| (k.as_str(), n)).collect();
    all.sort_unstable();
    // number of first sight → rank in string order
    let mut rank = vec![0u32; all.len()];
    for (r, &(_, n)) in all.iter().enumerate() {
        rank[n as usize] = r as u32;
    }
    // the origins whose sentences use each key (by number of first sight)
    let mut key_origins: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); all.len()];
    for (u, ks) in out.iter().zip(&words) {
        let o = origin.get(u.doc).copied().unwrap_or(u.doc);
        for &n in ks {
            key_origins[n as usize].insert(o);
        }
    }
    let origins = origin.iter().collect::<BTreeSet<_>>().len();
    let topical = |n: u32| is_topic(key_origins[n as usize].len(), origins);
    let weights: Vec<f64> = all.iter().map(|(k, _)| idf(k)).collect();
    let ranks = |ns: &[u32]| {
        let mut rs: Vec<u32> = ns.iter().map(|&n| rank[n as usize]).collect();
        rs.sort_unstable();
        rs.dedup();
        rs
    };
    for ((u, ks), (names, roles)) in out.iter_mut().zip(&words).zip(&name_words) {
        u.name_keys = ranks(names);
        u.role_keys = ranks(roles);
        let topic: Vec<u32> = ks.iter().copied().filter(|&n| topical(n)).collect();
        u.topic_keys = ranks(&topic);
        let mut keys: Vec<(u32, f64)> = ks
            .iter()
            .map(|&n| rank[n as usize])
            .map(|r| (r, weights[r as usize]))
            .collect();
        keys.sort_unstable_by_key(|k| k.0);
        keys.dedup_by_key(|k| k.0);
        u.weight = keys.iter().map(|k| k.1).sum();
        u.keys = keys;
    }
    out
}

/// Is a key that `df` of a story's `origins` independent origins use a word of the story's
/// topic: one that all of three or more independent sources write (`Warnstreik`,
/// `Beschäftigten`)? It says what the story is about rather than what one sentence states.
fn is_topic(df: usize, origins: usize) -> bool {
    origins >= 3 && df == origins
}

/// True when the text `between` two date expressions joins them into a range (`bis`, `bis zum`,
/// `–`, `/`, `to`, `until`), also `und` or `and` when `zwischen` or `between` is one of the last
/// three words `before` the first (`zwischen Anfang 2019 und Ende 2023`).
fn is_range_join(before: &str, between: &str) -> bool {
    let between = between.trim().to_lowercase();
    let between_words = before
        .to_lowercase()
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| matches!(w, "zwischen" | "between"));
    match between.split_whitespace().next() {
        Some("und" | "and") => between_words && between.split_whitespace().count() <= 2,
        _ => matches!(
            between.as_str(),
            "-" | "–"
                | "—"
                | "/"
                | "bis"
                | "bis zum"
                | "bis zur"
                | "bis einschließlich"
                | "to"
                | "until"
                | "till"
                | "through"
        ),
    }
}

/// True when a sentence opens with a word that points back to an earlier sentence (`Er`,
/// `Deren Sprecher`, `They`; the lists are `resources/{de,en}/anaphoric_openers.txt`).
pub fn leans_on_context(text: &str) -> bool {
    static OPENERS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let openers = OPENERS.get_or_init(|| {
        [
            include_str!("../resources/de/anaphoric_openers.txt"),
            include_str!("../resources/en/anaphoric_openers.txt"),
        ]
        .iter()
        .flat_map(|t| t.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
    });
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    openers.contains(first)
}

/// The weights of the keys unit `a` shares with unit `b`, in key order.
pub fn shared_keys<'a>(a: &'a Unit, b: &'a Unit) -> impl Iterator<Item = f64> + 'a {
    let mut j = 0;
    a.keys.iter().filter_map(move |&(k, w)| {
        while b.keys.get(j).is_some_and(|x| x.0 < k) {
            j += 1;
        }
        b.keys.get(j).is_some_and(|x| x.0 == k).then_some(w)
    })
}

/// Number of keys two units share outside entity mentions.
pub fn shared_content_keys(a: &Unit, b: &Unit) -> usize {
    shared_keys_outside(a, b, false)
}

/// Number of keys two units share outside entity mentions, and with `roles` also outside role
/// nouns (see [`Unit::role_keys`]).
fn shared_keys_outside(a: &Unit, b: &Unit, roles: bool) -> usize {
    let who = |u: &Unit, k: u32| {
        u.name_keys.binary_search(&k).is_ok() || roles && u.role_keys.binary_search(&k).is_ok()
    };
    let mut j = 0;
    a.keys
        .iter()
        .filter(|&&(k, _)| {
            while b.keys.get(j).is_some_and(|x| x.0 < k) {
                j += 1;
            }
            b.keys.get(j).is_some_and(|x| x.0 == k) && !who(a, k) && !who(b, k)
        })
        .count()
}

/// The part of its weight a key of the story's topic (see [`is_topic`]) adds when shared.
const TOPIC_SHARE: f64 = 0.5;

/// What a shared figure with its unit adds beyond a shared number.
const MEASURE_BONUS: f64 = 0.1;

/// Largest ratio between two values still read as the same measurement.
pub(crate) const NUMBER_RATIO: f64 = 1.5;

/// Do two units give different values for one measurement: a unit (`Fahrgäste`, `Prozent`)
/// that both count, a value of each that the other does not give, close enough to measure the
/// same thing (`rund 250.000 Fahrgäste` and `rund 300.000 Fahrgäste`; also beside a value both
/// give: `52,000 homes, down from a peak of 61,000` and `48,000 homes, down from 61,000`)? Such
/// sentences disagree: they are a divergence, never one confirmed fact.
fn numbers_conflict(a: &Unit, b: &Unit) -> bool {
    if a.numbers.is_empty() || b.numbers.is_empty() {
        return false;
    }
    // (no allocation: big stories ask this for many pairs of sentences)
    let gives =
        |u: &Unit, value: i64, unit: &str| u.numbers.iter().any(|(v, x)| *v == value && x == unit);
    a.numbers
        .iter()
        .filter(|(x, unit)| *x > 0 && !unit.is_empty() && unit != "ordinal" && !gives(b, *x, unit))
        .any(|(x, unit)| {
            b.numbers
                .iter()
                .filter(|(y, v)| v == unit && *y > 0 && !gives(a, *y, v))
                .any(|(y, _)| {
                    let (lo, hi) = ((*x).min(*y) as f64, (*x).max(*y) as f64);
                    hi / lo <= NUMBER_RATIO
                })
        })
}

/// Similarity of two units in `[0, ~1.2]`.
pub fn similarity(a: &Unit, b: &Unit) -> f64 {
    let (mut shared, mut count) = (0.0, 0usize);
    let mut j = 0;
    for &(k, w) in &a.keys {
        while b.keys.get(j).is_some_and(|x| x.0 < k) {
            j += 1;
        }
        if b.keys.get(j).is_some_and(|x| x.0 == k) {
            let topic = a.topic_keys.binary_search(&k).is_ok()
                && a.name_keys.binary_search(&k).is_err()
                && b.name_keys.binary_search(&k).is_err();
            shared += if topic { TOPIC_SHARE * w } else { w };
            count += 1;
        }
    }
    let content = shared_content_keys(a, b);
    if a.weight <= 0.0 || b.weight <= 0.0 {
        return 0.0;
    }
    let dice = 2.0 * shared / (a.weight + b.weight);
    // containment says little when only one or two words are shared
    let cont = shared / a.weight.min(b.weight) * (count as f64 / 3.0).min(1.0);
    let mut s = 0.5 * dice + 0.5 * cont;
    let ea = a.entities.len();
    let eb = b.entities.len();
    if ea > 0 && eb > 0 {
        let se = a.entities.intersection(&b.entities).count() as f64;
        let union = (ea + eb) as f64 - se;
        s = 0.85 * s + 0.15 * se / union + 0.03 * (se - 1.0).clamp(0.0, 2.0);
    }
    let same_number = a.numbers.iter().any(|n| n.0 != 0 && b.numbers.contains(n));
    if same_number {
        s += 0.1;
        // a figure with its unit (`74 Fahrgäste`, `18 Kilometer`) says more than a bare number
        if a.numbers
            .iter()
            .any(|n| n.0 != 0 && !n.1.is_empty() && n.1 != "ordinal" && b.numbers.contains(n))
        {
            s += MEASURE_BONUS;
        }
    }
    let se = a.entities.intersection(&b.entities).count();
    // one shared name (a speaker, a place) and at most one other shared word: two statements
    // about the same person or place, not one fact (`Kroll sagte, die Lage sei angespannt` and
    // `Kroll nannte den Einsatz vorbildlich`); see below
    // names and nothing else in common: the same people doing different things (`Putin traf
    // Witkoff und Kushner im Kreml` and `Witkoff und Kushner wollen in Florida mit Vertretern
    // aus Kiew sprechen`), unless on the same day
    // one word in common besides names and the story's topic: two sentences on the topic
    // (`Koalition in Kiel streitet über Haushaltsloch` and `… hat sich die Kieler Koalition auf
    // einen Haushaltsentwurf geeinigt`)
    let one_name = se == 1 && content <= 1 && !same_number;
    if shared_keys_outside(a, b, true) == 0 && !same_number {
        s = s.min(0.9 * FACT_THRESHOLD);
    }
    // the same people on the same day may well be one event
    match (&a.date, &b.date) {
        (Some(x), Some(y)) if x == y && x.len() == 10 => s += 0.05,
        (Some(x), Some(y)) if x.len() == 10 && y.len() == 10 && x != y => s -= 0.1,
        _ => {}
    }
    // one person and one other word in common are two statements of that person, also on one
    // day (`Jessen bezifferte die Lücke am Montag …`, `Jessen hatte am Montag Kürzungen
    // vorgeschlagen`); without a name, one word besides the story's topic makes no fact
    // (`Koalition in Kiel streitet über Haushaltsloch` and `… hat sich die Kieler Koalition auf
    // einen Haushaltsentwurf geeinigt`)
    let topic_only =
        se == 0 && !same_number && content.saturating_sub(shared_topic_keys(a, b)) <= 1;
    if one_name || topic_only || numbers_conflict(a, b) || counts_one_side(a, b) {
        s = s.min(0.9 * FACT_THRESHOLD);
    }
    s
}

/// Does one sentence count casualties or arrests (`drei Menschen leicht verletzt`) of which
/// the other says nothing: no number of that unit or value, and no word of such a state (`Ein
/// Großbrand … hat die Feuerwehr beschäftigt`)? Then the other does not confirm the figure,
/// and the two are no one fact. A sentence that writes of the state without the count (`Die
/// Lokführerin wurde schwer verletzt` beside `23 Menschen wurden verletzt, darunter die
/// Lokführerin`) may still be one.
fn counts_one_side(a: &Unit, b: &Unit) -> bool {
    use lagebild_nlp::quantity::{is_state_unit, mentions_state};
    let counts = |u: &Unit, v: &Unit| {
        u.numbers.iter().any(|(value, unit)| {
            is_state_unit(unit) && !v.numbers.iter().any(|(y, x)| x == unit || y == value)
        }) && !mentions_state(&v.text)
    };
    counts(a, b) || counts(b, a)
}

/// Number of keys two units share outside entity mentions that are keys of the story's topic.
fn shared_topic_keys(a: &Unit, b: &Unit) -> usize {
    a.topic_keys
        .iter()
        .filter(|k| {
            b.keys.binary_search_by_key(*k, |x| x.0).is_ok()
                && a.name_keys.binary_search(k).is_err()
                && b.name_keys.binary_search(k).is_err()
        })
        .count()
}

/// Candidate unit pairs (different articles) from the inverted index and shared copy.
pub fn candidates(units: &[Unit], wire: &WireResult) -> BTreeSet<(usize, usize)> {
    // postings of key ranks, then of entities
    let keys = units
        .iter()
        .flat_map(|u| u.keys.last())
        .map(|k| k.0 as usize + 1)
        .max()
        .unwrap_or(0);
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); keys];
    for (u, unit) in units.iter().enumerate() {
        let mut ks: Vec<(u32, f64)> = unit.keys.clone();
        ks.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (k, _) in ks.into_iter().take(INDEX_KEYS) {
            postings[k as usize].push(u);
        }
        for &e in &unit.entities {
            if postings.len() <= keys + e {
                postings.resize(keys + e + 1, Vec::new());
            }
            postings[keys + e].push(u);
        }
    }
    let mut out = Vec::new();
    for list in &postings {
        if list.len() > MAX_POSTING {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if units[i].doc != units[j].doc {
                    out.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    let at: HashMap<(usize, usize), usize> = units
        .iter()
        .enumerate()
        .map(|(i, u)| ((u.doc, u.sent), i))
        .collect();
    for p in &wire.passages {
        if let (Some(&i), Some(&j)) = (at.get(&p.a), at.get(&p.b)) {
            out.push((i.min(j), i.max(j)));
        }
    }
    out.into_iter().collect()
}

/// Pair similarities of candidate unit pairs, keyed `(smaller, larger)` index.
pub type Sims = FxHashMap<(usize, usize), f64>;

/// Fact clusters: lists of unit indices (one per article at most), ordered by first unit.
pub fn cluster(units: &[Unit], wire: &WireResult) -> (Vec<Vec<usize>>, Sims) {
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    let mut sims = Sims::default();
    for (i, j) in candidates(units, wire) {
        let s = similarity(&units[i], &units[j]);
        sims.insert((i, j), s);
        if s >= FACT_THRESHOLD {
            scored.push((s, i, j));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let n = units.len();
    let mut of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for (_, i, j) in scored {
        let (ci, cj) = (of[i], of[j]);
        if ci == cj {
            continue;
        }
        let di: BTreeSet<usize> = members[ci].iter().map(|&u| units[u].doc).collect();
        if members[cj].iter().any(|&u| di.contains(&units[u].doc)) {
            continue;
        }
        let (a, b) = (&members[ci], &members[cj]);
        // two sentences that give different values of one measurement never end in one fact,
        // also where each shares another figure with a third (`52,000 homes, down from a peak of
        // 61,000`, `48,000 homes, down from a peak of 61,000`, `61,000 homes`)
        let with_numbers = |m: &[usize]| -> Vec<usize> {
            m.iter()
                .copied()
                .filter(|&x| !units[x].numbers.is_empty())
                .take(CONFLICT_SAMPLE)
                .collect()
        };
        let (na, nb) = (with_numbers(a), with_numbers(b));
        let conflict = !nb.is_empty()
            && na
                .iter()
                .any(|&x| nb.iter().any(|&y| numbers_conflict(&units[x], &units[y])));
        if conflict {
            continue;
        }
        // average link over (a bounded sample of) the members, so facts do not chain
        if a.len() > 1 || b.len() > 1 {
            let mut total = 0.0;
            let mut count = 0.0;
            for &x in a.iter().take(LINK_SAMPLE) {
                for &y in b.iter().take(LINK_SAMPLE) {
                    total += sims
                        .get(&(x.min(y), x.max(y)))
                        .copied()
                        .unwrap_or_else(|| similarity(&units[x], &units[y]));
                    count += 1.0;
                }
            }
            if total / count < FACT_THRESHOLD * LINK_FACTOR {
                continue;
            }
        }
        let moved = std::mem::take(&mut members[cj]);
        for &u in &moved {
            of[u] = ci;
        }
        members[ci].extend(moved);
    }
    let mut clusters: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for c in &mut clusters {
        c.sort();
    }
    clusters.sort_by_key(|c| c[0]);
    (clusters, sims)
}

/// Similarity lookup for an unordered pair.
pub fn sim_of(sims: &Sims, a: usize, b: usize) -> f64 {
    sims.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0)
}

/// True when a unit reads as a full statement (not a headline, caption or fragment).
pub fn statement(u: &Unit) -> bool {
    let t = u.text.trim_end();
    let words = t.split_whitespace().count();
    (6..=70).contains(&words)
        && (t.ends_with('.')
            || t.ends_with('“')
            || t.ends_with('"')
            || t.ends_with('!')
            || t.ends_with('»'))
}

/// The most central unit of a cluster (full statements first, then sentences that stand on
/// their own, then reports rather than forecasts, then highest summed similarity; earliest on
/// ties).
pub fn representative(units: &[Unit], cluster: &[usize], sims: &Sims) -> usize {
    let mut best = (cluster[0], f64::MIN);
    for &u in cluster {
        let bonus = if statement(&units[u]) { 100.0 } else { 0.0 }
            + if units[u].standalone { 50.0 } else { 0.0 }
            + if units[u].forecast { 0.0 } else { 25.0 };
        let s: f64 = bonus
            + cluster
                .iter()
                .filter(|&&v| v != u)
                .map(|&v| sim_of(sims, u, v))
                .sum::<f64>();
        if s > best.1 + 1e-9 {
            best = (u, s);
        }
    }
    best.0
}

/// True when a lone sentence says enough to stand as a single-source fact.
pub fn informative(u: &Unit) -> bool {
    let words = u.text.split_whitespace().count();
    (6..=80).contains(&words)
        && !u.text.trim_end().ends_with('?')
        && (!u.entities.is_empty() || !u.numbers.is_empty() || u.date.is_some())
}

/// Sentences that state a fact of several articles although clustering put them elsewhere, per
/// cluster: clustering gives each sentence one fact and each fact one sentence per article, so
/// an article that states a fact twice (a headline and its lead) confirms it in one group only,
/// and a sentence stating two facts (`… ihr Werk in Zwickau mit 1.200 Beschäftigten bis Ende
/// 2027 zu schließen`) in one only. A sentence of an article that a fact of two or more
/// articles lacks supports that fact too when it is as similar to one member, and to (a sample
/// of) the members on average, as a pair must be to merge, and gives no other value of a figure
/// they give. The most similar such sentence of each article is taken.
fn support(units: &[Unit], clusters: &[Vec<usize>], sims: &Sims) -> Vec<Vec<usize>> {
    let mut of = vec![usize::MAX; units.len()];
    for (c, m) in clusters.iter().enumerate() {
        for &u in m {
            of[u] = c;
        }
    }
    // (cluster, article) → the unit of that article most similar to a member, and how similar
    let mut best: BTreeMap<(usize, usize), (f64, usize)> = BTreeMap::new();
    let mut pairs: Vec<(usize, usize, f64)> = sims
        .iter()
        .filter(|&(_, &s)| s >= FACT_THRESHOLD)
        .map(|(&(i, j), &s)| (i, j, s))
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    for (i, j, s) in pairs {
        for (member, other) in [(i, j), (j, i)] {
            let c = of[member];
            if c == of[other] || c == usize::MAX || clusters[c].len() < 2 {
                continue;
            }
            let key = (c, units[other].doc);
            if best
                .get(&key)
                .is_none_or(|&(b, u)| s > b || (s == b && other < u))
            {
                best.insert(key, (s, other));
            }
        }
    }
    let mut extra = vec![Vec::new(); clusters.len()];
    for ((c, doc), (_, u)) in best {
        let members = &clusters[c];
        if members.iter().any(|&m| units[m].doc == doc) {
            continue;
        }
        let sample: Vec<usize> = members.iter().copied().take(LINK_SAMPLE).collect();
        let mean = sample
            .iter()
            .map(|&m| {
                sims.get(&(m.min(u), m.max(u)))
                    .copied()
                    .unwrap_or_else(|| similarity(&units[m], &units[u]))
            })
            .sum::<f64>()
            / sample.len() as f64;
        let conflict = !units[u].numbers.is_empty()
            && members
                .iter()
                .take(CONFLICT_SAMPLE)
                .any(|&m| numbers_conflict(&units[m], &units[u]));
        if mean >= FACT_THRESHOLD && !conflict {
            extra[c].push(u);
        }
    }
    extra
}

/// How firmly a unit's sentence makes its statement in its article:
/// - *denied* when a denied quote with its words stands in it (`Brakhage bestritt, das
///   Unternehmen habe Mängel verschleppt`), or when the next sentence reports a denial without
///   them, which denies this one when it is a quote (`Die Stadt habe ein Gutachten ignoriert,
///   sagte er. Die Bürgermeisterin bestreitet das.`);
/// - *hedged* when it holds a hedge (`angeblich`, `offenbar`; `soll` only as hearsay about
///   something done: `Der Brand soll in der Küche ausgebrochen sein`, not `Die Beschäftigten
///   sollen in Kurzarbeit gehen`), as [`lagebild_nlp::quotes::hedged`] decides;
/// - *attributed* when a quote or its cue stands in it (`teilte die Stadt mit`, `nach Angaben
///   der Feuerwehr`);
/// - else *asserted*, by the outlet itself.
pub(crate) fn status(doc: &AnnotatedArticle, unit: &Unit) -> Epistemic {
    let (sent, span, text) = (unit.sent, unit.span, unit.text.as_str());
    let overlaps = |s: Span| s.start < span.end && span.start < s.end;
    let quoted = doc
        .quotes
        .iter()
        .any(|q| overlaps(q.span) || q.cue_span.is_some_and(overlaps));
    let denied_here = doc.quotes.iter().any(|q| {
        q.epistemic == Epistemic::Denied && q.kind != QuoteKind::Reported && overlaps(q.span)
    });
    // a denial answers what someone said: the sentence before it counts when it is a quote
    let denied_next = quoted
        && doc.sentences.get(sent + 1).is_some_and(|next| {
            doc.quotes.iter().any(|q| {
                q.epistemic == Epistemic::Denied
                    && q.kind == QuoteKind::Reported
                    && next.span.contains(&q.span)
            })
        });
    if denied_here || denied_next {
        return Epistemic::Denied;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if lagebild_nlp::quotes::hedged(doc, span, &words) {
        Epistemic::Hedged
    } else if quoted {
        Epistemic::Attributed
    } else {
        Epistemic::Asserted
    }
}

/// Build the facts of a story from its clusters.
pub fn facts(
    docs: &[AnnotatedArticle],
    units: &[Unit],
    clusters: &[Vec<usize>],
    sims: &Sims,
    origin: &[usize],
) -> Vec<(Fact, Vec<usize>)> {
    let mut out = Vec::new();
    let extra = support(units, clusters, sims);
    for (c, extra) in clusters.iter().zip(&extra) {
        if c.len() == 1 && !informative(&units[c[0]]) {
            continue;
        }
        let rep = representative(units, c, sims);
        let mut ev: Vec<usize> = c.iter().chain(extra).copied().collect();
        ev.sort_by_key(|&u| (units[u].doc, units[u].sent));
        let docs_in: BTreeSet<usize> = ev.iter().map(|&u| units[u].doc).collect();
        let origins: BTreeSet<usize> = docs_in.iter().map(|&d| origin[d]).collect();
        let evidence: Vec<Evidence> = ev
            .iter()
            .map(|&u| Evidence {
                article: docs[units[u].doc].article.id.clone(),
                text: units[u].text.clone(),
                start: units[u].span.start,
                end: units[u].span.end,
                status: status(&docs[units[u].doc], &units[u]),
            })
            .collect();
        let statuses = evidence.iter().map(|e| e.status);
        let status = if statuses.clone().any(|s| s == Epistemic::Denied) {
            Epistemic::Denied
        } else {
            statuses.min().unwrap_or_default()
        };
        let fact = Fact {
            text: units[rep].text.clone(),
            articles: docs_in
                .iter()
                .map(|&d| docs[d].article.id.clone())
                .collect(),
            origins: origins.len(),
            evidence,
            single_source: docs_in.len() == 1,
            status,
        };
        let mut order = vec![rep];
        order.extend(ev.iter().copied().filter(|&u| u != rep));
        out.push((fact, order));
    }
    out.sort_by(|a, b| {
        b.0.origins
            .cmp(&a.0.origins)
            .then(b.0.articles.len().cmp(&a.0.articles.len()))
            .then(a.1.iter().min().cmp(&b.1.iter().min()))
    });
    out
}

/// A unit of sentence `text` in article `doc`, without keys, names or numbers (for tests).
#[cfg(test)]
pub(crate) fn test_unit(doc: usize, text: &str) -> Unit {
    Unit {
        doc,
        sent: 0,
        span: Span::new(0, text.chars().count()),
        text: text.to_string(),
        keys: Vec::new(),
        weight: 0.0,
        name_keys: Vec::new(),
        role_keys: Vec::new(),
        topic_keys: Vec::new(),
        entities: BTreeSet::new(),
        numbers: BTreeSet::new(),
        date: None,
        also: Vec::new(),
        standalone: !leans_on_context(text),
        forecast: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn how_firmly_a_sentence_states_its_claim() {
        // the status of each sentence of a German article of 10 March 2026
        let statuses = |lang: &str, text: &str| -> Vec<(String, Epistemic)> {
            let doc = lagebild_nlp::annotate(lagebild_model::Article {
                id: "a".into(),
                language: lang.into(),
                published: Some("2026-03-10".into()),
                text: text.into(),
                ..Default::default()
            });
            doc.sentences
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let t = doc.article.text.chars().skip(s.span.start);
                    let t: String = t.take(s.span.end - s.span.start).collect();
                    let unit = Unit {
                        sent: i,
                        span: s.span,
                        ..test_unit(0, &t)
                    };
                    let st = status(&doc, &unit);
                    (t, st)
                })
                .collect()
        };
        let got = statuses(
            "de",
            "Der Brand soll in der Küche ausgebrochen sein. Der Täter war offenbar ortskundig. \
             Die Halle brannte bis auf die Grundmauern nieder. Die Arbeiten sollen bis 2030 \
             abgeschlossen sein. Die Beschäftigten sollen vorerst in Kurzarbeit gehen. Der Umbau \
             dient dem Wohl der Stadt. Nach Angaben der Feuerwehr war das Feuer um 3 Uhr \
             gelöscht.",
        );
        let want = [
            Epistemic::Hedged,
            Epistemic::Hedged,
            Epistemic::Asserted,
            Epistemic::Asserted,
            Epistemic::Asserted,
            Epistemic::Asserted,
            Epistemic::Attributed,
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((text, st), want) in got.iter().zip(want) {
            assert_eq!(*st, want, "{text}");
        }
        let got = statuses(
            "en",
            "The driver was allegedly drunk. The bridge was closed on Monday.",
        );
        let st: Vec<Epistemic> = got.iter().map(|x| x.1).collect();
        assert_eq!(st, vec![Epistemic::Hedged, Epistemic::Asserted], "{got:?}");
        // a denial with its words; the quote right before a denial without them, but not a
        // sentence of the outlet's own there
        let got = statuses(
            "de",
            "Der Geschäftsführer bestritt, dass die Firma Mängel verschleppt habe. Die \
             Initiative sagte, die Stadt habe ein Gutachten ignoriert. Die Stadt wies den \
             Vorwurf zurück. Der Angeklagte schwieg am ersten Tag. Sein Anwalt wies die \
             Anschuldigungen zurück.",
        );
        let st: Vec<Epistemic> = got.iter().map(|x| x.1).collect();
        assert_eq!(
            st,
            vec![
                Epistemic::Denied,
                Epistemic::Denied,
                Epistemic::Attributed,
                Epistemic::Asserted,
                Epistemic::Attributed
            ],
            "{got:?}"
        );
    }

    #[test]
    fn a_count_of_casualties_is_confirmed_only_by_what_speaks_of_them() {
        let unit = |text: &str, numbers: &[(i64, &str)]| {
            let mut u = test_unit(0, text);
            u.numbers = numbers.iter().map(|&(v, x)| (v, x.to_string())).collect();
            u
        };
        // the unit of `leicht verletzt` (the stem of `Leichtverletzte`)
        let injured = "leichtverletzt";
        assert!(lagebild_nlp::quantity::is_state_unit(injured));
        let counted = unit("Drei Menschen wurden leicht verletzt.", &[(3_000, injured)]);
        let silent = unit("Ein Großbrand beschäftigte die Feuerwehr.", &[]);
        assert!(counts_one_side(&counted, &silent) && counts_one_side(&silent, &counted));
        // a sentence that writes of the injured, or gives the same value, may confirm it
        let speaks = unit("Die Lokführerin wurde schwer verletzt.", &[]);
        assert!(!counts_one_side(&counted, &speaks));
        let same = unit("Drei Menschen kamen ins Krankenhaus.", &[(3_000, "mensch")]);
        assert!(!counts_one_side(&counted, &same));
    }

    #[test]
    fn different_values_of_one_measurement_conflict() {
        let unit = |numbers: &[(i64, &str)]| {
            let mut u = test_unit(0, "");
            u.numbers = numbers.iter().map(|&(v, x)| (v, x.to_string())).collect();
            u
        };
        let a = unit(&[(250_000_000, "fahrgast")]);
        let b = unit(&[(300_000_000, "fahrgast")]);
        assert!(numbers_conflict(&a, &b) && numbers_conflict(&b, &a));
        // the same value, other units, or values too far apart to measure one thing
        assert!(!numbers_conflict(&a, &a));
        assert!(!numbers_conflict(&a, &unit(&[(300_000_000, "euro")])));
        assert!(!numbers_conflict(&a, &unit(&[(9_000_000, "fahrgast")])));
        // one value in common and nothing else: the sentences share that figure
        let both = unit(&[(8_000, "prozent"), (5_000, "prozent")]);
        assert!(!numbers_conflict(&both, &unit(&[(5_000, "prozent")])));
        // a value in common beside two that differ
        assert!(numbers_conflict(
            &both,
            &unit(&[(9_000, "prozent"), (5_000, "prozent")])
        ));
        assert!(numbers_conflict(
            &unit(&[(8_000, "prozent")]),
            &unit(&[(9_000, "prozent")])
        ));
    }

    #[test]
    fn sentences_with_conflicting_figures_never_join_through_a_third() {
        let unit = |doc: usize, numbers: &[i64]| {
            let mut u = test_unit(doc, "");
            u.keys = (0..4).map(|k| (k, 2.0)).collect();
            u.weight = 8.0;
            u.numbers = numbers
                .iter()
                .map(|&v| (v * 1000, "home".to_string()))
                .collect();
            u
        };
        let units = vec![
            unit(0, &[52_000, 61_000]),
            unit(1, &[48_000, 61_000]),
            unit(2, &[61_000]),
        ];
        assert!(similarity(&units[0], &units[2]) >= FACT_THRESHOLD);
        assert!(similarity(&units[1], &units[2]) >= FACT_THRESHOLD);
        let wire = WireResult {
            passages: Vec::new(),
            wire_copy: Vec::new(),
            origin: vec![0, 1, 2],
        };
        let (clusters, _) = cluster(&units, &wire);
        assert!(
            clusters.iter().all(|c| !(c.contains(&0) && c.contains(&1))),
            "{clusters:?}"
        );
    }

    #[test]
    fn calendar_prefixes() {
        assert_eq!(calendar_date("2025-12-02T20:00"), Some("2025-12-02".into()));
        assert_eq!(calendar_date("2025-11"), Some("2025-11".into()));
        assert_eq!(calendar_date("2025"), Some("2025".into()));
        // a week by the month of its Thursday: week 46 of 2026 runs 9-15 November; week 1
        // of 2026 begins on 29 December 2025, its Thursday is 1 January
        assert_eq!(calendar_date("2026-W46"), Some("2026-11".into()));
        assert_eq!(calendar_date("2026-W01"), Some("2026-01".into()));
        assert_eq!(calendar_date("2020-W53"), Some("2020-12".into()));
        assert_eq!(calendar_date("2026-WXX"), Some("2026".into()));
        assert_eq!(calendar_date("XXXX-12-24"), None);
        assert_eq!(calendar_date("PT5H"), None);
        assert_eq!(calendar_date("2025-W49"), Some("2025-12".into()));
    }

    #[test]
    fn openers_that_point_back() {
        assert!(leans_on_context(
            "Er kündigte an, am Montag zu entscheiden."
        ));
        assert!(leans_on_context(
            "Deren Sprecher sagte, die Fähre fahre wieder."
        ));
        assert!(leans_on_context("„Dort ist alles ruhig“, sagte sie."));
        assert!(leans_on_context("They said the ferry was back."));
        assert!(!leans_on_context(
            "Der Sprecher sagte, die Fähre fahre wieder."
        ));
        assert!(!leans_on_context("Es regnet seit Tagen."));
        assert!(!leans_on_context("Erst am Montag fährt die Fähre wieder."));
        assert!(!leans_on_context("It is expected to reopen."));
    }

    use super::test_unit as unit;

    #[test]
    fn negations_are_found_in_both_languages() {
        use crate::divergence::is_negated as negated;
        assert!(negated("Wir haben so etwas seit 1997 nicht erlebt."));
        assert!(negated("Seit 2019 gab es keinen Unfall."));
        assert!(negated("It hasn't happened since 2019."));
        assert!(!negated("Die Partei sitzt seit 2016 im Landtag."));
        assert!(!negated("Keinath ist seit 2019 Landrat."));
        assert!(!negated("Notfallpläne gibt es seit 2019."));
    }

    #[test]
    fn a_shared_figure_with_its_unit_counts_more_than_a_bare_number() {
        // `An Bord waren 74 Fahrgäste, viele Pendler` / `Im Zug saßen 74 Fahrgäste aus der
        // Region`: the figure and two words in common
        let u = |keys: &[u32], number: (i64, &str)| Unit {
            keys: keys.iter().map(|&k| (k, 1.0)).collect(),
            weight: keys.len() as f64,
            numbers: BTreeSet::from([(number.0, number.1.to_string())]),
            ..unit(0, "")
        };
        let a = u(&[0, 1, 2, 3, 4], (74_000, "fahrgast"));
        let b = u(&[0, 1, 5, 6, 7], (74_000, "fahrgast"));
        let bare = (
            u(&[0, 1, 2, 3, 4], (74_000, "")),
            u(&[0, 1, 5, 6, 7], (74_000, "")),
        );
        let with_unit = similarity(&a, &b);
        assert!((with_unit - similarity(&bare.0, &bare.1) - MEASURE_BONUS).abs() < 1e-9);
        assert!(with_unit >= FACT_THRESHOLD);
    }

    #[test]
    fn a_sentence_supports_a_fact_it_was_not_clustered_with() {
        // article 0 states the closure twice (headline: keys 0–3; lead: 0–5 with a figure),
        // article 1 as the lead does, article 2 as the headline does
        let unit = |doc: usize, keys: &[u32], numbers: &[i64]| {
            let mut u = test_unit(doc, "");
            u.keys = keys.iter().map(|&k| (k, 1.0)).collect();
            u.weight = keys.len() as f64;
            u.numbers = numbers.iter().map(|&v| (v, "stelle".to_string())).collect();
            u
        };
        let mut units = vec![
            unit(0, &[0, 1, 2, 3], &[]),
            unit(0, &[0, 1, 2, 3, 4, 5], &[1_200]),
            unit(1, &[0, 1, 2, 3, 4, 5], &[1_200]),
            unit(2, &[0, 1, 2, 3], &[]),
        ];
        let wire = WireResult {
            passages: Vec::new(),
            wire_copy: Vec::new(),
            origin: vec![0, 1, 2, 3],
        };
        let facts_of = |units: &[Unit]| {
            let (clusters, sims) = cluster(units, &wire);
            let lead = clusters.iter().position(|c| c.contains(&1)).unwrap();
            let headline = clusters.iter().position(|c| c.contains(&0)).unwrap();
            assert_ne!(lead, headline, "{clusters:?}");
            let extra = support(units, &clusters, &sims);
            (extra[lead].clone(), extra[headline].clone())
        };
        // each fact gains the article that clustering gave to the other one
        let (lead, headline) = facts_of(&units);
        assert_eq!((lead, headline), (vec![3], vec![2]));
        // article 3 gives another value of the figure: it joins the headline's group, and then
        // neither the lead's group takes it nor the headline's group article 1's lead
        units.push(unit(3, &[0, 1, 2, 3, 4, 5, 6], &[900]));
        let (lead, headline) = facts_of(&units);
        assert_eq!((lead, headline), (vec![3], vec![]));
    }

    #[test]
    fn one_shared_name_makes_no_fact() {
        // keys as ranks with weights; key 0 is the name (inside a mention) of both
        let u = |keys: &[u32], names: &[u32]| Unit {
            keys: keys.iter().map(|&k| (k, 1.0)).collect(),
            weight: keys.len() as f64,
            name_keys: names.to_vec(),
            entities: BTreeSet::from([7]),
            ..unit(0, "")
        };
        // `Roth sagte, die Lage sei ernst` / `Roth lobte die Helfer`: the name, one word more
        let a = u(&[0, 1, 2, 3], &[0]);
        let b = u(&[0, 1, 4, 5], &[0]);
        assert!(similarity(&a, &b) < FACT_THRESHOLD);
        // the same statement in other words shares more than the name
        let c = u(&[0, 1, 2, 6], &[0]);
        assert!(similarity(&a, &c) >= FACT_THRESHOLD);
        // without the name being a name, the shared words count as content
        let d = u(&[0, 1, 4, 5], &[]);
        let e = u(&[0, 1, 2, 3], &[]);
        assert!(similarity(&d, &e) > similarity(&a, &b));
    }

    #[test]
    fn names_and_roles_alone_make_no_fact() {
        // `Der Gesandte Berg und Sohn Kai Lind trafen Vogt` / `Der Gesandte Berg und Sohn Kai
        // Lind wollen in Rom verhandeln`: three names (keys 0–2) and two role nouns (3, 4)
        // shared, nothing of what they did
        let u = |keys: &[u32]| Unit {
            keys: keys.iter().map(|&k| (k, 1.0)).collect(),
            weight: keys.len() as f64,
            name_keys: vec![0, 1, 2],
            role_keys: vec![3, 4],
            entities: BTreeSet::from([1, 2, 3]),
            ..unit(0, "")
        };
        let met = u(&[0, 1, 2, 3, 4, 5]);
        let plans = u(&[0, 1, 2, 3, 4, 6, 7]);
        assert!(similarity(&met, &plans) < FACT_THRESHOLD);
        // one word of what they did in common (`trafen` / `Treffen`) makes it one fact
        let meeting = u(&[0, 1, 2, 3, 4, 5, 8]);
        assert!(similarity(&met, &meeting) >= FACT_THRESHOLD);
    }

    #[test]
    fn a_sentence_that_stands_alone_represents_its_fact() {
        let units = vec![
            unit(
                0,
                "Er sagte, die Fähre über die Lenne fahre ab Montag wieder.",
            ),
            unit(
                1,
                "Bürgermeister Jan Roth sagte, die Fähre fahre ab Montag wieder.",
            ),
            unit(2, "Ihr Sprecher sagte, die Fähre fahre ab Montag wieder."),
        ];
        // the first sentence is the most central, but leans on the one before it
        let mut sims = Sims::default();
        sims.insert((0, 1), 0.6);
        sims.insert((0, 2), 0.9);
        sims.insert((1, 2), 0.5);
        assert_eq!(representative(&units, &[0, 1, 2], &sims), 1);
        // with no sentence standing alone, the most central one
        assert_eq!(representative(&units, &[0, 2], &sims), 0);
    }
}
