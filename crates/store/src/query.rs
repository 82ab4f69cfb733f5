//! Turning a user's search words into a safe FTS5 query.

/// Build an FTS5 query from what a user typed: every word must occur (in any order), a word
/// ending in `*` matches as a prefix, `OR` between two words accepts either, a phrase in
/// double quotes must occur as written. Everything else is taken literally, so no input is an
/// FTS5 syntax error. Returns `None` when nothing searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms: Vec<Vec<String>> = Vec::new();
    let mut pending_or = false;
    let mut rest = input;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let (raw, phrase) = if let Some(after) = rest.strip_prefix('"') {
            match after.find('"') {
                Some(end) => {
                    let p = &after[..end];
                    rest = &after[end + 1..];
                    (p, true)
                }
                None => {
                    let p = after;
                    rest = "";
                    (p, true)
                }
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let w = &rest[..end];
            rest = &rest[end..];
            (w, false)
        };
        if !phrase && raw == "OR" {
            pending_or = !terms.is_empty();
            continue;
        }
        let prefix = !phrase && raw.ends_with('*');
        let body: String = raw
            .trim_end_matches('*')
            .chars()
            .filter(|c| *c != '"')
            .collect();
        if !body.chars().any(char::is_alphanumeric) {
            continue;
        }
        let mut term = format!("\"{body}\"");
        if prefix {
            term.push('*');
        }
        if pending_or {
            if let Some(last) = terms.last_mut() {
                last.push(term);
                pending_or = false;
                continue;
            }
        }
        terms.push(vec![term]);
    }
    if terms.is_empty() {
        None
    } else {
        let groups: Vec<String> = terms
            .into_iter()
            .map(|g| {
                if g.len() == 1 {
                    g.join("")
                } else {
                    format!("({})", g.join(" OR "))
                }
            })
            .collect();
        Some(groups.join(" AND "))
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn words_are_quoted_and_joined() {
        assert_eq!(
            fts_query("Kreml  Gespräch").as_deref(),
            Some("\"Kreml\" AND \"Gespräch\"")
        );
    }

    #[test]
    fn prefix_phrase_and_or() {
        assert_eq!(
            fts_query("Außenminist* \"fünf Stunden\" Moskau OR Kiew").as_deref(),
            Some("\"Außenminist\"* AND \"fünf Stunden\" AND (\"Moskau\" OR \"Kiew\")")
        );
    }

    #[test]
    fn fts_syntax_is_neutralised() {
        assert_eq!(
            fts_query("NEAR( a\"b -c").as_deref(),
            Some("\"NEAR(\" AND \"ab\" AND \"-c\"")
        );
        assert_eq!(fts_query("  * -- OR \"").as_deref(), None);
        assert_eq!(fts_query("OR Kiew").as_deref(), Some("\"Kiew\""));
        assert_eq!(
            fts_query("\"unclosed phrase").as_deref(),
            Some("\"unclosed phrase\"")
        );
    }
}
