//! Renderings of an analysis for readers: Markdown and self-contained HTML.
//!
//! Both follow the sections of SPEC §1.4: briefing, who said what, timeline, confirmed facts
//! with their origin counts, divergences, single-source facts, people and places, and the
//! sources with their shared copy. Sources are shown as numbered badges (`[2]`). All article
//! text is escaped.

use crate::labels::{self, fill, label};
use lagebild_model::{Analysis, ArticleSummary, QuoteKind, StoryAnalysis, StoryQuote};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Source badges of one story: article id → (number, label).
struct Badges {
    of: BTreeMap<String, (usize, String)>,
}

impl Badges {
    fn new(story: &StoryAnalysis, articles: &[ArticleSummary]) -> Self {
        let mut of = BTreeMap::new();
        for (i, id) in story.articles.iter().enumerate() {
            let label = articles
                .iter()
                .find(|a| &a.id == id)
                .and_then(|a| a.outlet.clone())
                .unwrap_or_else(|| id.clone());
            of.insert(id.clone(), (i + 1, label));
        }
        Badges { of }
    }

    fn num(&self, id: &str) -> usize {
        self.of.get(id).map_or(0, |b| b.0)
    }

    fn md(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| format!("[{}]", self.num(id)))
            .collect::<Vec<_>>()
            .join("")
    }

    fn html(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| {
                let (n, label) = self.of.get(id).cloned().unwrap_or((0, id.clone()));
                format!("<span class=\"badge\" title=\"{}\">{n}</span>", esc(&label))
            })
            .collect::<Vec<_>>()
            .join("")
    }
}

/// The note a hedged or disputed fact carries after `sep` (`, unter Vorbehalt berichtet`,
/// `, bestritten`); empty for others.
fn status_note(lang: &str, f: &lagebild_model::Fact, sep: &str) -> String {
    use lagebild_model::Epistemic;
    match f.status {
        Epistemic::Hedged => format!("{sep}{}", label(lang, "hedged")),
        Epistemic::Denied => format!("{sep}{}", label(lang, "disputed")),
        Epistemic::Asserted | Epistemic::Attributed => String::new(),
    }
}

/// A fact confirmed by the story's outlets: two independent origins or more (copies of one
/// agency text are one).
fn confirmed(f: &lagebild_model::Fact) -> bool {
    f.origins > 1
}

/// The note after a fact, from `sep` on: its counts where it has several articles (`4 Artikel,
/// 3 unabhängig`; `2 Artikel, 1 unabhängig` for copies of one text), then how firmly it is
/// stated; empty for a plain fact of one article.
fn fact_note(lang: &str, f: &lagebild_model::Fact, sep: &str) -> String {
    if f.articles.len() > 1 {
        let counts = [f.articles.len().to_string(), f.origins.to_string()];
        format!(
            "{sep}{}{}",
            fill(lang, "fact_count", &[&counts[0], &counts[1]]),
            status_note(lang, f, ", ")
        )
    } else {
        status_note(lang, f, sep)
    }
}

/// One fact as an HTML list item: its text, its source badges and its note, if any.
fn html_fact(o: &mut String, f: &lagebild_model::Fact, note: &str, b: &Badges) {
    let _ = if note.is_empty() {
        writeln!(o, "<li>{}{}</li>", esc(&f.text), b.html(&f.articles))
    } else {
        writeln!(
            o,
            "<li>{}{}<span class=\"org\">{}</span></li>",
            esc(&f.text),
            b.html(&f.articles),
            esc(note)
        )
    };
}

/// The name of a divergence kind in the report's language (`Zahlen`, `Wertung`, …).
fn kind_label(lang: &str, kind: lagebild_model::DivergenceKind) -> &'static str {
    use lagebild_model::DivergenceKind as K;
    label(
        lang,
        match kind {
            K::Number => "kind_number",
            K::Attribution => "kind_attribution",
            K::Wording => "kind_wording",
            K::Date => "kind_date",
            K::Contradiction => "kind_contradiction",
            K::Other => "kind_other",
        },
    )
}

/// Escape text for Markdown: characters that would start markup, and HTML.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Escape text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Quote groups, biggest first; within a group, reports by a known person come first, and of
/// those what was said (direct, then indirect speech) before a report that something was said
/// (`X sprach von einer „sehr ernsten Lage“` shows as `sehr ernsten Lage`).
/// The roles worth showing to a reader: a normalised head (`Leiter`, `Berater`) is left out
/// where a fuller role ends in it (`Einsatzleiter`, `Kreml-Berater`).
fn shown_roles(roles: &[String]) -> Vec<&str> {
    roles
        .iter()
        .filter(|r| {
            let r = r.to_lowercase();
            !roles.iter().any(|o| {
                let o = o.to_lowercase();
                o.len() > r.len() && o.ends_with(&r)
            })
        })
        .map(String::as_str)
        .collect()
}

/// The label that shows a quote's words: in quotation marks only when they are the speaker's
/// own (direct speech); indirect and reported speech are marked as such.
fn quote_label(q: &StoryQuote) -> &'static str {
    match q.kind {
        QuoteKind::Direct => "quote",
        QuoteKind::Indirect => "quote_indirect",
        _ => "quote_reported",
    }
}

fn quote_groups(story: &StoryAnalysis) -> Vec<Vec<&StoryQuote>> {
    let persons: Vec<&str> = story
        .entities
        .iter()
        .filter(|e| e.kind == lagebild_model::EntityType::Per)
        .map(|e| e.name.as_str())
        .collect();
    let mut g: BTreeMap<usize, Vec<&StoryQuote>> = BTreeMap::new();
    for q in &story.quotes {
        g.entry(q.group).or_default().push(q);
    }
    for v in g.values_mut() {
        v.sort_by_key(|q| {
            let known = q.speaker.as_deref().is_some_and(|s| persons.contains(&s));
            // a term in quotation marks (`„produktiv“`) says less than a statement, direct or
            // indirect, and less than a report that quotes it (`Alle Änderungen lehne er
            // „rundweg ab“`), but more than a report without it
            let term = q.text.split_whitespace().count() < 4;
            let quotes_words = ['„', '"', '“', '»'].iter().any(|m| q.text.contains(*m));
            let rank = match (q.kind, term) {
                (QuoteKind::Direct, false) => 0,
                (QuoteKind::Indirect, false) => 1,
                (QuoteKind::Reported, _) if quotes_words => 2,
                (QuoteKind::Direct, true) => 3,
                _ => 4,
            };
            (!known, rank)
        });
    }
    let mut v: Vec<Vec<&StoryQuote>> = g.into_values().collect();
    v.sort_by_key(|g| std::cmp::Reverse(g.len()));
    v
}

/// Statements shown in the "who said what" section.
const MAX_STATEMENTS: usize = 30;

/// The quote groups by speaker (as shown: the group's first report's speaker, `None` when
/// unknown): speakers with more reports first, then in the order of their largest group;
/// unknown speakers last. At most [`MAX_STATEMENTS`] groups in all.
fn by_speaker<'a>(
    groups: &[Vec<&'a StoryQuote>],
) -> Vec<(Option<&'a str>, Vec<Vec<&'a StoryQuote>>)> {
    let mut out: Vec<(Option<&str>, Vec<Vec<&StoryQuote>>)> = Vec::new();
    for g in groups.iter().take(MAX_STATEMENTS) {
        let who = g[0].speaker.as_deref();
        match out.iter_mut().find(|(w, _)| *w == who) {
            Some((_, gs)) => gs.push(g.clone()),
            None => out.push((who, vec![g.clone()])),
        }
    }
    // stable: ties keep the order of the largest groups
    out.sort_by_key(|(who, gs)| {
        (
            who.is_none(),
            std::cmp::Reverse(gs.iter().map(Vec::len).sum::<usize>()),
        )
    });
    out
}

/// One speaker's entry of "who said what": the speaker as shown, and each statement as shown
/// (escaped by `escape`, marked by its kind) with the articles reporting it.
type Said = (String, Vec<(String, Vec<String>)>);

/// The "who said what" entries of a story (see [`by_speaker`]), for either rendering.
fn who_said(s: &StoryAnalysis, lang: &str, escape: fn(&str) -> String) -> Vec<Said> {
    by_speaker(&quote_groups(s))
        .into_iter()
        .map(|(who, gs)| {
            let statements = gs
                .iter()
                .map(|g| {
                    let text = fill(lang, quote_label(g[0]), &[&escape(&g[0].text)]);
                    (text, articles_of(g))
                })
                .collect();
            (escape(who.unwrap_or(label(lang, "unknown"))), statements)
        })
        .collect()
}

fn articles_of(q: &[&StoryQuote]) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for x in q {
        if !v.contains(&x.article) {
            v.push(x.article.clone());
        }
    }
    v
}

/// Markdown of a whole analysis (every story).
pub fn markdown(analysis: &Analysis) -> String {
    let mut out = String::new();
    for s in &analysis.stories {
        out.push_str(&markdown_story(s, &analysis.articles));
        out.push('\n');
    }
    out
}

/// The labels' language of a story: that of most of its articles (see [`labels::majority`]).
fn story_language(s: &StoryAnalysis, articles: &[ArticleSummary]) -> &'static str {
    labels::majority(
        s.articles
            .iter()
            .filter_map(|id| articles.iter().find(|a| &a.id == id))
            .map(|a| a.language.as_str()),
    )
}

/// The publication span of a story, `undated` in its language where it has none.
fn span(s: &StoryAnalysis, lang: &str) -> String {
    match (&s.first_published, &s.last_published) {
        (Some(a), Some(z)) if a != z => format!("{a} – {z}"),
        (Some(a), _) => a.clone(),
        _ => label(lang, "undated").into(),
    }
}

/// Markdown of one story; `articles` supplies titles and outlets for the source list.
pub fn markdown_story(s: &StoryAnalysis, articles: &[ArticleSummary]) -> String {
    let b = Badges::new(s, articles);
    let lang = story_language(s, articles);
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", md_escape(&s.title));
    let counts = [s.articles.len().to_string(), s.origins.len().to_string()];
    let meta = fill(lang, "meta", &[&counts[0], &counts[1], &span(s, lang)]);
    let _ = writeln!(o, "{meta}\n");
    if !s.briefing.is_empty() {
        let _ = writeln!(o, "## {}\n", label(lang, "briefing"));
        for x in &s.briefing {
            let ids: Vec<String> = x.citations.iter().map(|c| c.article.clone()).collect();
            let _ = writeln!(o, "- {} {}", md_escape(&x.text), b.md(&ids));
        }
        o.push('\n');
    }
    let said = who_said(s, lang, md_escape);
    if !said.is_empty() {
        let _ = writeln!(o, "## {}\n", label(lang, "who_said"));
        for (who, lines) in &said {
            if let [(text, arts)] = lines.as_slice() {
                let _ = writeln!(o, "- **{who}**: {text} {}", b.md(arts));
            } else {
                let _ = writeln!(o, "- **{who}**");
                for (text, arts) in lines {
                    let _ = writeln!(o, "  - {text} {}", b.md(arts));
                }
            }
        }
        o.push('\n');
    }
    if !s.timeline.is_empty() {
        let _ = writeln!(o, "## {}\n", label(lang, "timeline"));
        for t in &s.timeline {
            let _ = writeln!(
                o,
                "- **{}** {} {}",
                t.date,
                md_escape(&t.text),
                b.md(&t.articles)
            );
        }
        o.push('\n');
    }
    let (multi, single): (Vec<_>, Vec<_>) = s.facts.iter().partition(|f| confirmed(f));
    if !multi.is_empty() {
        let _ = writeln!(o, "## {}\n", label(lang, "confirmed"));
        for f in multi {
            let _ = writeln!(
                o,
                "- {} {}{}",
                md_escape(&f.text),
                b.md(&f.articles),
                fact_note(lang, f, " — ")
            );
        }
        o.push('\n');
    }
    if !s.divergences.is_empty() {
        let _ = writeln!(o, "## {}\n", label(lang, "divergences"));
        for d in &s.divergences {
            let kind = kind_label(lang, d.kind);
            let _ = writeln!(o, "- *{kind}*: {}", md_escape(&d.summary));
            for v in &d.variants {
                let _ = writeln!(o, "  - {} {}", md_escape(&v.text), b.md(&v.articles));
            }
        }
        o.push('\n');
    }
    if !single.is_empty() {
        let _ = writeln!(o, "## {}\n", label(lang, "single_source"));
        for f in single.iter().take(40) {
            let _ = writeln!(
                o,
                "- {} {}{}",
                md_escape(&f.text),
                b.md(&f.articles),
                fact_note(lang, f, " — ")
            );
        }
        o.push('\n');
    }
    if !s.entities.is_empty() {
        let _ = writeln!(o, "## {}\n", label(lang, "involved"));
        for e in s.entities.iter().take(40) {
            let shown = shown_roles(&e.roles);
            let roles = if shown.is_empty() {
                String::new()
            } else {
                format!(" ({})", md_escape(&shown.join(", ")))
            };
            let _ = writeln!(
                o,
                "- {} `{}`{} {}",
                md_escape(&crate::entities::name_with_short_form(e)),
                e.kind.as_str(),
                roles,
                b.md(&e.articles)
            );
        }
        o.push('\n');
    }
    let _ = writeln!(o, "## {}\n", label(lang, "sources"));
    for id in &s.articles {
        let a = articles.iter().find(|a| &a.id == id);
        let _ = writeln!(
            o,
            "{}. {} — {} ({}){}",
            b.num(id),
            md_escape(a.map_or(id.as_str(), |a| a.title.as_str())),
            md_escape(a.and_then(|a| a.outlet.as_deref()).unwrap_or(id)),
            a.and_then(|a| a.published.as_deref())
                .unwrap_or(label(lang, "no_date")),
            a.filter(|a| !a.credits.is_empty())
                .map(|a| fill(lang, "agency", &[&md_escape(&a.credits.join(", "))]))
                .unwrap_or_default()
        );
    }
    if !s.wire_copy.is_empty() {
        let _ = write!(o, "\n**{}**\n\n", label(lang, "wire"));
        for w in &s.wire_copy {
            let n = w.passages.to_string();
            let _ = writeln!(o, "- {}", fill(lang, "passages", &[&b.md(&w.articles), &n]));
            for e in &w.examples {
                let _ = writeln!(o, "  - {}", fill(lang, "quote", &[&md_escape(e)]));
            }
        }
    }
    o
}

const CSS: &str = "body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fdfcf8}\
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font:600 1.05rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;color:#7a4b12;border-bottom:1px solid #e5dccb;padding-bottom:.2rem;margin-top:2rem}\
.meta{color:#666;font:14px system-ui,sans-serif}ul{padding-left:1.2rem}li{margin:.35rem 0}\
.badge{display:inline-block;min-width:1.2em;padding:0 .3em;margin-left:.15em;border-radius:.6em;background:#2f5d8a;color:#fff;font:600 11px/1.5 system-ui,sans-serif;text-align:center;vertical-align:middle}\
.org{font:12px system-ui,sans-serif;color:#2f6b3a;margin-left:.4em}.date{font:600 13px system-ui,sans-serif;color:#7a4b12;margin-right:.5em}\
.who{font-weight:600}.kind{font:12px system-ui,sans-serif;color:#a33}.var{color:#444}table{border-collapse:collapse;font:14px system-ui,sans-serif}td{padding:.2rem .6rem;border-bottom:1px solid #eee}\
blockquote{margin:.3rem 0 .3rem 1rem;color:#555;font-style:italic}";

/// A self-contained HTML page: `body` (HTML) under the report's inline styles, with `title`
/// (plain text, escaped here) and the page's language code.
pub fn page(lang: &str, title: &str, body: &str) -> String {
    let mut o = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>",
        esc(lang),
        esc(title)
    );
    o.push_str(CSS);
    o.push_str("</style></head><body>\n");
    o.push_str(body);
    o.push_str("</body></html>\n");
    o
}

/// Self-contained HTML of a whole analysis (every story), with inline styles.
pub fn html(analysis: &Analysis) -> String {
    let lang = labels::majority(analysis.articles.iter().map(|a| a.language.as_str()));
    let body: String = analysis
        .stories
        .iter()
        .map(|s| html_story_body(s, &analysis.articles))
        .collect();
    page(lang, label(lang, "report"), &body)
}

/// Self-contained HTML page of one story.
pub fn html_story(s: &StoryAnalysis, articles: &[ArticleSummary]) -> String {
    page(
        story_language(s, articles),
        &s.title,
        &html_story_body(s, articles),
    )
}

/// The HTML of one story (an `<article>` element, no page around it).
pub fn html_story_body(s: &StoryAnalysis, articles: &[ArticleSummary]) -> String {
    let b = Badges::new(s, articles);
    let lang = story_language(s, articles);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "<article id=\"{}\">\n<h1>{}</h1>",
        esc(&s.id),
        esc(&s.title)
    );
    let counts = [s.articles.len().to_string(), s.origins.len().to_string()];
    let meta = fill(
        lang,
        "meta_html",
        &[&counts[0], &counts[1], &esc(&span(s, lang))],
    );
    let _ = writeln!(o, "<p class=\"meta\">{meta}</p>");
    if !s.briefing.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2><ul>", label(lang, "briefing"));
        for x in &s.briefing {
            let ids: Vec<String> = x.citations.iter().map(|c| c.article.clone()).collect();
            let _ = writeln!(o, "<li>{}{}</li>", esc(&x.text), b.html(&ids));
        }
        o.push_str("</ul>\n");
    }
    let said = who_said(s, lang, esc);
    if !said.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2><ul>", label(lang, "who_said"));
        for (who, lines) in &said {
            if let [(text, arts)] = lines.as_slice() {
                let _ = writeln!(
                    o,
                    "<li><span class=\"who\">{who}</span>: {text}{}</li>",
                    b.html(arts)
                );
            } else {
                let _ = write!(o, "<li><span class=\"who\">{who}</span><ul>");
                for (text, arts) in lines {
                    let _ = write!(o, "<li>{text}{}</li>", b.html(arts));
                }
                let _ = writeln!(o, "</ul></li>");
            }
        }
        o.push_str("</ul>\n");
    }
    if !s.timeline.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2><ul>", label(lang, "timeline"));
        for t in &s.timeline {
            let _ = writeln!(
                o,
                "<li><span class=\"date\">{}</span>{}{}</li>",
                esc(&t.date),
                esc(&t.text),
                b.html(&t.articles)
            );
        }
        o.push_str("</ul>\n");
    }
    let (multi, single): (Vec<_>, Vec<_>) = s.facts.iter().partition(|f| confirmed(f));
    if !multi.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2><ul>", label(lang, "confirmed"));
        for f in multi {
            html_fact(&mut o, f, &fact_note(lang, f, ""), &b);
        }
        o.push_str("</ul>\n");
    }
    if !s.divergences.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2><ul>", label(lang, "divergences"));
        for d in &s.divergences {
            let _ = write!(
                o,
                "<li><span class=\"kind\">{}</span> {}<ul>",
                kind_label(lang, d.kind),
                esc(&d.summary)
            );
            for v in &d.variants {
                let _ = write!(
                    o,
                    "<li class=\"var\">{}{}</li>",
                    esc(&v.text),
                    b.html(&v.articles)
                );
            }
            o.push_str("</ul></li>\n");
        }
        o.push_str("</ul>\n");
    }
    if !single.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2><ul>", label(lang, "single_source"));
        for f in single.iter().take(40) {
            html_fact(&mut o, f, &fact_note(lang, f, ""), &b);
        }
        o.push_str("</ul>\n");
    }
    if !s.entities.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2><table>", label(lang, "involved"));
        for e in s.entities.iter().take(40) {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&crate::entities::name_with_short_form(e)),
                e.kind.as_str(),
                esc(&shown_roles(&e.roles).join(", ")),
                b.html(&e.articles)
            );
        }
        o.push_str("</table>\n");
    }
    let _ = writeln!(o, "<h2>{}</h2><table>", label(lang, "sources"));
    for id in &s.articles {
        let a = articles.iter().find(|a| &a.id == id);
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            b.html(std::slice::from_ref(id)),
            esc(a.map_or(id.as_str(), |a| a.title.as_str())),
            esc(a.and_then(|a| a.outlet.as_deref()).unwrap_or(id)),
            esc(a
                .and_then(|a| a.published.as_deref())
                .unwrap_or(label(lang, "no_date"))),
            esc(&a.map(|a| a.credits.join(", ")).unwrap_or_default())
        );
    }
    o.push_str("</table>\n");
    if !s.wire_copy.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2><ul>", label(lang, "wire"));
        for w in &s.wire_copy {
            let n = w.passages.to_string();
            let line = fill(lang, "passages_html", &[&b.html(&w.articles), &n]);
            let _ = write!(o, "<li>{line}");
            for e in &w.examples {
                let _ = write!(o, "<blockquote>{}</blockquote>", esc(e));
            }
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</article>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_term_is_shown_in_the_report_that_quotes_it() {
        let quote = |kind, text: &str| StoryQuote {
            speaker: Some("Ida Brenner".into()),
            kind,
            text: text.into(),
            cue: Some("sprach".into()),
            article: "a".into(),
            start: 0,
            end: 1,
            group: 0,
        };
        let story = |report: &str| StoryAnalysis {
            quotes: vec![
                quote(QuoteKind::Reported, report),
                quote(QuoteKind::Direct, "klaren Warnung"),
            ],
            ..Default::default()
        };
        // the term alone says less than the report around it, which holds it in quotation marks
        let quoting = story("Ida Brenner sprach von einer „klaren Warnung“");
        assert_eq!(
            quote_groups(&quoting)[0][0].text,
            "Ida Brenner sprach von einer „klaren Warnung“"
        );
        // a report without the speaker's words says less than the term
        let plain = story("Ida Brenner warnte die Anwohner");
        assert_eq!(quote_groups(&plain)[0][0].text, "klaren Warnung");
    }

    #[test]
    fn a_statement_is_shown_before_a_quoted_term_and_articles_once() {
        let quote = |kind, text: &str, article: &str| StoryQuote {
            speaker: Some("Ida Brenner".into()),
            kind,
            text: text.into(),
            cue: None,
            article: article.into(),
            start: 0,
            end: 1,
            group: 0,
        };
        let story = StoryAnalysis {
            quotes: vec![
                quote(QuoteKind::Direct, "Zwischenlösung", "a"),
                quote(
                    QuoteKind::Indirect,
                    "die Zwischenlösung gelte bis zum Sommer",
                    "b",
                ),
                quote(QuoteKind::Direct, "Zwischenlösung", "c"),
                quote(QuoteKind::Direct, "Zwischenlösung", "b"),
            ],
            ..Default::default()
        };
        let groups = quote_groups(&story);
        assert_eq!(groups[0][0].text, "die Zwischenlösung gelte bis zum Sommer");
        assert_eq!(articles_of(&groups[0]), vec!["b", "a", "c"]);
    }

    #[test]
    fn statements_are_listed_by_speaker() {
        let quote = |who: Option<&str>, text: &str, group| StoryQuote {
            speaker: who.map(str::to_string),
            kind: QuoteKind::Indirect,
            text: text.into(),
            cue: None,
            article: "a".into(),
            start: 0,
            end: 1,
            group,
        };
        let story = StoryAnalysis {
            quotes: vec![
                quote(Some("Ida Brenner"), "die Brücke bleibe gesperrt", 0),
                quote(Some("Ida Brenner"), "die Brücke bleibe vorerst gesperrt", 0),
                quote(None, "der Schaden sei groß", 1),
                quote(Some("Ole Hartwig"), "die Fähre fahre wieder", 2),
                quote(Some("Ole Hartwig"), "die Fähre fahre ab Montag", 2),
                quote(Some("Ole Hartwig"), "Die Fähre fährt wieder", 2),
                quote(Some("Ida Brenner"), "die Umleitung sei ausgeschildert", 3),
                quote(
                    Some("Ida Brenner"),
                    "die Umleitung sei gut ausgeschildert",
                    3,
                ),
            ],
            ..Default::default()
        };
        let shown: Vec<(Option<&str>, usize)> = by_speaker(&quote_groups(&story))
            .iter()
            .map(|(who, gs)| (*who, gs.len()))
            .collect();
        // Ida Brenner: two statements, four reports; Ole Hartwig: one of three; unknown last
        assert_eq!(
            shown,
            [
                (Some("Ida Brenner"), 2),
                (Some("Ole Hartwig"), 1),
                (None, 1)
            ]
        );
        let md = markdown_story(&story, &[]);
        assert!(md.contains("- **Ida Brenner**\n  - "), "{md}");
        assert!(md.contains("- **Ole Hartwig**: "), "{md}");
    }

    #[test]
    fn only_direct_speech_in_quotation_marks() {
        let quote = |kind| StoryQuote {
            speaker: Some("Ida Brenner".into()),
            kind,
            text: "die Brücke bleibe gesperrt".into(),
            cue: Some("sagte".into()),
            article: "a".into(),
            start: 0,
            end: 1,
            group: 0,
        };
        let shown = |kind, lang| fill(lang, quote_label(&quote(kind)), &["x"]);
        assert_eq!(shown(QuoteKind::Direct, "de"), "„x“");
        assert_eq!(shown(QuoteKind::Indirect, "de"), "x (indirekte Rede)");
        assert_eq!(shown(QuoteKind::Reported, "de"), "x (berichtet)");
        assert_eq!(shown(QuoteKind::Indirect, "en"), "x (indirect)");
    }

    #[test]
    fn role_heads_left_out_beside_fuller_roles() {
        let roles: Vec<String> = [
            "Einsatzleiter",
            "Leiter",
            "Sprecher",
            "Kreml-Berater",
            "Berater",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            shown_roles(&roles),
            vec!["Einsatzleiter", "Sprecher", "Kreml-Berater"]
        );
        assert_eq!(shown_roles(&["Leiter".to_string()]), vec!["Leiter"]);
    }

    #[test]
    fn copies_of_one_text_confirm_nothing() {
        let fact = |text: &str, articles: &[&str], origins| lagebild_model::Fact {
            text: text.into(),
            articles: articles.iter().map(|a| a.to_string()).collect(),
            origins,
            evidence: Vec::new(),
            single_source: articles.len() == 1,
            status: lagebild_model::Epistemic::Asserted,
        };
        let story = StoryAnalysis {
            facts: vec![
                fact("Der Damm hielt stand.", &["a", "c"], 2),
                fact("Rund 80 Helfer waren im Einsatz.", &["a", "b"], 1),
                fact("Die Straße bleibt gesperrt.", &["c"], 1),
            ],
            ..Default::default()
        };
        for out in [markdown_story(&story, &[]), html_story(&story, &[])] {
            let single = out.find(label("de", "single_source")).unwrap();
            let confirmed = out.find(label("de", "confirmed")).unwrap();
            assert!(confirmed < out.find("Der Damm").unwrap());
            assert!(out.find("Der Damm").unwrap() < single);
            // two articles of one origin: listed with one source, and counted
            let helpers = out.find("Rund 80 Helfer").unwrap();
            assert!(single < helpers, "{out}");
            assert!(out[helpers..].contains("2 Artikel, 1 unabhängig"), "{out}");
            assert!(single < out.find("Die Straße").unwrap());
        }
    }

    #[test]
    fn escaping() {
        assert_eq!(esc("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(md_escape("a*b_[c]"), "a\\*b\\_\\[c\\]");
    }
}
