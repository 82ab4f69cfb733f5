//! Character spans into an article's cleaned text.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of Unicode scalar values (chars, not bytes) in a text.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First character, inclusive.
    pub start: usize,
    /// Last character, exclusive.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Number of characters covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no character.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one character.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Maps between byte offsets and char offsets of one text.
///
/// Annotators work on `&str` byte offsets internally; everything stored or emitted uses char
/// offsets. Build one per text and convert at the edge.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char boundary, plus the text length at the end.
    bounds: Vec<usize>,
}

impl CharIndex {
    /// Index the char boundaries of `text`.
    pub fn new(text: &str) -> Self {
        let mut bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bounds.push(text.len());
        CharIndex { bounds }
    }

    /// Char offset of a byte offset (a byte offset inside a char maps to that char).
    pub fn char_of(&self, byte: usize) -> usize {
        match self.bounds.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of a char offset (past the end maps to the text length).
    pub fn byte_of(&self, ch: usize) -> usize {
        self.bounds[ch.min(self.bounds.len() - 1)]
    }

    /// Char span of a byte range.
    pub fn span(&self, start_byte: usize, end_byte: usize) -> Span {
        Span::new(self.char_of(start_byte), self.char_of(end_byte))
    }

    /// The substring of `text` (the indexed text) covered by a char span, as
    /// [`slice_chars`] gives it without walking the text.
    pub fn slice<'t>(&self, text: &'t str, span: Span) -> &'t str {
        if span.end <= span.start || span.end > self.len() {
            return "";
        }
        text.get(self.byte_of(span.start)..self.byte_of(span.end))
            .unwrap_or("")
    }

    /// Number of chars in the text.
    pub fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    /// True for the empty text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The substring of `text` covered by a char span (empty when out of range).
pub fn slice_chars(text: &str, span: Span) -> &str {
    if span.end <= span.start {
        return "";
    }
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let start = it.nth(span.start);
    let end = it.nth(span.end - span.start - 1);
    match (start, end) {
        (Some(s), Some(e)) => &text[s..e],
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_roundtrip() {
        let t = "„Größe“ ß";
        let ix = CharIndex::new(t);
        assert_eq!(ix.len(), 9);
        for (ci, (b, _)) in t.char_indices().enumerate() {
            assert_eq!(ix.char_of(b), ci);
            assert_eq!(ix.byte_of(ci), b);
        }
        assert_eq!(slice_chars(t, Span::new(1, 6)), "Größe");
        assert_eq!(slice_chars(t, Span::new(8, 9)), "ß");
        assert_eq!(slice_chars(t, Span::new(8, 20)), "");
        for span in [
            Span::new(1, 6),
            Span::new(8, 9),
            Span::new(8, 20),
            Span::new(3, 3),
        ] {
            assert_eq!(ix.slice(t, span), slice_chars(t, span));
        }
    }
}
