//! Quote-aware segmentation: tokens, quotation-mark regions and sentences.
//!
//! Works in byte offsets of the article text; the caller converts to char offsets.

/// Class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters or digits (with inner hyphens, apostrophes, dots of `u.a.`).
    Word,
    /// One punctuation character.
    Punct(char),
    /// An opening quotation mark.
    Open,
    /// A closing quotation mark.
    Close,
    /// A line break.
    Newline,
}

/// One token.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte start.
    pub s: usize,
    /// Byte end.
    pub e: usize,
    /// Class.
    pub kind: Kind,
    /// Lowercase text.
    pub lower: String,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Index of the top-level quotation region that contains it (marks included).
    pub region: Option<usize>,
}

impl Tok {
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// A top-level passage between quotation marks.
#[derive(Debug, Clone)]
pub struct Region {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark (or the paragraph end when unclosed).
    pub close: usize,
    /// Content start (after the opening mark).
    pub inner_start: usize,
    /// Content end (before the closing mark).
    pub inner_end: usize,
}

/// What a quotation mark can do.
fn expected_closers(open: char) -> &'static [char] {
    match open {
        '„' => &['“', '”'],
        '‚' => &['‘', '’'],
        '»' => &['«'],
        '«' => &['»'],
        '›' => &['‹'],
        '‹' => &['›'],
        '“' => &['”'],
        '‘' => &['’'],
        '"' => &['"'],
        _ => &[],
    }
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '„' | '‚' | '»' | '«' | '›' | '‹' | '“' | '”' | '‘' | '’' | '"'
    )
}

/// Find top-level quotation regions; nested quotes stay inside their outer region. Quotes
/// left open at a paragraph end continue when the next paragraph opens with the same mark
/// (the German convention for multi-paragraph quotes), else they end with the paragraph.
pub fn regions(text: &str) -> Vec<Region> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut skip_opener_at: Option<usize> = None;
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let (b, c) = chars[i];
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let next = chars.get(i + 1).map(|x| x.1);
        if c == '\n' {
            if let Some(&(first, ob)) = stack.first() {
                // Look at the first non-space char of the next non-empty line.
                let mut j = i + 1;
                while j < n && chars[j].1.is_whitespace() {
                    j += 1;
                }
                let same_mark = j < n && chars[j].1 == first;
                if same_mark && (first != '"' || stack.len() == 1) {
                    skip_opener_at = Some(j);
                } else {
                    // Unclosed: the quote ends with its paragraph.
                    let mut end = b;
                    while end > ob && text[..end].ends_with(|ch: char| ch.is_whitespace()) {
                        end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
                    }
                    out.push(Region {
                        open: ob,
                        close: end,
                        inner_start: ob + first.len_utf8(),
                        inner_end: end,
                    });
                    stack.clear();
                }
            }
            i += 1;
            continue;
        }
        if skip_opener_at == Some(i) {
            skip_opener_at = None;
            i += 1;
            continue;
        }
        if !is_mark(c) {
            i += 1;
            continue;
        }
        let prev_space = prev.is_none_or(|p| p.is_whitespace() || "([{–—-/".contains(p));
        let next_alnum = next.is_some_and(|x| x.is_alphanumeric());
        let next_space = next.is_none_or(|x| x.is_whitespace());
        // Closing the innermost open quote?
        if let Some(&(top, _)) = stack.last() {
            let closes = expected_closers(top).contains(&c)
                && !(c == '’' && next_alnum && prev.is_some_and(char::is_alphanumeric));
            if closes && !(c == '"' && prev_space && !next_space) {
                let (open_c, ob) = stack.pop().unwrap_or((top, b));
                if stack.is_empty() {
                    out.push(Region {
                        open: ob,
                        close: b + c.len_utf8(),
                        inner_start: ob + open_c.len_utf8(),
                        inner_end: b,
                    });
                }
                i += 1;
                continue;
            }
        }
        let opens = match c {
            '„' | '‚' => true,
            '»' | '«' | '›' | '‹' | '“' | '"' => !next_space && (prev_space || !next_alnum),
            '‘' => prev_space && !next_space,
            _ => false,
        };
        if opens && stack.len() < 8 {
            stack.push((c, b));
        }
        i += 1;
    }
    if let Some(&(first, ob)) = stack.first() {
        let end = text.trim_end().len().max(ob + first.len_utf8());
        out.push(Region {
            open: ob,
            close: end,
            inner_start: ob + first.len_utf8(),
            inner_end: end,
        });
    }
    out.sort_by_key(|r| r.open);
    out
}

/// Tokens of the text, each knowing its top-level quotation region.
pub fn tokens(text: &str, regions: &[Region]) -> Vec<Tok> {
    let mut out = Vec::new();
    // Byte offsets of closing marks (regions closed by a mark, not by a paragraph end).
    let mut closes: Vec<usize> = regions
        .iter()
        .filter(|r| r.close > r.inner_end)
        .map(|r| r.inner_end)
        .collect();
    closes.sort_unstable();
    let mut it = text.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if c == '\n' {
            out.push(tok(text, b, b + 1, Kind::Newline));
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut e = b + c.len_utf8();
            while let Some(&(b2, c2)) = it.peek() {
                if c2.is_alphanumeric() {
                    e = b2 + c2.len_utf8();
                    it.next();
                    continue;
                }
                // A separator inside a number: `1,200`, `1.000`, `3,5`.
                if matches!(c2, ',' | '.') && c.is_ascii_digit() {
                    let after = text[b2 + 1..].chars().next();
                    if after.is_some_and(|x| x.is_ascii_digit())
                        && text[b..b2]
                            .chars()
                            .all(|x| x.is_ascii_digit() || x == ',' || x == '.')
                    {
                        e = b2 + 1;
                        it.next();
                        continue;
                    }
                }
                // Inner hyphen or apostrophe joining letters: `Kreml-Berater`, `geht’s`.
                if matches!(c2, '-' | '\'' | '’' | '‐') {
                    let after = text[b2 + c2.len_utf8()..].chars().next();
                    if after.is_some_and(char::is_alphanumeric) {
                        e = b2 + c2.len_utf8();
                        it.next();
                        continue;
                    }
                    // The hyphen of a shortened compound: `Staats- und Regierungschefs`.
                    let rest = text[b2 + c2.len_utf8()..].trim_start();
                    let shortened = ["und ", "oder ", "bzw. ", "sowie ", "bis "]
                        .iter()
                        .any(|w| rest.starts_with(w));
                    if c2 == '-' && shortened {
                        e = b2 + 1;
                        it.next();
                    }
                }
                break;
            }
            // `W.s Anwalt`: the genitive of a name cut to its initial is one word
            if e == b + c.len_utf8()
                && c.is_uppercase()
                && text[e..].starts_with(".s")
                && !text[e + 2..].starts_with(char::is_alphanumeric)
            {
                e += 2;
                it.next();
                it.next();
            }
            out.push(tok(text, b, e, Kind::Word));
            continue;
        }
        let kind = if is_mark(c) {
            if regions.binary_search_by_key(&b, |r| r.open).is_ok() {
                Kind::Open
            } else if closes.binary_search(&b).is_ok() {
                Kind::Close
            } else {
                Kind::Punct(c)
            }
        } else {
            Kind::Punct(c)
        };
        out.push(tok(text, b, b + c.len_utf8(), kind));
    }
    let mut ri = 0;
    for t in &mut out {
        while ri < regions.len() && regions[ri].close <= t.s {
            ri += 1;
        }
        if ri < regions.len() && regions[ri].open <= t.s && t.e <= regions[ri].close {
            t.region = Some(ri);
        }
    }
    out
}

fn tok(text: &str, s: usize, e: usize, kind: Kind) -> Tok {
    let w = &text[s..e];
    Tok {
        s,
        e,
        kind,
        lower: w.to_lowercase(),
        cap: is_capitalised(w),
        region: None,
    }
}

/// A word written with a capital: its first letter, or the first after a number joined by a
/// hyphen, which makes a noun (`54-Jährige`, `28-Punkte-Plan`).
fn is_capitalised(w: &str) -> bool {
    let head = match w.split_once('-') {
        Some((num, rest)) if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => w,
    };
    head.chars().next().is_some_and(char::is_uppercase)
}

const ABBREVIATIONS: &[&str] = &[
    "z", "b", "dr", "prof", "nr", "bzw", "ca", "etc", "usw", "vgl", "mio", "mrd", "st", "u", "a",
    "jh", "inkl", "ggf", "evtl", "sog", "ehem", "hl", "str", "tel", "abs", "art", "bspw", "min",
    "max", "mind", "gegr", "geb", "gest", "jr", "sr", "co", "vs", "dt", "ff", "zb", "ua", "chr",
    "s", "o", "v", "d", "h", "rd", "mr", "mrs", "jan", "feb", "febr", "aug", "sept", "okt", "nov",
    "dez", "bd", "kap",
];

const MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// Sentence boundaries as token ranges `[a, b)`. A boundary never falls inside a quotation
/// region; lines always end a sentence unless a quote runs on across them. `starts` (token
/// indices where a sentence must start, e.g. from the tokenizer) may be given; without it the
/// built-in rules decide.
pub fn sentences(toks: &[Tok], starts: Option<&[usize]>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = 0;
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        let mut brk_after = false;
        if t.kind == Kind::Newline && t.region.is_none() {
            if a < i {
                out.push((a, i));
            }
            a = i + 1;
            i += 1;
            continue;
        }
        if let Some(starts) = starts {
            if i + 1 < n
                && starts.binary_search(&(i + 1)).is_ok()
                && (toks[i + 1].region.is_none() || toks[i + 1].kind == Kind::Open)
                && (t.region.is_none() || t.kind == Kind::Close)
            {
                brk_after = true;
            }
        } else if t.region.is_none() && matches!(t.kind, Kind::Punct('.' | '!' | '?')) {
            brk_after = ends_sentence(toks, i);
        } else if t.kind == Kind::Close && i > 0 {
            // `… gut.“ Dann` — a quote that ends its sentence.
            let before = &toks[i - 1];
            if matches!(before.kind, Kind::Punct('.' | '!' | '?')) {
                brk_after = toks
                    .get(i + 1)
                    .is_some_and(|nx| (nx.is_word() && nx.cap) || nx.kind == Kind::Open);
            }
        }
        if brk_after {
            out.push((a, i + 1));
            a = i + 1;
        }
        i += 1;
    }
    if a < n {
        out.push((a, n));
    }
    out
}

fn ends_sentence(toks: &[Tok], i: usize) -> bool {
    let Some(next) = toks.get(i + 1) else {
        return true;
    };
    if next.kind == Kind::Newline {
        return true;
    }
    if toks[i].kind != Kind::Punct('.') {
        return next.cap || next.kind == Kind::Open || !next.is_word();
    }
    if !(next.is_word() && next.cap) && next.kind != Kind::Open {
        return false;
    }
    if i > 0 {
        let prev = &toks[i - 1];
        if prev.is_word() {
            if ABBREVIATIONS.contains(&prev.lower.as_str()) {
                return false;
            }
            if prev.lower.chars().all(|c| c.is_ascii_digit()) {
                let small = prev.lower.len() <= 2;
                return !(small || MONTHS.contains(&next.lower.as_str()));
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region_texts(t: &str) -> Vec<&str> {
        regions(t)
            .iter()
            .map(|r| &t[r.inner_start..r.inner_end])
            .collect()
    }

    #[test]
    fn all_mark_styles() {
        assert_eq!(
            region_texts("Er sagte „Ja“ und »Nein« und «Gut»."),
            ["Ja", "Nein", "Gut"]
        );
        assert_eq!(
            region_texts("A \"eins\" B ‚zwei‘ C “drei” D"),
            ["eins", "zwei", "drei"]
        );
    }

    #[test]
    fn nested_and_multi_paragraph() {
        let t = "„Er nannte das ‚absurd‘, wir nicht.“ Danach";
        assert_eq!(region_texts(t), ["Er nannte das ‚absurd‘, wir nicht."]);
        let t = "„Erster Absatz.\n„Zweiter Absatz.“\nNicht mehr.";
        assert_eq!(region_texts(t), ["Erster Absatz.\n„Zweiter Absatz."]);
        let t = "„Offen bis zum Ende\nNeuer Absatz.";
        assert_eq!(region_texts(t), ["Offen bis zum Ende"]);
        assert!(region_texts("Das geht’s nicht an.").is_empty());
    }

    #[test]
    fn sentence_rules() {
        let t = "Am 3. Dezember kam Dr. Meier. „Wir sind froh. Sehr froh“, sagte er. Dann ging er.";
        let r = regions(t);
        let toks = tokens(t, &r);
        let s: Vec<&str> = sentences(&toks, None)
            .iter()
            .map(|&(a, b)| &t[toks[a].s..toks[b - 1].e])
            .collect();
        assert_eq!(
            s,
            [
                "Am 3. Dezember kam Dr. Meier.",
                "„Wir sind froh. Sehr froh“, sagte er.",
                "Dann ging er."
            ]
        );
    }
}
