//! Quotes across outlets: one entry per report, reports of one utterance share a group.
//!
//! Speakers are resolved to the story's merged entities (so `Uschakow`, `Juri Uschakow` and
//! `Ushakov` are one speaker). Reports are grouped when their content keys overlap strongly
//! (verbatim, shortened, or direct in one outlet and indirect in another); candidates come
//! from an inverted index over the rarest content keys.

use crate::entities::{translit_key, Merged};
use crate::features::{idf, text_keys};
use lagebild_model::{AnnotatedArticle, EntityType, StoryEntity, StoryQuote};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Content overlap for two reports of one utterance.
const SAME_QUOTE: f64 = 0.5;
/// Postings longer than this are skipped.
const MAX_POSTING: usize = 40;

/// A quote report with what grouping needs.
pub struct Report {
    /// The JSON entry.
    pub quote: StoryQuote,
    /// Article index.
    pub doc: usize,
    /// Story entity of the speaker, if resolved.
    pub speaker_entity: Option<usize>,
    /// Content keys with idf.
    pub keys: BTreeMap<String, f64>,
}

/// The surname keys of each story entity's name and aliases (empty for non-persons).
pub(crate) fn surname_keys(entities: &[StoryEntity]) -> Vec<Vec<String>> {
    entities
        .iter()
        .map(|e| {
            if e.kind != EntityType::Per {
                return Vec::new();
            }
            std::iter::once(&e.name)
                .chain(e.aliases.iter())
                .filter_map(|n| n.split_whitespace().last())
                .map(translit_key)
                .collect()
        })
        .collect()
}

/// Resolve a speaker description to a story person by surname key (`surnames`: from
/// [`surname_keys`]).
fn resolve_by_name(speaker: &str, surnames: &[Vec<String>]) -> Option<usize> {
    let last = speaker.split_whitespace().last()?;
    let k = translit_key(last.trim_end_matches('s'));
    let k_full = translit_key(last);
    surnames
        .iter()
        .position(|keys| keys.iter().any(|sk| *sk == k || *sk == k_full))
}

/// Resolve a speaker named by a role alone (`Geschäftsführer`, `Oberbürgermeisterin`) to the
/// one person of the story who holds it, in any of its articles; none when several do.
fn resolve_by_role(speaker: &str, entities: &[StoryEntity]) -> Option<usize> {
    let role = speaker.trim();
    if role.contains(char::is_whitespace) {
        return None;
    }
    let mut holders = entities.iter().enumerate().filter(|(_, e)| {
        e.kind == EntityType::Per && e.roles.iter().any(|r| r.eq_ignore_ascii_case(role))
    });
    let (first, _) = holders.next()?;
    holders.next().is_none().then_some(first)
}

/// Resolve a one-word speaker written in lower case to the one organisation of the story whose
/// name ends in that word (`the coastguard` → `HM Coastguard`); none when several do.
fn resolve_by_last_word(speaker: &str, entities: &[StoryEntity]) -> Option<usize> {
    let word = speaker.trim();
    if word.contains(char::is_whitespace) {
        return None;
    }
    let mut bodies = entities.iter().enumerate().filter(|(_, e)| {
        e.kind == EntityType::Org
            && e.name.contains(' ')
            && e.name
                .split_whitespace()
                .last()
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
    });
    let (first, _) = bodies.next()?;
    bodies.next().is_none().then_some(first)
}

/// Resolve a speaker that is the name of an organisation or place of the story as one
/// outlet wrote it (`KAV`, an alias of `Kommunaler Arbeitgeberverband Niedersachsen`).
fn resolve_body(speaker: &str, entities: &[StoryEntity]) -> Option<usize> {
    entities.iter().position(|e| {
        e.kind != EntityType::Per && (e.name == speaker || e.aliases.iter().any(|a| a == speaker))
    })
}

/// A one-word description of a body (`Wasserwirtschaftsamt`, `Landkreis`) takes the one longer
/// name of the story that opens with it (`Wasserwirtschaftsamt Wehratal`): an organisation's
/// name, or another report's speaker. Its entity comes along where the name is one.
fn full_body_names(reports: &mut [Report], entities: &[StoryEntity]) {
    let mut names: BTreeMap<String, Option<usize>> = BTreeMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind == EntityType::Org && e.name.contains(' ') {
            names.insert(e.name.clone(), Some(i));
        }
    }
    for r in reports.iter() {
        if let Some(s) = r.quote.speaker.as_deref() {
            let body = r
                .speaker_entity
                .is_none_or(|e| entities[e].kind != EntityType::Per);
            if body && s.contains(' ') && s.starts_with(char::is_uppercase) {
                names.entry(s.to_string()).or_insert(r.speaker_entity);
            }
        }
    }
    for r in reports.iter_mut().filter(|r| r.speaker_entity.is_none()) {
        let Some(head) = r.quote.speaker.as_deref() else {
            continue;
        };
        if head.contains(' ') || !head.starts_with(char::is_uppercase) {
            continue;
        }
        let prefix = format!("{head} ");
        let mut fits = names.iter().filter(|(n, _)| n.starts_with(&prefix));
        if let (Some((name, ent)), None) = (fits.next(), fits.next()) {
            r.quote.speaker = Some(name.clone());
            r.speaker_entity = *ent;
        }
    }
}

/// Overlap of two key sets: mean of weighted containment and Dice.
pub fn overlap(a: &BTreeMap<String, f64>, b: &BTreeMap<String, f64>) -> f64 {
    let wa: f64 = a.values().sum();
    let wb: f64 = b.values().sum();
    if wa <= 0.0 || wb <= 0.0 {
        return 0.0;
    }
    let (mut shared, mut count) = (0.0, 0usize);
    for (k, w) in a {
        if b.contains_key(k) {
            shared += w;
            count += 1;
        }
    }
    // containment of one or two words says little, unless a side has no more
    let few = (count as f64 / 3.0)
        .min(1.0)
        .max(if count == a.len().min(b.len()) {
            1.0
        } else {
            0.0
        });
    0.5 * shared / wa.min(wb) * few + shared / (wa + wb)
}

/// The quote reports of a story, grouped.
pub fn reports(docs: &[AnnotatedArticle], merged: &Merged) -> Vec<Report> {
    let mut out = Vec::new();
    let mut surnames: Option<Vec<Vec<String>>> = None;
    for (d, doc) in docs.iter().enumerate() {
        for q in &doc.quotes {
            let mut ent = q
                .speaker_entity
                .and_then(|e| merged.of.get(&(d, e)).copied());
            if ent.is_none() {
                ent = q.speaker.as_deref().and_then(|s| {
                    let first = s.chars().next()?;
                    if !first.is_uppercase() {
                        // `the minister said`: English roles are written in lower case, and so
                        // is a body named by its last word (`the coastguard said`)
                        return resolve_by_role(s, &merged.entities)
                            .or_else(|| resolve_by_last_word(s, &merged.entities));
                    }
                    let surnames = surnames.get_or_insert_with(|| surname_keys(&merged.entities));
                    resolve_by_name(s, surnames)
                        .or_else(|| resolve_by_role(s, &merged.entities))
                        .or_else(|| resolve_body(s, &merged.entities))
                });
            }

            let speaker = match ent {
                Some(e) => Some(merged.entities[e].name.clone()),
                None => q.speaker.clone(),
            };
            let keys = text_keys(&without_speaker(q))
                .into_iter()
                .map(|k| {
                    let w = idf(&k);
                    (k, w)
                })
                .collect();
            out.push(Report {
                quote: StoryQuote {
                    speaker,
                    kind: q.kind,
                    text: q.text.clone(),
                    cue: q.cue.clone(),
                    article: doc.article.id.clone(),
                    start: q.span.start,
                    end: q.span.end,
                    group: 0,
                },
                doc: d,
                speaker_entity: ent,
                keys,
            });
        }
    }
    full_body_names(&mut out, &merged.entities);
    group(&mut out);
    // an organisation or place speaks under the name it has in the story's list of those
    // involved, with its short form (`Deutscher Wetterdienst (DWD)`)
    for r in &mut out {
        if let Some(e) = r.speaker_entity {
            r.quote.speaker = Some(crate::entities::name_with_short_form(&merged.entities[e]));
        }
    }
    out
}

/// The words of a quote without its speaker's phrase, where the quote holds it (a reported
/// act: `Sein Verteidiger Jan Oberle wies die Vorwürfe zurück`), so that two acts of one
/// speaker are not one statement for sharing his name and role.
fn without_speaker(q: &lagebild_model::Quote) -> String {
    match q.speaker_span {
        Some(sp) if q.span.start <= sp.start && sp.end <= q.span.end => {
            let (a, b) = (sp.start - q.span.start, sp.end - q.span.start);
            q.text
                .chars()
                .enumerate()
                .filter(|&(i, _)| i < a || i >= b)
                .map(|(_, c)| c)
                .collect()
        }
        _ => q.text.clone(),
    }
}

/// True when every word of `short` occurs in `long` (case-insensitive).
fn words_within(short: &str, long: &str) -> bool {
    let long = long.to_lowercase();
    short
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| long.contains(&w.to_lowercase()))
}

fn find(p: &mut [usize], mut x: usize) -> usize {
    while p[x] != x {
        p[x] = p[p[x]];
        x = p[x];
    }
    x
}

/// Assign group numbers (1-based, in order of first report).
fn group(reports: &mut [Report]) {
    let n = reports.len();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        let mut ks: Vec<(&String, &f64)> = r.keys.iter().collect();
        ks.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        for (k, _) in ks.into_iter().take(4) {
            postings.entry(k.as_str()).or_default().push(i);
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for l in postings.values() {
        if l.len() > MAX_POSTING {
            continue;
        }
        for (x, &i) in l.iter().enumerate() {
            for &j in &l[x + 1..] {
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    let mut parent: Vec<usize> = (0..n).collect();
    for (i, j) in pairs {
        let (a, b) = (&reports[i], &reports[j]);
        let same_speaker = a.speaker_entity.is_some() && a.speaker_entity == b.speaker_entity;
        let need = if same_speaker {
            SAME_QUOTE
        } else {
            SAME_QUOTE + 0.15
        };
        // a quote of one or two words (a term the outlet quotes) joins only a report that has
        // its words, not one that merely shares a key (`Friedensvorschlags` is no report of
        // `blockieren nur den Friedensprozess`)
        let short_ok = a.keys.len().min(b.keys.len()) > 2 || {
            let (short, long) = if a.keys.len() <= b.keys.len() {
                (a, b)
            } else {
                (b, a)
            };
            words_within(&short.quote.text, &long.quote.text)
        };
        // two words in common and a figure in one report only: two statements on the
        // speaker's topic (`Der Pegel der Wehra lag bei 6,40 Metern` is no report of `dass der
        // Pegel der Wehra bis Donnerstag weiter steigt`)
        let shared = a.keys.keys().filter(|k| b.keys.contains_key(*k)).count();
        let figure = |r: &Report| r.quote.text.chars().any(|c| c.is_ascii_digit());
        let enough = shared >= 3 || figure(a) == figure(b);
        if short_ok && enough && overlap(&a.keys, &b.keys) >= need {
            let (ra, rb) = (find(&mut parent, i), find(&mut parent, j));
            parent[rb.max(ra)] = ra.min(rb);
        }
    }
    let mut ids: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, rep) in reports.iter_mut().enumerate() {
        let r = find(&mut parent, i);
        let next = ids.len() + 1;
        rep.quote.group = *ids.entry(r).or_insert(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_model::QuoteKind;

    #[test]
    fn a_reported_act_is_keyed_without_its_speaker() {
        let text = "Sein Anwalt Jan Oberle wies die Vorwürfe zurück";
        let q = lagebild_model::Quote {
            kind: QuoteKind::Reported,
            span: lagebild_model::Span::new(100, 100 + text.chars().count()),
            text: text.into(),
            speaker: Some("Jan Oberle".into()),
            speaker_entity: None,
            speaker_span: Some(lagebild_model::Span::new(100, 122)),
            cue: None,
            cue_span: None,
            epistemic: lagebild_model::Epistemic::Attributed,
        };
        assert_eq!(without_speaker(&q), " wies die Vorwürfe zurück");
        // the speaker outside the quote leaves it whole
        let q = lagebild_model::Quote {
            speaker_span: Some(lagebild_model::Span::new(10, 20)),
            ..q
        };
        assert_eq!(without_speaker(&q), text);
    }

    fn report(doc: usize, speaker: usize, text: &str) -> Report {
        Report {
            quote: StoryQuote {
                speaker: None,
                kind: QuoteKind::Direct,
                text: text.into(),
                cue: None,
                article: format!("a{doc}"),
                start: 0,
                end: 1,
                group: 0,
            },
            doc,
            speaker_entity: Some(speaker),
            keys: text_keys(text)
                .into_iter()
                .map(|k| (k.clone(), idf(&k)))
                .collect(),
        }
    }

    #[test]
    fn a_body_in_lower_case_is_the_one_organisation_ending_in_it() {
        let ent = |name: &str, kind: EntityType| StoryEntity {
            name: name.into(),
            kind,
            aliases: Vec::new(),
            roles: Vec::new(),
            articles: Vec::new(),
        };
        let entities = vec![
            ent("HM Coastguard", EntityType::Org),
            ent("Northumbria Police", EntityType::Org),
            ent("Kent Police", EntityType::Org),
        ];
        assert_eq!(resolve_by_last_word("coastguard", &entities), Some(0));
        // two bodies end in the word: none
        assert_eq!(resolve_by_last_word("police", &entities), None);
        assert_eq!(resolve_by_last_word("company", &entities), None);
    }

    #[test]
    fn a_body_named_by_its_head_takes_its_full_name() {
        let body = |doc, who: &str| Report {
            quote: StoryQuote {
                speaker: Some(who.into()),
                ..report(doc, 0, "der Pegel steige weiter").quote
            },
            speaker_entity: None,
            ..report(doc, 0, "der Pegel steige weiter")
        };
        let mut rs = vec![
            body(0, "Pegelamt Lindau"),
            body(1, "Pegelamt"),
            body(2, "Landkreis"),
            body(2, "Landkreis Nord"),
            body(3, "Landkreis Süd"),
        ];
        full_body_names(&mut rs, &[]);
        let shown: Vec<&str> = rs
            .iter()
            .filter_map(|r| r.quote.speaker.as_deref())
            .collect();
        // `Landkreis` could be either district: it stays as written
        assert_eq!(
            shown,
            [
                "Pegelamt Lindau",
                "Pegelamt Lindau",
                "Landkreis",
                "Landkreis Nord",
                "Landkreis Süd"
            ]
        );
    }

    #[test]
    fn a_quoted_term_joins_only_reports_with_its_words() {
        let mut rs = vec![
            report(0, 1, "Die Gespräche seien „ergebnisoffen“ geführt worden"),
            report(1, 1, "ergebnisoffen"),
            report(
                2,
                1,
                "Die Sperrung der Nordbrücke sei ergebnisoffen zu prüfen",
            ),
        ];
        group(&mut rs);
        assert_eq!(rs[0].quote.group, rs[1].quote.group);
        assert!(!words_within(
            "Friedensvorschlags",
            "blockieren den Friedensprozess"
        ));
        assert!(words_within(
            "Friedensvorschlags",
            "des US-„Friedensvorschlags“"
        ));
    }

    #[test]
    fn a_figure_in_one_report_only_keeps_two_statements_on_one_topic_apart() {
        let mut rs = vec![
            report(
                0,
                1,
                "dass der Pegel der Wehra bis Donnerstag weiter steigt",
            ),
            report(1, 1, "Der Pegel der Wehra lag bei 6,40 Metern"),
            report(2, 1, "Der Pegel der Wehra steigt bis Donnerstag weiter"),
            report(3, 2, "Die Sicherheit der Menschen geht vor"),
            report(4, 2, "Die Sicherheit der Menschen gehe vor"),
        ];
        group(&mut rs);
        assert_ne!(rs[0].quote.group, rs[1].quote.group);
        assert_eq!(rs[0].quote.group, rs[2].quote.group);
        // without figures, two words in common of three still make one utterance
        assert_eq!(rs[3].quote.group, rs[4].quote.group);
    }

    #[test]
    fn a_quoted_term_links_no_other_speakers_statement_by_a_shared_key() {
        let mut rs = vec![
            report(
                0,
                1,
                "dass der Rahmen des Friedensvorschlags besprochen worden sei",
            ),
            report(1, 1, "Friedensvorschlags"),
            report(2, 2, "blockieren nur den Friedensprozess"),
        ];
        // the term and the other statement share a key (compound keys are cut to a prefix)
        assert!(overlap(&rs[1].keys, &rs[2].keys) >= SAME_QUOTE + 0.15);
        group(&mut rs);
        assert_eq!(rs[0].quote.group, rs[1].quote.group);
        assert_ne!(rs[1].quote.group, rs[2].quote.group);
    }
}
