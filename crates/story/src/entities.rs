//! Entities across the articles of a story: one entity per real person or body.
//!
//! Names are compared through a transliteration key that maps the German and English
//! renderings of Cyrillic names onto one form (`Uschakow`/`Ushakov` → `ushakov`,
//! `Selenskyj`/`Zelensky`/`Zelenskyy` → `selenski`), plus a small edit distance for long keys.
//! Persons are grouped by surname; a surname shared by people with different first names
//! (`Donald Trump`, `Melania Trump`) is split by first name, and surname-only mentions go to
//! the person named most often.

use lagebild_model::{AnnotatedArticle, EntityType, StoryEntity};
use std::collections::{BTreeMap, HashMap};

const ROLE_HEADS: &str = include_str!("../resources/de/role_heads.txt");

/// True when a name's first token is a role noun rather than a given name.
pub fn is_role_word(token: &str) -> bool {
    static R: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let heads = R.get_or_init(|| {
        ROLE_HEADS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    });
    let low = token.to_lowercase();
    let base = low.strip_suffix("in").unwrap_or(&low);
    heads
        .iter()
        .any(|h| low.ends_with(h.as_str()) || base.ends_with(h.as_str()))
        || token.contains('-')
}

/// Transliteration key of a name: lower case, German and English transliteration folded;
/// letters, digits (`A 81`) and spaces kept.
pub fn translit_key(name: &str) -> String {
    let mut s: String = name
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            'ä' => Some('a'),
            'ö' => Some('o'),
            'ü' => Some('u'),
            'é' | 'è' | 'ë' => Some('e'),
            'ß' => Some('s'),
            c if c.is_alphabetic() || c.is_ascii_digit() => Some(c),
            ' ' => Some(' '),
            _ => None,
        })
        .collect();
    for (from, to) in [
        ("tsch", "ch"),
        ("sch", "sh"),
        ("zh", "sh"),
        ("kh", "ch"),
        ("ts", "s"),
        ("tz", "s"),
        ("z", "s"),
        ("w", "v"),
        ("ph", "f"),
        ("ck", "k"),
        ("y", "i"),
        ("j", "i"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out.trim().to_string()
}

/// The key by which clustering and merging compare an entity: persons by surname, other
/// entities by their whole name. `None` for empty names.
pub fn name_key(name: &str, kind: EntityType) -> Option<String> {
    let k = match kind {
        EntityType::Per => translit_key(name.split_whitespace().last()?),
        _ => {
            // `Die Grünen`, `Grünen`, `Grüne`: one name without its article and with the
            // nominative of a name made from an adjective
            let bare = ["Die ", "Der ", "Das "]
                .iter()
                .find_map(|a| name.strip_prefix(a))
                .unwrap_or(name);
            let nominative = bare
                .strip_suffix("en")
                .filter(|b| !b.contains(' ') && b.chars().count() >= 4)
                .map(|b| format!("{b}e"));
            translit_key(nominative.as_deref().unwrap_or(bare))
        }
    };
    (!k.is_empty()).then_some(k)
}

/// Edit distance, bounded use only (short keys).
fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// True when two keys name the same thing: equal, or long and one edit apart.
pub fn keys_match(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() >= 7
            && b.chars().count() >= 7
            && a.chars().next() == b.chars().next()
            && levenshtein(a, b) <= 1)
}

/// Result of merging: the story entities and, for each article entity, its story entity.
pub struct Merged {
    /// Story entities, most widely reported first.
    pub entities: Vec<StoryEntity>,
    /// `(article index, entity index)` → index into `entities`.
    pub of: HashMap<(usize, usize), usize>,
}

struct Item {
    doc: usize,
    ent: usize,
    kind: EntityType,
    name: String,
    surname: String,
    first: Option<String>,
}

/// Union-find over items.
fn find(p: &mut [usize], mut x: usize) -> usize {
    while p[x] != x {
        p[x] = p[p[x]];
        x = p[x];
    }
    x
}

/// Merge the entities of a story's articles.
pub fn merge(docs: &[AnnotatedArticle]) -> Merged {
    let english_story = 2 * docs.iter().filter(|d| d.article.language == "en").count() > docs.len();
    let mut items = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (e, ent) in doc.entities.iter().enumerate() {
            let toks: Vec<&str> = ent.name.split_whitespace().collect();
            let Some(last) = toks.last() else { continue };
            let surname = translit_key(last);
            if surname.is_empty() {
                continue;
            }
            let first = (ent.kind == EntityType::Per && toks.len() >= 2 && !is_role_word(toks[0]))
                .then(|| translit_key(toks[0]))
                .filter(|f| !f.is_empty());
            items.push(Item {
                doc: d,
                ent: e,
                kind: ent.kind,
                name: ent.name.clone(),
                surname,
                first,
            });
        }
    }
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // Persons: by surname key (fuzzy), split by first name.
    let persons: Vec<usize> = (0..n)
        .filter(|&i| items[i].kind == EntityType::Per)
        .collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_keys: Vec<String> = Vec::new();
    for &i in &persons {
        match group_keys
            .iter()
            .position(|k| keys_match(k, &items[i].surname))
        {
            Some(g) => groups[g].push(i),
            None => {
                group_keys.push(items[i].surname.clone());
                groups.push(vec![i]);
            }
        }
    }
    for g in &groups {
        // first-name clusters inside the surname group
        let mut firsts: Vec<(String, Vec<usize>)> = Vec::new();
        let mut bare = Vec::new();
        for &i in g {
            match &items[i].first {
                Some(f) => match firsts.iter_mut().find(|(k, _)| keys_match(k, f) || k == f) {
                    Some((_, v)) => v.push(i),
                    None => firsts.push((f.clone(), vec![i])),
                },
                None => bare.push(i),
            }
        }
        let mut heads = Vec::new();
        for (_, v) in &firsts {
            for &i in &v[1..] {
                let (a, b) = (find(&mut parent, v[0]), find(&mut parent, i));
                parent[b] = a;
            }
            let arts: std::collections::BTreeSet<usize> = v.iter().map(|&i| items[i].doc).collect();
            heads.push((arts.len(), v[0]));
        }
        heads.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let head = heads.first().map(|h| h.1).or(bare.first().copied());
        if let Some(h) = head {
            for &i in &bare {
                let (a, b) = (find(&mut parent, h), find(&mut parent, i));
                parent[b] = a;
            }
        }
    }
    // Others: by whole-name key across ORG/LOC/MISC, of the name and of the forms an article
    // gave it (`KAV` for `Kommunaler Arbeitgeberverband Niedersachsen`).
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        if item.kind == EntityType::Per {
            continue;
        }
        let ent = &docs[item.doc].entities[item.ent];
        // an English name also by its German one (`Munich`, `München`)
        let german = (docs[item.doc].article.language == "en")
            .then(|| crate::features::german_equivalent(&item.name))
            .flatten();
        let keys: Vec<String> = std::iter::once(item.name.as_str())
            .chain(ent.aliases.iter().map(String::as_str))
            .chain(german)
            .filter_map(|n| name_key(n, item.kind))
            .collect();
        for k in keys {
            match by_key.get(&k) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, j), find(&mut parent, i));
                    parent[b] = a;
                }
                None => {
                    by_key.insert(k, i);
                }
            }
        }
    }
    // Build story entities.
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    let mut built: Vec<(StoryEntity, usize, Vec<usize>)> = Vec::new();
    for (_, members) in clusters {
        let mut forms: BTreeMap<String, std::collections::BTreeSet<usize>> = BTreeMap::new();
        let mut kinds: BTreeMap<EntityType, usize> = BTreeMap::new();
        let mut roles: Vec<(String, usize)> = Vec::new();
        let mut alias_forms: Vec<String> = Vec::new();
        let mut arts = std::collections::BTreeSet::new();
        let mut mentions = 0;
        for &i in &members {
            let it = &items[i];
            let ent = &docs[it.doc].entities[it.ent];
            forms.entry(it.name.clone()).or_default().insert(it.doc);
            *kinds.entry(it.kind).or_default() += ent.mentions.len().max(1);
            arts.insert(it.doc);
            mentions += ent.mentions.len().max(1);
            for r in &ent.roles {
                match roles
                    .iter_mut()
                    .find(|(x, _)| x.to_lowercase() == r.to_lowercase())
                {
                    Some((_, c)) => *c += 1,
                    None => roles.push((r.clone(), 1)),
                }
            }
            alias_forms.extend(ent.aliases.iter().cloned());
        }
        let kind = kinds
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| *k)
            .unwrap_or(EntityType::Misc);
        // of forms in as many articles, one written in the language of most of the story's
        // articles (`Bundesverband Industrieller Gasverbraucher` in a German story, not
        // `Federal Association of Industrial Gas Consumers`)
        let in_story_language = |ds: &std::collections::BTreeSet<usize>| {
            ds.iter()
                .filter(|&&d| (docs[d].article.language == "en") == english_story)
                .count()
        };
        let name = forms
            .iter()
            .max_by(|a, b| {
                let wa = a.0.split_whitespace().count().min(3);
                let wb = b.0.split_whitespace().count().min(3);
                let given = |n: &str| {
                    n.split_whitespace()
                        .next()
                        .is_some_and(|t| !is_role_word(t))
                };
                let multi_a = usize::from(kind == EntityType::Per && wa >= 2 && given(a.0));
                let multi_b = usize::from(kind == EntityType::Per && wb >= 2 && given(b.0));
                multi_a
                    .cmp(&multi_b)
                    .then(a.1.len().cmp(&b.1.len()))
                    .then(in_story_language(a.1).cmp(&in_story_language(b.1)))
                    .then(a.0.chars().count().cmp(&b.0.chars().count()))
                    .then(b.0.cmp(a.0))
            })
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
        let mut aliases: Vec<String> = Vec::new();
        for a in forms.keys().cloned().chain(alias_forms) {
            if a != name && !aliases.contains(&a) && !a.trim().is_empty() {
                aliases.push(a);
            }
        }
        aliases.sort();
        roles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let articles = arts.iter().map(|&d| docs[d].article.id.clone()).collect();
        built.push((
            StoryEntity {
                name,
                kind,
                aliases,
                roles: roles.into_iter().map(|r| r.0).collect(),
                articles,
            },
            mentions,
            members,
        ));
    }
    // A one-word person named once in one article, with no role and no words of their own, is
    // most often a common noun the tagger took for a name (`keinen Cent Pacht mehr`); news name
    // the people of a story in full at least once.
    built.retain(|(e, mentions, members)| {
        let speaks = || {
            members.iter().any(|&i| {
                docs[items[i].doc]
                    .quotes
                    .iter()
                    .any(|q| q.speaker_entity == Some(items[i].ent))
            })
        };
        !(e.kind == EntityType::Per
            && !e.name.contains(' ')
            && e.aliases.is_empty()
            && e.roles.is_empty()
            && e.articles.len() == 1
            && *mentions <= 1
            && !speaks())
    });
    // agencies credited for an article's copy (`DOW JONES--` slugs, `(dpa)`): organisations of
    // the story even where the cleaner cut the credit from the text
    let position: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(d, doc)| (doc.article.id.as_str(), d))
        .collect();
    let mut org_of: HashMap<String, usize> = HashMap::new();
    for (i, (e, _, _)) in built.iter().enumerate() {
        if e.kind == EntityType::Org {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                org_of.entry(translit_key(n)).or_insert(i);
            }
        }
    }
    for doc in docs {
        let id = &doc.article.id;
        for credit in &doc.article.credits {
            let key = translit_key(credit);
            if let Some(&i) = org_of.get(&key) {
                let articles = &mut built[i].0.articles;
                if !articles.contains(id) {
                    let at = articles
                        .partition_point(|a| position.get(a.as_str()) < position.get(id.as_str()));
                    articles.insert(at, id.clone());
                }
            } else {
                org_of.insert(key, built.len());
                built.push((
                    StoryEntity {
                        name: credit.clone(),
                        kind: EntityType::Org,
                        aliases: Vec::new(),
                        roles: Vec::new(),
                        articles: vec![id.clone()],
                    },
                    0,
                    Vec::new(),
                ));
            }
        }
    }
    built.sort_by(|a, b| {
        b.0.articles
            .len()
            .cmp(&a.0.articles.len())
            .then(b.1.cmp(&a.1))
            .then(a.0.name.cmp(&b.0.name))
    });
    let mut of = HashMap::new();
    let mut entities = Vec::with_capacity(built.len());
    for (idx, (e, _, members)) in built.into_iter().enumerate() {
        for i in members {
            of.insert((items[i].doc, items[i].ent), idx);
        }
        entities.push(e);
    }
    Merged { entities, of }
}

/// An entity's name with the short form its articles used, if any (`Technisches Hilfswerk
/// (THW)`); persons are named as they are.
pub fn name_with_short_form(e: &lagebild_model::StoryEntity) -> String {
    let short = e
        .aliases
        .iter()
        .find(|a| **a != e.name && lagebild_nlp::ner::link::is_acronym(a));
    match short {
        Some(a) if e.kind != lagebild_model::EntityType::Per => format!("{} ({a})", e.name),
        _ => e.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_are_shown_with_their_short_form() {
        let entity = |name: &str, kind, aliases: &[&str]| lagebild_model::StoryEntity {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            roles: Vec::new(),
            articles: Vec::new(),
        };
        use lagebild_model::EntityType::{Org, Per};
        let thw = entity(
            "Technisches Hilfswerk",
            Org,
            &["Technische Hilfswerk", "THW"],
        );
        assert_eq!(name_with_short_form(&thw), "Technisches Hilfswerk (THW)");
        let dwd = entity("Deutscher Wetterdienst", Org, &["Deutsche Wetterdienst"]);
        assert_eq!(name_with_short_form(&dwd), "Deutscher Wetterdienst");
        let person = entity("Ida Brenner", Per, &["IB"]);
        assert_eq!(name_with_short_form(&person), "Ida Brenner");
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        assert_eq!(translit_key("Uschakow"), translit_key("Ushakov"));
        assert_eq!(translit_key("Dmitrijew"), translit_key("Dmitriev"));
        assert_eq!(translit_key("Selenskyj"), translit_key("Zelensky"));
        assert_eq!(translit_key("Zelenskyy"), translit_key("Selenskyj"));
        assert_eq!(translit_key("Peskow"), translit_key("Peskov"));
        assert_eq!(translit_key("Jelzin"), translit_key("Yeltsin"));
        assert_eq!(translit_key("Chodorkowski"), translit_key("Khodorkovsky"));
        assert_ne!(translit_key("Schulz"), translit_key("Scholz"));
        // numbers are part of a name: roads are told apart, and kept at all
        assert_eq!(translit_key("A 81"), "a 81");
        assert_ne!(translit_key("A 81"), translit_key("A 7"));
    }

    #[test]
    fn a_name_keys_without_article_and_in_the_nominative() {
        let org = |n: &str| name_key(n, EntityType::Org);
        assert_eq!(org("Die Grünen"), org("Grüne"));
        assert_eq!(org("Grünen"), org("Grüne"));
        assert_eq!(org("Linken"), org("Die Linke"));
        assert_ne!(org("Bayern"), org("Bayer"));
        assert_ne!(org("Vereinten Nationen"), org("Vereinte Nation"));
        // persons are keyed by surname as before
        assert_eq!(
            name_key("Anna Grünen", EntityType::Per),
            Some(translit_key("Grünen"))
        );
    }

    #[test]
    fn roles_are_not_given_names() {
        assert!(is_role_word("Oberbürgermeisterin"));
        assert!(is_role_word("Außenminister"));
        assert!(is_role_word("Kreml-Sprecher"));
        assert!(!is_role_word("Katrin"));
        assert!(!is_role_word("Juri"));
    }

    #[test]
    fn credited_agencies_are_organisations() {
        let doc = |id: &str, text: &str, credits: &[&str]| {
            lagebild_nlp::annotate(lagebild_model::Article {
                id: id.into(),
                language: "de".into(),
                text: text.into(),
                credits: credits.iter().map(|c| c.to_string()).collect(),
                ..Default::default()
            })
        };
        let docs = [
            doc(
                "a",
                "Die Agentur dpa meldete am Montag einen Stromausfall in Görlitz.",
                &["dpa"],
            ),
            doc(
                "b",
                "In Görlitz fiel am Montag der Strom aus.",
                &["dpa", "AFP"],
            ),
        ];
        let m = merge(&docs);
        let find = |n: &str| m.entities.iter().find(|e| e.name == n);
        // named in the text of one article, credited by both
        let dpa = find("dpa").expect("dpa");
        assert_eq!(dpa.kind, EntityType::Org);
        assert_eq!(dpa.articles, vec!["a", "b"]);
        // only credited
        let afp = find("AFP").expect("AFP");
        assert_eq!(afp.articles, vec!["b"]);
        assert!(afp.roles.is_empty());
    }

    #[test]
    fn a_one_word_person_named_once_without_a_role_or_words_is_left_out() {
        let doc = |id: &str, text: &str, ents: Vec<lagebild_model::Entity>| AnnotatedArticle {
            article: lagebild_model::Article {
                id: id.into(),
                text: text.into(),
                ..Default::default()
            },
            entities: ents,
            ..Default::default()
        };
        let person = |name: &str, mentions: usize| lagebild_model::Entity {
            name: name.into(),
            kind: EntityType::Per,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: (0..mentions)
                .map(|i| lagebild_model::Mention {
                    span: lagebild_model::Span::new(i * 10, i * 10 + 4),
                    kind: lagebild_model::MentionKind::Name,
                })
                .collect(),
        };
        let docs = vec![
            doc("a", "", vec![person("Parks", 1), person("Anna Berg", 1)]),
            doc("b", "", vec![person("Berg", 2)]),
        ];
        let names: Vec<String> = merge(&docs).entities.into_iter().map(|e| e.name).collect();
        assert!(!names.contains(&"Parks".to_string()), "{names:?}");
        assert!(names.contains(&"Anna Berg".to_string()), "{names:?}");
    }

    /// An annotated article of the given language.
    fn doc(id: &str, language: &str, text: &str) -> AnnotatedArticle {
        lagebild_nlp::annotate(lagebild_model::Article {
            id: id.into(),
            language: language.into(),
            text: text.into(),
            ..Default::default()
        })
    }

    #[test]
    fn a_name_in_two_languages_is_given_in_the_story_s_language() {
        let de = doc(
            "a",
            "de",
            "Der Bundesverband Industrieller Gasverbraucher (BIG) warnte am Montag vor Engpässen.",
        );
        let en = doc(
            "b",
            "en",
            "The Federal Association of Industrial Gas Consumers (BIG) warned of shortages on \
             Monday.",
        );
        let other_de = doc("c", "de", "In Schwedt wurde am Montag weiter gearbeitet.");
        let other_en = doc("d", "en", "Work went on in Schwedt on Monday.");
        let name = |docs: &[AnnotatedArticle]| {
            merge(docs)
                .entities
                .into_iter()
                .find(|e| e.aliases.iter().any(|a| a == "BIG"))
                .map(|e| e.name)
        };
        assert_eq!(
            name(&[de.clone(), en.clone(), other_de]).as_deref(),
            Some("Bundesverband Industrieller Gasverbraucher")
        );
        assert_eq!(
            name(&[de, en, other_en]).as_deref(),
            Some("Federal Association of Industrial Gas Consumers")
        );
    }

    #[test]
    fn an_english_place_name_joins_its_german_name() {
        let docs = [
            doc("a", "de", "In München fiel am Montag der Strom aus."),
            doc(
                "b",
                "en",
                "Power failed in Munich on Monday, the city said.",
            ),
            // German text is not read as English
            doc("c", "de", "Munich Re legte am Montag Zahlen vor."),
        ];
        let m = merge(&docs);
        let place = m
            .entities
            .iter()
            .find(|e| e.name == "München" || e.name == "Munich")
            .expect("place");
        assert_eq!(place.articles, vec!["a", "b"], "{:?}", m.entities);
    }

    #[test]
    fn fuzzy_keys() {
        assert!(keys_match("gerasimov", "gerasimow"));
        assert!(!keys_match("merz", "mers1"));
    }
}
