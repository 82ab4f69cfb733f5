//! Features of a token in its sentence, as 64-bit hashes (shared by tagging and training).
//!
//! Templates: word and lower-case word, word shape, prefixes and suffixes of 1–4 chars,
//! the words and shapes within ±2, word bigrams, distributional word clusters of the word and
//! its neighbours (three granularities), gazetteer flags of the word and its neighbours,
//! hyphen parts, sentence-initial capitalisation.

use super::gazetteer::{flag, Gazetteer};
use super::model::fresh_id;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Number of cluster granularities per word.
pub const CLUSTER_LEVELS: usize = 3;

/// What raw text says of a lower-cased word.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    /// Cluster id at each granularity.
    pub clusters: Option<[u16; CLUSTER_LEVELS]>,
    /// Usage and context class (see [`usage_class`] and [`context_class`]).
    pub usage: Option<[u8; 2]>,
    /// How a first tagger labels the word across raw text (see [`tag_class`]).
    pub tagged: Option<u8>,
}

/// Word clusters, usage and tag classes: lower-cased word → [`WordInfo`], one lookup for all.
#[derive(Debug, Clone)]
pub struct Clusters {
    words: FxHashMap<String, WordInfo>,
    /// Identity of the contents, for caches of partial scores (see [`super::emit`]); every
    /// change gives a new one.
    id: u64,
}

impl Default for Clusters {
    fn default() -> Clusters {
        Clusters {
            words: FxHashMap::default(),
            id: fresh_id(),
        }
    }
}

/// Class of a word from the labels a tagger gives its occurrences in raw text:
/// `4 × type (0: none dominant, 1 PER, 2 ORG, 3 LOC, 4 MISC) + bucket of the share of
/// occurrences inside an entity`. `counts` = occurrences, then entity occurrences by type
/// (PER, ORG, LOC, MISC).
pub fn tag_class(counts: [u32; 5]) -> u8 {
    let total = counts[0].max(1) as f64;
    let ent: u32 = counts[1..].iter().sum();
    let share = ent as f64 / total;
    let bucket = if share < 0.1 {
        0
    } else if share < 0.4 {
        1
    } else if share < 0.8 {
        2
    } else {
        3
    };
    let mut ty = 0;
    for (k, &c) in counts.iter().enumerate().skip(1) {
        if c * 3 > ent * 2 {
            ty = k as u8;
        }
    }
    ty * 4 + bucket
}

/// Usage class of a word from its counts in running text, away from sentence starts:
/// `4 × capitalisation bucket + determiner bucket`. The capitalisation bucket says how often
/// the word is written with a capital inside a sentence (0: almost never, as verbs and
/// adjectives; 1: sometimes; 2: mostly; 3: always, as nouns and names); the determiner bucket
/// how often an article or similar determiner stands right before it (common nouns often,
/// names of people almost never).
pub fn usage_class(mid: u32, capitalised: u32, after_determiner: u32) -> u8 {
    let mid = mid.max(1) as f64;
    let c = capitalised as f64 / mid;
    let d = after_determiner as f64 / mid;
    let cb = if c < 0.05 {
        0
    } else if c < 0.5 {
        1
    } else if c < 0.95 {
        2
    } else {
        3
    };
    let db = if d < 0.05 {
        0
    } else if d < 0.2 {
        1
    } else if d < 0.5 {
        2
    } else {
        3
    };
    cb * 4 + db
}

/// Context class of a word from its counts in running text: `4 × bucket of the rate of a
/// place preposition right before it (in, nach, aus, …: places) + bucket of the rate of a
/// capitalised word right after it (first names, the first words of organisation names)`.
pub fn context_class(mid: u32, after_preposition: u32, before_capital: u32) -> u8 {
    let mid = mid.max(1) as f64;
    let bucket = |x: f64| {
        if x < 0.05 {
            0
        } else if x < 0.2 {
            1
        } else if x < 0.5 {
            2
        } else {
            3
        }
    };
    bucket(after_preposition as f64 / mid) * 4 + bucket(before_capital as f64 / mid)
}

/// Prepositions of place counted by [`context_class`] (lower-case).
pub const PLACE_PREPOSITIONS: [&str; 6] = ["in", "nach", "aus", "im", "bei", "von"];

/// Determiners counted by [`usage_class`] (lower-case).
pub const DETERMINERS: [&str; 22] = [
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "kein", "keine", "keinen", "keinem", "keiner", "dieser", "diese", "diesen", "diesem", "dieses",
];

impl Clusters {
    /// Parse `word<TAB>c1<TAB>c2<TAB>c3` lines (unparsable lines are skipped).
    pub fn parse(text: &str) -> Clusters {
        let mut c = Clusters::default();
        for line in text.lines() {
            let mut it = line.split('\t');
            let Some(word) = it.next() else { continue };
            let mut ids = [0u16; CLUSTER_LEVELS];
            let mut ok = true;
            for id in ids.iter_mut() {
                match it.next().and_then(|s| s.parse().ok()) {
                    Some(v) => *id = v,
                    None => ok = false,
                }
            }
            if ok && !word.is_empty() {
                c.words.entry(word.to_string()).or_default().clusters = Some(ids);
            }
        }
        c
    }

    /// Build from a map.
    pub fn from_map(map: HashMap<String, [u16; CLUSTER_LEVELS]>) -> Clusters {
        let mut c = Clusters::default();
        for (w, ids) in map {
            c.words.entry(w).or_default().clusters = Some(ids);
        }
        c
    }

    /// Add usage classes from `word<TAB>usage<TAB>context` lines (see [`usage_class`],
    /// [`context_class`]; unparsable lines are skipped).
    pub fn with_usage_text(mut self, text: &str) -> Clusters {
        for line in text.lines() {
            let mut it = line.split('\t');
            let (Some(w), Some(a), Some(b)) = (it.next(), it.next(), it.next()) else {
                continue;
            };
            if let (Ok(a), Ok(b)) = (a.parse::<u8>(), b.parse::<u8>()) {
                self.words.entry(w.to_string()).or_default().usage = Some([a, b]);
            }
        }
        self.id = fresh_id();
        self
    }

    /// Replace the usage classes (lower-cased word → usage and context class).
    pub fn with_usage(mut self, usage: HashMap<String, [u8; 2]>) -> Clusters {
        for info in self.words.values_mut() {
            info.usage = None;
        }
        for (w, u) in usage {
            self.words.entry(w).or_default().usage = Some(u);
        }
        self.id = fresh_id();
        self
    }

    /// Add tag classes from `word<TAB>class` lines (see [`tag_class`]; unparsable lines are
    /// skipped).
    pub fn with_tags_text(mut self, text: &str) -> Clusters {
        for line in text.lines() {
            if let Some((w, c)) = line.split_once('\t') {
                if let Ok(c) = c.parse::<u8>() {
                    self.words.entry(w.to_string()).or_default().tagged = Some(c);
                }
            }
        }
        self.id = fresh_id();
        self
    }

    /// Replace the tag classes (lower-cased word → class).
    pub fn with_tags(mut self, tagged: HashMap<String, u8>) -> Clusters {
        for info in self.words.values_mut() {
            info.tagged = None;
        }
        for (w, c) in tagged {
            self.words.entry(w).or_default().tagged = Some(c);
        }
        self.id = fresh_id();
        self
    }

    /// All tag classes (unordered).
    pub fn tag_classes(&self) -> Vec<(String, u8)> {
        self.words
            .iter()
            .filter_map(|(w, i)| i.tagged.map(|c| (w.clone(), c)))
            .collect()
    }

    /// Identity of the contents (a copy keeps it, a change gives a new one).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Everything known of a lower-cased word.
    pub fn info(&self, lower: &str) -> Option<&WordInfo> {
        self.words.get(lower)
    }

    /// Usage and context class of a lower-cased word.
    pub fn usage(&self, lower: &str) -> Option<[u8; 2]> {
        self.info(lower).and_then(|i| i.usage)
    }

    /// Cluster ids of a lower-cased word.
    pub fn get(&self, lower: &str) -> Option<&[u16; CLUSTER_LEVELS]> {
        self.info(lower).and_then(|i| i.clusters.as_ref())
    }

    /// The shipped German clusters (`resources/de/clusters.tsv`), loaded once.
    pub fn embedded() -> &'static Clusters {
        static C: OnceLock<Clusters> = OnceLock::new();
        C.get_or_init(|| {
            Clusters::parse(include_str!("../../resources/de/clusters.tsv"))
                .with_usage_text(include_str!("../../resources/de/word_usage.tsv"))
                .with_tags_text(include_str!("../../resources/de/word_tags.tsv"))
        })
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a hash of bytes.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Mix a template id with one or two value hashes.
#[inline]
fn mix(t: u64, a: u64, b: u64) -> u64 {
    let mut x = t
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(a)
        .rotate_left(29)
        .wrapping_mul(0xbf58_476d_1ce4_e5b9)
        ^ b.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 31;
    x = x.wrapping_mul(0xd6e8_feb8_6659_fd93);
    x ^ (x >> 32)
}

/// The shape class of one char: `X` upper, `x` lower, `d` digit, anything else itself.
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// Hash of the compressed word shape (see [`shape`]), without allocating.
fn shape_hash(w: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut last = '\0';
    for c in w.chars() {
        let k = shape_class(c);
        if k != last {
            let mut buf = [0u8; 4];
            for &b in k.encode_utf8(&mut buf).as_bytes() {
                h ^= b as u64;
                h = h.wrapping_mul(FNV_PRIME);
            }
            last = k;
        }
    }
    h
}

/// Compressed word shape: `Putin` → `Xx`, `NATO` → `X`, `28-Punkte` → `d-Xx`, `3,5` → `d,d`.
#[cfg(test)]
fn shape(w: &str) -> String {
    let mut s = String::with_capacity(8);
    let mut last = '\0';
    for c in w.chars() {
        let k = shape_class(c);
        if k != last {
            s.push(k);
            last = k;
        }
    }
    s
}

/// What the features of a token need to know of its word (all of it from the word alone).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokInfo {
    lower: u64,
    word: u64,
    shape: u64,
    clusters: [u64; CLUSTER_LEVELS],
    suffix3: u64,
    usage: u64,
    context: u64,
    tagged: u64,
    letters: u64,
    cap: bool,
}

const NONE: u64 = 0x5151_5151;
const PAD_L: u64 = 0x1111;
const PAD_R: u64 = 0x2222;

impl TokInfo {
    /// The word `w` (`l` lower-cased) as the features see it.
    pub(crate) fn of(w: &str, l: &str, clusters: &Clusters) -> TokInfo {
        let known = clusters.info(l).copied().unwrap_or_default();
        let mut c = [NONE; CLUSTER_LEVELS];
        if let Some(ids) = known.clusters {
            for (k, id) in ids.iter().enumerate() {
                c[k] = *id as u64 + 1;
            }
        }
        TokInfo {
            usage: known.usage.map_or(NONE, |u| u[0] as u64 + 1),
            context: known.usage.map_or(NONE, |u| u[1] as u64 + 1),
            tagged: known.tagged.map_or(NONE, |c| c as u64 + 1),
            lower: fnv(l.as_bytes()),
            word: fnv(w.as_bytes()),
            shape: shape_hash(w),
            clusters: c,
            suffix3: {
                let b = l.char_indices().rev().nth(2).map(|(b, _)| b).unwrap_or(0);
                fnv(&l.as_bytes()[b..])
            },
            letters: Gazetteer::get().letter_class(w) as u64,
            cap: w.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// The stand-in for a position before the sentence.
    pub(crate) fn before() -> TokInfo {
        TokInfo::pad(PAD_L)
    }

    /// The stand-in for a position after the sentence.
    pub(crate) fn after() -> TokInfo {
        TokInfo::pad(PAD_R)
    }

    fn pad(v: u64) -> TokInfo {
        TokInfo {
            lower: v,
            word: v,
            shape: v,
            clusters: [v; CLUSTER_LEVELS],
            suffix3: v,
            usage: v,
            context: v,
            tagged: v,
            letters: v,
            cap: false,
        }
    }
}

/// Where a word stands relative to the token whose features are formed: the features of a
/// token that depend on a single word ([`word_features`]) come in these parts, so that a
/// tagger can sum each part's weights once per word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The token itself.
    Own = 0,
    /// The word before the token.
    Prev = 1,
    /// The word after it.
    Next = 2,
    /// Two words before.
    Prev2 = 3,
    /// Two words after.
    Next2 = 4,
}

/// Number of [`Part`]s.
pub(crate) const PARTS: usize = 5;

/// The parts in order.
pub(crate) const ALL_PARTS: [Part; PARTS] =
    [Part::Own, Part::Prev, Part::Next, Part::Prev2, Part::Next2];

/// The features a word (`t`, `l` lower-cased) gives the token in position `part` to it; for
/// a padding position (`TokInfo::before`, `TokInfo::after`) only the neighbour parts are
/// asked for.
pub(crate) fn word_features(
    t: &TokInfo,
    l: &str,
    part: Part,
    clusters: &Clusters,
    out: &mut Vec<u64>,
) {
    match part {
        Part::Own => own_features(t, l, clusters, out),
        Part::Prev => neighbour_features(t, [13, 26, 27, 47, 49, 57, 67], out),
        Part::Next => neighbour_features(t, [14, 28, 29, 48, 50, 58, 68], out),
        Part::Prev2 => out.push(mix(15, t.lower, 0)),
        Part::Next2 => out.push(mix(16, t.lower, 0)),
    }
}

/// The features a word gives the token after or before it, with the templates of that side:
/// its lower-cased form, clusters, ending, form as written, usage and tag class.
fn neighbour_features(t: &TokInfo, templates: [u64; 7], out: &mut Vec<u64>) {
    let values = [
        t.lower,
        t.clusters[0],
        t.clusters[1],
        t.suffix3,
        t.word,
        t.usage,
        t.tagged,
    ];
    out.extend(templates.iter().zip(values).map(|(&k, v)| mix(k, v, 0)));
}

/// The features of a token that depend on its own word alone.
fn own_features(t: &TokInfo, l: &str, clusters: &Clusters, out: &mut Vec<u64>) {
    out.push(mix(0, 0, 0));
    out.push(mix(1, t.lower, 0));
    out.push(mix(2, t.word, 0));
    out.push(mix(3, t.shape, 0));
    // affixes of the lower-cased word
    let lb = l.as_bytes();
    let mut nc = 0;
    for (k, (b, _)) in l.char_indices().skip(1).take(4).enumerate() {
        out.push(mix(5 + k as u64, fnv(&lb[..b]), 0));
        nc = k + 1;
    }
    if nc < 4 {
        out.push(mix(5 + nc as u64, fnv(lb), 0));
    }
    for (k, (b, _)) in l.char_indices().rev().take(4).enumerate() {
        out.push(mix(9 + k as u64, fnv(&lb[b..]), 0));
    }
    let nc = l.chars().count();
    // clusters
    for k in 0..CLUSTER_LEVELS {
        out.push(mix(22 + k as u64, t.clusters[k], 0));
    }
    let cap = t.cap;
    // hyphen parts: `Kreml-Berater`, `US-Präsident`
    if let Some((first, last)) = l.split_once('-') {
        out.push(mix(44, fnv(first.as_bytes()), 0));
        let last = l.rsplit_once('-').map(|(_, b)| b).unwrap_or(last);
        out.push(mix(45, fnv(last.as_bytes()), 0));
    }
    out.push(mix(46, nc.min(12) as u64, cap as u64));
    out.push(mix(51, t.shape, t.clusters[1]));
    // head of a compound: the longest known word (at least four letters) ending it,
    // `Bundesärztekammer` → `kammer`
    if cap && nc >= 7 {
        if let Some((head, ids)) = l
            .char_indices()
            .skip(3)
            .filter(|&(b, _)| l.len() - b >= 4)
            .find_map(|(b, _)| clusters.get(&l[b..]).map(|ids| (&l[b..], ids)))
        {
            out.push(mix(62, fnv(head.as_bytes()), 0));
            out.push(mix(63, ids[1] as u64, 0));
        }
    }
    // what the word looks like by its letters
    if t.letters != 0 {
        out.push(mix(71, t.letters, 0));
    }
    // how a first tagger labelled the word across raw text
    out.push(mix(66, t.tagged, cap as u64));
    out.push(mix(60, t.context, t.usage));
}

/// The features of a word that depend on whether it opens the sentence (`first`).
pub(crate) fn position_features(t: &TokInfo, first: bool, out: &mut Vec<u64>) {
    // sentence-initial capitalisation
    out.push(mix(43, first as u64, t.cap as u64));
    // how the word is used in running text, against how it is written here
    let pos = first as u64 * 2 + t.cap as u64;
    out.push(mix(54, t.usage, pos));
    out.push(mix(59, t.context, pos));
}

/// The features of word-list flags `f` (which multi-word names set, so they belong to the
/// token in its sentence) of the token itself or of its neighbour before or after it.
pub(crate) fn flag_features(f: u16, part: Part, out: &mut Vec<u64>) {
    let template = match part {
        Part::Prev => 41,
        Part::Next => 42,
        _ => 40,
    };
    for b in 0..flag::COUNT {
        if f & (1u16 << b) != 0 {
            out.push(mix(template, b as u64, 0));
        }
    }
}

/// The features of token `i` that join two words.
pub(crate) fn pair_features(i: usize, info: &[TokInfo], out: &mut Vec<u64>) {
    let n = info.len();
    let (pad_l, pad_r) = (TokInfo::before(), TokInfo::after());
    let at = |j: isize| -> &TokInfo {
        if j < 0 {
            &pad_l
        } else if j as usize >= n {
            &pad_r
        } else {
            &info[j as usize]
        }
    };
    let ii = i as isize;
    let t = &info[i];
    let (p, q, p2, q2) = (at(ii - 1), at(ii + 1), at(ii - 2), at(ii + 2));
    out.push(mix(17, p.lower, t.lower));
    out.push(mix(18, t.lower, q.lower));
    out.push(mix(19, p.shape, t.shape));
    out.push(mix(20, t.shape, q.shape));
    out.push(mix(21, p.shape, mix(0, t.shape, q.shape)));
    out.push(mix(30, p.clusters[1], t.clusters[1]));
    out.push(mix(31, t.clusters[1], q.clusters[1]));
    out.push(mix(52, p.lower, p2.lower));
    out.push(mix(53, q.lower, q2.lower));
    out.push(mix(55, p.usage, t.usage));
    out.push(mix(56, t.usage, q.usage));
    if t.letters != 0 {
        out.push(mix(73, t.letters, p.lower));
    }
    out.push(mix(69, p.tagged, t.tagged));
    out.push(mix(61, p.context, t.cap as u64));
}

/// Feature hashes of every token of a sentence.
///
/// `out` receives the hashes of all tokens back to back; `offsets[i]..offsets[i + 1]` are
/// token `i`'s (both are cleared first).
pub fn extract(tokens: &[&str], clusters: &Clusters, out: &mut Vec<u64>, offsets: &mut Vec<usize>) {
    let flags = Gazetteer::get().flags(tokens);
    extract_with_flags(tokens, &flags, clusters, out, offsets);
}

/// As [`extract`], with the gazetteer flags of the tokens already computed.
pub fn extract_with_flags(
    tokens: &[&str],
    flags: &[u16],
    clusters: &Clusters,
    out: &mut Vec<u64>,
    offsets: &mut Vec<usize>,
) {
    out.clear();
    offsets.clear();
    let lowers: Vec<String> = tokens.iter().map(|w| w.to_lowercase()).collect();
    let info: Vec<TokInfo> = tokens
        .iter()
        .zip(&lowers)
        .map(|(w, l)| TokInfo::of(w, l, clusters))
        .collect();
    let n = tokens.len() as isize;
    let (pad_l, pad_r) = (TokInfo::before(), TokInfo::after());
    for i in 0..tokens.len() {
        offsets.push(out.len());
        for part in ALL_PARTS {
            let j = i as isize
                + match part {
                    Part::Own => 0,
                    Part::Prev => -1,
                    Part::Next => 1,
                    Part::Prev2 => -2,
                    Part::Next2 => 2,
                };
            if j < 0 {
                word_features(&pad_l, "", part, clusters, out);
            } else if j >= n {
                word_features(&pad_r, "", part, clusters, out);
            } else {
                let j = j as usize;
                word_features(&info[j], &lowers[j], part, clusters, out);
            }
        }
        position_features(&info[i], i == 0, out);
        let flag_at = |j: usize| flags.get(j).copied().unwrap_or(0);
        flag_features(flags[i], Part::Own, out);
        flag_features(if i > 0 { flag_at(i - 1) } else { 0 }, Part::Prev, out);
        flag_features(flag_at(i + 1), Part::Next, out);
        pair_features(i, &info, out);
    }
    offsets.push(out.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes() {
        // a verb: never capitalised inside a sentence, never after an article
        assert_eq!(usage_class(40, 0, 0), 0);
        // a common noun: always capitalised, often after an article
        assert_eq!(usage_class(40, 40, 30), 15);
        // a surname: always capitalised, no article
        assert_eq!(usage_class(40, 40, 0), 12);
        // a town: after `in` half the time, rarely before a capital
        assert_eq!(context_class(10, 5, 0), 12);
        // a first name: mostly before a capitalised word
        assert_eq!(context_class(10, 0, 9), 3);
        // tagged as a place 9 times in 10
        assert_eq!(tag_class([10, 0, 0, 9, 0]), 3 * 4 + 3);
        // mixed types, rarely an entity
        assert_eq!(tag_class([100, 2, 2, 1, 0]), 0);
    }

    #[test]
    fn usage_and_tag_classes_are_features() {
        let plain = Clusters::default();
        let rich = Clusters::default()
            .with_usage_text("meier\t12\t0\n")
            .with_tags_text("meier\t7\n");
        let (mut a, mut oa, mut b, mut ob) = (vec![], vec![], vec![], vec![]);
        extract(&["Herr", "Meier", "kommt"], &plain, &mut a, &mut oa);
        extract(&["Herr", "Meier", "kommt"], &rich, &mut b, &mut ob);
        assert_ne!(a[oa[1]..oa[2]], b[ob[1]..ob[2]]);
        assert_eq!(rich.usage("meier"), Some([12, 0]));
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Putin"), "Xx");
        assert_eq!(shape("NATO"), "X");
        assert_eq!(shape("28-Punkte"), "d-Xx");
        assert_eq!(shape("3,5"), "d,d");
    }

    #[test]
    fn features_are_deterministic_and_context_sensitive() {
        let c = Clusters::default();
        let (mut a, mut oa, mut b, mut ob) = (vec![], vec![], vec![], vec![]);
        extract(&["Herr", "Meier", "kommt", "heute"], &c, &mut a, &mut oa);
        extract(&["Herr", "Meier", "kommt", "morgen"], &c, &mut b, &mut ob);
        assert_eq!(oa.len(), 5);
        assert_eq!(a[oa[0]..oa[1]], b[ob[0]..ob[1]]);
        assert_ne!(a[oa[1]..oa[2]], b[ob[1]..ob[2]]);
    }
}
