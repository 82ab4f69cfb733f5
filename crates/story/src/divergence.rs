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

use crate::facts::{Sims, Unit};
use crate::features::DocText;
use crate::labels::{fill, label};
use crate::quotes::Report;
use lagebild_model::{AnnotatedArticle, Divergence, DivergenceKind, EntityType, Variant};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const EVALUATIVE: &str = include_str!("../resources/de/evaluative.txt");
const NO_EVENT_DATE_DE: &str = include_str!("../resources/de/no_event_date.txt");
const NO_EVENT_DATE_EN: &str = include_str!("../resources/en/no_event_date.txt");
/// Similarity two sentences need for their evaluations to be compared.
const WORDING_SIM: f64 = 0.2;
/// Most wording divergences reported per story.
const MAX_WORDING: usize = 8;
/// Largest ratio between two values still read as the same measurement.
const NUMBER_RATIO: f64 = 1.5;

/// A lexicon of single words (matched with an inflection ending) and phrases (matched word for
/// word).
struct Lexicon {
    words: FxHashSet<String>,
    /// First word → the phrases starting with it (entry, its words).
    phrases: FxHashMap<String, Vec<(String, Vec<String>)>>,
}

/// Endings a lexicon word may carry (`inakzeptabel` → `inakzeptable`, …).
const ENDINGS: [&str; 8] = ["", "e", "en", "er", "es", "em", "n", "s"];

impl Lexicon {
    /// Entries of data files: one a line, `#` comments.
    fn parse(texts: &[&str]) -> Lexicon {
        let mut lex = Lexicon {
            words: FxHashSet::default(),
            phrases: FxHashMap::default(),
        };
        for e in texts
            .iter()
            .flat_map(|t| t.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
        {
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
        // a word is an entry plus one of the endings
        for w in &words {
            for ending in ENDINGS {
                if let Some(e) = w.strip_suffix(ending).and_then(|b| self.words.get(b)) {
                    out.insert(e.clone());
                }
            }
        }
        for (i, w) in words.iter().enumerate() {
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

/// Evaluative terms of a sentence, as entries of `resources/de/evaluative.txt`.
pub fn evaluative_terms(sentence: &str) -> BTreeSet<String> {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::parse(&[EVALUATIVE]))
        .terms(sentence)
}

/// True when a sentence speaks of a plan, an expectation, something that has not happened or
/// a day counted from another event (`resources/{de,en}/no_event_date.txt`), so that its date
/// is no date of the event it reports.
fn no_event_date(sentence: &str) -> bool {
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

fn number_word(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v}")
    }
}

/// Number divergences from the quantities of the story's (non-furniture) sentences.
fn numbers(docs: &[AnnotatedArticle], texts: &[DocText], units: &[Unit]) -> Vec<Divergence> {
    // unit → (value, qualifier) → (articles, surface forms)
    type Variants = BTreeMap<(i64, String), (BTreeSet<usize>, Vec<String>)>;
    let mut by_unit: BTreeMap<String, Variants> = BTreeMap::new();
    for u in units {
        let doc = &docs[u.doc];
        for q in &doc.quantities {
            let Some(unit) = q.unit.as_deref() else {
                continue;
            };
            if unit.is_empty() || unit == "ordinal" || !u.span.contains(&q.span) {
                continue;
            }
            // `etwa 20` and `rund 20` (and a plain `20`) say the same; `fast 5` does not
            let qualifier = q
                .qualifier
                .clone()
                .filter(|w| {
                    !matches!(
                        lagebild_nlp::quantity::qualifier_class(w),
                        Some("approx" | "exact")
                    )
                })
                .unwrap_or_default();
            let key = ((q.value * 1000.0).round() as i64, qualifier);
            let e = by_unit
                .entry(unit.to_string())
                .or_default()
                .entry(key)
                .or_default();
            e.0.insert(u.doc);
            let surface = texts[u.doc].slice(q.span).trim().to_string();
            if !e.1.contains(&surface) {
                e.1.push(surface);
            }
        }
    }
    type Entry<'a> = (&'a (i64, String), &'a (BTreeSet<usize>, Vec<String>));
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
            let sets: Vec<BTreeSet<usize>> = g.iter().map(|(_, v)| v.0.clone()).collect();
            if !splits(&sets) {
                continue;
            }
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
                    let v = number_word(k.0 as f64 / 1000.0);
                    if k.1.is_empty() {
                        v
                    } else {
                        format!("{} {v}", k.1)
                    }
                })
                .collect();
            out.push(Divergence {
                kind: DivergenceKind::Number,
                summary: fill(
                    language(docs),
                    "numbers_differ",
                    &[&unit, &values.join(" vs. ")],
                ),
                variants,
            });
        }
    }
    out
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

/// Wording divergences: pairs of similar sentences from different articles that share content
/// beyond their evaluations but judge with disjoint evaluative words. Pairs with the same two
/// judgements are reported together.
fn wording(docs: &[AnnotatedArticle], units: &[Unit], sims: &Sims) -> Vec<Divergence> {
    // evaluative terms of a unit, looked for when a pair needs them
    let mut terms: Vec<Option<BTreeSet<String>>> = vec![None; units.len()];

    // (terms a, terms b) → (articles a, articles b, best similarity, example unit)
    type Sides = (BTreeSet<usize>, BTreeSet<usize>, f64, usize);
    let mut found: BTreeMap<(String, String), Sides> = BTreeMap::new();
    let mut pairs: Vec<(&(usize, usize), &f64)> = sims.iter().collect();
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    for (&(i, j), &s) in pairs {
        if s < WORDING_SIM || units[i].doc == units[j].doc {
            continue;
        }
        for u in [i, j] {
            if terms[u].is_none() {
                terms[u] = Some(evaluative_terms(&units[u].text));
            }
        }
        let (Some(terms_i), Some(terms_j)) = (&terms[i], &terms[j]) else {
            continue;
        };
        if terms_i.is_empty() || terms_j.is_empty() || !terms_i.is_disjoint(terms_j) {
            continue;
        }
        let shared = crate::facts::shared_keys(&units[i], &units[j]).count();
        if shared < 2 {
            continue;
        }
        let ti: Vec<&str> = terms_i.iter().map(String::as_str).collect();
        let tj: Vec<&str> = terms_j.iter().map(String::as_str).collect();
        let (ti, tj) = (ti.join(", "), tj.join(", "));
        let (key, a, b) = if ti <= tj {
            ((ti, tj), i, j)
        } else {
            ((tj, ti), j, i)
        };
        let e = found
            .entry(key)
            .or_insert_with(|| (BTreeSet::new(), BTreeSet::new(), 0.0, a));
        e.0.insert(units[a].doc);
        e.1.insert(units[b].doc);
        if s > e.2 {
            e.2 = s;
            e.3 = a;
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

/// Date divergences inside facts.
fn dates(docs: &[AnnotatedArticle], units: &[Unit], clusters: &[Vec<usize>]) -> Vec<Divergence> {
    let mut out = Vec::new();
    for c in clusters {
        let mut by_date: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for &u in c.iter().filter(|&&u| !no_event_date(&units[u].text)) {
            if let Some(d) = units[u].date.as_ref().filter(|d| d.len() == 10) {
                by_date.entry(d.clone()).or_default().insert(units[u].doc);
            }
        }
        if by_date.len() < 2 {
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

/// "For the first time" claims contradicted by an earlier dated co-occurrence elsewhere.
fn contradictions(docs: &[AnnotatedArticle], units: &[Unit]) -> Vec<Divergence> {
    const FIRST: [&str; 4] = ["erstmals", "zum ersten mal", "erstmalig", "noch nie"];
    let first_day = docs
        .iter()
        .filter_map(|d| d.article.published.as_deref())
        .filter_map(crate::cluster::day_number)
        .min();
    let Some(first_day) = first_day else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in units {
        let low = a.text.to_lowercase();
        if a.entities.is_empty() || !FIRST.iter().any(|f| low.contains(f)) {
            continue;
        }
        for b in units {
            if b.doc == a.doc || !a.entities.is_subset(&b.entities) || b.entities.len() < 2 {
                continue;
            }
            let Some(day) = b
                .date
                .as_deref()
                .filter(|d| d.len() == 10)
                .and_then(crate::cluster::day_number)
            else {
                continue;
            };
            if day + 7 < first_day {
                out.push(Divergence {
                    kind: DivergenceKind::Contradiction,
                    summary: fill(language(docs), "first_time", &[&a.text, &b.text]),
                    variants: vec![
                        Variant {
                            text: a.text.clone(),
                            articles: vec![docs[a.doc].article.id.clone()],
                        },
                        Variant {
                            text: b.text.clone(),
                            articles: vec![docs[b.doc].article.id.clone()],
                        },
                    ],
                });
                break;
            }
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
    entities: &[lagebild_model::StoryEntity],
) -> Vec<Divergence> {
    let mut out = numbers(docs, texts, units);
    out.extend(attribution(docs, reports, entities));
    out.extend(wording(docs, units, sims));
    out.extend(dates(docs, units, clusters));
    out.extend(contradictions(docs, units));
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
        ] {
            let units = vec![
                unit(0, "Der Deich brach am Dienstag.", "2026-03-10"),
                unit(1, other, "2026-03-11"),
            ];
            assert!(dates(&docs, &units, &[vec![0, 1]]).is_empty(), "{other}");
        }
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
