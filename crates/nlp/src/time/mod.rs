//! Temporal expressions and event dating, in the manner of HeidelTime.
//!
//! The engine ([`Grammar`]) knows no language: each language brings four resource files under
//! `resources/<lang>/` (`time_macros.txt`, `time_norm.txt`, `time_rules.txt`,
//! `time_cues.txt`; their format is described in `engine.rs` and `docs/time.md`). Rules turn
//! text into TIMEX3 types and value templates; the resolver (`resolve.rs`) fills in what the
//! text leaves open from the document creation time (news mode) or from the last date the
//! text mentioned (narrative mode, used without a creation date or when the text's explicit
//! dates lie far before it).
//!
//! [`TimeTagger`] adds `doc.timexes` and `doc.sentence_dates` to an article.

pub use lagebild_model::calendar;
mod engine;
mod literals;
mod resolve;

pub use calendar::Date;
pub use engine::{Grammar, ResourceError, Resources, Tense};
pub use resolve::Mode;

use crate::Annotator;
use lagebild_model::{AnnotatedArticle, CharIndex, TimeExpr, TimexType};
use resolve::{Context, Point};
use std::sync::OnceLock;

/// Why no grammar is available.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// No resources for this language code.
    UnknownLanguage(String),
    /// The embedded resources do not compile.
    Resource(ResourceError),
}

impl std::fmt::Display for TimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimeError::UnknownLanguage(l) => write!(f, "no temporal resources for language {l:?}"),
            TimeError::Resource(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for TimeError {}

macro_rules! language {
    ($lang:literal) => {
        Resources {
            macros: include_str!(concat!("../../resources/", $lang, "/time_macros.txt")),
            norm: include_str!(concat!("../../resources/", $lang, "/time_norm.txt")),
            rules: include_str!(concat!("../../resources/", $lang, "/time_rules.txt")),
            cues: include_str!(concat!("../../resources/", $lang, "/time_cues.txt")),
        }
    };
}

/// The compiled grammar of a language (`de`, `en`), built once.
pub fn grammar(lang: &str) -> Result<&'static Grammar, TimeError> {
    static DE: OnceLock<Result<Grammar, ResourceError>> = OnceLock::new();
    static EN: OnceLock<Result<Grammar, ResourceError>> = OnceLock::new();
    let cell = match lang {
        "de" => DE.get_or_init(|| {
            Grammar::new(language!("de")).map(|g| {
                g.with_konjunktiv()
                    .with_past_cues(&crate::quotes::lexicon::Lexicon::get().preterites)
            })
        }),
        "en" => EN.get_or_init(|| Grammar::new(language!("en"))),
        other => return Err(TimeError::UnknownLanguage(other.to_string())),
    };
    cell.as_ref().map_err(|e| TimeError::Resource(e.clone()))
}

impl Grammar {
    /// For each candidate, the one right after it in the same phrase (only lower-case words and
    /// spaces between, at most [`DAY_AFTER_GAP`] bytes) that does not depend on the reference
    /// date: its template, start and end.
    fn day_after(
        &self,
        text: &str,
        cands: &[engine::Candidate],
        mode: Mode,
    ) -> Vec<Option<(String, usize, usize)>> {
        (0..cands.len())
            .map(|i| {
                let next = cands.get(i + 1)?;
                let gap = text.get(cands[i].end..next.start)?;
                let template = match mode {
                    Mode::News => &next.value,
                    Mode::Narrative => &next.narrative,
                };
                (gap.len() <= DAY_AFTER_GAP
                    && gap.chars().all(|c| c.is_lowercase() || c == ' ')
                    && matches!(next.kind, TimexType::Date | TimexType::Time)
                    && !template.contains("{ref:")
                    && !template.contains("{near:")
                    && !template.contains("{event:"))
                .then(|| (template.clone(), next.start, next.end))
            })
            .collect()
    }
}

/// See [`Grammar::day_after`].
const DAY_AFTER_GAP: usize = 12;

/// Explicit years far before the creation date (median more than this many years back, at
/// least [`NARRATIVE_MIN_YEARS`] of them) make a text narrative.
const NARRATIVE_GAP: i32 = 10;
/// The same gap for a text that never names a weekday (a history rather than news).
const NARRATIVE_GAP_NO_WEEKDAYS: i32 = 1;
/// See [`NARRATIVE_GAP`].
const NARRATIVE_MIN_YEARS: usize = 3;

impl Grammar {
    /// Tag `text`: expressions with char spans, normalised against `dct` (the document creation
    /// date); without `dct`, or when the text is a history rather than news, in narrative mode.
    pub fn tag(&self, text: &str, dct: Option<Date>) -> Vec<TimeExpr> {
        let cands = self.candidates(text);
        let mode = match dct {
            None => Mode::Narrative,
            Some(d) => {
                let mut years: Vec<i32> = cands
                    .iter()
                    .filter(|c| matches!(c.kind, TimexType::Date | TimexType::Time))
                    .filter(|c| !c.value.contains('{'))
                    .filter_map(|c| Point::of_value(&c.value))
                    .map(|p| p.year)
                    .collect();
                years.sort_unstable();
                // News speaks of weekdays; histories do not.
                let weekdays = cands
                    .iter()
                    .any(|c| c.value.contains("wd:") || c.value.contains("{weekday"));
                let gap = if weekdays {
                    NARRATIVE_GAP
                } else {
                    NARRATIVE_GAP_NO_WEEKDAYS
                };
                match years.get(years.len() / 2) {
                    Some(&median)
                        if years.len() >= NARRATIVE_MIN_YEARS && median < d.year - gap =>
                    {
                        Mode::Narrative
                    }
                    _ => Mode::News,
                }
            }
        };
        let mut ctx = Context {
            dct,
            mode,
            reference: None,
            day_reference: None,
            event: None,
        };
        let side = side_years(&cands);
        let index = CharIndex::new(text);
        let mut out: Vec<TimeExpr> = Vec::with_capacity(cands.len());
        // byte range of each expression in `out`
        let mut bytes: Vec<(usize, usize)> = Vec::with_capacity(cands.len());
        let mut deferred = Vec::new();
        let range_ends = self.range_end_years(text, &cands);
        let day_after = self.day_after(text, &cands, mode);
        for (((c, side), range_end), day_after) in
            cands.into_iter().zip(side).zip(range_ends).zip(day_after)
        {
            let template = match mode {
                Mode::News => &c.value,
                Mode::Narrative => &c.narrative,
            };
            let needs_tense = template.contains("{Y}") || template.contains("{weekday");
            let tense = if needs_tense {
                self.tense(text, c.start, c.end)
            } else {
                Tense::Unknown
            };
            let value = match (range_end, day_after) {
                (Some(end), _) if template.starts_with("{Y}") => ctx.in_year_of(template, end),
                // `gegen 3 Uhr in der Nacht zu Montag`: the time is on the day named after it
                (_, Some((next, next_start, next_end)))
                    if template.contains("{ref:") || template.contains("{near:") =>
                {
                    let next_tense = self.tense(text, next_start, next_end);
                    let day = Point::of_value(&ctx.clone().resolve(&next, next_tense))
                        .filter(|p| p.day.is_some());
                    let mut own = ctx.clone();
                    if day.is_some() {
                        own.reference = day;
                    }
                    own.resolve(template, tense)
                }
                _ => ctx.resolve(template, tense),
            };
            // a date relative to a named event waits until the text's event date is known
            let about_event = template.contains("{event:");
            if about_event {
                deferred.push((out.len(), template.clone(), ctx.clone()));
            }
            if matches!(c.kind, TimexType::Date | TimexType::Time)
                && !side
                && !about_event
                && !self.is_edge(text, c.start)
            {
                if let Some(p) = Point::of_value(&value) {
                    // A relative expression moves the reference forward or within a day, never
                    // back to an earlier year (`Ende des vorangegangenen Jahres`).
                    let backwards = template.contains('{')
                        && p.day.is_none()
                        && ctx.reference.is_some_and(|r| p.year < r.year);
                    if !backwards {
                        ctx.reference = Some(p);
                        if p.day.is_some() {
                            ctx.day_reference = Some(p);
                        }
                    }
                }
            }
            bytes.push((c.start, c.end));
            out.push(TimeExpr {
                span: index.span(c.start, c.end),
                text: text[c.start..c.end].to_string(),
                kind: c.kind,
                value,
            });
        }
        if !deferred.is_empty() {
            // the event's date: the day of the sentences that name it (`Verhandlungen` … `am
            // Dienstag`), else the day the text mentions most often
            let dated: Vec<usize> = (0..out.len())
                .filter(|i| !deferred.iter().any(|d| d.0 == *i))
                .collect();
            let anywhere = main_days(&out, &dated, dct);
            for (i, template, mut ctx) in deferred {
                let (s, e) = bytes[i];
                let own = engine::sentence_window(text, s, e);
                let naming: Vec<usize> = event_word(&text[e..], |w| self.is_event_article(w))
                    .map(|word| {
                        dated
                            .iter()
                            .copied()
                            .filter(|&j| {
                                let (a, b) = engine::sentence_window(text, bytes[j].0, bytes[j].1);
                                (a, b) != own && names_event(&text[a..b], &word)
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                // the event the sentence names, else the day the text mentions most often;
                // in a sentence that reports (past tense), only a day that puts the
                // expression before the creation date (`Einen Tag nach dem Warnstreik haben
                // … gesendet`, written the day after it, is not the day after the day of
                // writing)
                let past = self.tense(text, s, e) == Tense::Past;
                let fits = |p: &Point| {
                    let c = Context {
                        event: Some(*p),
                        ..ctx.clone()
                    };
                    let v = c.resolve(&template, Tense::Unknown);
                    !past
                        || match (Point::of_value(&v).and_then(|p| p.date()), dct) {
                            (Some(d), Some(now)) => d.days() <= now.days(),
                            _ => true,
                        }
                };
                // a day the sentence gives after its verb (`Am Tag nach der Teileinigung …
                // überwog am Mittwoch …`) is the day the expression names; a day right after
                // the event's noun is the event's (`Einen Tag nach der Wahl am Sonntag`)
                let own_day = || {
                    dated
                        .iter()
                        .filter(|&&j| engine::sentence_window(text, bytes[j].0, bytes[j].1) == own)
                        .filter(|&&j| {
                            bytes[j].0 > e
                                && text[e..bytes[j].0].split_whitespace().any(|w| {
                                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                                    w.starts_with(char::is_lowercase)
                                        && !crate::stopwords::is_stopword("de", w)
                                        && !crate::stopwords::is_stopword("en", w)
                                })
                        })
                        .filter_map(|&j| Point::of_value(&out[j].value)?.date())
                        .find_map(|d| {
                            (-7..=7).map(|k| Point::from(d.add_days(k))).find(|p| {
                                let c = Context {
                                    event: Some(*p),
                                    ..ctx.clone()
                                };
                                Point::of_value(&c.resolve(&template, Tense::Unknown))
                                    .and_then(|v| v.date())
                                    == Some(d)
                            })
                        })
                };
                ctx.event = main_days(&out, &naming, dct)
                    .into_iter()
                    .find(|p| fits(p))
                    .or_else(own_day)
                    .or_else(|| anywhere.iter().copied().find(|p| fits(p)))
                    .or(anywhere.first().copied());
                out[i].value = ctx.resolve(&template, Tense::Unknown);
            }
        }
        out
    }

    /// For each candidate, the date that closes the range it opens, when that date names its
    /// year and a month (`16. September bis 10. Oktober 1779`, `Februar bis Juni 1776`): the
    /// open end of such a range lies in the closing date's year, or the year before.
    fn range_end_years(&self, text: &str, cands: &[engine::Candidate]) -> Vec<Option<Point>> {
        let mut out = vec![None; cands.len()];
        for (i, pair) in cands.windows(2).enumerate() {
            let (a, b) = (&pair[0], &pair[1]);
            if matches!(b.kind, TimexType::Date | TimexType::Time)
                && !b.value.contains('{')
                && self.joins_range(&text[a.end..b.start])
            {
                out[i] = Point::of_value(&b.value).filter(|p| p.month.is_some());
            }
        }
        out
    }
}

/// The noun (lower case) of the event phrase after a relative day: `der Moskauer
/// Verhandlungen` → `verhandlungen`, `dem Deichbruch in …` → `deichbruch`, `the peace talks` →
/// `talks`; `None` when no article (`[event-articles]` of the cue file) opens the phrase.
fn event_word(after: &str, is_article: impl Fn(&str) -> bool) -> Option<String> {
    let mut words = after.split_whitespace();
    if !is_article(&words.next()?.to_lowercase()) {
        return None;
    }
    let mut last = None;
    for raw in words.take(3) {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let low = w.to_lowercase();
        if w.is_empty()
            || crate::stopwords::is_stopword("de", &low)
            || crate::stopwords::is_stopword("en", &low)
        {
            break;
        }
        last = Some(low);
        if raw.ends_with(|c: char| !c.is_alphanumeric()) {
            break;
        }
    }
    last
}

/// Does a sentence name the event `noun`: a word that shares its first five letters
/// (`Verhandlungen`, `verhandelt`), or of four letters or more that begins it (`Damm` for
/// `Dammbruch`) or ends it, its head (`Brand` for `Großbrand`)?
fn names_event(sentence: &str, noun: &str) -> bool {
    sentence.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let w = w.to_lowercase();
        let shared = w
            .chars()
            .zip(noun.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let n = w.chars().count();
        shared >= 5
            || (shared >= 4 && shared == n)
            || (n >= 4 && n < noun.chars().count() && noun.ends_with(&w))
    })
}

/// The days that the expressions at `among` name, most often named first; of equally frequent
/// days the one nearest the creation date comes first (the earliest without one).
fn main_days(exprs: &[TimeExpr], among: &[usize], dct: Option<Date>) -> Vec<Point> {
    let mut days: Vec<Point> = among
        .iter()
        .map(|&i| &exprs[i])
        .filter(|e| matches!(e.kind, TimexType::Date | TimexType::Time))
        .filter_map(|e| Point::of_value(&e.value))
        .filter(|p| p.day.is_some())
        .collect();
    days.sort_by_key(|p| (p.year, p.month, p.day));
    let distance = |p: &Point| match (dct, p.date()) {
        (Some(d), Some(x)) => (x.days() - d.days()).abs(),
        _ => 0,
    };
    let mut runs: Vec<(usize, Point)> = days
        .chunk_by(|a, b| a == b)
        .map(|run| (run.len(), run[0]))
        .collect();
    // stable: of equally frequent and equally near days, the earliest stays first
    runs.sort_by_key(|(n, p)| (std::cmp::Reverse(*n), distance(p)));
    runs.into_iter().map(|(_, p)| p).collect()
}

/// Marks explicit mentions that are side remarks rather than the text's timeline (`die 1881
/// gegründete Bank` or a flashback `beim Kriegsrat vom 8. Dezember 1912` in a text about
/// 1914): neither the nearest other explicit mention with a month before nor the one after
/// lies within a year of it. Side remarks do not become the reference for later expressions.
fn side_years(cands: &[engine::Candidate]) -> Vec<bool> {
    let explicit: Vec<Option<Point>> = cands
        .iter()
        .map(|c| {
            let dated = matches!(c.kind, TimexType::Date | TimexType::Time);
            if dated && !c.value.contains('{') {
                Point::of_value(&c.value)
            } else {
                None
            }
        })
        .collect();
    let monthly: Vec<(usize, i32)> = explicit
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.filter(|p| p.month.is_some()).map(|p| (i, p.year)))
        .collect();
    explicit
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let Some(p) = p else {
                return false;
            };
            let at = monthly.partition_point(|&(j, _)| j < i);
            let near = |k: Option<&(usize, i32)>| k.is_some_and(|&(_, y)| (y - p.year).abs() <= 1);
            let before = at.checked_sub(1).and_then(|k| monthly.get(k));
            let after = monthly[at..].iter().find(|&&(j, _)| j > i);
            (before.is_some() || after.is_some()) && !near(before) && !near(after)
        })
        .collect()
}

/// Length in chars of a dateline opening a sentence, with the space after it, or 0: a few words
/// before a free-standing dash that name the place in capitals or credit an agency in brackets
/// (`Auenstedt (dpa) - Nach …`, `BERLIN - …`, `HARTFIELD, March 4 (Agency) – …`), or a live
/// ticker's time stamp ([`stamp_len`]). The statement after the dash
/// starts with a capital or a quotation mark.
pub fn dateline_chars(text: &str) -> usize {
    let stamp = stamp_len(text);
    if stamp > 0 {
        return text[..stamp].chars().count();
    }
    // words with their byte offsets
    let mut words = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w));
    let mut before: Vec<&str> = Vec::new();
    for (_, w) in words.by_ref().take(9) {
        if matches!(w, "-" | "–" | "—") {
            break;
        }
        before.push(w);
    }
    let Some((start, next)) = words.next() else {
        return 0;
    };
    if before.is_empty() || before.len() >= 9 {
        return 0;
    }
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !w.chars().any(char::is_lowercase)
    };
    let credit = before.iter().any(|w| w.starts_with('('))
        && before.last().is_some_and(|l| l.ends_with(')'));
    let opens = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '„' | '"' | '“' | '»'));
    if (credit || capitals(before[0])) && opens {
        text[..start].chars().count()
    } else {
        0
    }
}

/// Length in bytes of a live ticker's time stamp opening `text`, with the dash or colon and
/// the space after it, or 0: a time (`11.40`, `07:30`), maybe a clock word
/// (`resources/clock_words.txt`: `Uhr`, `GMT`), then a free-standing dash or a colon, and a
/// capital or quotation mark opening the statement (`11.40 Uhr: Die Feuerwehr …`, `07:30 GMT –
/// The first …`).
pub fn stamp_len(text: &str) -> usize {
    static CLOCK: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    let clock = CLOCK.get_or_init(|| {
        include_str!("../../resources/clock_words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    let is_time = |w: &str| {
        let w = w.strip_suffix(':').unwrap_or(w);
        let (h, m) = match w.split_once([':', '.']) {
            Some(hm) => hm,
            None => return false,
        };
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    };
    let mut words = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w));
    let Some((_, first)) = words.next().filter(|(_, w)| is_time(w)) else {
        return 0;
    };
    let mut last = first;
    let mut next = words.next();
    if let Some((_, w)) = next.filter(|(_, w)| clock.contains(w.trim_end_matches(':'))) {
        last = w;
        next = words.next();
    }
    if next.is_some_and(|(_, w)| matches!(w, "-" | "–" | "—")) && !last.ends_with(':') {
        next = words.next();
    } else if !last.ends_with(':') {
        return 0;
    }
    match next {
        Some((start, w))
            if w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || matches!(c, '„' | '"' | '“' | '»')) =>
        {
            start
        }
        _ => 0,
    }
}

/// The temporal tagger: fills `doc.timexes` and `doc.sentence_dates`, with
/// `doc.article.published` as creation date.
pub struct TimeTagger;

impl Annotator for TimeTagger {
    fn annotate(&self, doc: &mut AnnotatedArticle) {
        let lang = match doc.article.language.as_str() {
            "en" => "en",
            _ => "de",
        };
        let Ok(g) = grammar(lang) else {
            return;
        };
        let text = &doc.article.text;
        let dct = doc.article.published.as_deref().and_then(Date::parse);
        doc.timexes = g.tag(text, dct);
        let index = CharIndex::new(text);
        doc.sentence_dates = doc
            .sentences
            .iter()
            .map(|s| {
                let own = doc
                    .timexes
                    .iter()
                    .filter(|t| s.span.contains(&t.span))
                    .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
                    .find_map(|t| calendar_part(&t.value));
                own.or_else(|| {
                    let d = dct?;
                    let (a, b) = (index.byte_of(s.span.start), index.byte_of(s.span.end));
                    (g.passage_tense(&text[a..b]) == Tense::Past).then(|| {
                        format!("{}-{:02}-{:02}", resolve::fmt_year(d.year), d.month, d.day)
                    })
                })
            })
            .collect();
    }
}

/// The calendar part of a value (`2025-12-02TEV` → `2025-12-02`, `1942-SU` → `1942`), if it
/// names a known year.
fn calendar_part(value: &str) -> Option<String> {
    let p = Point::of_value(value)?;
    let year = resolve::fmt_year(p.year);
    Some(match (p.month, p.day) {
        (Some(m), Some(d)) => format!("{year}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year}-{m:02}"),
        _ => year,
    })
}

#[cfg(test)]
mod tests;
