//! Turning a user's search words into a safe full-text query: FTS5 syntax for SQLite, a
//! `tsquery` expression for PostgreSQL. Both are built from the same parse, so the two
//! backends read a query alike.

/// One search term: a word or a phrase, taken literally (its tokens must occur in a row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// The words as typed, double quotes removed.
    pub text: String,
    /// The last word matches as a prefix (`word*`).
    pub prefix: bool,
}

/// Parse what a user typed into groups of terms: every group must match (AND), one term of a
/// group is enough (OR). Empty when nothing searchable is left.
pub(crate) fn parse(input: &str) -> Vec<Vec<Term>> {
    let mut groups: Vec<Vec<Term>> = Vec::new();
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
            pending_or = !groups.is_empty();
            continue;
        }
        let prefix = !phrase && raw.ends_with('*');
        let text: String = raw
            .trim_end_matches('*')
            .chars()
            .filter(|c| *c != '"')
            .collect();
        if !text.chars().any(char::is_alphanumeric) {
            continue;
        }
        let term = Term { text, prefix };
        if pending_or {
            if let Some(last) = groups.last_mut() {
                last.push(term);
                pending_or = false;
                continue;
            }
        }
        groups.push(vec![term]);
    }
    groups
}

/// Build an FTS5 query from what a user typed: every word must occur (in any order), a word
/// ending in `*` matches as a prefix, `OR` between two words accepts either, a phrase in
/// double quotes must occur as written. Everything else is taken literally, so no input is an
/// FTS5 syntax error. Returns `None` when nothing searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let groups = parse(input);
    if groups.is_empty() {
        return None;
    }
    let rendered: Vec<String> = groups
        .into_iter()
        .map(|g| {
            let terms: Vec<String> = g
                .into_iter()
                .map(|t| format!("\"{}\"{}", t.text, if t.prefix { "*" } else { "" }))
                .collect();
            if terms.len() == 1 {
                terms.join("")
            } else {
                format!("({})", terms.join(" OR "))
            }
        })
        .collect();
    Some(rendered.join(" AND "))
}

/// A PostgreSQL `tsquery` expression for the parsed `groups`, reading the text of the n-th term
/// from the query parameter `$(first_param + n)`; returns the expression and the parameters'
/// values in order. Each term goes through `phraseto_tsquery` with the search configuration
/// `config`, so it is tokenised and folded exactly as the indexed text was; a prefix term gets
/// `:*` on its last word. Groups are joined with `&&`, the terms of a group with `||`.
pub(crate) fn tsquery_sql(
    groups: &[Vec<Term>],
    config: &str,
    first_param: usize,
) -> (String, Vec<String>) {
    let mut values = Vec::new();
    let mut ands = Vec::new();
    for group in groups {
        let mut ors = Vec::new();
        for term in group {
            values.push(term.text.clone());
            let n = first_param + values.len() - 1;
            let phrase = format!("phraseto_tsquery('{config}', ${n})");
            ors.push(if term.prefix {
                // An empty query (nothing indexable in the term) stays empty.
                format!(
                    "(SELECT CASE WHEN numnode(t) = 0 THEN t ELSE (t::text || ':*')::tsquery END \
                     FROM {phrase} AS t)"
                )
            } else {
                phrase
            });
        }
        ands.push(format!("({})", ors.join(" || ")));
    }
    (ands.join(" && "), values)
}

#[cfg(test)]
mod tests {
    use super::{fts_query, parse, tsquery_sql};

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

    #[test]
    fn tsquery_has_one_parameter_per_term() {
        let (sql, values) = tsquery_sql(&parse("Kreml* \"fünf Stunden\" Moskau OR Kiew"), "cfg", 2);
        assert_eq!(values, vec!["Kreml", "fünf Stunden", "Moskau", "Kiew"]);
        assert!(
            sql.starts_with("((SELECT CASE WHEN numnode(t) = 0"),
            "{sql}"
        );
        assert!(sql.contains("phraseto_tsquery('cfg', $2)"), "{sql}");
        assert!(
            sql.ends_with(
                "(phraseto_tsquery('cfg', $3)) && \
             (phraseto_tsquery('cfg', $4) || phraseto_tsquery('cfg', $5))"
            ),
            "{sql}"
        );
        assert!(parse(" -- * OR \"").is_empty());
    }
}
