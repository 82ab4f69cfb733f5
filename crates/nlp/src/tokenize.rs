//! Sentence and token segmentation for German (and English) news text.
//!
//! [`tokens`] is a fast, allocation-free token iterator; [`sentences`] groups its tokens into
//! sentences. Both report char offsets (Unicode scalar values), as every annotation does.
//!
//! What a token is:
//! - words, with inner hyphens and apostrophes (`Kreml-Berater`, `geht's`), a trailing hyphen
//!   of a shortened compound (`US-` in `US- und EU-Vertreter`), and the full stop of a known
//!   abbreviation (`Dr.`, `bzw.`), of an initial (`J.`) or of a dotted abbreviation (`z.B.`,
//!   `u.a.`, `e.V.`);
//! - numbers with inner separators (`1.000`, `3,5`, `14:30`, `14.00`, `02.12.2025`), compounds
//!   (`28-Punkte-Plan`), and ordinal dots (`3. Dezember`, `19. Jh.`);
//! - punctuation, one mark a token, except runs of `.`, `!`, `?` (`...`, `?!`);
//! - URLs, e-mail addresses and handles as one token of kind [`TokenKind::Other`].
//!
//! A sentence ends after `.`, `!`, `?`, `…` (and any closing quotes or brackets right after
//! them) unless a lower-case word, a comma or similar follows; it also ends at a blank line
//! and at a line break (headlines, paragraphs) unless the line clearly runs on.

use crate::Annotator;
use lagebild_model::{AnnotatedArticle, Sentence, Span, Token, TokenKind};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Splits text into sentences and tokens.
pub struct Segmenter;

impl Annotator for Segmenter {
    fn annotate(&self, doc: &mut AnnotatedArticle) {
        doc.sentences = sentences(&doc.article.text);
    }
}

struct Lexicon {
    abbrev: HashSet<String>,
    abbrev_final: HashSet<String>,
    ordinal_before: HashSet<String>,
    ordinal_after: HashSet<String>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut abbrev = HashSet::new();
        let mut abbrev_final = HashSet::new();
        for line in data_lines(include_str!("../resources/de/abbreviations.txt")) {
            if let Some(w) = line.strip_prefix('!') {
                abbrev.insert(w.to_string());
                abbrev_final.insert(w.to_string());
            } else {
                abbrev.insert(line.to_string());
            }
        }
        let mut ordinal_before = HashSet::new();
        let mut ordinal_after = HashSet::new();
        let mut section = "";
        for line in data_lines(include_str!("../resources/de/ordinal_context.txt")) {
            if line.starts_with('[') {
                section = line;
            } else if section == "[before]" {
                ordinal_before.insert(line.to_string());
            } else {
                ordinal_after.insert(line.to_string());
            }
        }
        Lexicon {
            abbrev,
            abbrev_final,
            ordinal_before,
            ordinal_after,
        }
    })
}

/// Non-empty, non-comment lines of a resource file, trimmed.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A token with both its byte range (into the `&str`) and its char span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// Byte offset of the first byte.
    pub start_byte: usize,
    /// Byte offset after the last byte.
    pub end_byte: usize,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset after the last char.
    pub end: usize,
    /// Coarse class.
    pub kind: TokenKind,
}

impl RawToken {
    /// The model token (char span and kind).
    pub fn token(&self) -> Token {
        Token {
            span: Span::new(self.start, self.end),
            kind: self.kind,
        }
    }

    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start_byte..self.end_byte]
    }
}

/// Iterator over the tokens of a text; see the module documentation.
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    cpos: usize,
    /// Byte range of the previous word token (for ordinal decisions).
    prev_word: (usize, usize),
}

/// Tokens of a text (char spans), without sentence splitting.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        pos: 0,
        cpos: 0,
        prev_word: (0, 0),
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2011}' | '\u{2010}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Closing marks that stay with the sentence before them.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '«' | '»' | '‘' | '’' | '\'' | ')' | ']' | '}' | '‹' | '›'
    )
}

fn is_terminal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

impl<'a> Tokens<'a> {
    fn peek(&self, at: usize) -> Option<char> {
        self.text.get(at..).and_then(|s| s.chars().next())
    }

    /// The char at `at` and the one after it.
    fn peek2(&self, at: usize) -> (Option<char>, Option<char>) {
        let mut it = self.text.get(at..).map(|s| s.chars()).into_iter().flatten();
        (it.next(), it.next())
    }

    /// Advance byte position `p` over one char `c`; returns new byte position.
    fn step(p: usize, c: char) -> usize {
        p + c.len_utf8()
    }

    /// Next non-whitespace word after byte `at` (alphanumeric run), if any.
    fn next_word(&self, at: usize) -> &'a str {
        let rest = self.text.get(at..).unwrap_or("");
        let rest = rest.trim_start();
        let end = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        &rest[..end]
    }

    fn scan_url(&self, start: usize) -> Option<usize> {
        let rest = &self.text[start..];
        let lower_prefix = |p: &str| {
            rest.get(..p.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(p))
        };
        if !(lower_prefix("http://") || lower_prefix("https://") || lower_prefix("www.")) {
            return None;
        }
        let mut end = rest
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        while end > 0 {
            let c = rest[..end].chars().next_back()?;
            if matches!(
                c,
                '.' | ',' | ';' | ':' | ')' | '"' | '“' | '”' | '!' | '?' | '\''
            ) {
                end -= c.len_utf8();
            } else {
                break;
            }
        }
        Some(start + end)
    }

    /// Scan a word starting at `start` (first char alphabetic); returns end byte and kind.
    fn scan_word(&self, start: usize) -> (usize, TokenKind) {
        let mut p = start;
        let mut seg_len = 0usize; // letters in the current dot-separated segment
        let mut dotted = false;
        loop {
            let (c, next) = self.peek2(p);
            let Some(c) = c else { break };
            if c.is_alphanumeric() {
                p = Self::step(p, c);
                seg_len += 1;
                continue;
            }
            if (is_hyphen(c) || is_apostrophe(c)) && next.is_some_and(char::is_alphanumeric) {
                p = Self::step(p, c);
                seg_len = 0;
                continue;
            }
            if c == '.' && seg_len <= 2 && next.is_some_and(char::is_alphabetic) {
                // dotted abbreviation: z.B., u.a., e.V., i.d.R.
                let after = Self::step(p, c);
                let run: usize = self.text[after..]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .count();
                let run_end = self.text[after..]
                    .char_indices()
                    .nth(run)
                    .map(|(i, _)| after + i)
                    .unwrap_or(self.text.len());
                if run <= 2 && self.peek(run_end) == Some('.') {
                    p = after;
                    seg_len = 0;
                    dotted = true;
                    continue;
                }
            }
            break;
        }
        let (c, next) = self.peek2(p);
        match c {
            Some('.') => {
                let word = &self.text[start..p];
                let single = word.chars().count() == 1;
                let lower = word.to_lowercase();
                // `Hauptstr. 5`: street names shortened to `-str.`
                let street = lower.len() > 4 && lower.ends_with("str");
                if dotted || single || street || lexicon().abbrev.contains(&lower) {
                    p += 1;
                }
            }
            // `US- und EU-Vertreter`: a hyphen before a space or comma ends a part word
            Some(h) if is_hyphen(h) && self.is_part_hyphen(p, h, next) => {
                p = Self::step(p, h);
            }
            _ => {}
        }
        (p, TokenKind::Word)
    }

    /// Is the hyphen `h` at byte `p` (followed by `next`) the end of a shortened compound?
    fn is_part_hyphen(&self, p: usize, h: char, next: Option<char>) -> bool {
        next.is_none_or(|n| n.is_whitespace() || n == ',')
            && matches!(
                self.next_word(Self::step(p, h)),
                "und" | "oder" | "bzw" | "sowie" | "als" | "bis" | "and" | "or"
            )
    }

    /// Scan a number starting at `start` (first char a digit).
    fn scan_number(&self, start: usize) -> (usize, TokenKind) {
        let mut p = start;
        let mut kind = TokenKind::Number;
        let mut has_sep = false;
        loop {
            let (c, next) = self.peek2(p);
            let Some(c) = c else { break };
            if c.is_ascii_digit() {
                p += 1;
                continue;
            }
            if matches!(c, '.' | ',' | ':' | '/') && next.is_some_and(|n| n.is_ascii_digit()) {
                p += 1;
                has_sep = true;
                continue;
            }
            if c.is_alphabetic() {
                // 3D, 5G, 10km, 2er
                kind = TokenKind::Word;
                p = Self::step(p, c);
                continue;
            }
            if is_hyphen(c) && next.is_some_and(char::is_alphanumeric) {
                // 28-Punkte-Plan, 3-jährig, COVID-19 style compounds
                let (e, _) = self.scan_word(Self::step(p, c));
                return (e, TokenKind::Word);
            }
            break;
        }
        if kind == TokenKind::Number && self.peek(p) == Some('.') {
            let digits = &self.text[start..p];
            if self.is_ordinal_dot(digits, has_sep, p + 1) {
                p += 1;
            }
        }
        (p, kind)
    }

    /// Is the dot after the number `digits` (ending at byte `after - 1`) an ordinal dot?
    fn is_ordinal_dot(&self, digits: &str, has_sep: bool, after: usize) -> bool {
        let next_c = self.text[after..].chars().find(|c| !c.is_whitespace());
        // `02.12.` followed by a year or a word: a short date
        let date_like = has_sep && digits.len() <= 5 && digits.contains('.');
        if has_sep && !date_like {
            return false;
        }
        if !date_like && digits.len() > 4 {
            return false;
        }
        let lex = lexicon();
        let next = self.next_word(after);
        // the dot touches the next char directly: `3.Dezember` is rare, `Seite 3.` at end
        match next_c {
            None => false,
            Some(c) if c.is_ascii_digit() => true,
            Some(c) if c.is_lowercase() => true,
            Some(c) if c.is_alphabetic() => {
                let lower = next.to_lowercase();
                if lex.ordinal_after.contains(&lower) {
                    return true;
                }
                let (ps, pe) = self.prev_word;
                let prev = &self.text[ps..pe];
                pe > ps
                    && pe + 1 + digits.len() >= after - 1
                    && lex.ordinal_before.contains(&prev.to_lowercase())
            }
            _ => false,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = RawToken;

    fn next(&mut self) -> Option<RawToken> {
        // skip whitespace
        let rest = self.text.get(self.pos..)?;
        let mut skipped_chars = 0;
        let mut start = self.text.len();
        for (i, c) in rest.char_indices() {
            if !c.is_whitespace() && c != '\u{ad}' && c != '\u{200b}' && c != '\u{feff}' {
                start = self.pos + i;
                break;
            }
            skipped_chars += 1;
        }
        self.cpos += skipped_chars;
        self.pos = start;
        let c = self.peek(start)?;
        let (end, kind) = if let Some(e) = self.scan_url(start) {
            (e, TokenKind::Other)
        } else if c.is_ascii_digit() {
            self.scan_number(start)
        } else if c.is_alphabetic() {
            self.scan_word(start)
        } else if (c == '@' || c == '#')
            && self
                .peek(start + 1)
                .is_some_and(|n| n.is_alphanumeric() || n == '_')
        {
            let e = self.text[start + 1..]
                .char_indices()
                .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
                .map(|(i, _)| start + 1 + i)
                .unwrap_or(self.text.len());
            (e, TokenKind::Other)
        } else if matches!(c, '.' | '!' | '?') {
            let e = self.text[start..]
                .char_indices()
                .find(|(_, c)| !matches!(c, '.' | '!' | '?'))
                .map(|(i, _)| start + i)
                .unwrap_or(self.text.len());
            (e, TokenKind::Punct)
        } else if c.is_alphanumeric() {
            // digits of other scripts
            self.scan_word(start)
        } else {
            let kind = if c.is_ascii_punctuation() || is_unicode_punct(c) {
                TokenKind::Punct
            } else {
                TokenKind::Other
            };
            (start + c.len_utf8(), kind)
        };
        let nchars = self.text[start..end].chars().count();
        let tok = RawToken {
            start_byte: start,
            end_byte: end,
            start: self.cpos,
            end: self.cpos + nchars,
            kind,
        };
        self.pos = end;
        self.cpos += nchars;
        if kind == TokenKind::Word {
            self.prev_word = (start, end);
        }
        Some(tok)
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '„' | '“'
            | '”'
            | '‚'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '–'
            | '—'
            | '…'
            | '·'
            | '•'
            | '¿'
            | '¡'
            | '§'
    )
}

/// Sentences (with tokens) of a text; spans are char offsets.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let toks: Vec<RawToken> = tokens(text).collect();
    let mut out = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < toks.len() {
        let mut last = i;
        let t = toks[i].text(text);
        let mut ends = false;
        let terminal = is_terminal(t)
            || (t.ends_with('.') && toks[i].kind == TokenKind::Word && {
                let w = t.trim_end_matches('.').to_lowercase();
                lexicon().abbrev_final.contains(&w)
            });
        if terminal {
            // closing quotes and brackets directly attached stay in this sentence
            while last + 1 < toks.len()
                && toks[last + 1].start_byte == toks[last].end_byte
                && toks[last + 1].text(text).chars().all(is_closer)
            {
                last += 1;
            }
            ends = match toks.get(last + 1) {
                None => true,
                Some(n) => {
                    let nt = n.text(text);
                    let first = nt.chars().next().unwrap_or(' ');
                    let is_abbrev_word = !is_terminal(t);
                    if first.is_lowercase() || matches!(first, ',' | ';' | ':' | ')' | ']') {
                        false
                    } else if is_abbrev_word {
                        first.is_uppercase()
                    } else {
                        true
                    }
                }
            };
        }
        if !ends {
            if let Some(n) = toks.get(last + 1) {
                let gap = &text[toks[last].end_byte..n.start_byte];
                let newlines = gap.matches('\n').count();
                if newlines >= 2 {
                    ends = true;
                } else if newlines == 1 {
                    let nt = n.text(text);
                    let runs_on = t.ends_with(['-', ',', '\u{2011}'])
                        || nt.chars().next().is_some_and(char::is_lowercase);
                    ends = !runs_on;
                }
            }
        }
        if ends || last + 1 == toks.len() {
            let span = Span::new(toks[begin].start, toks[last].end);
            out.push(Sentence {
                span,
                tokens: toks[begin..=last].iter().map(RawToken::token).collect(),
            });
            begin = last + 1;
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_model::slice_chars;

    fn toks(text: &str) -> Vec<String> {
        tokens(text)
            .map(|t| slice_chars(text, t.token().span).to_string())
            .collect()
    }

    fn sents(text: &str) -> Vec<String> {
        sentences(text)
            .iter()
            .map(|s| slice_chars(text, s.span).to_string())
            .collect()
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Das ist z. B. gut.",
                &["Das", "ist", "z.", "B.", "gut", "."],
            ),
            ("Das ist z.B. gut.", &["Das", "ist", "z.B.", "gut", "."]),
            (
                "Er traf u.a. Dr. Meier.",
                &["Er", "traf", "u.a.", "Dr.", "Meier", "."],
            ),
            ("Haus Nr. 5 bzw. 7", &["Haus", "Nr.", "5", "bzw.", "7"]),
            ("am 3. Dezember", &["am", "3.", "Dezember"]),
            ("am 02.12.2025 um", &["am", "02.12.2025", "um"]),
            ("im 19. Jh. gebaut", &["im", "19.", "Jh.", "gebaut"]),
            ("um 14:30 Uhr", &["um", "14:30", "Uhr"]),
            ("um 14.00 Uhr", &["um", "14.00", "Uhr"]),
            (
                "1.000 Euro, 3,5 Prozent",
                &["1.000", "Euro", ",", "3,5", "Prozent"],
            ),
            (
                "Der Kreml-Berater und der 28-Punkte-Plan",
                &["Der", "Kreml-Berater", "und", "der", "28-Punkte-Plan"],
            ),
            ("US- und EU-Vertreter", &["US-", "und", "EU-Vertreter"]),
            ("„Nein.“ Dann", &["„", "Nein", ".", "“", "Dann"]),
            ("Der Verein e.V. tagt", &["Der", "Verein", "e.V.", "tagt"]),
            (
                "Er sagte: »Ja!«",
                &["Er", "sagte", ":", "»", "Ja", "!", "«"],
            ),
            (
                "Siehe https://example.org/a.html.",
                &["Siehe", "https://example.org/a.html", "."],
            ),
            (
                "Es war Platz 3. Dann kam",
                &["Es", "war", "Platz", "3", ".", "Dann", "kam"],
            ),
            ("Warte...", &["Warte", "..."]),
            ("J. F. Kennedy", &["J.", "F.", "Kennedy"]),
            ("Straße – Größe", &["Straße", "–", "Größe"]),
            ("St. Petersburg", &["St.", "Petersburg"]),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), *want, "tokens of {text:?}");
        }
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Er kam z. B. am 3. Dezember. Sie ging.",
                &["Er kam z. B. am 3. Dezember.", "Sie ging."],
            ),
            (
                "Dr. Meier wohnt in der Hauptstr. 5 in St. Gallen. Dort ist es still.",
                &[
                    "Dr. Meier wohnt in der Hauptstr. 5 in St. Gallen.",
                    "Dort ist es still.",
                ],
            ),
            ("„Nein.“ Dann ging er.", &["„Nein.“", "Dann ging er."]),
            (
                "„Wir kommen!“, sagte sie. Er nickte.",
                &["„Wir kommen!“, sagte sie.", "Er nickte."],
            ),
            (
                "Neue Gespräche in Genf\nDie Delegationen trafen sich am Montag.",
                &[
                    "Neue Gespräche in Genf",
                    "Die Delegationen trafen sich am Montag.",
                ],
            ),
            (
                "Erster Absatz ohne Punkt\n\nZweiter Absatz.",
                &["Erster Absatz ohne Punkt", "Zweiter Absatz."],
            ),
            (
                "Am 02.12.2025 um 14.00 Uhr kostete es 1.000 Euro. Das sind 3,5 Prozent mehr.",
                &[
                    "Am 02.12.2025 um 14.00 Uhr kostete es 1.000 Euro.",
                    "Das sind 3,5 Prozent mehr.",
                ],
            ),
            (
                "Was nun? Keiner weiß es. Oder doch!",
                &["Was nun?", "Keiner weiß es.", "Oder doch!"],
            ),
            (
                "Äpfel, Birnen usw. Danach kam nichts.",
                &["Äpfel, Birnen usw.", "Danach kam nichts."],
            ),
            (
                "Er wurde im 19. Jh. berühmt. Sein Haus steht u.a. in Bonn.",
                &[
                    "Er wurde im 19. Jh. berühmt.",
                    "Sein Haus steht u.a. in Bonn.",
                ],
            ),
            (
                "Der Satz läuft über\neine Zeile hinaus.",
                &["Der Satz läuft über\neine Zeile hinaus."],
            ),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(sents(text), *want, "sentences of {text:?}");
        }
    }

    #[test]
    fn spans_are_char_offsets() {
        let text = "Größe „Ärger“ über Öl.";
        for t in tokens(text) {
            let s = slice_chars(text, t.token().span);
            assert_eq!(s, t.text(text));
        }
        let ss = sentences(text);
        assert_eq!(ss.len(), 1);
        assert_eq!(ss[0].span, Span::new(0, text.chars().count()));
    }
}
