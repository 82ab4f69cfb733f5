//! Briefing: 5–12 extractive sentences, each cited to its article and span.
//!
//! Facts are taken in order of independent origins, then articles, then position; a fact's
//! representative sentence is used when it reads as a statement (not a question, not page
//! furniture, of a readable length) and repeats no sentence already chosen. The chosen
//! sentences are then put in story order (first article first, then by position).

use crate::facts::Unit;
use crate::features::is_boilerplate;
use lagebild_model::{AnnotatedArticle, BriefingSentence, Fact};
use std::collections::BTreeMap;

/// Most sentences in a briefing.
pub const MAX_SENTENCES: usize = 12;
/// Fewest sentences a briefing aims for.
pub const MIN_SENTENCES: usize = 5;

/// True when a sentence ends as a statement (full stop, or closing quote after one) and its
/// quotation marks are balanced (not a fragment of a quote split across sentences).
fn complete(text: &str) -> bool {
    let t = text.trim_end();
    let mut rev = t.chars().rev();
    let ends = match rev.next() {
        Some('.') | Some('!') => true,
        Some('“') | Some('"') | Some('«') | Some('”') => {
            matches!(rev.next(), Some('.') | Some('!') | Some('?'))
        }
        _ => false,
    };
    let count = |c: char| t.chars().filter(|&x| x == c).count();
    ends && count('„') == count('“') && count('"') % 2 == 0 && count('»') == count('«')
}

fn readable(text: &str) -> bool {
    let words = text.split_whitespace().count();
    complete(text)
        && (7..=60).contains(&words)
        && !text.trim_end().ends_with('?')
        && !text.trim_end().ends_with(':')
        && !is_boilerplate(text)
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '„' || c == '"')
}

fn too_close(a: &Unit, b: &Unit) -> bool {
    let shared: f64 = crate::facts::shared_keys(a, b).sum();
    let m = a.weight.min(b.weight);
    m > 0.0 && shared / m > 0.5
}

/// Build the briefing from facts (in ranking order) and their unit lists (representative first).
pub fn briefing(
    docs: &[AnnotatedArticle],
    units: &[Unit],
    facts: &[(Fact, Vec<usize>)],
) -> Vec<BriefingSentence> {
    let mut chosen: Vec<(usize, &Fact, &Vec<usize>)> = Vec::new();
    for pass in 0..2 {
        for (f, us) in facts {
            if chosen.len() >= MAX_SENTENCES {
                break;
            }
            if pass == 0 && f.articles.len() < 2 && chosen.len() >= MIN_SENTENCES {
                continue;
            }
            let Some(&rep) = us.iter().find(|&&u| readable(&units[u].text)) else {
                continue;
            };
            if chosen
                .iter()
                .any(|(c, _, _)| *c == rep || too_close(&units[*c], &units[rep]))
            {
                continue;
            }
            chosen.push((rep, f, us));
        }
        if chosen.len() >= MIN_SENTENCES {
            break;
        }
    }
    // story order
    let order: BTreeMap<(usize, usize), usize> = chosen
        .iter()
        .enumerate()
        .map(|(i, (u, _, _))| ((units[*u].doc, units[*u].sent), i))
        .collect();
    order
        .values()
        .map(|&i| {
            let (rep, _, us) = chosen[i];
            let mut cites = vec![rep];
            cites.extend(us.iter().copied().filter(|&u| u != rep));
            BriefingSentence {
                text: units[rep].text.clone(),
                citations: cites.iter().map(|&u| units[u].citation(docs)).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_only() {
        assert!(readable(
            "Die Brücke bleibt nach Angaben der Stadt zwei Wochen gesperrt."
        ));
        assert!(readable(
            "„Wir bleiben dabei, das haben wir immer so gesagt“, sagte sie am Abend."
        ));
        assert!(!readable("„Frieden in der Stadt ist nicht näher gekommen“"));
        assert!(!readable(
            "Aber wenn es so kommt, dann sind wir bereit“, sagte er am Abend."
        ));
        assert!(!readable(
            "Wer hat die Brücke zuletzt geprüft und warum nicht?"
        ));
    }
}
