//! Named entities with roles, linked within the article.
//!
//! Three layers:
//! 1. a statistical tagger ([`model::Model`], an averaged structured perceptron over BIO
//!    labels with word, shape, affix, context, word-cluster and gazetteer features; trained on
//!    GermEval 2014, see `docs/nlp.md` for the recipe) gives BIO tags per token;
//! 2. precise rules correct it ([`apply_rules`]): listed common nouns are never entities,
//!    a known first name before a capitalised word starts a person, legal forms (`AG`, `GmbH`)
//!    close organisations, known places and organisations are tagged;
//! 3. [`link`] turns tagged spans into entities of the article: roles from appositions and
//!    compounds, surname and genitive mentions joined to full names, role-only mentions
//!    resolved.

use crate::Annotator;
use lagebild_model::{AnnotatedArticle, EntityType};
use std::sync::OnceLock;

pub(crate) mod emit;
pub mod features;
pub mod gazetteer;
pub mod link;
pub mod model;
pub mod train;

use features::Clusters;
use gazetteer::{flag, Gazetteer};
use model::{Model, LABELS};

/// The entity tagger.
pub struct Tagger<'a> {
    model: &'a Model,
    clusters: &'a Clusters,
    /// English text: entities are cut to English capitalisation (see [`tidy_english`]).
    english: bool,
}

/// The shipped German model (`resources/de/ner.model`), loaded once.
///
/// An unreadable model yields an empty one, so tagging falls back to the rules alone.
pub fn shipped_model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        Model::from_bytes(include_bytes!("../../resources/de/ner.model"))
            .unwrap_or_else(|_| Model::empty())
    })
}

impl Tagger<'static> {
    /// The tagger for a language code. German is the only trained model; English text uses
    /// it too (capitalised names, shapes and the word lists carry over), with its entities
    /// tidied for English capitalisation (see [`tidy_english`]).
    pub fn default_for(lang: &str) -> Self {
        Tagger {
            model: shipped_model(),
            clusters: Clusters::embedded(),
            english: lang == "en",
        }
    }
}

impl<'a> Tagger<'a> {
    /// A tagger with a given model and clusters (for training and evaluation).
    pub fn with(model: &'a Model, clusters: &'a Clusters) -> Self {
        Tagger {
            model,
            clusters,
            english: false,
        }
    }

    /// Label ids (see [`model::LABELS`]) of the tokens of one sentence, rules applied.
    pub fn tag(&self, tokens: &[&str]) -> Vec<u8> {
        self.tag_flagged(tokens).0
    }

    /// As [`Tagger::tag`], also handing back the tokens' word-list flags.
    pub(crate) fn tag_flagged(&self, tokens: &[&str]) -> (Vec<u8>, Vec<u16>) {
        let flags = Gazetteer::get().flags(tokens);
        let scores = emit::emissions(self.model, self.clusters, tokens, &flags);
        let mut labels = self.model.decode_scores(&scores);
        rules_with_flags(tokens, &flags, &mut labels);
        if self.english {
            tidy_english(tokens, &mut labels);
        }
        (labels, flags)
    }

    /// BIO tag strings (`B-PER`, `I-LOC`, `O`, …) of one sentence's tokens.
    pub fn tag_bio(&self, tokens: &[&str]) -> Vec<&'static str> {
        self.tag(tokens)
            .into_iter()
            .map(|l| LABELS[l as usize])
            .collect()
    }
}

impl Annotator for Tagger<'_> {
    fn annotate(&self, doc: &mut AnnotatedArticle) {
        doc.entities = link::entities(self, &doc.article.text, &doc.sentences);
        if let Some(outlet) = doc.article.outlet.clone() {
            outlet_mentions(doc, &outlet);
        }
    }
}

/// The article's own outlet where its text names it (`sagte dem Tagesblick`, `told the Kelmouth
/// Gazette`) is an organisation: its name without a leading article, as a whole word, also in
/// the genitive, where no other mention stands; a name of several words also by its one word
/// that is neither a word of the language nor a place. The mentions join an organisation of that name
/// or make a new one at the end of the list (the indices of the others stay). A one-word name
/// that is a word of the language (a listed common noun, or a word of the raw text the word
/// classes were learned from: `Die Zeit` → `Zeit`) is looked for with its article only.
fn outlet_mentions(doc: &mut AnnotatedArticle, outlet: &str) {
    let outlet = outlet.trim();
    let word = |c: &str| {
        Gazetteer::get().word_flags(c) & flag::COMMON_NOUN != 0
            || Clusters::embedded().info(&c.to_lowercase()).is_some()
    };
    let core = ["Der ", "Die ", "Das ", "The "]
        .iter()
        .find_map(|a| outlet.strip_prefix(a))
        .filter(|c| c.contains(' ') || !word(c))
        .unwrap_or(outlet);
    if core.chars().filter(|c| c.is_alphabetic()).count() < 3
        || !core.starts_with(char::is_uppercase)
    {
        return;
    }
    let text = &doc.article.text;
    let taken: Vec<lagebild_model::Span> = doc
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.span))
        .collect();
    let ix = lagebild_model::CharIndex::new(text);
    let find = |form: &str| {
        let mut found = Vec::new();
        for (at, _) in text.match_indices(form) {
            let end = at + form.len();
            let rest = &text[end..];
            let ending = ["es", "s", ""]
                .iter()
                .find(|x| {
                    rest.strip_prefix(**x)
                        .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
                })
                .map(|x| x.len());
            let starts_word = !text[..at].ends_with(char::is_alphanumeric);
            let (Some(ending), true) = (ending, starts_word) else {
                continue;
            };
            let span = lagebild_model::Span::new(ix.char_of(at), ix.char_of(end + ending));
            if !taken.iter().any(|t| t.overlaps(&span)) {
                found.push(lagebild_model::Mention {
                    span,
                    kind: lagebild_model::MentionKind::Name,
                });
            }
        }
        found
    };
    // a name of several words may be written by its one word that is neither a word of the
    // language nor a place (`der Landesrundschau` for the `Niedersächsische Landesrundschau`,
    // `des Politikreports` for `Politikreport Niedersachsen`)
    let short: Vec<&str> = core
        .split(' ')
        .filter(|w| {
            core.contains(' ')
                && w.starts_with(char::is_uppercase)
                && w.chars().count() >= 5
                && !word(w)
                && !Gazetteer::get().is_place(w)
        })
        .collect();
    let mut found = find(core);
    if let ([one], true) = (&short[..], found.is_empty()) {
        found = find(one);
    }
    if found.is_empty() {
        return;
    }
    match doc
        .entities
        .iter_mut()
        .find(|e| e.kind == EntityType::Org && e.name == core)
    {
        Some(e) => {
            e.mentions.extend(found);
            e.mentions.sort_by_key(|m| m.span.start);
        }
        None => doc.entities.push(lagebild_model::Entity {
            name: core.to_string(),
            kind: EntityType::Org,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: found,
        }),
    }
}

/// Entity type of a label id (`None` for `O`).
pub fn label_type(l: u8) -> Option<EntityType> {
    match l {
        1 | 2 => Some(EntityType::Per),
        3 | 4 => Some(EntityType::Org),
        5 | 6 => Some(EntityType::Loc),
        7 | 8 => Some(EntityType::Misc),
        _ => None,
    }
}

/// Label id of `B-` (`begin`) or `I-` for a type.
pub(crate) fn label_of(t: EntityType, begin: bool) -> u8 {
    let base = match t {
        EntityType::Per => 1,
        EntityType::Org => 3,
        EntityType::Loc => 5,
        EntityType::Misc => 7,
    };
    if begin {
        base
    } else {
        base + 1
    }
}

/// Tag tokens `s..e` as one name of type `t` (`B-` then `I-` labels).
fn tag_span(labels: &mut [u8], s: usize, e: usize, t: EntityType) {
    labels[s] = label_of(t, true);
    for l in &mut labels[s + 1..e] {
        *l = label_of(t, false);
    }
}

/// Most words (capitalised or not) of a name's long form before its short form.
const LONG_FORM_WORDS: usize = 10;

/// Where the long form of `short` (a short form in capitals: `KAV`, `BAMF`, `EnBW`) starts
/// when it ends right before token `end`: the nearest capitalised word from which capitalised
/// words and joining words (`für`, `und`) run up to `end` and whose first letter is the
/// short form's first, all of whose letters the long form's letters contain in order
/// (`Kommunaler ArbeitgeberVerband` for `KAV`).
fn long_form_start(tokens: &[&str], end: usize, short: &str) -> Option<usize> {
    let letters: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let capitals = short.chars().filter(|c| c.is_uppercase()).count();
    if letters.len() < 2 || capitals < 2 || short.chars().count() > 8 {
        return None;
    }
    let gaz = Gazetteer::get();
    let mut s = end;
    while s > 0 && end - s < LONG_FORM_WORDS {
        let w = tokens[s - 1];
        if !is_cap_word(w) && !gaz.is_name_join(w) {
            break;
        }
        s -= 1;
        if !is_cap_word(w) {
            continue;
        }
        let first = w.chars().next().and_then(|c| c.to_lowercase().next());
        if first != Some(letters[0]) {
            continue;
        }
        let long: String = tokens[s..end].concat().to_lowercase();
        let mut rest = long.chars();
        if letters.iter().all(|l| rest.any(|c| c == *l)) {
            return Some(s);
        }
    }
    None
}

/// Entity spans `(start, end, type)` (token indices, end exclusive) of a label sequence.
pub fn spans(labels: &[u8]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        match label_type(labels[i]) {
            Some(t) => {
                let mut j = i + 1;
                while j < labels.len() && labels[j] == label_of(t, false) {
                    j += 1;
                }
                out.push((i, j, t));
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// True for a word without lower-case letters (`BERLIN`).
fn is_all_caps(w: &str) -> bool {
    !w.chars().any(char::is_lowercase)
}

pub(crate) fn is_cap_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_alphabetic() || c == '-')
}

/// Entities of English text, which writes only names with capitals, as the German model found
/// them, cut to their names: each entity keeps its runs of capitalised words that are no
/// function words (`The`) and no listed non-names (`resources/en/not_entities.txt`: weekdays,
/// months), joined by the name particles listed there (`of`, `de`, `van`); the lower-case
/// rest is left out (`The storm reached the coast` → nothing, `Cornwall on Tuesday` →
/// `Cornwall`).
pub fn tidy_english(tokens: &[&str], labels: &mut [u8]) {
    let lang = "en";
    let words = english_words();
    let name_like = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !crate::stopwords::is_stopword(lang, w)
            && !words.not_names.contains(w)
    };
    for (s, e, t) in spans(labels) {
        let mut i = s;
        let mut begin = true;
        while i < e {
            // a live-blog opener after a name word may end the name (`Human Rights Watch`)
            if name_like(tokens[i]) || (!begin && words.openers.contains(tokens[i])) {
                labels[i] = label_of(t, begin);
                begin = false;
                i += 1;
                continue;
            }
            // a particle between two name words stays inside: `Bank of England`
            let joins = !begin
                && words.particles.contains(tokens[i])
                && i + 1 < e
                && name_like(tokens[i + 1]);
            if joins {
                labels[i] = label_of(t, false);
            } else {
                labels[i] = 0;
                begin = true;
            }
            i += 1;
        }
    }
    // figures are no names (`1,000`, `71-25`)
    for (s, e, _) in spans(labels) {
        if !tokens[s..e]
            .iter()
            .any(|w| w.chars().any(char::is_alphabetic))
        {
            labels[s..e].iter_mut().for_each(|l| *l = 0);
        }
    }
    // `River Taff`, `Mount Kenya`: a place; `Storm Bert`: no person or place
    for (s, e, t) in spans(labels) {
        let head_before = s > 0 && labels[s - 1] == 0;
        let head = |set: &std::collections::HashSet<String>| {
            if set.contains(tokens[s]) && e > s + 1 {
                Some(s)
            } else if head_before && set.contains(tokens[s - 1]) {
                Some(s - 1)
            } else {
                None
            }
        };
        let kind = if let Some(h) = head(&words.place_heads) {
            Some((h, EntityType::Loc))
        } else {
            head(&words.thing_heads).map(|h| (h, EntityType::Misc))
        };
        if let Some((h, kind)) = kind.filter(|&(h, k)| h < s || k != t) {
            tag_span(labels, h, e, kind);
        }
    }
    // `Mayor Alison Pritchard`, `Business Secretary Jon Reyes`: a title and a name of at least
    // two capitalised words is a person, whatever type the model gave the whole
    for (s, e, t) in spans(labels) {
        if t == EntityType::Per {
            continue;
        }
        let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let Some(k) = (s..(s + 3).min(e))
            .take_while(|&k| cap(tokens[k]))
            .filter(|&k| english_role(tokens[k]).is_some())
            .last()
        else {
            continue;
        };
        if e >= k + 3 && tokens[k + 1..e].iter().all(|w| cap(w)) {
            for l in &mut labels[s..=k] {
                *l = 0;
            }
            tag_span(labels, k + 1, e, EntityType::Per);
        }
    }
    // `Steelworkers Union`, `Brookfield Capital`: an organisation, also where the model tagged
    // only the last word or only the words before it
    for (s, mut e, _) in spans(labels) {
        if e < tokens.len() && labels[e] == 0 && words.org_tails.contains(tokens[e]) {
            e += 1;
        }
        if !words.org_tails.contains(tokens[e - 1]) {
            continue;
        }
        // a listed given name before it: a person with such a surname (`Samantha Power`)
        if label_type(labels[s]) == Some(EntityType::Per)
            && Gazetteer::get().is_first_name(tokens[s])
        {
            continue;
        }
        // capitalised words before it, also where the model took them for a place (`Island
        // Link Ferries`), not for a person
        let mut from = s;
        while from > 0
            && from + 3 > s
            && label_type(labels[from - 1]) != Some(EntityType::Per)
            && name_like(tokens[from - 1])
        {
            from -= 1;
        }
        // a name the model began further back stays whole or is left as it was
        if from > 0 && labels[from] != 0 && labels[from].is_multiple_of(2) {
            continue;
        }
        if e > from + 1 {
            tag_span(labels, from, e, EntityType::Org);
        }
    }
    // `Federal Association of Industrial Gas Consumers`, `Centre for Energy Security
    // Studies`: an organisation word, `of` or `for`, and capitalised words are one name, with
    // up to three capitalised words before it that the model took for no person
    for i in 0..tokens.len().saturating_sub(2) {
        let head = words.org_tails.contains(tokens[i]) || words.org_heads.contains(tokens[i]);
        if !head || !matches!(tokens[i + 1], "of" | "for") || !name_like(tokens[i + 2]) {
            continue;
        }
        let mut e = i + 2;
        while e < tokens.len() && e < i + 8 && name_like(tokens[e]) {
            e += 1;
        }
        let mut from = i;
        while from > 0
            && from + 3 > i
            && label_type(labels[from - 1]) != Some(EntityType::Per)
            && name_like(tokens[from - 1])
        {
            from -= 1;
        }
        // a person's title is none of it (`Secretary of State`): only where the model saw a name
        if labels[from..e].iter().any(|&l| l != 0) && from + 1 < e {
            tag_span(labels, from, e, EntityType::Org);
        }
    }
    // `Health and Safety Executive`, `Fire and Rescue Service`: capitalised words joined by
    // `and` to a name that ends in an organisation word are part of it, unless they end in one
    // themselves (`the Steelworkers Union and Brookfield Capital` are two); two names
    // (`Apple and Microsoft`) stay two
    for (s, e, t) in spans(labels) {
        if t != EntityType::Org
            || s < 2
            || tokens[s - 1] != "and"
            || words.org_tails.contains(tokens[s - 2])
            || !words.org_tails.contains(tokens[e - 1])
        {
            continue;
        }
        let mut from = s - 1;
        while from > 0 && from + 4 > s && name_like(tokens[from - 1]) {
            from -= 1;
        }
        if from < s - 1 {
            tag_span(labels, from, e, EntityType::Org);
        }
    }
    // a clock time is no name (`6.30am`)
    for (s, e, _) in spans(labels) {
        if e == s + 1 && is_clock_time(tokens[s]) {
            labels[s] = 0;
        }
    }
    // `Prime Minister Keir Starmer`, `Secretary of State Marco Rubio`: a listed role of
    // several words, capitalised before a capitalised word, is a title and no name
    for i in 0..tokens.len() {
        let Some(j) = phrase_end(&words.role_phrases, tokens, i, true) else {
            continue;
        };
        let title = tokens[i].starts_with(char::is_uppercase)
            && tokens
                .get(j)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
        if !title {
            continue;
        }
        labels[i..j].iter_mut().for_each(|l| *l = 0);
        if let Some(t) = labels.get(j).and_then(|&l| label_type(l)) {
            labels[j] = label_of(t, true);
        }
        // what the model joined to the title before it is a place if listed as one
        // (`French`), or a country's code of two capitals that is no listed organisation
        // (`US`, `UK`; not `EU`)
        let mut s = i;
        while s > 0 && labels[s - 1] != 0 && (s == i || labels[s].is_multiple_of(2)) {
            s -= 1;
        }
        let place = |(w, f): (&&str, u16)| {
            f & flag::PLACE != 0
                || (f & flag::ORG == 0 && w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        };
        let flags = Gazetteer::get().flags(&tokens[s..i]);
        if s < i && tokens[s..i].iter().zip(flags).all(place) {
            tag_span(labels, s, i, EntityType::Loc);
        }
    }
    // `White House`, `Senate`, `US Senate`: a listed public body is an organisation, unless
    // it is part of a longer name (`Parliament Square`) or qualifies a title (`Treasury
    // Secretary`)
    let mut i = 0;
    while i < tokens.len() {
        let Some(j) = phrase_end(&words.institutions, tokens, i, false) else {
            i += 1;
            continue;
        };
        let next = tokens.get(j).copied().unwrap_or("");
        let longer = labels
            .get(j)
            .is_some_and(|&l| l != 0 && l.is_multiple_of(2))
            || english_role(next).is_some_and(|_| next.starts_with(char::is_uppercase))
            || english_name_word(next);
        // a person's name that runs beyond it (`Jack White House`-like names), not a person the
        // model took from its words (`A White House official`)
        let person = spans(labels)
            .iter()
            .any(|&(s, e, t)| t == EntityType::Per && s < j && e > i && (s < i || e > j));
        if !longer && !person {
            // capitalised words the model joined to it before (`US Senate`)
            let mut from = i;
            while from > 0
                && labels[from] != 0
                && labels[from].is_multiple_of(2)
                && label_type(labels[from - 1]).is_some_and(|t| t != EntityType::Per)
            {
                from -= 1;
            }
            tag_span(labels, from, j, EntityType::Org);
        }
        i = j;
    }
    // `Downing Street`, `Millbrook Lane`: a place
    for (s, e, _) in spans(labels) {
        if e > s + 1 && words.place_tails.contains(tokens[e - 1]) {
            tag_span(labels, s, e, EntityType::Loc);
        }
    }
    // a dateline: `HARTFIELD, March 4 (…)` or, opening the text, `PORTHAVEN (Reuters)` names
    // the place the report comes from
    for i in 0..tokens.len().saturating_sub(2) {
        let dated = tokens[i + 1] == "," && words.not_names.contains(tokens[i + 2]);
        let credited = i == 0 && tokens[i + 1] == "(";
        if (dated || credited)
            && tokens[i].chars().filter(|c| c.is_alphabetic()).count() >= 4
            && is_all_caps(tokens[i])
            && labels.get(i + 1).is_none_or(|&l| l == 0)
        {
            labels[i] = label_of(EntityType::Loc, true);
        }
    }
}

/// True when `phrase` (as its words) stands at token `i`, the words compared as written or,
/// with `fold`, in any case (the phrase then in lower-case ASCII).
fn phrase_at(phrase: &[String], tokens: &[&str], i: usize, fold: bool) -> bool {
    tokens.get(i..i + phrase.len()).is_some_and(|words| {
        words.iter().zip(phrase).all(|(w, x)| {
            if fold {
                w.eq_ignore_ascii_case(x)
            } else {
                w == x
            }
        })
    })
}

/// End of the longest of `phrases` (longest first) that starts at token `i` (see
/// [`phrase_at`]).
fn phrase_end(phrases: &[Vec<String>], tokens: &[&str], i: usize, fold: bool) -> Option<usize> {
    phrases
        .iter()
        .find(|p| phrase_at(p, tokens, i, fold))
        .map(|p| i + p.len())
}

/// Start of a listed English role of several words (`prime minister`) that ends right before
/// token `end`, in any case.
pub(crate) fn english_role_phrase_before(tokens: &[&str], end: usize) -> Option<usize> {
    english_words()
        .role_phrases
        .iter()
        .filter_map(|p| Some((end.checked_sub(p.len())?, p)))
        .find(|&(i, p)| phrase_at(p, tokens, i, true))
        .map(|(i, _)| i)
}

/// True for a German indefinite article, in lower case (`ein`, `einem`).
pub(crate) fn is_german_indefinite(lower: &str) -> bool {
    matches!(
        lower,
        "ein" | "eine" | "einen" | "einem" | "einer" | "eines"
    )
}

/// Where an English title that starts at token `st` starts with the title words before it
/// (`resources/en/not_entities.txt`: `Transport` of `Transport Secretary`, `Shadow Home` of
/// `Shadow Home Secretary`), up to three of them that are no names (`labels` 0).
pub(crate) fn english_title_start(tokens: &[&str], labels: &[u8], mut st: usize) -> usize {
    let words = &english_words().title_words;
    let from = st.saturating_sub(3);
    while st > from && labels[st - 1] == 0 && words.contains(&tokens[st - 1].to_lowercase()) {
        st -= 1;
    }
    st
}

/// A clock time written as one word: `6.30am`, `11pm`, `18:45`.
fn is_clock_time(w: &str) -> bool {
    let lower = w.to_lowercase();
    let digits = lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("pm"))
        .unwrap_or(&lower);
    !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ':')
}

/// Word lists for [`tidy_english`].
struct EnglishWords {
    not_names: std::collections::HashSet<String>,
    particles: std::collections::HashSet<String>,
    /// Words before a name that make it a place (`River`, `Mount`).
    place_heads: std::collections::HashSet<String>,
    /// Words before a name that make it an event or another thing (`Storm`, `Hurricane`).
    thing_heads: std::collections::HashSet<String>,
    /// Words after a name that make it a place (`Downing Street`, `Millbrook Lane`).
    place_tails: std::collections::HashSet<String>,
    /// Words that end the name of an organisation (`Steelworkers Union`).
    org_tails: std::collections::HashSet<String>,
    /// Words that head an organisation's name before `of`/`for` (`Centre for …`).
    org_heads: std::collections::HashSet<String>,
    /// Role nouns, lower case (`resources/en/roles.txt`).
    roles: std::collections::HashSet<String>,
    /// Roles of several words, lower case, as their words (`prime minister`, `secretary of
    /// state`).
    role_phrases: Vec<Vec<String>>,
    /// Names of public bodies as their words (`resources/en/institutions.txt`: `White House`,
    /// `Senate`).
    institutions: Vec<Vec<String>>,
    /// Words before a role noun that belong to the title, lower case (`transport`, `shadow`).
    title_words: std::collections::HashSet<String>,
    /// Words that open live-blog entries and may end a name (`Watch`), also in `not_names`.
    openers: std::collections::HashSet<String>,
}

fn english_words() -> &'static EnglishWords {
    static EN: OnceLock<EnglishWords> = OnceLock::new();
    EN.get_or_init(|| {
        let mut w = EnglishWords {
            not_names: Default::default(),
            particles: Default::default(),
            place_heads: Default::default(),
            thing_heads: Default::default(),
            place_tails: Default::default(),
            org_tails: Default::default(),
            org_heads: Default::default(),
            roles: crate::tokenize::data_lines(include_str!("../../resources/en/roles.txt"))
                .map(str::to_string)
                .collect(),
            role_phrases: Vec::new(),
            title_words: Default::default(),
            openers: Default::default(),
            institutions: crate::tokenize::data_lines(include_str!(
                "../../resources/en/institutions.txt"
            ))
            .map(|l| l.split_whitespace().map(str::to_string).collect())
            .collect(),
        };
        w.role_phrases = w
            .roles
            .iter()
            .filter(|r| r.contains(' '))
            .map(|r| r.split_whitespace().map(str::to_string).collect())
            .collect();
        // longest first, so that the first match is the longest
        w.role_phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        w.institutions.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let mut section = "";
        for line in crate::tokenize::data_lines(include_str!("../../resources/en/not_entities.txt"))
        {
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let set = match section {
                "[particles]" => &mut w.particles,
                "[place heads]" => &mut w.place_heads,
                "[thing heads]" => &mut w.thing_heads,
                "[place tails]" => &mut w.place_tails,
                "[org tails]" => &mut w.org_tails,
                "[org heads]" => &mut w.org_heads,
                "[title words]" => &mut w.title_words,
                "[openers]" => {
                    w.not_names
                        .extend(line.split_whitespace().map(str::to_string));
                    &mut w.openers
                }
                _ => &mut w.not_names,
            };
            set.extend(line.split_whitespace().map(str::to_string));
        }
        w
    })
}

/// True for an English word that makes a name of the words around it: a place or event word
/// before a name, a place or organisation word after one (`University`, `Isle`, `Bank`).
pub(crate) fn english_name_word(w: &str) -> bool {
    let words = english_words();
    words.place_heads.contains(w)
        || words.thing_heads.contains(w)
        || words.place_tails.contains(w)
        || words.org_tails.contains(w)
}

/// The English role noun a word is, in lower case and singular (`Mayor`, `directors` →
/// `mayor`, `director`), if it is one (`resources/en/roles.txt`).
pub(crate) fn english_role(w: &str) -> Option<String> {
    let roles = &english_words().roles;
    let lower = w.to_lowercase();
    if roles.contains(&lower) {
        return Some(lower);
    }
    let single = lower.strip_suffix('s')?;
    roles.contains(single).then(|| single.to_string())
}

/// True when a word is a role noun of the text's language (`lang`, a language code): German
/// `Berater`, `Kreml-Berater`, `Ministerin`; English `inspector`, `mayors`.
pub fn is_role_word(lang: &str, w: &str) -> bool {
    if lang.starts_with("en") {
        english_role(w).is_some()
    } else {
        Gazetteer::get().role_head(w).is_some()
    }
}

/// Roads named by their number are places (`resources/de/road_words.txt`): a road word and
/// the number (`die Bundesstraße 216`), a letter code and the number after a road word or an
/// article or preposition (`die Autobahnen A 2`, `auf der B 29`), a code written in one after a
/// road word (`an der Autobahn A12`: the code alone).
fn roads(gaz: &Gazetteer, tokens: &[&str], labels: &mut [u8]) {
    let number = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_lowercase());
        (1..=4).contains(&digits.len())
            && digits.len() + 1 >= w.len()
            && digits.chars().all(|c| c.is_ascii_digit())
    };
    let code = |w: &str| matches!(w, "A" | "B" | "E");
    let joined_code = |w: &str| {
        w.split_at_checked(1)
            .is_some_and(|(c, n)| code(c) && n.len() <= 3 && number(n))
    };
    let n = tokens.len();
    for i in 0..n.saturating_sub(1) {
        // the span of the road's name, and whether it may override the tags of the words
        let road = gaz.is_road_word(tokens[i]);
        let (s, e) = if road && number(tokens[i + 1]) {
            (i, i + 2)
        } else if road && joined_code(tokens[i + 1]) {
            (i + 1, i + 2)
        } else if i + 2 < n
            && code(tokens[i + 1])
            && number(tokens[i + 2])
            && (road
                || matches!(
                    tokens[i],
                    "der" | "die" | "den" | "Der" | "Die" | "auf" | "zur" | "über"
                ))
        {
            (i + 1, i + 3)
        } else {
            continue;
        };
        if labels.get(e).is_some_and(|&l| matches!(l, 2 | 4 | 6 | 8)) {
            continue;
        }
        for l in &mut labels[i..s] {
            *l = 0;
        }
        tag_span(labels, s, e, EntityType::Loc);
    }
}

/// Precise corrections of the statistical tags (see the module documentation).
pub fn apply_rules(tokens: &[&str], labels: &mut [u8]) {
    let flags = Gazetteer::get().flags(tokens);
    rules_with_flags(tokens, &flags, labels);
}

fn rules_with_flags(tokens: &[&str], flags: &[u16], labels: &mut [u8]) {
    let n = tokens.len();
    let gaz = Gazetteer::get();
    // listed common nouns and bare role nouns are never a one-word entity
    // and neither is an abstract noun that no list has as a name (`Entwarnung`)
    let listed = flag::FIRST | flag::SURNAME | flag::PLACE | flag::ORG;
    for (s, e, _) in spans(labels) {
        let abstract_noun = flags[s] & listed == 0 && gaz.is_abstract_noun(tokens[s]);
        if e == s + 1 && (flags[s] & flag::NOT_ENTITY != 0 || abstract_noun) {
            labels[s] = 0;
        }
    }
    // German writes no indefinite article before a name: one word right after one is a
    // common noun (`auf einem Recyclinghof`, `eine Rinne`), unless it is a listed organisation
    // (`an Bord eines Airbus`); nor is a legal form alone a name
    for (s, e, _) in spans(labels) {
        let indefinite = s > 0 && is_german_indefinite(&tokens[s - 1].to_lowercase());
        // a legal form alone names no company (`an GmbHs in Österreich`)
        let legal_form = gaz.is_legal_form(tokens[s])
            || tokens[s]
                .strip_suffix('s')
                .is_some_and(|w| gaz.is_legal_form(w));
        if e == s + 1 && (indefinite && flags[s] & flag::ORG == 0 || legal_form) {
            labels[s] = 0;
        }
    }
    // a name right after a noun for a kind of company is an organisation (`der Firma
    // Corvenor Chemie`, `des Chemiekonzerns Haller`)
    for (s, e, t) in spans(labels) {
        if t != EntityType::Org && s > 0 && gaz.is_company_noun(tokens[s - 1]) {
            labels[s] = label_of(EntityType::Org, true);
            for l in &mut labels[s + 1..e] {
                *l = label_of(EntityType::Org, false);
            }
        }
    }
    // a name of several words with a geographic term is a place (`Monte Müllo`, `Port
    // Grosvenor`); a double-barrelled family name is a person (`Müller-Scheessel`)
    for (s, e, t) in spans(labels) {
        let geo = t == EntityType::Per
            && e > s + 1
            && tokens[s..e].iter().any(|w| gaz.is_geo_name_word(w));
        let double = t == EntityType::Loc
            && e == s + 1
            && flags[s] & flag::PLACE == 0
            && tokens[s].split_once('-').is_some_and(|(a, b)| {
                gaz.is_surname(a)
                    && !gaz.is_place(a)
                    && !gaz.is_place(b)
                    && b.starts_with(char::is_uppercase)
            });
        let to = if geo {
            EntityType::Loc
        } else if double {
            EntityType::Per
        } else {
            continue;
        };
        for (k, l) in labels.iter_mut().enumerate().take(e).skip(s) {
            *l = label_of(to, k == s);
        }
    }
    // a one-word place right after a role or person noun is the name of the person
    // (`Onkel Nikomedes`, `Prinzessin Victoria`)
    for (s, e, t) in spans(labels) {
        if t == EntityType::Loc
            && e == s + 1
            && s > 0
            && labels[s - 1] == 0
            && (flags[s - 1] & flag::ROLE != 0 || gaz.is_person_noun(tokens[s - 1]))
        {
            labels[s] = label_of(EntityType::Per, true);
        }
    }
    // a two-word person ending in a listed place that is no family name, and opening with
    // no given name, is a club or firm named after its town (`Hansa Kiel`)
    for (s, e, t) in spans(labels) {
        if t == EntityType::Per
            && e == s + 2
            && flags[e - 1] & flag::PLACE != 0
            && flags[e - 1] & flag::SURNAME == 0
            && flags[s] & (flag::FIRST | flag::SURNAME) == 0
        {
            tag_span(labels, s, e, EntityType::Org);
        }
    }
    // known first name + capitalised word: a person
    for i in 0..n.saturating_sub(1) {
        if flags[i] & flag::FIRST == 0 || !is_cap_word(tokens[i + 1]) {
            continue;
        }
        let next_free = labels[i + 1] == 0 || labels[i + 1] == 1;
        let next_ok = flags[i + 1] & (flag::NOT_ENTITY | flag::ROLE | flag::PLACE | flag::ORG) == 0
            && !crate::stopwords::is_stopword("de", tokens[i + 1]);
        if labels[i] == 0 && next_free && next_ok && (i + 2 >= n || labels[i + 2] != 2) {
            labels[i] = 1;
            labels[i + 1] = 2;
        }
    }
    // known first name + name particles + capitalised word: a person (`Ursula von der Leyen`)
    for i in 0..n.saturating_sub(2) {
        if flags[i] & flag::FIRST == 0 || !matches!(labels[i], 0 | 1) {
            continue;
        }
        let p = gaz.name_particles(&tokens[i + 1..]);
        let j = i + 1 + p;
        if p == 0 || j >= n || !is_cap_word(tokens[j]) {
            continue;
        }
        let name_ok = flags[j] & (flag::NOT_ENTITY | flag::ROLE | flag::PLACE | flag::ORG) == 0;
        let ends = j + 1 >= n || !matches!(labels[j + 1], 2 | 4 | 6 | 8);
        if name_ok && ends {
            labels[i] = 1;
            for l in &mut labels[i + 1..=j] {
                *l = 2;
            }
        }
    }
    // a one-word "person" right before an organisation is the first word of its name
    // (`Ridgeline Capital` tagged `[Ridgeline] [Capital]`), unless it is a listed given name
    for i in 0..n.saturating_sub(1) {
        if labels[i] == 1 && labels[i + 1] == 3 && flags[i] & flag::FIRST == 0 {
            labels[i] = 3;
            labels[i + 1] = 4;
        }
    }
    // legal forms close an organisation: `Muster Bau GmbH`
    for i in 1..n {
        if !gaz.is_legal_form(tokens[i]) || labels[i] != 0 {
            continue;
        }
        if matches!(labels[i - 1], 3 | 4) {
            labels[i] = 4;
            continue;
        }
        let mut s = i;
        while s > 0 && s + 3 > i && labels[s - 1] == 0 && is_cap_word(tokens[s - 1]) {
            if s - 1 == 0 || crate::stopwords::is_stopword("de", tokens[s - 1]) {
                break;
            }
            s -= 1;
        }
        if s < i {
            labels[s] = 3;
            for l in &mut labels[s + 1..=i] {
                *l = 4;
            }
        }
    }
    // known places in capitals (datelines: `BERLIN`) and organisation acronyms the model left out
    for i in 0..n {
        if labels[i] != 0 || (i + 1 < n && matches!(labels[i + 1], 2 | 4 | 6 | 8)) {
            continue;
        }
        if flags[i] & flag::PLACE != 0 && is_cap_word(tokens[i]) && is_all_caps(tokens[i]) {
            labels[i] = 5;
        } else if flags[i] & flag::ORG != 0
            && tokens[i].chars().count() > 1
            && tokens[i]
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            labels[i] = 3;
        }
    }
    // a listed multi-word place or organisation the model left out
    let mut i = 0;
    while i < n {
        let part = flags[i] & (flag::PLACE_PART | flag::ORG_PART);
        let mut j = i;
        while part != 0 && j < n && flags[j] & part != 0 {
            j += 1;
        }
        // left out, or taken for a person or another name (`DOW JONES` as MISC), or only a
        // part of it tagged as such a name (`Bundesverbands der [Deutschen Industrie]`)
        let free = labels[i..j].iter().all(|&l| l == 0);
        let other = matches!(labels[i], 1 | 7)
            && labels[i + 1..j.max(i + 1)]
                .iter()
                .all(|&l| l == labels[i] + 1);
        let b = if part & flag::PLACE_PART != 0 { 5 } else { 3 };
        let inside = j < n && labels[j] == b + 1;
        let part_of_it = !free
            && !inside
            && labels[i] != b + 1
            && labels[i..j].iter().all(|&l| l == 0 || l == b || l == b + 1);
        if j > i + 1 && (free || other || part_of_it) {
            let old_inside = labels[i] + 1;
            labels[i] = b;
            for l in &mut labels[i + 1..j] {
                *l = b + 1;
            }
            for l in labels[j..].iter_mut() {
                if !other || *l != old_inside {
                    break;
                }
                *l = 0;
            }
        }
        i = j.max(i + 1);
    }
    // a one-word person that is a listed organisation or place (`wie Axios berichtet`), or a
    // compound of a listed organisation and a common noun (`ZDF-Studio`); not a listed given or
    // family name, which companies often bear (`Porsche`)
    for (s, e, t) in spans(labels) {
        if t == EntityType::Per && e == s + 1 && flags[s] & (flag::FIRST | flag::SURNAME) == 0 {
            let org_compound = tokens[s]
                .split_once('-')
                .is_some_and(|(first, rest)| gaz.is_org(first) && !rest.contains('-'))
                && tokens[s]
                    .rsplit('-')
                    .next()
                    .is_some_and(|head| head.chars().next().is_some_and(char::is_uppercase));
            if flags[s] & flag::ORG != 0 || org_compound {
                labels[s] = 3;
            } else if flags[s] & flag::PLACE != 0 {
                labels[s] = 5;
            }
        }
    }
    // `in der Region X`, `die Stadt X`: a place; also a name the model took for a person that
    // is no given name (`in der Genfer Villa La Grange`)
    for i in 1..n {
        if labels[i] == 0
            && is_cap_word(tokens[i])
            && gaz.is_place_noun(tokens[i - 1])
            && flags[i] & (flag::NOT_ENTITY | flag::ROLE) == 0
            && !gaz.is_abstract_noun(tokens[i])
            && (i + 1 >= n || labels[i + 1] == 0)
        {
            labels[i] = 5;
        } else if labels[i] == 1
            && labels[i - 1] == 0
            && gaz.is_place_noun(tokens[i - 1])
            && flags[i] & flag::FIRST == 0
        {
            labels[i] = 5;
            let mut k = i + 1;
            while k < n && labels[k] == 2 {
                labels[k] = 6;
                k += 1;
            }
        }
    }
    // `am Lindenweg`, `in der Gerberstraße`: a street
    for i in 1..n {
        let before = tokens[i - 1] == "am"
            || (i >= 2 && tokens[i - 1] == "der" && matches!(tokens[i - 2], "an" | "in"));
        if before
            && labels[i] == 0
            && is_cap_word(tokens[i])
            && gaz.is_street_like(tokens[i])
            && flags[i] & (flag::NOT_ENTITY | flag::ROLE | flag::COMMON_NOUN) == 0
            && (i + 1 >= n || labels[i + 1] == 0)
        {
            labels[i] = 5;
        }
    }
    roads(gaz, tokens, labels);
    // `…“, sagte Vogel.`, `, so Ketterer.`: a capitalised word alone after a speech verb that
    // follows a quote or comma is the speaker, a person, unless a list has it as an organisation
    // or place (`, so Verdi.`)
    let lex = crate::quotes::lexicon::Lexicon::get();
    for i in 2..n.saturating_sub(1) {
        let after_quote = matches!(tokens[i - 2], "," | "“" | "”" | "\"" | "«" | "»");
        let ends = matches!(tokens[i + 1], "." | "," | ";" | "!" | "und");
        if !after_quote || !ends || !is_cap_word(tokens[i]) {
            continue;
        }
        let verb = tokens[i - 1] == "so" || lex.is_singular_speech_verb(tokens[i - 1]);
        let listed_other = flags[i] & (flag::ORG | flag::PLACE) != 0;
        if verb
            && labels[i - 1] == 0
            && labels[i] != 1
            && labels[i + 1] == 0
            && !is_all_caps(tokens[i])
            && flags[i] & (flag::ROLE | flag::NOT_ENTITY) == 0
            && !listed_other
        {
            labels[i] = 1;
        }
    }
    // `X in der Region Y`: X is a place too
    for i in 0..n.saturating_sub(3) {
        if labels[i] == 0
            && is_cap_word(tokens[i])
            && i > 0
            && flags[i] & (flag::NOT_ENTITY | flag::ROLE) == 0
            && matches!(tokens[i + 1], "in" | "im")
            && gaz.is_place_noun(tokens[i + 3])
            && matches!(labels.get(i + 4), Some(5))
        {
            labels[i] = 5;
        }
    }
    // a name defined by its short form in brackets: `Kommunaler Arbeitgeberverband
    // Niedersachsen (KAV)`, `Bundesanstalt für Wasserbau (BAW)`
    for i in 1..n.saturating_sub(2) {
        if tokens[i] != "(" || tokens[i + 2] != ")" {
            continue;
        }
        let Some(t) = label_type(labels[i + 1]).filter(|t| *t != EntityType::Per) else {
            continue;
        };
        if let Some(s) = long_form_start(tokens, i, tokens[i + 1]) {
            if labels[s..i]
                .iter()
                .all(|&l| label_type(l) != Some(EntityType::Per))
            {
                tag_span(labels, s, i, t);
            }
        }
    }
    // a word ending like an adjective that opens the sentence is no one-word person unless a
    // list knows it (`Mildernd wirkte sich aus`)
    if n > 1
        && labels[0] == 1
        && labels[1] != 2
        && flags[0] & (flag::FIRST | flag::SURNAME | flag::PLACE | flag::ORG) == 0
        && gaz.is_adjective_like(tokens[0])
    {
        labels[0] = 0;
    }
    // an article capitalised at the start of a sentence or clause is no part of a name (`Die
    // Grünen lehnten ab`), unless the name with it is listed (`Die Linke`); nor is what follows
    // when it is a lower-case word (`Washington – Der deutsche Philosoph …`, `: Die erste
    // Nacht …`), as German names capitalise their adjectives
    for s in clause_starts(tokens) {
        if s + 1 < n
            && matches!(tokens[s], "Der" | "Die" | "Das" | "Den" | "Dem" | "Des")
            && matches!(labels[s], 3 | 5 | 7)
            && labels[s + 1] == labels[s] + 1
            && flags[s] & (flag::ORG_PART | flag::PLACE_PART) == 0
        {
            labels[s + 1] = labels[s];
            labels[s] = 0;
            if tokens[s + 1].starts_with(char::is_lowercase) {
                let inside = labels[s + 1] + 1;
                labels[s + 1] = 0;
                for l in labels[s + 2..].iter_mut().take_while(|l| **l == inside) {
                    *l = 0;
                }
            }
        }
    }
    // institutions with a `für`/`zur` complement: `Institut zur Erforschung des Kriegs`,
    // `Allianz für Ostseewirtschaft`
    for i in 0..n.saturating_sub(2) {
        // a listed institution word the model left untagged, or any word it took for a
        // one-word organisation before `für` (`die Allianz für Ostseewirtschaft`)
        let listed = labels[i] == 0
            && gaz.is_institution(tokens[i])
            && matches!(tokens[i + 1], "für" | "zur" | "zum" | "der" | "des");
        let tagged = labels[i] == 3 && labels[i + 1] == 0 && tokens[i + 1] == "für";
        if !listed && !tagged {
            continue;
        }
        let mut end = i + 1;
        let mut k = i + 1;
        while k < n && k < i + 8 {
            let w = tokens[k];
            // after a name the model found, a listed common noun is no complement (`mit dem
            // BSW für Mittwoch`), while an institution word takes it (`Institut für Medien`)
            if is_cap_word(w) && labels[k] == 0 && !(tagged && gaz.is_not_entity(w)) {
                end = k + 1;
            } else if !matches!(
                w,
                "für" | "zur" | "zum" | "der" | "des" | "und" | "die" | "den"
            ) {
                break;
            }
            k += 1;
        }
        if end > i + 2 {
            labels[i] = 3;
            for l in &mut labels[i + 1..end] {
                *l = 4;
            }
        }
    }
    // a person's name ends before a listed common noun that no list has as a name: after a
    // name in the genitive (`Putins Software`) or a lower-case word, which goes with it
    // (`Jay-Jay zur Meisterschaft`)
    for (s, e, t) in spans(labels) {
        if t != EntityType::Per || e - s < 2 {
            continue;
        }
        let noun = |k: usize| {
            flags[k] & flag::COMMON_NOUN != 0 && flags[k] & (flag::FIRST | flag::SURNAME) == 0
        };
        let after_lower = |k: usize| tokens[k - 1].starts_with(char::is_lowercase);
        let genitive = e - s == 2 && tokens[s].ends_with('s') && flags[s] & flag::FIRST == 0;
        let cut = (s + 1..e).find(|&k| noun(k) && ((k == s + 1 && genitive) || after_lower(k)));
        if let Some(k) = cut {
            let from = if after_lower(k) { k - 1 } else { k };
            labels[from..e].iter_mut().for_each(|l| *l = 0);
        }
    }
    // a number after a listed organisation is no part of its name unless listed with it
    // (`die Linke 7` in a count of seats, but `Hannover 96`)
    for (s, e, t) in spans(labels) {
        let last = tokens[e - 1];
        if t == EntityType::Org
            && e - s >= 2
            && last.bytes().all(|b| b.is_ascii_digit())
            && flags[e - 1] & (flag::ORG_PART | flag::PLACE_PART) == 0
            && flags[s..e - 1]
                .iter()
                .all(|f| f & (flag::ORG | flag::ORG_PART) != 0)
        {
            labels[e - 1] = 0;
        }
    }
    // a listed name of an article and an everyday word that opens a sentence or clause is the
    // everyday phrase unless a verb of reporting follows: `Die Ärzte kämpften um sein Leben`,
    // `… verspricht er: Der Plan ist …`, but `Die Zeit berichtet`
    for s in clause_starts(tokens) {
        if s + 2 <= n
            && label_type(labels[s]).is_some()
            && labels[s + 1] == labels[s] + 1
            && labels.get(s + 2) != Some(&(labels[s] + 1))
            && gaz.is_phrase_name(tokens[s], tokens[s + 1])
            && !tokens
                .get(s + 2)
                .is_some_and(|w| gaz.is_phrase_name_verb(w))
        {
            labels[s] = 0;
            labels[s + 1] = 0;
        }
    }
}

/// Where a sentence or a clause that is written like one starts: the first token, after an
/// opening quotation mark or a colon, and after the dash of a dateline (`Washington – Der …`,
/// within the sentence's first five tokens).
fn clause_starts<'t>(tokens: &'t [&str]) -> impl Iterator<Item = usize> + 't {
    (0..tokens.len()).filter(|&i| {
        i == 0
            || matches!(tokens[i - 1], ":" | "„" | "\"" | "»")
            || (i <= 5 && matches!(tokens[i - 1], "–" | "—" | "-"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outlet_named_in_its_own_text_is_an_organisation() {
        let text =
            "Die Stadt räumte die Unterstadt. Mats Oldenburg sagte dem Tagesblick, man habe \
gewarnt. Die Leser des Tagesblicks wussten es. Der Tagesblicker ist etwas anderes.";
        // the entities of a German article from an outlet
        let annotated = |text: &str, outlet: &str| {
            let mut doc = AnnotatedArticle {
                article: lagebild_model::Article {
                    text: text.to_string(),
                    outlet: Some(outlet.into()),
                    language: "de".into(),
                    ..Default::default()
                },
                sentences: crate::tokenize::sentences(text),
                ..Default::default()
            };
            Tagger::default_for("de").annotate(&mut doc);
            doc.entities
        };
        let entities = annotated(text, "Der Tagesblick");
        let outlet = entities
            .iter()
            .find(|e| e.name == "Tagesblick")
            .expect("the outlet is an entity");
        assert_eq!(outlet.kind, EntityType::Org);
        assert_eq!(outlet.mentions.len(), 2, "{:?}", outlet.mentions);
        // a name of several words, written by its one word that is no word of the language
        let entities = annotated(
            "Nach Informationen der Landesrundschau wusste die Ministerin davon.",
            "Niedersächsische Landesrundschau",
        );
        let outlet = entities
            .iter()
            .find(|e| e.name == "Niedersächsische Landesrundschau")
            .expect("the outlet by its short form");
        assert_eq!(outlet.mentions.len(), 1, "{entities:?}");
        // a common noun as the whole name is looked for with its article only
        let entities = annotated("Es ist an der Zeit, sagte sie.", "Die Zeit");
        assert!(entities
            .iter()
            .all(|e| e.name != "Zeit" && e.name != "Die Zeit"));
    }

    #[test]
    fn spans_of_labels() {
        // O B-PER I-PER B-LOC I-ORG(invalid start is its own span) O
        assert_eq!(
            spans(&[0, 1, 2, 5, 0, 3, 4]),
            vec![
                (1, 3, EntityType::Per),
                (3, 4, EntityType::Loc),
                (5, 7, EntityType::Org)
            ]
        );
    }

    #[test]
    fn an_organisation_before_fuer_takes_its_complement() {
        let text = "Die Wirtschaft drängt auf Tempo. „Jede Woche kostet Vertrauen“, erklärte die \
Allianz für Ostseewirtschaft, ein Zusammenschluss von Betrieben.";
        let es = link::entities(
            &Tagger::default_for("de"),
            text,
            &crate::tokenize::sentences(text),
        );
        assert!(
            es.iter()
                .any(|e| e.name == "Allianz für Ostseewirtschaft" && e.kind == EntityType::Org),
            "{es:#?}"
        );
        // a day is no complement
        let text = "Gespräche sind mit der CDU für Dienstag und mit dem BSW für Mittwoch geplant.";
        let es = link::entities(
            &Tagger::default_for("de"),
            text,
            &crate::tokenize::sentences(text),
        );
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert!(
            names.contains(&"CDU") && names.contains(&"BSW"),
            "{names:?}"
        );
        assert!(!names.iter().any(|n| n.contains("für")), "{names:?}");
    }

    #[test]
    fn english_organisations_with_of_or_for_and_listed_tails_are_whole() {
        let text = "The Federal Association of Industrial Gas Consumers welcomed the deal. \
Money will come from the Connecting Europe Facility, said Anna Berg of the Centre for Energy \
Security Studies.";
        let es = link::entities(
            &Tagger::default_for("en"),
            text,
            &crate::tokenize::sentences(text),
        );
        for name in [
            "Federal Association of Industrial Gas Consumers",
            "Connecting Europe Facility",
            "Centre for Energy Security Studies",
        ] {
            assert!(
                es.iter()
                    .any(|e| e.name == name && e.kind == EntityType::Org),
                "{name}: {es:#?}"
            );
        }
    }

    #[test]
    fn english_entities_are_cut_to_their_names() {
        let toks = [
            "The", "storm", "reached", "Cornwall", "on", "Tuesday", "and", "the", "Bank", "of",
            "England", "closed",
        ];
        // as the German model might tag them
        let mut labels = vec![7u8, 8, 8, 5, 6, 6, 0, 3, 4, 4, 4, 4];
        tidy_english(&toks, &mut labels);
        assert_eq!(labels, vec![0, 0, 0, 5, 0, 0, 0, 0, 3, 4, 4, 0]);
        // number words and words opening news sentences are no names
        let toks = [
            "Seven",
            "wagons",
            "derailed",
            ";",
            "Witnesses",
            "said",
            "so",
        ];
        assert_eq!(tidied(&toks, vec![3, 0, 0, 0, 1, 0, 0]), vec![0; 7]);
        // a live-blog opener alone is no name, after a name word it may end one
        let toks = ["Watch", ":", "Human", "Rights", "Watch", "said"];
        assert_eq!(
            tidied(&toks, vec![3, 0, 3, 4, 4, 0]),
            vec![0, 0, 3, 4, 4, 0]
        );
        // figures are no names
        let toks = [
            "fines", "of", "up", "to", "1,000", "after", "a", "71-25", "vote",
        ];
        assert_eq!(tidied(&toks, vec![0, 0, 0, 0, 7, 0, 0, 7, 0]), vec![0; 9]);
        // a place or event word before the name gives its type
        let toks = ["Storm", "Bert", "flooded", "the", "River", "Taff"];
        assert_eq!(
            tidied(&toks, vec![1, 2, 0, 0, 0, 1]),
            vec![7, 8, 0, 0, 5, 6]
        );
        // a street or lane after the name makes a place; a capitals dateline is a place
        let toks = [
            "peaks",
            "HARTFIELD",
            ",",
            "March",
            "4",
            "-",
            "near",
            "Millbrook",
            "Lane",
        ];
        assert_eq!(
            tidied(&toks, vec![0, 3, 0, 0, 0, 0, 0, 1, 2]),
            vec![0, 5, 0, 0, 0, 0, 0, 5, 6]
        );
        // a dateline with an agency's credit opening the text; words before an organisation's
        // last word that the model took for a place belong to it
        let toks = [
            "PORTHAVEN",
            "(",
            "Reuters",
            ")",
            "-",
            "Island",
            "Link",
            "Ferries",
            "halted",
        ];
        assert_eq!(
            tidied(&toks, vec![3, 0, 3, 0, 0, 5, 0, 5, 0]),
            vec![5, 0, 3, 0, 0, 3, 4, 4, 0]
        );
        // a person's name ending in such a word is an organisation, unless it begins with a
        // listed given name
        let toks = ["Borderlands", "Power", "and", "Samantha", "Power", "spoke"];
        assert_eq!(
            tidied(&toks, vec![1, 2, 0, 1, 2, 0]),
            vec![3, 4, 0, 1, 2, 0]
        );
        // an organisation's last word makes the whole an organisation
        let toks = [
            "the",
            "Steelworkers",
            "Union",
            "and",
            "Brookfield",
            "Capital",
            "said",
        ];
        assert_eq!(
            tidied(&toks, vec![0, 0, 3, 0, 7, 8, 0]),
            vec![0, 3, 4, 0, 3, 4, 0]
        );
        // also where the model left the organisation's last word out
        assert_eq!(
            tidied(&toks, vec![0, 7, 0, 0, 0, 0, 0]),
            vec![0, 3, 4, 0, 0, 0, 0]
        );
        // capitalised words joined by `and` to an organisation's name
        let toks = ["the", "Health", "and", "Safety", "Executive", "said"];
        assert_eq!(
            tidied(&toks, vec![0, 7, 0, 7, 8, 0]),
            vec![0, 3, 4, 4, 4, 0]
        );
        // but two names joined by `and` stay two
        let toks = ["shares", "of", "Apple", "and", "Microsoft", "rose"];
        assert_eq!(
            tidied(&toks, vec![0, 0, 3, 4, 4, 0]),
            vec![0, 0, 3, 0, 3, 0]
        );
        // a clock time is no name
        let toks = ["at", "6.30am", "on", "Monday"];
        assert_eq!(tidied(&toks, vec![0, 7, 0, 0]), vec![0, 0, 0, 0]);
        // a title before a two-word name: a person, whatever the model said
        let toks = [
            "Mayor",
            "Alison",
            "Pritchard",
            "said",
            "General",
            "Motors",
            "Chief",
        ];
        assert_eq!(
            tidied(&toks, vec![7, 8, 8, 0, 3, 4, 0]),
            vec![0, 1, 2, 0, 3, 4, 0]
        );
        assert_eq!(english_role("Mayor").as_deref(), Some("mayor"));
        assert_eq!(english_role("directors").as_deref(), Some("director"));
        assert_eq!(english_role("barriers"), None);
        // German text is left as the model and rules tagged it
        let tagger = Tagger::default_for("de");
        assert!(!tagger.english);
        assert!(Tagger::default_for("en").english);
    }

    /// The labels after [`tidy_english`].
    fn tidied(toks: &[&str], mut labels: Vec<u8>) -> Vec<u8> {
        tidy_english(toks, &mut labels);
        labels
    }

    /// The labels after the rules.
    fn ruled(toks: &[&str], mut labels: Vec<u8>) -> Vec<u8> {
        apply_rules(toks, &mut labels);
        labels
    }

    #[test]
    fn rules_fix_obvious_cases() {
        let toks = [
            "Gestern", "traf", "Mark", "Rutte", "die", "Muster", "Bau", "GmbH",
        ];
        assert_eq!(ruled(&toks, vec![0; 8]), vec![0, 0, 1, 2, 0, 3, 4, 4]);

        // a street after `am`, `an der`, `in der`; not a listed common noun
        let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        let toks = words("Die Halle am Lindenweg und in der Gerberstraße");
        assert_eq!(ruled(&toks, vec![0; 8]), vec![0, 0, 0, 5, 0, 0, 0, 5]);
        let toks = words("Sie ist am Arbeitsplatz an der Landstraße");
        assert_eq!(ruled(&toks, vec![0; 7]), vec![0; 7]);
        // no one-word name after an indefinite article, unless a listed organisation
        let toks = words("Feuer auf einem Recyclinghof an Bord eines Airbus und an GmbHs");
        assert_eq!(
            ruled(&toks, vec![0, 0, 0, 5, 0, 0, 0, 3, 0, 0, 3]),
            vec![0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0]
        );
        // roads by their numbers; not a code without an article, nor a number of something else
        for (text, want) in [
            ("Die Bundesstraße 216 ist gesperrt", vec![0, 5, 6, 0, 0]),
            (
                "von den Autobahnen A 2 und A 7",
                vec![0, 0, 0, 5, 6, 0, 0, 0],
            ),
            ("Stau auf der B 29 bei Aalen", vec![0, 0, 0, 5, 6, 0, 5]),
            ("an der Autobahn A12 wurden", vec![0, 0, 0, 5, 0]),
            ("Typ A 7 und Seite 12", vec![0, 0, 0, 0, 0, 0]),
        ] {
            let toks = words(text);
            let mut labels = vec![0; toks.len()];
            if let Some(k) = toks.iter().position(|w| *w == "Aalen") {
                labels[k] = 5;
            }
            assert_eq!(ruled(&toks, labels), want, "{text}");
        }
        // the speaker alone after a speech verb that follows a quote or comma; not a plural
        // verb's subject, an organisation, a role noun or a word the verb does not end with
        for (text, want) in [
            (
                "„ Es reicht “ , warnte Vogel .",
                vec![0, 0, 0, 0, 0, 0, 1, 0],
            ),
            (
                "Es reicht , so Ketterer und lachte",
                vec![0, 0, 0, 0, 1, 0, 0],
            ),
            ("Es reicht , sagen Händler .", vec![0, 0, 0, 0, 0, 0]),
            ("Es reicht , so Verdi .", vec![0, 0, 0, 0, 0, 0]),
            ("Es reicht , sagte Bürgermeisterin Kroll .", vec![0; 7]),
        ] {
            let toks = words(text);
            assert_eq!(ruled(&toks, vec![0; toks.len()]), want, "{text}");
        }
        // a site noun before a name the model took for a person; not before a given name
        let toks = words("in der Genfer Villa La Grange verhandelt");
        assert_eq!(
            ruled(&toks, vec![0, 0, 0, 0, 1, 2, 0]),
            vec![0, 0, 0, 0, 5, 6, 0]
        );
        for (text, tagged, want) in [
            // a one-word place after a role or person noun is a person; not after other nouns
            (
                "Es sprach Prinzessin Victoria und Onkel Nikomedes in Ufer Lindau",
                vec![0, 0, 0, 5, 0, 0, 5, 0, 0, 5],
                vec![0, 0, 0, 1, 0, 0, 1, 0, 0, 5],
            ),
            // a two-word "person" ending in a listed place: a club or firm of that town; not
            // with a given name before the place
            (
                "Dann siegte Hansa Kiel gegen Anna Berlin",
                vec![0, 0, 1, 2, 0, 1, 2],
                vec![0, 0, 3, 4, 0, 1, 2],
            ),
            // a part of a town before a name
            (
                "Sie wohnt im Ortsteil Kessin",
                vec![0; 5],
                vec![0, 0, 0, 0, 5],
            ),
        ] {
            assert_eq!(ruled(&words(text), tagged), want, "{text}");
        }
        let toks = words("die Stadt Anna Berg lobte");
        assert_eq!(ruled(&toks, vec![0, 0, 1, 2, 0]), vec![0, 0, 1, 2, 0]);

        // a one-word person before an organisation begins its name; a given name does not
        // a geographic term makes a place; a double-barrelled family name is a person
        let toks = words("Sie bestiegen den Monte Müllo und den Cerro San Félix");
        assert_eq!(
            ruled(&toks, vec![0, 0, 0, 1, 2, 0, 0, 1, 2, 2]),
            vec![0, 0, 0, 5, 6, 0, 0, 5, 6, 6]
        );
        let toks = words("Dann sprach Müller-Scheessel und Baden-Württemberg stimmte zu");
        assert_eq!(
            ruled(&toks, vec![0, 0, 5, 0, 5, 0, 0]),
            vec![0, 0, 1, 0, 5, 0, 0]
        );
        let toks = words("Der Investor Ridgeline Capital will kaufen");
        assert_eq!(ruled(&toks, vec![0, 0, 1, 3, 0, 0]), vec![0, 0, 3, 4, 0, 0]);
        let toks = words("Dann sprach Anna Bundesbank zuerst");
        assert_eq!(ruled(&toks, vec![0, 0, 1, 3, 0]), vec![0, 0, 1, 3, 0]);

        // the long form before a tagged short form in brackets; never over a person, and not
        // where the letters do not fit
        let toks = words("Der Kommunale Arbeitgeberverband Niedersachsen ( KAV ) tagte");
        let mut labels = vec![0, 0, 0, 5, 0, 3, 0, 0];
        apply_rules(&toks, &mut labels);
        assert_eq!(labels, vec![0, 3, 4, 4, 0, 3, 0, 0]);
        let toks = words("Die Ständige Kommission für Fragen der Wirtschaft ( SKW ) tagte");
        let mut labels = vec![0; 11];
        labels[8] = 3;
        apply_rules(&toks, &mut labels);
        assert_eq!(labels, vec![0, 3, 4, 4, 4, 4, 4, 0, 3, 0, 0]);
        for (toks, labels) in [
            (
                words("sagte Sandra Pedersen ( SPD ) gestern"),
                vec![0, 1, 2, 0, 3, 0, 0],
            ),
            (
                words("sagte Anton Schmidt ( SPD ) gestern"),
                vec![0, 1, 2, 0, 3, 0, 0],
            ),
            (
                words("das Bruttoinlandsprodukt ( BIP ) stieg"),
                vec![0, 0, 0, 0, 0, 0],
            ),
            (
                words("die Halle Nord ( KAV ) brannte"),
                vec![0, 0, 0, 0, 3, 0, 0],
            ),
        ] {
            let mut ruled_labels = labels.clone();
            apply_rules(&toks, &mut ruled_labels);
            assert_eq!(ruled_labels, labels, "{toks:?}");
        }

        // a sentence-opening word ending like an adjective is no person, unless listed
        let toks = words("Mildernd wirkte sich der Regen aus");
        assert_eq!(ruled(&toks, vec![1, 0, 0, 0, 0, 0]), vec![0; 6]);
        let toks = words("Ludwig sagte dazu nichts");
        assert_eq!(ruled(&toks, vec![1, 0, 0, 0]), vec![1, 0, 0, 0]);

        // an article at the sentence's start is no part of a name, unless listed with it
        let toks = words("Die Stadtwerke Eichenau erhöhen die Preise");
        let mut labels = vec![3, 4, 4, 0, 0, 0];
        apply_rules(&toks, &mut labels);
        assert_eq!(labels, vec![0, 3, 4, 0, 0, 0]);
        // (sentence, the model's labels, the labels after the rules)
        let cases: [(&str, Vec<u8>, Vec<u8>); 12] = [
            // an article after a dateline's dash is no part of a name either, and a lower-case
            // word after it starts none
            (
                "Innsbruck – Die Tiroler Polizei ermittelt",
                vec![5, 0, 7, 8, 8, 0],
                vec![5, 0, 0, 7, 8, 0],
            ),
            (
                "Washington – Der deutsche Philosoph Jürgen Habermas wird 90",
                vec![5, 0, 7, 8, 8, 1, 2, 0, 0],
                vec![5, 0, 0, 0, 0, 1, 2, 0, 0],
            ),
            // a listed name of an article and an everyday word opening a sentence or clause is
            // the phrase, unless a verb of reporting follows; inside a sentence it is the name
            (
                "Die Ärzte kämpften um sein Leben",
                vec![3, 4, 0, 0, 0, 0],
                vec![0; 6],
            ),
            (
                "„ Die Zeit drängt “ , sagte sie",
                vec![0, 3, 4, 0, 0, 0, 0, 0],
                vec![0; 8],
            ),
            (
                "Ansonsten verspricht er : Der Plan ist einfach",
                vec![0, 0, 0, 0, 3, 4, 0, 0],
                vec![0; 8],
            ),
            (
                "Die Zeit berichtet über den Plan",
                vec![3, 4, 0, 0, 0, 0],
                vec![3, 4, 0, 0, 0, 0],
            ),
            (
                "Das Konzert von Die Ärzte fiel aus",
                vec![0, 0, 0, 3, 4, 0, 0],
                vec![0, 0, 0, 3, 4, 0, 0],
            ),
            // a person's name ends before a listed common noun after a genitive or a
            // lower-case word
            (
                "Putins Software hat Lücken",
                vec![1, 2, 0, 0],
                vec![1, 0, 0, 0],
            ),
            (
                "Jay-Jay zur Meisterschaft geführt",
                vec![1, 2, 2, 0],
                vec![1, 0, 0, 0],
            ),
            (
                "Karl-Theodor zu Guttenberg sagte",
                vec![1, 2, 2, 0],
                vec![1, 2, 2, 0],
            ),
            // a number after a listed organisation is no part of it, unless listed with it
            (
                "die Grünen 11 und die Linke 7",
                vec![0, 3, 4, 0, 0, 3, 4],
                vec![0, 3, 0, 0, 0, 3, 0],
            ),
            (
                "gegen Hannover 96 verloren",
                vec![0, 3, 4, 0],
                vec![0, 3, 4, 0],
            ),
        ];
        for (sentence, model, want) in cases {
            assert_eq!(ruled(&words(sentence), model), want, "{sentence}");
        }

        // a listed place in a dateline; in running text the model decides (`Genf` left O)
        let toks = ["GENF", "–", "Die", "Verhandlungen", "in", "Genf"];
        assert_eq!(ruled(&toks, vec![0, 0, 0, 3, 0, 0]), vec![5, 0, 0, 0, 0, 0]);

        // a one-word person that is a listed organisation becomes one, unless it is also a
        // listed family name, which companies often bear
        assert_eq!(
            ruled(&["wie", "Axios", "berichtet"], vec![0, 1, 0]),
            vec![0, 3, 0]
        );
        let toks = ["Damals", "sprach", "Porsche", "über", "Motoren"];
        assert_eq!(ruled(&toks, vec![0, 0, 1, 0, 0]), vec![0, 0, 1, 0, 0]);

        // a listed organisation in a dateline, taken for another kind of name
        let toks = ["WALL", "STREET", "JOURNAL", "--", "Ein", "Treffen"];
        let mut labels = vec![7u8, 8, 8, 8, 0, 0];
        apply_rules(&toks, &mut labels);
        assert_eq!(labels, vec![3, 4, 4, 0, 0, 0]);
        // a listed organisation's compound is no person
        let toks = ["Leiter", "ZDF-Studio", "Brüssel"];
        let mut labels = vec![0u8, 1, 5];
        apply_rules(&toks, &mut labels);
        assert_eq!(labels, vec![0, 3, 5]);
        // given name, particles, name
        let toks = [
            "mit", "Ursula", "von", "der", "Leyen", "und", "Anna", "das", "Haus",
        ];
        let mut labels = vec![0u8, 1, 0, 0, 3, 0, 0, 0, 0];
        apply_rules(&toks, &mut labels);
        assert_eq!(labels, vec![0, 1, 2, 2, 2, 0, 0, 0, 0]);
        // only a part of a declined listed name tagged
        let toks = [
            "Chef",
            "des",
            "Bundesverbands",
            "der",
            "Deutschen",
            "Industrie",
            "sagte",
        ];
        let mut labels = vec![0u8, 0, 0, 0, 3, 4, 0];
        apply_rules(&toks, &mut labels);
        assert_eq!(labels, vec![0, 0, 3, 4, 4, 4, 0]);
        // left out entirely
        let toks = ["Sie", "las", "das", "Wall", "Street", "Journal"];
        let mut labels = vec![0u8; 6];
        apply_rules(&toks, &mut labels);
        assert_eq!(labels, vec![0, 0, 0, 3, 4, 4]);
    }
}
