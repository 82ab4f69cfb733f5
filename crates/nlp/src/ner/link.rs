//! From tagged spans to the entities of one article.

use super::Tagger;
use lagebild_model::{Entity, Mention, MentionKind, Sentence};

/// Entities of an article: tag every sentence, group mentions into entities.
pub fn entities(tagger: &Tagger<'_>, text: &str, sentences: &[Sentence]) -> Vec<Entity> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Entity> = Vec::new();
    let mut feats = Vec::new();
    let mut offsets = Vec::new();
    for s in sentences {
        let words: Vec<String> = s
            .tokens
            .iter()
            .map(|t| {
                chars[t.span.start.min(chars.len())..t.span.end.min(chars.len())]
                    .iter()
                    .collect()
            })
            .collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let labels = tagger.tag_with(&refs, &mut feats, &mut offsets);
        for (a, b, kind) in super::spans(&labels) {
            let span = lagebild_model::Span::new(s.tokens[a].span.start, s.tokens[b - 1].span.end);
            let name: String = chars[span.start..span.end].iter().collect();
            let m = Mention {
                span,
                kind: MentionKind::Name,
            };
            match out.iter_mut().find(|e| e.name == name && e.kind == kind) {
                Some(e) => e.mentions.push(m),
                None => out.push(Entity {
                    name,
                    kind,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    mentions: vec![m],
                }),
            }
        }
    }
    out
}
