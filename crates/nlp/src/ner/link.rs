//! From tagged spans to the entities of one article: roles and within-article linking.
//!
//! Roles come from the words around a person's name:
//! - a role noun or compound right before it (`Kreml-Berater Juri Uschakow`,
//!   `US-Außenminister Marco Rubio`, `Putins Berater Uschakow`), with an adjective before the
//!   role kept as a second form (`der russische Präsident Wladimir Putin` → `Präsident`,
//!   `russischer Präsident`); names joined by `und` share such a role;
//! - an apposition after it (`Mark Rutte, Nato-Generalsekretär`, `Rutte, der Generalsekretär`);
//! - an apposition before it, closed by a comma (`der Schwiegersohn und Berater von …, Jared
//!   Kushner,`).
//!
//! Compounds are kept and their head added (`Kreml-Berater` and `Berater`).
//!
//! Linking: full names first; a surname-only mention (`Putin`), a genitive (`Putins`) or a
//! shorter form joins the full name whose last words it matches. A name tagged with another
//! type elsewhere in the article takes the type of the majority of its mentions. Role-only
//! mentions (`der Kremlchef`, `der russische Präsident`) join the one person of the article
//! who holds that role (directly or through `resources/de/role_equivalents.txt`).

use super::gazetteer::{flag, inflection_key, title_case, Gazetteer};
use super::{is_cap_word, label_of, label_type, Tagger};
use crate::tokenize::data_lines;
use lagebild_model::{slice_chars, Entity, EntityType, Mention, MentionKind, Sentence, Span};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

/// A name mention before linking.
#[derive(Debug, Clone)]
struct RawMention {
    span: Span,
    words: Vec<String>,
    kind: EntityType,
    roles: Vec<String>,
}

/// A role noun not attached to a name, as a candidate role-only mention.
#[derive(Debug, Clone)]
struct RoleMention {
    span: Span,
    text: String,
    keys: Vec<String>,
}

const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "sein", "seine", "seinem", "seinen", "seines", "ihr", "ihre", "ihrem", "ihren", "ihres",
    "dessen", "deren",
];

/// German words before a noun that never stand before a person's name, besides
/// [`DETERMINERS`]: `kein`, `jeder`, `dieser` and their forms.
const NOUN_DETERMINERS: &[&str] = &[
    "kein", "keine", "keinen", "keinem", "keiner", "keines", "jede", "jeden", "jedem", "jeder",
    "jedes", "diese", "diesen", "diesem", "dieser", "dieses", "jene", "jenen", "jenem", "jener",
    "jenes", "welche", "welchen", "welchem", "welcher", "welches", "unser", "unsere", "unseren",
    "unserem", "unserer", "euer", "eure", "mein", "meine", "meinen", "meinem", "meiner", "dein",
    "deine",
];

/// Lower-case with hyphens removed (`Kreml-Chef` → `kremlchef`).
fn role_key(s: &str) -> String {
    s.to_lowercase().replace('-', "")
}

/// Role classes: key → class id.
fn equivalents() -> &'static HashMap<String, usize> {
    static E: OnceLock<HashMap<String, usize>> = OnceLock::new();
    E.get_or_init(|| {
        let mut m = HashMap::new();
        for (i, line) in
            data_lines(include_str!("../../resources/de/role_equivalents.txt")).enumerate()
        {
            for p in line.split('|') {
                m.insert(role_key(p.trim()), i);
            }
        }
        m
    })
}

fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// An adjective before a role noun (`russische`, `ukrainischen`) in its `-er` form.
fn adjective_form(w: &str) -> Option<String> {
    if !w.chars().next().is_some_and(char::is_lowercase) || w.chars().count() < 5 {
        return None;
    }
    if crate::stopwords::is_stopword("de", w) || DETERMINERS.contains(&w) {
        return None;
    }
    let stem = w
        .strip_suffix("en")
        .or_else(|| w.strip_suffix("er"))
        .or_else(|| w.strip_suffix("es"))
        .or_else(|| w.strip_suffix('e'))?;
    const ENDINGS: &[&str] = &[
        "sch", "lich", "ig", "al", "iv", "är", "ell", "end", "iert", "maliger", "ehemalig",
    ];
    ENDINGS
        .iter()
        .any(|e| stem.ends_with(e))
        .then(|| format!("{stem}er"))
}

/// True for a capitalised adjective with a case ending, as in names (`Kommunale`,
/// `Deutscher`, `Industrieller`; see [`adjective_form`]), that is no listed common noun
/// (`Signale`).
fn declined_adjective(g: &Gazetteer, w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && !g.is_common_noun(w)
        && adjective_form(&w.to_lowercase()).is_some()
}

/// The role forms of a role word: the word in base form, its head if different (English
/// roles: the word in lower case and singular).
fn role_forms(g: &Gazetteer, w: &str, english: bool) -> Vec<String> {
    if english {
        if let Some(r) = super::english_role(w) {
            return vec![r];
        }
    }
    let Some((base, head)) = g.person_role(w) else {
        return Vec::new();
    };
    let mut out = vec![base.clone()];
    // the head of a feminine form in its feminine form (`Feuerwehrsprecherin` → `Sprecherin`)
    let feminine = format!("{head}in");
    let head = if base.to_lowercase().ends_with(&feminine) {
        capitalise(&feminine)
    } else {
        capitalise(&head)
    };
    if role_key(&head) != role_key(&base) {
        out.push(head);
    }
    out
}

/// An English role of several words in lower case, the last in the singular (`Chief
/// Executive` → `chief executive`).
fn english_role_phrase(words: &[&str]) -> String {
    let n = words.len();
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let low = w.to_lowercase();
            if i + 1 == n {
                super::english_role(w).unwrap_or(low)
            } else {
                low
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// English capitalises every sentence's first word: a one-word entity there whose word is no
/// entity anywhere else in the article, and which no list of names knows, is no name (`Flood
/// barriers hold …`, `Analysts expect …`, also after an opening quotation mark: `"Nobody
/// wanted …`); words in capitals (datelines) stay.
fn drop_initial_capitals(tagged: &mut [(Vec<String>, Vec<u8>)], g: &Gazetteer) {
    // the sentence's first word, after any opening punctuation
    let first_word = |words: &[String]| {
        words
            .iter()
            .position(|w| w.chars().any(char::is_alphanumeric))
            .unwrap_or(0)
    };
    let elsewhere: std::collections::HashSet<String> = tagged
        .iter()
        .flat_map(|(words, labels)| {
            words
                .iter()
                .zip(labels)
                .skip(first_word(words) + 1)
                .filter(|(_, &l)| l != 0)
                .map(|(w, _)| w.to_lowercase())
        })
        .collect();
    let names =
        flag::FIRST | flag::SURNAME | flag::PLACE | flag::PLACE_PART | flag::ORG | flag::ORG_PART;
    for (words, labels) in tagged.iter_mut() {
        let f = first_word(words);
        let (words, labels) = (&words[f..], &mut labels[f..]);
        let single = labels.first().is_some_and(|&l| l != 0 && l % 2 == 1)
            && labels.get(1).is_none_or(|&l| l == 0 || l % 2 == 1);
        let w = words.first().map_or("", String::as_str);
        let capitals = w.chars().all(|c| !c.is_lowercase());
        // a listed name saves a place or organisation; a person is named in full first, so a
        // lone `Storm` heading the text is no person even if the lists know the surname
        let person = labels
            .first()
            .is_some_and(|&l| label_type(l) == Some(EntityType::Per));
        let listed = !person && g.flags(&[w])[0] & names != 0;
        if single && !capitals && !listed && !elsewhere.contains(&w.to_lowercase()) {
            labels[0] = 0;
        }
        // `Residents of Merrow Island`: a sentence-opening word before `of` that is no name
        // anywhere else and no list knows is a common noun; the name starts after `of`
        let of = words.get(1).is_some_and(|x| x == "of");
        if of
            && labels.len() > 2
            && labels[0] != 0
            && labels[0] % 2 == 1
            && labels[1] == labels[0] + 1
            && labels[2] == labels[0] + 1
            && !capitals
            && g.flags(&[w])[0] & names == 0
            && !elsewhere.contains(&w.to_lowercase())
            && !super::english_name_word(w)
        {
            labels[2] = labels[0];
            labels[0] = 0;
            labels[1] = 0;
        }
    }
}

/// English: a "person", organisation or other name of up to three words right before a role
/// word and a person's name qualifies the role (`Rail minister Catherine Aldous`, `Labour leader
/// …`, `German Economy Minister Henrike Vossberg`, `Polish Foreign Minister …`) and is no name;
/// a place stays (`Brazil President …`). So is a "name" ending in the role word right before
/// the person's name (`Majority Leader Chuck Schumer`).
fn drop_role_qualifiers(tagged: &mut [(Vec<String>, Vec<u8>)]) {
    for (words, labels) in tagged.iter_mut() {
        for (a, b, t) in super::spans(labels) {
            let role_then_person = words
                .get(b)
                .is_some_and(|w| super::english_role(w).is_some())
                && labels
                    .get(b + 1)
                    .is_some_and(|&l| label_type(l) == Some(EntityType::Per));
            // a "name" that ends in the role word itself (`Senate Majority Leader Chuck
            // Schumer`, the model's `Majority Leader` before the person)
            let ends_in_role = super::english_role(&words[b - 1]).is_some()
                && labels
                    .get(b)
                    .is_some_and(|&l| l == label_of(EntityType::Per, true));
            if t != EntityType::Loc && b - a <= 3 && (role_then_person || ends_in_role) {
                labels[a..b].iter_mut().for_each(|l| *l = 0);
            }
        }
    }
}

/// A one-word "person" whose word the same article writes right after an article or
/// determiner, untagged (`die Pacht` beside `keinen Cent Pacht mehr`), is a common noun: news
/// write no article before a person's name. The surname of a person named in full stays. So
/// is a one-word name of any kind that the article writes after an indefinite article.
fn drop_determined_names(tagged: &mut [(Vec<String>, Vec<u8>)]) {
    let mut determined: std::collections::HashSet<&str> = Default::default();
    let mut indefinite: std::collections::HashSet<String> = Default::default();
    let mut surnames: std::collections::HashSet<&str> = Default::default();
    for (words, labels) in tagged.iter() {
        for k in 1..words.len() {
            let before = words[k - 1].to_lowercase();
            if labels[k] == 0 && DETERMINERS.contains(&before.as_str()) {
                determined.insert(words[k].as_str());
                if super::is_german_indefinite(&before) {
                    indefinite.insert(words[k].clone());
                }
            }
        }
        for (a, b, t) in super::spans(labels) {
            if t == EntityType::Per && b - a >= 2 {
                surnames.insert(words[b - 1].as_str());
            }
        }
    }
    let drop: std::collections::HashSet<String> = determined
        .difference(&surnames)
        .map(|w| w.to_string())
        .collect();
    if drop.is_empty() {
        return;
    }
    for (words, labels) in tagged.iter_mut() {
        for (a, b, t) in super::spans(labels) {
            // any one-word name the article also writes after an indefinite article is the
            // noun (`Brand in Recyclinghof` over `auf einem Recyclinghof`)
            let noun = (t == EntityType::Per && drop.contains(&words[a]))
                || indefinite.contains(&words[a]);
            if b - a == 1 && noun {
                labels[a] = 0;
            }
        }
    }
}

/// German: an institution word right before a place the tagger found makes one organisation
/// with it (`im Klinikum Kempten`, `die Stadtwerke Norderstedt`), unless the place is in the
/// genitive (`die Schule Sachsens`: a listed place with an `s`, or a name ending in `-ens`);
/// a trade noun right before any name does too (`die Molkerei Sonnhalde`, `das Bankhaus
/// Lindemann`, [`Gazetteer::is_trade_noun`]).
fn institutions_at_places(tagged: &mut [(Vec<String>, Vec<u8>)], g: &Gazetteer) {
    for (words, labels) in tagged.iter_mut() {
        for (a, b, t) in super::spans(labels) {
            // a trade noun heads a firm's name before any name (`die Molkerei Sonnhalde`)
            if a > 0
                && labels[a - 1] == 0
                && is_cap_word(&words[a - 1])
                && g.is_trade_noun(&words[a - 1])
            {
                labels[a - 1] = label_of(EntityType::Org, true);
                for l in &mut labels[a..b] {
                    *l = label_of(EntityType::Org, false);
                }
                continue;
            }
            if t != EntityType::Loc || a == 0 || labels[a - 1] != 0 {
                continue;
            }
            let w = &words[a - 1];
            let institution = is_cap_word(w) && g.is_place_org_head(w);
            let last = &words[b - 1];
            let genitive = last
                .strip_suffix('s')
                .is_some_and(|stem| g.is_place(stem) || last.ends_with("ens"));
            if institution && !genitive {
                // with a capitalised adjective before it (`der Kommunale Arbeitgeberverband
                // Niedersachsen`)
                let first = if a >= 2 && labels[a - 2] == 0 && declined_adjective(g, &words[a - 2])
                {
                    a - 2
                } else {
                    a - 1
                };
                for (k, l) in labels.iter_mut().enumerate().take(b).skip(first) {
                    *l = label_of(EntityType::Org, k == first);
                }
            }
        }
    }
}

/// German: an association followed by the people or firms it gathers in the genitive plural
/// is one organisation (`der Bundesverband Industrieller Gasverbraucher`, `der Verein
/// Deutscher Ingenieure`): an organisation word ([`Gazetteer::is_org_word`], also in the
/// genitive: `des Bundesverbands …`), a capitalised adjective in `-er` and a capitalised noun,
/// all untagged, with a capitalised adjective before them (`Kommunaler`) too.
fn genitive_bodies(tagged: &mut [(Vec<String>, Vec<u8>)], g: &Gazetteer) {
    for (words, labels) in tagged.iter_mut() {
        genitive_bodies_in(words, labels, g);
    }
}

/// [`genitive_bodies`] in one sentence.
fn genitive_bodies_in(words: &[String], labels: &mut [u8], g: &Gazetteer) {
    let mut k = 0;
    while k + 2 < words.len() {
        let (head, adj, noun) = (&words[k], &words[k + 1], &words[k + 2]);
        let fits = labels[k..k + 3].iter().all(|&l| l == 0)
            && is_cap_word(head)
            && (g.is_org_word(head) || genitive_body_base(g, head).is_some())
            && adj.ends_with("er")
            && declined_adjective(g, adj)
            && is_cap_word(noun)
            && !declined_adjective(g, noun);
        if !fits {
            k += 1;
            continue;
        }
        let end = k + 3;
        let first = if k >= 1 && labels[k - 1] == 0 && declined_adjective(g, &words[k - 1]) {
            k - 1
        } else {
            k
        };
        for (j, l) in labels.iter_mut().enumerate().take(end).skip(first) {
            *l = label_of(EntityType::Org, j == first);
        }
        k = end;
    }
}

/// German: words the tagger left out that name one organisation in news all the same: the
/// one-word name of a public body (`das Finanzministerium`, `des Landtags`,
/// [`Gazetteer::is_public_body`]), a unit of a listed organisation (`die CDU-Fraktion`,
/// [`Gazetteer::is_org_unit`]), a listed organisation's one-word name that cannot be a word of
/// the language (`der EU-Kommission`: see [`unambiguous_org`]), and
/// the quoted name of a group after the noun for its kind (`die Bürgerinitiative „Gute Luft für
/// Langendamm“`, [`Gazetteer::names_by_quote`]).
fn named_bodies(tagged: &mut [(Vec<String>, Vec<u8>)], g: &Gazetteer) {
    let org = |begin| label_of(EntityType::Org, begin);
    for (words, labels) in tagged.iter_mut() {
        for k in 0..words.len() {
            if labels[k] == 0
                && (g.is_public_body(&words[k])
                    || g.is_org_unit(&words[k])
                    || unambiguous_org(g, &words[k]))
            {
                labels[k] = org(true);
            }
        }
        for k in 0..words.len().saturating_sub(2) {
            if !g.names_by_quote(&words[k]) || !matches!(words[k + 1].as_str(), "„" | "\"" | "»")
            {
                continue;
            }
            let close = (k + 2..words.len().min(k + 11))
                .find(|&j| matches!(words[j].as_str(), "“" | "\"" | "«"));
            let Some(close) = close else {
                continue;
            };
            let inner = k + 2..close;
            if inner.is_empty()
                || !words[k + 2].starts_with(char::is_uppercase)
                || words[inner.clone()]
                    .iter()
                    .any(|w| matches!(w.as_str(), "." | "!" | "?" | ","))
            {
                continue;
            }
            for j in inner {
                labels[j] = org(j == k + 2);
            }
        }
    }
}

/// True for a listed one-word organisation that no word of the language shares: one written
/// with a hyphen (`EU-Kommission`, `Hertha-BSC`) and no listed common noun. Others are often
/// words too (`Welt`, `Stern`, `Allianz`) or name a kind of body of which there are many
/// (`Staatsanwaltschaft`).
fn unambiguous_org(g: &Gazetteer, w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.contains('-')
        && g.is_org(w)
        && !g.is_common_noun(w)
        && !g.is_not_entity(w)
}

/// The listed organisation that opens a role compound (`SPD-Fraktionschef`,
/// `Grünen-Politikerin`, `Nato-Generalsekretär`, `Welt-Chefredakteurin`): the person's
/// organisation, which the article thereby names. Before a role, a listed name that is also a
/// word (`Welt`, `Grünen`) is the organisation.
fn org_of_role_compound<'w>(g: &Gazetteer, w: &'w str) -> Option<&'w str> {
    let (head, tail) = w.split_once('-')?;
    (!tail.is_empty() && g.is_org(head)).then_some(head)
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

/// Entities of an article: tag every sentence, attach roles, link mentions into entities.
pub fn entities(tagger: &Tagger<'_>, text: &str, sentences: &[Sentence]) -> Vec<Entity> {
    let g = Gazetteer::get();
    let chars: Vec<char> = text.chars().collect();
    let word = |sp: Span| -> String {
        chars[sp.start.min(chars.len())..sp.end.min(chars.len())]
            .iter()
            .collect()
    };
    let mut mentions: Vec<RawMention> = Vec::new();
    let mut role_mentions: Vec<RoleMention> = Vec::new();
    let mut word_flags: Vec<Vec<u16>> = Vec::with_capacity(sentences.len());
    let mut tagged: Vec<(Vec<String>, Vec<u8>)> = sentences
        .iter()
        .map(|s| {
            let words: Vec<String> = s.tokens.iter().map(|t| word(t.span)).collect();
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let (labels, flags) = tagger.tag_flagged(&refs);
            word_flags.push(flags);
            (words, labels)
        })
        .collect();
    propagate_surnames(&mut tagged);
    propagate_names(&mut tagged);
    let english = tagger.english;
    if english {
        drop_initial_capitals(&mut tagged, g);
        drop_role_qualifiers(&mut tagged);
    } else {
        drop_determined_names(&mut tagged);
        institutions_at_places(&mut tagged, g);
        genitive_bodies(&mut tagged, g);
        named_bodies(&mut tagged, g);
    }
    for ((s, (words, labels)), mut flags) in sentences.iter().zip(&tagged).zip(word_flags) {
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        // the nouns that say who a person is, also beyond the tagger's role list
        for (f, w) in flags.iter_mut().zip(&refs) {
            let role = if english {
                super::english_role(w).is_some()
            } else {
                *f & flag::ROLE == 0 && g.is_person_noun(w)
            };
            if role {
                *f |= flag::ROLE;
            }
        }
        let determiner = |w: &str| {
            let w = w.to_lowercase();
            DETERMINERS.contains(&w.as_str())
                || (english && matches!(w.as_str(), "the" | "a" | "an" | "'s" | "’s"))
        };
        let mut used_roles = vec![false; refs.len()];
        let mut spans = super::spans(labels);
        // a person span never starts with a role noun or a listed common noun
        for sp in &mut spans {
            while sp.2 == EntityType::Per
                && sp.0 < sp.1
                && flags[sp.0] & (flag::ROLE | flag::NOT_ENTITY) != 0
            {
                sp.0 += 1;
            }
            // but a role noun after a given name alone is the family name (`Mandy Richter`,
            // `Thomas Kaiser`)
            let surname_after_given = |sp: &(usize, usize, EntityType)| {
                sp.1 == sp.0 + 2
                    && flags[sp.0] & flag::FIRST != 0
                    && flags[sp.1 - 1] & flag::NOT_ENTITY == 0
            };
            while sp.2 == EntityType::Per
                && sp.0 < sp.1
                && flags[sp.1 - 1] & (flag::ROLE | flag::NOT_ENTITY) != 0
                && !surname_after_given(sp)
            {
                sp.1 -= 1;
            }
        }
        spans.retain(|sp| sp.0 < sp.1);
        let mut prev_pre_roles: Option<(usize, Vec<String>)> = None;
        for &(a, b, kind) in &spans {
            let span = Span::new(s.tokens[a].span.start, s.tokens[b - 1].span.end);
            let mut roles = Vec::new();
            if kind == EntityType::Per {
                let mut pre = Vec::new();
                // English roles of several words as listed: `Prime Minister Keir Starmer`,
                // `Secretary of State Marco Rubio`
                let listed = english
                    .then(|| super::english_role_phrase_before(&refs, a))
                    .flatten()
                    .filter(|&st| labels[st..a].iter().all(|&l| l == 0));
                if let Some(st) = listed {
                    let st = super::english_title_start(&refs, labels, st);
                    push_unique(&mut pre, english_role_phrase(&refs[st..a]));
                    used_roles[st..a].iter_mut().for_each(|u| *u = true);
                } else if a > 0 && flags[a - 1] & flag::ROLE != 0 {
                    // role right before: `Kreml-Berater Juri Uschakow`
                    // English roles of several words: `chief executive Daniel Hale`,
                    // `Transport Secretary Louise Haigh`
                    let mut st = a - 1;
                    while english
                        && st > 0
                        && flags[st - 1] & flag::ROLE != 0
                        && labels[st - 1] == 0
                    {
                        st -= 1;
                    }
                    if english {
                        st = super::english_title_start(&refs, labels, st);
                    }
                    if st + 1 < a {
                        push_unique(&mut pre, english_role_phrase(&refs[st..a]));
                        used_roles[st..a].iter_mut().for_each(|u| *u = true);
                    }
                    for f in role_forms(g, refs[a - 1], english)
                        .into_iter()
                        .filter(|_| st + 1 == a)
                    {
                        push_unique(&mut pre, f);
                    }
                    if a > 1 {
                        if let Some(adj) = adjective_form(refs[a - 2]) {
                            if let Some((_, head)) = g.person_role(refs[a - 1]) {
                                push_unique(&mut pre, format!("{adj} {}", capitalise(&head)));
                            }
                        }
                        // a capitalised adjective after an article is part of a title (`die
                        // Ärztliche Direktorin`, `der Kaufmännische Geschäftsführer`)
                        let lower = refs[a - 2].to_lowercase();
                        if !english
                            && a > 2
                            && refs[a - 2].starts_with(char::is_uppercase)
                            && determiner(refs[a - 3])
                            && adjective_form(&lower).is_some()
                        {
                            pre.insert(0, format!("{} {}", refs[a - 2], refs[a - 1]));
                        }
                    }
                    used_roles[a - 1] = true;
                }
                // `Uschakow und Dmitrijew` share `Kreml-Berater`
                if pre.is_empty() && a > 0 && refs[a - 1] == "und" {
                    if let Some((end, r)) = &prev_pre_roles {
                        if *end + 1 == a {
                            pre = r.clone();
                        }
                    }
                }
                let pre_det = (a >= 2)
                    .then(|| {
                        refs[a.saturating_sub(3)..a - 1]
                            .iter()
                            .rev()
                            .find(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
                            .map(|w| w.to_lowercase())
                    })
                    .flatten();
                let post_det = (b + 1 < refs.len() && refs[b] == ",")
                    .then(|| refs[b + 1].to_lowercase())
                    .filter(|w| DETERMINERS.contains(&w.as_str()));
                // `ließ der russische Präsident Steve Witkoff, den Sondergesandten, …`:
                // the role before belongs to someone else when the cases disagree
                if let (Some(x), Some(y)) = (&pre_det, &post_det) {
                    if x != y {
                        pre.clear();
                    }
                }
                roles.extend(pre.iter().cloned());
                prev_pre_roles = (!pre.is_empty()).then_some((b, pre));
                // apposition after: `Mark Rutte, Nato-Generalsekretär` / `, der Sprecher`
                if b < refs.len() && refs[b] == "," {
                    let mut k = b + 1;
                    let mut skipped = 0;
                    // English appositions: `Tom Okafor, the agency's regional director`
                    // (a lower-case word that is no role may not open it: `X, told
                    // reporters` is a verb's object)
                    // (a first lower-case word that is no role opens one only when a role
                    // follows it: `Neil Brannigan, duty commander for …`; an age before the
                    // apposition is skipped: `Alan Pritchard, 76, a retired lorry driver`)
                    // (a plural after it is an object: `Claudia Rendl, told reporters`)
                    let role_ahead = |k: usize| {
                        k + 1 < refs.len()
                            && flags[k + 1] & flag::ROLE != 0
                            && !refs[k + 1].ends_with('s')
                    };
                    let filler = |k: usize, w: &str| {
                        determiner(w)
                            || adjective_form(w).is_some()
                            || (english
                                && (k > b + 1 || role_ahead(k))
                                && w.chars().all(char::is_lowercase)
                                && super::english_role(w).is_none())
                            || (english && w.chars().next().is_some_and(char::is_uppercase))
                            || (english && (w.ends_with("'s") || w.ends_with("’s")))
                            || (english
                                && k + 1 < refs.len()
                                && refs[k + 1] == ","
                                && w.chars().all(|c| c.is_ascii_digit()))
                            || (english
                                && k > b + 1
                                && w == ","
                                && refs[k - 1].chars().all(|c| c.is_ascii_digit()))
                    };
                    while k < refs.len()
                        && skipped < if english { 5 } else { 3 }
                        && filler(k, refs[k])
                    {
                        k += 1;
                        skipped += 1;
                    }
                    // `the mayor's husband`: the role is someone else's; so is one right
                    // before another person's name (`Die Verteidigerin von Anja L.,
                    // Rechtsanwältin Miriam Sattler`)
                    let owned = refs.get(k + 1).is_some_and(|w| matches!(*w, "'s" | "’s"))
                        || labels
                            .get(k + 1)
                            .is_some_and(|&l| label_type(l) == Some(EntityType::Per));
                    // `said Owen Marsh, the port's harbour master and the operator's chief
                    // engineer`: English lists people so; the roles may be others'
                    let listed = english && {
                        let mut e = k;
                        while e < refs.len() && flags[e] & flag::ROLE != 0 {
                            e += 1;
                        }
                        refs.get(e) == Some(&"and")
                    };
                    if k < refs.len()
                        && flags[k] & flag::ROLE != 0
                        && labels[k] == 0
                        && !owned
                        && !listed
                    {
                        // English roles of several words: `the company's chief executive`
                        let mut en = k + 1;
                        while english
                            && en < refs.len()
                            && flags[en] & flag::ROLE != 0
                            && labels[en] == 0
                        {
                            en += 1;
                        }
                        // English: the lower-case words before the role noun belong to it
                        // (`the shadow energy secretary`, `a retired lorry driver`)
                        let mut st = k;
                        while english
                            && st > b + 1
                            && refs[st - 1].chars().all(char::is_lowercase)
                            && !determiner(refs[st - 1])
                        {
                            st -= 1;
                        }
                        if en > st + 1 {
                            push_unique(&mut roles, english_role_phrase(&refs[st..en]));
                            used_roles[st..en].iter_mut().for_each(|u| *u = true);
                        } else {
                            for f in role_forms(g, refs[k], english) {
                                push_unique(&mut roles, f);
                            }
                            used_roles[k] = true;
                        }
                    }
                }
                // apposition before, closed by the comma: `der Schwiegersohn und Berater
                // von X, Jared Kushner,`
                let closed = b >= refs.len() || matches!(refs[b], "," | "." | "(" | ";");
                if a > 1 && refs[a - 1] == "," && closed {
                    let mut j = a - 1;
                    let mut start = None;
                    while j > 0 && a - j < 14 {
                        j -= 1;
                        if matches!(refs[j], "," | ";" | ":" | "." | "„" | "“" | "\"") {
                            break;
                        }
                        if flags[j] & flag::ROLE != 0
                            && j > 0
                            && (english || determiner(refs[j - 1]))
                        {
                            start = Some(j);
                        }
                    }
                    // English: a listed role of several words (`The prime minister, Keir
                    // Starmer`)
                    let listed = english
                        .then(|| super::english_role_phrase_before(&refs, a - 1))
                        .flatten();
                    if let Some(st) = listed {
                        push_unique(&mut roles, english_role_phrase(&refs[st..a - 1]));
                        used_roles[st..a - 1].iter_mut().for_each(|u| *u = true);
                    } else if let Some(st) = start {
                        let mut k = st;
                        while k < a - 1 && flags[k] & flag::ROLE != 0 {
                            for f in role_forms(g, refs[k], english) {
                                push_unique(&mut roles, f);
                            }
                            used_roles[k] = true;
                            // coordinated roles: `Schwiegersohn und Berater`
                            if k + 2 < a - 1 && refs[k + 1] == "und" {
                                k += 2;
                            } else {
                                break;
                            }
                        }
                    }
                }
            } else {
                prev_pre_roles = None;
            }
            let mut words: Vec<String> = refs[a..b].iter().map(|w| w.to_string()).collect();
            if !english
                && kind == EntityType::Org
                && a > 0
                && matches!(refs[a - 1], "des" | "eines")
            {
                if let Some(base) = genitive_body_base(g, &words[0]) {
                    words[0] = base;
                }
            }
            if !english && kind == EntityType::Org && a > 0 {
                strong_adjectives(g, refs[a - 1], &mut words);
            }
            mentions.push(RawMention {
                span,
                words,
                kind,
                roles,
            });
        }
        // German: the organisation opening a role compound (`SPD-Fraktionschef Jonas
        // Petersen`) is named by the article
        for k in 0..refs.len() {
            if english || labels[k] != 0 || flags[k] & flag::ROLE == 0 {
                continue;
            }
            if let Some(head) = org_of_role_compound(g, refs[k]) {
                let start = s.tokens[k].span.start;
                mentions.push(RawMention {
                    span: Span::new(start, start + head.chars().count()),
                    words: vec![head.to_string()],
                    kind: EntityType::Org,
                    roles: Vec::new(),
                });
            }
        }
        // role nouns standing alone: candidates for role-only mentions
        for k in 0..refs.len() {
            if flags[k] & flag::ROLE == 0 || used_roles[k] || labels[k] != 0 {
                continue;
            }
            if k + 1 < refs.len() && labels[k + 1] != 0 {
                continue;
            }
            let Some((base, head)) = g.person_role(refs[k]) else {
                continue;
            };
            let mut keys = vec![role_key(&base)];
            let mut start = k;
            if k > 0 {
                if let Some(adj) = adjective_form(refs[k - 1]) {
                    keys.push(role_key(&format!("{adj} {head}")));
                    start = k - 1;
                }
            }
            // `ein Sprecher des Ministeriums` introduces someone new; only a definite role
            // phrase refers back.
            let indefinite = start > 0 && {
                let w = refs[start - 1].to_lowercase();
                super::is_german_indefinite(&w) || matches!(w.as_str(), "a" | "an")
            };
            if indefinite || names_a_group(&refs, start, k, &base) {
                continue;
            }
            role_mentions.push(RoleMention {
                span: Span::new(s.tokens[start].span.start, s.tokens[k].span.end),
                text: refs[start..=k].join(" "),
                keys,
            });
        }
    }
    link(mentions, role_mentions, text)
}

/// Working entity during linking.
struct Building {
    words: Vec<String>,
    kind: EntityType,
    type_votes: BTreeMap<EntityType, usize>,
    aliases: Vec<String>,
    roles: Vec<String>,
    mentions: Vec<Mention>,
}

impl Building {
    /// The entity's name; a place known only from a dateline in capitals (`KELSHAM`,
    /// `BADEN-BADEN`) is written in title case (names of three letters or fewer stay: `USA`).
    fn name(&self) -> String {
        let long = |w: &String| w.chars().filter(|c| c.is_alphabetic()).count() >= 4;
        if self.kind == EntityType::Loc && in_capitals(&self.words) && self.words.iter().all(long) {
            let words: Option<Vec<String>> = self.words.iter().map(|w| title_case(w)).collect();
            if let Some(words) = words {
                return words.join(" ");
            }
        }
        self.words.join(" ")
    }
}

/// Does a mention's words refer to the entity with full name `full`? Exact, or the
/// mention is the tail of the name (`Putin` of `Wladimir Putin`), also in the genitive.
fn matches_name(full: &[String], words: &[String]) -> bool {
    if words.is_empty() || words.len() > full.len() {
        return false;
    }
    let tail = &full[full.len() - words.len()..];
    // A surname with particles capitalised at a sentence's start: `Von der Leyen`.
    if tail == words || words.len() > 1 && same_but_capitals(tail, words) {
        return true;
    }
    // genitive on the last word: `Putins`, `Trumps`, `Merz'`
    let (last, rest) = match words.split_last() {
        Some(x) => x,
        None => return false,
    };
    let base = last
        .strip_suffix('s')
        .or_else(|| last.strip_suffix('\''))
        .or_else(|| last.strip_suffix('’'));
    if let Some(b) = base {
        if tail[..tail.len() - 1] == *rest && tail[tail.len() - 1] == b {
            return true;
        }
    }
    genitive_of(&tail[tail.len() - 1], last) && tail[..tail.len() - 1] == *rest
}

/// Document-level consistency: the surname of a person named in full somewhere in the
/// article is a mention of that person wherever else it stands untagged (`US-Präsident
/// Trump` after `Donald Trump`), also in the genitive.
fn propagate_surnames(tagged: &mut [(Vec<String>, Vec<u8>)]) {
    let g = Gazetteer::get();
    let mut surnames: BTreeSet<String> = BTreeSet::new();
    // Surnames with their particles in the full name (`Leyen` → `von der`).
    let mut particled: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (words, labels) in tagged.iter() {
        for (a, b, t) in super::spans(labels) {
            if t == EntityType::Per && b - a >= 2 {
                let last = &words[b - 1];
                surnames.insert(last.clone());
                if let Some(base) = last.strip_suffix('s') {
                    surnames.insert(base.to_string());
                }
                let start = (a + 1..b - 1)
                    .find(|&k| words[k..b - 1].iter().all(|w| !is_cap_word(w)))
                    .filter(|&k| {
                        let ws: Vec<&str> = words[k..b - 1].iter().map(String::as_str).collect();
                        g.name_particles(&ws) == ws.len()
                    });
                if let Some(k) = start {
                    particled.insert(last.clone(), words[k..b - 1].to_vec());
                }
            }
        }
    }
    // `Von der Leyen betonte` after `Ursula von der Leyen`: the particles, capitalised at a
    // sentence's start, belong to the surname's mention.
    for (words, labels) in tagged.iter_mut() {
        for i in 0..words.len() {
            let Some(parts) = particled.get(&words[i]) else {
                continue;
            };
            let k = parts.len();
            let single = labels[i] == 0 || label_type(labels[i]).is_some() && labels[i] % 2 == 1;
            let ends = labels.get(i + 1).is_none_or(|&l| l == 0 || l % 2 == 1);
            if i < k || !single || !ends || labels[i - k..i].iter().any(|&l| l != 0) {
                continue;
            }
            if words[i - k..i]
                .iter()
                .zip(parts)
                .all(|(w, p)| w.to_lowercase() == *p)
            {
                labels[i - k] = label_of(EntityType::Per, true);
                for l in &mut labels[i - k + 1..=i] {
                    *l = label_of(EntityType::Per, false);
                }
            }
        }
    }
    surnames.retain(|w| {
        w.chars().count() > 2
            && w.chars().next().is_some_and(char::is_uppercase)
            && g.word_flags(w) & (flag::NOT_ENTITY | flag::ROLE) == 0
            && !crate::stopwords::is_stopword("de", w)
    });
    if surnames.is_empty() {
        return;
    }
    for (words, labels) in tagged.iter_mut() {
        for i in 0..words.len() {
            if labels[i] != 0
                || (i + 1 < labels.len() && labels[i + 1] % 2 == 0 && labels[i + 1] != 0)
            {
                continue;
            }
            let w = &words[i];
            let known =
                surnames.contains(w) || w.strip_suffix('s').is_some_and(|b| surnames.contains(b));
            // after an article or another determiner the word is a noun, not the person (`der
            // Fall des Torhüters`, `auf jeden Fall` beside `Ibrahima Fall`)
            let determined = i > 0 && {
                let before = words[i - 1].to_lowercase();
                DETERMINERS.contains(&before.as_str())
                    || NOUN_DETERMINERS.contains(&before.as_str())
            };
            if known && !determined {
                labels[i] = 1;
            }
        }
    }
}

/// Document-level consistency for names of several words: a place, organisation or other
/// name the article tagged somewhere (`Kommunaler Arbeitgeberverband Niedersachsen (KAV)`) is
/// that name wherever else its words stand, also with other endings (`Der Kommunale
/// Arbeitgeberverband Niedersachsen kündigte an`), unless a person is tagged there.
fn propagate_names(tagged: &mut [(Vec<String>, Vec<u8>)]) {
    let mut names: Vec<(Vec<String>, EntityType)> = Vec::new();
    for (words, labels) in tagged.iter() {
        for (a, b, t) in super::spans(labels) {
            if t != EntityType::Per && b - a >= 2 && !names.iter().any(|(n, _)| n == &words[a..b]) {
                names.push((words[a..b].to_vec(), t));
            }
        }
    }
    if names.is_empty() {
        return;
    }
    // the names by the inflection key of their first word, so that a word starts a look only
    // where a name may begin
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, (name, _)) in names.iter().enumerate() {
        by_first
            .entry(inflection_key(&name[0]))
            .or_default()
            .push(n);
    }
    for (words, labels) in tagged.iter_mut() {
        let mut i = 0;
        while i < words.len() {
            let fits = by_first.get(inflection_key(&words[i])).and_then(|cands| {
                cands.iter().map(|&n| &names[n]).find(|(name, t)| {
                    let k = name.len();
                    if i + k > words.len() {
                        return false;
                    }
                    let window = &words[i..i + k];
                    let free = labels[i..i + k]
                        .iter()
                        .all(|&l| label_type(l).is_none_or(|x| x != EntityType::Per))
                        && (labels[i] == 0 || labels[i] % 2 == 1)
                        && labels.get(i + k).is_none_or(|&l| l == 0 || l % 2 == 1);
                    let same = window == name.as_slice() || same_declined(window, name);
                    free && same && label_type(labels[i]) != Some(*t)
                })
            });
            match fits {
                Some((name, t)) => {
                    let k = name.len();
                    labels[i] = label_of(*t, true);
                    for l in &mut labels[i + 1..i + k] {
                        *l = label_of(*t, false);
                    }
                    i += k;
                }
                None => i += 1,
            }
        }
    }
}

/// Does the role noun at `k` (its phrase starting at `start`) name several people rather than
/// one: a plural article or quantifier before a role that is not a feminine singular (`die
/// Regierungschefs`, `beide Minister`), or a coordination with a shortened compound (`Staats- und
/// Regierungschefs`)?
fn names_a_group(refs: &[&str], start: usize, k: usize, base: &str) -> bool {
    let coordinated = k >= 2 && refs[k - 1] == "und" && refs[k - 2].ends_with('-');
    let plural_before = start > 0
        && plural_determiners().contains(&refs[start - 1].to_lowercase())
        && !base.ends_with("in");
    let number_before = start > 0 && refs[start - 1].chars().all(|c| c.is_ascii_digit());
    coordinated || plural_before || number_before
}

/// Words before a noun that make a masculine or neuter role noun plural
/// (`resources/de/plural_determiners.txt`).
fn plural_determiners() -> &'static BTreeSet<String> {
    static P: OnceLock<BTreeSet<String>> = OnceLock::new();
    P.get_or_init(|| {
        data_lines(include_str!("../../resources/de/plural_determiners.txt"))
            .flat_map(|l| l.split_whitespace().map(str::to_string))
            .collect()
    })
}

/// Are two names the same but for a dateline's capitals (`BRÜSSEL`, `Brüssel`)?
fn same_but_capitals(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| lower(x).eq(lower(y)))
}

/// The letters of a word in lower case, without allocating.
fn lower(w: &str) -> impl Iterator<Item = char> + '_ {
    w.chars().flat_map(char::to_lowercase)
}

/// Is every letter of the name a capital?
fn in_capitals(words: &[String]) -> bool {
    words.iter().all(|w| !w.chars().any(char::is_lowercase))
}

/// Are two names of several words the same name with other endings (`Deutschen
/// Wetterdienst`, `Deutsche Wetterdienst`)? See [`inflection_key`].
fn same_declined(a: &[String], b: &[String]) -> bool {
    a.len() > 1
        && a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| inflection_key(x) == inflection_key(y))
}

/// How many words of a name, its last word aside, carry a dative or oblique adjective ending
/// (`Deutschen`, `Rotem`): of two forms of a name, the one with fewer reads as the name.
fn oblique_endings(words: &[String]) -> usize {
    let n = words.len().saturating_sub(1);
    words[..n]
        .iter()
        .filter(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && (w.ends_with("en") || w.ends_with("em"))
        })
        .count()
}

/// The nominative of an organisation word in the genitive (`Bundesverbands`,
/// `Wirtschaftsausschusses`, `Landtages` → `Bundesverband`, `Wirtschaftsausschuss`,
/// `Landtag`): the word without `es` or `s` when that is an organisation word or a public
/// body. `None` for other words.
fn genitive_body_base(g: &Gazetteer, w: &str) -> Option<String> {
    ["es", "s"]
        .iter()
        .filter_map(|end| w.strip_suffix(end))
        .find(|base| base.chars().count() >= 4 && (g.is_org_word(base) || g.is_public_body(base)))
        .map(str::to_string)
}

/// Puts the declined adjectives opening an organisation's name into the form the name takes
/// on its own, where the article before it shows the case: after `der` an adjective in `-e`
/// is a masculine nominative (`der Kommunale Arbeitgeberverband` → `Kommunaler
/// Arbeitgeberverband`), after `das` a neuter one (`das Technische Hilfswerk` → `Technisches
/// Hilfswerk`). Other articles leave the name as written (`die Kommunale Datenzentrale`).
fn strong_adjectives(g: &Gazetteer, article: &str, words: &mut [String]) {
    let ending = match article {
        "der" | "Der" => 'r',
        "das" | "Das" => 's',
        _ => return,
    };
    let adjectives = words
        .iter()
        .take_while(|w| w.ends_with('e') && declined_adjective(g, w))
        .count();
    // the adjectives must be followed by the name's noun, and by no other declined word
    // that the endings do not know (`das Deutsche Rote Kreuz` stays as written)
    if adjectives == 0 || words.get(adjectives).is_none_or(|w| w.ends_with('e')) {
        return;
    }
    for w in &mut words[..adjectives] {
        w.push(ending);
    }
}

/// Is `g` the genitive of `w` (`Trumps` of `Trump`)?
fn genitive_of(g: &str, w: &str) -> bool {
    g.len() == w.len() + 1 && g.starts_with(w) && g.ends_with('s')
}

/// True for a short form in capitals: two to six letters or digits, at least two of them
/// capital letters (`THW`, `FEMA`, `G7`).
pub fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n)
        && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && w.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The first letters of a name's capitalised words (`Federal Emergency Management Agency` →
/// `FEMA`).
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// The one longer name of another entity that entity `i` is a short form of: for a short form
/// in capitals, a name it stands in brackets right after (`Technisches Hilfswerk (THW)`) or
/// whose initials it is (`FEMA`); for other names, the last words of a longer name of the
/// same type (`Weather Service` → `National Weather Service`; a single word only for
/// organisations), or a company's first words (`Corvenor`, `Corvenor Chemie` for `Corvenor
/// Chemie GmbH`; one word of any type, also one taken for a person, that is no listed place
/// or organisation). `None` when no name or several fit (of names that extend one another,
/// the longest counts).
fn full_form(ents: &[Building], i: usize, text: &str) -> Option<usize> {
    let s = &ents[i];
    // a one-word "person" that no person's name ends with may be a company's first word
    if s.kind == EntityType::Per && s.words.len() > 1 {
        return None;
    }
    let acronym = s.words.len() == 1 && is_acronym(&s.words[0]);
    let bracketed = |l: &Building| {
        l.mentions.iter().any(|ml| {
            s.mentions.iter().any(|ms| {
                ml.span.end < ms.span.start
                    && ms.span.start - ml.span.end <= 3
                    && slice_chars(text, Span::new(ml.span.end, ms.span.start)).trim() == "("
                    && slice_chars(text, Span::new(ms.span.end, ms.span.end + 1)) == ")"
            })
        })
    };
    let g = Gazetteer::get();
    // a company's first words: `Corvenor` or `Corvenor Chemie` for `Corvenor Chemie GmbH`
    // (not a listed place or organisation of its own: `Hamburg`, `Siemens`)
    let first_words = |l: &Building| {
        l.kind == EntityType::Org
            && l.words.starts_with(&s.words)
            && if s.words.len() == 1 {
                !g.is_place(&s.words[0]) && !g.is_org(&s.words[0])
            } else {
                l.words.len() == s.words.len() + 1
                    && l.words.last().is_some_and(|w| g.is_legal_form(w))
            }
    };
    let fits: Vec<usize> = (0..ents.len())
        .filter(|&j| {
            let l = &ents[j];
            j != i
                && l.kind != EntityType::Per
                && l.words.len() > s.words.len()
                && if s.kind == EntityType::Per {
                    first_words(l)
                } else if acronym {
                    bracketed(l) || initials(&l.words) == s.words[0]
                } else {
                    (l.kind == s.kind
                        && (s.words.len() >= 2 || s.kind == EntityType::Org)
                        && l.words.ends_with(&s.words))
                        || first_words(l)
                }
        })
        .collect();
    // of names that extend one another (`Corvenor Chemie`, `Corvenor Chemie GmbH`), the
    // longest
    let longest: Vec<usize> = fits
        .iter()
        .copied()
        .filter(|&j| {
            !fits.iter().any(|&k| {
                k != j
                    && ents[k].words.len() > ents[j].words.len()
                    && ents[k].words.starts_with(&ents[j].words)
            })
        })
        .collect();
    match longest[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// Short forms join the entity of their full name (see [`full_form`]), which keeps its name and
/// type and takes the short form as an alias.
fn merge_short_forms(ents: &mut Vec<Building>, text: &str) {
    let mut i = 0;
    while i < ents.len() {
        let Some(t) = full_form(ents, i, text) else {
            i += 1;
            continue;
        };
        let short = ents.remove(i);
        let e = &mut ents[if t > i { t - 1 } else { t }];
        push_unique(&mut e.aliases, short.name());
        for a in short.aliases {
            push_unique(&mut e.aliases, a);
        }
        for r in short.roles {
            push_unique(&mut e.roles, r);
        }
        e.mentions.extend(short.mentions);
    }
}

fn link(mut mentions: Vec<RawMention>, role_mentions: Vec<RoleMention>, text: &str) -> Vec<Entity> {
    // longest names first, then text order
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by(|&x, &y| {
        let (mx, my) = (&mentions[x], &mentions[y]);
        let per = |m: &RawMention| (m.kind != EntityType::Per) as u8;
        per(mx)
            .cmp(&per(my))
            .then(my.words.len().cmp(&mx.words.len()))
            .then(mx.span.start.cmp(&my.span.start))
    });
    let mut ents: Vec<Building> = Vec::new();
    for i in order {
        let m = &mut mentions[i];
        let text = m.words.join(" ");
        // a person's name matches any entity whose name ends with it; other names match
        // exactly (or in the genitive); a single word also matches a person's surname
        let found = ents.iter().position(|e| {
            if same_but_capitals(&e.words, &m.words) {
                true
            } else if e.kind == EntityType::Per || m.kind == EntityType::Per {
                (e.kind == m.kind || m.words.len() == 1) && matches_name(&e.words, &m.words)
            } else {
                e.words.len() == m.words.len()
                    && (matches_name(&e.words, &m.words) || same_declined(&e.words, &m.words))
            }
        });
        let mention = Mention {
            span: m.span,
            kind: MentionKind::Name,
        };
        match found {
            Some(k) => {
                let e = &mut ents[k];
                // the entity was named in the genitive (`Donald Trumps`): use the base form
                if let (Some(el), Some(ml)) = (e.words.last(), m.words.last()) {
                    if genitive_of(el, ml) {
                        let old = e.name();
                        if let Some(x) = e.words.last_mut() {
                            *x = ml.clone();
                        }
                        push_unique(&mut e.aliases, old);
                    }
                }
                // a name first met in capitals or with oblique endings takes a plainer form
                // when one comes
                let plainer = (in_capitals(&e.words) && !in_capitals(&m.words))
                    || (e.kind != EntityType::Per
                        && m.kind != EntityType::Per
                        && oblique_endings(&m.words) < oblique_endings(&e.words));
                if plainer {
                    let old = e.name();
                    e.words = m.words.clone();
                    push_unique(&mut e.aliases, old);
                }
                if text != e.name() {
                    push_unique(&mut e.aliases, text);
                }
                for r in m.roles.drain(..) {
                    push_unique(&mut e.roles, r);
                }
                *e.type_votes.entry(m.kind).or_insert(0) += 1;
                e.mentions.push(mention);
            }
            None => {
                let mut votes = BTreeMap::new();
                votes.insert(m.kind, 1);
                ents.push(Building {
                    words: m.words.clone(),
                    kind: m.kind,
                    type_votes: votes,
                    aliases: Vec::new(),
                    roles: std::mem::take(&mut m.roles),
                    mentions: vec![mention],
                });
            }
        }
    }
    // majority type (ties: the order of `EntityType`, persons first; but a name of one word
    // that is as often a place or organisation is one: news introduce people by full name)
    for e in &mut ents {
        let single = e.words.len() == 1;
        let rank = |t: &EntityType| (single && *t == EntityType::Per, *t);
        if let Some((&t, _)) = e
            .type_votes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(rank(b.0).cmp(&rank(a.0))))
        {
            e.kind = t;
        }
    }
    merge_short_forms(&mut ents, text);
    // places and organisations are named as listed (`Deutscher Wetterdienst`, `Russland`)
    let g = Gazetteer::get();
    // a firm headed by its trade is also known by its name alone (`Sonnhalde` for `Molkerei
    // Sonnhalde`), as other articles may write it
    for e in ents
        .iter_mut()
        .filter(|e| e.kind == EntityType::Org && e.words.len() > 1)
    {
        if g.is_trade_noun(&e.words[0]) {
            push_unique(&mut e.aliases, e.words[1..].join(" "));
        }
    }
    for e in ents.iter_mut().filter(|e| e.kind != EntityType::Per) {
        let words: Vec<&str> = e.words.iter().map(String::as_str).collect();
        if let Some(listed) = g.listed_form(&words) {
            let old = e.name();
            e.words = listed.split(' ').map(str::to_string).collect();
            push_unique(&mut e.aliases, old);
        }
    }
    // role-only mentions: the one person who holds the role
    let eq = equivalents();
    let class_of = |k: &str| eq.get(k).copied();
    for rm in role_mentions {
        let holders: BTreeSet<usize> = ents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityType::Per)
            .filter(|(_, e)| {
                e.roles.iter().any(|r| {
                    let rk = role_key(r);
                    rm.keys.iter().any(|k| {
                        *k == rk || (class_of(k).is_some() && class_of(k) == class_of(&rk))
                    })
                })
            })
            .map(|(i, _)| i)
            .collect();
        if holders.len() == 1 {
            if let Some(&h) = holders.iter().next() {
                let e = &mut ents[h];
                push_unique(&mut e.aliases, rm.text);
                e.mentions.push(Mention {
                    span: rm.span,
                    kind: MentionKind::Role,
                });
            }
        }
    }
    let mut out: Vec<Entity> = ents
        .into_iter()
        .map(|mut e| {
            e.mentions.sort_by_key(|m| m.span);
            e.mentions.dedup_by_key(|m| m.span);
            Entity {
                name: e.name(),
                kind: e.kind,
                aliases: e.aliases,
                roles: e.roles,
                mentions: e.mentions,
            }
        })
        .collect();
    out.sort_by_key(|e| e.mentions.first().map(|m| m.span.start).unwrap_or(0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entities of `text` in language `lang`.
    fn entities_in(lang: &str, text: &str) -> Vec<Entity> {
        let sentences = crate::tokenize::sentences(text);
        entities(&Tagger::default_for(lang), text, &sentences)
    }

    /// The type of the entity named `name`, if there is one.
    fn kind_of(es: &[Entity], name: &str) -> Option<EntityType> {
        es.iter().find(|e| e.name == name).map(|e| e.kind)
    }

    /// The roles of the entity named `name` (none when there is no such entity).
    fn roles_of(es: &[Entity], name: &str) -> Vec<String> {
        es.iter()
            .find(|e| e.name == name)
            .map(|e| e.roles.clone())
            .unwrap_or_default()
    }

    fn mention(start: usize, words: &[&str], kind: EntityType, roles: &[&str]) -> RawMention {
        RawMention {
            span: Span::new(start, start + 1),
            words: words.iter().map(|w| w.to_string()).collect(),
            kind,
            roles: roles.iter().map(|r| r.to_string()).collect(),
        }
    }

    /// A sentence's words and labels as the document-level passes take them.
    fn sent(ws: &[&str], ls: &[u8]) -> (Vec<String>, Vec<u8>) {
        (ws.iter().map(|w| w.to_string()).collect(), ls.to_vec())
    }

    #[test]
    fn a_surname_after_an_article_is_the_noun() {
        let mut tagged = vec![
            sent(&["Ibrahima", "Fall", "traf", "zweimal"], &[1, 2, 0, 0]),
            sent(&["Fall", "jubelte", "."], &[0, 0, 0]),
            sent(&["Der", "Fall", "wird", "untersucht"], &[0, 0, 0, 0]),
            sent(&["auf", "jeden", "Fall", "nicht"], &[0, 0, 0, 0]),
        ];
        propagate_surnames(&mut tagged);
        assert_eq!(tagged[1].1, vec![1, 0, 0]);
        assert_eq!(tagged[2].1, vec![0; 4]);
        assert_eq!(tagged[3].1, vec![0; 4]);
    }

    #[test]
    fn surname_and_genitive_join_the_full_name() {
        let ms = vec![
            mention(0, &["Putin"], EntityType::Per, &[]),
            mention(5, &["Wladimir", "Putin"], EntityType::Per, &["Präsident"]),
            mention(9, &["Putins"], EntityType::Per, &[]),
            mention(12, &["Putin"], EntityType::Org, &[]),
            mention(20, &["Moskau"], EntityType::Loc, &[]),
        ];
        let es = link(ms, Vec::new(), "");
        assert_eq!(es.len(), 2);
        assert_eq!(es[0].name, "Wladimir Putin");
        assert_eq!(es[0].kind, EntityType::Per);
        assert_eq!(es[0].mentions.len(), 4);
        assert_eq!(es[0].aliases, vec!["Putin", "Putins"]);
        assert_eq!(es[1].name, "Moskau");
    }

    #[test]
    fn place_and_organisation_names_join_and_are_named_plainly() {
        let ms = vec![
            mention(0, &["Deutschen", "Wetterdienst"], EntityType::Org, &[]),
            mention(30, &["Deutsche", "Wetterdienst"], EntityType::Org, &[]),
            mention(60, &["Russlands"], EntityType::Loc, &[]),
            mention(80, &["Hohen", "Kammer"], EntityType::Org, &[]),
            mention(99, &["Hohe", "Kammer"], EntityType::Org, &[]),
            mention(110, &["LINDENAU"], EntityType::Loc, &[]),
            mention(120, &["Lindenau"], EntityType::Per, &[]),
            mention(140, &["Lindenau"], EntityType::Loc, &[]),
        ];
        let es = link(ms, Vec::new(), "");
        assert_eq!(es.len(), 4);
        assert_eq!(es[0].name, "Deutscher Wetterdienst");
        assert_eq!(es[0].mentions.len(), 2);
        assert_eq!(
            es[0].aliases,
            vec!["Deutschen Wetterdienst", "Deutsche Wetterdienst"]
        );
        assert_eq!(es[1].name, "Russland");
        // not listed: the form without oblique endings
        assert_eq!(es[2].name, "Hohe Kammer");
        assert_eq!(es[2].aliases, vec!["Hohen Kammer"]);
        // one word, as often a person as a place: a place
        assert_eq!(
            (es[3].name.as_str(), es[3].kind),
            ("Lindenau", EntityType::Loc)
        );
    }

    #[test]
    fn role_nouns_for_several_people_are_no_role_mentions() {
        let group = |text: &str| {
            let refs: Vec<&str> = text.split(' ').collect();
            let k = refs.len() - 1;
            let base = Gazetteer::get()
                .role(refs[k])
                .map(|(b, _)| b)
                .unwrap_or_default();
            names_a_group(&refs, k, k, &base)
        };
        assert!(group("die Staats- und Regierungschefs"));
        assert!(group("sagten die Minister"));
        assert!(group("trafen sich beide Außenminister"));
        assert!(!group("sagte die Ministerin"));
        assert!(!group("sagte der Regierungschef"));
    }

    #[test]
    fn role_only_mentions_join_the_unique_holder() {
        let ms = vec![
            mention(0, &["Anna", "Berg"], EntityType::Per, &["Kremlchef"]),
            mention(5, &["Otto", "Hahn"], EntityType::Per, &["Sprecher"]),
        ];
        let rms = vec![
            RoleMention {
                span: Span::new(30, 39),
                text: "Kreml-Chef".into(),
                keys: vec![role_key("Kreml-Chef")],
            },
            RoleMention {
                span: Span::new(40, 45),
                text: "Minister".into(),
                keys: vec![role_key("Minister")],
            },
        ];
        let es = link(ms, rms, "");
        assert_eq!(es[0].aliases, vec!["Kreml-Chef"]);
        assert_eq!(es[0].mentions.len(), 2);
        assert_eq!(es[0].mentions[1].kind, MentionKind::Role);
        assert_eq!(es[1].mentions.len(), 1);
    }

    #[test]
    fn a_word_before_a_role_and_a_name_qualifies_the_role() {
        let mut tagged = vec![(
            ["Rail", "minister", "Catherine", "Aldous", "said"]
                .iter()
                .map(|w| w.to_string())
                .collect::<Vec<_>>(),
            vec![1, 0, 1, 2, 0],
        )];
        drop_role_qualifiers(&mut tagged);
        assert_eq!(tagged[0].1, vec![0, 0, 1, 2, 0]);
        // names of several words and other types; a place stays
        let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let mut tagged = vec![
            (
                words(&[
                    "German", "Economy", "Minister", "Henrike", "Vossberg", "and",
                ]),
                vec![3, 4, 0, 1, 2, 0],
            ),
            (
                words(&["Polish", "Foreign", "Minister", "Witold", "Sarnecki"]),
                vec![1, 2, 0, 1, 2],
            ),
            (
                words(&["Brazil", "President", "Ana", "Lima"]),
                vec![5, 0, 1, 2],
            ),
            // the model's "person" ending in the role word
            (
                words(&["Senate", "Majority", "Leader", "Chuck", "Schumer"]),
                vec![0, 1, 2, 1, 2],
            ),
        ];
        drop_role_qualifiers(&mut tagged);
        assert_eq!(tagged[0].1, vec![0, 0, 0, 1, 2, 0]);
        assert_eq!(tagged[1].1, vec![0, 0, 0, 1, 2]);
        assert_eq!(tagged[2].1, vec![5, 0, 1, 2]);
        assert_eq!(tagged[3].1, vec![0, 0, 0, 1, 2]);
    }

    #[test]
    fn a_word_written_after_an_article_is_no_one_word_person() {
        let mut tagged = vec![
            // `Pacht` tagged as a person once, written after `die` elsewhere
            sent(
                &["Er", "sah", "keinen", "Cent", "Pacht", "."],
                &[0, 0, 0, 0, 1, 0],
            ),
            sent(&["Die", "Pacht", "blieb", "aus", "."], &[0, 0, 0, 0, 0]),
            // the surname of a person named in full stays (`der Koch` is a cook)
            sent(&["Roland", "Koch", "kam", "."], &[1, 2, 0, 0]),
            sent(&["Koch", "lobte", "der", "Koch", "."], &[1, 0, 0, 0, 0]),
        ];
        drop_determined_names(&mut tagged);
        assert_eq!(tagged[0].1, vec![0; 6]);
        assert_eq!(tagged[3].1[0], 1);
        // a headline's name of any kind that the text writes after an indefinite article
        let mut tagged = vec![
            sent(&["Brand", "in", "Recyclinghof"], &[0, 0, 5]),
            sent(
                &[
                    "Es",
                    "brannte",
                    "auf",
                    "einem",
                    "Recyclinghof",
                    "in",
                    "Bremen",
                ],
                &[0, 0, 0, 0, 0, 0, 5],
            ),
        ];
        drop_determined_names(&mut tagged);
        assert_eq!(tagged[0].1, vec![0; 3]);
        assert_eq!(tagged[1].1[6], 5);
    }

    #[test]
    fn short_forms_join_their_full_names() {
        let text = "Pegel steigt\n\nDas Technische Hilfswerk (THW) schickte am Dienstag 40 Helfer \
nach Ilmstedt. Das THW teilte mit, die Pumpen liefen. Die Bundesanstalt für Wasserbau (BAW) prüft \
den Deich.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("de"), text, &sentences);
        let find = |n: &str| es.iter().find(|e| e.name == n);
        let thw = find("Technisches Hilfswerk").expect("THW's full name");
        assert_eq!(thw.mentions.len(), 3, "{es:#?}");
        assert!(thw.aliases.iter().any(|a| a == "THW"));
        assert!(find("THW").is_none());
        let baw = find("Bundesanstalt für Wasserbau").expect("BAW's full name");
        assert!(baw.aliases.iter().any(|a| a == "BAW"), "{es:#?}");

        // a long form the model does not know, defined by its short form, is that name
        // wherever else the article writes it, also with other endings
        let text = "Tarifstreit\n\nDer Kommunale Arbeitgeberverband Niedersachsen (KAV) \
kritisierte den Streik. Später legte der Kommunale Arbeitgeberverband Niedersachsen ein Angebot \
vor. Die Gewerkschaft nannte es ungenügend.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("de"), text, &sentences);
        let kav = es
            .iter()
            .find(|e| e.aliases.iter().any(|a| a == "KAV"))
            .unwrap_or_else(|| panic!("KAV joins its long form: {es:#?}"));
        assert_eq!(kav.kind, EntityType::Org);
        assert_eq!(kav.mentions.len(), 3, "{es:#?}");

        let text = "Storm\n\nThe Federal Emergency Management Agency sent teams to Dover \
on Tuesday. FEMA said 300 people had been moved. The National Weather Service warned of more \
rain. The Weather Service expects the river to crest on Thursday.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("en"), text, &sentences);
        let find = |n: &str| es.iter().find(|e| e.name == n);
        // initials without brackets, and the last words of the one longer name
        let fema = find("Federal Emergency Management Agency").expect("FEMA's full name");
        assert!(fema.aliases.iter().any(|a| a == "FEMA"), "{es:#?}");
        let nws = find("National Weather Service").expect("the service's full name");
        assert!(
            nws.aliases.iter().any(|a| a == "Weather Service"),
            "{es:#?}"
        );
        assert_eq!(nws.mentions.len(), 2);
        // a headline word is no person
        assert!(find("Storm").is_none(), "{es:#?}");
    }

    #[test]
    fn a_short_form_of_two_names_joins_neither() {
        // `Service` ends two organisation names: it stays apart
        let ms = vec![
            mention(0, &["National", "Weather", "Service"], EntityType::Org, &[]),
            mention(40, &["Forest", "Service"], EntityType::Org, &[]),
            mention(80, &["Service"], EntityType::Org, &[]),
        ];
        let es = link(ms, Vec::new(), "");
        assert_eq!(es.len(), 3, "{es:#?}");
    }

    #[test]
    fn a_word_opening_a_quoted_english_sentence_is_no_name() {
        let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let mut tagged = vec![
            (
                words(&[
                    "\"", "Nobody", "wanted", "this", ",", "\"", "said", "Ann", "Lee",
                ]),
                vec![0, 7, 0, 0, 0, 0, 0, 1, 2],
            ),
            // a name the article uses elsewhere stays
            (words(&["\"", "Lee", "left", "\""]), vec![0, 1, 0, 0]),
        ];
        drop_initial_capitals(&mut tagged, Gazetteer::get());
        assert_eq!(tagged[0].1, vec![0, 0, 0, 0, 0, 0, 0, 1, 2]);
        assert_eq!(tagged[1].1, vec![0, 1, 0, 0]);
    }

    #[test]
    fn english_public_bodies_and_titles_of_several_words() {
        let text = "Talks resumed on Monday. The White House said the Senate would vote on \
Friday. Prime Minister Alan Brockway met US Secretary of State Dana Whitfield in Ottawa. The \
attorney general, Maria Ostrander, told Congress that Treasury Secretary Neil Farrow would \
testify. Shadow Transport Secretary Owen Pelling and Deputy Prime Minister Rhian Cole were \
there.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("en"), text, &sentences);
        let find = |n: &str| {
            es.iter()
                .find(|e| e.name == n)
                .unwrap_or_else(|| panic!("{n} found: {es:#?}"))
        };
        for body in ["White House", "Senate", "Congress"] {
            assert_eq!(find(body).kind, EntityType::Org, "{body}");
        }
        let roles = [
            ("Alan Brockway", "prime minister"),
            ("Dana Whitfield", "secretary of state"),
            ("Maria Ostrander", "attorney general"),
            ("Neil Farrow", "treasury secretary"),
            ("Owen Pelling", "shadow transport secretary"),
            ("Rhian Cole", "deputy prime minister"),
        ];
        for (person, role) in roles {
            let p = find(person);
            assert_eq!(p.kind, EntityType::Per, "{person}");
            assert_eq!(p.roles, vec![role.to_string()], "{person}");
        }
        // the country before a title is a place; titles and the body a title names are none
        assert_eq!(find("US").kind, EntityType::Loc);
        assert!(
            es.iter()
                .all(|e| !e.name.contains("Secretary") && e.name != "Treasury"),
            "{es:#?}"
        );
        // a "person" the model took from the body's words is the body
        let text = "The Treasury said borrowing rose. Members of Parliament voted 320 to 200. \
A White House official said the Federal Reserve Board would meet.";
        let es = entities(
            &Tagger::default_for("en"),
            text,
            &crate::tokenize::sentences(text),
        );
        assert!(es.iter().all(|e| e.name != "White"), "{es:#?}");
        assert!(es.iter().any(|e| e.name == "White House"), "{es:#?}");
    }

    #[test]
    fn an_english_verb_after_the_name_opens_no_apposition() {
        let text = "\"We will appeal,\" his lawyer, Claudia Rendl, told reporters outside the \
court on Tuesday.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("en"), text, &sentences);
        let rendl = es
            .iter()
            .find(|e| e.name == "Claudia Rendl")
            .expect("Claudia Rendl found");
        assert_eq!(rendl.roles, vec!["lawyer".to_string()], "{es:?}");
    }

    #[test]
    fn english_appositions_keep_the_words_of_their_role() {
        let text = "Caroline Haigh, the shadow energy secretary, said ministers had failed. Alan \
Pritchard, 76, a retired lorry driver from the town, was killed. \"It was hard,\" said Neil \
Brannigan, duty commander for the coastguard. Passenger Emma Scott told reporters it was bad.";
        let es = entities_in("en", text);
        let roles = |n: &str| roles_of(&es, n);
        assert_eq!(
            roles("Caroline Haigh"),
            ["shadow energy secretary"],
            "{es:?}"
        );
        assert_eq!(roles("Alan Pritchard"), ["retired lorry driver"], "{es:?}");
        assert_eq!(roles("Neil Brannigan"), ["duty commander"], "{es:?}");
        assert_eq!(roles("Emma Scott"), ["passenger"], "{es:?}");
    }

    #[test]
    fn english_titles_appositions_and_sentence_starts() {
        let text = "Ferry returns to service\n\nKELSHAM, April 2 (Coastal Wire) - Mayor Irene \
Baptiste reopened the ferry link on Monday. Repairs took three weeks, said Owen Marsh, the \
port's harbour master and the operator's chief engineer. The council's finance director, Priya \
Nandakumar, said the repairs cost 2 million pounds. Baptiste thanked the crews on Quayside \
Road.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("en"), text, &sentences);
        let find = |n: &str| es.iter().find(|e| e.name == n);
        let mayor = find("Irene Baptiste").expect("title cut from the name");
        assert_eq!(mayor.kind, EntityType::Per);
        assert_eq!(mayor.roles, vec!["mayor".to_string()]);
        assert_eq!(mayor.mentions.len(), 2, "{:?}", mayor.mentions);
        let marsh = find("Owen Marsh").expect("Owen Marsh found");
        assert!(
            marsh.roles.is_empty(),
            "the roles belong to others: {:?}",
            marsh.roles
        );
        let director = find("Priya Nandakumar").expect("Priya Nandakumar found");
        assert_eq!(director.roles, vec!["director".to_string()]);
        let place = |n: &str| find(n).map(|e| e.kind);
        assert_eq!(place("Kelsham"), Some(EntityType::Loc), "{es:?}");
        let text = "BADEN-BADEN, 3. Mai - Die Stadt hat am Montag die Brücke gesperrt.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("de"), text, &sentences);
        assert!(es.iter().any(|e| e.name == "Baden-Baden"), "{es:?}");
        assert_eq!(place("Quayside Road"), Some(EntityType::Loc), "{es:?}");
        // `Ferry` and `Repairs` start sentences and are no names
        assert!(
            find("Ferry").is_none() && find("Repairs").is_none(),
            "{es:?}"
        );
        // roles of several words, before the name and in an apposition after it
        let text = "Ferries halted\n\nChief executive Daniel Hale said the fleet would be \
inspected. Later Daniel Hale, the company's chief executive, apologised.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("en"), text, &sentences);
        let hale = es
            .iter()
            .find(|e| e.name == "Daniel Hale")
            .unwrap_or_else(|| panic!("{es:#?}"));
        assert_eq!(hale.roles, vec!["chief executive".to_string()], "{es:#?}");
        // a common noun opening the sentence before `of` is no part of the name after it
        let text = "Ferries halted\n\nResidents of Merrow Island have criticised the operator.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("en"), text, &sentences);
        assert!(
            es.iter().all(|e| !e.name.starts_with("Residents")),
            "{es:#?}"
        );
    }

    #[test]
    fn a_role_of_the_same_office_joins_its_holder() {
        let text = "Wahlabend\n\nMinisterpräsidentin Karin Behrendt verlor deutlich. Am Abend \
trat die Regierungschefin vor ihre Anhänger.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("de"), text, &sentences);
        let behrendt = es
            .iter()
            .find(|e| e.name == "Karin Behrendt")
            .expect("Behrendt");
        assert!(
            behrendt.aliases.iter().any(|a| a == "Regierungschefin"),
            "{es:#?}"
        );
    }

    #[test]
    fn an_association_of_people_in_the_genitive_is_one_organisation() {
        let es = entities_in(
            "de",
            "Der Bundesverband Industrieller Gasverbraucher fordert Hilfe. Auch der Verein \
             Deutscher Ingenieure warnt. Der Verband zählt viele Mitglieder.",
        );
        for name in [
            "Bundesverband Industrieller Gasverbraucher",
            "Verein Deutscher Ingenieure",
        ] {
            assert_eq!(kind_of(&es, name), Some(EntityType::Org), "{name}: {es:?}");
        }
        // named in the genitive, it takes the nominative
        let es = entities_in(
            "de",
            "Sie ist Präsidentin des Bundesverbands Industrieller Gasverbraucher. Die \
             Sitzung des Wirtschaftsausschusses im Landtag dauerte lange.",
        );
        assert_eq!(
            kind_of(&es, "Bundesverband Industrieller Gasverbraucher"),
            Some(EntityType::Org),
            "{es:?}"
        );
        // an adjective that is no genitive plural, or a noun after the association, is not
        let es = entities_in(
            "de",
            "Der Verband Neue Wege lud ein. Der Verein plant Feste.",
        );
        assert!(
            !es.iter()
                .any(|e| e.name.starts_with("Verein") || e.name.starts_with("Verband")),
            "{es:?}"
        );
    }

    #[test]
    fn declined_adjectives_of_a_name_take_the_form_of_the_name_alone() {
        let words = |article: &str, name: &str| {
            let mut w: Vec<String> = name.split(' ').map(str::to_string).collect();
            strong_adjectives(Gazetteer::get(), article, &mut w);
            w.join(" ")
        };
        for (article, name, alone) in [
            (
                "Der",
                "Kommunale Arbeitgeberverband Niedersachsen",
                "Kommunaler Arbeitgeberverband Niedersachsen",
            ),
            ("das", "Technische Hilfswerk", "Technisches Hilfswerk"),
            ("das", "Europäische Parlament", "Europäisches Parlament"),
            // the article shows no case, or the adjective is no declined one
            ("die", "Kommunale Datenzentrale", "Kommunale Datenzentrale"),
            (
                "dem",
                "Kommunalen Arbeitgeberverband",
                "Kommunalen Arbeitgeberverband",
            ),
            ("der", "Deutschen Bahn", "Deutschen Bahn"),
            ("der", "Hälfte Müller", "Hälfte Müller"),
            ("das", "Deutsche Rote Kreuz", "Deutsche Rote Kreuz"),
            // a name of adjectives only is left as written
            ("der", "Kommunale", "Kommunale"),
        ] {
            assert_eq!(words(article, name), alone, "{article} {name}");
        }
        let es = entities_in(
            "de",
            "Der Kommunale Arbeitgeberverband Niedersachsen lehnt ab. Verdi kritisierte \
             den Kommunalen Arbeitgeberverband Niedersachsen.",
        );
        assert_eq!(
            kind_of(&es, "Kommunaler Arbeitgeberverband Niedersachsen"),
            Some(EntityType::Org),
            "{es:?}"
        );
    }

    #[test]
    fn an_institution_before_a_place_is_one_organisation() {
        let text = "Der Mann starb im Klinikum Kempten. Die Stadtwerke Norderstedt warnen. \
Der Verkehrsverbund Oberallgäu setzt Busse ein. Die Schule Sachsens steht in Leipzig.";
        let es = entities_in("de", text);
        for name in [
            "Klinikum Kempten",
            "Stadtwerke Norderstedt",
            "Verkehrsverbund Oberallgäu",
        ] {
            assert_eq!(kind_of(&es, name), Some(EntityType::Org), "{name}: {es:?}");
        }
        assert_eq!(kind_of(&es, "Kempten"), None, "{es:?}");
        assert_eq!(kind_of(&es, "Leipzig"), Some(EntityType::Loc), "{es:?}");
        // associations, offices and chambers too, with a capitalised adjective before them
        let es = entities_in(
            "de",
            "Der Kommunale Arbeitgeberverband Niedersachsen lehnte ab. Das Wasserwirtschaftsamt \
             Deggendorf warnte. Die Handwerkskammer Kassel lud ein.",
        );
        for name in [
            "Kommunaler Arbeitgeberverband Niedersachsen",
            "Wasserwirtschaftsamt Deggendorf",
            "Handwerkskammer Kassel",
        ] {
            assert_eq!(kind_of(&es, name), Some(EntityType::Org), "{name}: {es:?}");
        }
        assert_eq!(kind_of(&es, "Niedersachsen"), None, "{es:?}");
        // a trade noun heads a firm's name before any name
        let text = "Die Molkerei Sonnhalde ruft Käse zurück. Das Bankhaus Lindemann rät ab.";
        let es = entities(
            &Tagger::default_for("de"),
            text,
            &crate::tokenize::sentences(text),
        );
        let sonnhalde = es
            .iter()
            .find(|e| e.name == "Molkerei Sonnhalde")
            .expect("the firm");
        assert_eq!(sonnhalde.kind, EntityType::Org);
        assert!(sonnhalde.aliases.iter().any(|a| a == "Sonnhalde"), "{es:?}");
        assert!(es.iter().any(|e| e.name == "Bankhaus Lindemann"), "{es:?}");
        assert!(es.iter().all(|e| !e.name.starts_with("Schule")), "{es:?}");
    }

    #[test]
    fn public_bodies_party_units_and_quoted_group_names_are_organisations() {
        let text =
            "Der Fall beschäftigt das Finanzministerium. Die CDU-Fraktion verlangt Auskunft, \
der Ausschuss des Landtags tagt am Freitag. Das Ministerium schweigt. Die Bürgerinitiative \
„Saubere Luft für Hemmendorf“ sammelt Unterschriften. Die Stadt gab am Morgen Entwarnung.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("de"), text, &sentences);
        assert_eq!(
            kind_of(&es, "Finanzministerium"),
            Some(EntityType::Org),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "CDU-Fraktion"),
            Some(EntityType::Org),
            "{es:?}"
        );
        assert!(
            es.iter()
                .any(|e| e.name.starts_with("Landtag") && e.kind == EntityType::Org),
            "{es:?}"
        );
        assert_eq!(
            kind_of(&es, "Saubere Luft für Hemmendorf"),
            Some(EntityType::Org),
            "{es:?}"
        );
        // `Ministerium` alone names no one body; an abstract noun is no place
        assert_eq!(kind_of(&es, "Ministerium"), None, "{es:?}");
        assert_eq!(kind_of(&es, "Entwarnung"), None, "{es:?}");
    }

    #[test]
    fn nouns_for_people_beyond_offices_are_roles() {
        let text = "„Ich hatte Angst“, sagte ihre Mutter Jasmin Albrecht. Fahrgast Lukas Brenner \
saß im zweiten Wagen. „Milch gibt es jeden Tag“, sagte Milchbauer Anton Rädler aus Weitnau.";
        let es = entities_in("de", text);
        let roles = |n: &str| roles_of(&es, n);
        assert_eq!(roles("Jasmin Albrecht"), ["Mutter"], "{es:?}");
        assert_eq!(roles("Lukas Brenner"), ["Fahrgast"], "{es:?}");
        assert_eq!(roles("Anton Rädler"), ["Milchbauer"], "{es:?}");
        for (text, person, want) in [
            // heads of groups and bodies, also after a party's short form
            (
                "Laut CSU-Landesgruppenchef Anselm Kirchner gibt es keinen Grund zur Eile.",
                "Anselm Kirchner",
                ["CSU-Landesgruppenchef", "Landesgruppenchef"],
            ),
            // a capitalised adjective after an article belongs to the title
            (
                "Die Ärztliche Direktorin Sabine Terhaar sagte, die Notaufnahme arbeite.",
                "Sabine Terhaar",
                ["Ärztliche Direktorin", "Direktorin"],
            ),
        ] {
            assert_eq!(roles_of(&entities_in("de", text), person), want, "{text}");
        }
        // the tagger's own role list stays as it was trained
        let g = Gazetteer::get();
        assert!(g.role("Fahrgast").is_none() && g.person_role("Fahrgast").is_some());
    }

    #[test]
    fn listed_organisations_with_a_hyphen_and_before_roles_are_named() {
        let text = "Erst die Vermittlung der EU-Kommission half. SPD-Fraktionschef Jonas \
Petersen forderte den Rückzug, die Grünen-Politikerin Lena Brodersen widersprach. Die \
Staatsanwaltschaft ermittelt, die Welt wartet.";
        let es = entities_in("de", text);
        let of = |n: &str| es.iter().find(|e| e.name == n);
        assert_eq!(
            of("EU-Kommission").map(|e| e.kind),
            Some(EntityType::Org),
            "{es:?}"
        );
        // the party of a role compound, by the span of its name within the word
        let spd = of("SPD").expect("SPD");
        assert_eq!(spd.kind, EntityType::Org);
        let at = text.find("SPD-").unwrap();
        let at = text[..at].chars().count();
        assert_eq!(spd.mentions[0].span, Span::new(at, at + 3));
        assert_eq!(
            of("Grünen").map(|e| e.kind),
            Some(EntityType::Org),
            "{es:?}"
        );
        // the person keeps the compound as a role
        let petersen = of("Jonas Petersen").expect("Petersen");
        assert!(petersen.roles.iter().any(|r| r == "SPD-Fraktionschef"));
        // a kind of body and a word of the language stay out
        assert!(of("Staatsanwaltschaft").is_none(), "{es:?}");
        assert!(of("Welt").is_none(), "{es:?}");
    }

    #[test]
    fn a_company_named_by_its_first_words_is_one_entity() {
        let text = "Auf dem Gelände der Firma Halvor Chemie trat Gas aus. Ein Sprecher der \
Halvor Chemie GmbH bestätigte den Austritt. Halvor beschäftigt 400 Menschen. Ein Zug \
der Hamburg Süd lag im Hafen, in Hamburg regnete es.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("de"), text, &sentences);
        let halvor: Vec<&Entity> = es.iter().filter(|e| e.name.contains("Halvor")).collect();
        assert_eq!(halvor.len(), 1, "{es:#?}");
        assert_eq!(halvor[0].name, "Halvor Chemie GmbH");
        assert_eq!(halvor[0].kind, EntityType::Org);
        assert_eq!(halvor[0].mentions.len(), 3, "{es:#?}");
        // a listed place stays a place of its own
        assert!(
            es.iter()
                .any(|e| e.name == "Hamburg" && e.kind == EntityType::Loc),
            "{es:#?}"
        );
    }

    #[test]
    fn a_role_noun_after_a_given_name_is_the_family_name() {
        let text = "Vor dem Werkstor steht Mandy Richter. Richter arbeitet seit 16 Jahren hier. \
Daneben wartet Richterin Anna Berg.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("de"), text, &sentences);
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Mandy Richter"), "{names:?}");
        assert!(names.contains(&"Anna Berg"), "{names:?}");
        assert!(!names.contains(&"Mandy"), "{names:?}");
    }

    #[test]
    fn article_entities_roles_and_links() {
        let text = "Neue Gespräche in Moskau\n\nDer russische Präsident Wladimir Putin empfing \
am Dienstag den US-Sondergesandten Steve Witkoff im Kreml. Kreml-Berater Juri Uschakow sagte \
danach, die Gespräche seien konstruktiv gewesen. Putins Berater betonte aber, einen \
Kompromiss gebe es noch nicht. Der Kremlchef wolle nun abwarten. Mark Rutte, \
Nato-Generalsekretär, äußerte sich am Abend in Brüssel skeptisch über das Treffen. \
Witkoff reiste am Mittwoch ab.";
        let sentences = crate::tokenize::sentences(text);
        let es = entities(&Tagger::default_for("de"), text, &sentences);
        let find = |n: &str| es.iter().find(|e| e.name == n);
        let putin = find("Wladimir Putin").expect("Putin found");
        assert_eq!(putin.kind, EntityType::Per);
        assert!(
            putin.roles.iter().any(|r| r == "Präsident"),
            "{:?}",
            putin.roles
        );
        assert!(
            putin.aliases.iter().any(|a| a == "Putins"),
            "{:?}",
            putin.aliases
        );
        assert!(
            putin.aliases.iter().any(|a| a == "Kremlchef"),
            "{:?}",
            putin.aliases
        );
        let uschakow = find("Juri Uschakow").expect("Uschakow found");
        assert!(uschakow.roles.iter().any(|r| r == "Kreml-Berater"));
        assert!(uschakow.roles.iter().any(|r| r == "Berater"));
        let rutte = find("Mark Rutte").expect("Rutte found");
        assert!(rutte.roles.iter().any(|r| r == "Nato-Generalsekretär"));
        // a role right before another person's name is that person's
        let trial = "Prozess\n\nDie Verteidigerin von Tanja M., Rechtsanwältin Eva Roth, \
kündigte eine Erklärung an.";
        let others = entities(
            &Tagger::default_for("de"),
            trial,
            &crate::tokenize::sentences(trial),
        );
        let tanja = others
            .iter()
            .find(|e| e.name == "Tanja M.")
            .expect("Tanja M.");
        assert!(tanja.roles.is_empty(), "{others:#?}");
        let witkoff = find("Steve Witkoff").expect("Witkoff found");
        assert_eq!(witkoff.mentions.len(), 2);
        assert!(find("Moskau").is_some_and(|e| e.kind == EntityType::Loc));
        for common in ["Gespräche", "Kompromiss", "Treffen"] {
            assert!(es.iter().all(|e| e.name != common), "{common} tagged");
        }
        for e in &es {
            for m in &e.mentions {
                assert!(m.span.end <= text.chars().count());
            }
        }
    }

    #[test]
    fn feminine_roles_keep_their_form() {
        let text = "Oberbürgermeisterin Karin Weddig besuchte die Feuerwache. \
Feuerwehrsprecherin Anna Berg zeigte ihr die Fahrzeuge.";
        let es = entities_in("de", text);
        let roles = |n: &str| roles_of(&es, n);
        assert_eq!(
            roles("Karin Weddig"),
            vec!["Oberbürgermeisterin".to_string()]
        );
        assert_eq!(
            roles("Anna Berg"),
            vec!["Feuerwehrsprecherin".to_string(), "Sprecherin".into()]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        let texts = [
            "",
            "İSTANBUL İçin. ǅemal, Präsident   ,,, -- US- und",
            "„“‚‘»«… 3. 02.12. 1.000,5 Dr. z.B. e.V. https://x.y/z?a=1.",
            "Institut für , Region , X in der Region",
            "Kreml-Berater\n\nPutin, der\nPräsident, Müller Meier, Schmidt.",
            "👍 Emoji 👍 Test-\u{301}Wort \u{ad}Weich\u{200b}trenner",
        ];
        let english = [
            "Mayor , the mayor's , Mayor Mayor. HARTFIELD, March",
            "BADEN-BADEN-, --, Lane Street. Mayor Alison",
            "Prime Minister , director, , said the director's",
        ];
        for (t, lang) in texts
            .iter()
            .map(|t| (*t, "de"))
            .chain(texts.iter().chain(&english).map(|t| (*t, "en")))
        {
            let tagger = Tagger::default_for(lang);
            let sents = crate::tokenize::sentences(t);
            let es = entities(&tagger, t, &sents);
            let n = t.chars().count();
            assert!(es
                .iter()
                .all(|e| e.mentions.iter().all(|m| m.span.end <= n)));
        }
    }

    #[test]
    fn role_forms_keep_compound_and_head() {
        let g = Gazetteer::get();
        assert_eq!(
            role_forms(g, "Kreml-Berater", false),
            vec!["Kreml-Berater", "Berater"]
        );
        assert_eq!(
            role_forms(g, "US-Präsidenten", false),
            vec!["US-Präsident", "Präsident"]
        );
        assert_eq!(adjective_form("russische").as_deref(), Some("russischer"));
        assert_eq!(adjective_form("der"), None);
    }
}
