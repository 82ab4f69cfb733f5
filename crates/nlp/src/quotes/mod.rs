//! Direct, indirect and reported speech with speakers.
//!
//! The finder works sentence by sentence over a quote-aware segmentation (the `text` module):
//! 1. quotation-mark regions (every mark style, nested, across paragraphs) are direct quotes;
//! 2. in each sentence a *frame* is looked for outside the quotes: a speech verb from the
//!    lexicon (`sagte X`, `X teilte mit`, `wie X mitteilte`) or an attribution phrase (`laut X`,
//!    `X zufolge`, `nach Angaben von X`, `…, so X`, `hieß es aus X`) or a speech noun
//!    (`die Forderung der Opposition, …`, `X übte Kritik`); the frame's content clause (after
//!    or before it) is indirect speech, a clause-less speech act is reported speech, and quotes
//!    the frame touches take its speaker; later clauses may open further frames
//!    (`…, während Y erklärte, …`);
//! 3. sentences in Konjunktiv I without a cue continue the last indirect quote;
//! 4. speakers are noun phrases next to the cue, linked to a person entity where one is
//!    mentioned there; pronouns go to the last speaker or the nearest person, role-only
//!    phrases (`der Berater`) to the person introduced with that role.
//!
//! Word lists live in `resources/de/quotes_*.txt`; English articles use the `en` rules with
//! `resources/en/quotes_*.txt`.

mod en;
pub(crate) mod lexicon;
mod text;

use crate::Annotator;
use lagebild_model::{
    AnnotatedArticle, CharIndex, EntityType, Epistemic, MentionKind, Quote, QuoteKind, Span,
    TimexType,
};
use lexicon::{FormKind, Lexicon};
use text::{Kind, Region, Tok};

/// The quote finder.
pub struct QuoteFinder;

impl Annotator for QuoteFinder {
    fn annotate(&self, doc: &mut AnnotatedArticle) {
        doc.quotes = find_quotes(doc);
    }
}

const DETERMINERS: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "sein", "seine", "seiner", "seines", "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres",
    "ihrem", "ihren", "unser", "unsere", "dieser", "diese", "dieses", "diesem", "diesen",
    "mehrere", "zwei", "drei", "vier", "viele", "einige", "beide", "alle",
];

const PRONOUNS: &[&str] = &["er", "sie"];
/// How far back (bytes) a word holding an organisation noun is looked for (see
/// `epithet_referent`).
const EPITHET_REACH: usize = 1500;
/// Indefinite articles: a phrase they open introduces something new.
const INDEFINITES: &[&str] = &["ein", "eine", "einer", "eines", "einem", "einen"];

/// How many sentences after the last speech a Konjunktiv sentence is still run-on speech.
const RUN_ON_WINDOW: usize = 3;

/// Determiners that mark a phrase as an object, not a subject.
const OBLIQUE: &[&str] = &[
    "den", "dem", "einen", "einem", "diesen", "diesem", "seinen", "seinem", "ihren", "ihrem",
    "sich", "ihm", "ihn", "ihnen", "uns",
];

/// Short adverbs that may stand between a verb and its subject.
fn is_adverb(t: &Tok) -> bool {
    t.is_word()
        && matches!(
            t.lower.as_str(),
            "gestern"
                | "heute"
                | "zudem"
                | "außerdem"
                | "auch"
                | "dazu"
                | "weiter"
                | "ferner"
                | "jedoch"
                | "aber"
                | "nun"
                | "bereits"
                | "schon"
                | "zuvor"
                | "später"
                | "dann"
                | "damals"
                | "ebenfalls"
                | "demnach"
                | "daraufhin"
                | "inzwischen"
                | "allerdings"
        )
}

/// Capitalised words that open sentences but never start a speaker phrase.
const FUNCTION_WORDS: &[&str] = &[
    "auch",
    "dabei",
    "zudem",
    "am",
    "im",
    "in",
    "nach",
    "so",
    "doch",
    "aber",
    "dann",
    "zuvor",
    "gestern",
    "heute",
    "bereits",
    "nun",
    "jetzt",
    "damals",
    "später",
    "außerdem",
    "ebenfalls",
    "deshalb",
    "daher",
    "dies",
    "es",
    "man",
    "wie",
    "zum",
    "zur",
    "bei",
    "beim",
    "vor",
    "mit",
    "von",
    "vom",
    "auf",
    "aus",
    "für",
    "gegen",
    "über",
    "unter",
    "um",
    "an",
    "als",
    "wenn",
    "weil",
    "dass",
    "ob",
    "und",
    "oder",
    "noch",
    "schon",
    "zunächst",
    "inzwischen",
    "allerdings",
    "jedoch",
    "trotzdem",
    "darüber",
    "hierzu",
    "dazu",
    "demnach",
    "danach",
    "laut",
    "ich",
    "wir",
    "ihr",
    "du",
    "was",
    "wer",
    "wo",
    "warum",
    "mittlerweile",
    "gleichzeitig",
    "seitdem",
    "seit",
    "bis",
    "nicht",
    "kein",
    "keine",
    "da",
    "hier",
    "dort",
    "sonst",
    "vielmehr",
    "ferner",
    "weiter",
    "weiterhin",
    "insgesamt",
    "immer",
    "offenbar",
    "angeblich",
    "gegenüber",
    "ende",
    "anfang",
    "mitte",
    "diese",
    "dieser",
    "dieses",
    "jener",
    "welche",
    "welcher",
    "während",
    "nachdem",
    "obwohl",
    "bevor",
    "sobald",
    "solange",
    "falls",
    "zwar",
    "denn",
    "zuletzt",
    "dagegen",
    "offiziell",
    "aufgrund",
    "besorgt",
    "erst",
    "vorher",
    "nachher",
    "anschließend",
    "schließlich",
    "zuerst",
    "letztlich",
    "tatsächlich",
    "wörtlich",
    "ähnlich",
    "konkret",
    "stattdessen",
    "indes",
    "indessen",
    "hingegen",
    "ebenso",
    "derzeit",
    "künftig",
    "bislang",
    "bisher",
    "erneut",
    "zugleich",
    "darauf",
    "daraufhin",
    "kürzlich",
    "jüngst",
    "einst",
    "morgen",
    "abends",
    "morgens",
    "nachts",
    "insbesondere",
    "vermutlich",
    "möglicherweise",
    "wahrscheinlich",
    "demzufolge",
    "somit",
    "folglich",
    "trotz",
    "wegen",
    "gemäß",
    "zufolge",
    "durch",
    "ohne",
    "neben",
    "zwischen",
    "innerhalb",
    "außerhalb",
    "angesichts",
    "hierbei",
    "hierfür",
    "dafür",
    "damit",
    "davon",
    "deswegen",
    "also",
    "sowie",
    "entweder",
    "weder",
    "sowohl",
];

/// Words that keep a genitive or `von` tail on a speaker phrase (`Sprecher des Ministeriums`).
const NP_LINKS: &[&str] = &["des", "der", "von", "vom", "eines", "einer"];

/// How many sentences back a person description (`die Anwohnerin`) may reach for the person
/// it means, where the last speaker is no person.
const EPITHET_SENTENCES: usize = 4;

/// Lowercase particles inside names (`al`, `van`, `de`).
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ben", "ibn", "abu", "van", "de", "da", "di", "du", "la", "le", "dos",
    "ter", "ten",
];

const CONTENT_OPENERS: &[&str] = &[
    "dass",
    "ob",
    "wie",
    "warum",
    "wann",
    "wo",
    "wer",
    "was",
    "weshalb",
    "wieso",
    "welche",
    "welcher",
    "welches",
    "inwieweit",
    "wonach",
];

/// Conjunctions that open a verb-final clause (`als X sagte, …`).
const SUBORDINATORS: &[&str] = &[
    "wenn",
    "als",
    "weil",
    "nachdem",
    "während",
    "obwohl",
    "obgleich",
    "da",
    "sobald",
    "bevor",
    "seit",
    "seitdem",
    "indem",
    "zumal",
    "nachdem",
    "wobei",
    "wenngleich",
];

const AUXILIARIES: &[&str] = &[
    "hat", "haben", "hatte", "hatten", "ist", "sind", "war", "waren", "wurde", "wurden", "wird",
    "werden", "habe", "sei", "seien", "hätte", "hätten",
];

/// True for a word (in lower case) that hedges a statement in language `lang` (`angeblich`,
/// `offenbar`, `soll`; English `allegedly`, `reportedly`): the words that mark a quote hedged.
pub fn is_hedge(lang: &str, lower: &str) -> bool {
    if lang.starts_with("en") {
        en::is_hedge(lower)
    } else {
        Lexicon::get().hedges.contains(lower)
    }
}

/// Whether the words of a passage of `doc` hedge what it states (quotes and facts both ask):
/// - a hedge of the language's list (`offenbar`, `angeblich`; `allegedly`), in lower case: a
///   capitalised word after the first is a noun (`zum Wohl der Stadt`);
/// - a modal of hearsay (`soll`, `sollen`) only before a perfect infinitive (`Der Zeuge soll
///   den Täter gekannt haben`, `sollen um ihr Geld gebracht worden sein`) and without a date
///   after the article's day in `span` (`soll bis 2030 abgeschlossen sein`); otherwise it speaks
///   of a plan or gives advice (`Das Urteil soll am Freitag verkündet werden`, `Verbraucher
///   sollen den Käse nicht essen`).
///
/// `words` are the passage's words as written, in order; `span` is where the passage stands.
pub fn hedged(doc: &AnnotatedArticle, span: Span, words: &[&str]) -> bool {
    let lang = doc.article.language.as_str();
    let hearsay = |w: &str| !lang.starts_with("en") && Lexicon::get().hearsay.contains(w);
    // a participle (or `worden`, `gewesen`) and `sein`/`haben` after word `i`
    let perfect_after = |i: usize| {
        words[i + 1..].windows(2).any(|w| {
            matches!(w[1], "sein" | "haben") && (w[0].ends_with('t') || w[0].ends_with("en"))
        })
    };
    // a date or time in the passage after the article's day (`2030`, `im Sommer`)
    let day = doc.article.published.as_deref().and_then(|p| p.get(..10));
    let later = || {
        doc.timexes.iter().any(|t| {
            matches!(t.kind, TimexType::Date | TimexType::Time)
                && span.contains(&t.span)
                && t.value.starts_with(|c: char| c.is_ascii_digit())
                && day.is_some_and(|d| {
                    let n = t.value.len().min(d.len());
                    t.value.get(..n) > d.get(..n)
                })
        })
    };
    words.iter().enumerate().any(|(i, &w)| {
        let lower = match w.starts_with(char::is_uppercase) {
            false => std::borrow::Cow::Borrowed(w),
            true if i == 0 => std::borrow::Cow::Owned(w.to_lowercase()),
            true => return false,
        };
        is_hedge(lang, &lower) && (!hearsay(&lower) || perfect_after(i) && !later())
    })
}

/// Whether the outlet's words among `toks` hedge their sentence, by [`hedged`]: words inside
/// quotation marks are the speaker's and do not count.
fn hedged_tokens(doc: &AnnotatedArticle, ix: &CharIndex, text: &str, toks: &[Tok]) -> bool {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return false;
    };
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.region.is_none() && t.is_word())
        .map(|t| &text[t.s..t.e])
        .collect();
    hedged(doc, ix.span(first.s, last.e), &words)
}

/// Find every quote of an annotated article (uses its sentences and entities when present).
/// English articles (`language` `en…`) use the English rules, all others the German ones.
pub fn find_quotes(doc: &AnnotatedArticle) -> Vec<Quote> {
    if doc.article.language.to_lowercase().starts_with("en") {
        return en::find_quotes(doc);
    }
    let p = Prepared::of(doc);
    let mut f = Finder {
        text: &doc.article.text,
        ix: &p.ix,
        doc,
        lex: Lexicon::get(),
        regions: &p.regions,
        toks: &p.toks,
        out: Vec::new(),
        last_speaker: None,
        persons: person_mentions(doc, &p.ix),
        times: {
            let mut v: Vec<(usize, usize)> = doc
                .timexes
                .iter()
                .map(|t| (p.ix.byte_of(t.span.start), p.ix.byte_of(t.span.end)))
                .collect();
            v.sort_unstable();
            v
        },
        region_span: region_spans(&p.toks, p.regions.len()),
        sents: &p.sents,
    };
    f.run(&p.sents);
    in_text_order(f.out)
}

/// Token range `[first, last + 1)` of every quotation region.
fn region_spans(toks: &[Tok], n: usize) -> Vec<(usize, usize)> {
    let mut out = vec![(usize::MAX, 0); n];
    for (i, t) in toks.iter().enumerate() {
        if let Some(r) = t.region {
            if let Some(e) = out.get_mut(r) {
                e.0 = e.0.min(i);
                e.1 = i + 1;
            }
        }
    }
    out
}

/// Token indices where the tokenizer starts sentences, if it produced any.
/// What the quote finders of every language read: the char index, quotation regions, tokens
/// and sentences of an article.
struct Prepared {
    ix: CharIndex,
    regions: Vec<text::Region>,
    toks: Vec<Tok>,
    sents: Vec<(usize, usize)>,
}

impl Prepared {
    fn of(doc: &AnnotatedArticle) -> Prepared {
        let text = doc.article.text.as_str();
        let ix = CharIndex::new(text);
        let regions = text::regions(text);
        let toks = text::tokens(text, &regions);
        let starts = tokenizer_starts(doc, &toks, &ix);
        let sents = text::sentences(&toks, starts.as_deref());
        Prepared {
            ix,
            regions,
            toks,
            sents,
        }
    }
}

/// Quotes in text order, one per span and kind, none opening with a dateline (`Zwickau (dpa)
/// – Der Hersteller will …`: the statement starts after the dash).
fn in_text_order(mut out: Vec<Quote>) -> Vec<Quote> {
    for q in &mut out {
        let n = crate::time::dateline_chars(&q.text);
        if n > 0 && n < q.span.end - q.span.start {
            q.span.start += n;
            q.text = q.text.chars().skip(n).collect();
        }
    }
    out.sort_by_key(|q| (q.span.start, q.span.end, q.kind as u8));
    out.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
    out
}

fn tokenizer_starts(doc: &AnnotatedArticle, toks: &[Tok], ix: &CharIndex) -> Option<Vec<usize>> {
    if doc.sentences.is_empty() {
        return None;
    }
    let mut starts = Vec::new();
    for s in &doc.sentences {
        let b = ix.byte_of(s.span.start);
        let i = toks.partition_point(|t| t.s < b);
        starts.push(i);
    }
    starts.sort_unstable();
    starts.dedup();
    Some(starts)
}

/// (byte start, byte end, entity index) of every person mention, in text order.
fn person_mentions(
    doc: &AnnotatedArticle,
    ix: &CharIndex,
) -> Vec<(usize, usize, usize, MentionKind)> {
    let mut v: Vec<_> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityType::Per)
        .flat_map(|(i, e)| {
            e.mentions
                .iter()
                .map(move |m| (m.span.start, m.span.end, i, m.kind))
        })
        .map(|(s, e, i, k)| (ix.byte_of(s), ix.byte_of(e), i, k))
        .collect();
    v.sort_by_key(|x| (x.0, x.1, x.2));
    v
}

/// Tokens before a role phrase searched for the holder of the role (see
/// [`Finder::role_holder`]): far more than any article's span from a name to its role.
const ROLE_LOOKBACK: usize = 5_000;
/// Longest gap, in tokens, between a person's mention and a role noun in apposition after it
/// (a comma and adjectives: `Uschakow, außenpolitischer Berater`).
const APPOSITION_WORDS: usize = 8;

/// A speaker as found: text range in bytes, name to report, entity index.
#[derive(Debug, Clone)]
struct Speaker {
    name: String,
    entity: Option<usize>,
    span: Option<(usize, usize)>,
}

/// A cue as found: text as written and byte range.
type Cue = (String, usize, usize);

/// A frame found in a sentence.
#[derive(Debug, Clone)]
struct Frame {
    /// Token range of the content (indirect) or of the whole statement (reported).
    content: (usize, usize),
    speaker: Option<Speaker>,
    /// Cue text and byte range.
    cue: Option<(String, usize, usize)>,
    kind: QuoteKind,
    denial: bool,
}

struct Finder<'a> {
    text: &'a str,
    ix: &'a CharIndex,
    doc: &'a AnnotatedArticle,
    lex: &'static Lexicon,
    regions: &'a [Region],
    toks: &'a [Tok],
    out: Vec<Quote>,
    last_speaker: Option<(Speaker, usize)>,
    persons: Vec<(usize, usize, usize, MentionKind)>,
    /// (byte start, byte end) of every temporal expression, sorted: no speaker starts inside one.
    times: Vec<(usize, usize)>,
    /// Token range of each quotation region.
    region_span: Vec<(usize, usize)>,
    /// Token range of each sentence.
    sents: &'a [(usize, usize)],
}

impl<'a> Finder<'a> {
    fn run(&mut self, sents: &[(usize, usize)]) {
        // Index of the run-on quote that the next Konjunktiv sentence may extend, and the
        // sentence it ends in.
        let mut open_run: Option<(usize, usize)> = None;
        let mut last_quote_sent: Option<usize> = None;
        for (si, &(a, b)) in sents.iter().enumerate() {
            let sent_regions = self.regions_in(a, b);
            // `X. Dies bestätigte Y.`: the previous sentence is Y's statement.
            if si > 0 && last_quote_sent != Some(si - 1) {
                if let Some((sp, cue)) = self.anaphoric_frame(a, b) {
                    let (pa, pb) = sents[si - 1];
                    let fr = Frame {
                        content: (pa, pb),
                        speaker: Some(sp.clone()),
                        cue,
                        kind: QuoteKind::Indirect,
                        denial: false,
                    };
                    if self.regions_in(pa, pb).is_empty() {
                        if let Some(q) = self.quote(QuoteKind::Indirect, pa, pb, &fr, pa, pb) {
                            self.out.push(q);
                            self.last_speaker = Some((sp, si));
                            last_quote_sent = Some(si);
                            open_run = None;
                            continue;
                        }
                    }
                }
            }
            let mut frames = self.frames(a, b);
            // `…, sagte Regierungssprecher X. Sie erwarte aber, dass …`: a speech or belief
            // verb in the Konjunktiv is itself reported, by the speaker of the sentence before:
            // the whole sentence is that speaker's too (nested speech: two quotes)
            if let ([fr], Some((prev, _))) = (
                &frames[..],
                self.last_speaker
                    .clone()
                    .filter(|(_, s)| si > 0 && s + 1 == si && last_quote_sent == Some(si - 1)),
            ) {
                if self.reported_act(a, fr)
                    && fr.speaker.as_ref().is_none_or(|s| s.name != prev.name)
                {
                    frames.push(Frame {
                        content: (a, b),
                        speaker: Some(prev),
                        cue: None,
                        kind: QuoteKind::Indirect,
                        denial: false,
                    });
                }
            }
            let mut produced = false;
            if !frames.is_empty() {
                produced = true;
                open_run = None;
                let mut bound = Vec::new();
                let mut contents = Vec::new();
                for fr in &frames {
                    if let Some(s) = &fr.speaker {
                        self.last_speaker = Some((s.clone(), si));
                    }
                    let (ca, cb) = fr.content;
                    // content before its frame (`…, wie X sagte`) is one main clause, also
                    // with a second verb (`durchsuchten Büros und stellten Unterlagen sicher`)
                    let before_cue =
                        ca < cb && fr.cue.as_ref().is_some_and(|c| c.1 >= self.toks[cb - 1].e);
                    let cb = if fr.kind == QuoteKind::Indirect && !before_cue {
                        self.content_end(ca, cb)
                    } else {
                        cb
                    };
                    let only_quotes = self.only_quotes(ca, cb);
                    // A speech act needs something said: not `(X berichtete)` alone.
                    let too_short = fr.kind == QuoteKind::Reported
                        && self.toks[ca..cb].iter().filter(|t| t.is_word()).count() < 4;
                    if !only_quotes && !too_short {
                        if let Some(q) = self.quote(fr.kind, ca, cb, fr, a, b) {
                            self.out.push(q);
                        }
                    }
                    contents.push((ca, cb, only_quotes));
                }
                // Quotes of the sentence: those in a frame's content take its speaker; the
                // others (for a frame that binds quotes) the first frame's.
                for &r in &sent_regions {
                    let owner = contents
                        .iter()
                        .position(|&(ca, cb, _)| self.region_in_tokens(r, ca, cb));
                    // A quoted title used as a noun outside the content (`schrieb X in der
                    // „Abendpost“`, `wie die „Aktion …“ mitteilte`) is no speech.
                    let title = self
                        .tok_range_of_region(r)
                        .is_some_and(|(o, _)| self.title_after_article(o));
                    let owner = owner.or_else(|| {
                        (!title && (contents.iter().any(|c| c.2) || self.is_speechy(r)))
                            .then_some(0)
                    });
                    if let Some(fi) = owner {
                        bound.push((r, fi));
                    }
                }
                for (r, fi) in bound {
                    let fr = &frames[fi];
                    self.push_direct(r, fr.speaker.clone(), fr.cue.clone(), a, b);
                }
            } else {
                // Direct quotes without a frame in their sentence.
                for &r in &sent_regions {
                    if let Some(sp) = self.context_speaker(r, si, sents, last_quote_sent) {
                        produced = true;
                        self.last_speaker = Some((sp.clone(), si));
                        self.push_direct(r, Some(sp), None, a, b);
                    } else if let Some(sp) = self.sentence_subject(a, b) {
                        // `Datenschützer warnen vor dem „gläsernen Menschen“`: the subject
                        // of the sentence said the quoted words.
                        if self.is_speechy(r) && !self.title_like(r) {
                            produced = true;
                            // Right after another quote, the speech usually goes on.
                            let sp = match (&self.last_speaker, last_quote_sent) {
                                (Some((last, _)), Some(q)) if q + 1 == si => last.clone(),
                                _ => sp,
                            };
                            self.push_direct(r, Some(sp), None, a, b);
                        }
                    } else if self.region_words(r) >= 4 && self.is_speechy(r) && !self.title_like(r)
                    {
                        // A quoted passage of several words is speech even when its speaker
                        // is out of reach; the previous sentence's subject or the last
                        // speaker is the best guess.
                        produced = true;
                        let sp = si
                            .checked_sub(1)
                            .and_then(|p| self.sentence_subject(sents[p].0, sents[p].1))
                            .or_else(|| {
                                let from = sents[si.saturating_sub(2)].0;
                                self.person_between(self.toks[from].s, self.toks[a].s, |_| true)
                            })
                            .or_else(|| self.last_speaker.as_ref().map(|(s, _)| s.clone()));
                        self.push_direct(r, sp, None, a, b);
                    } else if self.is_speechy(r)
                        && !self.title_like(r)
                        && last_quote_sent.is_some_and(|q| q + 1 == si)
                    {
                        // A short quoted phrase right after speech: the speaker's wording
                        // (`Er sprach von einer „tiefen Kluft“.`).
                        if let Some((sp, _)) = self.last_speaker.clone() {
                            produced = true;
                            self.push_direct(r, Some(sp), None, a, b);
                        }
                    }
                }
                // `Demnach …`: the content of the source just named.
                let first = self.toks[a..b]
                    .iter()
                    .position(|t| t.is_word())
                    .map(|k| a + k);
                // `Danach sei …` (with a Konjunktiv: not the temporal `danach`), and `demnach`
                // inside the sentence (`Die Arbeit werde demnach fortgesetzt`) likewise.
                let opener = first.filter(|&f| {
                    matches!(self.toks[f].lower.as_str(), "demnach" | "demzufolge")
                        || self.toks[f].lower == "danach" && self.konjunktiv_main(a, b)
                });
                let inner = (a..b).find(|&k| {
                    Some(k) != first
                        && self.toks[k].region.is_none()
                        && matches!(self.toks[k].lower.as_str(), "demnach" | "demzufolge")
                });
                let cue_at = opener.or(inner);
                if let Some(f) = cue_at {
                    let ca = if opener.is_some() { f + 1 } else { a };
                    let recent = self
                        .last_speaker
                        .as_ref()
                        .filter(|(_, s)| si <= s + RUN_ON_WINDOW)
                        .map(|(sp, _)| sp.clone());
                    // Without recent speech, an opening `Demnach` points to the source the
                    // sentence before named (`Eine Studie der Kasse liegt vor. Demnach …`):
                    // its subject, or no one when it has none.
                    let named_before = || {
                        let &(pa, pb) = sents.get(si.checked_sub(1)?)?;
                        self.starts_paragraph(a)
                            .then_some(None)
                            .or(Some(self.sentence_subject(pa, pb)))
                    };
                    let speaker = match recent {
                        Some(sp) => Some(Some(sp)),
                        None if opener.is_some() => named_before(),
                        None => None,
                    };
                    if let Some(sp) = speaker {
                        let cue_t = &self.toks[f];
                        let fr = Frame {
                            content: (ca, b),
                            speaker: sp,
                            cue: Some((cue_t.lower.clone(), cue_t.s, cue_t.e)),
                            kind: QuoteKind::Indirect,
                            denial: false,
                        };
                        if let Some(q) = self.quote(QuoteKind::Indirect, ca, b, &fr, a, b) {
                            self.out.push(q);
                            last_quote_sent = Some(si);
                            continue;
                        }
                    }
                }
                // Run-on Konjunktiv: continues the last run-on quote, or opens one for
                // the last speaker.
                let outside = self.toks[a..b]
                    .iter()
                    .filter(|t| t.is_word() && t.region.is_none())
                    .count();
                // An indicative sentence between two pieces of reported speech of the same
                // source goes with them (`Manche Punkte passten ihnen nicht.` between two
                // Konjunktiv sentences).
                let sandwiched = || {
                    last_quote_sent.is_some_and(|qs| qs + 1 == si)
                        && sent_regions.is_empty()
                        && self.weak_preterite_only(a, b)
                        && sents.get(si + 1).is_some_and(|&(na, nb)| {
                            !self.starts_paragraph(na)
                                && self.konjunktiv_main(na, nb)
                                && self.frames(na, nb).is_empty()
                        })
                };
                let konjunktiv = self.konjunktiv_main(a, b);
                if outside >= 3 && (konjunktiv || sandwiched()) {
                    let mut done = false;
                    if !konjunktiv {
                        // Its own quote: the run-on on either side stays apart.
                        open_run = None;
                    }
                    if let Some((qi, qs)) = open_run {
                        if si == qs + 1 {
                            self.extend(qi, b);
                            open_run = Some((qi, si));
                            done = true;
                        }
                    }
                    // A Konjunktiv sentence opening a paragraph belongs to the cue right
                    // after it (`Die Lage sei ernst. Es gebe viel zu tun, sagte X.`).
                    // Inside a paragraph only a frame that follows its own content (`…, sagte
                    // X.`) reaches back.
                    let para = self.starts_paragraph(a);
                    // right after the last speaker's own quote inside a paragraph, the sentence
                    // goes on with that speaker rather than reaching for the next frame
                    let continuing = !para
                        && last_quote_sent.is_some_and(|q| q + 1 == si)
                        && self.last_speaker.as_ref().is_some_and(|(_, s)| s + 1 == si);
                    let next_frame = if done || continuing {
                        None
                    } else {
                        sents
                            .get(si + 1)
                            .filter(|&&(na, _)| !self.starts_paragraph(na))
                            .and_then(|&(na, nb)| self.frame(na, nb, &[]))
                            .filter(|fr| fr.kind == QuoteKind::Indirect)
                            .filter(|fr| {
                                // Only a frame standing after its content behind a comma
                                // (`…, sagte X.`), not a source phrase inside the sentence.
                                let behind = fr.cue.as_ref().is_some_and(|c| {
                                    let k = self.toks.partition_point(|t| t.s < c.1);
                                    self.toks[fr.content.1.max(1) - 1].e <= c.1
                                        && k > 0
                                        && self.toks[k - 1].is_punct(',')
                                });
                                para || behind
                            })
                            .and_then(|fr| fr.speaker)
                    };
                    // `Journalisten beklagen Behinderungen, nur zwei Sender seien zugelassen`:
                    // the Konjunktiv after a speaking subject's own indicative clause is that
                    // subject's report; else the speaker framing the next sentence or the
                    // recent one reports the whole sentence
                    let own = (!done && konjunktiv)
                        .then(|| self.subject_then_report(a, b))
                        .flatten();
                    let recent = next_frame.or_else(|| {
                        self.last_speaker
                            .as_ref()
                            .filter(|(_, s)| si <= s + RUN_ON_WINDOW)
                            .map(|(sp, _)| sp.clone())
                    });
                    for (sp, ca) in own.into_iter().chain(recent.map(|sp| (sp, a))) {
                        if done {
                            break;
                        }
                        let fr = Frame {
                            content: (ca, b),
                            speaker: Some(sp.clone()),
                            cue: None,
                            kind: QuoteKind::Indirect,
                            denial: false,
                        };
                        if let Some(q) = self.quote(QuoteKind::Indirect, ca, b, &fr, ca, b) {
                            open_run = konjunktiv.then_some((self.out.len(), si));
                            self.out.push(q);
                            self.last_speaker = Some((sp, si));
                            done = true;
                        }
                    }
                    produced |= done;
                }
                // Hedged report without a source in the sentence: `Er soll … gewusst haben`;
                // right after reported speech, any `soll` sentence carries it on (`Die Fähre
                // soll ab Montag wieder fahren.`).
                let continues = si > 0
                    && last_quote_sent == Some(si - 1)
                    && !self.starts_paragraph(a)
                    && self.reportative_modal(a, b);
                if !produced
                    && outside >= 4
                    && (self.hedged_report(a, b) || continues)
                    && self
                        .last_speaker
                        .as_ref()
                        .is_some_and(|(_, s)| si <= s + RUN_ON_WINDOW)
                {
                    let sp = self
                        .last_speaker
                        .as_ref()
                        .filter(|(_, s)| si <= s + RUN_ON_WINDOW)
                        .map(|(sp, _)| sp.clone());
                    let fr = Frame {
                        content: (a, b),
                        speaker: sp,
                        cue: None,
                        kind: QuoteKind::Indirect,
                        denial: false,
                    };
                    if let Some(q) = self.quote(QuoteKind::Indirect, a, b, &fr, a, b) {
                        self.out.push(q);
                        produced = true;
                    }
                }
            }
            if produced {
                last_quote_sent = Some(si);
            }
        }
        self.unmarked_pull_quotes();
    }

    /// A paragraph in the first person followed by a line that names a person with a role
    /// (`Tomas Lind, Berater der Ministerin`) is a pull quote whose marks were lost.
    fn unmarked_pull_quotes(&mut self) {
        let toks = self.toks;
        // Lines as token ranges.
        let mut lines = Vec::new();
        let mut start = 0;
        for (k, t) in toks.iter().enumerate() {
            if t.kind == Kind::Newline {
                if k > start {
                    lines.push((start, k));
                }
                start = k + 1;
            }
        }
        if toks.len() > start {
            lines.push((start, toks.len()));
        }
        for w in lines.windows(2) {
            let ((pa, pb), (la, lb)) = (w[0], w[1]);
            let line = &toks[la..lb];
            let byline = line.len() <= 14
                && line.iter().any(|t| t.is_punct(','))
                && !line
                    .iter()
                    .any(|t| matches!(t.kind, Kind::Punct('.' | '!' | '?')));
            if !byline {
                continue;
            }
            let Some((na, nb)) = self.np_after(la, lb) else {
                continue;
            };
            if !toks.get(nb).is_some_and(|t| t.is_punct(',')) {
                continue;
            }
            let sp = self.speaker(na, nb);
            if sp.entity.is_none() {
                continue;
            }
            let words: Vec<&Tok> = toks[pa..pb]
                .iter()
                .filter(|t| t.is_word() && t.region.is_none())
                .collect();
            let first_person = words.iter().any(|t| {
                matches!(
                    t.lower.as_str(),
                    "ich"
                        | "wir"
                        | "uns"
                        | "mich"
                        | "mir"
                        | "mein"
                        | "meine"
                        | "unser"
                        | "unsere"
                        | "unseren"
                        | "unserer"
                        | "unserem"
                        | "meinen"
                        | "meiner"
                )
            });
            let (s, e) = (toks[pa].s, toks[pb - 1].e);
            let taken = self.out.iter().any(|q| {
                let (qs, qe) = (self.ix.byte_of(q.span.start), self.ix.byte_of(q.span.end));
                qs < e && s < qe
            });
            if words.len() < 6 || !first_person || taken || self.has_quote(pa, pb) {
                continue;
            }
            let fr = Frame {
                content: (pa, pb),
                speaker: Some(sp),
                cue: None,
                kind: QuoteKind::Direct,
                denial: false,
            };
            if let Some(q) = self.quote(QuoteKind::Direct, pa, pb, &fr, pa, pb) {
                self.out.push(q);
            }
        }
    }

    fn regions_in(&self, a: usize, b: usize) -> Vec<usize> {
        let mut v: Vec<usize> = self.toks[a..b].iter().filter_map(|t| t.region).collect();
        v.dedup();
        v
    }

    fn region_in_tokens(&self, r: usize, a: usize, b: usize) -> bool {
        self.toks[a..b].iter().any(|t| t.region == Some(r))
    }

    /// Skip adverbs, `sich` and short time or place phrases between a verb and its subject
    /// (`sagte am Dienstag auch X`).
    fn skip_adjuncts(&self, mut k: usize, limit: usize) -> usize {
        let toks = self.toks;
        let start = k;
        while k < limit && k < start + 6 {
            let t = &toks[k];
            if t.lower == "sich" || is_adverb(t) || matches!(t.lower.as_str(), "noch" | "nun") {
                k += 1;
            } else if matches!(
                t.lower.as_str(),
                "am" | "im" | "beim" | "gegenüber" | "in" | "vor" | "nach"
            ) && k + 1 < limit
                && toks[k + 1].is_word()
                && toks[k + 1].cap
                && k + 2 < limit
                && toks[k + 2].is_word()
            {
                k += 2;
            } else {
                break;
            }
        }
        k
    }

    /// True when the quotation opening at token `j` follows an article or preposition and is
    /// short: a quoted title used as a noun (`in der „Correio da Manhã“`, `die „Aktion
    /// Deutschland hilft“`).
    fn title_after_article(&self, j: usize) -> bool {
        let toks = self.toks;
        j > 0
            && matches!(
                toks[j - 1].lower.as_str(),
                "der"
                    | "die"
                    | "das"
                    | "dem"
                    | "den"
                    | "des"
                    | "im"
                    | "in"
                    | "am"
                    | "vom"
                    | "zur"
                    | "zum"
                    | "beim"
                    | "von"
                    | "wie"
            )
            && toks[j].region.is_some_and(|r| {
                let n = self.region_words(r);
                (1..=6).contains(&n)
                    && self
                        .region_toks(r)
                        .iter()
                        .find(|t| t.is_word())
                        .is_some_and(|t| t.cap)
            })
    }

    /// Start of the clause that holds token `i`, searching back to `a`; a short bracket after a
    /// name (`Jung (CDU) kündigte an`) does not end a clause.
    fn clause_start(&self, a: usize, i: usize) -> usize {
        let toks = self.toks;
        let mut k = i;
        while k > a {
            let t = &toks[k - 1];
            if t.is_punct(')') {
                let open = (k.saturating_sub(12).max(a)..k - 1)
                    .rev()
                    .find(|&o| toks[o].is_punct('('));
                if let Some(o) = open.filter(|&o| o > a && toks[o - 1].is_word()) {
                    k = o;
                    continue;
                }
            }
            // A quoted title used as a noun: `wie die „Aktion Deutschland hilft“ mitteilte`.
            if t.kind == Kind::Close {
                let open = t
                    .region
                    .and_then(|r| self.tok_range_of_region(r))
                    .map(|(o, _)| o);
                if let Some(o) = open.filter(|&o| o > a && o < k && self.title_after_article(o)) {
                    k = o;
                    continue;
                }
            }
            if is_clause_sep(t) {
                return k;
            }
            k -= 1;
        }
        a
    }

    /// End of the clause of a separable verb from `k` on, for finding its particle: like
    /// [`Self::clause_end`], but a short bracket (`die Behörde (LBA)`) and a date between
    /// commas (`am Montag, dem 3. Mai,`) and a name in apposition (`der Leiter, Anton Huber,`)
    /// stay inside.
    fn particle_clause_end(&self, k: usize, b: usize) -> usize {
        let toks = self.toks;
        let mut j = self.clause_end(k, b);
        while j < b {
            let close = if toks[j].is_punct('(') {
                (j + 1..b.min(j + 12)).find(|&x| toks[x].is_punct(')'))
            } else if toks[j].is_punct(',')
                && toks
                    .get(j + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "dem" | "den"))
                && toks
                    .get(j + 2)
                    .is_some_and(|t| t.lower.starts_with(|c: char| c.is_ascii_digit()))
            {
                (j + 1..b.min(j + 8)).find(|&x| toks[x].is_punct(','))
            } else if toks[j].is_punct(',') {
                // a name in apposition (`gab der Leiter, Anton Huber, bekannt`)
                (j + 2..b.min(j + 6))
                    .find(|&x| toks[x].is_punct(','))
                    .filter(|&c| toks[j + 1..c].iter().all(|t| t.is_word() && t.cap))
            } else {
                None
            };
            match close {
                Some(c) => j = self.clause_end(c + 1, b),
                None => break,
            }
        }
        j
    }

    /// First clause separator from `k` on (or `b`); a quoted name or title inside the clause
    /// is no separator (`schrieb X in der „Zeitung“, …`).
    fn clause_end(&self, k: usize, b: usize) -> usize {
        let toks = self.toks;
        let mut j = k;
        while j < b {
            let t = &toks[j];
            if t.kind == Kind::Open {
                if let Some(r) = t.region.filter(|&r| {
                    self.name_like(r) || !self.is_speechy(r) || self.title_after_article(j)
                }) {
                    if let Some((_, re)) = self.tok_range_of_region(r) {
                        if re > j && re < b {
                            j = re;
                            continue;
                        }
                    }
                }
                return j;
            }
            if is_clause_sep(t) {
                return j;
            }
            j += 1;
        }
        b
    }

    /// True when tokens `[k, b)` after a speaker hold no object: nothing, an addressee in the
    /// dative (`der Zeitung`, `russischen Medien`) or a prepositional phrase (`gegenüber
    /// Reportern`, `am Montag`).
    fn only_adjuncts(&self, k: usize, b: usize) -> bool {
        let toks = self.toks;
        let Some(first) = toks[k.min(b)..b].iter().find(|t| t.is_word()) else {
            return true;
        };
        let w = first.lower.as_str();
        matches!(
            w,
            "der"
                | "dem"
                | "einer"
                | "eines"
                | "aus"
                | "gegenüber"
                | "am"
                | "im"
                | "in"
                | "auf"
                | "bei"
                | "beim"
                | "vor"
                | "nach"
                | "während"
                | "zum"
                | "zur"
                | "mit"
                | "laut"
                | "vom"
                | "von"
        ) || (!first.cap && w.ends_with("en") && is_adjective(w))
    }

    /// True when the token at `a` opens a paragraph (first token or after a line break).
    fn starts_paragraph(&self, a: usize) -> bool {
        a == 0
            || self
                .toks
                .get(a - 1)
                .is_some_and(|t| t.kind == Kind::Newline)
    }

    /// True when quotation region `r` ends with the word `w`.
    fn quote_ends_with(&self, r: Option<usize>, w: &str) -> bool {
        r.is_some_and(|r| {
            self.region_toks(r)
                .iter()
                .rev()
                .find(|t| t.is_word())
                .is_some_and(|t| t.lower == w)
        })
    }

    /// True when the token range holds a quotation region.
    fn has_quote(&self, a: usize, b: usize) -> bool {
        self.toks[a..b].iter().any(|t| t.region.is_some())
    }

    /// True when every word of the token range is inside quotation marks.
    fn only_quotes(&self, a: usize, b: usize) -> bool {
        let words: Vec<&Tok> = self.toks[a..b].iter().filter(|t| t.is_word()).collect();
        !words.is_empty() && words.iter().all(|t| t.region.is_some())
    }

    /// A quoted passage that reads as speech rather than a name or title: not a short run of
    /// capitalised words (`„Eagle“`, `„Management Plan“`).
    fn is_speechy(&self, r: usize) -> bool {
        let words: Vec<&Tok> = self.region_toks(r).iter().filter(|t| t.is_word()).collect();
        !words.is_empty() && (words.len() > 3 || words.iter().any(|t| !t.cap))
    }

    /// A quote of four or five words that is not a sentence (`„Die Stadt der Zukunft“`)
    /// reads as a title or slogan when no speech cue frames it.
    /// True when the text between bytes `s` and `e` is one name the entity recogniser found
    /// (`„Touareg“`, `„Figaro“`, `„Ärzte ohne Grenzen“`): a name in quotation marks, no quote.
    /// A single word ending in a listed common noun stays a quote even when the recogniser
    /// calls it a name (`„Wortbruch“`).
    fn names_an_entity(&self, s: usize, e: usize) -> bool {
        let span = self.ix.span(s, e);
        // a single quoted word ending in a common noun is a word, whatever the tag
        let text = &self.text[s..e];
        let word = !text.contains(' ')
            && crate::ner::gazetteer::Gazetteer::get().ends_in_common_noun(text);
        self.doc
            .entities
            .iter()
            .filter(|x| x.kind != EntityType::Misc || !word)
            .flat_map(|x| &x.mentions)
            .any(|m| m.span.start <= span.start && m.span.end >= span.end)
    }

    fn title_like(&self, r: usize) -> bool {
        let toks = self.region_toks(r);
        let n = toks.iter().filter(|t| t.is_word()).count();
        let sentence = toks
            .iter()
            .rev()
            .find(|t| t.kind != Kind::Close)
            .is_some_and(|t| matches!(t.kind, Kind::Punct('.' | '!' | '?')));
        (4..=5).contains(&n) && !sentence
    }

    /// A quoted name rather than speech: capitalised words (with name connectors such as
    /// `am`, `für`, `of`, `the`) and no punctuation — `„New York Times“`, `„Bild am Sonntag“`.
    fn name_like(&self, r: usize) -> bool {
        let toks = self.region_toks(r);
        let inner = toks
            .iter()
            .filter(|t| t.kind != Kind::Open && t.kind != Kind::Close);
        let mut caps = 0;
        for t in inner {
            if t.is_word() {
                if t.cap {
                    caps += 1;
                } else if !matches!(
                    t.lower.as_str(),
                    "am" | "für" | "von" | "und" | "of" | "the" | "and" | "for" | "de" | "la"
                ) {
                    return false;
                }
            } else if !t.is_punct('-') {
                return false;
            }
        }
        (2..=8).contains(&caps)
    }

    /// A quoted title or name without a verb (`„Linke Gewalt in Berlin 2003 bis 2008“`,
    /// `„Rente mit 67“`): capitalised words, numbers, articles, prepositions and adjectives
    /// only, no sentence punctuation. Only quotes without a cue are checked.
    fn heading_like(&self, r: usize) -> bool {
        const LINKS: &[&str] = &[
            "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "und",
            "für", "von", "vom", "mit", "im", "in", "zur", "zum", "bis", "über", "an", "am", "auf",
            "aus", "bei", "nach", "gegen", "unter", "um", "e", "v",
        ];
        let toks = self.region_toks(r);
        let inner: Vec<&Tok> = toks
            .iter()
            .filter(|t| t.kind != Kind::Open && t.kind != Kind::Close)
            .collect();
        let first_cap = inner
            .first()
            .is_some_and(|t| t.cap || t.lower.starts_with(char::is_numeric));
        let words = inner.iter().filter(|t| t.is_word()).count();
        first_cap
            && words >= 2
            && inner.iter().all(|t| {
                if t.is_word() {
                    t.cap
                        || t.lower.chars().all(|c| c.is_numeric())
                        || LINKS.contains(&t.lower.as_str())
                        || is_adjective(&t.lower)
                } else {
                    matches!(t.kind, Kind::Punct('-' | '–' | '/'))
                }
            })
    }

    fn region_words(&self, r: usize) -> usize {
        self.region_toks(r).iter().filter(|t| t.is_word()).count()
    }

    fn tok_range_of_region(&self, r: usize) -> Option<(usize, usize)> {
        self.region_span.get(r).copied().filter(|(a, b)| a < b)
    }

    /// The tokens of quotation region `r`, marks included.
    fn region_toks(&self, r: usize) -> &[Tok] {
        self.tok_range_of_region(r)
            .map_or(&[], |(a, b)| &self.toks[a..b])
    }

    /// Speaker of a direct quote with no frame in its sentence: a pull-quote line below it,
    /// a colon-ended frame before it, or the speaker of the quote just before.
    fn context_speaker(
        &self,
        r: usize,
        si: usize,
        sents: &[(usize, usize)],
        last_quote_sent: Option<usize>,
    ) -> Option<Speaker> {
        let (ra, rb) = self.tok_range_of_region(r)?;
        let (a, b) = sents[si];
        let words_outside = self.toks[a..b]
            .iter()
            .filter(|t| t.is_word() && t.region.is_none())
            .count();
        let standalone = words_outside == 0;
        let nwords = self.region_words(r);
        // Pull quote: the quote stands alone on its line and the next line names the speaker.
        if standalone {
            let line_end = self.toks[rb..].iter().position(|t| t.kind == Kind::Newline);
            if let Some(off) = line_end {
                let mut j = rb + off;
                while j < self.toks.len() && self.toks[j].kind == Kind::Newline {
                    j += 1;
                }
                let line_b = self.toks[j..]
                    .iter()
                    .position(|t| t.kind == Kind::Newline)
                    .map_or(self.toks.len(), |o| j + o);
                let line = &self.toks[j..line_b];
                let short = line.len() <= 16
                    && !line
                        .iter()
                        .any(|t| matches!(t.kind, Kind::Punct('.' | '!' | '?')));
                if short && line.first().is_some_and(|t| t.is_word() && t.cap) {
                    if let Some((na, nb)) = self.np_after(j, line_b) {
                        return Some(self.speaker(na, nb));
                    }
                }
            }
            // `X sagte:` ending the previous sentence.
            if si > 0 {
                let (pa, pb) = sents[si - 1];
                if pb > pa && self.toks[pb - 1].is_punct(':') {
                    if let Some(fr) = self.frame(pa, pb, &[]) {
                        if fr.speaker.is_some() {
                            return fr.speaker;
                        }
                    }
                    if let Some((na, nb)) = self.np_after(pa, pb) {
                        return Some(self.speaker(na, nb));
                    }
                }
            }
        }
        // `Sie dankte den Helfern: „…“`: a colon before the quote makes the subject of its
        // sentence the speaker, whatever the verb.
        if !standalone && ra > a && self.toks[ra - 1].is_punct(':') {
            if let Some(sp) = self.sentence_subject(a, ra - 1) {
                return Some(sp);
            }
        }
        // Continuing speech of the last speaker.
        let recent = last_quote_sent.is_some_and(|q| si <= q + 2);
        if recent && (standalone || nwords >= 4) {
            return self.last_speaker.as_ref().map(|(s, _)| s.clone());
        }
        None
    }

    fn push_direct(
        &mut self,
        r: usize,
        speaker: Option<Speaker>,
        cue: Option<(String, usize, usize)>,
        sa: usize,
        sb: usize,
    ) {
        let reg = &self.regions[r];
        let (s, e) = trim_bytes(self.text, reg.inner_start, reg.inner_end);
        if s >= e
            || self.name_like(r)
            || (cue.is_none() && self.heading_like(r))
            || self.names_an_entity(s, e)
        {
            return;
        }
        let epistemic = self.epistemic(sa, sb, false);
        let q = Quote {
            kind: QuoteKind::Direct,
            span: self.ix.span(s, e),
            text: self.text[s..e].to_string(),
            speaker: speaker.as_ref().map(|x| x.name.clone()),
            speaker_entity: speaker.as_ref().and_then(|x| x.entity),
            speaker_span: speaker
                .as_ref()
                .and_then(|x| x.span)
                .map(|(a, b)| self.ix.span(a, b)),
            cue: cue.as_ref().map(|c| c.0.clone()),
            cue_span: cue.as_ref().map(|c| self.ix.span(c.1, c.2)),
            epistemic,
        };
        self.out.push(q);
    }

    /// Build a quote over tokens `[ca, cb)` with the frame's speaker and cue.
    fn quote(
        &self,
        kind: QuoteKind,
        ca: usize,
        cb: usize,
        fr: &Frame,
        sa: usize,
        sb: usize,
    ) -> Option<Quote> {
        let (mut a, mut b) = (ca, cb);
        while a < b && !self.toks[a].is_word() && self.toks[a].kind != Kind::Open {
            a += 1;
        }
        while b > a && !self.toks[b - 1].is_word() && self.toks[b - 1].kind != Kind::Close {
            b -= 1;
        }
        if a >= b || !self.toks[a..b].iter().any(|t| t.is_word()) {
            return None;
        }
        let (s, e) = (self.toks[a].s, self.toks[b - 1].e);
        let sp = fr.speaker.as_ref();
        Some(Quote {
            kind,
            span: self.ix.span(s, e),
            text: self.text[s..e].to_string(),
            speaker: sp.map(|x| x.name.clone()),
            speaker_entity: sp.and_then(|x| x.entity),
            speaker_span: sp.and_then(|x| x.span).map(|(a, b)| self.ix.span(a, b)),
            cue: fr.cue.as_ref().map(|c| c.0.clone()),
            cue_span: fr.cue.as_ref().map(|c| self.ix.span(c.1, c.2)),
            epistemic: self.epistemic(sa, sb, fr.denial),
        })
    }

    /// Extend quote `qi` to end with token `b` (run-on indirect speech).
    fn extend(&mut self, qi: usize, b: usize) {
        let mut b = b;
        while b > 0 && !self.toks[b - 1].is_word() && self.toks[b - 1].kind != Kind::Close {
            b -= 1;
        }
        if b == 0 {
            return;
        }
        let e = self.toks[b - 1].e;
        if let Some(q) = self.out.get_mut(qi) {
            let s = self.ix.byte_of(q.span.start);
            if e > s {
                q.span = self.ix.span(s, e);
                q.text = self.text[s..e].to_string();
            }
        }
    }

    fn epistemic(&self, a: usize, b: usize, denial: bool) -> Epistemic {
        if denial {
            return Epistemic::Denied;
        }
        if hedged_tokens(self.doc, self.ix, self.text, &self.toks[a..b]) {
            return Epistemic::Hedged;
        }
        Epistemic::Attributed
    }

    /// True when a frame's speech verb is in the Konjunktiv (`Sie erwarte, dass …`, `Die
    /// Analyse habe ergeben, dass …`, `Alle hätten angegeben, …`), or its source noun stands in
    /// a clause in the Konjunktiv: its sentence is reported.
    fn reported_act(&self, a: usize, fr: &Frame) -> bool {
        let Some(c) = fr.cue.as_ref() else {
            return false;
        };
        let toks = self.toks;
        let ci = toks.partition_point(|t| t.s < c.1);
        // the content follows the verb
        if ci >= toks.len() || fr.content.0 <= ci {
            return false;
        }
        // a source noun in a clause in the Konjunktiv (`Auch aus Hessen lägen Meldungen vor,
        // …`)
        if toks[ci].cap && self.lex.is_source_noun(&toks[ci].lower) {
            return self.konjunktiv_main(a, fr.content.0);
        }
        if !self.lex.forms.contains_key(&toks[ci].lower) {
            return false;
        }
        // the verb's clause opens the sentence (not `…, der sage, was …`)
        let cs = self.clause_start(a, ci);
        if cs != a {
            return false;
        }
        let konjunktiv = |w: &str| self.lex.is_konjunktiv_one(w) || self.lex.is_konjunktiv_two(w);
        konjunktiv(&toks[ci].lower)
            || (cs..ci).any(|k| {
                matches!(
                    toks[k].lower.as_str(),
                    "habe" | "hätte" | "hätten" | "sei" | "seien" | "wäre" | "wären" | "werde"
                )
            })
    }

    /// True when the sentence's text outside quotes has a Konjunktiv I form (or a Konjunktiv
    /// II stand-in) that is not inside a subordinate `wenn`/`als ob` clause.
    fn konjunktiv_main(&self, a: usize, b: usize) -> bool {
        for t in &self.toks[a..b] {
            if t.region.is_some() || !t.is_word() || t.cap {
                continue;
            }
            if self.lex.is_konjunktiv_one(&t.lower) {
                return true;
            }
        }
        // A Konjunktiv II counts in the main clause, not in a conditional one.
        let mut in_condition = false;
        for t in &self.toks[a..b] {
            if t.lower == "wenn" || t.lower == "falls" {
                in_condition = true;
            } else if !in_condition
                && t.is_word()
                && t.region.is_none()
                && !t.cap
                && self.lex.is_konjunktiv_two(&t.lower)
            {
                return true;
            }
        }
        false
    }

    /// True when a sentence's finite verb can only be read as a weak preterite, which is
    /// also the Konjunktiv II (`passten`, `fehlte`): no auxiliary or speech verb, no person
    /// named, and a lowercase `-te`/`-ten` form.
    fn weak_preterite_only(&self, a: usize, b: usize) -> bool {
        let (s, e) = (self.toks[a].s, self.toks[b - 1].e);
        if self.persons.iter().any(|m| m.0 >= s && m.1 <= e) {
            return false;
        }
        let words: Vec<&Tok> = self.toks[a..b]
            .iter()
            .filter(|t| t.is_word() && t.region.is_none())
            .collect();
        let other_verb = words.iter().any(|t| {
            AUXILIARIES.contains(&t.lower.as_str())
                || matches!(
                    t.lower.as_str(),
                    "kam" | "kamen" | "gab" | "gaben" | "ging" | "gingen"
                )
                || self.lex.forms.contains_key(&t.lower)
        });
        let weak = words.iter().skip(1).any(|t| {
            !t.cap
                && (t.lower.ends_with("te") || t.lower.ends_with("ten"))
                && t.lower.chars().count() > 4
        });
        !other_verb && weak
    }

    /// `soll`/`sollen` with a perfect infinitive at the clause end (`soll … gewusst haben`),
    /// or `angeblich`: a claim reported without naming its source.
    /// True when the sentence's finite verb outside quotes is `soll`/`sollen` (reportative or
    /// of a plan someone announced).
    fn reportative_modal(&self, a: usize, b: usize) -> bool {
        self.toks[a..b].iter().any(|t| {
            t.is_word() && t.region.is_none() && matches!(t.lower.as_str(), "soll" | "sollen")
        })
    }

    fn hedged_report(&self, a: usize, b: usize) -> bool {
        let words: Vec<&Tok> = self.toks[a..b]
            .iter()
            .filter(|t| t.is_word() && t.region.is_none())
            .collect();
        let perfect = words
            .last()
            .is_some_and(|t| matches!(t.lower.as_str(), "haben" | "sein"));
        (perfect && self.reportative_modal(a, b)) || words.iter().any(|t| t.lower == "angeblich")
    }

    /// End of an indirect content clause: before a colon that opens a direct quote, and before
    /// `und` + a finite indicative verb that continues the frame's sentence (`…, die Lage sei
    /// ernst, und verwies auf …`).
    fn content_end(&self, ca: usize, cb: usize) -> usize {
        let toks = self.toks;
        for k in ca + 1..cb {
            let t = &toks[k];
            if t.region.is_some() {
                continue;
            }
            if t.is_punct(':') && toks.get(k + 1).is_some_and(|x| x.kind == Kind::Open) {
                return k;
            }
            // `…, die Anschläge verübt zu haben; diese bestritt das`: a new main clause.
            if t.is_punct(';') && !self.konjunktiv_main(k + 1, cb) {
                return k;
            }
            if t.lower == "und" && !t.cap && k + 1 < cb {
                let n = &toks[k + 1];
                let w = n.lower.as_str();
                let finite_past = n.is_word()
                    && !n.cap
                    && n.region.is_none()
                    && (w.ends_with("te") || w.ends_with("ten"))
                    && !self.lex.is_konjunktiv_one(w)
                    && !self.lex.is_konjunktiv_two(w)
                    && !FUNCTION_WORDS.contains(&w)
                    // `und erste Ergebnisse` is an adjective before its noun.
                    && !toks.get(k + 2).is_some_and(|x| x.is_word() && x.cap);
                let speech = self
                    .lex
                    .forms
                    .get(w)
                    .is_some_and(|e| e.iter().any(|&(_, kind)| kind != FormKind::Participle));
                if finite_past || speech {
                    return k;
                }
            }
        }
        cb
    }

    /// `Dies bestätigte X`, `Das hat X erklärt`, `Dies geht aus X hervor`: a sentence that
    /// attributes the previous one. Returns the speaker and the cue.
    fn anaphoric_frame(&self, a: usize, b: usize) -> Option<(Speaker, Option<Cue>)> {
        let toks = self.toks;
        let first = (a..b).find(|&k| toks[k].is_word())?;
        if !matches!(toks[first].lower.as_str(), "dies" | "das" | "dieses") {
            return None;
        }
        let v = first + 1;
        let vt = toks.get(v).filter(|t| t.is_word() && v < b)?;
        let words = || (v + 1..b).filter(|&k| toks[k].is_word() && toks[k].region.is_none());
        // `Dies geht aus einem Bericht hervor`.
        if matches!(vt.lower.as_str(), "geht" | "ging") {
            let hervor = words().find(|&k| toks[k].lower == "hervor")?;
            let aus = (v + 1..hervor).find(|&k| toks[k].lower == "aus")?;
            let (na, nb) = self.np_after(aus + 1, hervor)?;
            return Some((self.speaker(na, nb), Some((vt.lower.clone(), vt.s, vt.e))));
        }
        let aux = matches!(vt.lower.as_str(), "hat" | "hatte" | "haben" | "hatten");
        let (cue_tok, cue_ok) = if aux {
            let p = words().find(|&k| {
                self.lex
                    .forms
                    .get(&toks[k].lower)
                    .is_some_and(|e| e.iter().any(|&(_, kind)| kind == FormKind::Participle))
            })?;
            (p, true)
        } else {
            let entries = self.lex.forms.get(&vt.lower)?;
            let ok = entries.iter().any(|&(vi, kind)| match kind {
                FormKind::Finite => self.lex.verbs[vi]
                    .particle
                    .as_ref()
                    .is_some_and(|p| words().any(|k| toks[k].lower == *p)),
                FormKind::Joined => true,
                FormKind::Participle => false,
            });
            (v, ok)
        };
        if !cue_ok {
            return None;
        }
        let limit = if aux { cue_tok } else { b };
        let k = self.skip_adjuncts(v + 1, limit);
        let (na, nb) = self.np_after(k, limit)?;
        if OBLIQUE.contains(&toks[na].lower.as_str()) || toks[na].lower == "es" {
            return None;
        }
        let ct = &toks[cue_tok];
        Some((self.speaker(na, nb), Some((ct.lower.clone(), ct.s, ct.e))))
    }

    /// The frame of a sentence, if it has one.
    fn frame(&self, a: usize, b: usize, _regions: &[usize]) -> Option<Frame> {
        let attr = self.attribution_frame(a, b);
        let mut verb = self.verb_frame(a, b);
        // A speech verb closing the sentence behind a comma (`Die Brücke bleibt nach Angaben
        // der Stadt gesperrt, sagte X.`) frames the whole clause, source phrase included.
        let closing = |v: &Frame| {
            v.cue.as_ref().is_some_and(|c| {
                let k = self.toks.partition_point(|t| t.s < c.1);
                k > a && self.toks[k - 1].is_punct(',') && v.content.0 == a
            }) && v.speaker.is_some()
        };
        // A speech act inside a clause that a closing frame reports (`Die Pläne lehne sie
        // „rundweg ab“, sagte X.`), or one in a subordinate clause that opens the sentence
        // (`Sollte die Firma den Befund nicht gemeldet haben, wäre das ein Verstoß, sagte X.`),
        // or one in the Konjunktiv (`Der Fahrer habe angegeben, er sei geblendet worden, sagte
        // ein Sprecher.`): the closing frame holds the speaker of the whole clause.
        let subordinate_first = matches!(
            self.toks[a].lower.as_str(),
            "sollte" | "sollten" | "wenn" | "falls" | "obwohl" | "weil" | "da" | "nachdem"
        );
        if let Some(v) = verb.as_ref().filter(|v| {
            v.kind == QuoteKind::Reported || subordinate_first || self.reported_act(a, v)
        }) {
            let cue_at = v.cue.as_ref().map_or(self.text.len(), |c| c.2);
            verb = (a + 1..b)
                .filter(|&k| self.toks[k - 1].is_punct(',') && self.toks[k].s >= cue_at)
                .find_map(|k| self.verb_frame_from(a, k, b).filter(closing))
                .or(verb);
        }
        // `X erklärte, die Fähre sei seiner Meinung nach sicher`: an opinion phrase that points
        // back to the subject, inside the content of a speech verb, is part of that speech.
        let opinion_inside = |at: &Frame, v: &Frame| {
            at.cue.as_ref().is_some_and(|c| {
                let k = self.toks.partition_point(|t| t.s < c.1);
                self.toks
                    .get(k)
                    .is_some_and(|t| POSSESSIVES.contains(&t.lower.as_str()))
                    && (v.content.0..v.content.1).contains(&k)
            }) && v.speaker.is_some()
        };
        // `räumte Kolbeck nach Angaben mehrerer Teilnehmer ein, …`: a source phrase between a
        // speech verb with its subject and the verb's content says who reports the act; the
        // subject is the speaker.
        let source_of_act = |at: &Frame, v: &Frame| {
            let (Some(ac), Some(vc)) = (at.cue.as_ref(), v.cue.as_ref()) else {
                return false;
            };
            v.speaker.is_some()
                && v.content.0 < v.content.1
                && ac.1 > vc.1
                && ac.2 <= self.toks[v.content.0].s
        };
        let mut fr = match (attr, verb) {
            (Some(at), Some(v))
                if closing(&v) && at.cue.as_ref().map(|c| c.1) < v.cue.as_ref().map(|c| c.1)
                    || opinion_inside(&at, &v)
                    || source_of_act(&at, &v) =>
            {
                v
            }
            (Some(at), _) => at,
            (None, Some(v)) => v,
            (None, None) => self.noun_frame(a, b, None)?,
        };
        if fr.speaker.is_none() {
            // No subject next to the cue (`Die „Zeitung“ hatte berichtet`, `In einem Bericht
            // wurde vermutet`): the first noun phrase before the cue names the source, unless
            // it opens the sentence as the subject of a passive, which names whom it was said
            // to (`Zeugen werden gebeten, sich zu melden`)
            let cue_at = fr.cue.as_ref().map_or(self.text.len(), |c| c.1);
            let passive_subject = |(na, nb): (usize, usize)| {
                na == a && self.toks.get(nb).is_some_and(|t| is_passive_aux(&t.lower))
            };
            fr.speaker = (a..b)
                .take_while(|&k| self.toks[k].s < cue_at)
                .filter(|&k| self.toks[k].region.is_none())
                .find_map(|k| self.np_after(k, b))
                .filter(|&(na, _)| self.toks[na].s < cue_at)
                .filter(|&np| !passive_subject(np))
                .map(|(na, nb)| self.speaker(na, nb));
        }
        Some(fr)
    }

    /// A speech noun as cue (`resources/de/quotes_speech_nouns.txt`): a noun with its content
    /// clause (`die Forderung der Opposition, den Etat zu kürzen`, `seine Warnung, die Lage
    /// sei ernst`) is indirect speech; an act noun carried by a light verb (`X übte Kritik
    /// an …`, `Kritik kam von X`) is reported speech.
    fn noun_frame(&self, a: usize, b: usize, fallback: Option<&Speaker>) -> Option<Frame> {
        let toks = self.toks;
        let lex = self.lex;
        for i in a..b {
            let t = &toks[i];
            if t.region.is_some() || !t.is_word() || !t.cap {
                continue;
            }
            let cs = self.clause_start(a, i);
            let ce = (i + 1..b).find(|&k| is_clause_sep(&toks[k])).unwrap_or(b);
            let cue = Some((self.text[t.s..t.e].to_string(), t.s, t.e));
            if Lexicon::noun_in(&lex.clause_nouns, &t.lower) && ce < b && toks[ce].is_punct(',') {
                // Speaker: genitive or `von` phrase after the noun, possessive before it,
                // or the subject of the clause.
                let after = match toks.get(i + 1).map(|x| x.lower.as_str()) {
                    Some("von" | "vom" | "seitens") => self.np_after(i + 2, ce),
                    Some("der" | "des") => self.np_after(i + 1, ce),
                    _ => None,
                };
                let poss = (cs..i).rev().take(2).find(|&k| {
                    matches!(
                        toks[k].lower.as_str(),
                        "seine"
                            | "seiner"
                            | "seinen"
                            | "seinem"
                            | "ihre"
                            | "ihrer"
                            | "ihren"
                            | "ihrem"
                    )
                });
                let sp = match (after, poss) {
                    (Some((na, nb)), _) if nb == ce || toks[nb].is_punct(',') => {
                        Some(self.speaker(na, nb))
                    }
                    (_, Some(p)) => {
                        let pt = &toks[p];
                        Some(self.resolve_pronoun(pt.s, pt.e, &self.text[pt.s..pt.e]))
                    }
                    _ if cs > a || i > cs + 2 => self.sentence_subject(a, b),
                    _ => None,
                }
                .or_else(|| fallback.cloned())
                // `Es gab Berichte, wonach …`: a source noun is its own source.
                .or_else(|| {
                    self.lex
                        .is_source_noun(&t.lower)
                        .then(|| self.speaker(i, i + 1))
                });
                // Content: a `dass`/`ob`/Konjunktiv clause to the sentence end, or a
                // `zu` infinitive up to its comma.
                let next = (ce + 1..b).find(|&k| is_clause_sep(&toks[k])).unwrap_or(b);
                let last_word = (ce + 1..next).rev().find(|&k| toks[k].is_word());
                let zu_inf = last_word.is_some_and(|w| w >= ce + 3 && toks[w - 1].lower == "zu");
                // `der Hinweis, auf den …` is a relative clause, not content.
                let relative = toks.get(ce + 2).is_some_and(|r| {
                    is_relative(r)
                        && matches!(
                            toks[ce + 1].lower.as_str(),
                            "auf"
                                | "an"
                                | "für"
                                | "mit"
                                | "von"
                                | "über"
                                | "in"
                                | "zu"
                                | "bei"
                                | "gegen"
                        )
                });
                let content = if relative {
                    None
                } else if zu_inf && !self.konjunktiv_main(ce + 1, next) {
                    Some((ce + 1, next))
                } else if self.content_clause(ce + 1, b, true) {
                    Some((ce + 1, b))
                } else {
                    None
                };
                if let (Some(sp), Some(content)) = (sp, content) {
                    return Some(Frame {
                        content,
                        speaker: Some(sp),
                        cue,
                        kind: QuoteKind::Indirect,
                        denial: false,
                    });
                }
            }
            if Lexicon::noun_in(&lex.act_nouns, &t.lower) {
                let light = (cs..ce).find(|&k| {
                    !toks[k].cap
                        && toks[k].region.is_none()
                        && lex.light_verbs.contains(&toks[k].lower)
                });
                let Some(v) = light else { continue };
                let comes = matches!(toks[v].lower.as_str(), "kam" | "kamen" | "kommt" | "kommen");
                // `kam … Forderungen nach` is compliance, not speech.
                if comes
                    && toks[cs..ce]
                        .iter()
                        .rev()
                        .find(|x| x.is_word())
                        .is_some_and(|x| x.lower == "nach")
                {
                    continue;
                }
                let sp = if comes {
                    (v + 1..ce)
                        .find(|&k| matches!(toks[k].lower.as_str(), "von" | "vom" | "seitens"))
                        .and_then(|k| self.np_after(k + 1, ce))
                        .map(|(na, nb)| self.speaker(na, nb))
                } else if v < i {
                    self.subject(a, cs, v, ce, FormKind::Joined)
                        .filter(|sp| sp.span.is_some_and(|(x, _)| x < t.s))
                } else {
                    None
                };
                if let Some(sp) = sp {
                    let cue = (
                        format!("{} {}", toks[v].lower, &self.text[t.s..t.e]),
                        toks[v.min(i)].s,
                        toks[v.max(i)].e,
                    );
                    return Some(Frame {
                        content: (a, b),
                        speaker: Some(sp),
                        cue: Some(cue),
                        kind: QuoteKind::Reported,
                        denial: false,
                    });
                }
            }
        }
        None
    }

    /// Every frame of a sentence, in order: the first one, then frames that open a later
    /// clause of its content (`X sagte, …, während Y erklärte, …`; `Während X erklärte, …,
    /// räumte Y ein, …`), each ending the content of the one before.
    fn frames(&self, a: usize, b: usize) -> Vec<Frame> {
        let toks = self.toks;
        let mut out = Vec::new();
        let Some(mut fr) = self.frame(a, b, &[]) else {
            return out;
        };
        // A closing `wie` clause with a speech verb of its own names who said the whole
        // sentence, also when the main clause has a verb of speech or expectation (`Die Firma
        // erwartet Kosten von 180 Millionen Euro, wie Finanzchefin Anna Berg sagte`).
        // Not a passive comparison (`…, wie sie von Demonstranten gefordert wurde`), nor a
        // question (`…, wie er behaupten konnte, der Bericht sei falsch`).
        if let Some(w) = (a + 1..b)
            .rev()
            .find(|&w| toks[w].lower == "wie" && toks[w - 1].is_punct(','))
        {
            let passive = toks[w..b]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "von" | "vom" | "durch"));
            // the main verb has words of its own after it: a `wie` clause right after the verb
            // is its content (`Augenzeugen hatten berichtet, wie er angriff`)
            let cue_before = !passive
                && fr
                    .cue
                    .as_ref()
                    .is_some_and(|c| toks[a..w - 1].iter().any(|t| t.s >= c.2 && t.is_word()));
            if cue_before {
                if let Some(wf) = self.verb_frame_from(a, w + 1, b).filter(|wf| {
                    wf.kind == QuoteKind::Indirect
                        && wf.speaker.is_some()
                        && wf.content.0 == a
                        && wf.cue.as_ref().is_some_and(|c| {
                            // the verb closes the sentence (`…, wie X sagte.`)
                            c.1 > toks[w].s && toks[w..b].iter().all(|t| t.s < c.2 || !t.is_word())
                        })
                }) {
                    fr = wf;
                }
            }
        }
        // A speech act whose noun carries the content: `Das Gericht hatte eine Mahnung
        // ausgesprochen, dieses Instrument nicht zu missbrauchen` — the content is the quote.
        if fr.kind == QuoteKind::Reported {
            // The noun's content follows the verb: the noun is the act's object.
            let after_cue = |nf: &Frame| {
                fr.cue
                    .as_ref()
                    .is_some_and(|c| nf.content.0 < b && toks[nf.content.0].s > c.2)
            };
            if let Some(nf) = self
                .noun_frame(a, b, fr.speaker.as_ref())
                .filter(|nf| nf.kind == QuoteKind::Indirect && after_cue(nf))
            {
                fr = nf;
            }
        }
        // A speech noun with its content before the sentence's verb frame: `Die Forderung der
        // Opposition, den Etat zu kürzen, lehnte die Regierung ab`.
        if let Some(nf) = self.noun_frame(a, b, None) {
            let before = fr
                .cue
                .as_ref()
                .is_some_and(|c| nf.content.1 < b && toks[nf.content.1].s <= c.1);
            if nf.kind == QuoteKind::Indirect && before && fr.cue != nf.cue {
                out.push(nf);
            }
        }
        // A reported act before a coordinated speech verb with its own content (`wies die
        // Vorwürfe zurück und erklärte, …`): two statements.
        if fr.kind == QuoteKind::Reported
            && fr.content.1 < b
            && matches!(toks[fr.content.1].lower.as_str(), "und" | "sowie")
        {
            let second = self.verb_frame_from(a, fr.content.1 + 1, b).filter(|f2| {
                let cue_tok = f2.cue.as_ref().map(|c| toks.partition_point(|t| t.s < c.1));
                f2.kind == QuoteKind::Indirect
                    && f2.speaker.is_some()
                    && cue_tok == Some(fr.content.1 + 1)
                    && f2.content.0 > fr.content.1 + 1
            });
            if let Some(f2) = second {
                out.push(fr);
                out.push(f2);
                return out;
            }
        }
        // A source phrase for the first clause and a speech act in a later main clause
        // (`Nach Angaben der Veranstalter kamen 7.000 Menschen, die Polizei sprach von
        // 4.000`): two statements of two sources.
        if fr.kind == QuoteKind::Indirect {
            let attr_cue = fr.cue.as_ref().map(|c| (c.1, c.2));
            if let (Some((_, cue_e)), Some(v)) = (attr_cue, self.verb_frame(a, b)) {
                let (va, _) = v.content;
                let later = v.kind == QuoteKind::Reported
                    && va > fr.content.0
                    && va < fr.content.1
                    && toks[va].s > cue_e
                    && toks[va - 1].is_punct(',')
                    // a main clause: an article before its subject, no relative pronoun
                    && (!is_relative(&toks[va]) || toks.get(va + 1).is_some_and(|t| t.cap))
                    && v.speaker.is_some();
                if later {
                    fr.content.1 = va - 1;
                    out.push(fr);
                    out.push(v);
                    return out;
                }
            }
        }
        while out.len() < 8 {
            let (ca, cb) = fr.content;
            let cue_end = fr.cue.as_ref().map_or(self.text.len(), |c| c.2);
            let after_cue = ca < cb && toks[ca].s >= cue_end;
            let next = (ca + 1..cb)
                .filter(|_| after_cue && fr.kind == QuoteKind::Indirect)
                .filter(|&k| {
                    toks[k - 1].is_punct(',') && toks[k].region.is_none() && toks[k].is_word()
                })
                .find_map(|k| self.clause_frame(k, cb).map(|f| (k, f)));
            match next {
                Some((k, f2)) => {
                    fr.content.1 = k - 1;
                    out.push(fr);
                    fr = f2;
                }
                None => {
                    out.push(fr);
                    break;
                }
            }
        }
        out
    }

    /// A speech-verb frame that opens the clause at `k` and precedes its own content: a
    /// verb in first position (`räumte Y ein, …`), after `und`, or at the end of a `während`
    /// / `als` / `wobei` clause (`während Y erklärte, …`).
    fn clause_frame(&self, k: usize, b: usize) -> Option<Frame> {
        let toks = self.toks;
        let fr = self.verb_frame(k, b)?;
        let (cue_s, _) = fr.cue.as_ref().map(|c| (c.1, c.2))?;
        let cue_tok = toks.partition_point(|t| t.s < cue_s);
        let first = &toks[k].lower;
        let opens = cue_tok == k
            || (cue_tok == k + 1 && (first == "und" || is_adverb(&toks[k])))
            || matches!(first.as_str(), "während" | "wobei" | "wohingegen");
        let no_sep = !toks[k..cue_tok].iter().any(is_clause_sep);
        (opens
            && no_sep
            && fr.speaker.is_some()
            && fr.kind == QuoteKind::Indirect
            && fr.content.0 > cue_tok)
            .then_some(fr)
    }

    // ----- attribution phrases -----

    fn attribution_frame(&self, a: usize, b: usize) -> Option<Frame> {
        let toks = self.toks;
        for i in a..b {
            let t = &toks[i];
            if t.region.is_some() || !t.is_word() {
                continue;
            }
            // laut X / gemäß X
            if self.lex.pre.contains(&t.lower) {
                let np = self
                    .np_after(i + 1, b)
                    .or_else(|| self.glued_source(i + 1, b));
                if let Some((na, nb)) = np {
                    return Some(self.attr_frame(a, b, i, nb, na, nb, &t.lower));
                }
            }
            // X zufolge
            if self.lex.post.contains(&t.lower) && i > a {
                if let Some(na) = self.np_before(a, i) {
                    return Some(self.attr_frame(a, b, na, i + 1, na, i, &t.lower));
                }
            }
            // nach Angaben (von|des) X / nach eigenen Angaben
            if t.lower == "nach" {
                let mut j = i + 1;
                let mut eigen = false;
                while j < b && toks[j].is_word() && !toks[j].cap && j < i + 3 {
                    eigen |= toks[j].lower.starts_with("eigene");
                    j += 1;
                }
                // `nach Grupps Meinung`: a genitive name before the noun is the source.
                let genitive = (j + 1 < b
                    && j == i + 1
                    && toks[j].cap
                    && toks[j].lower.ends_with('s')
                    && toks[j + 1].cap
                    && self.lex.is_source_noun(&toks[j + 1].lower))
                .then_some(j);
                if let Some(g) = genitive {
                    let mut fr = self.attr_frame(a, b, i, g + 2, g, g + 1, "nach");
                    let content = self.minus(a, b, i, g + 2);
                    fr.content = content;
                    return Some(fr);
                }
                if j < b && toks[j].cap && self.lex.is_source_noun(&toks[j].lower) {
                    let noun = j;
                    if eigen {
                        let sp = self.subject_of_sentence(a, b, i);
                        let cue = (self.join(i, noun + 1), toks[i].s, toks[noun].e);
                        return Some(Frame {
                            content: self.minus(a, b, i, noun + 1),
                            speaker: sp,
                            cue: Some(cue),
                            kind: QuoteKind::Indirect,
                            denial: false,
                        });
                    }
                    let k = noun + 1;
                    let np = match toks.get(k).map(|x| x.lower.as_str()) {
                        _ if k >= b => None,
                        // `nach Angaben aus Regierungskreisen`
                        Some("von" | "vom" | "aus") => self.np_after(k + 1, b),
                        // `nach Angaben der Polizei` — the genitive article starts the NP
                        // (also `mehrerer Teilnehmer`).
                        Some(
                            "der" | "des" | "eines" | "einer" | "mehrerer" | "einiger"
                            | "zahlreicher" | "vieler" | "beider",
                        ) => self.np_after(k, b),
                        // `nach Angaben Moskaus`: a genitive name.
                        Some(w) if toks[k].cap && w.ends_with('s') => self.np_after(k, b),
                        _ => None,
                    };
                    if let Some((na, nb)) = np {
                        return Some(self.attr_frame(a, b, i, nb.max(noun + 1), na, nb, "nach"));
                    }
                    // Without a named source the phrase itself describes the source
                    // (`nach Medienberichten`, `nach israelischen Angaben`) — unless it names
                    // no kind of source (`nach bisherigen Erkenntnissen`) inside reported
                    // speech: then it qualifies the last speaker's words.
                    let mut fr = self.attr_frame(a, b, i, noun + 1, i + 1, noun + 1, "nach");
                    let recent = self.last_speaker.as_ref().filter(|(sp, _)| {
                        sp.span
                            .is_some_and(|(x, _)| x < toks[a].s && toks[a].s - x < 400)
                    });
                    if let Some((sp, _)) = recent {
                        if self.lex.vague_nouns.contains(&toks[noun].lower)
                            && self.konjunktiv_main(a, b)
                        {
                            fr.speaker = Some(sp.clone());
                        }
                    }
                    return Some(fr);
                }
                // `seiner Meinung nach`
                if i >= a + 2 && self.lex.nach_nouns.contains(&toks[i - 1].lower) && toks[i - 1].cap
                {
                    let sp = self.subject_of_sentence(a, b, i - 2);
                    let cue = (self.join(i - 2, i + 1), toks[i - 2].s, toks[i].e);
                    return Some(Frame {
                        content: self.minus(a, b, i - 2, i + 1),
                        speaker: sp,
                        cue: Some(cue),
                        kind: QuoteKind::Indirect,
                        denial: false,
                    });
                }
            }
            // …, so X.
            // Also between dashes (`– so der Vorwurf –`) and in the middle (`…, so X weiter,
            // …`); after the source only `weiter`/`auch`, a comma, a colon before a quote, or
            // adjuncts (`so das Ergebnis einer Studie mit dem Titel …`) may follow.
            let opens = i > a && (toks[i - 1].is_punct(',') || toks[i - 1].is_punct('–'));
            if t.lower == "so" && opens {
                if let Some((na, nb)) = self.np_after(i + 1, b) {
                    let mut e = nb;
                    while e < b && matches!(toks[e].lower.as_str(), "weiter" | "auch") {
                        e += 1;
                    }
                    let rest_ok = e >= b
                        || toks[e..b].iter().all(|x| !x.is_word())
                        || toks
                            .get(e)
                            .is_some_and(|x| x.is_punct(',') || x.is_punct(':') || x.is_punct('–'))
                        || self.only_adjuncts(e, b);
                    if rest_ok {
                        let sp = Some(self.speaker(na, nb));
                        return Some(Frame {
                            // Adjuncts after the source belong to the frame.
                            content: if toks.get(e).is_some_and(|x| {
                                x.is_punct(',') || x.is_punct(':') || x.is_punct('–')
                            }) {
                                self.minus(a, b, i - 1, e)
                            } else {
                                self.minus(a, b, i - 1, b)
                            },
                            speaker: sp,
                            cue: Some(("so".into(), t.s, t.e)),
                            kind: QuoteKind::Indirect,
                            denial: false,
                        });
                    }
                }
            }
            // hieß es aus X / heißt es in X
            if self.lex.heissen.contains(&t.lower)
                && toks.get(i + 1).is_some_and(|x| x.lower == "es")
                && i + 1 < b
            {
                let mut k = i + 2;
                let mut sp = None;
                if k < b && matches!(toks[k].lower.as_str(), "aus" | "von" | "vom" | "in" | "im") {
                    k += 1;
                    if let Some((na, nb)) = self.np_after(k, b) {
                        sp = Some(self.speaker(na, nb));
                        k = nb;
                    }
                }
                if sp.is_none() {
                    // `In der Erklärung des Amtes heißt es: …`
                    let cs = (a..i)
                        .rev()
                        .find(|&c| is_clause_sep(&toks[c]))
                        .map_or(a, |c| c + 1);
                    if cs < i && matches!(toks[cs].lower.as_str(), "in" | "im" | "aus" | "von") {
                        if let Some((na, nb)) = self.np_after(cs + 1, i) {
                            sp = Some(self.speaker(na, nb));
                        }
                    }
                }
                let cue = (self.join(i, i + 2), t.s, toks[i + 1].e);
                let content = if i > a && toks[i - 1].is_punct(',') {
                    (a, i - 1)
                } else if let Some(c) =
                    (k..b).find(|&c| toks[c].is_punct(',') || toks[c].is_punct(':'))
                {
                    (c + 1, b)
                } else {
                    (a, b)
                };
                return Some(Frame {
                    content,
                    speaker: sp,
                    cue: Some(cue),
                    kind: QuoteKind::Indirect,
                    denial: false,
                });
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn attr_frame(
        &self,
        a: usize,
        b: usize,
        fa: usize,
        fb: usize,
        na: usize,
        nb: usize,
        cue: &str,
    ) -> Frame {
        let toks = self.toks;
        Frame {
            content: self.minus(a, b, fa, fb),
            speaker: Some(self.speaker(na, nb)),
            cue: Some((cue.to_string(), toks[fa].s, toks[fb - 1].e)),
            kind: QuoteKind::Indirect,
            denial: false,
        }
    }

    /// Sentence `[a, b)` without the frame `[fa, fb)`: the larger side (frames at the start
    /// or end), or the whole sentence when the frame stands inside.
    fn minus(&self, a: usize, b: usize, fa: usize, fb: usize) -> (usize, usize) {
        let words = |x: usize, y: usize| self.toks[x..y].iter().filter(|t| t.is_word()).count();
        let before = words(a, fa);
        let after = words(fb.min(b), b);
        if before <= 1 {
            (fb.min(b), b)
        } else if after == 0
            || (after <= 1 && fa > a && self.toks[fa - 1].is_punct(','))
            || (before >= 3 && fa > a && self.toks[fa - 1].is_punct(',') && after <= 3)
        {
            (a, fa)
        } else {
            self.embedded_clause(a, b, fa, fb).unwrap_or((a, b))
        }
    }

    /// The clause around a frame `[fa, fb)` inside sentence `[a, b)` when that clause is
    /// embedded: a relative or subordinate clause after a comma (`…, die nach Angaben der
    /// Polizei bewaffnet waren, …` → `die … bewaffnet waren`), or a bracket the frame opens
    /// (`(nach anderen Angaben sind es zwölf)`). The source's words then hold for that clause
    /// only.
    fn embedded_clause(&self, a: usize, b: usize, fa: usize, fb: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let words = |x: usize, y: usize| toks[x..y].iter().filter(|t| t.is_word()).count();
        if fa > a && toks[fa - 1].is_punct('(') {
            let close = (fb..b).find(|&k| toks[k].is_punct(')'))?;
            return (words(fb, close) >= 3).then_some((fb, close));
        }
        let sep = (a..fa)
            .rev()
            .find(|&k| toks[k].region.is_none() && is_clause_sep(&toks[k]))?;
        if !toks[sep].is_punct(',') || sep + 1 >= fa {
            return None;
        }
        let first = &toks[sep + 1];
        let opens = !first.cap
            && (is_relative(first)
                || SUBORDINATORS.contains(&first.lower.as_str())
                // `unter denen`, `bei der`: a preposition before a relative pronoun
                || (sep + 2 < fa
                    && matches!(toks[sep + 2].lower.as_str(), "dem" | "der" | "denen" | "deren" | "dessen" | "welchem" | "welcher" | "welchen")
                    && !toks[sep + 2].cap
                    && first.is_word()));
        if !opens {
            return None;
        }
        let end = (fb..b)
            .find(|&k| toks[k].region.is_none() && is_clause_sep(&toks[k]))
            .unwrap_or(b);
        (words(sep + 1, end) >= 4).then_some((sep + 1, end))
    }

    // ----- speech verbs -----

    fn verb_frame(&self, a: usize, b: usize) -> Option<Frame> {
        self.verb_frame_from(a, a, b)
    }

    /// [`Self::verb_frame`] with the speech verb looked for from token `from` on (`a` stays
    /// the start of the sentence).
    fn verb_frame_from(&self, a: usize, from: usize, b: usize) -> Option<Frame> {
        let toks = self.toks;
        let lex = self.lex;
        for i in from..b {
            let t = &toks[i];
            if t.region.is_some() || !t.is_word() || t.cap && i > a {
                continue;
            }
            // `hat … bekannt gegeben`: a participle written apart from its particle
            let apart_verb = (i > a && toks[i - 1].is_word())
                .then(|| lex.split_participles.get(&t.lower)?.get(&toks[i - 1].lower))
                .flatten();
            let apart = apart_verb.is_some();
            let split_entry;
            let entries: &[(usize, FormKind)] = if let Some(&vi) = apart_verb {
                split_entry = [(vi, FormKind::Participle)];
                &split_entry
            } else {
                match lex.forms.get(&t.lower) {
                    Some(e) => e,
                    None => continue,
                }
            };
            // `Das Urteil soll am Freitag verkündet werden, wie …`: a passive participle says
            // what was said, not who spoke
            let passive = toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "werden" | "worden"));
            if passive {
                continue;
            }
            for &(vi, kind) in entries {
                let verb = &lex.verbs[vi];
                // Clause limits around the verb.
                let cs = self.clause_start(a, i);
                let mut ce = self.clause_end(i + 1, b);
                // `Der Angeklagte habe gewusst, dass …`: a belief in the Konjunktiv is itself
                // reported, by the last speaker; the one who knew did not speak
                if verb.belief
                    && kind == FormKind::Participle
                    && (cs..i).any(|k| matches!(toks[k].lower.as_str(), "habe" | "hätte"))
                {
                    continue;
                }
                // `Händler könnten Kunden warnen`: a speech verb under a modal in the
                // Konjunktiv II is a possibility, no speech act
                if t.lower.ends_with('n')
                    && (cs..i).any(|k| {
                        matches!(
                            toks[k].lower.as_str(),
                            "könnte"
                                | "könnten"
                                | "müsste"
                                | "müssten"
                                | "dürfte"
                                | "dürften"
                                | "sollte"
                                | "sollten"
                                | "würde"
                                | "würden"
                        )
                    })
                {
                    continue;
                }
                // `forderte die Nationalgarde an`: a particle closing the clause makes the
                // finite verb part of another verb (`anfordern`), no speech verb.
                if kind == FormKind::Joined && verb.particle.is_none() {
                    // up to a coordinated second verb (`nannte … produktiv und fügte … hinzu`)
                    let seg_end = (i + 1..ce)
                        .find(|&k| {
                            matches!(toks[k].lower.as_str(), "und" | "oder" | "aber" | "sowie")
                        })
                        .unwrap_or(ce);
                    let last = (i + 1..seg_end).rev().find(|&k| toks[k].is_word());
                    if last.is_some_and(|k| {
                        k > i + 1
                            && !toks[k].cap
                            && VERB_PARTICLES.contains(&toks[k].lower.as_str())
                    }) {
                        continue;
                    }
                }
                // Separable particle needed later in the clause.
                let mut cue_end = i + 1;
                // `rief X zur Ruhe auf und verhängte …`: a reported act ends before a
                // coordinated second verb.
                let mut coord_end = None;
                if kind == FormKind::Finite {
                    let Some(p) = &verb.particle else { continue };
                    // a bracket or a date between commas stays inside the clause (`gab die
                    // Behörde (LBA) … an`, `gab am Montag, dem 3. Mai, … bekannt`)
                    let pce = self.particle_clause_end(i + 1, b);
                    // the clause ends where it did unless the particle lies beyond that
                    let end_of = |k: usize| if k < ce { ce } else { pce };
                    let coordinated = |k: usize| {
                        k + 2 < end_of(k)
                            && matches!(toks[k + 1].lower.as_str(), "und" | "sowie")
                            && toks[k + 2].is_word()
                            && !toks[k + 2].cap
                    };
                    // the particle closes the clause; the same word before it is a
                    // preposition (`teilte das Unternehmen mit Sitz in Heilbronn mit`)
                    let found = (i + 1..pce).find(|&k| {
                        toks[k].lower == *p
                            && (toks[k + 1..end_of(k)].iter().all(|x| !x.is_word())
                                || toks[k + 1].region.is_some()
                                || coordinated(k))
                    });
                    match found {
                        Some(k) => {
                            cue_end = k + 1;
                            if coordinated(k) {
                                coord_end = Some(k + 1);
                            }
                            ce = if coord_end.is_some() {
                                k + 1
                            } else {
                                end_of(k)
                            };
                        }
                        // Subordinate clause with the particle written apart: `wie heute
                        // bekannt wurde`.
                        _ if i > a && toks[i - 1].lower == *p => {}
                        // Particle inside the quote that ends the clause: `lehne „rundweg ab“`.
                        _ if ce < b
                            && toks[ce].kind == Kind::Open
                            && self.quote_ends_with(toks[ce].region, p) => {}
                        _ => continue,
                    }
                }
                let particle_before = kind == FormKind::Finite && cue_end == i + 1;
                let cue_start = if particle_before || apart { i - 1 } else { i };
                // a particle as written: a noun keeps its capital (`stellte … Aussicht`)
                let cue_text = if cue_end > i + 1 {
                    let p = &toks[cue_end - 1];
                    format!("{} {}", t.lower, &self.text[p.s..p.e])
                } else if particle_before || apart {
                    format!("{} {}", toks[i - 1].lower, t.lower)
                } else {
                    t.lower.clone()
                };
                let cue = Some((cue_text, toks[cue_start].s, toks[cue_end - 1].e));
                let kind = if particle_before {
                    FormKind::Joined
                } else {
                    kind
                };
                // `wie X, Sprecher des Amtes, der Presse mitteilte`: the `wie` clause may
                // hold an apposition.
                let cs_wie = if cs < i && toks[cs].lower == "wie" {
                    Some(cs)
                } else {
                    (a.max(cs.saturating_sub(16))..cs).rev().find(|&w| {
                        toks[w].lower == "wie"
                            && (w == a || toks[w - 1].is_punct(','))
                            && self.np_after(w + 1, cs).is_some()
                    })
                };
                let sub_wie = cs_wie.is_some();
                let cs = cs_wie.unwrap_or(cs);
                // 1b. The same in the perfect: `„…“, hat X am Freitag gesagt.` / `…, hatte X
                // dort gerufen.`: the auxiliary right after the comma, the subject after it,
                // the participle closing the sentence.
                let perfect_after = kind == FormKind::Participle
                    && cs > a
                    && cs + 1 < i
                    && toks[cs - 1].is_punct(',')
                    && is_perfect_aux(&toks[cs].lower)
                    && toks[i + 1..b].iter().all(|x| !x.is_word());
                // the token after the comma: the verb, or the auxiliary of a participle
                let at = if perfect_after { cs } else { i };
                // 1. Frame after its content: `…, sagte X.` / `„…“, sagte X.`
                if cs == at
                    && at > a
                    && toks[at - 1].is_punct(',')
                    && (kind != FormKind::Participle || perfect_after)
                    && !self.is_np_list(a, at - 1)
                {
                    let sp = if perfect_after {
                        let k = self.skip_adjuncts(at + 1, i);
                        self.np_after(k, i).map(|(na, nb)| self.speaker(na, nb))
                    } else {
                        let k = self.skip_adjuncts(i + 1, b);
                        // a role with the name in apposition after it: `„…“, sagte der
                        // Sprecher des Ministeriums, Jan Becker.`
                        self.np_after(k, ce.max(cue_end))
                            .map(|(na, nb)| self.speaker_or_apposition(na, nb, ce.max(cue_end)))
                            .or_else(|| self.np_after(cue_end, ce).map(|(x, y)| self.speaker(x, y)))
                    };
                    // A frame in first position after a comma that closes the sentence
                    // (`…, sagte X russischen Medien.`) marks a simple main clause before it
                    // as speech, whatever its mood.
                    let sp_end = sp
                        .as_ref()
                        .and_then(|s| s.span)
                        .map_or(b, |(_, e)| toks.partition_point(|x| x.s < e));
                    // also with the speaker's apposition after it (`…, sagt Katharina Moser,
                    // Sprecherin des Roten Kreuzes.`)
                    let rest_plain = |from: usize| toks[from..b].iter().all(|x| !x.is_word());
                    let apposition_after = ce < b
                        && toks[ce].is_punct(',')
                        && self
                            .np_after(ce + 1, b)
                            .is_some_and(|(na, nb)| na == ce + 1 && rest_plain(nb));
                    let closes = if perfect_after {
                        !toks[sp_end.min(i)..i].iter().any(is_clause_sep)
                    } else {
                        (rest_plain(ce) || apposition_after)
                            && self
                                .only_adjuncts(sp_end, b.min(if apposition_after { ce } else { b }))
                    };
                    // a ticker's time stamp (`11.40 Uhr:`) opens no clause
                    let a = (a..(a + 4).min(at))
                        .find(|&k| toks[k].is_punct(':') && k > a && toks[k - 1].lower == "uhr")
                        .map_or(a, |k| k + 1);
                    let words_before = toks[a..at - 1].iter().filter(|x| x.is_word()).count();
                    // a comma inside an enumeration of names (`in Ortenburg, Aidenbach und
                    // Vilshofen`) divides no clauses
                    // (`Planung, Ausschreibung, Abriss und Neubau`: the enumeration goes on
                    // over commas before capitalised words)
                    let listing_comma = |k: usize| {
                        toks[k].is_punct(',')
                            && k > a
                            && toks[k - 1].cap
                            && toks.get(k + 1).is_some_and(|t| t.cap && t.is_word())
                    };
                    let listing = |k: usize| {
                        listing_comma(k)
                            && (k + 1..at - 1)
                                .take_while(|&j| !is_clause_sep(&toks[j]) || listing_comma(j))
                                .any(|j| matches!(toks[j].lower.as_str(), "und" | "oder"))
                    };
                    let one_clause = !(a..at - 1).any(|k| is_clause_sep(&toks[k]) && !listing(k));
                    let plain = verb.clause
                        && !verb.belief
                        && closes
                        && one_clause
                        && words_before >= 4
                        && sp.as_ref().and_then(|s| s.span).is_some_and(|(s, _)| {
                            !OBLIQUE.iter().any(|o| {
                                self.text[s..]
                                    .split_whitespace()
                                    .next()
                                    .is_some_and(|w| w == *o)
                            })
                        });
                    let content_ok = self.only_quotes(a, at - 1)
                        || self.konjunktiv_main(a, at - 1)
                        || (verb.clause && !verb.reported && self.has_quote(a, at - 1))
                        || plain;
                    if sp.is_some() && content_ok {
                        return Some(Frame {
                            content: (a, at - 1),
                            speaker: sp,
                            cue,
                            kind: QuoteKind::Indirect,
                            denial: verb.denial,
                        });
                    }
                }
                // 2. `wie X mitteilte,` — subordinate frame.
                if sub_wie && (kind == FormKind::Joined || kind == FormKind::Participle) {
                    let sp = self
                        .np_after(cs + 1, i)
                        .map(|(na, nb)| self.speaker(na, nb));
                    let content = if cs == a || cs == a + 1 {
                        (ce.min(b), b)
                    } else {
                        (a, cs.saturating_sub(1).max(a))
                    };
                    return Some(Frame {
                        content,
                        speaker: sp,
                        cue,
                        kind: QuoteKind::Indirect,
                        denial: verb.denial,
                    });
                }
                // 3. Frame before its content: `X sagte(,|:) CONTENT`.
                if ce < b && (toks[ce].is_punct(',') || toks[ce].is_punct(':')) {
                    // `erklärte der Direktor der Behörde, Karl Menzing, die Fähre sei …`: a
                    // person's name between commas is the subject's apposition, not content
                    let mut apposition = None;
                    if toks[ce].is_punct(',') && ce + 1 < b && self.in_person(ce + 1) {
                        let k = (ce + 1..b).find(|&k| !self.in_person(k)).unwrap_or(b);
                        if k < b && toks[k].is_punct(',') {
                            apposition = Some((ce + 1, k));
                        }
                    }
                    let content = (apposition.map_or(ce, |p| p.1) + 1, b);
                    // `Das Gutachten habe nichts beschrieben, sagte sie`: the clause after
                    // the comma is the frame, not content.
                    let frame_next = toks.get(content.0).is_some_and(|x| {
                        lex.forms
                            .get(&x.lower)
                            .is_some_and(|e| e.iter().any(|&(_, k)| k != FormKind::Participle))
                    });
                    // In a relative clause (`Der Plan, der von vielen kritisiert wurde,
                    // liegt aus`) a plain clause after it is the rest of the main clause.
                    let relative = cs > a && toks[cs - 1].is_punct(',') && is_relative(&toks[cs]);
                    let ok =
                        !frame_next && self.content_clause(content.0, b, verb.belief || relative);
                    if ok && (verb.clause || verb.belief) {
                        let sp = apposition
                            .map(|(pa, pb)| self.speaker(pa, pb))
                            .or_else(|| self.subject(a, cs, i, ce, kind))
                            .or_else(|| self.field_subject(cs, i, kind));
                        if sp.is_some() || kind == FormKind::Participle || verb.impersonal {
                            return Some(Frame {
                                content,
                                speaker: sp,
                                cue,
                                kind: QuoteKind::Indirect,
                                denial: verb.denial,
                            });
                        }
                    }
                }
                // Colon introducing a quote: `X sagte: „…“`
                if ce < b
                    && toks[ce].is_punct(':')
                    && toks.get(ce + 1).is_some_and(|x| x.kind == Kind::Open)
                {
                    let sp = self.subject(a, cs, i, ce, kind);
                    return Some(Frame {
                        content: (ce + 1, b),
                        speaker: sp,
                        cue,
                        kind: QuoteKind::Indirect,
                        denial: verb.denial,
                    });
                }
                // 4a. Passive speech act with its agent: `Die Pläne wurden von der Opposition
                // kritisiert`.
                if verb.reported && kind == FormKind::Participle {
                    let passive = (a..i).any(|k| is_passive_aux(&toks[k].lower));
                    // Verbs that govern `von` themselves (`sprechen von`) have no agent there.
                    let governs_von = matches!(
                        toks[i].lower.as_str(),
                        "gesprochen" | "ausgegangen" | "berichtet" | "gewarnt"
                    );
                    let von = (a..b)
                        .filter(|_| !governs_von)
                        .find(|&k| toks[k].lower == "von" || toks[k].lower == "vom");
                    let complement = verb.needs.is_empty()
                        || toks[a..b].iter().any(|x| verb.needs.contains(&x.lower));
                    if let (true, Some(von), true) = (passive, von, complement) {
                        if let Some((na, nb)) = self.np_after(von + 1, b) {
                            return Some(Frame {
                                content: (a, b),
                                speaker: Some(self.speaker(na, nb)),
                                cue,
                                kind: QuoteKind::Reported,
                                denial: verb.denial,
                            });
                        }
                    }
                    // 4b. Without an agent (`Als Grund wurde ein Defekt genannt`, `In dem
                    // Bericht wird die Lage als ernst eingeschätzt`): a main clause opening
                    // the sentence, the participle closing it; the source is a report named
                    // in front (`In ersten Berichten wurde … vermutet`) or the last speaker.
                    if complement && (von.is_none() || governs_von) && cs == a {
                        let aux = (a..i).find(|&k| is_passive_aux(&toks[k].lower));
                        let closes = toks[i + 1..ce].iter().all(|x| !x.is_word())
                            && toks[ce..b].iter().all(|x| !x.is_word());
                        // (in a verb-final clause the auxiliary follows the participle)
                        let main = aux.is_some() && !toks[a..i].iter().any(is_clause_sep);
                        if closes && main {
                            let source = matches!(toks[a].lower.as_str(), "in" | "im" | "aus")
                                .then(|| self.np_after(a + 1, i))
                                .flatten()
                                .filter(|&(na, nb)| {
                                    toks[na..nb]
                                        .iter()
                                        .any(|x| x.cap && self.lex.is_source_noun(&x.lower))
                                })
                                .map(|(na, nb)| self.speaker(na, nb));
                            let recent = || {
                                self.last_speaker
                                    .as_ref()
                                    .filter(|(sp, _)| {
                                        sp.span.is_some_and(|(x, _)| {
                                            x < toks[a].s && toks[a].s - x < 400
                                        })
                                    })
                                    .map(|(sp, _)| sp.clone())
                            };
                            // the last speaker only for verbs of saying, not for decisions
                            // (`Der Antrag wurde abgelehnt`)
                            let speech = verb.clause || verb.belief;
                            if let Some(sp) = source.or_else(|| recent().filter(|_| speech)) {
                                return Some(Frame {
                                    content: (a, b),
                                    speaker: Some(sp),
                                    cue,
                                    kind: QuoteKind::Reported,
                                    denial: verb.denial,
                                });
                            }
                        }
                    }
                }
                // 4. Reported speech act without a clause.
                let apposition = cs == i && i > a && toks[i - 1].is_punct(',');
                // Brackets before the verb do not open a new clause: `Im Netz (siehe
                // unten) nannte X …`.
                let only_brackets = toks[a..cs]
                    .iter()
                    .all(|x| !is_clause_sep(x) || x.is_punct('(') || x.is_punct(')'));
                // Perfect tense: `Die Partei hat die Vorwürfe zurückgewiesen`.
                let perfect = kind == FormKind::Participle
                    && toks[i + 1..ce].iter().all(|x| !x.is_word())
                    && toks[cs..i].iter().any(|x| is_perfect_aux(&x.lower));
                let complement = verb.needs.is_empty()
                    || toks[cs..ce].iter().any(|x| verb.needs.contains(&x.lower));
                // A main clause after a comma or in brackets (`Das Werk soll im Herbst öffnen,
                // die Betreiber sprechen von 850 Stellen`, `(die Polizei sprach von 4.000)`):
                // the verb in second place, not at the end as in a subordinate clause.
                let bracket = cs > a && toks[cs - 1].is_punct('(');
                let inner = cs > a
                    && cs < i
                    && (toks[cs - 1].is_punct(',') || bracket)
                    && kind != FormKind::Participle
                    && toks[i + 1..ce].iter().any(|x| x.is_word())
                    && !SUBORDINATORS.contains(&toks[cs].lower.as_str());
                if verb.reported
                    && complement
                    && (kind != FormKind::Participle || perfect)
                    && (cs == a || apposition || only_brackets || inner)
                {
                    // `geht die Polizei von einer Brandstiftung aus`: the `von` the verb
                    // governs ends a subject after the verb.
                    let sub_end = if verb.needs.iter().any(|n| n == "von") {
                        (i + 1..ce)
                            .find(|&k| matches!(toks[k].lower.as_str(), "von" | "vom" | "davon"))
                            .unwrap_or(ce)
                    } else {
                        ce
                    };
                    if let Some(sp) = self.subject(a, cs, i, sub_end, kind) {
                        let content = if bracket && inner {
                            let close = (i + 1..b).find(|&k| toks[k].is_punct(')')).unwrap_or(b);
                            (cs, close)
                        } else if inner && !only_brackets {
                            (cs, coord_end.unwrap_or(b))
                        } else {
                            (a, coord_end.unwrap_or(b))
                        };
                        return Some(Frame {
                            content,
                            speaker: Some(sp),
                            cue,
                            kind: QuoteKind::Reported,
                            denial: verb.denial,
                        });
                    }
                }
            }
        }
        None
    }

    /// True when tokens `[a, b)` read as a content clause: `dass`/`ob`, a Konjunktiv, or a
    /// direct quote. Belief verbs need one of these; speech verbs also take a plain clause.
    fn content_clause(&self, a: usize, b: usize, strict: bool) -> bool {
        let Some(first) = self.toks[a..b].iter().find(|t| t.kind != Kind::Newline) else {
            return false;
        };
        if first.kind == Kind::Open {
            return true;
        }
        if CONTENT_OPENERS.contains(&first.lower.as_str()) && !first.cap {
            return true;
        }
        if first.lower == "um" || first.lower == "und" || first.lower == "sondern" {
            return false;
        }
        // an adverbial clause says why or when, not what was said: `hatte seinen Rücktritt
        // bekannt gegeben, nachdem …`
        if !first.cap && ADVERBIAL_SUBORDINATORS.contains(&first.lower.as_str()) {
            return false;
        }
        let k = self.konjunktiv_main(a, b);
        // `die Anschläge verübt zu haben` opens with an article, `die uns half` with a
        // relative pronoun.
        let relative = is_relative(first) && {
            let mut next = self.toks[a..b].iter().filter(|t| t.is_word()).skip(1);
            match (next.next(), next.next()) {
                (Some(n), _) if n.cap => false,
                (Some(n), Some(m)) => !(is_adjective(&n.lower) && m.cap),
                _ => true,
            }
        };
        k || (!strict && self.toks[a..b].iter().filter(|t| t.is_word()).count() >= 3 && !relative)
    }

    /// Subject of a main-clause speech verb at `v` in clause `[cs, ce)`.
    fn subject(
        &self,
        sa: usize,
        cs: usize,
        v: usize,
        ce: usize,
        kind: FormKind,
    ) -> Option<Speaker> {
        let toks = self.toks;
        // Finite verb position: for a participle, the auxiliary.
        let fin = if kind == FormKind::Participle {
            (cs..v).find(|&k| AUXILIARIES.contains(&toks[k].lower.as_str()))
        } else {
            Some(v)
        };
        let fin = fin?;
        // Passive `wurde mitgeteilt` — agent after `von`, else none.
        if kind == FormKind::Participle
            && is_passive_aux(&toks[fin].lower)
            && toks[v].lower != "zitiert"
        {
            let von = (fin..ce).find(|&k| toks[k].lower == "von" || toks[k].lower == "vom")?;
            return self.np_after(von + 1, ce).map(|(a, b)| self.speaker(a, b));
        }
        // Second verb of a coordination: `X traf Y und nannte …` — the sentence's subject.
        if fin > cs && matches!(toks[fin - 1].lower.as_str(), "und" | "sowie") {
            return self.sentence_subject(sa, ce);
        }
        // `Rosinenbomber nannte man …`: the impersonal subject names no speaker.
        if toks.get(fin + 1).is_some_and(|t| t.lower == "man") && fin + 1 < ce {
            return None;
        }
        // Verb-final subordinate clause: `…, auch wenn X am Montag sagte, …` — the subject
        // follows the conjunction.
        let conj = (cs..fin.min(cs + 2)).find(|&k| SUBORDINATORS.contains(&toks[k].lower.as_str()));
        let verb_final =
            kind != FormKind::Participle && toks[v + 1..ce].iter().all(|x| !x.is_word());
        let second_verb = |c: usize| {
            toks[c + 1..v]
                .iter()
                .any(|x| AUXILIARIES.contains(&x.lower.as_str()))
        };
        if let Some(c) = conj.filter(|&c| {
            verb_final && c + 1 < fin && (c == cs || is_adverb(&toks[cs])) && !second_verb(c)
        }) {
            let k = self.skip_adjuncts(c + 1, fin);
            return self
                .np_after(k, fin)
                .filter(|&(na, _)| !OBLIQUE.contains(&toks[na].lower.as_str()))
                .map(|(na, nb)| self.speaker(na, nb));
        }
        // Before it, filling the whole field before the verb: `Merkel sagte`.
        if fin > cs {
            // Adverbs may stand between the subject and the verb: `Die Armee hingegen sprach`.
            let mut fe = fin;
            while fe > cs + 1
                && (is_adverb(&toks[fe - 1])
                    || matches!(
                        toks[fe - 1].lower.as_str(),
                        "hingegen" | "dagegen" | "indes" | "wiederum" | "selbst" | "jetzt"
                    ))
            {
                fe -= 1;
            }
            // The subject with a prepositional tail fills the field: `Die Opposition im
            // Stadtrat nannte …`.
            let with_tail = self.np_after(cs, fe).and_then(|(na, nb)| {
                let prep = matches!(
                    toks[nb].lower.as_str(),
                    "im" | "in" | "aus" | "bei" | "beim" | "am" | "auf" | "für" | "gegen"
                );
                (nb < fe && prep && self.np_after(nb + 1, fe).is_some_and(|(_, e2)| e2 == fe))
                    .then_some((na, nb))
            });
            if let Some((na, nb)) = with_tail.filter(|&(na, _)| {
                !OBLIQUE.contains(&toks[na].lower.as_str()) && self.np_before(cs, fe) != Some(cs)
            }) {
                return Some(self.speaker(na, nb));
            }
            if let Some(na) = self.np_before(cs, fe) {
                if na == cs && !OBLIQUE.contains(&toks[na].lower.as_str()) {
                    let before = self.speaker(na, fe);
                    // Object first: `Eine Verschiebung der Wahl bezeichnete Conze als
                    // fatal` — a thing before the verb, a named person right after it.
                    let thing = before.entity.is_none()
                        && !(fe == na + 1 && PRONOUNS.contains(&toks[na].lower.as_str()))
                        && !toks[na..fe]
                            .iter()
                            .any(|t| t.cap && Lexicon::noun_in(&self.lex.roles, &t.lower));
                    // A speaking body before the verb (`Der Sicherheitsrat rief die Regierung
                    // auf`) yields only to a named person after it (`Der Zeitung sagte X`).
                    let body = toks[na..fe]
                        .iter()
                        .take_while(|t| t.cap)
                        .any(|t| self.lex.is_agent(&t.lower));
                    if thing && kind != FormKind::Participle {
                        let k = self.skip_adjuncts(fin + 1, ce);
                        // a named person, a role or a speaking body (`die Polizei`) heading
                        // the phrase, not in its genitive (`die Auswechslung der Regierung`)
                        let after = self
                            .np_after(k, ce)
                            .filter(|&(a2, _)| !OBLIQUE.contains(&toks[a2].lower.as_str()))
                            .filter(|&(a2, b2)| {
                                self.headed_by_speaker(a2, b2) && !body
                                    || self.speaker(a2, b2).entity.is_some()
                            })
                            .map(|(a2, b2)| self.speaker(a2, b2));
                        if let Some(sp) = after {
                            return Some(sp);
                        }
                    }
                    return Some(before);
                }
            }
        }
        // Subject with an apposition: `Anna Berg, Sprecherin des Amtes, sagte`.
        if fin == cs && cs > sa && toks[cs - 1].is_punct(',') {
            // The apposition itself: `Der Vertreter der Arbeitgeber im Rat, Peter Clever, hat`.
            let apposition = (sa..cs - 1)
                .rev()
                .find(|&k| toks[k].is_punct(','))
                .and_then(|seg| self.np_after(seg + 1, cs - 1))
                .filter(|&(_, nb)| nb == cs - 1)
                .map(|(na, nb)| self.speaker(na, nb));
            if let Some((na, nb)) = self.np_after(sa, cs) {
                // Not a content clause in between: `Die Forderung, den Etat zu kürzen, lehnte`.
                let zu_inf = cs >= 3 && toks[cs - 3].lower == "zu";
                if nb < cs && toks[nb].is_punct(',') && !zu_inf {
                    let first = self.speaker(na, nb);
                    // a named person in apposition to a role names the speaker
                    return Some(match apposition {
                        Some(sp) if first.entity.is_none() && sp.entity.is_some() => sp,
                        _ => first,
                    });
                }
            }
            if let Some(sp) = apposition {
                return Some(sp);
            }
        }
        // After the finite verb: `sagte Merkel`, `sagte er`, `erklärte gestern der Minister`.
        let after_end = if kind == FormKind::Participle { v } else { ce };
        let k = self.skip_adjuncts(fin + 1, after_end);
        let after = self
            .np_after(k, after_end.max(k))
            .filter(|&(na, _)| !OBLIQUE.contains(&toks[na].lower.as_str()));
        // A verb right after a comma with no name after it shares the subject of the clause
        // before: `X zeigte Verständnis, mahnte aber eine schnelle Einigung an` (an
        // indefinite phrase there is the object).
        if fin == cs && cs > sa && toks[cs - 1].is_punct(',') && kind != FormKind::Participle {
            let object = after.is_none_or(|(na, nb)| {
                INDEFINITES.contains(&toks[na].lower.as_str())
                    && self.speaker(na, nb).entity.is_none()
            });
            if object {
                if let Some(sp) = self.sentence_subject(sa, ce) {
                    return Some(sp);
                }
            }
        }
        after.map(|(na, nb)| self.speaker_or_apposition(na, nb, ce))
    }

    /// The speaker of the phrase `na..nb`, or of the named person in apposition after it
    /// (before `limit`) when the phrase names no one: `gab der Leiter der Kripo, Anton Huber,
    /// bekannt`, `Der Verteidiger von W., Dr. Jan Oberle, prüft`.
    fn speaker_or_apposition(&self, na: usize, nb: usize, limit: usize) -> Speaker {
        let toks = self.toks;
        let first = self.speaker(na, nb);
        // past the dot of an initial (`von W.,`)
        let initial = nb > na
            && toks.get(nb).is_some_and(|t| t.is_punct('.'))
            && toks[nb - 1].cap
            && toks[nb - 1].lower.chars().count() == 1;
        let nb = nb + usize::from(initial);
        // The apposition runs to the next comma or the sentence's end (`sagte der Sprecher
        // des Ministeriums, Jan Becker.`), also past a clause end at its opening comma.
        let closes = |t: &Tok| [',', '.', '!', '?', ';'].iter().any(|&c| t.is_punct(c));
        let limit = (nb + 1..toks.len().min(nb + 10))
            .find(|&k| closes(&toks[k]))
            .unwrap_or(limit)
            .max(limit);
        let named = (nb + 1 < toks.len() && toks[nb].is_punct(','))
            .then(|| self.np_after(nb + 1, limit.max(nb + 1)))
            .flatten()
            .filter(|&(_, nb2)| nb2 < toks.len() && closes(&toks[nb2]))
            .map(|(a2, b2)| self.speaker(a2, b2))
            .filter(|sp| first.entity.is_none() && sp.entity.is_some());
        named.unwrap_or(first)
    }

    /// For a speech verb at `v` with a content clause after it: the noun phrase that opens
    /// the field before the finite verb, when [`Self::subject`] found none because the
    /// subject's tail is no noun phrase of ours (`Ein Reporter des Senders n-tv`, a bracketed
    /// apposition with commas). Not for the passive.
    fn field_subject(&self, cs: usize, v: usize, kind: FormKind) -> Option<Speaker> {
        let toks = self.toks;
        let passive = toks[cs..v]
            .iter()
            .any(|t| is_passive_aux(&t.lower) || t.lower == "worden");
        if kind == FormKind::Participle || passive {
            return None;
        }
        self.np_after(cs, v)
            .filter(|&(na, _)| !OBLIQUE.contains(&toks[na].lower.as_str()))
            .map(|(na, nb)| self.speaker(na, nb))
    }

    /// The subject of a sentence when it opens with a noun phrase (`Die Polizei warnte …`,
    /// `Ministerin Berg: „…“`).
    fn sentence_subject(&self, a: usize, b: usize) -> Option<Speaker> {
        let t = self.toks.get(a)?;
        if t.region.is_some() || OBLIQUE.contains(&t.lower.as_str()) {
            return None;
        }
        let (na, nb) = self.np_after(a, b)?;
        let next = self.toks.get(nb)?;
        let verbish = next.is_word() && !next.cap;
        (verbish || next.is_punct(':') || next.is_punct(',')).then(|| self.speaker(na, nb))
    }

    /// True when the noun phrase `a..b` is headed by a role (`Sprecher`) or by a body or
    /// group that speaks (`Polizei`, `Reformgegner`): its first run of capitalised words.
    fn headed_by_speaker(&self, a: usize, b: usize) -> bool {
        self.toks[a..b]
            .iter()
            .skip_while(|t| !t.cap)
            .take_while(|t| t.cap)
            .any(|t| Lexicon::noun_in(&self.lex.roles, &t.lower) || self.lex.is_agent(&t.lower))
    }

    /// For a sentence that opens with a subject and an indicative verb and has its
    /// Konjunktiv only after the first comma or colon (`X gab sich zurückhaltend: Man werde
    /// …`): the subject as speaker, when it can speak (a named person or organisation, a
    /// role, a body or group), and where the report starts.
    fn subject_then_report(&self, a: usize, b: usize) -> Option<(Speaker, usize)> {
        let toks = self.toks;
        let c = (a..b).find(|&k| {
            (toks[k].is_punct(',') || toks[k].is_punct(':')) && toks[k].region.is_none()
        })?;
        if self.konjunktiv_main(a, c) || !self.konjunktiv_main(c + 1, b) {
            return None;
        }
        if OBLIQUE.contains(&toks[a].lower.as_str()) {
            return None;
        }
        let (na, nb) = self.np_after(a, c).filter(|&(na, _)| na == a)?;
        let verb = toks.get(nb).filter(|t| t.is_word() && !t.cap)?;
        if verb.region.is_some() {
            return None;
        }
        let sp = self.speaker(na, nb);
        (sp.entity.is_some() || self.headed_by_speaker(na, nb)).then_some((sp, c + 1))
    }

    /// Speaker of a sentence for `nach eigenen Angaben`: the first noun phrase outside the frame.
    fn subject_of_sentence(&self, a: usize, b: usize, frame: usize) -> Option<Speaker> {
        let toks = self.toks;
        // no subject inside a prepositional phrase (`In einem Interview erklärte X`) or starting
        // in the middle of a phrase or with an object's article
        let inside_phrase = |i: usize| {
            OBLIQUE.contains(&toks[i].lower.as_str())
                || i > a && {
                    let p = toks[i - 1].lower.as_str();
                    PREPOSITIONS.contains(&p) || DETERMINERS.contains(&p) || is_adjective(p)
                }
        };
        let mut i = a;
        while i < b {
            if i != frame && !inside_phrase(i) {
                if let Some((na, nb)) = self.np_after(i, b) {
                    if nb <= frame || na > frame + 2 {
                        return Some(self.speaker_or_apposition(na, nb, frame.max(nb)));
                    }
                }
            }
            i += 1;
        }
        self.last_speaker.as_ref().map(|(s, _)| s.clone())
    }

    // ----- noun phrases and speakers -----

    /// A source written as one unit that is no noun phrase: a web address (`tagesschau.de`),
    /// a lowercase compound (`ai-Bericht`) or a quoted title (`„Welt“`). Returns its token range.
    fn glued_source(&self, i: usize, limit: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let limit = limit.min(toks.len());
        if i >= limit {
            return None;
        }
        let mut j = i + 1;
        while j < limit && toks[j].s == toks[j - 1].e && toks[j].kind != Kind::Newline {
            j += 1;
        }
        // Trailing sentence punctuation is not part of the name.
        while j > i + 1 && (toks[j - 1].is_punct(',') || toks[j - 1].is_punct('.')) {
            j -= 1;
        }
        let words = toks[i..j].iter().filter(|t| t.is_word()).count();
        let quoted = toks[i].kind == Kind::Open && toks[j - 1].kind == Kind::Close;
        let glued = toks[i].is_word()
            && (j > i + 1 || toks[i].lower.contains(['.', '-']) && toks[i].lower.len() > 3);
        ((quoted && words <= 3) || (glued && words <= 4)).then_some((i, j))
    }

    /// A lowercase-initial compound whose last part is capitalised (`ai-Bericht`, `dpa-Meldung`).
    fn cap_compound(&self, t: &Tok) -> bool {
        let w = &self.text[t.s..t.e];
        w.rsplit_once('-')
            .is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_uppercase))
    }

    /// A speaker phrase starting at `i` (before `limit`): `[det] adj* Cap+ (des|von …)*`, or a
    /// personal pronoun. Returns its token range.
    fn np_after(&self, i: usize, limit: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let limit = limit.min(toks.len());
        if i >= limit {
            return None;
        }
        let t = &toks[i];
        // a quoted title as the whole phrase: `wie „tagesschau.de“ berichtet`, `nach Angaben
        // von „Ärzte ohne Grenzen“`
        if t.kind == Kind::Open && self.title_after_article(i) {
            let end = t.region.and_then(|r| self.tok_range_of_region(r));
            if let Some((_, re)) = end.filter(|&(_, re)| re <= limit) {
                return Some((i, re));
            }
        }
        if t.region.is_some() || !t.is_word() {
            return None;
        }
        if PRONOUNS.contains(&t.lower.as_str()) {
            return Some((i, i + 1));
        }
        let mut j = i;
        // extended attributes (`seit Jahren zuständige`): a time inside one is no speaker
        let mut attributes: Vec<(usize, usize)> = Vec::new();
        let mut core = |j: &mut usize| -> bool {
            let start = *j;
            if *j < limit && DETERMINERS.contains(&toks[*j].lower.as_str()) {
                *j += 1;
                // `die „Aktion Deutschland hilft“`: a quoted name after the article.
                if *j < limit && toks[*j].kind == Kind::Open && self.title_after_article(*j) {
                    let end = toks[*j].region.and_then(|r| self.tok_range_of_region(r));
                    if let Some((_, re)) = end.filter(|&(_, re)| re <= limit) {
                        *j = re;
                        return true;
                    }
                }
            }
            // An extended attribute between article and noun: `die zur Hafengesellschaft
            // gehörende Reederei`, `der seit Jahren zuständige Amtsleiter`.
            if *j > start && *j < limit && PREPOSITIONS.contains(&toks[*j].lower.as_str()) {
                let attr = (*j + 1..(*j + 6).min(limit))
                    .take_while(|&k| toks[k].is_word() && toks[k].region.is_none())
                    .find(|&k| {
                        !toks[k].cap
                            && is_adjective(&toks[k].lower)
                            && toks.get(k + 1).is_some_and(|n| n.is_word() && n.cap)
                    });
                if let Some(k) = attr {
                    attributes.push((*j, k));
                    *j = k;
                }
            }
            // an age before the noun: `der 24 Jahre alte Student`
            if *j > start
                && *j + 2 < limit
                && toks[*j].lower.chars().all(|c| c.is_ascii_digit())
                && toks[*j + 1].lower == "jahre"
                && matches!(toks[*j + 2].lower.as_str(), "alte" | "alter" | "alten")
            {
                *j += 2;
            }
            let adjectives = *j;
            while *j < limit
                && toks[*j].is_word()
                && !toks[*j].cap
                && is_adjective(&toks[*j].lower)
                && *j < adjectives.max(start + 1) + 3
            {
                *j += 1;
            }
            let caps = *j;
            while *j < limit
                && toks[*j].is_word()
                && toks[*j].region.is_none()
                && (toks[*j].cap || self.cap_compound(&toks[*j]))
                && (!FUNCTION_WORDS.contains(&toks[*j].lower.as_str())
                    && !is_adverb_form(&toks[*j].lower)
                    || self.in_person(*j))
            {
                *j += 1;
                // Lowercase name particles: `Abdalla al Badri`, `Rafael van der Meer`.
                while *j + 1 < limit
                    && *j > caps
                    && (NAME_PARTICLES.contains(&toks[*j].lower.as_str())
                        || toks[*j].lower == "zu" && self.in_person(*j + 1))
                    && !toks[*j].cap
                    && toks[*j + 1].cap
                    && toks[*j + 1].is_word()
                {
                    *j += 1;
                }
                // Titles: `Prof. Dr. Anna Berg`.
                if *j + 1 < limit
                    && toks[*j].is_punct('.')
                    && matches!(toks[*j - 1].lower.as_str(), "dr" | "prof" | "st")
                    && toks[*j + 1].cap
                {
                    *j += 1;
                }
            }
            // A genitive name standing as determiner: `Putins außenpolitischer Berater`.
            if *j > caps && *j < limit && toks[*j - 1].lower.ends_with('s') && !toks[*j].cap {
                let mut k = *j;
                while k < limit
                    && toks[k].is_word()
                    && !toks[k].cap
                    && is_adjective(&toks[k].lower)
                    && k < *j + 3
                {
                    k += 1;
                }
                if k > *j
                    && k < limit
                    && toks[k].is_word()
                    && toks[k].cap
                    && !FUNCTION_WORDS.contains(&toks[k].lower.as_str())
                {
                    *j = k;
                    while *j < limit
                        && toks[*j].is_word()
                        && toks[*j].region.is_none()
                        && toks[*j].cap
                    {
                        *j += 1;
                    }
                }
            }
            // Bracketed party or abbreviation: `(CDU)`.
            if *j > caps && *j + 2 < limit && toks[*j].is_punct('(') && toks[*j + 2].is_punct(')') {
                *j += 3;
            }
            // Capitalised only because a sentence starts with it: `Darin steht`, `Zu dieser
            // Zeit`, `Besonders betroffen` — a word running text writes in lower case names
            // no one, unless it is part of a person's name (`Von der Leyen`).
            let lower_only = |k: usize| {
                !toks[k].is_word()
                    || toks[k].cap && written_lower(&toks[k].lower) && !self.in_person(k)
            };
            *j > caps && !(caps..*j).all(lower_only)
        };
        if !core(&mut j) {
            return None;
        }
        loop {
            // Coordinated names: `Anna und Paul Berg`, `SPD und Grüne`, `X sowie Y`.
            if j + 1 < limit && matches!(toks[j].lower.as_str(), "und" | "sowie") && toks[j + 1].cap
            {
                let mut k = j + 1;
                if core(&mut k) {
                    j = k;
                    continue;
                }
            }
            // A genitive tail does not follow a person's name: `laut Sergei Voznyak der
            // Sprecher …` is two phrases.
            let after_name = j > i
                && j < limit
                && matches!(toks[j].lower.as_str(), "der" | "des")
                && self.persons.iter().any(|m| m.1 == toks[j - 1].e);
            if j < limit && NP_LINKS.contains(&toks[j].lower.as_str()) && !after_name {
                let mut k = if toks[j].lower == "von" || toks[j].lower == "vom" {
                    j + 1
                } else {
                    j
                };
                if core(&mut k) {
                    j = k;
                    continue;
                }
            }
            break;
        }
        // `hatte letzten September kritisiert`: a time is no speaker.
        if (i..j)
            .take_while(|&k| !NP_LINKS.contains(&toks[k].lower.as_str()))
            .any(|k| self.in_time(k) && !attributes.iter().any(|&(a, b)| (a..b).contains(&k)))
        {
            return None;
        }
        Some((i, j))
    }

    /// True when token `k` lies inside a person's mention.
    fn in_person(&self, k: usize) -> bool {
        let t = &self.toks[k];
        self.persons.iter().any(|m| m.0 <= t.s && t.e <= m.1)
    }

    /// True when token `i` starts inside a temporal expression.
    fn in_time(&self, i: usize) -> bool {
        // Sorted by start: only the expressions starting at or before the token can hold it.
        let start = self.toks[i].s;
        let n = self.times.partition_point(|&(ts, _)| ts <= start);
        self.times[..n].iter().rev().any(|&(_, te)| start < te)
    }

    /// True when tokens `[a, b)` are noun phrases separated by commas (a subject with its
    /// apposition: `Anna Berg, die Sprecherin des Amtes`).
    fn is_np_list(&self, a: usize, b: usize) -> bool {
        let mut i = a;
        while i < b {
            match self.np_after(i, b) {
                Some((_, nb)) if nb == b => return true,
                Some((_, nb)) if self.toks[nb].is_punct(',') => i = nb + 1,
                _ => return false,
            }
        }
        false
    }

    /// Start of a speaker phrase that ends right before `end`, searching from `cs`.
    fn np_before(&self, cs: usize, end: usize) -> Option<usize> {
        let lo = end.saturating_sub(12).max(cs);
        (lo..end).find(|&k| {
            let t = &self.toks[k];
            let starts_ok = t.is_word()
                && (!FUNCTION_WORDS.contains(&t.lower.as_str())
                    || DETERMINERS.contains(&t.lower.as_str()))
                && (k == cs
                    || !self.toks[k - 1].is_word()
                    || !DETERMINERS.contains(&self.toks[k - 1].lower.as_str()));
            starts_ok && self.np_after(k, end).is_some_and(|(_, nb)| nb == end)
        })
    }

    /// Resolve a speaker phrase to a person entity or keep it as written.
    fn speaker(&self, a: usize, b: usize) -> Speaker {
        let toks = self.toks;
        // `Angaben der Polizei vom Dienstag`: the date is no part of the source.
        let b = (a + 1..b)
            .find(|&k| {
                NP_LINKS.contains(&toks[k].lower.as_str()) && k + 1 < b && self.in_time(k + 1)
            })
            .unwrap_or(b);
        let (s, e) = (toks[a].s, toks[b - 1].e);
        let written = self.text[s..e].to_string();
        if b == a + 1 && PRONOUNS.contains(&toks[a].lower.as_str()) {
            return self.resolve_pronoun(s, e, &written);
        }
        // A person mention at the head (end) of the phrase, before a party in brackets
        // (`Finanzminister Malte Jessen (CDU)`), or covering it.
        let core = match written.strip_suffix(')').and_then(|w| w.rsplit_once(" (")) {
            Some((before, party)) if !party.contains(' ') && !before.is_empty() => s + before.len(),
            _ => e,
        };
        // a person in the phrase's genitive or `von` tail is someone else (`der Verteidiger
        // von W.`, `die Sprecherin der Ministerin Anna Berg`)
        let in_tail = |m0: usize| {
            (a + 1..b).any(|k| {
                toks[k].e <= m0
                    && NP_LINKS.contains(&toks[k].lower.as_str())
                    && toks[a..k].iter().any(|t| t.cap && t.is_word())
            })
        };
        let head = self
            .persons
            .iter()
            .filter(|m| {
                [e, core]
                    .iter()
                    .any(|&e| m.1 <= e + 1 && m.1 + 1 >= e && m.0 >= s.saturating_sub(1))
                    || (m.0 <= s && m.1 >= e)
            })
            .filter(|m| !in_tail(m.0))
            .max_by_key(|m| m.1 - m.0)
            .or_else(|| {
                // the first person of a phrase that goes on with where the person is from
                // (`Analyst Jörn Wittkamp vom Bankhaus Lindemann`)
                let m = self
                    .persons
                    .iter()
                    .filter(|m| m.0 >= s && m.1 <= e)
                    .min_by_key(|m| m.0)?;
                let next = toks[a..b].iter().find(|t| t.s >= m.1)?;
                (NP_LINKS.contains(&next.lower.as_str()) && !in_tail(m.0)).then_some(m)
            });
        if let Some(&(_, _, ei, _)) = head {
            if let Some(ent) = self.doc.entities.get(ei) {
                // A role phrase (`der Bundestagspräsident`) keeps its wording, followed by
                // the name of the person it refers to.
                let name = if shares_name_word(&written, &ent.name, false) {
                    ent.name.clone()
                } else {
                    format!("{} {}", strip_article(&written), ent.name)
                };
                return Speaker {
                    name,
                    entity: Some(ei),
                    span: Some((s, e)),
                };
            }
        }
        // A definite role phrase without a name (`der Putin-Berater`, `der Vertreter`):
        // the person or earlier speaker the article introduced with that role.
        if matches!(toks[a].lower.as_str(), "der" | "die" | "den" | "dem") && b > a + 1 {
            if let Some(holder) = self.role_holder(a, b) {
                let name = if holder.entity.is_some() {
                    format!("{} {}", strip_article(&written), holder.name)
                } else {
                    holder.name
                };
                return Speaker {
                    name,
                    entity: holder.entity,
                    span: Some((s, e)),
                };
            }
        }
        // A definite noun that points back (`die SPD-Politikerin`, `der 54-Jährige`, `das
        // Unternehmen`): the person or organisation just named.
        if let Some(sp) = self.epithet_referent(a, b, s, e, &written) {
            return sp;
        }
        // A place or organisation (`laut dem Deutschen Wetterdienst`): its name as the entity
        // gives it, which is its listed form; the speaker stays unlinked, as no person.
        let phrase = strip_article(&written);
        // `Der Kommunale Arbeitgeberverband Niedersachsen (KAV)`: the name before its short form
        let long_form = match phrase.strip_suffix(')').and_then(|p| p.rsplit_once(" (")) {
            Some((long, short)) if !short.contains(' ') && !long.is_empty() => {
                self.thing_named(long, e - short.len() - 3)
            }
            _ => None,
        };
        let name = long_form
            .or_else(|| self.thing_named(&phrase, e))
            .unwrap_or_else(|| {
                // `nach Angaben des Landkreises`: the noun in the nominative
                match written.strip_prefix("des ") {
                    Some(noun) if !noun.contains(' ') => nominative_of_genitive(noun),
                    _ => match phrase.rsplit_once('-') {
                        // `nach Kreml-Angaben`: the source is the first part
                        Some((source, noun))
                            if !phrase.contains(' ')
                                && source.starts_with(char::is_uppercase)
                                && self.lex.nach_nouns.contains(&noun.to_lowercase()) =>
                        {
                            source.to_string()
                        }
                        _ => phrase,
                    },
                }
            });
        Speaker {
            name,
            entity: None,
            span: Some((s, e)),
        }
    }

    /// The name of the place or organisation whose mention is `phrase`, or ends it after a
    /// descriptive noun (`Arbeitgeberverband KAV`) or adjectives (`sächsischen
    /// Wirtschaftsministeriums`), ending at byte `e`: the entity's name when
    /// it shares a word with the phrase, also with another ending (`dem Deutschen
    /// Wetterdienst` → `Deutscher Wetterdienst`, `Russlands` → `Russland`, `Arbeitgeberverband
    /// KAV` → `Kommunaler Arbeitgeberverband Niedersachsen`), else the phrase as written (a
    /// short form, `USGS`, stays).
    fn thing_named(&self, phrase: &str, e: usize) -> Option<String> {
        // one word before an organisation's name that says what kind of body it is
        let described = |m: &str| {
            phrase.strip_suffix(m).is_some_and(|before| {
                let noun = before.trim_end().to_lowercase();
                before.ends_with(' ')
                    && !noun.contains(' ')
                    && self
                        .lex
                        .agents
                        .iter()
                        .chain(&self.lex.org_epithets)
                        .any(|x| noun.ends_with(x.as_str()))
            })
        };
        // adjectives before the name (`des sächsischen Wirtschaftsministeriums`)
        let adjectives_before = |m: &str| {
            phrase.strip_suffix(m).is_some_and(|before| {
                before.ends_with(' ')
                    && before
                        .split_whitespace()
                        .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
            })
        };
        self.doc
            .entities
            .iter()
            .filter(|x| x.kind != EntityType::Per)
            .find(|x| {
                x.mentions.iter().any(|m| {
                    self.ix.byte_of(m.span.end) == e
                        && self
                            .text
                            .get(self.ix.byte_of(m.span.start)..e)
                            .is_some_and(|m| {
                                m == phrase
                                    || x.kind == EntityType::Org && described(m)
                                    || adjectives_before(m)
                            })
                })
            })
            .map(|x| {
                if shares_name_word(phrase, &x.name, true) {
                    x.name.clone()
                } else {
                    phrase.to_string()
                }
            })
    }

    /// The holder of the role (a noun of the role list) named by the head of phrase `[a, b)`:
    /// the person whose mention stands right after the noun or its compounds (`Kreml-Berater Juri
    /// Uschakow`, `Putins Berater Uschakow`) or right before it as an apposition (`Uschakow,
    /// außenpolitischer Berater`) — the last such place before the phrase.
    fn role_holder(&self, a: usize, b: usize) -> Option<Speaker> {
        let toks = self.toks;
        // Head: the last capitalised word before a genitive or `von` tail.
        // A phrase with a genitive or `von` tail (`der Trainer der Gäste`) names its own
        // reference point; only a bare role is resolved.
        if toks[a + 1..b]
            .iter()
            .any(|t| NP_LINKS.contains(&t.lower.as_str()))
        {
            return None;
        }
        let head_tok = toks[a + 1..b].iter().rev().find(|t| t.is_word() && t.cap)?;
        let head = head_tok
            .lower
            .rsplit('-')
            .next()
            .unwrap_or(&head_tok.lower)
            .to_string();
        let head = [
            head.as_str(),
            head.trim_end_matches('s'),
            head.trim_end_matches('n'),
        ]
        .into_iter()
        .find(|h| self.lex.roles.contains(*h))?
        .to_string();
        let names_role =
            |w: &str| w == head || (w.ends_with(head.as_str()) && w.len() > head.len());
        let before = toks[a].s;
        let persons = &self.persons;
        // the last such place: scanning back from the phrase, the first one found (within
        // `ROLE_LOOKBACK` tokens, so that a long text costs no more per phrase than a long
        // article)
        let found = (a.saturating_sub(ROLE_LOOKBACK)..a).rev().find_map(|k| {
            let t = &toks[k];
            if !(t.is_word() && t.cap && t.region.is_none() && names_role(&t.lower)) {
                return None;
            }
            // `Berater (Juri) Uschakow`: a mention within the next two words.
            let first_after = persons.partition_point(|m| m.0 < t.e);
            let after = persons[first_after..]
                .iter()
                .take_while(|m| m.0 < before)
                .take(4)
                .find(|m| {
                    let gap = || toks[k + 1..].iter().take_while(|x| x.s < m.0);
                    gap().take(3).all(|x| x.is_word() && x.cap) && gap().take(3).count() <= 2
                });
            // `Uschakow, außenpolitischer Berater`: a mention, a comma, adjectives.
            let last_before = persons.partition_point(|m| m.1 <= t.s);
            let pre = persons[..last_before].iter().rev().take(4).find(|m| {
                let gap: Vec<&Tok> = toks[..k]
                    .iter()
                    .rev()
                    .take_while(|x| x.e > m.1)
                    .take(APPOSITION_WORDS + 1)
                    .collect();
                gap.len() <= APPOSITION_WORDS
                    && gap.first().is_some_and(|x| x.is_word())
                    && gap.last().is_some_and(|x| x.is_punct(','))
                    && gap[..gap.len() - 1]
                        .iter()
                        .all(|x| x.is_word() && !x.cap && is_adjective(&x.lower))
            });
            after.or(pre).copied()
        });
        let (ms, me, ei, _) = found?;
        let ent = self.doc.entities.get(ei)?;
        Some(Speaker {
            name: ent.name.clone(),
            entity: Some(ei),
            span: Some((ms, me)),
        })
    }

    /// The person or organisation that a definite phrase `[a, b)` (bytes `[s, e)`, `written`)
    /// headed by an epithet points back to: for a person noun (`die SPD-Politikerin`, `der
    /// 54-Jährige`) the one a pronoun of the article's gender would name (see
    /// [`Self::resolve_pronoun`]); for an organisation noun (`das Unternehmen`, `die
    /// Gewerkschaft`; the bare noun, not a compound such as `die Fluglotsengewerkschaft`, which
    /// names a body of its own) the organisation mentioned last in this or the sentence before,
    /// or, where a word there holds the noun (`Bundesverband` for `des Verbandes`), the
    /// organisation that word belongs to or stands before (`Die Gewerkschaft Verdi`), and
    /// none when there is none.
    fn epithet_referent(
        &self,
        a: usize,
        b: usize,
        s: usize,
        e: usize,
        written: &str,
    ) -> Option<Speaker> {
        let toks = self.toks;
        let article = toks[a].lower.as_str();
        let ends = |list: &[String], w: &str| list.iter().any(|x| w.ends_with(x.as_str()));
        // A person described with adjectives before the noun: `der 71-jährige frühere
        // Werkzeugmacher`, `der Heidelberger Rechtsanwalt`.
        // An age may stand among them: `der 24 Jahre alte Student`.
        let described = b > a + 2
            && b <= a + 6
            && matches!(article, "der" | "die")
            && toks[b - 1].cap
            && ends(&self.lex.person_epithets, &toks[b - 1].lower)
            && toks[a + 1..b - 1].iter().enumerate().all(|(k, t)| {
                t.is_word()
                    && (!t.cap
                        || t.lower.ends_with("er") && t.lower.len() > 4
                        || t.lower == "jahre"
                            && k > 0
                            && toks[a + k].lower.chars().all(|c| c.is_ascii_digit()))
            });
        // after a noun, `der` opens a genitive (`nach Schätzungen der Wahlforscher`): no one
        // the article named before
        let genitive = article == "der" && a > 0 && toks[a - 1].cap && toks[a - 1].is_word();
        if !matches!(article, "der" | "die" | "das" | "des" | "dem")
            || (b != a + 2 && !described)
            || !toks[b - 1].cap
            || genitive
        {
            return None;
        }
        let head = toks[b - 1].lower.as_str();
        // `des Verkehrsunternehmens`, `des Konzerns`
        let bare = match article {
            "des" => head
                .strip_suffix("es")
                .or(head.strip_suffix('s'))
                .unwrap_or(head),
            _ => head,
        };
        if matches!(article, "der" | "die") && ends(&self.lex.person_epithets, head) {
            let pronoun = if article == "die" { "sie" } else { "er" };
            // a description points back to the person the sentence before named (`Am
            // Nachmittag sagte Insolvenzverwalter Bernd Kählert aus. Der Heidelberger
            // Rechtsanwalt …`), before the last speaker a pronoun would take
            let named_before = self
                .sentence_at(s)
                .checked_sub(1)
                .and_then(|p| self.sents.get(p))
                .and_then(|&(pa, pb)| {
                    let (ps, pe) = (toks[pa].s, toks[pb.max(pa + 1) - 1].e);
                    self.person_between(ps, pe, |ent| pronoun_fits(pronoun, ent))
                });
            if let Some(sp) = named_before {
                return Some(Speaker {
                    name: format!("{} {}", strip_article(written), sp.name),
                    span: Some((s, e)),
                    ..sp
                });
            }
            let sp = self.resolve_pronoun(s, e, pronoun);
            if let Some(ent) = sp.entity.and_then(|i| self.doc.entities.get(i)) {
                return Some(Speaker {
                    name: format!("{} {}", strip_article(written), ent.name),
                    ..sp
                });
            }
            // where a pronoun would take a body (`die Polizei`), the description still means
            // the person named last within the sentences before
            let sent = self.sentence_at(s);
            let from = self
                .sents
                .get(sent.saturating_sub(EPITHET_SENTENCES))
                .map_or(0, |&(pa, _)| toks[pa].s);
            let sp = self.person_between(from, s, |ent| pronoun_fits(pronoun, ent))?;
            return Some(Speaker {
                name: format!("{} {}", strip_article(written), sp.name),
                span: Some((s, e)),
                ..sp
            });
        }
        // only the bare noun: a compound names a body of its own (`die Fluglotsengewerkschaft`)
        if !self.lex.org_epithets.iter().any(|x| x == head || x == bare) {
            return None;
        }
        let sent = self.sentence_at(s);
        let from = sent
            .checked_sub(1)
            .and_then(|p| self.sents.get(p))
            .or(self.sents.get(sent))
            .map_or(0, |&(pa, _)| toks[pa].s);
        let noun = if article == "des" { bare } else { head };
        // the organisations' mentions before the phrase, as byte spans
        let orgs: Vec<((usize, usize), &lagebild_model::Entity)> = self
            .doc
            .entities
            .iter()
            .filter(|x| x.kind == EntityType::Org)
            .flat_map(|x| x.mentions.iter().map(move |m| (m, x)))
            .map(|(m, x)| {
                let span = (self.ix.byte_of(m.span.start), self.ix.byte_of(m.span.end));
                (span, x)
            })
            .filter(|&((_, me), _)| me <= s)
            .collect();
        // a word with the noun in it names the body meant (`Der Bundesverband der Hersteller …
        // Nach Schätzungen des Verbandes`): the organisation it stands in or before (`Die
        // Gewerkschaft Verdi`), or none the text tagged
        let named = toks[..a]
            .iter()
            .rev()
            .take_while(|t| t.s + EPITHET_REACH >= s)
            .find(|t| t.is_word() && t.cap && t.lower.contains(noun));
        let org = match named {
            Some(t) => orgs
                .iter()
                .find(|&&((ms, me), _)| ms <= t.s && t.e <= me || ms > t.e && ms <= t.e + 1)?,
            None => orgs
                .iter()
                .filter(|&&((ms, _), _)| ms >= from)
                .max_by_key(|&&((ms, _), _)| ms)?,
        }
        .1;
        Some(Speaker {
            name: org.name.clone(),
            entity: None,
            span: Some((s, e)),
        })
    }

    /// Index into the sentences of the one holding byte `s`.
    fn sentence_at(&self, s: usize) -> usize {
        let here = self.toks.partition_point(|t| t.s < s);
        self.sents.partition_point(|&(_, b)| b <= here)
    }

    /// The last person mentioned in the byte range `[s, e)`.
    fn person_between(
        &self,
        s: usize,
        e: usize,
        fits: impl Fn(&lagebild_model::Entity) -> bool,
    ) -> Option<Speaker> {
        let &(ms, me, ei, _) = self
            .persons
            .iter()
            .rev()
            .find(|m| m.0 >= s && m.1 <= e && self.doc.entities.get(m.2).is_some_and(&fits))?;
        let ent = self.doc.entities.get(ei)?;
        Some(Speaker {
            name: ent.name.clone(),
            entity: Some(ei),
            span: Some((ms, me)),
        })
    }

    /// `er`/`sie`: the person who is the subject of the sentence before, else the last person
    /// that sentence names when it holds no speech and no speech came just before it, else the
    /// last speaker when recent, else the nearest preceding person; never a person whose roles
    /// or written gender say the pronoun does not fit (`Ministerin` is no `er`,
    /// `Feuerwehrsprecher` no `sie`, `der CDU-Landesvorsitzende Kröger` no `sie`).
    fn resolve_pronoun(&self, s: usize, e: usize, written: &str) -> Speaker {
        let fits = |ei: Option<usize>| {
            ei.is_none_or(|i| {
                self.doc
                    .entities
                    .get(i)
                    .is_none_or(|ent| pronoun_fits(written, ent))
                    && self.written_gender(i).is_none_or(|feminine| {
                        match written.to_lowercase().as_str() {
                            "er" => !feminine,
                            "sie" => feminine,
                            _ => true,
                        }
                    })
            })
        };
        let sent = self.sentence_at(s);
        if let Some(&(pa, pb)) = sent.checked_sub(1).and_then(|p| self.sents.get(p)) {
            if let Some(sp) = self.sentence_subject(pa, pb) {
                let person = sp
                    .entity
                    .and_then(|i| self.doc.entities.get(i))
                    .is_some_and(|ent| ent.kind == lagebild_model::EntityType::Per);
                if person && fits(sp.entity) {
                    return Speaker {
                        span: Some((s, e)),
                        ..sp
                    };
                }
            }
            // A sentence without speech that names a person (`…, doch der Blick aufs
            // Wochenende bereitet Sorgen: DWD-Meteorologe Andreas Lindner erwartet Gewitter.`)
            // brings that person forward, before a speaker of earlier sentences.
            let speech_before = self
                .last_speaker
                .as_ref()
                .is_some_and(|(_, si)| si + 1 >= sent);
            if !speech_before && self.regions_in(pa, pb).is_empty() {
                let (ps, pe) = (self.toks[pa].s, self.toks[pb.max(pa + 1) - 1].e);
                let named = self
                    .person_between(ps, pe, |ent| ent.kind == lagebild_model::EntityType::Per)
                    .filter(|sp| fits(sp.entity));
                if let Some(sp) = named {
                    return Speaker {
                        span: Some((s, e)),
                        ..sp
                    };
                }
            }
        }
        if let Some((sp, _)) = &self.last_speaker {
            if sp.span.is_some_and(|(x, _)| x < s && s - x < 600) && fits(sp.entity) {
                return Speaker {
                    span: Some((s, e)),
                    ..sp.clone()
                };
            }
        }
        if let Some(&(_, _, ei, _)) = self
            .persons
            .iter()
            .rev()
            .find(|m| m.1 <= s && fits(Some(m.2)))
        {
            if let Some(ent) = self.doc.entities.get(ei) {
                return Speaker {
                    name: ent.name.clone(),
                    entity: Some(ei),
                    span: Some((s, e)),
                };
            }
        }
        if let Some((sp, _)) = self.last_speaker.as_ref().filter(|(sp, _)| fits(sp.entity)) {
            return Speaker {
                span: Some((s, e)),
                ..sp.clone()
            };
        }
        Speaker {
            name: written.to_string(),
            entity: None,
            span: Some((s, e)),
        }
    }

    /// The grammatical gender the article gives person `ei` before one of its mentions (true
    /// for feminine): `Frau` / `Herr`, or an article before a role noun in the adjective's
    /// form, which shows no gender itself (`die Vorsitzende Anna Berg`, `der
    /// CDU-Landesvorsitzende Kröger`). `None` when no mention says.
    fn written_gender(&self, ei: usize) -> Option<bool> {
        let toks = self.toks;
        self.persons.iter().filter(|m| m.2 == ei).find_map(|m| {
            let j = toks.partition_point(|t| t.s < m.0);
            let before = |k: usize| j.checked_sub(k).map(|i| &toks[i]);
            match before(1).map(|t| t.lower.as_str()) {
                Some("frau") => return Some(true),
                Some("herr" | "herrn") => return Some(false),
                _ => {}
            }
            before(1).filter(|t| t.cap && t.is_word() && t.lower.ends_with('e'))?;
            match before(2)?.lower.as_str() {
                "die" => Some(true),
                "der" => Some(false),
                _ => None,
            }
        })
    }

    fn join(&self, a: usize, b: usize) -> String {
        self.text[self.toks[a].s..self.toks[b - 1].e].to_string()
    }
}

/// Whether a personal pronoun can stand for a person, by the grammatical gender of the
/// person's roles: a feminine role noun (`Ministerin`, `Oberbürgermeisterin`) rules out `er`, a
/// masculine one (`Minister`, `Feuerwehrsprecher`; not a form such as `Vorsitzende`, which is
/// both) rules out `sie`.
fn pronoun_fits(pronoun: &str, person: &lagebild_model::Entity) -> bool {
    let head = |r: &String| r.rsplit(' ').next().unwrap_or_default().to_lowercase();
    let feminine = person.roles.iter().any(|r| {
        let h = head(r);
        h.chars().count() > 5 && (h.ends_with("in") || h.ends_with("innen"))
    });
    let masculine = !feminine
        && person.roles.iter().any(|r| {
            let h = head(r);
            h.chars().count() >= 4 && !h.ends_with("in") && !h.ends_with('e')
        });
    match pronoun.to_lowercase().as_str() {
        "er" => !feminine,
        "sie" => !masculine,
        _ => true,
    }
}

/// True when a word of `phrase` is a word of `name`; with `endings`, also with another ending
/// (words of three letters or more, one the start of the other: `Russlands` / `Russland`).
fn shares_name_word(phrase: &str, name: &str, endings: bool) -> bool {
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && (!endings || w.chars().count() >= 3))
        .any(|w| {
            name.split(' ').any(|n| {
                n == w
                    || endings && n.chars().count() >= 3 && (w.starts_with(n) || n.starts_with(w))
            })
        })
}

fn is_clause_sep(t: &Tok) -> bool {
    matches!(
        t.kind,
        Kind::Punct(',' | ':' | ';' | '(' | ')' | '–' | '—' | '-')
    ) || t.kind == Kind::Open
}

fn is_relative(t: &Tok) -> bool {
    matches!(
        t.lower.as_str(),
        "der" | "die" | "das" | "dem" | "den" | "deren" | "dessen" | "welche" | "welcher"
    ) && !t.cap
}

/// A finite form of `werden`, the auxiliary of the passive (`wurde mitgeteilt`).
/// A form of `haben` that makes the perfect or pluperfect with a participle.
fn is_perfect_aux(w: &str) -> bool {
    matches!(w, "hat" | "haben" | "hatte" | "hatten")
}

fn is_passive_aux(w: &str) -> bool {
    matches!(w, "wurde" | "wurden" | "wird" | "werden")
}

/// A word that running text almost never capitalises inside a sentence (adverbs, prepositions,
/// verbs, adjectives), by its usage class counted in raw German text.
fn written_lower(lower: &str) -> bool {
    crate::ner::features::Clusters::embedded()
        .usage(lower)
        .is_some_and(|u| u[0] / 4 == 0)
}

/// Capitalised adverbs opening a sentence (`Sinngemäß`, `Möglicherweise`, `Damals`).
fn is_adverb_form(w: &str) -> bool {
    ["weise", "gemäß", "maßen", "mals"]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        || matches!(
            w,
            "unterdessen"
                | "indessen"
                | "derweil"
                | "gegenwärtig"
                | "mittlerweile"
                | "inzwischen"
                | "zunächst"
                | "bislang"
                | "bisher"
                | "zuletzt"
        )
}

/// Separable verb particles: closing a main clause, they belong to its finite verb.
const VERB_PARTICLES: &[&str] = &[
    "an", "ab", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin", "los", "mit", "nach",
    "vor", "weg", "zu", "zurück", "zusammen", "heraus", "hervor", "hinzu", "dar", "bekannt",
];

/// Conjunctions that open an adverbial clause (cause, time, condition, concession, purpose),
/// never a content clause.
const ADVERBIAL_SUBORDINATORS: &[&str] = &[
    "da",
    "weil",
    "nachdem",
    "obwohl",
    "obgleich",
    "als",
    "wenn",
    "während",
    "bevor",
    "ehe",
    "sobald",
    "solange",
    "damit",
    "sodass",
    "falls",
    "sofern",
    "indem",
    "seitdem",
    "bis",
    "zumal",
    "wohingegen",
];

/// Possessive determiners that open an opinion phrase (`seiner Meinung nach`).
const POSSESSIVES: &[&str] = &[
    "seiner", "ihrer", "deren", "dessen", "meiner", "unserer", "eurer",
];

/// Prepositions (and their contractions with an article): they open a prepositional phrase,
/// also as an extended attribute between an article and its noun (`die zur Hafengesellschaft
/// gehörende Reederei`).
const PREPOSITIONS: &[&str] = &[
    "zur", "zum", "seit", "in", "im", "für", "mit", "von", "vom", "bei", "beim", "an", "am", "auf",
    "aus", "nach", "über", "unter", "vor", "gegen", "durch", "ohne", "um", "während", "wegen",
    "trotz", "ins", "ans", "aufs",
];

/// Lowercase word that can be an attributive adjective (`russische`, `hochrangiger`).
fn is_adjective(w: &str) -> bool {
    w.chars().count() > 3
        && ["e", "en", "er", "es", "em"].iter().any(|s| w.ends_with(s))
        && !FUNCTION_WORDS.contains(&w)
        && !DETERMINERS.contains(&w)
        && !matches!(
            w,
            "unter"
                | "hinter"
                | "wieder"
                | "immer"
                | "aber"
                | "oder"
                | "nachdem"
                | "indem"
                | "gegen"
                | "neben"
                | "zwischen"
                | "ohne"
                | "heute"
                | "gestern"
                | "morgen"
                | "wegen"
                | "später"
                | "seit"
        )
}

/// The nominative of a noun in the genitive singular (`Landkreises` → `Landkreis`,
/// `Wasserwirtschaftsamts` → `Wasserwirtschaftsamt`), where the form without `-es` or `-s` ends
/// in a listed common noun; else the word as written.
fn nominative_of_genitive(noun: &str) -> String {
    let g = crate::ner::gazetteer::Gazetteer::get();
    ["es", "s"]
        .iter()
        .filter_map(|end| noun.strip_suffix(end))
        .find(|base| g.ends_in_common_noun(base))
        .unwrap_or(noun)
        .to_string()
}

/// Drop a leading definite article: `der Kreml` → `Kreml` keeps the name as the speaker;
/// descriptions with an indefinite article stay as written.
fn strip_article(s: &str) -> String {
    for a in [
        "der ", "die ", "das ", "Der ", "Die ", "Das ", "dem ", "den ", "des ",
    ] {
        if let Some(rest) = s.strip_prefix(a) {
            // `die „Aktion Deutschland hilft“`.
            if rest.starts_with(['„', '"', '»', '«', '“']) {
                return rest.to_string();
            }
            let compound = rest
                .split_whitespace()
                .next()
                .and_then(|w| w.rsplit_once('-'))
                .is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_uppercase));
            if compound || rest.chars().next().is_some_and(char::is_uppercase) {
                return rest.to_string();
            }
        }
    }
    s.to_string()
}

/// Trim whitespace at both ends of a byte range.
fn trim_bytes(text: &str, s: usize, e: usize) -> (usize, usize) {
    let sub = &text[s..e];
    let lead = sub.len() - sub.trim_start().len();
    let trail = sub.len() - sub.trim_end().len();
    (s + lead, (e - trail).max(s + lead))
}

#[cfg(test)]
mod tests;
