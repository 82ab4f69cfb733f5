//! The language-neutral rule engine: loads a language's resource files, finds candidate
//! expressions with their (still unresolved) values, and picks the non-overlapping ones.
//!
//! Resource files (all plain UTF-8, `#` starts a comment line, blank lines are ignored):
//!
//! * **macros**: `name = regex`; a later macro or rule pattern refers to it as `%name`
//!   (expanded as a non-capturing group). Macros must not contain capturing groups.
//! * **norm**: `[tableName]` sections of `key, key, … = value` lines. Keys are matched
//!   case-insensitively with whitespace collapsed and a trailing dot removed; a key made only
//!   of digits that is not in the table stands for itself.
//! * **rules**: `TYPE name: PATTERN => VALUE` optionally followed by ` ;; option=value`
//!   options. `TYPE` is `DATE`, `TIME`, `DURATION`, `SET`, or `NONE` (a negative rule: it wins
//!   its span like any rule but emits nothing). `VALUE` is a template: `$N` inserts capture
//!   group `N`, `%table(N)` inserts group `N` looked up in a norm table (nothing for a group that
//!   did not take part in the match; a failed lookup drops the match), `%pad2(N)`/`%pad4(N)`
//!   zero-pad a number (a missing group gives zeros), `%century(N)` turns an ordinal century
//!   into its two leading year digits (`20` → `19`); `{…}` placeholders are left for the
//!   resolver (see `resolve.rs`). Options: `group=N` (the expression is capture group `N`, the
//!   rest is context) and `narrative=VALUE` (template used in narrative mode).
//! * **cues**: `[future]` and `[past]` sections of whitespace-separated lowercase words that
//!   mark the tense of a sentence (they steer bare weekdays and months), and an `[edge]`
//!   section of words that, just before an expression, make it an interval edge (`bis`,
//!   `seit`) that does not become the narrative reference; `[future-final]` (see
//!   [`Grammar::tense`]) and `[event-articles]`, the articles that open an event's name after a
//!   relative day (`am Vortag der …`); `[range-joins]`, the words that join the two ends of a
//!   range of dates (`16. September bis 10. Oktober 1779`).

use super::literals;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use lagebild_model::TimexType;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A problem in a resource file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceError {
    /// Which file (`macros`, `norm`, `rules`, `cues`).
    pub file: &'static str,
    /// Line number, 1-based.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ResourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "time resource {} line {}: {}",
            self.file, self.line, self.message
        )
    }
}

impl std::error::Error for ResourceError {}

/// The text of a language's four resource files.
#[derive(Debug, Clone, Copy)]
pub struct Resources<'a> {
    /// Pattern macros.
    pub macros: &'a str,
    /// Normalisation tables.
    pub norm: &'a str,
    /// Extraction rules.
    pub rules: &'a str,
    /// Tense cue words.
    pub cues: &'a str,
}

#[derive(Debug, Clone)]
enum Part {
    Lit(String),
    Group(usize),
    Table(usize, usize),
    Pad(usize, usize),
    Century(usize),
}

#[derive(Debug)]
struct Rule {
    kind: Option<TimexType>,
    regex: Regex,
    value: Vec<Part>,
    narrative: Option<Vec<Part>>,
    group: usize,
    /// Index of the trailing look-ahead group the engine appends.
    tail: usize,
    /// The necessary sets (their numbers in `Grammar::literal_sets`) of which every match
    /// contains a word.
    needs: Vec<usize>,
    /// Which of `Grammar::barrier_masks` holds the characters of [`BARRIERS`] the rule's
    /// pattern can never match.
    barriers: usize,
}

/// Tense of the sentence around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// A past-tense cue is nearest.
    Past,
    /// A future cue is nearest.
    Future,
    /// No cue found.
    Unknown,
}

/// One selected expression before resolution (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// First byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// TIMEX type.
    pub kind: TimexType,
    /// Value template with groups filled in, used in news mode.
    pub value: String,
    /// Value template for narrative mode.
    pub narrative: String,
}

/// A compiled language: rules, tables and cues.
#[derive(Debug)]
pub struct Grammar {
    rules: Vec<Rule>,
    /// Finds the rules' necessary literals (ASCII case ignored).
    literals: AhoCorasick,
    /// For each literal, the necessary sets it belongs to.
    literal_sets: Vec<Vec<usize>>,
    /// Number of distinct necessary sets.
    n_sets: usize,
    /// The distinct barrier masks of the rules (bits of [`BARRIERS`]).
    barrier_masks: Vec<u32>,
    tables: Vec<BTreeMap<String, String>>,
    future: BTreeSet<String>,
    past: BTreeSet<String>,
    edge: BTreeSet<String>,
    /// Words that, second to last in a clause, make the clause point forward.
    future_final: BTreeSet<String>,
    /// Words right before an expression that make it point forward when its clause has no
    /// tense cue of its own (`until Thursday`, `bis Freitag`).
    forward_edge: BTreeSet<String>,
    /// Articles that open the name of an event after a relative day (`am Vortag der …`).
    articles: BTreeSet<String>,
    /// Words that join the two ends of a range of dates (`bis`, `und`, `–`).
    range_joins: BTreeSet<String>,
    /// Read German Konjunktiv I in a reported clause as its present tense (see [`Grammar::tense`]).
    konjunktiv: bool,
    /// Future cues that are auxiliaries: they point forward only with an infinitive (`wird …
    /// reisen`), not as a copula or passive (`wird es still`, `wird evakuiert`).
    future_aux: BTreeSet<String>,
    /// Forms of `sein` that point back only with a past participle (`ist im März
    /// ausgefallen`), not as a copula (`ist im März fällig`).
    perfect_aux: BTreeSet<String>,
    /// Separable verb particles before a glued `zu` infinitive (`vor` of `vorzulegen`).
    particles: BTreeSet<String>,
    /// Words that, in the expression's clause before it, make it the nearest such day whatever
    /// the tense (`Mindesthaltbarkeitsdatum`: a product's date, not the time of the report).
    nearest: BTreeSet<String>,
    /// Words right before an expression (or before an article before it) that keep a reported
    /// present from pointing forward (`vor`: the time before a day).
    before_edge: BTreeSet<String>,
    /// Phrases (lower case, words joined by one space) right before an expression that make it
    /// an interval edge (`beginnend mit dem`).
    edge_phrases: BTreeSet<String>,
    /// Words right before an expression that, in a clause closed by one of the
    /// `[scheduled-particles]`, make it point forward (`kündigte für Anfang Dezember … an`).
    scheduled_edge: BTreeSet<String>,
    /// Separable verb particles that close a clause announcing or calling for something.
    scheduled_particles: BTreeSet<String>,
    /// Finite forms of the verbs those particles belong to (`kündigte`, `rief`).
    scheduled_verbs: BTreeSet<String>,
}

/// Punctuation that many rules never match: a match of such a rule lies between two of them.
const BARRIERS: [char; 16] = [
    '.', ',', ';', ':', '!', '?', '"', '(', ')', '„', '“', '”', '«', '»', '–', '/',
];

/// The bit of a character in a rule's barrier mask.
fn barrier_bit(c: char) -> u32 {
    BARRIERS.iter().position(|&b| b == c).map_or(0, |i| 1 << i)
}

/// A necessary set with a one-letter word (`e`, `n`) is not searched for: such words occur
/// everywhere and would only slow the search down. Single digits are kept (they are rare).
fn worth_searching(set: &BTreeSet<String>) -> bool {
    set.iter().all(|w| {
        let mut cs = w.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => !c.is_alphabetic(),
            _ => true,
        }
    })
}

fn err(file: &'static str, line: usize, message: impl Into<String>) -> ResourceError {
    ResourceError {
        file,
        line,
        message: message.into(),
    }
}

/// Content lines of a resource file with their 1-based numbers.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Replace every `%name` by `(?:body)`.
fn expand(
    pattern: &str,
    macros: &BTreeMap<String, String>,
    file: &'static str,
    line: usize,
) -> Result<String, ResourceError> {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut rest = pattern;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let n = after.find(|c: char| !is_ident(c)).unwrap_or(after.len());
        if n == 0 {
            out.push('%');
            rest = after;
            continue;
        }
        let name = &after[..n];
        let body = macros
            .get(name)
            .ok_or_else(|| err(file, line, format!("unknown macro %{name}")))?;
        out.push_str("(?:");
        out.push_str(body);
        out.push(')');
        rest = &after[n..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Normalise a lookup key: lowercase, single spaces, no trailing dot.
fn norm_key(s: &str) -> String {
    let mut k = s.split_whitespace().collect::<Vec<_>>().join(" ");
    k = k.to_lowercase();
    while k.ends_with('.') {
        k.pop();
    }
    k
}

impl Grammar {
    /// Compile a language from its resource texts.
    pub fn new(res: Resources<'_>) -> Result<Grammar, ResourceError> {
        let mut macros = BTreeMap::new();
        for (no, l) in lines(res.macros) {
            let (name, body) = l
                .split_once('=')
                .ok_or_else(|| err("macros", no, "expected `name = regex`"))?;
            let body = expand(body.trim(), &macros, "macros", no)?;
            macros.insert(name.trim().to_string(), body);
        }

        let mut names: Vec<String> = Vec::new();
        let mut tables: Vec<BTreeMap<String, String>> = Vec::new();
        for (no, l) in lines(res.norm) {
            if let Some(name) = l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                names.push(name.trim().to_string());
                tables.push(BTreeMap::new());
                continue;
            }
            let table = tables
                .last_mut()
                .ok_or_else(|| err("norm", no, "entry before any [table]"))?;
            let (keys, value) = l
                .rsplit_once('=')
                .ok_or_else(|| err("norm", no, "expected `key, key = value`"))?;
            for k in keys.split(',') {
                table.insert(norm_key(k), value.trim().to_string());
            }
        }

        let mut rules = Vec::new();
        let mut set_ids: BTreeMap<BTreeSet<String>, usize> = BTreeMap::new();
        let mut barrier_masks: Vec<u32> = Vec::new();
        for (no, l) in lines(res.rules) {
            let (kind, rest) = l
                .split_once(char::is_whitespace)
                .ok_or_else(|| err("rules", no, "expected `TYPE name: pattern => value`"))?;
            let kind = match kind {
                "DATE" => Some(TimexType::Date),
                "TIME" => Some(TimexType::Time),
                "DURATION" => Some(TimexType::Duration),
                "SET" => Some(TimexType::Set),
                "NONE" => None,
                other => return Err(err("rules", no, format!("unknown type {other}"))),
            };
            let (_name, rest) = rest
                .split_once(": ")
                .ok_or_else(|| err("rules", no, "missing `name: `"))?;
            let (pattern, rest) = rest
                .split_once(" => ")
                .ok_or_else(|| err("rules", no, "missing ` => value`"))?;
            let mut parts = rest.split(" ;; ");
            let value = parse_template(parts.next().unwrap_or("").trim(), &names, no)?;
            let mut narrative = None;
            let mut group = 0;
            for opt in parts {
                match opt.trim().split_once('=') {
                    Some(("group", n)) => {
                        group = n
                            .trim()
                            .parse()
                            .map_err(|_| err("rules", no, "bad group number"))?
                    }
                    Some(("narrative", v)) => {
                        narrative = Some(parse_template(v.trim(), &names, no)?)
                    }
                    _ => return Err(err("rules", no, format!("unknown option {opt}"))),
                }
            }
            // The trailing group makes the match end before a non-letter (or the text end):
            // with leftmost-first alternation, `Stunde|Stunden` must not stop inside a word.
            let body = expand(pattern.trim(), &macros, "rules", no)?;
            let pattern = format!("(?:{body})([^\\p{{L}}\\p{{N}}]|$)");
            let regex = Regex::new(&pattern).map_err(|e| err("rules", no, e.to_string()))?;
            let needs = literals::necessary(&pattern)
                .unwrap_or_default()
                .into_iter()
                .filter(worth_searching)
                .map(|set| {
                    let n = set_ids.len();
                    *set_ids.entry(set).or_insert(n)
                })
                .collect();
            let mask = literals::unmatched(&body, &BARRIERS)
                .into_iter()
                .map(barrier_bit)
                .fold(0, |a, b| a | b);
            let barriers = match barrier_masks.iter().position(|&m| m == mask) {
                Some(i) => i,
                None => {
                    barrier_masks.push(mask);
                    barrier_masks.len() - 1
                }
            };
            let tail = regex.captures_len() - 1;
            if group >= tail {
                return Err(err("rules", no, "group option beyond the pattern's groups"));
            }
            rules.push(Rule {
                kind,
                regex,
                value,
                narrative,
                group,
                tail,
                needs,
                barriers,
            });
        }

        let mut future = BTreeSet::new();
        let mut past = BTreeSet::new();
        let mut edge = BTreeSet::new();
        let mut future_final = BTreeSet::new();
        let mut forward_edge = BTreeSet::new();
        let mut articles = BTreeSet::new();
        let mut range_joins = BTreeSet::new();
        let mut future_aux = BTreeSet::new();
        let mut perfect_aux = BTreeSet::new();
        let mut particles = BTreeSet::new();
        let mut edge_phrases = BTreeSet::new();
        let mut nearest = BTreeSet::new();
        let mut before_edge = BTreeSet::new();
        let mut scheduled_edge = BTreeSet::new();
        let mut scheduled_particles = BTreeSet::new();
        let mut scheduled_verbs = BTreeSet::new();
        let mut section: Option<&mut BTreeSet<String>> = None;
        // a section whose lines are phrases rather than lists of words
        let mut phrases = false;
        for (no, l) in lines(res.cues) {
            if l.starts_with('[') {
                phrases = l == "[edge-phrases]";
            }
            match l {
                "[future]" => section = Some(&mut future),
                "[past]" => section = Some(&mut past),
                "[edge]" => section = Some(&mut edge),
                "[future-final]" => section = Some(&mut future_final),
                "[forward-edge]" => section = Some(&mut forward_edge),
                "[event-articles]" => section = Some(&mut articles),
                "[range-joins]" => section = Some(&mut range_joins),
                "[future-auxiliaries]" => section = Some(&mut future_aux),
                "[perfect-auxiliaries]" => section = Some(&mut perfect_aux),
                "[particles]" => section = Some(&mut particles),
                "[edge-phrases]" => section = Some(&mut edge_phrases),
                "[nearest]" => section = Some(&mut nearest),
                "[before-edge]" => section = Some(&mut before_edge),
                "[scheduled-edge]" => section = Some(&mut scheduled_edge),
                "[scheduled-particles]" => section = Some(&mut scheduled_particles),
                "[scheduled-verbs]" => section = Some(&mut scheduled_verbs),
                _ => {
                    let set = section
                        .as_deref_mut()
                        .ok_or_else(|| err("cues", no, "words before a [section]"))?;
                    if phrases {
                        let words: Vec<String> =
                            l.split_whitespace().map(str::to_lowercase).collect();
                        set.insert(words.join(" "));
                    } else {
                        set.extend(l.split_whitespace().map(str::to_lowercase));
                    }
                }
            }
        }
        let mut literal_ids: BTreeMap<&str, usize> = BTreeMap::new();
        let mut literal_sets: Vec<Vec<usize>> = Vec::new();
        for (set, &si) in &set_ids {
            for w in set {
                let n = literal_ids.len();
                let li = *literal_ids.entry(w.as_str()).or_insert(n);
                if li == literal_sets.len() {
                    literal_sets.push(Vec::new());
                }
                literal_sets[li].push(si);
            }
        }
        let mut words = vec![""; literal_ids.len()];
        for (w, i) in literal_ids {
            words[i] = w;
        }
        let literals = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .map_err(|e| err("rules", 0, format!("literal search: {e}")))?;
        Ok(Grammar {
            rules,
            literals,
            literal_sets,
            n_sets: set_ids.len(),
            barrier_masks,
            tables,
            future,
            past,
            edge,
            future_final,
            forward_edge,
            articles,
            range_joins,
            konjunktiv: false,
            future_aux,
            perfect_aux,
            particles,
            edge_phrases,
            nearest,
            before_edge,
            scheduled_edge,
            scheduled_particles,
            scheduled_verbs,
        })
    }

    /// All expressions of `text`, longest first where candidates overlap, in text order.
    ///
    /// A rule runs only where its match can lie: every match contains a word of each of the
    /// rule's necessary sets, and never a punctuation mark of `BARRIERS` the rule's pattern
    /// cannot match; so the rule runs only over the stretches between such marks that hold a
    /// word of every set, with the same result as [`Grammar::candidates_exhaustive`].
    pub fn candidates(&self, text: &str) -> Vec<Candidate> {
        // Start bytes of the necessary words found, grouped by set: the words of one set are
        // `starts[offsets[set]..offsets[set + 1]]`, in text order (a start may repeat).
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut offsets = vec![0; self.n_sets + 1];
        for m in self.literals.find_overlapping_iter(text) {
            for &set in &self.literal_sets[m.pattern().as_usize()] {
                found.push((set, m.start()));
                offsets[set + 1] += 1;
            }
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut starts = vec![0; found.len()];
        let mut next = offsets.clone();
        for (set, start) in found {
            starts[next[set]] = start;
            next[set] += 1;
        }
        for set in 0..self.n_sets {
            // Found in order of their ends: nearly sorted already.
            starts[offsets[set]..offsets[set + 1]].sort();
        }
        let hits = |set: usize| &starts[offsets[set]..offsets[set + 1]];
        // Byte offsets of the barriers of each mask.
        let mut bounds: Vec<Vec<usize>> = vec![Vec::new(); self.barrier_masks.len()];
        for (i, c) in text.char_indices() {
            let bit = barrier_bit(c);
            if bit != 0 {
                for (mask, b) in self.barrier_masks.iter().zip(&mut bounds) {
                    if mask & bit != 0 {
                        b.push(i);
                    }
                }
            }
        }
        self.select(text, |rule, windows| {
            let Some(&driver) = rule.needs.iter().min_by_key(|&&set| hits(set).len()) else {
                windows.push((0, text.len()));
                return;
            };
            let bounds = &bounds[rule.barriers];
            let mut checked = None;
            for &h in hits(driver) {
                let k = bounds.partition_point(|&b| b < h);
                if checked.replace(k) == Some(k) {
                    continue;
                }
                let from = k.checked_sub(1).map_or(0, |j| next_char(text, bounds[j]));
                let to = bounds.get(k).copied().unwrap_or(text.len());
                let all = rule.needs.iter().all(|&set| {
                    let h = hits(set);
                    let i = h.partition_point(|&x| x < from);
                    h.get(i).is_some_and(|&x| x < to)
                });
                if all {
                    // The window takes in the barrier after the stretch: a match may end
                    // just before it, with the barrier as the character after the match.
                    let end = if to < text.len() {
                        next_char(text, to)
                    } else {
                        to
                    };
                    match windows.last_mut() {
                        Some(last) if last.1 == from => last.1 = end,
                        _ => windows.push((from, end)),
                    }
                }
            }
        })
    }

    /// The same as [`Grammar::candidates`], found by running every rule over the whole text
    /// (slower; a reference for checks).
    pub fn candidates_exhaustive(&self, text: &str) -> Vec<Candidate> {
        self.select(text, |_, windows| windows.push((0, text.len())))
    }

    /// Runs every rule over the windows `plan` gives it (`(start, end)` byte ranges in text
    /// order, none when the rule cannot match) and resolves overlaps.
    fn select(&self, text: &str, plan: impl Fn(&Rule, &mut Vec<(usize, usize)>)) -> Vec<Candidate> {
        // (start, end, rule, value, narrative, length of the whole match)
        let mut found: Vec<(usize, usize, usize, String, String, usize)> = Vec::new();
        let mut windows = Vec::new();
        for (ri, rule) in self.rules.iter().enumerate() {
            windows.clear();
            plan(rule, &mut windows);
            if windows.is_empty() {
                continue;
            }
            let mut locs = rule.regex.capture_locations();
            let mut pos = 0;
            for &(from, to) in &windows {
                // A prefix of the text: look-behind sees the text before the window, and the
                // window ends with a character no match can take in.
                let hay = &text[..to];
                pos = pos.max(from);
                while pos < hay.len() {
                    let Some(m) = rule.regex.captures_read_at(&mut locs, hay, pos) else {
                        break;
                    };
                    let s = m.start();
                    let e = locs.get(rule.tail).map_or(m.end(), |(t, _)| t);
                    if e > s && boundary_ok(text, s, e) {
                        let span = match rule.group {
                            0 => Some((s, e)),
                            g => locs.get(g),
                        };
                        let value = self.fill(&rule.value, text, &locs);
                        let narrative = match &rule.narrative {
                            Some(t) => self.fill(t, text, &locs),
                            None => value.clone(),
                        };
                        if let (Some((gs, ge)), Some(v), Some(n)) = (span, value, narrative) {
                            if ge > gs {
                                found.push((gs, ge, ri, v, n, e - s));
                            }
                        }
                        pos = e;
                    } else {
                        pos = next_char(text, s);
                    }
                }
            }
        }
        // Longest match (context included) first, then leftmost, then the earlier rule.
        found.sort_by(|a, b| b.5.cmp(&a.5).then(a.0.cmp(&b.0)).then(a.2.cmp(&b.2)));
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut chosen = Vec::new();
        for (s, e, ri, v, n, _) in found {
            let clash_before = taken.range(..e).next_back().is_some_and(|(_, &pe)| pe > s);
            if clash_before {
                continue;
            }
            taken.insert(s, e);
            if let Some(kind) = self.rules[ri].kind {
                chosen.push(Candidate {
                    start: s,
                    end: e,
                    kind,
                    value: v,
                    narrative: n,
                });
            }
        }
        chosen.sort_by_key(|c| (c.start, c.end));
        chosen
    }

    fn fill(&self, parts: &[Part], text: &str, locs: &regex::CaptureLocations) -> Option<String> {
        let group = |n: usize| locs.get(n).map(|(s, e)| &text[s..e]);
        let mut out = String::new();
        for p in parts {
            match p {
                Part::Lit(s) => out.push_str(s),
                Part::Group(n) => out.push_str(group(*n).unwrap_or("")),
                Part::Table(t, n) => {
                    let Some(g) = group(*n) else {
                        continue;
                    };
                    let key = norm_key(g);
                    match self.tables[*t].get(&key) {
                        Some(v) => out.push_str(v),
                        None if !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()) => {
                            out.push_str(&key)
                        }
                        None => return None,
                    }
                }
                Part::Pad(width, n) => match group(*n) {
                    None => out.push_str(&"0".repeat(*width)),
                    Some(g) => {
                        let v: u32 = g.trim().parse().ok()?;
                        out.push_str(&format!("{v:0width$}", width = *width));
                    }
                },
                Part::Century(n) => {
                    let v: u32 = group(*n)?.trim().parse().ok()?;
                    out.push_str(&format!("{:02}", v.checked_sub(1)?));
                }
            }
        }
        Some(out)
    }

    /// True when one of the two words before `start` marks an interval edge (`bis`, `seit`), or
    /// the words before it end with an `[edge-phrases]` entry (`beginnend mit dem`).
    pub fn is_edge(&self, text: &str, start: usize) -> bool {
        let mut from = start.saturating_sub(24);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let before = text[from..start].rsplit('\n').next().unwrap_or("");
        before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev()
            .take(2)
            .any(|w| self.edge.contains(&w.to_lowercase()))
            || {
                let words: Vec<String> = before
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                self.edge_phrases.iter().any(|p| {
                    let p: Vec<&str> = p.split(' ').collect();
                    words.len() >= p.len() && words[words.len() - p.len()..] == p[..]
                })
            }
    }

    /// Does `between`, the text between two expressions, join them into a range (`bis zum`,
    /// `und`, `–`)?
    pub fn joins_range(&self, between: &str) -> bool {
        let mut words = between.split_whitespace().peekable();
        words.peek().is_some() && words.all(|w| self.range_joins.contains(&w.to_lowercase()))
    }

    /// Is `w` (lower case) an article that opens the name of an event (`der`, `the`)?
    pub fn is_event_article(&self, w: &str) -> bool {
        self.articles.contains(w)
    }

    /// Tense of a whole passage: past when it has a past cue and no future cue.
    pub fn passage_tense(&self, passage: &str) -> Tense {
        let mut past = false;
        let mut buf = String::new();
        for w in passage.split(|c: char| !c.is_alphanumeric()) {
            let lw = lowercase(w, &mut buf);
            if self.future.contains(lw) {
                return Tense::Unknown;
            }
            past |= self.past.contains(lw);
        }
        if past {
            Tense::Past
        } else {
            Tense::Unknown
        }
    }

    /// True for a `zu` infinitive written as one word after a separable particle
    /// (`vorzulegen`, `einzuladen`): a `[future-final]` word glued inside, after one of the
    /// `[particles]` (`… aufgefordert, bis Ende Oktober einen Vertrag vorzulegen`).
    fn glued_zu_infinitive(&self, w: &str) -> bool {
        w.chars().all(char::is_lowercase)
            && w.ends_with("en")
            && self.particles.iter().any(|p| {
                w.strip_prefix(p.as_str()).is_some_and(|rest| {
                    self.future_final
                        .iter()
                        .any(|z| rest.strip_prefix(z.as_str()).is_some_and(|r| r.len() >= 3))
                })
            })
    }

    /// Take `words` (lowercase) as past-tense cues besides the `[past]` section: the German
    /// grammar takes the preterites of the quote finder's speech verbs (`verkündete`,
    /// `mitteilten`), so the two lexicons need not list them twice.
    pub fn with_past_cues(mut self, words: &BTreeSet<String>) -> Grammar {
        self.past.extend(words.iter().cloned());
        self
    }

    /// Read a reported clause in the German Konjunktiv I present as pointing forward.
    pub fn with_konjunktiv(mut self) -> Grammar {
        self.konjunktiv = true;
        self
    }

    /// Tense of the sentence around `[start, end)`: the nearest cue word of the expression's
    /// own clause (between commas, semicolons and colons) decides, else the nearest of the
    /// sentence. A clause that ends in a `[future-final]` word and one more word
    /// (`…, am Mittwoch über den Antrag zu entscheiden`) points forward, and so does a reported
    /// clause in the Konjunktiv I present without a cue of its own (`…, dass man am Mittwoch eine
    /// Lösung finde, sagte sie`), where the nearest cue of the sentence would be the past of the
    /// speech verb.
    pub fn tense(&self, text: &str, start: usize, end: usize) -> Tense {
        let (from, to) = sentence_window(text, start, end);
        let is_delim = |c: char| matches!(c, ',' | ';' | ':');
        let c_from = text[from..start]
            .rfind(is_delim)
            .map_or(from, |i| from + i + 1);
        let c_to = text[end..to].find(is_delim).map_or(to, |i| end + i);
        let clause: Vec<&str> = text[c_from..c_to]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if clause.len() >= 2
            && self
                .future_final
                .contains(&clause[clause.len() - 2].to_lowercase())
            || clause.last().is_some_and(|w| self.glued_zu_infinitive(w))
        {
            return Tense::Future;
        }
        if self.scheduled(&text[c_from..start], &clause) {
            return Tense::Future;
        }
        let mut buf = String::new();
        if text[c_from..start]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| !w.is_empty() && self.nearest.contains(lowercase(w, &mut buf)))
        {
            return Tense::Unknown;
        }
        let own = self.nearest_cue(text, c_from, c_to, start, end);
        if own != Tense::Unknown {
            return own;
        }
        if self
            .edge_word(&text[c_from..start])
            .is_some_and(|w| self.forward_edge.contains(&w))
        {
            return Tense::Future;
        }
        if self.konjunktiv && reported_present(&clause) && !self.before_edge(&text[c_from..start]) {
            return Tense::Future;
        }
        self.nearest_cue(text, from, to, start, end)
    }

    /// The word (lower case) right before an expression, or before the one article right
    /// before it (`vor` of `vor dem 5. Juni`, `für` of `für den 2. Dezember`).
    fn edge_word(&self, before: &str) -> Option<String> {
        let mut words = before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev()
            .map(str::to_lowercase);
        match words.next() {
            Some(w) if self.articles.contains(&w) => words.next(),
            w => w,
        }
    }

    /// True when a `[before-edge]` word is the [`Grammar::edge_word`] of the expression
    /// (`vor dem 5. Juni`): the time before a day, of which a reported present speaks as known
    /// (`ihm sei kein Befund aus der Zeit vor dem 5. Juni bekannt`).
    fn before_edge(&self, before: &str) -> bool {
        self.edge_word(before)
            .is_some_and(|w| self.before_edge.contains(&w))
    }

    /// True when the expression is the time something is announced or called for: a
    /// `[scheduled-edge]` word is its [`Grammar::edge_word`] (`für`, `für den`), in a clause
    /// that a `[scheduled-particles]` word closes and that has one of the `[scheduled-verbs]`
    /// (`kündigte für Anfang Dezember neue Preise an`, `ruft für Donnerstag zum Streik auf`,
    /// but not `die Zahlen für Oktober zeigten … an`). The time lies after the announcement,
    /// whatever the tense of its verb.
    fn scheduled(&self, before: &str, clause: &[&str]) -> bool {
        self.edge_word(before)
            .is_some_and(|w| self.scheduled_edge.contains(&w))
            && clause
                .last()
                .is_some_and(|w| self.scheduled_particles.contains(*w))
            && clause
                .iter()
                .any(|w| self.scheduled_verbs.contains(&w.to_lowercase()))
    }

    /// True when the word after byte `at` is a `[future-auxiliaries]` form: a participle
    /// before it is a passive infinitive or present, no past (`soll bis Freitag entschieden
    /// werden`, `über den Antrag entschieden wird`).
    fn before_future_aux(&self, text: &str, at: usize) -> bool {
        let next = text[at..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty());
        next.is_some_and(|w| {
            text[at..].trim_start().starts_with(w) && self.future_aux.contains(&w.to_lowercase())
        })
    }

    /// The tense of the cue word in `text[from..to]` nearest to `[start, end)`.
    fn nearest_cue(&self, text: &str, from: usize, to: usize, start: usize, end: usize) -> Tense {
        let mut best: Option<(usize, Tense)> = None;
        let mut buf = String::new();
        let mut consider = |ws: usize, w: &str| {
            if ws >= start && ws < end {
                return;
            }
            let lw = lowercase(w, &mut buf);
            let t = if self.future.contains(lw) {
                if self.future_aux.contains(lw)
                    && !aux_with(text, from, to, (ws, ws + w.len()), is_infinitive)
                {
                    return;
                }
                Tense::Future
            } else if self.past.contains(lw) && !self.before_future_aux(text, ws + w.len())
                || (self.perfect_aux.contains(lw)
                    && aux_with(text, from, to, (ws, ws + w.len()), is_participle))
            {
                Tense::Past
            } else {
                return;
            };
            // a capitalised word inside a sentence is a noun or a name, no verb or adverb:
            // `Angaben` is no `angaben` (`gaben … an`), `Will` no `will`
            if w.chars().next().is_some_and(char::is_uppercase) && !sentence_initial(text, ws) {
                return;
            }
            let dist = if ws < start { start - ws } else { ws - end };
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, t));
            }
        };
        let window = &text[from..to];
        let mut word_start: Option<usize> = None;
        for (i, c) in window.char_indices() {
            if c.is_alphanumeric() {
                word_start.get_or_insert(i);
            } else if let Some(ws) = word_start.take() {
                consider(from + ws, &window[ws..i]);
            }
        }
        if let Some(ws) = word_start {
            consider(from + ws, &window[ws..]);
        }
        best.map_or(Tense::Unknown, |(_, t)| t)
    }
}

/// True when the word at byte `ws` opens a sentence (or a quotation, a line, or a clause after
/// a colon): only spaces and opening quotation marks or brackets stand between it and the
/// text's start, a full stop, a question or exclamation mark, a colon or a line break.
pub(super) fn sentence_initial(text: &str, ws: usize) -> bool {
    text[..ws]
        .chars()
        .rev()
        .find(|&c| {
            let space = c.is_whitespace() && c != '\n';
            let opening = matches!(
                c,
                '„' | '"' | '“' | '‚' | '\'' | '«' | '»' | '(' | '–' | '-'
            );
            !space && !opening
        })
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n'))
}

/// True when the auxiliary at `[ws, we)` has a verb form that `verb` accepts: the word before
/// it or the last of its clause within `[from, to)`. With [`is_infinitive`] a future
/// (`stattfinden wird`, `wird am Montag reisen`, `wird evakuiert werden`), with
/// [`is_participle`] a perfect (`ausgefallen ist`, `ist im März ausgefallen`).
fn aux_with(
    text: &str,
    from: usize,
    to: usize,
    (ws, we): (usize, usize),
    verb: fn(&str) -> bool,
) -> bool {
    let is_delim = |c: char| matches!(c, ',' | ';' | ':' | '.' | '!' | '?');
    fn last_word(s: &str) -> Option<&str> {
        s.split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
    }
    let before = text[from..ws].rsplit(is_delim).next().and_then(last_word);
    let last = text[we..to].split(is_delim).next().and_then(last_word);
    [before, last].into_iter().flatten().any(verb)
}

/// True for a lower-case word shaped like a German infinitive (`reisen`, `ändern`, `werden`),
/// not a past participle or a function word.
fn is_infinitive(w: &str) -> bool {
    if matches!(w, "werden" | "sein" | "haben") {
        return true;
    }
    w.chars().count() >= 4
        && w.chars().all(char::is_lowercase)
        && (w.ends_with("en") || w.ends_with("ern") || w.ends_with("eln"))
        && !is_participle(w)
        && !crate::stopwords::is_stopword("de", w)
}

/// True when a clause (its words) holds a Konjunktiv I verb and no past participle, so that
/// it reports a present: `dass man am Mittwoch eine Lösung finde`, `die Sitzung sei am Freitag
/// öffentlich`, but not `am Mittwoch seien 20 Menschen gestorben`.
fn reported_present(clause: &[&str]) -> bool {
    let lex = crate::quotes::lexicon::Lexicon::get();
    let mut buf = String::new();
    let mut konjunktiv = false;
    for w in clause {
        if w.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        if is_participle(w) {
            return false;
        }
        konjunktiv |= lex.is_konjunktiv_one(lowercase(w, &mut buf));
    }
    konjunktiv
}

/// True for a lower-case word shaped like a German past participle: `ge…t`, `ge…en` after an
/// optional separable prefix (`gestorben`, `angekündigt`, `ausgebrochen`), or `…iert`.
fn is_participle(w: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "", "ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin", "los", "mit",
        "nach", "vor", "weg", "zu", "zurück", "zusammen",
    ];
    if w.ends_with("iert") {
        return true;
    }
    (w.ends_with('t') || w.ends_with("en"))
        && PREFIXES.iter().any(|p| {
            w.strip_prefix(p)
                .and_then(|r| r.strip_prefix("ge"))
                .is_some_and(|r| r.chars().count() >= 4)
        })
}

fn parse_template(t: &str, tables: &[String], line: usize) -> Result<Vec<Part>, ResourceError> {
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut rest = t;
    while let Some(c) = rest.chars().next() {
        if c == '$' {
            let digits = rest[1..]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len() - 1);
            if digits > 0 {
                let n = rest[1..=digits]
                    .parse()
                    .map_err(|_| err("rules", line, "bad group"))?;
                if !lit.is_empty() {
                    parts.push(Part::Lit(std::mem::take(&mut lit)));
                }
                parts.push(Part::Group(n));
                rest = &rest[1 + digits..];
                continue;
            }
        }
        if c == '%' {
            if let Some(open) = rest.find('(') {
                let name = &rest[1..open];
                if !name.is_empty() && name.chars().all(is_ident) {
                    let close = rest
                        .find(')')
                        .ok_or_else(|| err("rules", line, "unclosed %function("))?;
                    let n: usize = rest[open + 1..close]
                        .trim()
                        .parse()
                        .map_err(|_| err("rules", line, "bad group in %function"))?;
                    let part = match name {
                        "pad2" => Part::Pad(2, n),
                        "pad4" => Part::Pad(4, n),
                        "century" => Part::Century(n),
                        _ => Part::Table(
                            tables.iter().position(|x| x == name).ok_or_else(|| {
                                err("rules", line, format!("unknown table %{name}"))
                            })?,
                            n,
                        ),
                    };
                    if !lit.is_empty() {
                        parts.push(Part::Lit(std::mem::take(&mut lit)));
                    }
                    parts.push(part);
                    rest = &rest[close + 1..];
                    continue;
                }
            }
        }
        lit.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !lit.is_empty() {
        parts.push(Part::Lit(lit));
    }
    Ok(parts)
}

/// `word.to_lowercase()`, without allocating for a word that is lowercase ASCII already.
pub(super) fn lowercase<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return word;
    }
    buf.clear();
    if word.is_ascii() {
        buf.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        buf.push_str(&word.to_lowercase());
    }
    buf
}

fn next_char(text: &str, i: usize) -> usize {
    text[i..]
        .chars()
        .next()
        .map_or(text.len(), |c| i + c.len_utf8())
}

/// An expression must not start or end inside a word or a number.
fn boundary_ok(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().rev();
    let after = text[e..].chars();
    let first = text[s..].chars().next();
    let last = text[..e].chars().next_back();
    let inside = |mut it: Box<dyn Iterator<Item = char> + '_>, edge: Option<char>| -> bool {
        match it.next() {
            Some(c) if c.is_alphanumeric() => true,
            // A number continued by a separator and a digit (`1.500`, `3,5`, `12:30`).
            Some('.' | ',' | ':') => {
                edge.is_some_and(|c| c.is_ascii_digit())
                    && it.next().is_some_and(|c| c.is_ascii_digit())
            }
            _ => false,
        }
    };
    !inside(Box::new(before), first) && !inside(Box::new(after), last)
}

/// Byte range of the sentence around `[start, end)`, at most a few hundred bytes each way.
pub(crate) fn sentence_window(text: &str, start: usize, end: usize) -> (usize, usize) {
    const MAX: usize = 400;
    let is_end = |prev: Option<char>, c: char, next: Option<char>| {
        c == '\n'
            || ((c == '!' || c == '?') && next.is_none_or(char::is_whitespace))
            || (c == '.'
                && prev.is_some_and(|p| p.is_lowercase())
                && next.is_none_or(char::is_whitespace))
    };
    let mut from = start;
    let mut steps = 0;
    let mut it = text[..start].char_indices().rev().peekable();
    let mut next: Option<char> = text[start..].chars().next();
    while let Some((i, c)) = it.next() {
        let prev = it.peek().map(|&(_, p)| p);
        if is_end(prev, c, next) || steps > MAX {
            break;
        }
        from = i;
        next = Some(c);
        steps += 1;
    }
    let mut to = end;
    let mut prev = text[..end].chars().next_back();
    let mut it = text[end..].char_indices().peekable();
    steps = 0;
    while let Some((i, c)) = it.next() {
        let nx = it.peek().map(|&(_, n)| n);
        if is_end(prev, c, nx) || steps > MAX {
            break;
        }
        to = end + i + c.len_utf8();
        prev = Some(c);
        steps += 1;
    }
    (from, to)
}
