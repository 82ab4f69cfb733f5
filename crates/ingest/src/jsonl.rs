//! JSON Lines: one article per line with `id`, `url`, `outlet`, `published`, `title` and
//! `text` or `html` (also accepted: `author`/`authors`, `language`). Streamed line by line.

use crate::clean::{self, Draft};
use crate::{decode, page, IngestError, MAX_BYTES};
use lagebild_model::Article;
use serde_json::Value;
use std::io::{BufRead, Read};

/// Read every line of `reader`; each line is one article or one error.
pub(crate) fn read<R: BufRead>(
    name: &str,
    mut reader: R,
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        line_no += 1;
        let n = match reader
            .by_ref()
            .take(MAX_BYTES + 1)
            .read_until(b'\n', &mut buf)
        {
            Ok(n) => n,
            Err(e) => {
                return sink(Err(IngestError::new(
                    format!("{name}#{line_no}"),
                    crate::io_reason(&e),
                )))
            }
        };
        if n == 0 {
            return;
        }
        let rec = format!("{name}#{line_no}");
        if buf.len() as u64 > MAX_BYTES {
            sink(Err(IngestError::new(&rec, "line larger than 50 MB")));
            // Skip the rest of the over-long line.
            loop {
                buf.clear();
                match reader.by_ref().take(1 << 20).read_until(b'\n', &mut buf) {
                    Ok(0) => return,
                    Ok(_) if buf.ends_with(b"\n") => break,
                    Ok(_) => {}
                    Err(_) => return,
                }
            }
            continue;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        sink(parse_line(&buf, name, &rec, line_no).map(clean::finish));
    }
}

/// One JSON object into a draft.
fn parse_line(bytes: &[u8], name: &str, rec: &str, line_no: usize) -> Result<Draft, IngestError> {
    let text = decode::decode(bytes, None).map_err(|e| IngestError::new(rec, e))?;
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| IngestError::new(rec, format!("invalid JSON: {e}")))?;
    let obj = v
        .as_object()
        .ok_or_else(|| IngestError::new(rec, "JSON line is not an object"))?;
    let s = |k: &str| -> Option<String> {
        match obj.get(k)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let id = s("id").unwrap_or_else(|| {
        let stem = std::path::Path::new(name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "stdin".into());
        format!("{stem}-{line_no}")
    });
    let url = s("url");
    let mut authors: Vec<String> = match obj.get("authors").or_else(|| obj.get("author")) {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str())
            .map(str::to_string)
            .collect(),
        Some(Value::String(a)) => a.split([',', ';']).map(|x| x.trim().to_string()).collect(),
        _ => Vec::new(),
    };
    authors.retain(|a| !a.is_empty());
    let mut d = if let Some(body) = s("text") {
        Draft {
            body,
            ..Default::default()
        }
    } else if let Some(markup) = s("html") {
        page::read(&markup, &id, rec, url.as_deref())?
    } else {
        return Err(IngestError::new(rec, "no `text` or `html` field"));
    };
    d.id = id;
    d.source = rec.to_string();
    if let Some(t) = s("title") {
        d.title = Some(t);
    }
    if let Some(p) = s("published").or_else(|| s("date")) {
        d.published = Some(p);
    }
    if let Some(o) = s("outlet").or_else(|| s("source")) {
        d.outlet = Some(o);
    }
    if url.is_some() {
        d.url = url;
    }
    if !authors.is_empty() {
        d.authors = authors;
    }
    if let Some(l) = s("language").or_else(|| s("lang")) {
        d.language = Some(l);
    }
    // Without a title the first line of the text is the headline, as in plain text files.
    if d.title.is_none() {
        if let Some((first, rest)) = d.body.split_once('\n') {
            if first.trim().chars().count() <= 300 && !first.trim().is_empty() {
                d.title = Some(first.trim().to_string());
                d.body = rest.to_string();
            }
        }
    }
    Ok(d)
}
