//! Word lists for entity recognition: first names, family names, places, organisations, role nouns,
//! common nouns that are never names and common nouns that ordinarily are none. All are data files
//! under `resources/de/`.

use crate::tokenize::data_lines;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::sync::OnceLock;

/// Token flags, one bit each.
pub mod flag {
    /// A known given name.
    pub const FIRST: u16 = 1;
    /// A known place (single word, or the genitive of one).
    pub const PLACE: u16 = 1 << 1;
    /// Part of a known multi-word place in this sentence.
    pub const PLACE_PART: u16 = 1 << 2;
    /// A known organisation (single word).
    pub const ORG: u16 = 1 << 3;
    /// Part of a known multi-word organisation in this sentence.
    pub const ORG_PART: u16 = 1 << 4;
    /// A legal form or institution word (`AG`, `GmbH`, `Ministerium`, `…ministerium`).
    pub const ORG_WORD: u16 = 1 << 5;
    /// A role noun or a compound ending in one (`Präsident`, `Kreml-Berater`).
    pub const ROLE: u16 = 1 << 6;
    /// A common noun that is never a name on its own (`Treffen`, `Sanktionen`).
    pub const NOT_ENTITY: u16 = 1 << 7;
    /// A known family name (single word, or the genitive of one).
    pub const SURNAME: u16 = 1 << 8;
    /// A listed common noun, also inflected (`Enzyme`, `Natriums`): ordinarily no name, but
    /// unlike [`NOT_ENTITY`] only a hint.
    pub const COMMON_NOUN: u16 = 1 << 9;
    /// Number of flag bits.
    pub const COUNT: usize = 10;
}

/// `Berlin` for `BERLIN`, `Baden-Baden` for `BADEN-BADEN`: a word of at least three letters,
/// all capitals, in title case; `None` for anything else.
pub(crate) fn title_case(w: &str) -> Option<String> {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return None;
            }
            letters += 1;
        }
    }
    if letters < 3 {
        return None;
    }
    let parts: Vec<String> = w
        .split('-')
        .map(|p| {
            let mut cs = p.chars();
            cs.next()
                .map(|first| first.to_string() + &cs.as_str().to_lowercase())
                .unwrap_or_default()
        })
        .collect();
    Some(parts.join("-"))
}

/// The form by which the words of multi-word names are matched, so that declined names find
/// their listed form (`Nahen Ostens` and `Naher Osten` both give `Nah Ost`, `Europäischen
/// Parlaments` gives `Europäisch Parlament`): from a word ending in a lower-case letter a
/// genitive `s`, then one ending `en`, `er`, `es`, `em`, `e` or `n` are cut, as long as three
/// letters stay.
pub fn inflection_key(w: &str) -> &str {
    if !w.chars().last().is_some_and(char::is_lowercase) {
        return w;
    }
    let long_enough = |b: &str| b.chars().count() >= 3;
    let w = w.strip_suffix('s').filter(|b| long_enough(b)).unwrap_or(w);
    ["en", "er", "es", "em", "e", "n"]
        .iter()
        .find_map(|end| w.strip_suffix(end).filter(|b| long_enough(b)))
        .unwrap_or(w)
}

/// The word with its last umlaut undone (`Löhn` → `Lohn`, `Bäum` → `Baum`), if it has one.
fn without_last_umlaut(w: &str) -> Option<String> {
    let (i, c) = w
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, 'ä' | 'ö' | 'ü'))?;
    let plain = match c {
        'ä' => 'a',
        'ö' => 'o',
        _ => 'u',
    };
    Some(format!("{}{plain}{}", &w[..i], &w[i + c.len_utf8()..]))
}

/// The listed names (see [`Gazetteer::names`]).
#[derive(Debug, Clone, Default)]
pub struct GazetteerNames {
    /// Given names.
    pub first: Vec<String>,
    /// Family names.
    pub surnames: Vec<String>,
    /// Places, as tokens.
    pub places: Vec<Vec<String>>,
    /// Organisations, as tokens.
    pub orgs: Vec<Vec<String>>,
}

/// The loaded word lists.
pub struct Gazetteer {
    first: HashSet<String>,
    surnames: HashSet<String>,
    places: HashSet<String>,
    orgs: HashSet<String>,
    org_words: HashSet<String>,
    org_heads: HashSet<String>,
    roles: HashSet<String>,
    /// Nouns for people in news that are no tagger features (`resources/de/person_nouns.txt`).
    person_nouns: HashSet<String>,
    /// Finds those nouns without their first letter in a word as written (`ngenieur` in
    /// `Bauingenieur` and `Ingenieur`), so most words are ruled out in one pass.
    person_finder: Option<aho_corasick::AhoCorasick>,
    legal_forms: HashSet<String>,
    /// Particle sequences inside personal names (`von der`), as word lists.
    name_particles: Vec<Vec<String>>,
    place_nouns: HashSet<String>,
    /// Geographic terms inside place names (`resources/de/geo_name_words.txt`).
    geo_name_words: HashSet<String>,
    street_suffixes: Vec<String>,
    /// Words that name a road before its number (`resources/de/road_words.txt`).
    road_words: HashSet<String>,
    institutions: HashSet<String>,
    /// Endings of institution words that make one organisation with a place after them.
    place_org_heads: Vec<String>,
    /// One-word names of public bodies: (lower-case word or ending, needs a word before it).
    public_bodies: Vec<(String, bool)>,
    /// Tails of compounds that name a unit of an organisation (`fraktion`).
    org_units: HashSet<String>,
    /// Endings of nouns for a kind of company (`konzern`).
    company_nouns: Vec<String>,
    /// Endings of nouns that a quoted group name follows (`initiative`).
    quoted_name_kinds: Vec<String>,
    /// Endings of abstract nouns (`ung`, `heit`).
    abstract_endings: Vec<String>,
    /// Endings of trade nouns that head a firm's name (`molkerei`).
    trade_nouns: Vec<String>,
    /// Lower-case words inside the long form of a name (`für`, `und`, `of`).
    name_joins: HashSet<String>,
    /// Endings of adjectives and participles (`end`, `ig`, `lich`).
    adjective_endings: Vec<String>,
    not_entities: HashSet<String>,
    /// Names of an article and an everyday word (`Die Zeit`), as listed, and the verbs after
    /// which they stay names at a sentence's start (`berichtet`).
    phrase_names: HashSet<String>,
    phrase_name_verbs: HashSet<String>,
    nouns: HashSet<String>,
    letters: LetterModel,
    /// Multi-word names by first word: (rest of the words, is a place).
    /// Multi-word names by the [`inflection_key`] of their first word: the keys of the other
    /// words, whether it is a place, and its index in `multi_names`.
    multi: HashMap<String, Vec<(Vec<String>, bool, usize)>>,
    /// Multi-word names as listed, and whether each is a place.
    multi_names: Vec<(Vec<String>, bool)>,
}

/// The non-comment lines of a list, lower-cased if asked.
/// Does `w`, in lower case, end with one of `endings` (lower case) after at least four letters?
fn ends_like(w: &str, endings: &[String]) -> bool {
    let lower = w.to_lowercase();
    endings.iter().any(|e| {
        lower
            .strip_suffix(e.as_str())
            .is_some_and(|rest| rest.chars().count() >= 4)
    })
}

fn lines_set(text: &str, lower: bool) -> HashSet<String> {
    data_lines(text)
        .map(|l| {
            if lower {
                l.to_lowercase()
            } else {
                l.to_string()
            }
        })
        .collect()
}

fn owned_lines(text: &str) -> Vec<String> {
    data_lines(text).map(str::to_lowercase).collect()
}

/// A capitalised word's lower-case form without a genitive ending (`Landtags` → `landtag`).
fn lower_base(w: &str) -> Option<(String, String)> {
    if !w.starts_with(char::is_uppercase) {
        return None;
    }
    let lower = w.to_lowercase();
    let base = lower
        .strip_suffix("es")
        .or_else(|| lower.strip_suffix('s'))
        .unwrap_or(&lower)
        .to_string();
    Some((lower, base))
}

/// True for a capitalised word whose lower-case form (or, with `genitive`, also its form
/// without a genitive ending) ends in one of `endings`.
fn ends_in_any(endings: &[String], w: &str, genitive: bool) -> bool {
    lower_base(w).is_some_and(|(lower, base)| {
        endings
            .iter()
            .any(|e| lower.ends_with(e.as_str()) || (genitive && base.ends_with(e.as_str())))
    })
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    data_lines(text).flat_map(str::split_whitespace)
}

/// Letter n-gram counts (2 to 4 letters, word edges marked) of the listed common nouns, person
/// names, organisations and places: what an unlisted word looks most like (`Tranomaro` a place,
/// `Subduktion` a noun).
struct LetterModel {
    /// Per n-gram, the log-probability of it in each kind's words.
    logp: HashMap<u64, [f32; 4]>,
    /// The log-probability of an n-gram never seen in a kind's words.
    unseen: [f32; 4],
}

/// Letter n-grams of a lower-cased word with edge marks, as hashes.
fn letter_grams(w: &str, mut f: impl FnMut(u64)) {
    let cs: Vec<char> = std::iter::once('^')
        .chain(w.chars().flat_map(char::to_lowercase))
        .chain(std::iter::once('$'))
        .collect();
    for n in 2..=4 {
        for g in cs.windows(n) {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ n as u64;
            for &c in g {
                h ^= c as u64;
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
            f(h);
        }
    }
}

impl LetterModel {
    fn new(classes: [Vec<&String>; 4]) -> LetterModel {
        let mut counts: HashMap<u64, [u32; 4]> = HashMap::default();
        let mut totals = [0f64; 4];
        for (c, words) in classes.iter().enumerate() {
            for w in words {
                letter_grams(w, |h| {
                    counts.entry(h).or_default()[c] += 1;
                    totals[c] += 1.0;
                });
            }
        }
        // add-one-half smoothing over the n-grams seen in any kind
        let v = counts.len() as f64;
        let p = |n: u32, k: usize| ((f64::from(n) + 0.5) / (totals[k] + 0.5 * v)).ln() as f32;
        let logp = counts
            .into_iter()
            .map(|(h, c)| (h, [p(c[0], 0), p(c[1], 1), p(c[2], 2), p(c[3], 3)]))
            .collect();
        LetterModel {
            logp,
            unseen: [p(0, 0), p(0, 1), p(0, 2), p(0, 3)],
        }
    }

    /// The likeliest kind (0 noun, 1 person, 2 organisation, 3 place) and how clearly it wins
    /// (0–2), as one number `kind * 3 + clarity`.
    fn class(&self, w: &str) -> u8 {
        let mut score = [0f32; 4];
        letter_grams(w, |h| {
            let lp = self.logp.get(&h).unwrap_or(&self.unseen);
            for (s, l) in score.iter_mut().zip(lp) {
                *s += l;
            }
        });
        let mut order = [0usize, 1, 2, 3];
        order.sort_by(|a, b| score[*b].total_cmp(&score[*a]));
        let margin = score[order[0]] - score[order[1]];
        let clarity = if margin < 1.5 {
            0
        } else if margin < 4.0 {
            1
        } else {
            2
        };
        order[0] as u8 * 3 + clarity
    }
}

/// A per-word value from a thread's cache, computed by `f` on the first request (the cache is
/// emptied when it holds 200,000 words, so memory stays bounded on endless streams).
fn memoised<T: Copy>(
    cache: &'static std::thread::LocalKey<RefCell<HashMap<String, T>>>,
    w: &str,
    f: impl FnOnce() -> T,
) -> T {
    cache.with(|c| {
        if let Some(&v) = c.borrow().get(w) {
            return v;
        }
        let v = f();
        let mut c = c.borrow_mut();
        if c.len() > 200_000 {
            c.clear();
        }
        c.insert(w.to_string(), v);
        v
    })
}

impl Gazetteer {
    /// The German lists, loaded once.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::load)
    }

    fn load() -> Gazetteer {
        let mut multi_names: Vec<(Vec<String>, bool)> = Vec::new();
        let mut single = |texts: &[&str], is_place: bool| {
            let mut set = HashSet::default();
            for line in texts.iter().flat_map(|t| data_lines(t)) {
                let parts: Vec<String> = line.split_whitespace().map(str::to_string).collect();
                if parts.len() == 1 {
                    set.insert(parts[0].clone());
                } else {
                    multi_names.push((parts, is_place));
                }
            }
            set
        };
        let places = single(
            &[
                include_str!("../../resources/de/places.txt"),
                include_str!("../../resources/de/places_dach.txt"),
                include_str!("../../resources/de/places_world.txt"),
                include_str!("../../resources/de/places_sites.txt"),
            ],
            true,
        );
        let orgs = single(
            &[
                include_str!("../../resources/de/orgs.txt"),
                include_str!("../../resources/de/orgs_business.txt"),
                include_str!("../../resources/de/orgs_public.txt"),
                include_str!("../../resources/de/orgs_world.txt"),
            ],
            false,
        );
        let mut multi: HashMap<String, Vec<(Vec<String>, bool, usize)>> = HashMap::default();
        for (ix, (parts, is_place)) in multi_names.iter().enumerate() {
            let keys: Vec<String> = parts
                .iter()
                .map(|p| inflection_key(p).to_string())
                .collect();
            if let Some((first, rest)) = keys.split_first() {
                let rests = multi.entry(first.clone()).or_default();
                if !rests.iter().any(|(r, _, _)| r == rest) {
                    rests.push((rest.to_vec(), *is_place, ix));
                }
            }
        }
        for v in multi.values_mut() {
            v.sort_by_key(|(rest, _, _)| std::cmp::Reverse(rest.len()));
        }
        let first: HashSet<String> = words(include_str!("../../resources/de/first_names.txt"))
            .map(str::to_string)
            .collect();
        let surnames: HashSet<String> = words(include_str!("../../resources/de/surnames.txt"))
            .map(str::to_string)
            .collect();
        let nouns = lines_set(include_str!("../../resources/de/nouns.txt"), false);
        let (mut phrase_names, mut phrase_name_verbs) = (HashSet::default(), HashSet::default());
        let mut verbs = false;
        for l in data_lines(include_str!("../../resources/de/phrase_names.txt")) {
            if l == "[verbs]" {
                verbs = true;
            } else if verbs {
                phrase_name_verbs.insert(l.to_string());
            } else {
                phrase_names.insert(l.to_string());
            }
        }
        let letters = LetterModel::new([
            nouns.iter().collect(),
            first.iter().chain(&surnames).collect(),
            orgs.iter()
                .filter(|w| w.chars().any(char::is_lowercase))
                .collect(),
            places.iter().collect(),
        ]);
        Gazetteer {
            first,
            surnames,
            places,
            orgs,
            org_words: lines_set(include_str!("../../resources/de/org_words.txt"), false),
            org_heads: lines_set(include_str!("../../resources/de/org_heads.txt"), true),
            roles: lines_set(include_str!("../../resources/de/roles.txt"), true),
            person_nouns: lines_set(include_str!("../../resources/de/person_nouns.txt"), true),
            person_finder: aho_corasick::AhoCorasick::new(
                lines_set(include_str!("../../resources/de/person_nouns.txt"), true)
                    .iter()
                    .filter_map(|p| p.char_indices().nth(1).map(|(i, _)| p[i..].to_string())),
            )
            .ok(),
            legal_forms: lines_set(include_str!("../../resources/de/legal_forms.txt"), false),
            name_particles: data_lines(include_str!("../../resources/de/name_particles.txt"))
                .map(|l| l.split_whitespace().map(str::to_string).collect())
                .collect(),
            place_nouns: lines_set(include_str!("../../resources/de/place_nouns.txt"), false),
            geo_name_words: lines_set(include_str!("../../resources/de/geo_name_words.txt"), false),
            street_suffixes: lines_set(
                include_str!("../../resources/de/street_suffixes.txt"),
                false,
            )
            .into_iter()
            .collect(),
            road_words: lines_set(include_str!("../../resources/de/road_words.txt"), false),
            institutions: lines_set(include_str!("../../resources/de/institutions.txt"), false),
            place_org_heads: data_lines(include_str!("../../resources/de/place_org_heads.txt"))
                .map(str::to_string)
                .collect(),
            public_bodies: data_lines(include_str!("../../resources/de/public_bodies.txt"))
                .map(|l| match l.strip_prefix('-') {
                    Some(end) => (end.to_lowercase(), true),
                    None => (l.to_lowercase(), false),
                })
                .collect(),
            org_units: lines_set(include_str!("../../resources/de/org_units.txt"), true),
            company_nouns: owned_lines(include_str!("../../resources/de/company_nouns.txt")),
            quoted_name_kinds: owned_lines(include_str!(
                "../../resources/de/quoted_name_kinds.txt"
            )),
            abstract_endings: owned_lines(include_str!("../../resources/de/abstract_endings.txt")),
            trade_nouns: owned_lines(include_str!("../../resources/de/trade_nouns.txt")),
            name_joins: lines_set(include_str!("../../resources/de/name_joins.txt"), false),
            adjective_endings: data_lines(include_str!("../../resources/de/adjective_endings.txt"))
                .map(str::to_string)
                .collect(),
            not_entities: lines_set(include_str!("../../resources/de/not_entities.txt"), false),
            phrase_names,
            phrase_name_verbs,
            nouns,
            letters,
            multi,
            multi_names,
        }
    }

    /// Listed names for training-data augmentation, sorted: given names, family names, places
    /// and organisations (multi-word ones as token lists).
    pub fn names(&self) -> GazetteerNames {
        let sorted = |set: &HashSet<String>| {
            let mut v: Vec<Vec<String>> = set.iter().map(|w| vec![w.clone()]).collect();
            v.sort();
            v
        };
        let mut places = sorted(&self.places);
        let mut orgs = sorted(&self.orgs);
        for (t, is_place) in &self.multi_names {
            if *is_place {
                places.push(t.clone());
            } else {
                orgs.push(t.clone());
            }
        }
        places.sort();
        orgs.sort();
        let flat = |v: Vec<Vec<String>>| v.into_iter().flatten().collect::<Vec<_>>();
        GazetteerNames {
            first: flat(sorted(&self.first)),
            surnames: flat(sorted(&self.surnames)),
            places,
            orgs,
        }
    }

    /// The listed form of a place or organisation name written with other endings: a
    /// multi-word name with the same [`inflection_key`]s (`Deutschen Wetterdienst` →
    /// `Deutscher Wetterdienst`, `Rotem Kreuz` → `Rotes Kreuz`), or a single word in the
    /// genitive (`Russlands` → `Russland`, `Bundestages` → `Bundestag`). `None` when the name
    /// is listed as written or not at all.
    pub fn listed_form(&self, words: &[&str]) -> Option<String> {
        match words {
            [] => None,
            [w] => {
                let listed = |x: &str| self.places.contains(x) || self.orgs.contains(x);
                if listed(w) {
                    return None;
                }
                ["s", "es"]
                    .iter()
                    .filter_map(|end| w.strip_suffix(end))
                    .find(|b| b.chars().count() > 2 && listed(b))
                    .map(str::to_string)
            }
            [first, rest @ ..] => {
                let (_, _, ix) =
                    self.multi
                        .get(inflection_key(first))?
                        .iter()
                        .find(|(r, _, _)| {
                            r.len() == rest.len()
                                && r.iter().zip(rest).all(|(a, b)| a == inflection_key(b))
                        })?;
                let name = self.multi_names[*ix].0.join(" ");
                (name != words.join(" ")).then_some(name)
            }
        }
    }

    /// Number of words of the longest listed name particle sequence at the start of `words`
    /// (`von der Leyen` → 2), 0 if none.
    pub fn name_particles(&self, words: &[&str]) -> usize {
        self.name_particles
            .iter()
            .filter(|p| p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b))
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }

    /// True for a legal form that closes an organisation name (`GmbH`).
    pub fn is_legal_form(&self, w: &str) -> bool {
        self.legal_forms.contains(w)
    }

    /// True for a word that names a road before its number (`Bundesstraße`, `Autobahn`).
    pub fn is_road_word(&self, w: &str) -> bool {
        self.road_words.contains(w)
    }

    /// True for a noun after which a capitalised word names a place (`Stadt`).
    pub fn is_place_noun(&self, w: &str) -> bool {
        self.place_nouns.contains(w)
    }

    /// True for a word that ends like a street or square name (`Lindenweg`, `Gerberstraße`;
    /// `resources/de/street_suffixes.txt`), with at least four letters before the ending.
    pub fn is_street_like(&self, w: &str) -> bool {
        ends_like(w, &self.street_suffixes)
    }

    /// True for a lower-case word that may stand inside a name's long form (`für`, `und`,
    /// `of`; `resources/de/name_joins.txt`).
    pub fn is_name_join(&self, w: &str) -> bool {
        self.name_joins.contains(w)
    }

    /// True for a word that ends like an adjective or participle (`Mildernd`, `Stachelig`;
    /// `resources/de/adjective_endings.txt`), with at least four letters before the ending.
    pub fn is_adjective_like(&self, w: &str) -> bool {
        ends_like(w, &self.adjective_endings)
    }

    /// True for a geographic term that makes a name of several words a place's (`Monte`,
    /// `Port`, `Canal`; `resources/de/geo_name_words.txt`).
    pub fn is_geo_name_word(&self, w: &str) -> bool {
        self.geo_name_words.contains(w)
    }

    /// True for an institution word that heads a name with a complement (`Institut`).
    pub fn is_institution(&self, w: &str) -> bool {
        self.institutions.contains(w)
    }

    /// True for a capitalised institution word that makes one organisation with a place after
    /// it (`Klinikum` in `Klinikum Kempten`; `resources/de/place_org_heads.txt`).
    pub fn is_place_org_head(&self, w: &str) -> bool {
        let lower = w.to_lowercase();
        w.starts_with(char::is_uppercase) && self.place_org_heads.iter().any(|h| lower.ends_with(h))
    }

    /// True for the one-word name of a public body (`Finanzministerium`, `Landtags`,
    /// `Staatskanzlei`; `resources/de/public_bodies.txt`).
    pub fn is_public_body(&self, w: &str) -> bool {
        let Some((lower, base)) = lower_base(w) else {
            return false;
        };
        self.public_bodies.iter().any(|(e, compound)| {
            [&lower, &base].iter().any(|x| {
                if *compound {
                    x.len() > e.len() && x.ends_with(e.as_str())
                } else {
                    *x == e
                }
            })
        })
    }

    /// True for a compound naming a unit of a listed organisation (`CDU-Fraktion`,
    /// `SPD-Landesverbands`; `resources/de/org_units.txt`).
    pub fn is_org_unit(&self, w: &str) -> bool {
        let (Some((head, _)), Some((_, tail))) = (w.split_once('-'), w.rsplit_once('-')) else {
            return false;
        };
        let Some((lower, base)) = lower_base(tail) else {
            return false;
        };
        self.orgs.contains(head)
            && (self.org_units.contains(&lower) || self.org_units.contains(&base))
    }

    /// True for a noun naming a kind of company (`Firma`, `Chemiekonzerns`;
    /// `resources/de/company_nouns.txt`).
    pub fn is_company_noun(&self, w: &str) -> bool {
        ends_in_any(&self.company_nouns, w, true)
    }

    /// True for a trade noun that heads a firm's name (`Molkerei`, `Bankhaus`;
    /// `resources/de/trade_nouns.txt`).
    pub fn is_trade_noun(&self, w: &str) -> bool {
        ends_in_any(&self.trade_nouns, w, false)
    }

    /// True for a noun that a quoted group name follows (`Bürgerinitiative`;
    /// `resources/de/quoted_name_kinds.txt`).
    pub fn names_by_quote(&self, w: &str) -> bool {
        ends_in_any(&self.quoted_name_kinds, w, false)
    }

    /// True for a capitalised abstract noun without a hyphen (`Entwarnung`, `Mehrheit`;
    /// `resources/de/abstract_endings.txt`): never a name on its own.
    pub fn is_abstract_noun(&self, w: &str) -> bool {
        !w.contains('-')
            && w.chars().count() >= 6
            && lower_base(w).is_some_and(|(lower, _)| {
                self.abstract_endings.iter().any(|e| {
                    lower.strip_suffix(e.as_str()).is_some_and(|stem| {
                        stem.chars().last().is_some_and(char::is_alphabetic)
                            && w.chars().nth(1).is_some_and(char::is_lowercase)
                    })
                })
            })
    }

    /// True for a known given name.
    pub fn is_first_name(&self, w: &str) -> bool {
        self.first.contains(w)
    }

    /// True for a known family name, also in the genitive (`Müllers`).
    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames.contains(w)
            || w.strip_suffix('s')
                .is_some_and(|b| b.chars().count() > 2 && self.surnames.contains(b))
    }

    /// True for a known place, also in the genitive (`Russlands`).
    pub fn is_place(&self, w: &str) -> bool {
        self.places.contains(w)
            || w.strip_suffix('s')
                .is_some_and(|b| b.chars().count() > 2 && self.places.contains(b))
    }

    /// True for a known single-word organisation.
    pub fn is_org(&self, w: &str) -> bool {
        self.orgs.contains(w)
    }

    /// True for a capitalised common noun listed as never being a name, or a nominalised
    /// comparative (`Wichtigeres`, `Schlimmeres`: `-eres` after at least four letters).
    pub fn is_not_entity(&self, w: &str) -> bool {
        self.not_entities.contains(w) || (w.ends_with("eres") && w.chars().count() >= 8)
    }

    /// True for a listed name made of an article and an everyday word (`Die Zeit`, `Der
    /// Plan`), given as its two words.
    pub fn is_phrase_name(&self, article: &str, word: &str) -> bool {
        self.phrase_names.contains(&format!("{article} {word}"))
    }

    /// True for a verb after which such a name opening a sentence stays a name (`Die Zeit
    /// berichtet`).
    pub fn is_phrase_name_verb(&self, w: &str) -> bool {
        self.phrase_name_verbs.contains(w)
    }

    /// True for a legal form or institution word, or a compound ending in one.
    pub fn is_org_word(&self, w: &str) -> bool {
        if self.org_words.contains(w) {
            return true;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let lower = w.to_lowercase();
        self.org_heads.iter().any(|h| lower.ends_with(h.as_str()))
    }

    /// The role noun a word is or ends in (`Kreml-Berater` → `berater`), lower-cased, if any.
    ///
    /// Inflected forms (`Präsidenten`, `Beraters`) are recognised.
    pub fn role_head(&self, w: &str) -> Option<String> {
        self.role(w).map(|(_, head)| head)
    }

    /// The role a word names: the word in its base form (`US-Präsidenten` → `US-Präsident`;
    /// a feminine form stays feminine: `Oberbürgermeisterin`) and the lower-cased role noun it
    /// is or ends in (`präsident`, `bürgermeister`).
    pub fn role(&self, w: &str) -> Option<(String, String)> {
        Self::role_in(&self.roles, w)
    }

    /// Like [`Gazetteer::role`], also for the nouns that say who a person is in news
    /// (`Mutter`, `Fahrgast`, `Milchbauer`: `resources/de/person_nouns.txt`), which the tagger
    /// does not take as features: the roles an article's entities are given.
    pub fn person_role(&self, w: &str) -> Option<(String, String)> {
        self.role(w)
            .or_else(|| Self::role_in(&self.person_nouns, w))
    }

    /// True for a word [`Gazetteer::person_role`] finds in the nouns for people only (the
    /// tagger's role flag covers the rest); most words leave at one search for the nouns.
    pub fn is_person_noun(&self, w: &str) -> bool {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        self.person_finder.as_ref().is_none_or(|f| f.is_match(w))
            && Self::role_in(&self.person_nouns, w).is_some()
    }

    fn role_in(roles: &HashSet<String>, w: &str) -> Option<(String, String)> {
        if !w.chars().next().is_some_and(char::is_uppercase) || w.len() < 4 {
            return None;
        }
        let lower = w.to_lowercase();
        for cut in ["", "en", "n", "s", "in", "innen"] {
            let Some(f) = lower.strip_suffix(cut) else {
                continue;
            };
            if f.len() < 3 {
                continue;
            }
            let kept = match cut {
                "in" => 0,
                "innen" => 3,
                c => c.len(),
            };
            let base = || w.get(..w.len() - kept).unwrap_or(w).to_string();
            if roles.contains(f) {
                return Some((base(), f.to_string()));
            }
            // compound: a known role noun as the last part (after a hyphen or glued)
            if let Some((_, last)) = f.rsplit_once('-') {
                if roles.contains(last) {
                    return Some((base(), last.to_string()));
                }
            }
            for (i, _) in f.char_indices().skip(3) {
                let tail = &f[i..];
                if tail.len() >= 5 && roles.contains(tail) {
                    return Some((base(), tail.to_string()));
                }
            }
        }
        None
    }

    /// What a capitalised word of at least three letters looks like by its letters (see
    /// `LetterModel`): `kind * 3 + clarity + 1`, or 0 for other words. Memoised per thread.
    pub fn letter_class(&self, w: &str) -> u8 {
        thread_local! {
            static CACHE: RefCell<HashMap<String, u8>> = RefCell::new(HashMap::default());
        }
        if !w.chars().next().is_some_and(char::is_uppercase)
            || w.chars().count() < 3
            || !w.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            return 0;
        }
        memoised(&CACHE, w, || self.letters.class(w) + 1)
    }

    /// Flags of one word on its own (no multi-word names), memoised per thread.
    pub fn word_flags(&self, w: &str) -> u16 {
        thread_local! {
            static CACHE: RefCell<HashMap<String, u16>> = RefCell::new(HashMap::default());
        }
        if !w.chars().next().is_some_and(char::is_alphabetic) {
            return 0;
        }
        memoised(&CACHE, w, || self.compute_flags(w))
    }

    fn compute_flags(&self, w: &str) -> u16 {
        let f = self.flags_as_written(w);
        if f != 0 {
            return f;
        }
        // a word in capitals (datelines, credits: `BERLIN`, `DOW JONES`) as its listed name
        title_case(w).map_or(0, |t| self.flags_as_written(&t))
    }

    fn flags_as_written(&self, w: &str) -> u16 {
        let mut f = 0;
        let first = w.chars().next();
        if self.is_first_name(w) {
            f |= flag::FIRST;
        }
        if self.is_surname(w) {
            f |= flag::SURNAME;
        }
        // also a place's English name (`Hungary`, `Munich`), by its German one
        let english_place = || {
            first.is_some_and(char::is_uppercase)
                && crate::en_de::german_equivalent(w).is_some_and(|de| self.is_place(de))
        };
        if self.is_place(w) || english_place() {
            f |= flag::PLACE;
        }
        if self.is_org(w) {
            f |= flag::ORG;
        }
        if self.is_org_word(w) {
            f |= flag::ORG_WORD;
        }
        if first.is_some_and(char::is_uppercase) {
            if self.is_not_entity(w) {
                f |= flag::NOT_ENTITY;
            }
            if self.role(w).is_some() {
                f |= flag::ROLE;
            }
            if self.is_common_noun(w) {
                f |= flag::COMMON_NOUN;
            }
        }
        f
    }

    /// True for a listed common noun, also with a case or plural ending (`Enzyme`, `Natriums`,
    /// `Hormonen`), also a plural with an umlaut (`Löhne`, `Häuser`, `Bäumen`).
    pub fn is_common_noun(&self, w: &str) -> bool {
        self.nouns.contains(w)
            || ["s", "es", "e", "n", "en", "er", "ern", "nen"]
                .iter()
                .filter_map(|end| w.strip_suffix(end))
                .filter(|b| b.chars().count() > 2)
                .any(|b| {
                    self.nouns.contains(b)
                        || (["e", "en", "er", "ern"].iter().any(|e| w.ends_with(e))
                            && without_last_umlaut(b).is_some_and(|x| self.nouns.contains(&x)))
                })
    }

    /// True for a word that is a listed common noun as written, or a compound ending in one of at
    /// least three letters (`Wasserwirtschaftsamt`: `Amt`).
    pub fn ends_in_common_noun(&self, w: &str) -> bool {
        self.nouns.contains(w)
            || w.char_indices().skip(1).any(|(i, _)| {
                let tail = &w[i..];
                tail.chars().count() >= 3 && {
                    let mut cs = tail.chars();
                    cs.next().is_some_and(|c| {
                        self.nouns
                            .contains(&(c.to_uppercase().collect::<String>() + cs.as_str()))
                    })
                }
            })
    }

    /// The head of a written compound noun: its longest ending of at least four letters that is
    /// a listed common noun (also declined or in the plural, see [`Gazetteer::is_common_noun`])
    /// after at least three letters (`Einwegverpackungen` → `Verpackungen`, `Zentrallager` →
    /// `Lager`), capitalised. `None` for a word that is no compound of a listed noun, and for a
    /// listed name (`Hamburg` is no kind of `Burg`).
    pub fn compound_head(&self, w: &str) -> Option<String> {
        if !w.chars().next().is_some_and(char::is_uppercase)
            || w.contains('-')
            || self.is_place(w)
            || self.is_surname(w)
            || self.is_first_name(w)
            || self.is_org(w)
        {
            return None;
        }
        w.char_indices().skip(3).find_map(|(i, _)| {
            let tail = &w[i..];
            let mut cs = tail.chars();
            let first = cs.next()?;
            if !first.is_lowercase() || tail.chars().count() < 4 {
                return None;
            }
            let head = first.to_uppercase().collect::<String>() + cs.as_str();
            if !self.is_common_noun(&head) {
                return None;
            }
            // a long listed ending is no accident (`Einwegverpackungen`); a shorter one needs a
            // known word before it, a short one a listed noun (`Katastrophenfall`)
            let min_known = match tail.chars().count() {
                7.. => 0,
                5 | 6 => 1,
                _ => 2,
            };
            (self.modifier_kind(&w[..i]) >= min_known).then_some(head)
        })
    }

    /// What the first part of a compound noun as written is, also before a linking `s`, `es`,
    /// `n`, `en`, `e`, `er` or `ns`: 2 for a listed common noun (`Verpackungs`, `Lager`), 1 for
    /// another word of the raw German text the word clusters were learned from (`Groß`,
    /// `Logistik`), 0 for no known word (`Arbeitg` of `Arbeitgeber`, which does not end in
    /// `Eber`).
    fn modifier_kind(&self, part: &str) -> u8 {
        let known = super::features::Clusters::embedded();
        ["", "s", "es", "n", "en", "e", "er", "ns"]
            .iter()
            .filter_map(|link| part.strip_suffix(link))
            .filter(|b| b.chars().count() >= 3)
            .map(|b| {
                if self.nouns.contains(b) {
                    2
                } else {
                    u8::from(known.info(&b.to_lowercase()).is_some())
                }
            })
            .max()
            .unwrap_or(0)
    }

    /// Flags of each token of a sentence (see [`flag`]).
    pub fn flags(&self, tokens: &[&str]) -> Vec<u16> {
        let mut out = vec![0u16; tokens.len()];
        for (i, w) in tokens.iter().enumerate() {
            if !w.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            out[i] |= self.word_flags(w);
            let titled = title_case(w);
            // the names starting with the word as written, then in title case (`NEW YORK`),
            // matched by inflection keys (`Nahen Ostens` as `Naher Osten`)
            let cands = [Some(*w), titled.as_deref()]
                .into_iter()
                .flatten()
                .filter_map(|k| self.multi.get(inflection_key(k)))
                .flatten();
            let same = |a: &str, b: &str| {
                inflection_key(a) == b || title_case(a).is_some_and(|t| inflection_key(&t) == b)
            };
            for (rest, is_place, _) in cands {
                let end = i + 1 + rest.len();
                if end <= tokens.len()
                    && tokens[i + 1..end].iter().zip(rest).all(|(a, b)| same(a, b))
                {
                    let bit = if *is_place {
                        flag::PLACE_PART
                    } else {
                        flag::ORG_PART
                    };
                    for o in &mut out[i..end] {
                        *o |= bit;
                    }
                    break;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_in_compounds_and_inflections() {
        let g = Gazetteer::get();
        assert_eq!(g.role_head("Kreml-Berater").as_deref(), Some("berater"));
        assert_eq!(
            g.role_head("US-Außenminister").as_deref(),
            Some("außenminister")
        );
        assert_eq!(g.role_head("Präsidenten").as_deref(), Some("präsident"));
        assert_eq!(
            g.role_head("Sicherheitsberater").as_deref(),
            Some("sicherheitsberater")
        );
        // feminine forms keep their form and share the masculine head
        assert_eq!(
            g.role("Oberbürgermeisterin"),
            Some(("Oberbürgermeisterin".into(), "oberbürgermeister".into()))
        );
        assert_eq!(
            g.role("Sprecherinnen"),
            Some(("Sprecherin".into(), "sprecher".into()))
        );
        assert_eq!(g.role_head("Berlin"), None);
        assert_eq!(g.role_head("Gespräche"), None);
        assert_eq!(g.role_head("Putin"), None);
    }

    #[test]
    fn unlisted_words_look_like_their_kind() {
        let g = Gazetteer::get();
        // kind 0 noun, 1 person, 3 place (see `LetterModel::class`)
        let kind = |w: &str| (g.letter_class(w) - 1) / 3;
        assert_eq!(kind("Wolkersingen"), 3);
        assert_eq!(kind("Behrendorf"), 3);
        assert_eq!(kind("Verschränkung"), 0);
        assert_eq!(kind("Glasfaserung"), 0);
        assert_eq!(kind("Kowalczykowski"), 1);
        assert_eq!(kind("Papadopoulos"), 1);
        assert_eq!(g.letter_class("verschränkt"), 0);
        assert_eq!(g.letter_class("Ab"), 0);
    }

    #[test]
    fn compound_heads_are_listed_nouns_after_known_words() {
        let g = Gazetteer::get();
        assert_eq!(
            g.compound_head("Einwegverpackungen").as_deref(),
            Some("Verpackungen")
        );
        assert_eq!(g.compound_head("Zentrallager").as_deref(), Some("Lager"));
        assert_eq!(g.compound_head("Großbrand").as_deref(), Some("Brand"));
        // the longest listed ending wins (`Steuer`, not `Euer`)
        assert_eq!(
            g.compound_head("Verpackungssteuer").as_deref(),
            Some("Steuer")
        );
        // an ending after no known word is no head
        assert_eq!(g.compound_head("Arbeitgeber"), None);
        assert_eq!(g.compound_head("Entwurf"), None);
        // a simple noun, a hyphenated word, a lower-case word and a listed place have none
        assert_eq!(g.compound_head("Lager"), None);
        assert_eq!(g.compound_head("Zentral-Lager"), None);
        assert_eq!(g.compound_head("zentrallager"), None);
        assert_eq!(g.compound_head("Hamburg"), None);
    }

    #[test]
    fn common_nouns_with_plural_endings_and_umlauts() {
        let g = Gazetteer::get();
        assert_eq!(without_last_umlaut("Häus").as_deref(), Some("Haus"));
        assert_eq!(without_last_umlaut("Haus"), None);
        assert!(g.is_common_noun("Löhne"));
        assert!(g.is_common_noun("Häuser"));
        assert!(!g.is_common_noun("Schröder"));
    }

    #[test]
    fn bodies_units_company_nouns_and_abstract_nouns() {
        let g = Gazetteer::get();
        for w in [
            "Finanzministerium",
            "Landtags",
            "Staatskanzlei",
            "Gewerbeaufsichtsamt",
        ] {
            assert!(g.is_public_body(w), "{w}");
        }
        for w in ["Ministerium", "Ministeriums", "Landtagswahl", "landtag"] {
            assert!(!g.is_public_body(w), "{w}");
        }
        assert!(g.is_org_unit("CDU-Fraktion"));
        assert!(g.is_org_unit("SPD-Landesverbands"));
        assert!(!g.is_org_unit("CDU-Chef"));
        assert!(!g.is_org_unit("Fraktion"));
        assert!(g.is_company_noun("Firma"));
        assert!(g.is_company_noun("Chemiekonzerns"));
        assert!(!g.is_company_noun("Konzernchef"));
        assert!(g.names_by_quote("Bürgerinitiative"));
        for w in ["Entwarnung", "Mehrheit", "Mobilität", "Sicherheit"] {
            assert!(g.is_abstract_noun(w), "{w}");
        }
        for w in ["Jung", "Thomas-Dehler-Stiftung", "UNG", "Hamburg"] {
            assert!(!g.is_abstract_noun(w), "{w}");
        }
    }

    #[test]
    fn nominalised_comparatives_are_not_names() {
        let g = Gazetteer::get();
        assert!(g.is_not_entity("Wichtigeres"));
        assert!(g.is_not_entity("Schlimmeres"));
        assert!(!g.is_not_entity("Peres"));
        assert!(!g.is_not_entity("Berlin"));
    }

    #[test]
    fn flags_of_a_sentence() {
        let g = Gazetteer::get();
        let toks = [
            "Juri",
            "reiste",
            "nach",
            "New",
            "York",
            "und",
            "Russlands",
            "Bank",
        ];
        let f = g.flags(&toks);
        assert!(f[0] & flag::FIRST != 0);
        assert!(f[3] & flag::PLACE_PART != 0 && f[4] & flag::PLACE_PART != 0);
        assert!(f[6] & flag::PLACE != 0);
        assert!(f[7] & flag::ORG_WORD != 0);
        assert_eq!(f[1], 0);
        // capitals as in datelines
        let f = g.flags(&["NEW", "YORK", "–", "BERLIN", "CDU"]);
        assert!(f[0] & flag::PLACE_PART != 0 && f[1] & flag::PLACE_PART != 0);
        assert!(f[3] & flag::PLACE != 0);
        assert!(f[4] & flag::ORG != 0);
    }

    #[test]
    fn declined_multi_word_names_match_their_listed_form() {
        assert_eq!(inflection_key("Nahen"), "Nah");
        assert_eq!(inflection_key("Ostens"), inflection_key("Osten"));
        assert_eq!(inflection_key("Reiches"), "Reich");
        assert_eq!(inflection_key("USA"), "USA");
        assert_eq!(inflection_key("Ufa"), "Ufa");
        let g = Gazetteer::get();
        let f = g.flags(&[
            "im",
            "Nahen",
            "Ostens",
            "und",
            "der",
            "Europäischen",
            "Union",
        ]);
        assert!(f[1] & flag::PLACE_PART != 0 && f[2] & flag::PLACE_PART != 0);
        assert!(f[5] & flag::ORG_PART != 0 && f[6] & flag::ORG_PART != 0);
        assert_eq!(f[3] & (flag::PLACE_PART | flag::ORG_PART), 0);
        assert_eq!(
            g.listed_form(&["Europäischen", "Union"]).as_deref(),
            Some("Europäische Union")
        );
        assert_eq!(g.listed_form(&["Europäische", "Union"]), None);
        assert_eq!(g.listed_form(&["Russlands"]).as_deref(), Some("Russland"));
        assert_eq!(g.listed_form(&["Russland"]), None);
        assert_eq!(g.listed_form(&["Blaue", "Kommission"]), None);
    }
}
