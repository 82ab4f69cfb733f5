//! English quotes: a starter rule set on the same quote-aware segmentation as German.
//!
//! Direct quotes take the frame next to them (`"…," X said`, `"…," said X`, `X said: "…"`);
//! `X said (that) …` and `…, X said.` give indirect speech; `according to X` attributes the
//! rest of its sentence. Speakers are noun phrases next to the verb (`the minister`, `Jane
//! Doe`), linked to a person entity where one is mentioned there; `he`/`she` go to the last
//! speaker of a speech verb or the nearest person. Word lists: `resources/en/quotes_*.txt`.

use super::text::{self, Kind, Tok};
use super::{in_text_order, person_mentions, trim_bytes, Prepared};
use lagebild_model::{AnnotatedArticle, CharIndex, Epistemic, MentionKind, Quote, QuoteKind};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const SPEECH_VERBS: &str = include_str!("../../resources/en/quotes_speech_verbs.txt");
const ATTRIBUTION: &str = include_str!("../../resources/en/quotes_attribution.txt");
const ORG_NOUNS: &str = include_str!("../../resources/en/org_nouns.txt");

/// Determiners and possessives that open a speaker phrase.
/// Conjunctions after which a clause, and so a subject, begins.
const CLAUSE_OPENERS: &[&str] = &[
    "although", "though", "while", "whereas", "because", "but", "and", "as", "since", "after",
    "before", "when", "once", "so",
];

const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "one", "two"];

/// Words that open a short adverbial after a closing frame (`…, the agency said on Monday.`).
const ADVERBIAL: &[&str] = &[
    "on",
    "in",
    "at",
    "late",
    "early",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "during",
    "after",
    "before",
    "this",
    "last",
];

/// Words after a speech verb that keep what follows from being its clause (`said in a
/// statement`, `told him`, `said to be`; `about` only before words: `said about 1,200 …` is a
/// clause).
const NO_CLAUSE: &[&str] = &[
    "on", "in", "at", "to", "for", "with", "by", "from", "of", "about", "during", "after",
    "before", "him", "her", "them", "us", "me", "so", "nothing", "yes", "no", "goodbye", "?",
];

/// Words that end a speaker phrase (prepositions, conjunctions, auxiliaries).
const STOPS: &[&str] = &[
    "on", "in", "at", "to", "that", "and", "but", "or", "has", "had", "have", "was", "were", "is",
    "are", "also", "later", "earlier", "then", "it", "this", "after", "before", "when", "while",
    "as", "for", "with", "of", "by", "from", "not", "would", "will", "could",
];

/// The English lexicons.
struct Lex {
    /// Verb form → takes a clause.
    forms: BTreeMap<String, bool>,
    /// Verb forms that take a clause without `that` right after them (`said the …`).
    bare: BTreeSet<String>,
    /// Infinitives, which are often nouns too (`state`, `report`).
    bases: BTreeSet<String>,
    /// Verb forms that report a speech act without its words (`criticised the plan`).
    reported: BTreeSet<String>,
    /// Attribution phrases before a source, as word lists.
    pre: Vec<Vec<String>>,
    hedges: BTreeSet<String>,
    denial: BTreeSet<String>,
    pronouns: BTreeSet<String>,
    /// Nouns that stand for an organisation named before → words its name must contain
    /// (empty: any organisation).
    org_nouns: BTreeMap<String, Vec<String>>,
}

/// True for a listed hedge (`allegedly`), in lower case.
pub(super) fn is_hedge(lower: &str) -> bool {
    lex().hedges.contains(lower)
}

fn lex() -> &'static Lex {
    static LEX: OnceLock<Lex> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut forms = BTreeMap::new();
        let mut bare = BTreeSet::new();
        let mut bases = BTreeSet::new();
        let mut reported = BTreeSet::new();
        for l in crate::tokenize::data_lines(SPEECH_VERBS) {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let flag = |f: char| cols.iter().any(|c| c.starts_with('!') && c.contains(f));
            let (clause, without_that) = (flag('s'), flag('b'));
            for f in cols.iter().take(4) {
                if flag('r') {
                    reported.insert(f.to_lowercase());
                }
                if !flag('s') && !flag('b') && flag('r') {
                    // a speech act only: no frame of quoted words
                    continue;
                }
                forms.insert(f.to_lowercase(), clause);
                if without_that {
                    bare.insert(f.to_lowercase());
                }
            }
            if let Some(b) = cols.first() {
                bases.insert(b.to_lowercase());
            }
        }
        let mut lx = Lex {
            forms,
            bare,
            bases,
            reported,
            pre: Vec::new(),
            hedges: BTreeSet::new(),
            denial: BTreeSet::new(),
            pronouns: BTreeSet::new(),
            org_nouns: crate::tokenize::data_lines(ORG_NOUNS)
                .filter_map(|l| l.split_once(':'))
                .map(|(noun, words)| {
                    let words = words.split_whitespace().filter(|w| *w != "*");
                    (noun.trim().to_string(), words.map(str::to_string).collect())
                })
                .collect(),
        };
        let mut section = "";
        for l in crate::tokenize::data_lines(ATTRIBUTION) {
            if let Some(s) = l.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section = s;
                continue;
            }
            let l = l.to_lowercase();
            match section {
                "pre" => lx
                    .pre
                    .push(l.split_whitespace().map(str::to_string).collect()),
                "hedges" => {
                    lx.hedges.insert(l);
                }
                "denial" => {
                    lx.denial.insert(l);
                }
                "pronouns" => {
                    lx.pronouns.insert(l);
                }
                _ => {}
            }
        }
        lx
    })
}

/// A speaker as found: name to report, entity, byte span.
#[derive(Clone)]
struct Speaker {
    name: String,
    entity: Option<usize>,
    span: (usize, usize),
}

/// A frame: speaker and cue (text, byte span).
type Frame = (Option<Speaker>, Option<(String, usize, usize)>);

struct En<'a> {
    text: &'a str,
    ix: &'a CharIndex,
    doc: &'a AnnotatedArticle,
    toks: &'a [Tok],
    regions: &'a [text::Region],
    persons: Vec<(usize, usize, usize, MentionKind)>,
    last: Option<Speaker>,
    /// The last speaker of a speech verb (a person or a described speaker, not an
    /// `according to` source): what `he`/`she` refer to.
    last_person: Option<Speaker>,
    /// The person who opens the sentence before (its subject, in English word order).
    prev_subject: Option<Speaker>,
    out: Vec<Quote>,
}

/// Find the quotes of an English article.
pub fn find_quotes(doc: &AnnotatedArticle) -> Vec<Quote> {
    let p = Prepared::of(doc);
    let mut f = En {
        text: &doc.article.text,
        ix: &p.ix,
        doc,
        toks: &p.toks,
        regions: &p.regions,
        persons: person_mentions(doc, &p.ix),
        last: None,
        last_person: None,
        prev_subject: None,
        out: Vec::new(),
    };
    let mut prev_had_quote = false;
    for &(a, b) in &p.sents {
        prev_had_quote = f.sentence(a, b, prev_had_quote);
    }
    in_text_order(f.out)
}

impl En<'_> {
    /// Quotes of sentence `[a, b)`; returns whether it produced any.
    fn sentence(&mut self, a: usize, b: usize, prev_had_quote: bool) -> bool {
        let produced = self.sentence_quotes(a, b, prev_had_quote);
        self.prev_subject = self.opening_person(a, b);
        produced
    }

    /// The person named at the start of sentence `[a, b)`, after at most two words (`Councillor
    /// Priya Natt said …`, `Daniel Hale, the company's chief executive, apologised`).
    fn opening_person(&self, a: usize, b: usize) -> Option<Speaker> {
        let (s, e) = (self.toks[a].s, self.toks[b - 1].e);
        let &(ms, me, ei, _) = self.persons.iter().find(|m| m.0 >= s && m.1 <= e)?;
        let before = self.toks[a..b].iter().take_while(|t| t.e <= ms).count();
        let ent = self.doc.entities.get(ei)?;
        (before <= 2).then(|| Speaker {
            name: ent.name.clone(),
            entity: Some(ei),
            span: (ms, me),
        })
    }

    /// Quotes of sentence `[a, b)` (see [`Self::sentence`]).
    fn sentence_quotes(&mut self, a: usize, b: usize, prev_had_quote: bool) -> bool {
        let toks = self.toks;
        let mut regions: Vec<usize> = toks[a..b].iter().filter_map(|t| t.region).collect();
        regions.dedup();
        let attribution = self.attribution(a, b);
        let by_verb = attribution.is_none();
        let frame = attribution.or_else(|| self.verb_frame(a, b));
        let produced = !regions.is_empty() || frame.is_some();
        match frame {
            Some((fr, content)) => {
                if let Some(sp) = &fr.0 {
                    self.last = Some(sp.clone());
                    if by_verb {
                        self.last_person = Some(sp.clone());
                    }
                }
                if let Some((ca, cb)) = content {
                    if !toks[ca..cb]
                        .iter()
                        .all(|t| !t.is_word() || t.region.is_some())
                    {
                        self.push(QuoteKind::Indirect, ca, cb, &fr, (a, b));
                    }
                }
                for r in regions {
                    self.push_region(r, &fr, (a, b));
                }
            }
            None if regions.is_empty() => {
                // `The union criticised the plan`: a speech act without its words
                if let Some(fr) = self.reported_frame(a, b) {
                    self.last = fr.0.clone();
                    self.last_person = fr.0.clone();
                    self.push(QuoteKind::Reported, a, b, &fr, (a, b));
                    return true;
                }
            }
            None => {
                // A quote without a frame continues the speech of the sentence before.
                let fr: Frame = (self.last.clone().filter(|_| prev_had_quote), None);
                for r in regions {
                    if fr.0.is_some() {
                        self.push_region(r, &fr, (a, b));
                    }
                }
            }
        }
        produced
    }

    /// A speech act without its words (verbs with `!r`): `The union criticised the plan`, `On
    /// Monday the mayor rejected the offer`: its subject stands right before it and opens the
    /// sentence or follows an opening phrase and a comma.
    fn reported_frame(&self, a: usize, b: usize) -> Option<Frame> {
        let toks = self.toks;
        let i = (a + 1..b)
            .find(|&i| toks[i].region.is_none() && lex().reported.contains(&toks[i].lower))?;
        let subj_end = self.before_auxiliary(a, i);
        let (na, nb) = self.np_before(a, subj_end)?;
        let opens = na == a || toks[na - 1].is_punct(',');
        (opens && nb == subj_end).then(|| {
            let cue = Some((
                self.text[toks[i].s..toks[i].e].to_string(),
                toks[i].s,
                toks[i].e,
            ));
            (Some(self.speaker(na, nb)), cue)
        })
    }

    /// `according to X, …` / `…, according to X.`
    fn attribution(&self, a: usize, b: usize) -> Option<(Frame, Option<(usize, usize)>)> {
        let toks = self.toks;
        for i in a..b {
            for p in &lex().pre {
                let n = p.len();
                if i + n > b || toks[i].region.is_some() {
                    continue;
                }
                if !toks[i..i + n].iter().zip(p).all(|(t, w)| t.lower == *w) {
                    continue;
                }
                let (na, mut nb) = self.np_after(i + n, b)?;
                // `According to two officials familiar with the talks, …`: before its content
                // the source runs up to the comma
                if i <= a + 1 {
                    if let Some(c) = (nb..b.min(nb + 8)).find(|&k| toks[k].lower == ",") {
                        if toks[nb..c]
                            .iter()
                            .all(|x| x.is_word() && x.region.is_none())
                        {
                            nb = c;
                        }
                    }
                }
                let sp = self.speaker(na, nb);
                let cue = Some((
                    self.text[toks[i].s..toks[i + n - 1].e].to_string(),
                    toks[i].s,
                    toks[i + n - 1].e,
                ));
                let content = if i <= a + 1 { (nb, b) } else { (a, i) };
                return Some(((Some(sp), cue), Some(content)));
            }
        }
        None
    }

    /// A speech verb frame: `"…," X said`, `"…," said X`, `X said: "…"`, `X said (that) …`.
    fn verb_frame(&self, a: usize, b: usize) -> Option<(Frame, Option<(usize, usize)>)> {
        let toks = self.toks;
        let lx = lex();
        for i in a..b {
            let t = &toks[i];
            if t.region.is_some() || !t.is_word() {
                continue;
            }
            let Some(&clause) = lx.forms.get(&t.lower) else {
                continue;
            };
            let cue = Some((self.text[t.s..t.e].to_string(), t.s, t.e));
            // Subject before the verb, else after it (`said the minister`); a subject with an
            // apposition or a relative clause ends at its first comma (`Tom Okafor, the
            // director, said …`, `Hale, who took over in 2023, said …`)
            let subj_end = self.before_auxiliary(a, i);
            let before = self
                .np_before(a, subj_end)
                .or_else(|| self.subject_before_comma(a, subj_end));
            // after `told` stands whom it was told (`told the Evening Post`), never the speaker
            let after =
                if before.is_none() && !matches!(t.lower.as_str(), "told" | "tells" | "tell") {
                    self.np_after(i + 1, b)
                } else {
                    None
                };
            let Some((na, nb)) = before.or(after) else {
                continue;
            };
            let sp = Some(self.speaker(na, nb));
            let start = before.map_or(i, |(na, _)| na);
            let end = after.map_or(i + 1, |(_, nb)| nb);
            // words after the frame: none, or a short adverbial (`on Wednesday`)
            let rest_words = toks[end..b].iter().filter(|x| x.is_word()).count();
            let rest_empty = rest_words == 0
                || (rest_words <= 4
                    && ADVERBIAL.contains(&toks[end].lower.as_str())
                    && toks[end..b].iter().all(|x| x.region.is_none()));
            // `X said the river would fall`: a clause without `that` follows
            let words_after = toks[end..b]
                .iter()
                .filter(|x| x.is_word() && x.region.is_none())
                .count();
            let clause_follows = lx.bare.contains(&t.lower)
                && before.is_some()
                && end < b
                && toks[end].is_word()
                && toks[end].region.is_none()
                && (!NO_CLAUSE.contains(&toks[end].lower.as_str())
                    || (toks[end].lower == "about"
                        && toks
                            .get(end + 1)
                            .is_some_and(|n| n.lower.starts_with(|c: char| c.is_ascii_digit()))))
                && words_after >= 4;
            // Frame after its content: `…, X said.`
            if start > a
                && (toks[start - 1].is_punct(',') || toks[start - 1].kind == Kind::Close)
                && !clause_follows
            {
                let content_end = if toks[start - 1].is_punct(',') {
                    start - 1
                } else {
                    start
                };
                let plain = clause
                    && rest_empty
                    && toks[a..content_end].iter().filter(|x| x.is_word()).count() >= 3;
                return Some(((sp, cue), plain.then_some((a, content_end))));
            }
            // Frame before its content: `X said: "…"`, `X said (on Monday) that …`.
            let mut k = end;
            let lim = (end + 6).min(b);
            while k < lim
                && toks[k].lower != "that"
                && !toks[k].is_punct(':')
                && !toks[k].is_punct(',')
                && toks[k].kind != Kind::Open
            {
                k += 1;
            }
            // `says the vessel is stable and that …`: a `that` after `and` opens the second
            // of two clauses, and the first begins right after the verb
            let coordinated = k > end && matches!(toks[k - 1].lower.as_str(), "and" | "but");
            if k < b && toks[k].lower == "that" && clause && !coordinated {
                return Some(((sp, cue), Some((k + 1, b))));
            }
            if k < b && toks[k].lower == "that" && coordinated && before.is_some() {
                return Some(((sp, cue), Some((end, b))));
            }
            if k < b
                && (toks[k].is_punct(':') || toks[k].is_punct(',') || toks[k].kind == Kind::Open)
            {
                let quoted = toks[k..b].iter().any(|x| x.kind == Kind::Open);
                let content = (!quoted && clause && toks[k].is_punct(',')).then_some((k + 1, b));
                if quoted || content.is_some() {
                    return Some(((sp, cue), content));
                }
            }
            if clause_follows {
                return Some(((sp, cue), Some((end, b))));
            }
            // A verb at the sentence end after a quote in the sentence: `"…" she said.`
            if toks[end..b].iter().all(|x| !x.is_word())
                && toks[a..i].iter().any(|x| x.region.is_some())
            {
                return Some(((sp, cue), None));
            }
        }
        None
    }

    /// A speaker phrase starting at `i`: a pronoun, `[det] word* Name+` or `det word+`.
    fn np_after(&self, i: usize, limit: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let limit = limit.min(toks.len());
        let t = toks.get(i).filter(|_| i < limit)?;
        if !t.is_word() || t.region.is_some() {
            return None;
        }
        // a pronoun, or a bare noun for an organisation (`police said`, `according to police`)
        if lex().pronouns.contains(&t.lower) || (!t.cap && lex().org_nouns.contains_key(&t.lower)) {
            return Some((i, i + 1));
        }
        // a possessive name opens a phrase as a determiner does (`Britain's transport minister`)
        let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
        let det = DETERMINERS.contains(&t.lower.as_str()) || (t.cap && possessive(&t.lower));
        let mut j = i + usize::from(det);
        // `the dockers' union`: an apostrophe after a plural belongs to the phrase
        let plural_possessive = |j: usize| {
            matches!(self.text.get(toks[j].s..toks[j].e), Some("'" | "’"))
                && j > i
                && toks[j - 1].is_word()
                && toks[j - 1].lower.ends_with('s')
                && toks[j - 1].e == toks[j].s
                && toks
                    .get(j + 1)
                    .is_some_and(|n| j + 1 < limit && n.is_word())
        };
        // `a spokesman for Downing Street`, `the head of the agency`: a phrase after the head
        // (and `and` inside a name: `South Yorkshire Fire and Rescue`)
        let joins = |j: usize| {
            let next = toks.get(j + 1).filter(|_| j + 1 < limit);
            match toks[j].lower.as_str() {
                "of" | "for" => {
                    j > i + usize::from(det)
                        && next.is_some_and(|n| n.cap || DETERMINERS.contains(&n.lower.as_str()))
                }
                "and" | "&" => j > i && toks[j - 1].cap && next.is_some_and(|n| n.cap),
                _ => false,
            }
        };
        // `Council leader Tom Avery`, `said regional director Tom Okafor`: lower-case words up to
        // a role noun right before a name
        let role_before_name = |j: usize| {
            (j..(j + 3).min(limit)).any(|k| {
                toks[j..=k].iter().all(|x| x.is_word() && !x.cap)
                    && crate::ner::english_role(&toks[k].lower).is_some()
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| k + 1 < limit && n.is_word() && n.cap)
            })
        };
        // a speech verb's form that ends a phrase opened by a determiner is a noun (`according
        // to its annual report.`)
        let last_noun = |j: usize| {
            det && j > i + 1
                && toks
                    .get(j + 1)
                    .is_none_or(|n| j + 1 >= limit || !n.is_word())
        };
        while j < limit
            && j < i + 12
            && (toks[j].is_word() || plural_possessive(j))
            && toks[j].region.is_none()
            && (!STOPS.contains(&toks[j].lower.as_str()) || joins(j))
            && (!lex().forms.contains_key(&toks[j].lower)
                || self.noun_use(j, limit)
                || last_noun(j))
            && (det || toks[j].cap || role_before_name(j) || joins(j))
        {
            j += 1;
        }
        (j > i + usize::from(det)).then_some((i, j))
    }

    /// Where the subject of a verb at `i` ends: before an auxiliary and an adverb in front of
    /// it (`The coastguard has confirmed`, `The agency has also warned`), else at `i`.
    fn before_auxiliary(&self, a: usize, i: usize) -> usize {
        const AUX: &[&str] = &["has", "have", "had", "is", "was", "were", "will", "would"];
        const ADV: &[&str] = &[
            "also",
            "already",
            "now",
            "since",
            "previously",
            "repeatedly",
        ];
        let toks = self.toks;
        let mut k = i;
        if k > a + 1 && ADV.contains(&toks[k - 1].lower.as_str()) {
            k -= 1;
        }
        if k > a + 1 && AUX.contains(&toks[k - 1].lower.as_str()) {
            k - 1
        } else {
            i
        }
    }

    /// True when the verb form at `j` is an infinitive used as a noun modifier inside a
    /// phrase (`the state agency`): another word of the phrase follows.
    fn noun_use(&self, j: usize, limit: usize) -> bool {
        let lx = lex();
        lex().bases.contains(&self.toks[j].lower)
            && self.toks.get(j + 1).is_some_and(|n| {
                j + 1 < limit
                    && n.is_word()
                    && !STOPS.contains(&n.lower.as_str())
                    && !lx.forms.contains_key(&n.lower)
            })
    }

    /// The subject of a verb at `verb` right after a comma that closes an apposition or a
    /// relative clause: the speaker phrase before the comma that opens it (`Tom Okafor` in
    /// `Tom Okafor, the agency's director, said`; `Hale` in `Hale, who …, said`).
    fn subject_before_comma(&self, a: usize, verb: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        if verb < a + 3 || !toks[verb - 1].is_punct(',') {
            return None;
        }
        let lo = verb.saturating_sub(16).max(a);
        let open = (lo..verb - 1).rev().find(|&k| toks[k].is_punct(','))?;
        if open <= a || toks[open + 1..verb - 1].iter().any(|t| t.region.is_some()) {
            return None;
        }
        let inner = &toks[open + 1..verb - 1];
        let relative = inner
            .first()
            .is_some_and(|t| matches!(t.lower.as_str(), "who" | "which" | "whose" | "whom"));
        // past an age in commas: `Brian Tully, 58, whose flat was flooded, told …`
        let age = open >= a + 3
            && toks[open - 1].lower.chars().all(|c| c.is_ascii_digit())
            && toks[open - 2].is_punct(',');
        let name_end = if age { open - 2 } else { open };
        if relative {
            return self.np_before(a, name_end);
        }
        // `X, the …,` / `the director, X,`: the name is the part with a person in it
        let (na, nb) = self.np_before(a, name_end)?;
        let named = |s: usize, e: usize| {
            let (cs, ce) = (toks[s].s, toks[e - 1].e);
            self.persons.iter().any(|m| m.0 >= cs && m.1 <= ce)
        };
        // without a known person: the part that reads as a name (`the director, Jane Roe,`)
        let det = |k: usize| DETERMINERS.contains(&toks[k].lower.as_str());
        let name_like = |k: usize| toks[k].cap && !det(k);
        let (inner_named, outer_named) = (named(open + 1, verb - 1), named(na, nb));
        let inner_is_name = if inner_named || outer_named {
            inner_named && !outer_named
        } else {
            name_like(open + 1) && det(na)
        };
        if inner_is_name && self.np_after(open + 1, verb - 1) == Some((open + 1, verb - 1)) {
            return Some((open + 1, verb - 1));
        }
        Some((na, nb))
    }

    /// A speaker phrase ending right before `end`, starting at `a`, after punctuation or
    /// after a conjunction that opens a clause (`although the council said …`).
    fn np_before(&self, a: usize, end: usize) -> Option<(usize, usize)> {
        let lo = end.saturating_sub(12).max(a);
        (lo..end)
            .filter(|&k| {
                k == a
                    || !self.toks[k - 1].is_word()
                    || CLAUSE_OPENERS.contains(&self.toks[k - 1].lower.as_str())
            })
            .find(|&k| self.np_after(k, end).is_some_and(|(_, nb)| nb == end))
            .map(|k| (k, end))
    }

    /// Resolve a speaker phrase: pronoun, person entity, or the phrase as written.
    fn speaker(&self, a: usize, b: usize) -> Speaker {
        let (s, e) = (self.toks[a].s, self.toks[b - 1].e);
        let written = &self.text[s..e];
        if b == a + 1 && lex().pronouns.contains(&self.toks[a].lower) {
            // the person who opens the sentence before, else the last speaker
            if let Some(last) = self.prev_subject.as_ref().or(self.last_person.as_ref()) {
                return Speaker {
                    span: (s, e),
                    ..last.clone()
                };
            }
            if let Some(&(_, _, ei, _)) = self.persons.iter().rev().find(|m| m.1 <= s) {
                if let Some(ent) = self.doc.entities.get(ei) {
                    return Speaker {
                        name: ent.name.clone(),
                        entity: Some(ei),
                        span: (s, e),
                    };
                }
            }
        }
        let head = self.persons.iter().find(|m| m.0 >= s && m.1 <= e);
        if let Some(ent) = head.and_then(|m| self.doc.entities.get(m.2).map(|x| (m.2, x))) {
            return Speaker {
                name: ent.1.name.clone(),
                entity: Some(ent.0),
                span: (s, e),
            };
        }
        let name = ["the ", "The ", "a ", "A ", "an ", "An "]
            .iter()
            .find_map(|d| written.strip_prefix(d))
            .unwrap_or(written);
        if let Some(org) = self.organisation_meant(name, s) {
            return Speaker {
                name: org,
                entity: None,
                span: (s, e),
            };
        }
        Speaker {
            name: name.to_string(),
            entity: None,
            span: (s, e),
        }
    }

    /// The organisation a lower-case noun stands for (`council` → `Kelmouth Council`,
    /// `company` → `Borderlands Power`, `police` → `Northumbria Police`; see
    /// `resources/en/org_nouns.txt`): the nearest organisation named before byte `s` whose
    /// name fits the noun, else the first one named after it.
    fn organisation_meant(&self, noun: &str, s: usize) -> Option<String> {
        let words = lex().org_nouns.get(&noun.to_lowercase())?;
        let fits =
            |name: &str| words.is_empty() || name.split(' ').any(|w| words.iter().any(|x| x == w));
        let mut before: Option<(usize, &str)> = None;
        let mut after: Option<(usize, &str)> = None;
        for ent in &self.doc.entities {
            if ent.kind != lagebild_model::EntityType::Org || !fits(&ent.name) {
                continue;
            }
            for m in &ent.mentions {
                let ms = self.ix.byte_of(m.span.start);
                if ms < s && before.is_none_or(|(b, _)| ms > b) {
                    before = Some((ms, &ent.name));
                } else if ms > s && after.is_none_or(|(a, _)| ms < a) {
                    after = Some((ms, &ent.name));
                }
            }
        }
        before.or(after).map(|(_, name)| name.to_string())
    }

    fn epistemic(&self, a: usize, b: usize, cue: Option<&str>) -> Epistemic {
        let lx = lex();
        if cue.is_some_and(|c| lx.denial.contains(&c.to_lowercase())) {
            return Epistemic::Denied;
        }
        if super::hedged_tokens(self.doc, self.ix, self.text, &self.toks[a..b]) {
            return Epistemic::Hedged;
        }
        Epistemic::Attributed
    }

    fn make(&self, kind: QuoteKind, s: usize, e: usize, fr: &Frame, sent: (usize, usize)) -> Quote {
        let (sp, cue) = fr;
        Quote {
            kind,
            span: self.ix.span(s, e),
            text: self.text[s..e].to_string(),
            speaker: sp.as_ref().map(|x| x.name.clone()),
            speaker_entity: sp.as_ref().and_then(|x| x.entity),
            speaker_span: sp.as_ref().map(|x| self.ix.span(x.span.0, x.span.1)),
            cue: cue.as_ref().map(|c| c.0.clone()),
            cue_span: cue.as_ref().map(|c| self.ix.span(c.1, c.2)),
            epistemic: self.epistemic(sent.0, sent.1, cue.as_ref().map(|c| c.0.as_str())),
        }
    }

    fn push(&mut self, kind: QuoteKind, ca: usize, cb: usize, fr: &Frame, sent: (usize, usize)) {
        let toks = self.toks;
        let (mut a, mut b) = (ca, cb);
        // a dateline is no part of what was said: `HARTFIELD, March 4 (Agency) - …`
        let word = |k: usize| &self.text[toks[k].s..toks[k].e];
        let in_capitals = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !w.chars().any(char::is_lowercase)
        };
        if a < b && in_capitals(word(a)) {
            let dash = (a + 1..(a + 12).min(b)).find(|&k| matches!(word(k), "-" | "–" | "—"));
            if let Some(d) = dash {
                a = d + 1;
            }
        }
        // nor is a live blog's time stamp: `07:30 GMT – …`
        if a < b {
            let stamp = crate::time::stamp_len(&self.text[toks[a].s..]);
            if stamp > 0 {
                let end = toks[a].s + stamp;
                a = (a..b).find(|&k| toks[k].s >= end).unwrap_or(b);
            }
        }
        while a < b && !toks[a].is_word() && toks[a].kind != Kind::Open {
            a += 1;
        }
        while b > a && !toks[b - 1].is_word() && toks[b - 1].kind != Kind::Close {
            b -= 1;
        }
        if a < b {
            let q = self.make(kind, toks[a].s, toks[b - 1].e, fr, sent);
            self.out.push(q);
        }
    }

    fn push_region(&mut self, r: usize, fr: &Frame, sent: (usize, usize)) {
        let Some(reg) = self.regions.get(r) else {
            return;
        };
        let (s, e) = trim_bytes(self.text, reg.inner_start, reg.inner_end);
        // A short capitalised quote is a name or title (`"Titanic"`), not speech.
        let words: Vec<&str> = self.text[s..e].split_whitespace().collect();
        let name_like = words.len() <= 3
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if s < e && !name_like {
            let q = self.make(QuoteKind::Direct, s, e, fr, sent);
            self.out.push(q);
        }
    }
}
