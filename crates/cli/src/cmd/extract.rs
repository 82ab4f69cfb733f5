//! `lagebild extract`.

use crate::Format;
use lagebild_ingest::decode;
use lagebild_ingest::html::{self, Extracted};
use std::path::Path;
use std::process::ExitCode;

/// Print main text and metadata of one HTML page. A file that cannot be read, is empty or
/// binary, or has no main text gives one line on stderr naming it, and exit code 1.
pub fn run(file: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let e = match read(file) {
        Ok(e) => e,
        Err(reason) => {
            eprintln!("lagebild: {}: {reason}", file.display());
            return Ok(ExitCode::from(1));
        }
    };
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&to_json(&e))?),
        _ => print!("{}", dump(&e)),
    }
    Ok(ExitCode::SUCCESS)
}

/// Read, decode and extract; `Err` is the reason the file is rejected.
fn read(file: &Path) -> Result<Extracted, String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let text = decode::decode_markup(&bytes, None).map_err(|e| e.to_string())?;
    if !text.contains('<') {
        return Err("not HTML: no markup found".into());
    }
    // A local file has no URL; the page's own canonical link is used where it has one.
    let e = html::extract(&text, None);
    if e.text.trim().is_empty() {
        return Err("no main text found".into());
    }
    Ok(e)
}

fn to_json(e: &Extracted) -> serde_json::Value {
    serde_json::json!({
        "title": e.title,
        "text": e.text,
        "published": e.published,
        "published_time": e.published_time,
        "authors": e.authors,
        "outlet": e.outlet,
        "url": e.url,
        "language": e.language,
    })
}

fn dump(e: &Extracted) -> String {
    let mut out = String::new();
    let mut field = |k: &str, v: Option<&str>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out.push_str(&format!("{k:<10} {v}\n"));
        }
    };
    field("Title:", Some(&e.title));
    let when = match (&e.published, &e.published_time) {
        (Some(d), Some(t)) => Some(format!("{d} {t}")),
        (Some(d), None) => Some(d.clone()),
        _ => None,
    };
    field("Published:", when.as_deref());
    field("Authors:", Some(&e.authors.join(", ")));
    field("Outlet:", e.outlet.as_deref());
    field("URL:", e.url.as_deref());
    field("Language:", e.language.as_deref());
    out.push('\n');
    out.push_str(e.text.trim_end());
    out.push('\n');
    out
}
