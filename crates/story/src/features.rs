//! Word features shared by clustering and the cross-source analysis.
//!
//! A *key* is a light, compound-tolerant normal form of a content word: lower case, umlauts
//! folded, inflection endings stripped, truncated. Keys of function words (a resource list)
//! are dropped. Rarity comes from an IDF table built from German news text
//! (`resources/de/idf.tsv`, see `examples/build_idf.rs`).

use aho_corasick::AhoCorasick;
use lagebild_model::{AnnotatedArticle, CharIndex, Span, TokenKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;
use std::sync::OnceLock;

const STOPWORDS: &str = include_str!("../resources/de/stopwords.txt");
const IDF: &str = include_str!("../resources/de/idf.tsv");
const VERB_FORMS: &str = include_str!("../resources/de/verb_forms.txt");
pub use lagebild_nlp::en_de::german_equivalent;

const EN_UNITS: &str = include_str!("../resources/en/units.txt");

/// Longest key, in chars: long compounds share their head part with shorter forms.
const KEY_CHARS: usize = 8;

fn stopwords() -> &'static FxHashSet<&'static str> {
    static S: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        STOPWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// True for a function word (lower case).
pub fn is_stopword(lower: &str) -> bool {
    stopwords().contains(lower)
}

struct IdfTable {
    docs: f64,
    df: FxHashMap<String, u32>,
}

fn idf_table() -> &'static IdfTable {
    static T: OnceLock<IdfTable> = OnceLock::new();
    T.get_or_init(|| {
        let mut docs = 1.0;
        let mut df = FxHashMap::default();
        for line in IDF.lines() {
            if let Some(n) = line.strip_prefix("#docs\t") {
                docs = n.trim().parse().unwrap_or(1.0);
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            let mut it = line.split('\t');
            if let (Some(k), Some(n)) = (it.next(), it.next()) {
                if let Ok(n) = n.trim().parse::<u32>() {
                    df.insert(k.to_string(), n);
                }
            }
        }
        IdfTable { docs, df }
    })
}

/// Inverse document frequency of a key: high for rare words, unknown words count as rarest.
pub fn idf(key: &str) -> f64 {
    let t = idf_table();
    let df = t.df.get(key).copied().unwrap_or(0) as f64;
    ((t.docs + 1.0) / (df + 0.5)).ln().max(0.1)
}

/// Fold umlauts and `ß` (the stemmer folds most, not all forms).
fn fold(lower: &str) -> String {
    let mut s = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            'ä' => s.push('a'),
            'ö' => s.push('o'),
            'ü' => s.push('u'),
            'ß' => s.push_str("ss"),
            'é' | 'è' | 'ê' => s.push('e'),
            'á' | 'à' | 'â' => s.push('a'),
            _ => s.push(c),
        }
    }
    s
}

/// Words whose keys a thread remembers; beyond this the memory starts afresh.
const KEY_MEMO: usize = 1 << 17;

thread_local! {
    /// Word as written → its key: the same words recur across the sentences and articles of a
    /// story, and keys are asked for again by clustering and analysis.
    static KEYS: RefCell<FxHashMap<Box<str>, Option<Box<str>>>> = RefCell::new(FxHashMap::default());
}

/// The key of one word part (no hyphens), or `None` for function words and noise: the
/// Snowball stem, folded and truncated so that compounds share their first part
/// (`Änderungsvorschläge` and `Änderungen` → `anderung`).
pub fn key(word: &str) -> Option<String> {
    with_key(word, |k| k.map(str::to_string))
}

/// `f` applied to the key of one word part (see [`key`]), without copying the key.
fn with_key<R>(word: &str, f: impl FnOnce(Option<&str>) -> R) -> R {
    KEYS.with(|memo| {
        if let Some(k) = memo.borrow().get(word) {
            return f(k.as_deref());
        }
        let k = compute_key(word);
        let r = f(k.as_deref());
        let mut memo = memo.borrow_mut();
        if memo.len() >= KEY_MEMO {
            memo.clear();
        }
        memo.insert(word.into(), k.map(Into::into));
        r
    })
}

/// The value a thread's `memo` holds for `word`, computed and remembered when new (the memo
/// starts afresh beyond [`KEY_MEMO`] words).
fn memoised<V: Clone>(
    memo: &'static std::thread::LocalKey<RefCell<FxHashMap<Box<str>, V>>>,
    word: &str,
    compute: impl FnOnce() -> V,
) -> V {
    memo.with(|m| {
        if let Some(v) = m.borrow().get(word) {
            return v.clone();
        }
        let v = compute();
        let mut m = m.borrow_mut();
        if m.len() >= KEY_MEMO {
            m.clear();
        }
        m.insert(word.into(), v.clone());
        v
    })
}

/// Irregular verb form → its infinitive (`resources/de/verb_forms.txt`).
fn verb_forms() -> &'static FxHashMap<&'static str, &'static str> {
    static FORMS: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut m = FxHashMap::default();
        for line in VERB_FORMS.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut words = line.split_whitespace();
            if let Some(inf) = words.next() {
                for form in words {
                    m.insert(form, inf);
                }
            }
        }
        m
    })
}

fn compute_key(word: &str) -> Option<String> {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // function words of either language (German news quotes English, and English stories
    // use the same keys)
    if w.is_empty()
        || is_stopword(&w)
        || lagebild_nlp::stopwords::is_stopword("de", &w)
        || lagebild_nlp::stopwords::is_stopword("en", &w)
    {
        return None;
    }
    if w.chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Some(w);
    }
    if w.chars().count() < 2 || !w.chars().any(char::is_alphabetic) {
        return None;
    }
    let w = verb_forms().get(w.as_str()).copied().unwrap_or(&w);
    let stem = fold(&lagebild_nlp::stem::stem("de", w));
    Some(stem.chars().take(KEY_CHARS).collect())
}

/// What the list says of an English word: `None`, not listed; `Some(key)` of its German
/// equivalent, `Some(None)` when that is a function word (as weekdays are).
type Listed = Option<Option<Box<str>>>;

thread_local! {
    /// English word as written → what the list says of it.
    static ENGLISH_KEYS: RefCell<FxHashMap<Box<str>, Listed>> =
        RefCell::new(FxHashMap::default());
}

/// English unit key → German unit key (`resources/en/units.txt`).
fn units() -> &'static [(&'static str, &'static str)] {
    static U: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    U.get_or_init(|| {
        EN_UNITS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once(' '))
            .map(|(en, de)| (en.trim(), de.trim()))
            .collect()
    })
}

/// The unit of a figure as both languages key it: an English unit key by the German one of the
/// same unit (`hour` → `stunde`), any other as it is.
pub fn common_unit(unit: &str) -> &str {
    units()
        .iter()
        .find(|(en, _)| *en == unit)
        .map_or(unit, |(_, de)| de)
}

/// The English unit key of a common one (`stunde` → `hour`), for English summaries.
pub fn english_unit(unit: &str) -> &str {
    units()
        .iter()
        .find(|(_, de)| *de == unit)
        .map_or(unit, |(en, _)| en)
}

/// Keys of a written word, hyphenated compounds giving one key per part.
pub fn word_keys(word: &str, out: &mut Vec<String>) {
    for_word_keys(word, |k| out.push(k.to_string()));
}

/// `f` called with each key of a written word, in the order of [`word_keys`], without copying
/// the keys.
pub fn for_word_keys(word: &str, f: impl FnMut(&str)) {
    for_word_keys_in(false, word, f);
}

/// Like [`for_word_keys`]; with `english`, a word part that the English–German list (`nlp::en_de`) has
/// gives the key of its German equivalent, so that English and German reports of one event
/// share terms (`earthquake`, `Erdbeben` → `erdbeb`). Function words give no key either way.
pub fn for_word_keys_in(english: bool, word: &str, mut f: impl FnMut(&str)) {
    for part in word.split(['-', '‑', '/']) {
        if english {
            let listed = memoised(&ENGLISH_KEYS, part, || {
                let lower = part.to_lowercase();
                if lagebild_nlp::stopwords::is_stopword("en", &lower) {
                    Some(None)
                } else {
                    german_equivalent(&lower).map(|de| compute_key(de).map(Into::into))
                }
            });
            if let Some(k) = listed {
                if let Some(k) = k {
                    f(&k);
                }
                continue;
            }
        }
        with_key(part, |k| {
            if let Some(k) = k {
                f(k);
            }
        });
    }
}

thread_local! {
    /// German word as written → the key of its compound head (see [`for_head_key`]).
    static HEAD_KEYS: RefCell<FxHashMap<Box<str>, Option<Box<str>>>> =
        RefCell::new(FxHashMap::default());
}

/// `f` called with the key of the head of a German compound noun as written, when its head is
/// a listed common noun (`lagebild_nlp`'s word list) and the key differs from the word's own:
/// `Einwegverpackungen` → the key of `Verpackungen`, `Zentrallager` → that of `Lager`. A key
/// is the word's beginning (see [`key`]), so without this, reports that name one thing by
/// different compounds (`Zentrallager`, `Logistiklager`; `Großbrand`, `Brand`) share no key
/// for it.
pub fn for_head_key(word: &str, f: impl FnOnce(&str)) {
    let head: Option<Box<str>> = memoised(&HEAD_KEYS, word, || {
        lagebild_nlp::ner::gazetteer::Gazetteer::get()
            .compound_head(word)
            .and_then(|h| compute_key(&h))
            .filter(|h| Some(h) != compute_key(word).as_ref())
            .map(Into::into)
    });
    if let Some(k) = head {
        f(&k);
    }
}

/// Spans (of name mentions) to ask whether one of them covers a given span, in logarithmic
/// time: a long text has tens of thousands of mentions.
pub struct Covered {
    /// Starts, ascending.
    starts: Vec<usize>,
    /// The largest end among the spans up to each position of `starts`.
    max_end: Vec<usize>,
}

impl Covered {
    /// Index `spans`.
    pub fn new(mut spans: Vec<Span>) -> Self {
        spans.sort_by_key(|s| s.start);
        let mut end = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                end = end.max(s.end);
                end
            })
            .collect();
        Covered {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// True when a span starts at or before `span` and ends at or after it.
    pub fn covers(&self, span: Span) -> bool {
        let n = self.starts.partition_point(|&s| s <= span.start);
        n > 0 && self.max_end[n - 1] >= span.end
    }
}

/// Per-article text access: sentence texts and their keys.
pub struct DocText<'a> {
    /// The annotated article.
    pub doc: &'a AnnotatedArticle,
    index: CharIndex,
    /// An English article: its listed words give the keys of their German equivalents (see
    /// [`for_word_keys_in`]), so that articles compare across the two languages.
    english: bool,
}

impl<'a> DocText<'a> {
    /// Index an article for fast slicing; an English article's listed words will give the keys
    /// of their German equivalents.
    pub fn new(doc: &'a AnnotatedArticle) -> Self {
        DocText {
            doc,
            index: CharIndex::new(&doc.article.text),
            english: doc.article.language == "en",
        }
    }

    /// True for an English article, whose listed words are keyed by their German equivalents.
    pub fn is_english(&self) -> bool {
        self.english
    }

    /// Text of a char span.
    pub fn slice(&self, span: Span) -> &'a str {
        let t = &self.doc.article.text;
        let (s, e) = (self.index.byte_of(span.start), self.index.byte_of(span.end));
        t.get(s..e).unwrap_or("")
    }

    /// Number of chars in the text.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True for an empty text.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Words of sentence `i` (word and number tokens), as written.
    pub fn words(&self, i: usize) -> Vec<&'a str> {
        let Some(s) = self.doc.sentences.get(i) else {
            return Vec::new();
        };
        s.tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .map(|t| self.slice(t.span))
            .collect()
    }

    /// `f` called with the span of each compound of sentence `i` and the key of its head (see
    /// [`for_head_key`]),
    /// leaving out words inside a name mention (`named`): a place's or a person's name may end
    /// in a noun (`Friedrichshafen`, `Wagenknecht`) that says nothing about the event. None in
    /// an English article.
    pub fn for_head_keys(&self, i: usize, named: &Covered, mut f: impl FnMut(Span, &str)) {
        let Some(s) = self.doc.sentences.get(i).filter(|_| !self.english) else {
            return;
        };
        for t in &s.tokens {
            if t.kind == TokenKind::Word && !named.covers(t.span) {
                for_head_key(self.slice(t.span), |k| f(t.span, k));
            }
        }
    }

    /// Keys of sentence `i`, in order (with repeats).
    pub fn keys(&self, i: usize) -> Vec<String> {
        let mut out = Vec::new();
        self.for_keys(i, |k| out.push(k.to_string()));
        out
    }

    /// `f` called with each key of sentence `i`, in the order of [`DocText::keys`].
    pub fn for_keys(&self, i: usize, mut f: impl FnMut(&str)) {
        self.for_token_keys(i, |_, k| f(k));
    }

    /// `f` called with the span of each word or number token of sentence `i` and each of its
    /// keys, in the order of [`DocText::for_keys`].
    pub fn for_token_keys(&self, i: usize, mut f: impl FnMut(Span, &str)) {
        let Some(s) = self.doc.sentences.get(i) else {
            return;
        };
        for t in &s.tokens {
            if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                for_word_keys_in(self.english, self.slice(t.span), |k| f(t.span, k));
            }
        }
    }
}

/// Keys of a free text split on anything that is not a letter, digit or hyphen (for titles and
/// resource building, where no tokens exist).
pub fn text_keys(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_text_keys(text, |k| out.push(k.to_string()));
    out
}

/// `f` called with each key of a free text, in the order of [`text_keys`].
pub fn for_text_keys(text: &str, f: impl FnMut(&str)) {
    for_text_keys_in(false, text, f);
}

/// Like [`for_text_keys`], English words taking the keys of their German equivalents with
/// `english` (see [`for_word_keys_in`]).
pub fn for_text_keys_in(english: bool, text: &str, mut f: impl FnMut(&str)) {
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        if !w.is_empty() {
            for_word_keys_in(english, w, &mut f);
        }
    }
}

/// Phrases that mark page furniture rather than reporting (captions, embeds, teasers).
const BOILERPLATE: &str = include_str!("../resources/de/boilerplate.txt");

/// True when a sentence looks like page furniture and must not be used as a statement.
pub fn is_boilerplate(sentence: &str) -> bool {
    static P: OnceLock<(Vec<String>, Option<AhoCorasick>)> = OnceLock::new();
    let (pats, finder) = P.get_or_init(|| {
        let pats: Vec<String> = BOILERPLATE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        let finder = AhoCorasick::new(&pats).ok();
        (pats, finder)
    });
    let letters = sentence.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 12 {
        return true;
    }
    let low = sentence.to_lowercase();
    let listed = match finder {
        Some(f) => f.is_match(&low),
        None => pats.iter().any(|p| low.contains(p.as_str())),
    };
    // Video and timestamp lines: `02.12.2025 | 3:37 min`.
    listed || (low.contains(" | ") && low.contains("min"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_inflection_and_compounds() {
        assert_eq!(key("Verhandlungen"), key("Verhandlung"));
        assert_eq!(key("Vorschläge"), key("Vorschlag"));
        assert_eq!(key("Putins"), key("Putin"));
        assert_eq!(key("der"), None);
        assert_eq!(key("28"), Some("28".to_string()));
        let mut v = Vec::new();
        word_keys("Kreml-Berater", &mut v);
        assert_eq!(v.len(), 2);
        // irregular verb forms share the key of their infinitive and its noun
        assert_eq!(key("traf"), key("Treffen"));
        assert_eq!(key("getroffen"), key("treffen"));
        assert_eq!(key("brach"), key("brechen"));
        // a form that is also a noun keeps its own key
        assert_ne!(key("Tat"), key("tun"));
    }

    #[test]
    fn listed_english_words_take_the_keys_of_their_german_equivalents() {
        let keys = |english, w| {
            let mut out = Vec::new();
            for_word_keys_in(english, w, |k| out.push(k.to_string()));
            out
        };
        assert_eq!(keys(true, "earthquakes"), vec![key("Erdbeben").unwrap()]);
        assert_eq!(keys(true, "Earthquake"), keys(false, "Erdbeben"));
        assert_eq!(keys(true, "Cologne"), keys(false, "Köln"));
        // German text is keyed as written; unlisted English words too
        assert_ne!(keys(false, "earthquake"), keys(false, "Erdbeben"));
        assert_eq!(keys(true, "Velmora"), keys(false, "Velmora"));
        assert!(keys(true, "the").is_empty());
        // a weekday is a function word in either language
        assert!(keys(false, "Dienstag").is_empty());
        assert!(keys(true, "Tuesday").is_empty());
        assert_eq!(german_equivalent("Munich"), Some("München"));
        assert_eq!(german_equivalent("Velmora"), None);
    }

    #[test]
    fn units_compare_across_languages() {
        assert_eq!(common_unit("hour"), "stunde");
        assert_eq!(common_unit("stunde"), "stunde");
        assert_eq!(common_unit("euro"), "euro");
        assert_eq!(english_unit("stunde"), "hour");
        assert_eq!(english_unit("home"), "home");
    }

    #[test]
    fn covered_spans() {
        let c = Covered::new(vec![Span::new(10, 20), Span::new(0, 3), Span::new(12, 14)]);
        assert!(c.covers(Span::new(0, 3)));
        assert!(c.covers(Span::new(15, 20)));
        assert!(c.covers(Span::new(12, 13)));
        assert!(!c.covers(Span::new(2, 5)));
        assert!(!c.covers(Span::new(18, 21)));
        assert!(!c.covers(Span::new(4, 6)));
        assert!(!Covered::new(Vec::new()).covers(Span::new(0, 1)));
    }

    #[test]
    fn rare_words_weigh_more() {
        assert!(idf("gesprach") < idf("zzzunbekannt"));
    }

    #[test]
    fn boilerplate_lines() {
        assert!(is_boilerplate("02.12.2025 | 3:37 min"));
        assert!(is_boilerplate("Mehr dazu in unserem Liveblog"));
        assert!(!is_boilerplate(
            "Die Ministerin reiste am Montag nach Brüssel."
        ));
    }
}
