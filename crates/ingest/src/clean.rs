//! Cleaning and metadata: boilerplate lines out (kept on record with their kind), title,
//! publication date and time, authors, agency credits, language and the duplicate hash.
//!
//! Every reader produces a [`Draft`] (what the container told us) and [`finish`] turns it into
//! an [`Article`]. Patterns that are language data (agency names, teaser phrases, section
//! labels, month names) live in `resources/`.

use crate::lang;
use lagebild_model::calendar::Date;
use lagebild_model::{Article, BoilerplateKind, Removed};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// What a reader found before cleaning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// Stable id.
    pub id: String,
    /// Where it was read from.
    pub source: String,
    /// Headline, when the container says which it is.
    pub title: Option<String>,
    /// Text after the headline, lines as in the input.
    pub body: String,
    /// Declared publication date (`YYYY-MM-DD`, or any date/time form [`parse_date_time`] knows).
    pub published: Option<String>,
    /// Declared publication time `HH:MM`.
    pub published_time: Option<String>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// Source URL.
    pub url: Option<String>,
    /// Authors already known (header, meta tags).
    pub authors: Vec<String>,
    /// Declared language, used when detection is undecided.
    pub language: Option<String>,
    /// True for a feed item that carried only a summary.
    pub teaser: bool,
}

static AGENCIES: LazyLock<BTreeMap<String, &'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../resources/agencies.tsv"))
        .filter_map(|l| l.split_once('\t'))
        .map(|(k, v)| (k.to_lowercase(), v))
        .collect()
});
/// A name without an agency credit written after it (`James Pruitt Associated Press` →
/// `James Pruitt`).
pub(crate) fn without_agency(name: &str) -> &str {
    let lower = name.to_lowercase();
    // (offsets of the lower-cased form hold for the name only where lower-casing kept its
    // length)
    if lower.len() != name.len() {
        return name;
    }
    AGENCIES
        .keys()
        .filter(|k| k.chars().count() > 1)
        .find_map(|k| {
            let rest = lower.strip_suffix(k.as_str())?;
            rest.ends_with(' ')
                .then(|| name.get(..rest.len()))
                .flatten()
        })
        .map_or(name, str::trim_end)
}

static TEASERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../resources/teasers.txt")).collect());
static TEASER_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../resources/teaser_cues.txt")).collect());
static SECTIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../resources/sections.txt")).collect());
static MONTHS: LazyLock<BTreeMap<&'static str, u32>> = LazyLock::new(|| {
    data_lines(include_str!("../resources/months.tsv"))
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(k, v)| Some((k, v.trim().parse().ok()?)))
        .collect()
});

/// Non-empty, non-comment lines of a resource file.
fn data_lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Month alternation for the regexes below (longest first so `Januar` beats `Jan`).
fn month_alt() -> String {
    let mut names: Vec<&str> = MONTHS.keys().copied().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.join("|")
}

/// Regex source of one date in any of the forms news pages print.
fn date_src() -> String {
    let m = month_alt();
    format!(
        r"(?:(?P<d1>\d{{1,2}})\.\s?(?P<m1>\d{{1,2}})\.\s?(?P<y1>\d{{4}}|\d{{2}})(?-u:\b)|(?P<y2>\d{{4}})-(?P<m2>\d{{2}})-(?P<d2>\d{{2}})|(?P<d3>\d{{1,2}})\.?\s+(?P<mn3>{m})\.?\s+(?P<y3>\d{{4}})|(?P<mn4>{m})\.?\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y4>\d{{4}}))"
    )
}

const WEEKDAYS: &str = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun";

static ANY_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){}", date_src())).expect("date regex"));

/// A whole line that is only a date/time stamp, optionally labelled.
static STAMP_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?P<label>stand|veröffentlicht|aktualisiert|zuletzt aktualisiert|erstellt|erschienen|datum|published|updated|last updated|posted)(?:\s+am|\s+on)?\s*:?\s*)?(?:(?:{WEEKDAYS})\.?,?\s+)?(?:den\s+)?{date}\s*(?:,|\||-|–|um|at)?\s*(?:(?P<hh>\d{{1,2}})[:.](?P<mm>\d{{2}})\s*(?P<ampm>[ap]\.?m\.?)?\s*(?:uhr|h|mez|mesz|cet|cest|utc|gmt|bst|est|edt|et)?\s*(?:uhr)?)?\s*$",
        date = date_src()
    ))
    .expect("stamp regex")
});

/// A video teaser's time stamp: `02.12.2025 | 3:37 min`.
static VIDEO_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:video\s*:?\s*)?(?:{date})?\s*\|?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*min\.?$",
        date = date_src()
    ))
    .expect("video regex")
});

/// Social-media embed leftovers.
static EMBED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)pic\.twitter\.com/|^[—–-]\s*[^()]{{1,80}}\(@\w{{1,30}}\)|^[—–]\s.*(?:{date})\s*$|^(?:ein beitrag geteilt von|a post shared by|view this post on instagram|dieser beitrag auf instagram|empfohlener externer inhalt|externer inhalt)|^https?://(?:t\.co|x\.com|twitter\.com|instagram\.com|youtu\.be|www\.youtube\.com)/\S*$",
        date = date_src()
    ))
    .expect("embed regex")
});

/// Picture captions and photo credits.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)[(\[](?:bild|foto|fotos|bilder|grafik|quelle|image|photo|picture)\s*:|^(?:bild|foto|fotos|bilder|grafik|bildquelle|fotoquelle|image|photo|credit)\s*:|©|\(c\)\s|copyright(?-u:\b)|^v\.\s?l\.\s?:|^archivbild(?-u:\b)|^symbolbild(?-u:\b)|picture alliance|getty images|imago images|^bildergalerie(?-u:\b)|(?-u:\b)(?:foto|bild)\s*:\s*\p{Lu}",
    )
    .expect("caption regex")
});

/// `Quelle: AFP, dpa` footers and `Mit Material von …` lines.
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:quellen?|sources?)\s*:\s*(?P<q>.+)$|^\(?(?:reporting|additional reporting|writing) by\s.*|^(?:mit material (?:von|der|des)\s+(?:den\s+)?(?:nachrichtenagenturen?\s+)?|material von\s+)(?P<m>.+?)\.?$")
        .expect("footer regex")
});

/// A line of credit tokens only: `dpa/AFP`, `mbe/dpa`, `(dpa)`.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?[\p{L}.-]{2,12}(?:\s*[/,]\s*[\p{L}.-]{2,12})*\)?$").expect("credit line")
});

/// Parenthesised agency credits inside text: `(dpa)`, `(AFP/Reuters)`.
static PAREN_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(([\p{L} .-]{2,25}(?:\s*[/,]\s*[\p{L} .-]{2,25}){0,4})\)").expect("paren")
});

/// `DOW JONES--` and similar wire slugs opening a paragraph.
static WIRE_SLUG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<a>[A-Z][A-Z .&-]{1,30}[A-Z])\s*--\s*").expect("slug"));

/// Byline: `Von X und Y`, `Von X, Y und Z`, `By X and Y`, `Autor: X`.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"\p{Lu}[\p{L}'’.-]*(?:\s+(?:von|van|de|der|den|zu|di|da|del|le|la|\p{Lu}[\p{L}'’.-]*)){1,3}";
    Regex::new(&format!(
        r"^(?:(?:Ein|Eine)\s+(?:Kommentar|Gastbeitrag|Essay|Analyse|Interview|Reportage|Bericht)\s+von|Von\s+unser(?:em|er)\s+(?:Korrespondent(?:en|in)|Redakteur(?:in)?)|[Vv]on|VON|By|BY|Autor(?:in)?:|Autoren:|Text:)\s+(?P<names>{name}(?:\s*,\s*{name})*(?:\s*(?:,|und|and|&)\s*{name})?)(?:\s*,\s*\p{{Lu}}[\p{{L}}-]+)?\s*$"
    ))
    .expect("byline regex")
});

/// Broadcast notes: `Über das Treffen berichtete das heute journal am 2.12.2025 …`.
static BROADCAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^über\s.{3,120}\sberichtete\s.{2,80}\sam\s\d").expect("broadcast")
});

/// Lines that are only page furniture words.
static FURNITURE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:teilen|artikel teilen|drucken|merken|kommentare?|\d+\s+kommentare?|lesezeit:?\s*\d+\s*min(?:\.|uten)?|\d+\s*min(?:\.|uten)?\s+lesezeit|zurück|nach oben|share|print|comments?|\d+ min read|werbung|anzeige|advertisement|audio|video)$")
        .expect("furniture")
});

/// Long date in a dateline or embed: used as a weak publication-date hint.
static EMBED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\(@\w+\)\s*(?:{})", date_src())).expect("embed date")
});

/// A date found as a stamp.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Stamp {
    date: String,
    time: Option<String>,
    /// Labelled as the publication (`Veröffentlicht`, `Erstellt`, `Published`).
    published_label: bool,
}

/// Parse a date (and optional time) in any supported form: ISO (`2025-12-03T10:15:00+01:00`),
/// German numeric (`03.12.2025 00:15`), long German/English (`3. Dezember 2025`,
/// `December 2, 2025`), RFC 2822 (`Tue, 02 Dec 2025 18:30:00 +0100`).
/// Returns `(YYYY-MM-DD, Some(HH:MM))`.
pub fn parse_date_time(s: &str) -> Option<(String, Option<String>)> {
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:T|\s|,|^)(\d{1,2})[:.](\d{2})(?::\d{2})?(?:\s*([ap])\.?m\b\.?)?")
            .expect("time")
    });
    let s = s.trim();
    let caps = ANY_DATE.captures(s)?;
    let date = date_from_caps(&caps)?;
    let rest = &s[caps.get(0).map_or(0, |m| m.end())..];
    let time = TIME
        .captures(rest)
        .and_then(|c| clock(&c[1], &c[2], c.get(3).map(|m| m.as_str())));
    Some((date, time))
}

/// `HH:MM` of an hour and minute as written, with `a`/`p` of an English `am`/`pm` after them
/// (`4:40 pm` → `16:40`, `12:15 am` → `00:15`).
fn clock(h: &str, m: &str, am_pm: Option<&str>) -> Option<String> {
    let mut h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    match am_pm.map(|x| x[..1].to_ascii_lowercase()) {
        Some(x) if (1..=12).contains(&h) => {
            h = h % 12 + if x == "p" { 12 } else { 0 };
        }
        Some(_) => return None,
        None => {}
    }
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// Build `YYYY-MM-DD` from the captures of [`date_src`].
fn date_from_caps(c: &regex::Captures) -> Option<String> {
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let month_name = |n: &str| {
        c.name(n)
            .and_then(|m| MONTHS.get(m.as_str().to_lowercase().trim_end_matches('.')))
            .copied()
    };
    let (d, m, y) = if let Some(d) = num("d1") {
        (d, num("m1")?, num("y1")?)
    } else if let Some(y) = num("y2") {
        (num("d2")?, num("m2")?, y)
    } else if let Some(d) = num("d3") {
        (d, month_name("mn3")?, num("y3")?)
    } else {
        (num("d4")?, month_name("mn4")?, num("y4")?)
    };
    let y = if y < 100 { 2000 + y } else { y };
    ((1..=31).contains(&d) && (1..=12).contains(&m) && (1900..=2100).contains(&y))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Classification of one line.
fn classify(line: &str, in_header: bool) -> Option<BoilerplateKind> {
    let t = line.trim();
    let lower = t.to_lowercase();
    let words = t.split_whitespace().count();
    if t.chars().all(|c| !c.is_alphanumeric()) {
        return Some(BoilerplateKind::Furniture);
    }
    if VIDEO_LINE.is_match(t) {
        return Some(BoilerplateKind::Video);
    }
    if words <= 40 && EMBED.is_match(t) {
        return Some(BoilerplateKind::Embed);
    }
    if words <= 60 && CAPTION.is_match(t) {
        return Some(BoilerplateKind::Caption);
    }
    if words <= 40 && FOOTER.is_match(t) {
        return Some(BoilerplateKind::SourceFooter);
    }
    if words <= 3 && CREDIT_LINE.is_match(t) && !credit_tokens(t, false).is_empty() {
        return Some(BoilerplateKind::SourceFooter);
    }
    if t.len() <= 240
        && segments(t).all(|seg| {
            STAMP_LINE.is_match(seg) || BYLINE.is_match(seg) || FURNITURE_WORDS.is_match(seg)
        })
    {
        return Some(BoilerplateKind::Furniture);
    }
    if words <= 30 && BROADCAST.is_match(t) {
        return Some(BoilerplateKind::Furniture);
    }
    if t.starts_with(':') {
        return Some(BoilerplateKind::Teaser);
    }
    if words <= 30 && is_teaser(t, &lower, words) {
        return Some(BoilerplateKind::Teaser);
    }
    if words == 1 && (in_header || SECTIONS.iter().any(|s| s.eq_ignore_ascii_case(t))) {
        return Some(BoilerplateKind::Furniture);
    }
    None
}

/// A live-blog, newsletter or "read more" teaser line. Multi-word phrases suffice; one-word
/// phrases (`Liveblog`, `Newsletter`) need a short line, a closing colon or a cue (`unser`,
/// `hier`, `abonnieren`, …), so that ordinary sentences mentioning them stay.
fn is_teaser(t: &str, lower: &str, words: usize) -> bool {
    TEASERS.iter().any(|p| {
        contains_phrase(lower, p)
            && (p.contains(' ')
                || words <= 3
                || t.ends_with(':')
                || TEASER_CUES.iter().any(|c| lower.contains(c)))
    })
}

/// Parts of a page-furniture line separated by `|`, `·` or `•` (`Von X | 03.12.2025`).
fn segments(t: &str) -> impl Iterator<Item = &str> {
    t.split(['|', '·', '•'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// `phrase` occurs in `hay` at word boundaries.
fn contains_phrase(hay: &str, phrase: &str) -> bool {
    hay.match_indices(phrase).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && (phrase.ends_with(':') || !after.is_some_and(char::is_alphanumeric))
    })
}

/// Normalised agency name for a token, if it is one.
fn agency(token: &str) -> Option<&'static str> {
    AGENCIES.get(&token.trim().to_lowercase()).copied()
}

/// Credit names in a footer or credit list. With `keep_unknown`, names that are not known
/// agencies are kept when they look like an outlet (capitalised, at most three words).
fn credit_tokens(s: &str, keep_unknown: bool) -> Vec<String> {
    let mut out = Vec::new();
    let cleaned = s.trim().trim_matches(|c| c == '(' || c == ')' || c == '.');
    for part in cleaned.split([',', '/', ';', '|']) {
        for tok in part.split(" und ").flat_map(|p| p.split(" and ")) {
            let tok = tok.trim().trim_end_matches('.');
            if tok.is_empty() {
                continue;
            }
            if let Some(a) = agency(tok) {
                out.push(a.to_string());
            } else if keep_unknown
                && tok.split_whitespace().count() <= 3
                && tok.chars().next().is_some_and(char::is_uppercase)
                && tok.chars().filter(|c| c.is_alphabetic()).count() >= 2
            {
                out.push(tok.to_string());
            }
        }
    }
    out
}

/// Authors in a byline, if the line is one.
fn byline_authors(line: &str) -> Option<Vec<String>> {
    let caps = BYLINE.captures(line.trim())?;
    let names = caps.name("names")?.as_str();
    let authors: Vec<String> = names
        .split(',')
        .flat_map(|p| p.split(" und "))
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty() && agency(n).is_none())
        .collect();
    (!authors.is_empty()).then_some(authors)
}

/// Join hard-wrapped lines (most lines 50–100 characters, none much longer) into paragraphs.
fn unwrap_lines(body: &str) -> Vec<String> {
    let lines: Vec<&str> = body.lines().map(str::trim_end).collect();
    let non_empty: Vec<usize> = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.chars().count())
        .collect();
    let wrapped = non_empty.len() >= 6
        && non_empty.iter().all(|&n| n <= 100)
        && non_empty.iter().filter(|&&n| n >= 50).count() * 10 >= non_empty.len() * 6;
    if !wrapped {
        return lines.iter().map(|l| l.trim().to_string()).collect();
    }
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for l in lines {
        let t = l.trim();
        if t.is_empty() {
            out.push(String::new());
            open = false;
        } else if open {
            if let Some(last) = out.last_mut() {
                if last.ends_with('-') && !last.ends_with(" -") {
                    last.pop();
                } else {
                    last.push(' ');
                }
                last.push_str(t);
            }
        } else {
            out.push(t.to_string());
            open = true;
        }
    }
    out
}

/// Result of line-level cleaning.
struct Cleaned {
    paragraphs: Vec<String>,
    removed: Vec<Removed>,
    stamps: Vec<Stamp>,
    weak_dates: Vec<String>,
    authors: Vec<String>,
    credits: Vec<String>,
}

/// Remove boilerplate lines; gather stamps, bylines and credits from what was removed.
fn clean_lines(lines: &[String]) -> Cleaned {
    let n = lines.len();
    let mut kinds: Vec<Option<BoilerplateKind>> = vec![None; n];
    // Header region: until the first long paragraph.
    let first_long = lines
        .iter()
        .position(|l| l.chars().count() >= 120)
        .unwrap_or(n);
    for (i, l) in lines.iter().enumerate() {
        if !l.trim().is_empty() {
            kinds[i] = classify(l, i < first_long);
        }
    }
    let next_non_empty = |i: usize| (i + 1..n).find(|&j| !lines[j].trim().is_empty());
    let prev_non_empty = |i: usize| (0..i).rev().find(|&j| !lines[j].trim().is_empty());
    // A caption shown twice: once bare, then with its credit appended.
    for i in 0..n {
        if kinds[i].is_none() && !lines[i].trim().is_empty() {
            if let Some(j) = next_non_empty(i) {
                if kinds[j] == Some(BoilerplateKind::Caption)
                    && lines[j].trim().starts_with(lines[i].trim())
                {
                    kinds[i] = Some(BoilerplateKind::Caption);
                }
            }
        }
    }
    // Video blocks: the stamp always; a short (caption-like) description before it and a
    // title line before that too. Descriptions of twelve words or more carry reporting
    // (names, statements) and stay.
    for i in 0..n {
        if kinds[i] != Some(BoilerplateKind::Video) {
            continue;
        }
        let Some(desc) = prev_non_empty(i) else {
            continue;
        };
        if kinds[desc].is_some() || lines[desc].split_whitespace().count() >= 12 {
            continue;
        }
        kinds[desc] = Some(BoilerplateKind::Video);
        if let Some(title) = prev_non_empty(desc) {
            let t = lines[title].trim();
            if kinds[title].is_none()
                && t.split_whitespace().count() <= 12
                && !t.ends_with(['.', '!', '?', ':'])
                && title > 0
            {
                kinds[title] = Some(BoilerplateKind::Video);
            }
        }
    }
    // Tail: from the first link announcement (a teaser line ending with a colon) or source
    // footer in the last third after which little unclassified text remains.
    let total: usize = lines.iter().map(|l| l.len()).sum();
    // Unclassified characters after each line (suffix sums keep this linear).
    let mut unclassified_after = vec![0usize; n + 1];
    for j in (0..n).rev() {
        unclassified_after[j] = unclassified_after[j + 1]
            + if kinds[j].is_none() {
                lines[j].len()
            } else {
                0
            };
    }
    let mut before = 0usize;
    for i in 0..n {
        let trigger = match kinds[i] {
            Some(BoilerplateKind::SourceFooter) => true,
            Some(BoilerplateKind::Teaser) => lines[i].trim_end().ends_with(':'),
            _ => false,
        };
        if trigger && before * 3 >= total * 2 && unclassified_after[i + 1] <= 700 {
            for k in kinds.iter_mut().skip(i + 1) {
                k.get_or_insert(BoilerplateKind::Teaser);
            }
            break;
        }
        before += lines[i].len();
    }

    let mut out = Cleaned {
        paragraphs: Vec::new(),
        removed: Vec::new(),
        stamps: Vec::new(),
        weak_dates: Vec::new(),
        authors: Vec::new(),
        credits: Vec::new(),
    };
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        if kinds[i] == Some(BoilerplateKind::Caption) {
            if let Some((prose, credits)) = prose_with_credit(t) {
                out.paragraphs.push(prose);
                out.removed.extend(credits.into_iter().map(|text| Removed {
                    kind: BoilerplateKind::Caption,
                    text,
                }));
                continue;
            }
        }
        if kinds[i] == Some(BoilerplateKind::Furniture) {
            if let Some(authors) = byline_authors(t) {
                // A byline stays in the text (authors are people the text names).
                out.authors.extend(authors);
                out.paragraphs.push(t.to_string());
                continue;
            }
        }
        let Some(kind) = kinds[i] else {
            let (kept, embeds) = strip_inline_embeds(t);
            for e in embeds {
                if let Some(c) = EMBED_DATE.captures(&e) {
                    out.weak_dates.extend(date_from_caps(&c));
                }
                out.removed.push(Removed {
                    kind: BoilerplateKind::Embed,
                    text: e,
                });
            }
            if !kept.is_empty() {
                out.paragraphs.push(kept);
            }
            continue;
        };
        gather(t, kind, &mut out);
        out.removed.push(Removed {
            kind,
            text: t.to_string(),
        });
    }
    out
}

/// Embed leftovers inside a longer line (`… pic.twitter.com/x — Name (@handle) May 2, 2024`).
static INLINE_EMBED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\s*(?:pic\.twitter\.com/\S+|https?://t\.co/\S+|[—–]\s?[^—–()\n]{{1,60}}\(@\w{{1,30}}\)(?:\s*(?:{}))?)",
        date_src()
    ))
    .expect("inline embed")
});

/// Cut embed leftovers out of a kept line; returns the rest and the cut pieces.
fn strip_inline_embeds(t: &str) -> (String, Vec<String>) {
    if !INLINE_EMBED.is_match(t) {
        return (t.to_string(), Vec::new());
    }
    let cut: Vec<String> = INLINE_EMBED
        .find_iter(t)
        .map(|m| m.as_str().trim().to_string())
        .collect();
    let rest = INLINE_EMBED.replace_all(t, "");
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    (rest, cut)
}

/// A parenthesised photo credit inside a line: `(Foto: Name/Agentur)`.
static INLINE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s*[(\[](?:bild|foto|fotos|bilder|grafik|image|photo|picture)\s*:[^)\]]{0,200}[)\]]",
    )
    .expect("inline credit")
});

/// A prose paragraph that merely carries a photo credit: at least 20 words and a sentence end
/// remain once the credit is cut. Returns the prose and the cut credits.
fn prose_with_credit(t: &str) -> Option<(String, Vec<String>)> {
    if !INLINE_CREDIT.is_match(t) {
        return None;
    }
    let rest = INLINE_CREDIT.replace_all(t, "");
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence_end = rest.contains(". ") || rest.ends_with(['.', '!', '?', '“', '"']);
    if rest.split_whitespace().count() < 20 || !sentence_end || CAPTION.is_match(&rest) {
        return None;
    }
    let cut = INLINE_CREDIT
        .find_iter(t)
        .map(|m| m.as_str().trim().to_string())
        .collect();
    Some((rest, cut))
}

/// Metadata carried by a removed line.
fn gather(t: &str, kind: BoilerplateKind, out: &mut Cleaned) {
    match kind {
        BoilerplateKind::Furniture => {
            let whole = [t];
            let parts: Vec<&str> = if STAMP_LINE.is_match(t) {
                whole.to_vec()
            } else {
                segments(t).collect()
            };
            for seg in parts {
                if let Some(stamp) = stamp_of(seg) {
                    out.stamps.push(stamp);
                } else if let Some(a) = byline_authors(seg) {
                    out.authors.extend(a);
                }
            }
        }
        BoilerplateKind::Video if VIDEO_LINE.is_match(t) => {
            if let Some((date, _)) = parse_date_time(t) {
                out.stamps.push(Stamp {
                    date,
                    time: None,
                    published_label: false,
                });
            }
        }
        BoilerplateKind::Embed => {
            if let Some(c) = EMBED_DATE.captures(t) {
                out.weak_dates.extend(date_from_caps(&c));
            }
        }
        BoilerplateKind::SourceFooter => {
            if let Some(c) = FOOTER.captures(t) {
                if let Some(q) = c.name("q") {
                    out.credits.extend(credit_tokens(q.as_str(), true));
                } else if let Some(m) = c.name("m") {
                    out.credits.extend(credit_tokens(m.as_str(), false));
                }
            } else {
                out.credits.extend(credit_tokens(t, false));
            }
        }
        _ => {}
    }
}

/// The stamp a pure date/time line carries.
fn stamp_of(t: &str) -> Option<Stamp> {
    let c = STAMP_LINE.captures(t)?;
    let date = date_from_caps(&c)?;
    let time = match (c.name("hh"), c.name("mm")) {
        (Some(h), Some(m)) => clock(h.as_str(), m.as_str(), c.name("ampm").map(|x| x.as_str())),
        _ => None,
    };
    let label = c.name("label").map(|l| l.as_str().to_lowercase());
    Some(Stamp {
        date,
        time,
        published_label: matches!(
            label.as_deref(),
            Some("veröffentlicht" | "erstellt" | "erschienen" | "published" | "posted")
        ),
    })
}

/// The date and time of a short line that is only a stamp labelled as the publication
/// (`Veröffentlicht am 12.08.2026, 14:05 Uhr`, `Published: 12 August 2026, 14:05 BST`).
pub(crate) fn publication_stamp(line: &str) -> Option<(String, Option<String>)> {
    stamp_of(line.trim())
        .filter(|s| s.published_label)
        .map(|s| (s.date, s.time))
}

/// Choose the publication date among stamps: a stamp labelled as the publication wins;
/// otherwise the latest date that lies at most two days after the median of all stamps
/// (so one stray future date — a teaser for a later broadcast, a typo — does not win).
fn choose_stamp(stamps: &[Stamp]) -> Option<&Stamp> {
    if let Some(s) = stamps.iter().find(|s| s.published_label) {
        return Some(s);
    }
    let mut dates: Vec<&str> = stamps.iter().map(|s| s.date.as_str()).collect();
    dates.sort_unstable();
    let median = dates.get((dates.len().saturating_sub(1)) / 2)?;
    let limit = add_days(median, 2)?;
    let best = stamps
        .iter()
        .filter(|s| s.date.as_str() <= limit.as_str())
        .map(|s| s.date.as_str())
        .max()?;
    // Among stamps of that date, prefer one that carries a time.
    stamps
        .iter()
        .filter(|s| s.date == best)
        .max_by_key(|s| s.time.is_some())
}

/// `YYYY-MM-DD` plus `n` days.
fn add_days(date: &str, n: i64) -> Option<String> {
    Date::parse(date).map(|d| d.add_days(n).iso())
}

/// Credits named inside kept paragraphs: `(dpa)` datelines and `DOW JONES--` slugs (the slug
/// is cut from the paragraph and recorded).
fn text_credits(paragraphs: &mut [String], credits: &mut Vec<String>, removed: &mut Vec<Removed>) {
    for p in paragraphs.iter_mut() {
        if let Some(c) = WIRE_SLUG.captures(p) {
            let slug = c.name("a").map_or("", |m| m.as_str());
            if let Some(a) = agency(slug) {
                credits.push(a.to_string());
                let end = c.get(0).map_or(0, |m| m.end());
                removed.push(Removed {
                    kind: BoilerplateKind::SourceFooter,
                    text: p[..end].trim().to_string(),
                });
                *p = p[end..].to_string();
            }
        }
        for c in PAREN_CREDIT.captures_iter(p) {
            let inner = &c[1];
            let toks: Vec<&str> = inner.split(['/', ',']).map(str::trim).collect();
            let known: Vec<&'static str> = toks.iter().filter_map(|t| agency(t)).collect();
            // Every token an agency, or agencies plus short lower-case desk codes (`dpa/lno`).
            let all_ok = toks.iter().all(|t| {
                agency(t).is_some()
                    || (t.len() <= 4 && t.chars().all(|c| c.is_lowercase() || c == '.'))
            });
            if !known.is_empty() && all_ok {
                credits.extend(known.iter().map(|s| s.to_string()));
            }
        }
    }
}

/// Hex FNV-1a (128 bit) of the normalised text: lower-cased, whitespace collapsed.
pub fn text_hash(text: &str) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut h = OFFSET;
    let mut first = true;
    for word in text.split_whitespace() {
        if !first {
            h = (h ^ u128::from(b' ')).wrapping_mul(PRIME);
        }
        first = false;
        for c in word.chars().flat_map(char::to_lowercase) {
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                h = (h ^ u128::from(b)).wrapping_mul(PRIME);
            }
        }
    }
    format!("{h:032x}")
}

/// First sentence of a paragraph (at most 200 characters), as a fallback title.
fn first_sentence(p: &str) -> String {
    static END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[.!?][“”\x22»«]?\s+\p{Lu}").expect("end"));
    let cut = END.find(p).map_or(p.len(), |m| m.start() + 1);
    let s = &p[..cut];
    if s.chars().count() <= 200 {
        s.trim().to_string()
    } else {
        let t: String = s.chars().take(200).collect();
        match t.rfind(' ') {
            Some(i) => format!("{}…", &t[..i]),
            None => t,
        }
    }
}

/// Remove duplicates keeping the first occurrence.
fn dedup(v: &mut Vec<String>) {
    let mut seen = std::collections::BTreeSet::new();
    v.retain(|x| seen.insert(x.clone()));
}

/// Turn a reader's draft into a cleaned article with metadata, language and hash.
pub fn finish(draft: Draft) -> Article {
    let lines = unwrap_lines(&draft.body);
    let mut c = clean_lines(&lines);
    let mut title = draft
        .title
        .as_deref()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    // A title that is itself a byline, stamp or embed line is furniture, not a headline.
    if let Some(t) = title.clone() {
        if let Some(kind) = classify(&t, false).filter(|k| {
            matches!(
                k,
                BoilerplateKind::Furniture | BoilerplateKind::Video | BoilerplateKind::Embed
            )
        }) {
            title = None;
            if let Some(authors) = byline_authors(&t) {
                c.authors.extend(authors);
                c.paragraphs.insert(0, t);
            } else {
                gather(&t, kind, &mut c);
                c.removed.insert(0, Removed { kind, text: t });
            }
        }
    }
    let mut credits = Vec::new();
    text_credits(&mut c.paragraphs, &mut credits, &mut c.removed);
    credits.append(&mut c.credits);
    c.paragraphs.retain(|p| !p.trim().is_empty());
    if let Some(t) = &title {
        if c.paragraphs.first().map(|p| p.trim()) == Some(t.as_str()) {
            c.paragraphs.remove(0);
        }
    }
    let title_text = match &title {
        Some(t) => t.clone(),
        None => c
            .paragraphs
            .iter()
            .find(|p| byline_authors(p).is_none())
            .map(|p| first_sentence(p))
            .unwrap_or_default(),
    };
    let mut text = String::new();
    if title.is_some() {
        text.push_str(&title_text);
    }
    for p in &c.paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(p);
    }

    // Publication date and time: declared, else the article's own stamps, else weak hints.
    let declared = draft.published.as_deref().and_then(parse_date_time);
    let (published, mut published_time) = match declared {
        Some((d, t)) => (Some(d), t),
        None => match choose_stamp(&c.stamps) {
            Some(s) => (Some(s.date.clone()), s.time.clone()),
            None => {
                let dateline = c
                    .paragraphs
                    .first()
                    .and_then(|p| p.get(..p.len().min(160)).or(Some(p.as_str())))
                    .and_then(|head| ANY_DATE.captures(head).and_then(|cap| date_from_caps(&cap)));
                let mut weak = c.weak_dates.clone();
                weak.sort();
                (dateline.or_else(|| weak.last().cloned()), None)
            }
        },
    };
    if let Some(t) = draft.published_time.clone() {
        published_time = Some(t);
    }

    let mut authors = draft.authors.clone();
    authors.extend(c.authors);
    dedup(&mut authors);
    dedup(&mut credits);

    let outlet = draft
        .outlet
        .clone()
        .filter(|o| !o.trim().is_empty())
        .or_else(|| draft.url.as_deref().and_then(host_outlet));
    let language = match lang::detect(&text) {
        Some(l) => l.to_string(),
        None => draft
            .language
            .clone()
            .map(|l| l.chars().take(2).collect::<String>().to_lowercase())
            .filter(|l| l.len() == 2)
            .unwrap_or_else(|| "und".to_string()),
    };
    let hash = text_hash(&text);
    Article {
        id: draft.id,
        title: title_text,
        published,
        published_time,
        outlet,
        url: draft.url,
        authors,
        credits,
        language,
        text,
        removed: c.removed,
        teaser: draft.teaser,
        source: draft.source,
        hash,
    }
}

/// Outlet from a URL's host: `https://www.example-zeitung.de/a/b` → `example-zeitung.de`.
pub fn host_outlet(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?.to_lowercase();
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .unwrap_or(&host);
    (host.contains('.') && !host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(title: &str, body: &str) -> Draft {
        Draft {
            id: "t".into(),
            source: "test".into(),
            title: Some(title.into()),
            body: body.into(),
            ..Default::default()
        }
    }

    fn kinds(a: &Article, kind: BoilerplateKind) -> Vec<&str> {
        a.removed
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.text.as_str())
            .collect()
    }

    const PORTAL: &str = "Hochwasser an der Oder

Innenpolitik
14.03.2024 07:45
Sandsäcke am Ufer
Sandsäcke am Ufer(Bild: APA/HANS MUSTER)

Die Stadt Frankfurt (Oder) hat in der Nacht den Katastrophenfall ausgerufen, nachdem der Pegel der Oder binnen weniger Stunden um fast einen Meter gestiegen war. Die Feuerwehr war mit mehr als zweihundert Kräften im Einsatz.

Foto: Erika Beispiel/dpa

Der Bürgermeister sagte, man sei auf das Schlimmste vorbereitet. Die Schulen bleiben geschlossen.

Deichschau am Morgen
Helfer prüfen den Deich bei Lebus. Die Lage bleibt angespannt.
13.03.2024 | 2:14 min

Am Vormittag soll der Krisenstab erneut zusammenkommen. Weitere Regenfälle werden erwartet.
Alles zum Hochwasser lesen Sie in unserem Liveblog:
Hochwasser im Osten
:Alle Entwicklungen im Ticker
Quelle: dpa, AFP, rbb
";

    #[test]
    fn portal_article_is_cleaned() {
        let a = finish(draft("Katastrophenfall", PORTAL));
        assert!(a
            .text
            .starts_with("Katastrophenfall\n\nHochwasser an der Oder\n\nDie Stadt"));
        for gone in [
            "(Bild:",
            "Foto:",
            "2:14 min",
            "Liveblog",
            "Quelle:",
            "Innenpolitik",
        ] {
            assert!(!a.text.contains(gone), "{gone} survived:\n{}", a.text);
        }
        assert!(a.text.contains("Der Bürgermeister sagte"));
        assert!(a.text.contains("Am Vormittag soll der Krisenstab"));
        assert_eq!(a.published.as_deref(), Some("2024-03-14"));
        assert_eq!(a.published_time.as_deref(), Some("07:45"));
        assert_eq!(a.credits, ["dpa", "AFP"]);
        assert_eq!(kinds(&a, BoilerplateKind::Caption).len(), 3);
        assert!(kinds(&a, BoilerplateKind::Video).contains(&"13.03.2024 | 2:14 min"));
        assert!(kinds(&a, BoilerplateKind::Video).contains(&"Deichschau am Morgen"));
        assert_eq!(a.language, "de");
    }

    #[test]
    fn long_video_description_stays() {
        let body = "Der Rat tagte bis in die Nacht.\n\nBürgerversammlung\n\nIm Gespräch erklärt Reporterin Jana Beispiel, warum die Entscheidung über das neue Stadion erneut vertagt wurde.\n\n04.06.2024 | 2:10 min\n\nDie Abstimmung soll im Juli folgen.";
        let a = finish(draft("Stadion vertagt", body));
        assert!(a.text.contains("Reporterin Jana Beispiel"), "{}", a.text);
        assert!(!a.text.contains("2:10 min"));
        assert_eq!(kinds(&a, BoilerplateKind::Video), ["04.06.2024 | 2:10 min"]);
    }

    #[test]
    fn photo_credit_cut_from_prose_paragraph() {
        let body = "Am Ufer des Sees wurden in diesem Winter deutlich mehr tote Wasservögel gefunden als in den Jahren zuvor. Die Behörden vermuten eine Seuche und haben Proben genommen (Foto: Max Muster/Agentur)\n\nSandsäcke am Deich (Foto: Max Muster)";
        let a = finish(draft("Tote Vögel am See", body));
        assert!(a.text.contains("haben Proben genommen"), "{}", a.text);
        assert!(!a.text.contains("Foto:"));
        assert!(!a.text.contains("Sandsäcke"));
        assert_eq!(kinds(&a, BoilerplateKind::Caption).len(), 2);
    }

    #[test]
    fn inline_embed_cut_from_long_line() {
        let body = "Der Verein hat am Wochenende seinen neuen Trainer vorgestellt, der die Mannschaft ab sofort betreuen soll und einen Vertrag bis zum Sommer erhalten hat. Willkommen! pic.twitter.com/Xy12Ab — FC Beispiel (@fcbeispiel) 4. Mai 2024 Der Trainer kommt aus der zweiten Liga und gilt als Taktiker, der junge Spieler fördert.";
        let a = finish(draft("Neuer Trainer", body));
        assert!(
            a.text.contains("Willkommen! Der Trainer kommt"),
            "{}",
            a.text
        );
        assert!(!a.text.contains("pic.twitter"));
        assert!(!a.text.contains("@fcbeispiel"));
        assert_eq!(kinds(&a, BoilerplateKind::Embed).len(), 2);
        assert_eq!(a.published.as_deref(), Some("2024-05-04"));
    }

    #[test]
    fn paragraph_after_standalone_teaser_stays() {
        let body = "Die Straße bleibt bis Freitag gesperrt, teilte das Bauamt am Montag mit. Umleitungen sind ausgeschildert und führen über die Nordstadt.\n\nLiveblog: Alle Entwicklungen zur Baustelle\n\nDer Ortsbeirat will die Lage am Donnerstag erneut beraten.\n\nQuelle: dpa";
        let a = finish(draft("Straße gesperrt", body));
        assert!(a.text.contains("Der Ortsbeirat will"), "{}", a.text);
        assert!(!a.text.contains("Liveblog"));
        assert!(!a.text.contains("Quelle"));
    }

    #[test]
    fn embed_leftovers_removed_and_dated() {
        let body = "Der Minister äußerte sich am Abend im Netz zu dem Vorfall und kündigte Konsequenzen an, die noch in dieser Woche folgen sollen.
Wir handeln jetzt. pic.twitter.com/AbCdEf1234
— Max Mustermann (@maxmuster) March 5, 2024
Die Opposition reagierte mit Kritik auf die Ankündigung des Ministers.";
        let a = finish(draft("Minister kündigt Konsequenzen an", body));
        assert!(!a.text.contains("pic.twitter.com"));
        assert!(!a.text.contains("@maxmuster"));
        assert_eq!(kinds(&a, BoilerplateKind::Embed).len(), 2);
        assert_eq!(a.published.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn byline_authors_and_agency_slug() {
        let d = Draft {
            id: "x".into(),
            title: None,
            body: "Von Anna Beispiel, Jonas de Vries und Lea Muster\n\nREUTERS--Die Zentralbank hat den Leitzins überraschend gesenkt. Analysten hatten damit nicht gerechnet.".into(),
            ..Default::default()
        };
        let a = finish(d);
        assert_eq!(a.authors, ["Anna Beispiel", "Jonas de Vries", "Lea Muster"]);
        assert_eq!(a.credits, ["Reuters"]);
        assert!(a
            .text
            .starts_with("Von Anna Beispiel, Jonas de Vries und Lea Muster\n\nDie Zentralbank"));
        assert_eq!(
            a.title,
            "Die Zentralbank hat den Leitzins überraschend gesenkt."
        );
    }

    #[test]
    fn dateline_credits() {
        let a = finish(draft(
            "Streik bei der Bahn",
            "Berlin (dpa/AFP) - Die Gewerkschaft hat zu einem Warnstreik aufgerufen.\n\nMit Material von Reuters",
        ));
        assert_eq!(a.credits, ["dpa", "AFP", "Reuters"]);
        assert!(!a.text.contains("Mit Material"));
    }

    #[test]
    fn stamp_choice_ignores_stray_future_date() {
        let s = |d: &str| Stamp {
            date: d.into(),
            time: None,
            published_label: false,
        };
        let stamps = [
            s("2025-06-02"),
            s("2025-06-03"),
            s("2025-06-03"),
            s("2025-09-30"),
        ];
        assert_eq!(choose_stamp(&stamps).unwrap().date, "2025-06-03");
        let one = [s("2024-12-31")];
        assert_eq!(choose_stamp(&one).unwrap().date, "2024-12-31");
        assert_eq!(add_days("2024-12-31", 2).unwrap(), "2025-01-02");
        assert_eq!(add_days("2024-02-28", 1).unwrap(), "2024-02-29");
    }

    #[test]
    fn date_forms() {
        let p = |s: &str| parse_date_time(s);
        // (as written, date, time), English clock times with am/pm among them
        for (written, date, time) in [
            ("2025-12-03T10:15:00+01:00", "2025-12-03", "10:15"),
            ("Tue, 02 Dec 2025 18:30:00 +0100", "2025-12-02", "18:30"),
            ("3. Dezember 2025, 9.05 Uhr", "2025-12-03", "09:05"),
            ("December 19, 2025 4:40 p.m. ET", "2025-12-19", "16:40"),
            ("19 December 2025, 12:15am", "2025-12-19", "00:15"),
        ] {
            assert_eq!(
                p(written),
                Some((date.into(), Some(time.into()))),
                "{written}"
            );
        }
        assert_eq!(p("März 7, 2024").unwrap().0, "2024-03-07");
        assert_eq!(
            publication_stamp("Published: 12 August 2026, 2:05 PM BST"),
            Some(("2026-08-12".into(), Some("14:05".into())))
        );
        assert_eq!(p("07.03.24").unwrap().0, "2024-03-07");
        assert!(p("32.13.2024").is_none());
        assert!(p("kein Datum").is_none());
    }

    #[test]
    fn labelled_publication_stamp_wins() {
        let a = finish(draft(
            "Neue Brücke eröffnet",
            "Veröffentlicht am 10.05.2023, 08:00 Uhr\nAktualisiert am 12.05.2023, 17:30 Uhr\n\nDie neue Brücke über den Fluss ist seit heute für den Verkehr freigegeben.",
        ));
        assert_eq!(a.published.as_deref(), Some("2023-05-10"));
        assert_eq!(a.published_time.as_deref(), Some("08:00"));
        assert_eq!(kinds(&a, BoilerplateKind::Furniture).len(), 2);
    }

    #[test]
    fn teaser_lines_versus_sentences() {
        assert_eq!(classify("Newsletter", false), Some(BoilerplateKind::Teaser));
        assert_eq!(
            classify("Hier können Sie unseren Newsletter abonnieren", false),
            Some(BoilerplateKind::Teaser)
        );
        assert_eq!(
            classify(
                "Der Newsletter der Stadt erscheint künftig wöchentlich.",
                false
            ),
            None
        );
        assert_eq!(
            classify("Lesen Sie auch: Warum die Mieten steigen", false),
            Some(BoilerplateKind::Teaser)
        );
        assert_eq!(
            classify("Dieser Artikel wurde um 18.40 Uhr aktualisiert.", false),
            Some(BoilerplateKind::Teaser)
        );
    }

    #[test]
    fn byline_with_stamp_on_one_line() {
        let a = finish(draft(
            "Rathaus saniert",
            "Ein Kommentar von Petra Probe | 21.09.2022, 18:05 Uhr\n\nDas Rathaus wird für zwölf Millionen Euro saniert, und das ist gut so.",
        ));
        assert_eq!(a.authors, ["Petra Probe"]);
        assert_eq!(a.published.as_deref(), Some("2022-09-21"));
        assert_eq!(a.published_time.as_deref(), Some("18:05"));
        assert!(a.text.ends_with("und das ist gut so."));
    }

    #[test]
    fn sentences_starting_with_von_are_not_bylines() {
        assert!(byline_authors("Von den Grünen kam scharfe Kritik.").is_none());
        assert!(byline_authors("Von Berlin aus").is_none());
        assert_eq!(
            byline_authors("By Jane Doe and John Roe").unwrap(),
            ["Jane Doe", "John Roe"]
        );
    }

    #[test]
    fn hash_is_stable_and_normalised() {
        assert_eq!(
            text_hash("Die  Stadt\nwächst"),
            text_hash("die stadt WÄCHST")
        );
        assert_ne!(text_hash("a b"), text_hash("ab"));
        assert_eq!(text_hash("").len(), 32);
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let body = "Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen, den\nBusverkehr in der Innenstadt ab dem kommenden Jahr deutlich auszubauen und\ndie Takte zu verdichten. Die Kosten trägt zum größten Teil das Land.\n\nKritik kam von der Opposition, die eine solide Finanzierung vermisst und\neine Bürgerbefragung fordert, bevor weitere Mittel bewilligt werden sollen.\nDie Verwaltung will bis Ende des Monats einen Zeitplan vorlegen lassen.";
        let a = finish(draft("Mehr Busse", body));
        assert_eq!(a.text.matches("\n\n").count(), 2, "{}", a.text);
    }

    #[test]
    fn outlet_from_url() {
        assert_eq!(
            host_outlet("https://www.beispiel-zeitung.de/politik/a.html").as_deref(),
            Some("beispiel-zeitung.de")
        );
        assert_eq!(host_outlet("nonsense"), None);
    }
}
