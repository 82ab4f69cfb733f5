//! JSON Lines: one article per line with `id`, `url`, `outlet`, `published`, `title` and
//! `text` or `html` (also accepted: `author`/`authors`, `language`). Streamed line by line.

use crate::clean::{self, Draft};
use crate::{decode, page, IngestError, MAX_BYTES};
use lagebild_model::Article;
use serde_json::Value;
use std::io::{BufRead, Read};

/// Read every line of `reader`; each line is one article or one error. A JSON value spread
/// over several lines (a pretty-printed object) is read whole, and a top-level array yields
/// one article per element, so a `.json` file holding one article or a list of them reads too.
pub(crate) fn read<R: BufRead>(
    name: &str,
    mut reader: R,
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    let mut buf = Vec::new();
    let mut pending: Vec<u8> = Vec::new();
    let mut first_line = 0usize;
    let mut depth = Depth::default();
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
            if !pending.is_empty() {
                sink(Err(IngestError::new(
                    format!("{name}#{first_line}"),
                    "invalid JSON: input ends inside a value",
                )));
            }
            return;
        }
        // A value left open is broken, not continued, when the next line is a value of its own.
        if !pending.is_empty() && complete_value(&buf) {
            sink(Err(IngestError::new(
                format!("{name}#{first_line}"),
                "invalid JSON: the value is not closed",
            )));
            pending.clear();
            depth = Depth::default();
        }
        if pending.is_empty() {
            first_line = line_no;
        }
        let rec = format!("{name}#{first_line}");
        if (buf.len() + pending.len()) as u64 > MAX_BYTES {
            sink(Err(IngestError::new(&rec, "record larger than 50 MB")));
            pending.clear();
            // Skip the rest of the over-long line.
            while !buf.ends_with(b"\n") {
                buf.clear();
                match reader.by_ref().take(1 << 20).read_until(b'\n', &mut buf) {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
            }
            continue;
        }
        if pending.is_empty() && buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        pending.extend_from_slice(&buf);
        depth.feed(&buf);
        if depth.open() {
            continue;
        }
        depth = Depth::default();
        let text = match decode::decode(&pending, None) {
            Ok(t) => t,
            Err(e) => {
                sink(Err(IngestError::new(&rec, e)));
                pending.clear();
                continue;
            }
        };
        match serde_json::from_str::<Value>(&text) {
            Ok(Value::Array(items)) => {
                for (k, v) in items.into_iter().enumerate() {
                    let rec = format!("{name}#{first_line}.{}", k + 1);
                    sink(parse_value(v, name, &rec, k + 1).map(clean::finish));
                }
            }
            Ok(v) => sink(parse_value(v, name, &rec, first_line).map(clean::finish)),
            Err(e) => sink(Err(IngestError::new(&rec, format!("invalid JSON: {e}")))),
        }
        pending.clear();
    }
}

/// Nesting of `{`/`[` in JSON text fed line by line (brackets inside strings do not count),
/// so a value spread over lines is parsed once, when it closes.
#[derive(Debug, Default)]
struct Depth {
    depth: i64,
    in_string: bool,
    escaped: bool,
}

impl Depth {
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.in_string {
                match (self.escaped, b) {
                    (true, _) => self.escaped = false,
                    (false, b'\\') => self.escaped = true,
                    (false, b'"') => self.in_string = false,
                    _ => {}
                }
            } else {
                match b {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.depth += 1,
                    b'}' | b']' => self.depth -= 1,
                    _ => {}
                }
            }
        }
    }

    /// Is a value still open?
    fn open(&self) -> bool {
        self.depth > 0
    }
}

/// Is this line a whole JSON object or array on its own?
fn complete_value(line: &[u8]) -> bool {
    let t = line.trim_ascii_start();
    (t.starts_with(b"{") || t.starts_with(b"[")) && serde_json::from_slice::<Value>(t).is_ok()
}

/// One JSON object into a draft.
fn parse_value(v: Value, name: &str, rec: &str, line_no: usize) -> Result<Draft, IngestError> {
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
