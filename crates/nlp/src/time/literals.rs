//! Necessary literals of a rule, derived from its pattern: sets of words such that every
//! match of the pattern contains at least one word of each set. A text that lacks all the
//! words of one set cannot hold a match, so the rule need not run over it.
//!
//! Literals are kept with ASCII letters lowercased (other characters as they are), to be
//! searched for with ASCII case ignored: a superset of the pattern's own matches, never less.

use regex_syntax::hir::{Class, Hir, HirKind};
use std::collections::BTreeSet;

/// The largest set of literals kept for one factor (bigger sets are dropped or split).
const MAX_SET: usize = 256;
/// The largest character class expanded into single-character literals.
const MAX_CLASS: usize = 10;

type Set = BTreeSet<String>;

/// What a pattern is known to contain.
struct Info {
    /// All strings the pattern matches, when they are few.
    exact: Option<Set>,
    /// Sets of which every match contains a member (a conjunction).
    factors: Vec<Set>,
}

/// The necessary literal sets of a pattern (a conjunction; empty when nothing is known).
/// `None` when the pattern does not parse (the caller reports the regex error).
pub(super) fn necessary(pattern: &str) -> Option<Vec<Set>> {
    let hir = regex_syntax::parse(pattern).ok()?;
    let mut info = analyse(&hir);
    if let Some(exact) = info.exact.take() {
        info.factors.push(exact);
    }
    let mut sets: Vec<Set> = info.factors.into_iter().filter(useful).collect();
    sets.sort();
    sets.dedup();
    Some(sets)
}

/// The characters of `chars` that no match of `pattern` can contain (none when the pattern
/// does not parse).
pub(super) fn unmatched(pattern: &str, chars: &[char]) -> Vec<char> {
    let Ok(hir) = regex_syntax::parse(pattern) else {
        return Vec::new();
    };
    let mut left: Vec<char> = chars.to_vec();
    remove_matched(&hir, &mut left);
    left
}

fn remove_matched(hir: &Hir, left: &mut Vec<char>) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
            Ok(s) => left.retain(|&c| !s.contains(c)),
            Err(_) => left.clear(),
        },
        HirKind::Class(Class::Unicode(cls)) => {
            left.retain(|&c| !cls.ranges().iter().any(|r| r.start() <= c && c <= r.end()))
        }
        HirKind::Class(Class::Bytes(_)) => left.clear(),
        HirKind::Capture(c) => remove_matched(&c.sub, left),
        HirKind::Repetition(r) => remove_matched(&r.sub, left),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            for sub in subs {
                remove_matched(sub, left);
            }
        }
    }
}

/// A set is useful as a factor when it does not hold the empty string.
fn useful(s: &Set) -> bool {
    !s.is_empty() && !s.contains("")
}

fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}

fn product(a: &Set, b: &Set) -> Option<Set> {
    if a.len().saturating_mul(b.len()) > MAX_SET {
        return None;
    }
    Some(
        a.iter()
            .flat_map(|x| b.iter().map(move |y| format!("{x}{y}")))
            .collect(),
    )
}

/// The factor of a pattern that narrows texts down most: its shortest word longest, then the
/// fewest words.
fn best(info: &Info) -> Option<Set> {
    info.exact
        .iter()
        .chain(&info.factors)
        .filter(|s| useful(s))
        .max_by_key(|s| {
            let shortest = s.iter().map(|w| w.chars().count()).min().unwrap_or(0);
            (shortest, std::cmp::Reverse(s.len()))
        })
        .cloned()
}

fn analyse(hir: &Hir) -> Info {
    let unknown = || Info {
        exact: None,
        factors: Vec::new(),
    };
    let exact = |set: Set| Info {
        exact: Some(set),
        factors: Vec::new(),
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => exact(Set::from([String::new()])),
        HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
            Ok(s) => exact(Set::from([fold(s)])),
            Err(_) => unknown(),
        },
        HirKind::Class(Class::Unicode(c)) => {
            let mut set = Set::new();
            for r in c.ranges() {
                for ch in r.start()..=r.end() {
                    set.insert(fold(ch.encode_utf8(&mut [0; 4])));
                    if set.len() > MAX_CLASS {
                        return unknown();
                    }
                }
            }
            exact(set)
        }
        HirKind::Class(Class::Bytes(_)) => unknown(),
        HirKind::Capture(c) => analyse(&c.sub),
        HirKind::Repetition(r) => {
            let sub = analyse(&r.sub);
            if r.min == 0 {
                let exact = match (r.max, sub.exact) {
                    (Some(1), Some(mut s)) if s.len() < MAX_SET => {
                        s.insert(String::new());
                        Some(s)
                    }
                    _ => None,
                };
                return Info {
                    exact,
                    factors: Vec::new(),
                };
            }
            // At least one repetition: everything the sub-pattern needs is needed, and the
            // first `min` repetitions are consecutive.
            let mut factors = sub.factors;
            let Some(s) = sub.exact else {
                return Info {
                    exact: None,
                    factors,
                };
            };
            let mut fixed = Some(s.clone());
            for _ in 1..r.min {
                fixed = fixed.and_then(|f| product(&f, &s));
            }
            match fixed {
                Some(f) if r.max == Some(r.min) => Info {
                    exact: Some(f),
                    factors,
                },
                Some(f) => {
                    factors.push(f);
                    Info {
                        exact: None,
                        factors,
                    }
                }
                None => {
                    factors.push(s);
                    Info {
                        exact: None,
                        factors,
                    }
                }
            }
        }
        HirKind::Concat(subs) => {
            let mut factors = Vec::new();
            // The running product of consecutive exactly known parts.
            let mut run: Option<Set> = Some(Set::from([String::new()]));
            let mut whole = true;
            for sub in subs {
                let info = analyse(sub);
                factors.extend(info.factors);
                match info.exact {
                    Some(s) => {
                        run = match run {
                            None => Some(s),
                            Some(r) => match product(&r, &s) {
                                Some(p) => Some(p),
                                None => {
                                    // Too many: the run so far is a factor, a new run starts.
                                    whole = false;
                                    factors.push(r);
                                    Some(s)
                                }
                            },
                        };
                    }
                    None => {
                        whole = false;
                        if let Some(r) = run.take() {
                            factors.push(r);
                        }
                    }
                }
            }
            let exact = if whole {
                run
            } else {
                if let Some(r) = run {
                    factors.push(r);
                }
                None
            };
            Info { exact, factors }
        }
        HirKind::Alternation(subs) => {
            let infos: Vec<Info> = subs.iter().map(analyse).collect();
            let mut exact = Some(Set::new());
            for i in &infos {
                exact = match (exact, &i.exact) {
                    (Some(mut a), Some(b)) if a.len() + b.len() <= MAX_SET => {
                        a.extend(b.iter().cloned());
                        Some(a)
                    }
                    _ => None,
                };
            }
            if exact.is_some() {
                return Info {
                    exact,
                    factors: Vec::new(),
                };
            }
            // Every branch must bring a factor; the union of the branches' best ones is one.
            let mut union = Set::new();
            for i in &infos {
                match best(i) {
                    Some(s) if union.len() + s.len() <= MAX_SET => union.extend(s),
                    _ => return unknown(),
                }
            }
            Info {
                exact: None,
                factors: vec![union],
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(pattern: &str) -> Vec<Vec<String>> {
        necessary(pattern)
            .expect("pattern parses")
            .into_iter()
            .map(|s| s.into_iter().collect())
            .collect()
    }

    #[test]
    fn literals_and_classes_multiply_out() {
        assert_eq!(
            sets("[Hh]eute|[Gg]estern"),
            vec![vec!["gestern".to_string(), "heute".to_string()]]
        );
        assert_eq!(
            sets("Jahre?s?"),
            vec![vec!["jahr", "jahre", "jahres", "jahrs"]
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()]
        );
    }

    #[test]
    fn optional_parts_are_not_needed() {
        assert_eq!(
            sets(r"(?:[Vv]or\s+)?Tagen"),
            vec![vec!["tagen".to_string()]]
        );
        assert_eq!(sets(r"(?:Tag)?\s*[A-Z]"), Vec::<Vec<String>>::new());
    }

    #[test]
    fn every_part_of_a_sequence_is_needed() {
        let found = sets(r"(?:Jan|Feb)\.\s+(20[0-9])");
        assert!(found.contains(&vec!["feb.".to_string(), "jan.".to_string()]));
        assert!(found.iter().any(|s| s.len() == 10 && s[0] == "200"));
    }

    #[test]
    fn a_branch_without_literals_makes_the_alternation_unknown() {
        assert_eq!(sets(r"Tag|\s+"), Vec::<Vec<String>>::new());
        assert_eq!(
            sets(r"Tag\s+|Jahr"),
            vec![vec!["jahr".to_string(), "tag".to_string()]]
        );
    }

    #[test]
    fn characters_a_pattern_never_matches() {
        let marks = ['.', ',', '(', '–'];
        assert_eq!(unmatched(r"[0-9]+\.\s*Mai", &marks), vec![',', '(', '–']);
        assert_eq!(unmatched(r"[^a-z]|Jahr", &marks), Vec::<char>::new());
        assert_eq!(unmatched(r"(?:bis|–)\s+Juni", &marks), vec!['.', ',', '(']);
    }

    #[test]
    fn case_insensitive_groups_fold_to_lowercase() {
        assert_eq!(sets("(?i:acht)"), vec![vec!["acht".to_string()]]);
    }
}
