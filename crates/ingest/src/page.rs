//! HTML pages through [`crate::html::extract`]: main text and metadata into a [`Draft`].

use crate::clean::Draft;
use crate::html;
use crate::IngestError;

/// Extract one decoded HTML page. `url` is the page address when known (WARC, JSON Lines).
pub(crate) fn read(
    markup: &str,
    stem: &str,
    source: &str,
    url: Option<&str>,
) -> Result<Draft, IngestError> {
    if !markup.contains('<') {
        return Err(IngestError::new(source, "not HTML: no markup found"));
    }
    let ex = html::extract(markup, url);
    if ex.text.trim().is_empty() {
        return Err(IngestError::new(source, "no main text found in HTML"));
    }
    let title = Some(ex.title.trim().to_string()).filter(|t| !t.is_empty());
    Ok(Draft {
        id: stem.to_string(),
        source: source.to_string(),
        title,
        body: ex.text,
        published: ex.published,
        published_time: ex.published_time,
        outlet: ex.outlet,
        url: ex.url.or_else(|| url.map(str::to_string)),
        authors: ex.authors,
        language: ex.language,
        teaser: false,
    })
}
