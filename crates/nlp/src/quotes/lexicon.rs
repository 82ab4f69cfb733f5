//! The German speech lexicons, loaded once from the data files under `resources/de/`.

use crate::tokenize::data_lines;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const SPEECH_VERBS: &str = include_str!("../../resources/de/quotes_speech_verbs.txt");
const ATTRIBUTION: &str = include_str!("../../resources/de/quotes_attribution.txt");
const HEDGES: &str = include_str!("../../resources/de/quotes_hedges.txt");
const KONJUNKTIV: &str = include_str!("../../resources/de/quotes_konjunktiv.txt");
const NONVERBS: &str = include_str!("../../resources/de/quotes_nonverbs.txt");
const SPEECH_NOUNS: &str = include_str!("../../resources/de/quotes_speech_nouns.txt");
/// Role nouns (shared with the entity recogniser, read only here).
const ROLES: &str = include_str!("../../resources/de/roles.txt");
const AGENTS: &str = include_str!("../../resources/de/quotes_agents.txt");
const EPITHETS: &str = include_str!("../../resources/de/quotes_epithets.txt");

/// How a verb form found in the text relates to its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// Finite form of a main clause; a separable verb needs its particle later in the clause.
    Finite,
    /// Finite form with the particle attached (subordinate clause: `wie X mitteilte`) or a
    /// verb without particle.
    Joined,
    /// Past participle (`hat gesagt`, `wurde mitgeteilt`).
    Participle,
}

/// One speech verb of the lexicon.
#[derive(Debug, Clone)]
pub struct Verb {
    /// Separable particle (`mit`), if any.
    pub particle: Option<String>,
    /// Takes a content clause.
    pub clause: bool,
    /// Can report a speech act without a clause.
    pub reported: bool,
    /// Denial or dispute.
    pub denial: bool,
    /// Belief or expectation verb: a cue only with `dass`/`ob` or a Konjunktiv clause.
    pub belief: bool,
    /// Impersonal: a cue even without a subject (`es wurde bekannt, dass …`).
    pub impersonal: bool,
    /// Words one of which the clause must hold for a reported speech act without a content
    /// clause (`sprechen`: `von`, so that `X sprach von einem Erfolg` is speech and `X und Y
    /// sprachen miteinander` is not); empty when the verb alone suffices.
    pub needs: Vec<String>,
}

/// All lexicons.
#[derive(Debug)]
pub struct Lexicon {
    /// Speech verbs.
    pub verbs: Vec<Verb>,
    /// Lowercase form → (verb index, kind), several entries per form possible.
    pub forms: BTreeMap<String, Vec<(usize, FormKind)>>,
    /// A participle written apart from its particle (`bekannt gegeben`): rest of the
    /// participle → particle → verb index.
    pub split_participles: BTreeMap<String, BTreeMap<String, usize>>,
    /// Prepositions before a source (`laut`).
    pub pre: BTreeSet<String>,
    /// Postpositions after a source (`zufolge`).
    pub post: BTreeSet<String>,
    /// Nouns after `nach` (`Angaben`), lowercase.
    pub nach_nouns: BTreeSet<String>,
    /// Nouns after `nach` that name no kind of source (`Erkenntnissen`), lowercase.
    pub vague_nouns: BTreeSet<String>,
    /// Impersonal `heißen` forms.
    pub heissen: BTreeSet<String>,
    /// Hedge words, the modals of hearsay included.
    pub hedges: BTreeSet<String>,
    /// Modals that report hearsay but also speak of plans (`soll`, `sollen`): they hedge only
    /// before a perfect infinitive.
    pub hearsay: BTreeSet<String>,
    /// Preterite forms of the speech verbs, singular and plural, also with their particle
    /// joined (`sagte`, `sagten`, `mitteilte`): past-tense cues for the time tagger.
    pub preterites: BTreeSet<String>,
    /// Konjunktiv I forms, irregular and derived.
    pub k1: BTreeSet<String>,
    /// Konjunktiv II stand-ins.
    pub k2: BTreeSet<String>,
    /// Lowercase words that are not verb forms (`lange`, `geraten`).
    pub nonverbs: BTreeSet<String>,
    /// Speech nouns followed by a content clause (`Forderung`, `Vorwurf`), lowercase.
    pub clause_nouns: BTreeSet<String>,
    /// Speech nouns naming an act without its words (`Kritik`), lowercase.
    pub act_nouns: BTreeSet<String>,
    /// Light verbs that carry an act noun (`übte`, `erhob`), lowercase.
    pub light_verbs: BTreeSet<String>,
    /// Role nouns that describe a person (`berater`, `sprecherin`), lowercase.
    pub roles: BTreeSet<String>,
    /// Nouns naming a body or group that speaks (`polizei`, `regierung`), lowercase; matched
    /// as a word's end.
    pub agents: Vec<String>,
    /// Nouns that, definite and without a name, point back to a person just named
    /// (`politikerin`, `jährige`), lowercase; matched as a word's end.
    pub person_epithets: Vec<String>,
    /// The same for an organisation (`unternehmen`, `gewerkschaft`).
    pub org_epithets: Vec<String>,
}

/// Split a file with `[section]` headers into (section, line) pairs.
fn sections(text: &str) -> Vec<(String, String)> {
    let mut current = String::new();
    let mut out = Vec::new();
    for line in data_lines(text) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.to_string();
        } else {
            out.push((current.clone(), line.to_lowercase()));
        }
    }
    out
}

/// Plural of a preterite: `sagte` → `sagten`, `sprach` → `sprachen`.
fn preterite_plural(pret: &str) -> String {
    if pret.ends_with('e') {
        format!("{pret}n")
    } else {
        format!("{pret}en")
    }
}

/// Konjunktiv I, 3rd person singular, of an infinitive (`geben` → `gebe`, `handeln` →
/// `handle`, `ändern` → `ändere`), or `None` for `sein`.
pub fn konjunktiv_one(infinitive: &str) -> Option<String> {
    if infinitive == "sein" {
        return None;
    }
    if let Some(stem) = infinitive.strip_suffix("eln") {
        return Some(format!("{stem}le"));
    }
    if let Some(stem) = infinitive.strip_suffix("ern") {
        return Some(format!("{stem}ere"));
    }
    if let Some(stem) = infinitive.strip_suffix("en") {
        return Some(format!("{stem}e"));
    }
    infinitive.strip_suffix('n').map(|s| format!("{s}e"))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut verbs = Vec::new();
        let mut forms: BTreeMap<String, Vec<(usize, FormKind)>> = BTreeMap::new();
        let mut split_participles: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        let mut preterites: BTreeSet<String> = BTreeSet::new();
        let add = |forms: &mut BTreeMap<String, Vec<(usize, FormKind)>>,
                   f: String,
                   i: usize,
                   k: FormKind| {
            let e = forms.entry(f).or_default();
            if !e.contains(&(i, k)) {
                e.push((i, k));
            }
        };
        for line in data_lines(SPEECH_VERBS) {
            let cols: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
            if cols.len() < 4 {
                continue;
            }
            let particle = cols
                .iter()
                .find_map(|c| c.strip_prefix('+'))
                .map(str::to_string);
            let flags = cols
                .iter()
                .find_map(|c| c.strip_prefix('!'))
                .unwrap_or("")
                .to_string();
            let (inf, pres, pret, part) = (&cols[0], &cols[1], &cols[2], &cols[3]);
            let i = verbs.len();
            verbs.push(Verb {
                particle: particle.clone(),
                clause: flags.contains('s'),
                reported: flags.contains('r'),
                denial: flags.contains('d'),
                belief: flags.contains('b'),
                impersonal: flags.contains('i'),
                needs: cols
                    .iter()
                    .find_map(|c| c.strip_prefix('@'))
                    .map(|n| n.split(',').map(str::to_string).collect())
                    .unwrap_or_default(),
            });
            let base_inf = match &particle {
                Some(p) => inf.strip_prefix(p.as_str()).unwrap_or(inf).to_string(),
                None => inf.clone(),
            };
            let finite = [
                pres.clone(),
                pret.clone(),
                preterite_plural(pret),
                base_inf.clone(),
            ];
            for f in &finite[1..3] {
                preterites.insert(f.clone());
                if let Some(p) = &particle {
                    preterites.insert(format!("{p}{f}"));
                }
            }
            let kind = if particle.is_some() {
                FormKind::Finite
            } else {
                FormKind::Joined
            };
            for f in &finite {
                add(&mut forms, f.clone(), i, kind);
                if let Some(p) = &particle {
                    add(&mut forms, format!("{p}{f}"), i, FormKind::Joined);
                }
            }
            if let Some(k) = konjunktiv_one(&base_inf) {
                add(&mut forms, k.clone(), i, kind);
                if let Some(p) = &particle {
                    add(&mut forms, format!("{p}{k}"), i, FormKind::Joined);
                }
            }
            add(&mut forms, part.clone(), i, FormKind::Participle);
            if let Some(p) = &particle {
                add(&mut forms, inf.clone(), i, FormKind::Participle);
                if let Some(rest) = part.strip_prefix(p.as_str()) {
                    split_participles
                        .entry(rest.to_string())
                        .or_default()
                        .insert(p.clone(), i);
                }
            }
        }
        let nonverbs: BTreeSet<String> = data_lines(NONVERBS).map(str::to_lowercase).collect();
        forms.retain(|f, _| !nonverbs.contains(f));
        preterites.retain(|f| !nonverbs.contains(f));
        let hedges = sections(HEDGES);
        let mut lex = Lexicon {
            verbs,
            forms,
            split_participles,
            pre: BTreeSet::new(),
            post: BTreeSet::new(),
            nach_nouns: BTreeSet::new(),
            heissen: BTreeSet::new(),
            vague_nouns: BTreeSet::new(),
            hedges: hedges.iter().map(|(_, w)| w.clone()).collect(),
            hearsay: hedges
                .into_iter()
                .filter(|(s, _)| s == "hearsay")
                .map(|(_, w)| w)
                .collect(),
            preterites,
            k1: BTreeSet::new(),
            k2: BTreeSet::new(),
            nonverbs,
            roles: data_lines(ROLES).map(str::to_lowercase).collect(),
            agents: data_lines(AGENTS).map(str::to_lowercase).collect(),
            person_epithets: Vec::new(),
            org_epithets: Vec::new(),
            clause_nouns: BTreeSet::new(),
            act_nouns: BTreeSet::new(),
            light_verbs: BTreeSet::new(),
        };
        for (section, line) in sections(SPEECH_NOUNS) {
            let set = match section.as_str() {
                "clause" => &mut lex.clause_nouns,
                "act" => &mut lex.act_nouns,
                "light" => &mut lex.light_verbs,
                _ => continue,
            };
            set.insert(line);
        }
        for (section, line) in sections(EPITHETS) {
            match section.as_str() {
                "person" => lex.person_epithets.push(line),
                "organisation" => lex.org_epithets.push(line),
                _ => {}
            }
        }
        for (section, line) in sections(ATTRIBUTION) {
            let set = match section.as_str() {
                "pre" => &mut lex.pre,
                "post" => &mut lex.post,
                "nach" => &mut lex.nach_nouns,
                "heissen" => &mut lex.heissen,
                "vague" => &mut lex.vague_nouns,
                _ => continue,
            };
            set.insert(line);
        }
        for (section, line) in sections(KONJUNKTIV) {
            match section.as_str() {
                "k1" => {
                    lex.k1.insert(line);
                }
                "k2" => {
                    lex.k2.insert(line);
                }
                "verbs" => {
                    if let Some(k) = konjunktiv_one(&line) {
                        lex.k1.insert(k);
                    }
                }
                _ => {}
            }
        }
        lex
    }

    /// The lexicon, loaded on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::load)
    }

    /// True for a speech verb in the third person singular that needs no particle after it
    /// (`sagte`, `warnt`, `erklärte`; not `sagen`, nor `teilte`, which wants `mit`).
    pub fn is_singular_speech_verb(&self, w: &str) -> bool {
        (w.ends_with('t') || w.ends_with("te"))
            && self.forms.get(w).is_some_and(|fs| {
                fs.iter().any(|&(v, kind)| {
                    kind != FormKind::Participle && self.verbs[v].particle.is_none()
                })
            })
    }

    /// True when the lowercase word is a Konjunktiv I form (listed, derived, an `-iere` form, or a listed form
    /// after a verb prefix: `bestehe`, `zurückgehe`).
    pub fn is_konjunktiv_one(&self, w: &str) -> bool {
        if self.nonverbs.contains(w) {
            return false;
        }
        if self.k1.contains(w) {
            return true;
        }
        // verbs in `-ieren` (`konzentriere`, `reagiere`): no other word ends so
        if w.chars().count() >= 7 && w.ends_with("iere") {
            return true;
        }
        const PREFIXES: &[&str] = &[
            "be", "ver", "ent", "er", "zer", "an", "auf", "aus", "ab", "ein", "mit", "vor", "zu",
            "nach", "fest", "zurück", "über", "unter", "weiter", "her", "hin", "dar", "bei",
            "still", "statt", "teil", "fort", "wieder", "zusammen", "voran", "heraus",
        ];
        PREFIXES.iter().any(|p| {
            w.strip_prefix(p)
                .is_some_and(|rest| rest.len() >= 4 && self.k1.contains(rest))
        })
    }

    /// True for a source noun after `nach` (`Angaben`), also at the end of a compound
    /// (`Polizeiangaben`, `Medienberichten`).
    pub fn is_source_noun(&self, w: &str) -> bool {
        self.nach_nouns.contains(w)
            || self
                .nach_nouns
                .iter()
                .any(|n| n.chars().count() >= 6 && w.len() > n.len() && w.ends_with(n.as_str()))
    }

    /// True when `w` (lowercase) is a form of a noun of `set`: the noun itself or with an
    /// inflection ending (`-n`, `-en`, `-s`).
    /// True for a noun naming a body or group that speaks (`Polizei`, `Bundesregierung`).
    pub fn is_agent(&self, w: &str) -> bool {
        let w = w.to_lowercase();
        self.agents.iter().any(|a| w.ends_with(a.as_str()))
    }

    /// True for a word of `set`, also with a plural or genitive ending.
    pub fn noun_in(set: &BTreeSet<String>, w: &str) -> bool {
        set.contains(w)
            || ["n", "en", "s"]
                .iter()
                .any(|e| w.strip_suffix(e).is_some_and(|b| set.contains(b)))
    }

    /// True for a Konjunktiv II stand-in (`hätten`, `würden`, `wären`).
    pub fn is_konjunktiv_two(&self, w: &str) -> bool {
        self.k2.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn konjunktiv_forms() {
        assert_eq!(konjunktiv_one("geben").as_deref(), Some("gebe"));
        assert_eq!(konjunktiv_one("handeln").as_deref(), Some("handle"));
        assert_eq!(konjunktiv_one("ändern").as_deref(), Some("ändere"));
        assert_eq!(konjunktiv_one("tun").as_deref(), Some("tue"));
        assert_eq!(konjunktiv_one("sein"), None);
        let lex = Lexicon::get();
        for w in ["sei", "gebe", "bestehe", "könne", "ausgehe"] {
            assert!(lex.is_konjunktiv_one(w), "{w}");
        }
        for w in ["lange", "zufolge", "gibt", "ist"] {
            assert!(!lex.is_konjunktiv_one(w), "{w}");
        }
        assert!(lex.is_konjunktiv_two("würden"));
    }

    #[test]
    fn verb_forms() {
        let lex = Lexicon::get();
        // The infinitive of verb `i`: first column of its line in the data file.
        let lemma = |i: usize| -> String {
            data_lines(SPEECH_VERBS)
                .nth(i)
                .and_then(|l| l.split_whitespace().next())
                .unwrap_or("")
                .to_string()
        };
        let kinds = |w: &str| {
            lex.forms
                .get(w)
                .map(|v| {
                    v.iter()
                        .map(|(i, k)| (lemma(*i), *k))
                        .collect::<Vec<(String, FormKind)>>()
                })
                .unwrap_or_default()
        };
        assert!(kinds("sagte").contains(&("sagen".into(), FormKind::Joined)));
        assert!(kinds("teilte").contains(&("mitteilen".into(), FormKind::Finite)));
        assert!(kinds("mitteilte").contains(&("mitteilen".into(), FormKind::Joined)));
        assert!(kinds("mitgeteilt").contains(&("mitteilen".into(), FormKind::Participle)));
        assert!(kinds("sprachen").contains(&("sprechen".into(), FormKind::Joined)));
        assert!(kinds("Haus").is_empty());
    }
}
