//! Divergences: where the outlets of a story differ.
//!
//! - *number*: quantities of one unit whose values are close (within a factor of 1.5) but not
//!   equal, or equal with a different qualifier (`fast fünf Stunden` vs `fünf Stunden`);
//! - *attribution*: one quote group whose reports name different speakers;
//! - *wording*: similar sentences of different articles judging with different evaluative
//!   words (`rundweg ab` vs `inakzeptabel`; lexicon `resources/de/evaluative.txt`);
//! - *date*: one fact dated differently by different articles (sentences about plans,
//!   expectations or days counted from another event left out: `resources/{de,en}/
//!   no_event_date.txt`);
//! - *contradiction*: a "for the first time" claim about people whom another article shows
//!   together at an earlier date.

use crate::facts::{Sims, Unit, NUMBER_RATIO};
use crate::features::DocText;
use crate::labels::{fill, label};
use crate::quotes::Report;
use lagebild_model::calendar::Date;
use lagebild_model::{
    AnnotatedArticle, Divergence, DivergenceKind, EntityType, Span, TimeExpr, TimexType, Variant,
};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const EVALUATIVE: &str = include_str!("../resources/de/evaluative.txt");
const NEGATORS: &str = include_str!("../resources/de/negators.txt");
const NEGATORS_EN: &str = include_str!("../resources/en/negators.txt");
/// How many words before a lexicon entry a negator still negates it.
const NEGATION_REACH: usize = 2;
const NO_EVENT_DATE_DE: &str = include_str!("../resources/de/no_event_date.txt");
const NO_EVENT_DATE_EN: &str = include_str!("../resources/en/no_event_date.txt");
/// Similarity two sentences need for their evaluations to be compared.
const WORDING_SIM: f64 = 0.2;
/// Most wording divergences reported per story.
const MAX_WORDING: usize = 8;

/// A lexicon of single words (matched with an inflection ending) and phrases (matched word for
/// word).
struct Lexicon {
    /// Words that cancel an entry found up to [`NEGATION_REACH`] words after them (none for
    /// lexicons of cue words).
    negators: FxHashSet<String>,
    words: FxHashSet<String>,
    /// Entry → the `[section]` of the data file it stands in (absent before any section).
    sections: FxHashMap<String, String>,
    /// First word → the phrases starting with it (entry, its words).
    phrases: FxHashMap<String, Vec<(String, Vec<String>)>>,
}

/// Endings a lexicon word may carry (`inakzeptabel` → `inakzeptable`, …).
const ENDINGS: [&str; 8] = ["", "e", "en", "er", "es", "em", "n", "s"];

impl Lexicon {
    /// Entries of data files: one a line, `#` comments.
    fn parse(texts: &[&str]) -> Lexicon {
        let mut lex = Lexicon {
            negators: FxHashSet::default(),
            words: FxHashSet::default(),
            sections: FxHashMap::default(),
            phrases: FxHashMap::default(),
        };
        let mut section = None;
        for e in texts
            .iter()
            .flat_map(|t| t.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
        {
            if let Some(name) = e.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(name.to_string());
                continue;
            }
            if let Some(name) = &section {
                lex.sections.insert(e.clone(), name.clone());
            }
            if e.contains(' ') {
                let words: Vec<String> = e.split(' ').map(str::to_string).collect();
                let first = words[0].clone();
                lex.phrases.entry(first).or_default().push((e, words));
            } else {
                lex.words.insert(e);
            }
        }
        lex
    }

    /// The entries a sentence contains; a phrase subsumes its single words.
    fn terms(&self, sentence: &str) -> BTreeSet<String> {
        let low = sentence.to_lowercase();
        let words: Vec<&str> = low
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let mut out = BTreeSet::new();
        let negated = |i: usize| {
            words[i.saturating_sub(NEGATION_REACH)..i]
                .iter()
                .any(|w| self.negators.contains(*w))
        };
        // a word is an entry plus one of the endings
        for (i, w) in words.iter().enumerate() {
            if negated(i) {
                continue;
            }
            for ending in ENDINGS {
                if let Some(e) = w.strip_suffix(ending).and_then(|b| self.words.get(b)) {
                    out.insert(e.clone());
                }
            }
        }
        for (i, w) in words.iter().enumerate().filter(|&(i, _)| !negated(i)) {
            for (e, phrase) in self.phrases.get(*w).map_or(&[][..], Vec::as_slice) {
                if words
                    .get(i..i + phrase.len())
                    .is_some_and(|ws| ws == phrase.as_slice())
                {
                    out.insert(e.clone());
                }
            }
        }
        let phrases: Vec<String> = out.iter().filter(|e| e.contains(' ')).cloned().collect();
        out.retain(|e| e.contains(' ') || !phrases.iter().any(|p| p.split(' ').any(|w| w == e)));
        out
    }
}

/// Negating words of both languages (`resources/{de,en}/negators.txt`).
fn negators() -> &'static FxHashSet<String> {
    static N: OnceLock<FxHashSet<String>> = OnceLock::new();
    N.get_or_init(|| Lexicon::parse(&[NEGATORS, NEGATORS_EN]).words)
}

/// True for a sentence with a negating word (`nicht`, `keinen`, `never`, `hasn't`).
pub(crate) fn is_negated(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .any(|w| {
            let w = w.to_lowercase();
            negators().contains(&w) || w.ends_with("n't") || w.ends_with("n’t")
        })
}

fn evaluative() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut lex = Lexicon::parse(&[EVALUATIVE]);
        lex.negators = negators().clone();
        lex
    })
}

/// Evaluative terms of a sentence, as entries of `resources/de/evaluative.txt`; a term after a
/// negator (`resources/de/negators.txt`: `keinen Durchbruch`) is no judgement and left out.
pub fn evaluative_terms(sentence: &str) -> BTreeSet<String> {
    evaluative().terms(sentence)
}

/// The evaluative terms of a sentence by the aspect they judge (the sections of
/// `resources/de/evaluative.txt`: `acceptance`, `outcome`, …).
fn judgements(sentence: &str) -> BTreeMap<String, BTreeSet<String>> {
    let lex = evaluative();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for t in lex.terms(sentence) {
        let aspect = lex.sections.get(&t).cloned().unwrap_or_default();
        out.entry(aspect).or_default().insert(t);
    }
    out
}

/// True when a sentence speaks of a plan, an expectation, something that has not happened or
/// a day counted from another event (`resources/{de,en}/no_event_date.txt`), so that its date
/// is no date of the event it reports.
pub(crate) fn no_event_date(sentence: &str) -> bool {
    static L: OnceLock<Lexicon> = OnceLock::new();
    !L.get_or_init(|| Lexicon::parse(&[NO_EVENT_DATE_DE, NO_EVENT_DATE_EN]))
        .terms(sentence)
        .is_empty()
}

/// The language most of the story's articles are in (for the summaries' labels).
fn language(docs: &[AnnotatedArticle]) -> &'static str {
    crate::labels::majority(docs.iter().map(|d| d.article.language.as_str()))
}

fn ids(docs: &[AnnotatedArticle], set: &BTreeSet<usize>) -> Vec<String> {
    set.iter().map(|&d| docs[d].article.id.clone()).collect()
}

/// True when the variants split the articles: some article set is not inside another's.
fn splits(variants: &[BTreeSet<usize>]) -> bool {
    variants.iter().enumerate().any(|(i, a)| {
        variants.iter().enumerate().any(|(j, b)| {
            i != j && a.difference(b).next().is_some() && b.difference(a).next().is_some()
        })
    })
}

/// A figure as the story's language writes it (`6,75` in German, `6.75` in English).
fn number_word(v: f64, lang: &str) -> String {
    let de = lang == "de";
    let decimal = |x: f64| {
        let t = format!("{}", (x * 100.0).round() / 100.0);
        if de {
            t.replace('.', ",")
        } else {
            t
        }
    };
    // millions and billions as news write them (`1,1 Mrd.`, `350 million`)
    for (size, de_word, en_word) in [(1e9, "Mrd.", "billion"), (1e6, "Mio.", "million")] {
        let x = v / size;
        if x >= 1.0 && ((x * 100.0).round() - x * 100.0).abs() < 1e-6 {
            return format!("{} {}", decimal(x), if de { de_word } else { en_word });
        }
    }
    if (v - v.round()).abs() < 1e-9 {
        // thousands grouped (`48.000`, `48,000`)
        let digits = (v.round() as i64).unsigned_abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(if de { '.' } else { ',' });
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        decimal(v)
    }
}

/// The range of values a figure with a qualifier allows: `(low, low is open, high, high is
/// open)`. `bis zu 140` allows 140, `fast 5` does not allow 5. A figure without a bound is
/// rounded at its last digit other than zero (at most a tenth of it): `rund 38 Millionen`
/// allows 38,4 million, `rund 250.000` not 300.000; against a bound, a plain figure is taken as
/// written (`fünf` is not `fast fünf`) and one said to be approximate stays rounded (`rund
/// 1.500` may be `mehr als 1.500`).
fn allowed(value: f64, class: Option<&str>, approx: bool, rounded: bool) -> (f64, bool, f64, bool) {
    match class {
        Some("below") => (f64::NEG_INFINITY, false, value, true),
        Some("above") => (value, true, f64::INFINITY, false),
        Some("min") => (value, false, f64::INFINITY, false),
        Some("max") => (f64::NEG_INFINITY, false, value, false),
        Some("exact") => (value, false, value, false),
        _ if approx || rounded => {
            let half = rounding(value) / 2.0;
            (value - half, half > 0.0, value + half, half > 0.0)
        }
        _ => (value, false, value, false),
    }
}

/// The step a figure is rounded to: the largest power of ten it is a multiple of, at most a
/// tenth of the figure (`38.000.000` → 1.000.000, `1.500` → 100, `1.000` → 100, `12` → 1).
fn rounding(value: f64) -> f64 {
    let v = value.abs();
    if v < 1.0 || v.fract() != 0.0 {
        return 0.0;
    }
    let mut step = 1.0;
    while (v / (step * 10.0)).fract() == 0.0 && step * 10.0 <= v / 10.0 {
        step *= 10.0;
    }
    step
}

/// True when two figures can both be true: their allowed ranges meet.
fn compatible(a: (f64, bool, f64, bool), b: (f64, bool, f64, bool)) -> bool {
    let (lo, lo_open) = if a.0 > b.0 || (a.0 == b.0 && a.1) {
        (a.0, a.1)
    } else {
        (b.0, b.1)
    };
    let (hi, hi_open) = if a.2 < b.2 || (a.2 == b.2 && a.3) {
        (a.2, a.3)
    } else {
        (b.2, b.3)
    };
    lo < hi || (lo == hi && !lo_open && !hi_open)
}

/// Number divergences from the quantities of the story's (non-furniture) sentences: figures
/// of one unit close enough to be one measurement, given by different articles, that cannot
/// both be true (`rund 800` and `mehr als 1.000 Menschen`, not `140` and `bis zu 140 Liter`).
fn numbers(
    docs: &[AnnotatedArticle],
    texts: &[DocText],
    units: &[Unit],
    merged: &crate::entities::Merged,
) -> Vec<Divergence> {
    // unit → (value, qualifier) → (articles, surface forms, written as approximate, where it
    // stands: article, figure, sentence and the day the sentence dates)
    type Variants = BTreeMap<(i64, String), (BTreeSet<usize>, Vec<String>, bool, Vec<Place>)>;
    type Place = (usize, Span, Span, Option<String>);
    let mut by_unit: BTreeMap<String, Variants> = BTreeMap::new();
    for u in units {
        let doc = &docs[u.doc];
        for q in &doc.quantities {
            let Some(unit) = q.unit.as_deref().map(crate::features::common_unit) else {
                continue;
            };
            if unit.is_empty()
                || unit == "ordinal"
                || !u.span.contains(&q.span)
                || earlier_value(texts[u.doc].slice(Span::new(u.span.start, q.span.start)))
            {
                continue;
            }
            // the ages in one story are mostly those of different people: only the age of a
            // person named right before it (`Alan Pritchard, 67,`) is compared, with that
            // person's other ages
            let unit = if unit == lagebild_nlp::quantity::AGE_UNIT {
                match age_holder(doc, &texts[u.doc], u.doc, q.span, merged) {
                    Some(e) => format!("{unit}:{e}"),
                    None => continue,
                }
            } else {
                unit.to_string()
            };
            // `etwa 20` and `rund 20` (and a plain `20`) say the same; `fast 5` does not
            let class = q
                .qualifier
                .as_deref()
                .and_then(lagebild_nlp::quantity::qualifier_class);
            let qualifier = q
                .qualifier
                .clone()
                .filter(|_| !matches!(class, Some("approx" | "exact")))
                .unwrap_or_default();
            let key = ((q.value * 1000.0).round() as i64, qualifier);
            let e = by_unit.entry(unit).or_default().entry(key).or_default();
            e.0.insert(u.doc);
            e.2 |= class == Some("approx");
            let day = figure_day(doc, q.span, u);
            e.3.push((u.doc, q.span, u.span, day));
            let surface = texts[u.doc].slice(q.span).trim().to_string();
            if !e.1.contains(&surface) {
                e.1.push(surface);
            }
        }
    }
    type Entry<'a> = (
        &'a (i64, String),
        &'a (BTreeSet<usize>, Vec<String>, bool, Vec<Place>),
    );
    let mut out = Vec::new();
    for (unit, vars) in by_unit {
        // chain close values into measurements
        let mut groups: Vec<Vec<Entry>> = Vec::new();
        for (k, v) in &vars {
            let fits = groups.last().is_some_and(|g| {
                let prev = g.last().map(|x| x.0 .0).unwrap_or(0) as f64;
                let cur = k.0 as f64;
                prev > 0.0 && cur / prev <= NUMBER_RATIO
            });
            if fits {
                if let Some(g) = groups.last_mut() {
                    g.push((k, v));
                }
            } else {
                groups.push(vec![(k, v)]);
            }
        }
        for g in groups {
            if g.len() < 2 {
                continue;
            }
            let range = |(k, v): &Entry, rounded: bool| {
                let class = lagebild_nlp::quantity::qualifier_class(&k.1);
                allowed(k.0 as f64 / 1000.0, class, v.2, rounded)
            };
            // the entities each variant is given for (only for groups that may diverge)
            let subjects: Vec<BTreeSet<usize>> = g
                .iter()
                .map(|(_, v)| {
                    v.3.iter()
                        .flat_map(|&(d, fig, sent, _)| {
                            figure_subject(&docs[d], &texts[d], d, fig, sent, merged)
                        })
                        .collect()
                })
                .collect();
            let kinds = |set: &BTreeSet<usize>| -> BTreeSet<EntityType> {
                set.iter()
                    .filter_map(|&e| merged.entities.get(e).map(|x| x.kind))
                    .collect()
            };
            let of_kind = |set: &BTreeSet<usize>, k: EntityType| -> BTreeSet<usize> {
                set.iter()
                    .copied()
                    .filter(|&e| merged.entities.get(e).is_some_and(|x| x.kind == k))
                    .collect()
            };
            // the story gives such figures for several names of one kind (two parties'
            // shares): then a figure given for none is no evidence against any of them (`kam
            // die Partei auf 30,9 Prozent`)
            let several = [EntityType::Org, EntityType::Per].into_iter().any(|k| {
                let sets: Vec<BTreeSet<usize>> = subjects
                    .iter()
                    .map(|x| of_kind(x, k))
                    .filter(|x| !x.is_empty())
                    .collect();
                sets.iter()
                    .enumerate()
                    .any(|(i, x)| sets[i + 1..].iter().any(|y| x.is_disjoint(y)))
            });
            // two variants of different articles that cannot both be true; with the same
            // bound the figures themselves differ (`mindestens zwei` / `mindestens drei
            // Wochen`); figures given for different names of one kind measure different things
            // (`die AfD mit 31,4 Prozent`, `die SPD mit 27,8 Prozent`), while a person and a
            // body may be one actor (`Oberstaatsanwalt X` for `die Staatsanwaltschaft`)
            // figures given for different days may both be true: a count that changed
            // (`41,000 homes` on Tuesday evening, `48,000` on Wednesday morning); a figure
            // whose sentence names no day may be given for any
            let days: Vec<BTreeSet<&str>> = g
                .iter()
                .map(|(_, v)| v.3.iter().filter_map(|p| p.3.as_deref()).collect())
                .collect();
            let same_time = |i: usize, j: usize| {
                let (a, b) = (&days[i], &days[j]);
                a.is_empty() || b.is_empty() || !a.is_disjoint(b)
            };
            let conflicts = |i: usize, j: usize| {
                let (a, b) = (&g[i], &g[j]);
                let unbounded = a.0 .1.is_empty() && b.0 .1.is_empty();
                let (sa, sb) = (&subjects[i], &subjects[j]);
                let same_subject = if sa.is_empty() || sb.is_empty() {
                    !several
                } else {
                    !sa.is_disjoint(sb) || kinds(sa).is_disjoint(&kinds(sb))
                };
                a.1 .0.difference(&b.1 .0).next().is_some()
                    && b.1 .0.difference(&a.1 .0).next().is_some()
                    && same_subject
                    && same_time(i, j)
                    && (!unbounded && same_bound(&a.0 .1, &b.0 .1) && a.0 .0 != b.0 .0
                        || !compatible(range(a, unbounded), range(b, unbounded)))
            };
            // the variants joined by conflicts, one divergence each
            let mut part: Vec<usize> = (0..g.len()).collect();
            let mut any = vec![false; g.len()];
            for i in 0..g.len() {
                for j in i + 1..g.len() {
                    if conflicts(i, j) {
                        any[i] = true;
                        any[j] = true;
                        let (pi, pj) = (part[i], part[j]);
                        part.iter_mut().filter(|p| **p == pj).for_each(|p| *p = pi);
                    }
                }
            }
            let mut parts: BTreeMap<usize, Vec<Entry>> = BTreeMap::new();
            for (i, e) in g.iter().enumerate() {
                if any[i] {
                    parts.entry(part[i]).or_default().push(*e);
                }
            }
            for g in parts.into_values() {
                let variants: Vec<Variant> = g
                    .iter()
                    .map(|(_, v)| Variant {
                        text: v.1.join(" / "),
                        articles: ids(docs, &v.0),
                    })
                    .collect();
                let values: Vec<String> = g
                    .iter()
                    .map(|(k, _)| {
                        let v = number_word(k.0 as f64 / 1000.0, language(docs));
                        if k.1.is_empty() {
                            v
                        } else {
                            format!("{} {v}", k.1)
                        }
                    })
                    .collect();
                // the counted noun as an article wrote it (`Einsatzkräfte`; in English
                // articles also in lower case, `residents`), one that names the unit where there is one
                // (`Verletzten` rather than `Menschen` of `zwölf Menschen wurden verletzt`), else
                // the unit key
                let english = g
                    .iter()
                    .all(|(_, v)| v.0.iter().all(|&d| docs[d].article.language == "en"));
                let nouns: Vec<&str> = g
                    .iter()
                    .flat_map(|(_, v)| v.1.iter())
                    .filter_map(|s| s.split_whitespace().last())
                    .filter(|w| {
                        (english || w.chars().next().is_some_and(char::is_uppercase))
                            && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    })
                    .collect();
                let prefix: String = unit.chars().take(5).collect();
                let age_of = unit
                    .split_once(':')
                    .and_then(|(_, e)| e.parse::<usize>().ok())
                    .and_then(|e| merged.entities.get(e))
                    .map(|e| fill(language(docs), "age_of", &[&e.name]));
                let noun = match &age_of {
                    Some(a) => a.as_str(),
                    None => nouns
                        .iter()
                        .find(|w| w.to_lowercase().starts_with(&prefix))
                        .or(nouns.first())
                        .copied()
                        .unwrap_or(if english {
                            crate::features::english_unit(&unit)
                        } else {
                            &unit
                        }),
                };
                out.push(Divergence {
                    kind: DivergenceKind::Number,
                    summary: fill(
                        language(docs),
                        "numbers_differ",
                        &[noun, &values.join(" vs. ")],
                    ),
                    variants,
                });
            }
        }
    }
    out
}

/// True when the text before a figure ends with a year and a colon: a value of that earlier
/// year given for comparison (`31,4 Prozent (2021: 16,7 Prozent)`), no claim of the story.
fn earlier_value(before: &str) -> bool {
    let t = before.trim_end();
    t.strip_suffix(':').is_some_and(|t| {
        let year: String = t.chars().rev().take(4).collect();
        year.len() == 4
            && year.chars().all(|c| c.is_ascii_digit())
            && !t.chars().rev().nth(4).is_some_and(|c| c.is_alphanumeric())
    })
}

/// The story entity of the person whose age a figure is: one named right before it, a comma
/// between (`Alan Pritchard, 67,`).
fn age_holder(
    doc: &AnnotatedArticle,
    text: &DocText,
    d: usize,
    figure: Span,
    merged: &crate::entities::Merged,
) -> Option<usize> {
    doc.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityType::Per)
        .find(|(_, e)| {
            e.mentions.iter().any(|m| {
                m.span.end <= figure.start
                    && text.slice(Span::new(m.span.end, figure.start)).trim() == ","
            })
        })
        .and_then(|(i, _)| merged.of.get(&(d, i)).copied())
}

/// The day a figure is given for: that of the nearest date or time expression that names a day
/// in the figure's clause (up to punctuation, a dash or a word opening a content clause: `that`,
/// `dass`), else in its sentence, unless that is the day of a statement (`48,000 homes … at 8am
/// on Wednesday, down from a peak of 61,000 late yesterday` → Wednesday; `agreed on Tuesday that
/// Poland will send up to 12 billion cubic metres … from October 1` → October 1; `17:30 GMT – …
/// to 41,000 homes` → the day of writing; not `Die Feuerwehr sprach am Dienstagmorgen von 15
/// Verletzten`).
fn figure_day(doc: &AnnotatedArticle, figure: Span, unit: &Unit) -> Option<String> {
    let at = |c: usize| c.saturating_sub(unit.span.start);
    let (from, to) = clause_of(&unit.text, (at(figure.start), at(figure.end)), |w| {
        matches!(w, "that" | "dass" | "whether" | "ob")
    });
    // the whole sentence: a live ticker's time stamp (`17:30 GMT –`), cut from the unit's
    // text, still gives the day, from outside the figure's clause
    let sentence = doc.sentences.get(unit.sent).map_or(unit.span, |s| s.span);
    let days: Vec<(bool, usize, &str, &TimeExpr)> = doc
        .timexes
        .iter()
        .filter(|t| {
            matches!(t.kind, TimexType::Date | TimexType::Time) && sentence.contains(&t.span)
        })
        .filter_map(|t| {
            let day = t.value.get(..10).filter(|d| Date::parse(d).is_some())?;
            let dist = if t.span.end <= figure.start {
                figure.start - t.span.end
            } else {
                t.span.start.saturating_sub(figure.end)
            };
            let outside =
                t.span.start < unit.span.start || at(t.span.start) < from || at(t.span.end) > to;
            Some((outside, dist, day, t))
        })
        .collect();
    days.iter()
        .min_by_key(|x| (x.0, x.1, x.2))
        .filter(|x| !statement_time(doc, unit, x.3))
        .map(|x| x.2.to_string())
}

/// True when two qualifiers set the same bound, in either language (`bis zu`, `up to`,
/// `maximal`); words the lists do not class must be the same.
fn same_bound(a: &str, b: &str) -> bool {
    use lagebild_nlp::quantity::qualifier_class;
    a == b || qualifier_class(a).is_some_and(|x| qualifier_class(b) == Some(x))
}

/// The chars `[from, to)` of `sentence` around the figure at chars `figure` that lie in the
/// figure's clause: up to a comma, colon, semicolon or dash, or a word (lower case) for which
/// `opens` holds; `to` is `usize::MAX` when the clause runs to the end.
fn clause_of(
    sentence: &str,
    figure: (usize, usize),
    opens: impl Fn(&str) -> bool,
) -> (usize, usize) {
    let chars: Vec<char> = sentence.chars().collect();
    let mut breaks: Vec<usize> = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, &c) in chars.iter().chain([' '].iter()).enumerate() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(ws) = word_start.take() {
            let w: String = chars[ws..i].iter().collect::<String>().to_lowercase();
            if opens(&w) {
                breaks.push(ws);
            }
        }
        if matches!(c, ',' | ':' | ';' | '–' | '—') {
            breaks.push(i);
        }
    }
    let from = breaks
        .iter()
        .rev()
        .find(|&&b| b < figure.0)
        .map_or(0, |b| b + 1);
    let to = breaks
        .iter()
        .find(|&&b| b >= figure.1)
        .copied()
        .unwrap_or(usize::MAX);
    (from, to)
}

/// The story entities a figure is given for: the parties, people and organisations named in
/// its clause (between commas, colons, semicolons, dashes and clause-opening words of its
/// sentence: `Die Grünen scheiterten mit 4,7 Prozent`, `31,4 Prozent für die AfD`).
fn figure_subject(
    doc: &AnnotatedArticle,
    text: &DocText,
    d: usize,
    figure: lagebild_model::Span,
    sentence: lagebild_model::Span,
    merged: &crate::entities::Merged,
) -> Vec<usize> {
    let at = |c: usize| c.saturating_sub(sentence.start);
    // punctuation, and a word that opens another clause (`die AfD bei 31,0 Prozent und die
    // SPD bei 28,0 Prozent`)
    let (from, to) = clause_of(
        text.slice(sentence),
        (at(figure.start), at(figure.end)),
        lagebild_nlp::quantity::is_clause_break,
    );
    doc.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, EntityType::Org | EntityType::Per))
        .filter(|(_, e)| {
            e.mentions.iter().any(|m| {
                m.span.start >= sentence.start
                    && m.span.end <= sentence.end
                    && at(m.span.start) >= from
                    && at(m.span.end) <= to
            })
        })
        .filter_map(|(i, _)| merged.of.get(&(d, i)).copied())
        .collect()
}

/// Attribution divergences from quote groups.
fn attribution(
    docs: &[AnnotatedArticle],
    reports: &[Report],
    entities: &[lagebild_model::StoryEntity],
) -> Vec<Divergence> {
    let mut groups: BTreeMap<usize, Vec<&Report>> = BTreeMap::new();
    for r in reports {
        groups.entry(r.quote.group).or_default().push(r);
    }
    let mut out = Vec::new();
    for g in groups.values() {
        let mut by_speaker: BTreeMap<String, (BTreeSet<usize>, String)> = BTreeMap::new();
        for r in g {
            // only speakers resolved to persons: descriptions (`russische Medien`) are
            // sources, not rival speakers
            let person = r
                .speaker_entity
                .is_some_and(|e| entities.get(e).is_some_and(|x| x.kind == EntityType::Per));
            let Some(s) = r.quote.speaker.clone().filter(|_| person) else {
                continue;
            };
            let e = by_speaker
                .entry(s)
                .or_insert_with(|| (BTreeSet::new(), r.quote.text.clone()));
            e.0.insert(r.doc);
        }
        if by_speaker.len() < 2 {
            continue;
        }
        let sets: Vec<BTreeSet<usize>> = by_speaker.values().map(|v| v.0.clone()).collect();
        if !splits(&sets) {
            continue;
        }
        let lang = language(docs);
        let text = g[0].quote.text.clone();
        let speakers: Vec<String> = by_speaker.keys().cloned().collect();
        let or = format!(" {} ", label(lang, "or"));
        out.push(Divergence {
            kind: DivergenceKind::Attribution,
            summary: fill(lang, "who_said_this", &[&text, &speakers.join(&or)]),
            variants: by_speaker
                .into_iter()
                .map(|(s, (arts, t))| Variant {
                    text: format!("{s}: {}", fill(lang, "quote", &[&t])),
                    articles: ids(docs, &arts),
                })
                .collect(),
        });
    }
    out
}

/// Pairs of units `(smaller, larger)` of different articles that report the same matter: the
/// sentences of one fact, and sentences reporting statements of one speaker that share a
/// content word outside names (`Änderungen … lehne er „rundweg ab“` and `Änderungsvorschläge zum
/// Friedensplan … „absolut inakzeptabel“`, both by Putin, share `Friedensplan`).
///
/// Only units for which `judged(u)` holds take part (the pairs are for comparing judgements),
/// so a speaker quoted often costs pairs only among the sentences that judge; `judged` is asked
/// only about sentences of facts with two or more and about the sentences of reports.
fn same_matter(
    units: &[Unit],
    clusters: &[Vec<usize>],
    sims: &Sims,
    reports: &[Report],
    judged: &mut dyn FnMut(usize) -> bool,
) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    for c in clusters.iter().filter(|c| c.len() > 1) {
        let c: Vec<usize> = c.iter().copied().filter(|&u| judged(u)).collect();
        for (x, &i) in c.iter().enumerate() {
            for &j in &c[x + 1..] {
                let key = (i.min(j), i.max(j));
                if units[i].doc != units[j].doc && sims.get(&key).is_some_and(|&s| s >= WORDING_SIM)
                {
                    out.insert(key);
                }
            }
        }
    }
    // the sentence of each report with a resolved speaker, grouped by speaker (units are in
    // article and text order)
    let mut by_speaker: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for r in reports {
        let Some(e) = r.speaker_entity else { continue };
        let at = units.partition_point(|u| (u.doc, u.span.start) <= (r.doc, r.quote.start));
        let unit = at
            .checked_sub(1)
            .filter(|&u| units[u].doc == r.doc && r.quote.start < units[u].span.end);
        if let Some(u) = unit.filter(|&u| judged(u)) {
            by_speaker.entry(e).or_default().insert(u);
        }
    }
    for us in by_speaker.values() {
        let us: Vec<usize> = us.iter().copied().collect();
        for (x, &i) in us.iter().enumerate() {
            for &j in &us[x + 1..] {
                if units[i].doc != units[j].doc
                    && crate::facts::shared_content_keys(&units[i], &units[j]) >= 1
                {
                    out.insert((i.min(j), i.max(j)));
                }
            }
        }
    }
    out
}

/// Wording divergences: pairs of sentences from different articles that report the same matter
/// (see [`same_matter`]) and judge the same aspect of it (see [`judgements`]) with disjoint
/// evaluative words. Pairs with the same two judgements are reported together.
fn wording(
    docs: &[AnnotatedArticle],
    units: &[Unit],
    clusters: &[Vec<usize>],
    sims: &Sims,
    reports: &[Report],
) -> Vec<Divergence> {
    // judgements of a unit by aspect, looked for when a pair might need them
    let mut terms: Vec<Option<BTreeMap<String, BTreeSet<String>>>> = vec![None; units.len()];
    let pairs = same_matter(units, clusters, sims, reports, &mut |u| {
        !terms[u]
            .get_or_insert_with(|| judgements(&units[u].text))
            .is_empty()
    });

    // (terms a, terms b) → (articles a, articles b, best similarity, example unit)
    type Sides = (BTreeSet<usize>, BTreeSet<usize>, f64, usize);
    let mut found: BTreeMap<(String, String), Sides> = BTreeMap::new();
    for (i, j) in pairs {
        let (Some(terms_i), Some(terms_j)) = (&terms[i], &terms[j]) else {
            continue;
        };
        let s = sims.get(&(i, j)).copied().unwrap_or(0.0);
        // the same aspect judged with different words
        for (aspect, ti) in terms_i {
            let Some(tj) = terms_j.get(aspect).filter(|tj| ti.is_disjoint(tj)) else {
                continue;
            };
            let ti: Vec<&str> = ti.iter().map(String::as_str).collect();
            let tj: Vec<&str> = tj.iter().map(String::as_str).collect();
            let (ti, tj) = (ti.join(", "), tj.join(", "));
            let (key, a, b) = if ti <= tj {
                ((ti, tj), i, j)
            } else {
                ((tj, ti), j, i)
            };
            let e = found
                .entry(key)
                .or_insert_with(|| (BTreeSet::new(), BTreeSet::new(), -1.0, a));
            e.0.insert(units[a].doc);
            e.1.insert(units[b].doc);
            if s > e.2 {
                e.2 = s;
                e.3 = a;
            }
        }
    }
    let mut out: Vec<(f64, Divergence)> = found
        .into_iter()
        .filter(|(_, (a, b, _, _))| splits(&[a.clone(), b.clone()]))
        .map(|((ta, tb), (a, b, s, u))| {
            (
                s,
                Divergence {
                    kind: DivergenceKind::Wording,
                    summary: fill(language(docs), "wording", &[&ta, &tb, &units[u].text]),
                    variants: vec![
                        Variant {
                            text: ta,
                            articles: ids(docs, &a),
                        },
                        Variant {
                            text: tb,
                            articles: ids(docs, &b),
                        },
                    ],
                },
            )
        })
        .collect();
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.into_iter().map(|x| x.1).take(MAX_WORDING).collect()
}

/// True when a sentence's date is that of a statement: the time expression giving it stands
/// right beside the cue of a quote (see [`statement_time`]).
fn dated_statement(doc: &AnnotatedArticle, unit: &Unit) -> bool {
    let Some(date) = unit.date.as_deref() else {
        return false;
    };
    doc.timexes
        .iter()
        .filter(|t| unit.span.contains(&t.span) && t.value.starts_with(date))
        .any(|t| statement_time(doc, unit, t))
}

/// True when a time expression of a unit stands right beside the cue of a quote, at most three
/// words apart with no punctuation or dash between (`Die Feuerwehr sprach am Dienstagmorgen von
/// 15 Verletzten`, `…, sagte Rahn am Mittwoch`; not a live blog's `21:50 GMT – X says`), or
/// inside the cue, between a verb and its particle (`teilte die Behörde am Mittwoch mit`): the
/// day something was said, not the day it happened.
fn statement_time(doc: &AnnotatedArticle, unit: &Unit, t: &TimeExpr) -> bool {
    // the text between two char offsets of the sentence, read from the unit's own text
    let between = |a: usize, b: usize| -> String {
        let from = a.saturating_sub(unit.span.start);
        unit.text
            .chars()
            .skip(from)
            .take(b.saturating_sub(a))
            .collect()
    };
    let close = |gap: String| {
        !gap.contains([',', '.', ';', ':', '„', '“', '"', '–', '—'])
            && gap.split_whitespace().count() <= 3
    };
    // a live ticker's time stamp, cut from the unit, is set off by its dash or colon
    if t.span.start < unit.span.start {
        return false;
    }
    doc.quotes
        .iter()
        .filter_map(|q| q.cue_span)
        .filter(|c| unit.span.contains(c))
        .any(|c| {
            if c.end <= t.span.start {
                close(between(c.end, t.span.start))
            } else if t.span.end <= c.start {
                close(between(t.span.end, c.start))
            } else {
                // between a separable verb and its particle (`teilte die Autobahn GmbH am
                // Mittwoch mit`)
                c.contains(&t.span)
            }
        })
}

/// True when the dates of a fact are two days in a row, every sentence of the first naming
/// its evening or night and every sentence of the second its night or early hours: one night
/// dated from either side of midnight (`am Montagabend` / `in der Nacht zu Dienstag`, `late on
/// Monday` / `in the early hours of Tuesday`), no divergence.
fn across_midnight(
    docs: &[AnnotatedArticle],
    units: &[Unit],
    members: &[usize],
    by_date: &BTreeMap<String, BTreeSet<usize>>,
) -> bool {
    let days: Vec<&String> = by_date.keys().collect();
    let [first, second] = days[..] else {
        return false;
    };
    let next = Date::parse(first).map(|d| d.add_days(1));
    if next.is_none() || next != Date::parse(second) {
        return false;
    }
    // the part of the day a unit's expressions of `day` name: late (evening, night, from 8 pm)
    // or early (night, before 6 am), also by a word before them (`late on Monday`, `frühen`)
    let part_of = |u: &Unit, day: &str, late: bool| {
        let doc = &docs[u.doc];
        doc.timexes
            .iter()
            .filter(|t| u.span.contains(&t.span) && t.value.starts_with(day))
            .any(|t| {
                let time = t.value.get(10..).unwrap_or("");
                let hour: Option<u32> = time.get(1..3).and_then(|h| h.parse().ok());
                let before: String = {
                    let from = t.span.start.saturating_sub(u.span.start);
                    let head: String = u.text.chars().take(from).collect();
                    let mut words: Vec<&str> = head.split_whitespace().rev().take(3).collect();
                    words.reverse();
                    words.join(" ").to_lowercase()
                };
                let word = |ws: &[&str]| ws.iter().any(|w| before.split(' ').any(|b| b == *w));
                // an English clock time before the day (`at about 2.10am on Tuesday`, `2.40
                // a.m.`): its hour, and whether it is after noon
                let clock = |pm: bool, hit: fn(u32) -> bool| {
                    let ws: Vec<&str> = before.split(' ').collect();
                    ws.iter().enumerate().any(|(i, w)| {
                        let glued = ["a.m.", "p.m.", "am", "pm"].iter().find_map(|x| {
                            w.strip_suffix(x).filter(|h| !h.is_empty()).map(|h| (h, *x))
                        });
                        let (num, suffix) = match (glued, ws.get(i + 1)) {
                            (Some(g), _) => g,
                            (None, Some(&x)) if matches!(x, "am" | "a.m." | "pm" | "p.m.") => {
                                (*w, x)
                            }
                            _ => return false,
                        };
                        suffix.starts_with('p') == pm
                            && num
                                .split(['.', ':'])
                                .next()
                                .and_then(|h| h.parse::<u32>().ok())
                                .is_some_and(|h| (1..=12).contains(&h) && hit(h))
                    })
                };
                if late {
                    matches!(time, "TEV" | "TNI")
                        || hour.is_some_and(|h| h >= 20)
                        || word(&["late", "spät", "späten", "später"])
                        || clock(true, |h| (8..12).contains(&h))
                } else {
                    time == "TNI"
                        || hour.is_some_and(|h| h < 6)
                        || word(&["early", "früh", "frühen", "früher"])
                        || clock(false, |h| h < 6 || h == 12)
                        || t.text.to_lowercase().contains("früh")
                }
            })
    };
    members.iter().all(|&m| {
        let u = &units[m];
        match u.date.as_deref() {
            Some(d) if d == first.as_str() => part_of(u, d, true),
            Some(d) if d == second.as_str() => part_of(u, d, false),
            _ => true,
        }
    })
}

/// Date divergences inside facts.
fn dates(docs: &[AnnotatedArticle], units: &[Unit], clusters: &[Vec<usize>]) -> Vec<Divergence> {
    let mut out = Vec::new();
    for c in clusters {
        let mut by_date: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for &u in c {
            let Some(d) = units[u].date.as_ref().filter(|d| d.len() == 10) else {
                continue;
            };
            if !no_event_date(&units[u].text) && !dated_statement(&docs[units[u].doc], &units[u]) {
                by_date.entry(d.clone()).or_default().insert(units[u].doc);
            }
        }
        if by_date.len() < 2 || across_midnight(docs, units, c, &by_date) {
            continue;
        }
        let sets: Vec<BTreeSet<usize>> = by_date.values().cloned().collect();
        if !splits(&sets) {
            continue;
        }
        out.push(Divergence {
            kind: DivergenceKind::Date,
            summary: fill(language(docs), "dating", &[&units[c[0]].text]),
            variants: by_date
                .into_iter()
                .map(|(d, arts)| Variant {
                    text: d,
                    articles: ids(docs, &arts),
                })
                .collect(),
        });
    }
    out
}

/// Dated picture captions of the story's articles (removed from the text at reading:
/// `Witkoff, Kushner und Putin, aufgenommen am 06.08.2025 in Moskau`) with the story persons
/// they name, as `(article, caption, persons, day number)`; only captions naming two persons
/// or more.
fn dated_captions(
    docs: &[AnnotatedArticle],
    entities: &[lagebild_model::StoryEntity],
) -> Vec<(usize, String, BTreeSet<usize>, i64)> {
    let surnames = crate::quotes::surname_keys(entities);
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let captions = doc
            .article
            .removed
            .iter()
            .filter(|r| r.kind == lagebild_model::BoilerplateKind::Caption);
        for c in captions {
            let words: FxHashSet<String> = c
                .text
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(crate::entities::translit_key)
                .collect();
            let named: BTreeSet<usize> = surnames
                .iter()
                .enumerate()
                .filter(|(_, keys)| keys.iter().any(|k| words.contains(k)))
                .map(|(i, _)| i)
                .collect();
            if named.len() < 2 {
                continue;
            }
            let Ok(grammar) = lagebild_nlp::time::grammar(&doc.article.language) else {
                continue;
            };
            let dct = doc
                .article
                .published
                .as_deref()
                .and_then(lagebild_nlp::time::Date::parse);
            let day = grammar
                .tag(&c.text, dct)
                .into_iter()
                .filter(|t| t.kind == lagebild_model::TimexType::Date && t.value.len() == 10)
                .find_map(|t| crate::cluster::day_number(&t.value));
            if let Some(day) = day {
                out.push((d, c.text.trim().to_string(), named, day));
            }
        }
    }
    out
}

/// "For the first time" claims about people whom another article shows together at a date
/// more than a week before the story: in a sentence or in a dated picture caption.
fn contradictions(
    docs: &[AnnotatedArticle],
    units: &[Unit],
    entities: &[lagebild_model::StoryEntity],
) -> Vec<Divergence> {
    const FIRST: [&str; 4] = ["erstmals", "zum ersten mal", "erstmalig", "noch nie"];
    let first_day = docs
        .iter()
        .filter_map(|d| d.article.published.as_deref())
        .filter_map(crate::cluster::day_number)
        .min();
    let Some(first_day) = first_day else {
        return Vec::new();
    };
    let claims: Vec<&Unit> = units
        .iter()
        .filter(|a| !a.entities.is_empty())
        .filter(|a| {
            let low = a.text.to_lowercase();
            FIRST.iter().any(|f| low.contains(f))
        })
        .collect();
    if claims.is_empty() {
        // no claim to check: no sentences or captions to date
        return Vec::new();
    }
    // earlier meetings: (article, text, persons, day)
    let mut earlier: Vec<(usize, String, BTreeSet<usize>, i64)> = units
        .iter()
        .filter(|b| b.entities.len() >= 2)
        .filter_map(|b| {
            let day = b
                .date
                .as_deref()
                .filter(|d| d.len() == 10)
                .and_then(crate::cluster::day_number)?;
            Some((b.doc, b.text.clone(), b.entities.clone(), day))
        })
        .collect();
    earlier.extend(dated_captions(docs, entities));
    earlier.retain(|e| e.3 + 7 < first_day);
    let mut out = Vec::new();
    for a in claims {
        if let Some((doc, text, _, _)) = earlier
            .iter()
            .find(|b| b.0 != a.doc && a.entities.is_subset(&b.2))
        {
            out.push(Divergence {
                kind: DivergenceKind::Contradiction,
                summary: fill(language(docs), "first_time", &[&a.text, text]),
                variants: vec![
                    Variant {
                        text: a.text.clone(),
                        articles: vec![docs[a.doc].article.id.clone()],
                    },
                    Variant {
                        text: text.clone(),
                        articles: vec![docs[*doc].article.id.clone()],
                    },
                ],
            });
        }
    }
    out
}

/// All divergences of a story.
pub fn divergences(
    docs: &[AnnotatedArticle],
    texts: &[DocText],
    units: &[Unit],
    clusters: &[Vec<usize>],
    sims: &Sims,
    reports: &[Report],
    merged: &crate::entities::Merged,
) -> Vec<Divergence> {
    let entities = &merged.entities;
    let mut out = numbers(docs, texts, units, merged);
    out.extend(attribution(docs, reports, entities));
    out.extend(wording(docs, units, clusters, sims, reports));
    out.extend(dates(docs, units, clusters));
    out.extend(contradictions(docs, units, entities));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluative_words_and_phrases() {
        let t = evaluative_terms("Die Vorschläge lehne er „rundweg ab“, sie seien inakzeptabel.");
        assert!(t.contains("rundweg ab"));
        assert!(t.contains("inakzeptabel"));
        assert!(evaluative_terms("Ein Gutachten liegt vor.").is_empty());
        assert!(evaluative_terms("Die Gespräche seien gut gewesen.").contains("gut"));
        // negated: no judgement
        assert!(evaluative_terms("Das Treffen brachte keinen Durchbruch.").is_empty());
        assert!(evaluative_terms("Die Runde sei nicht sehr produktiv gewesen.").is_empty());
    }

    fn unit(doc: usize, text: &str, date: &str) -> Unit {
        Unit {
            date: Some(date.to_string()),
            ..crate::facts::test_unit(doc, text)
        }
    }

    #[test]
    fn dates_of_events_not_of_plans() {
        let docs: Vec<AnnotatedArticle> = (0..3)
            .map(|i| {
                let mut d = AnnotatedArticle::default();
                d.article.id = format!("a{i}");
                d.article.language = "de".into();
                d
            })
            .collect();
        // Two outlets date the breach differently: a divergence.
        let units = vec![
            unit(0, "Der Deich brach am Dienstag.", "2026-03-10"),
            unit(1, "Der Deich brach am Mittwoch.", "2026-03-11"),
        ];
        let found = dates(&docs, &units, &[vec![0, 1]]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, DivergenceKind::Date);
        // A plan, a non-event and a day counted from the breach date no breach.
        for other in [
            "Der Landrat kündigte an, am Mittwoch über den Deich zu entscheiden.",
            "Der Landrat wollte den Katastrophenfall am Mittwoch noch nicht ausrufen.",
            "Einen Tag nach dem Deichbruch wächst die Kritik.",
            "The council will decide on Wednesday.",
            "Betroffen sind Packungen mit einem Mindesthaltbarkeitsdatum bis zum 11. März.",
            "Affected are packs with an expiry date of 11 March.",
        ] {
            let units = vec![
                unit(0, "Der Deich brach am Dienstag.", "2026-03-10"),
                unit(1, other, "2026-03-11"),
            ];
            assert!(dates(&docs, &units, &[vec![0, 1]]).is_empty(), "{other}");
        }
    }

    #[test]
    fn one_night_dated_from_either_side_of_midnight() {
        // a sentence of each article with one time expression, found by its text
        let dated = |texts: &[(&str, &str, &str)], kind: TimexType| {
            let docs: Vec<AnnotatedArticle> = texts
                .iter()
                .enumerate()
                .map(|(i, (text, expr, value))| {
                    let mut d = AnnotatedArticle::default();
                    d.article.id = format!("a{i}");
                    d.article.language = "de".into();
                    let at = text[..text.find(expr).unwrap_or(0)].chars().count();
                    d.timexes.push(TimeExpr {
                        span: Span::new(at, at + expr.chars().count()),
                        text: expr.to_string(),
                        kind,
                        value: value.to_string(),
                    });
                    d
                })
                .collect();
            let units: Vec<Unit> = texts
                .iter()
                .enumerate()
                .map(|(i, (text, _, value))| unit(i, text, &value[..10]))
                .collect();
            dates(&docs, &units, &[(0..units.len()).collect()])
        };
        let night = [
            (
                "Das Feuer brach am Montagabend aus.",
                "Montagabend",
                "2026-03-09TEV",
            ),
            (
                "Das Feuer brach in der Nacht zu Dienstag aus.",
                "Nacht zu Dienstag",
                "2026-03-10TNI",
            ),
        ];
        assert!(dated(&night, TimexType::Time).is_empty());
        let english = [
            ("The train left late on Monday.", "Monday", "2026-03-02"),
            (
                "The train derailed at about 2.40 a.m. on Tuesday.",
                "Tuesday",
                "2026-03-03",
            ),
        ];
        assert!(dated(&english, TimexType::Date).is_empty());
        // an evening and the next noon are two days
        let days = [
            night[0],
            (
                "Das Feuer brach am Dienstagmittag aus.",
                "Dienstagmittag",
                "2026-03-10T12:00",
            ),
        ];
        assert_eq!(dated(&days, TimexType::Time).len(), 1);
    }

    #[test]
    fn values_of_an_earlier_year_are_comparisons() {
        assert!(earlier_value("kam die Partei auf 31,4 Prozent (2021: "));
        assert!(!earlier_value("Die Wahlbeteiligung lag bei "));
        assert!(!earlier_value("Nummer 12021: "));
    }

    #[test]
    fn figures_that_can_both_be_true() {
        let r = |v: f64, class: Option<&str>, approx: bool, rounded: bool| {
            allowed(v, class, approx, rounded)
        };
        // `bis zu 140` and `140`; `rund 1.500` and `mehr als 1.500`; `mindestens 12` and `17`
        assert!(compatible(
            r(140.0, Some("max"), false, false),
            r(140.0, None, false, false)
        ));
        assert!(compatible(
            r(1500.0, None, true, false),
            r(1500.0, Some("above"), false, false)
        ));
        assert!(compatible(
            r(12.0, Some("min"), false, false),
            r(17.0, None, false, false)
        ));
        // `fast fünf` is not `fünf`, nor `mehr als 1.500` a plain `1.500`
        assert!(!compatible(
            r(5.0, Some("below"), false, false),
            r(5.0, None, false, false)
        ));
        assert!(!compatible(
            r(1500.0, Some("above"), false, false),
            r(1500.0, None, false, false)
        ));
        // rounded at the last digit: `38 Millionen` may be `38,4 Millionen`, not `41 Millionen`;
        // `acht` is not `neun`, `250.000` not `300.000`
        let m = 1_000_000.0;
        assert!(compatible(
            r(38.0 * m, None, false, true),
            r(38.4 * m, None, false, true)
        ));
        assert!(!compatible(
            r(38.0 * m, None, false, true),
            r(41.0 * m, None, false, true)
        ));
        assert!(!compatible(
            r(8.0, None, false, true),
            r(9.0, None, false, true)
        ));
        assert!(!compatible(
            r(250_000.0, None, true, true),
            r(300_000.0, None, true, true)
        ));
        assert_eq!(rounding(1000.0), 100.0);
        assert_eq!(rounding(38.4 * m), 100_000.0);
        assert_eq!(rounding(6.75), 0.0);
    }

    #[test]
    fn figures_read_as_news_write_them() {
        assert_eq!(number_word(48_000.0, "de"), "48.000");
        assert_eq!(number_word(48_000.0, "en"), "48,000");
        assert_eq!(number_word(350_000_000.0, "de"), "350 Mio.");
        assert_eq!(number_word(1_100_000_000.0, "de"), "1,1 Mrd.");
        assert_eq!(number_word(4_300_000_000.0, "en"), "4.3 billion");
        assert_eq!(number_word(12.0, "de"), "12");
        assert_eq!(number_word(6.75, "de"), "6,75");
        assert_eq!(number_word(1_234_567.0, "en"), "1,234,567");
    }

    #[test]
    fn bounds_compare_across_languages() {
        assert!(same_bound("bis zu", "up to"));
        assert!(same_bound("mindestens", "at least"));
        assert!(!same_bound("bis zu", "mindestens"));
        assert!(same_bound("", ""));
    }

    #[test]
    fn split_detection() {
        let a: BTreeSet<usize> = [0].into();
        let b: BTreeSet<usize> = [1, 2].into();
        let ab: BTreeSet<usize> = [0, 1].into();
        assert!(splits(&[a.clone(), b]));
        assert!(!splits(&[a, ab]));
    }
}
