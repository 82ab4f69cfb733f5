//! `lagebild extract`.

use crate::Format;
use lagebild_ingest::decode;
use lagebild_ingest::html::{self, Extracted};
use std::path::Path;
use std::process::ExitCode;

/// Print main text and metadata of one HTML page (also gzipped). A file that cannot be read, is
/// empty, binary or too large, or has no main text gives one line on stderr naming it, and exit
/// code 1.
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
    let bytes = lagebild_ingest::file_bytes(file)?;
    let text = decode::decode_markup(&bytes, None).map_err(|e| e.to_string())?;
    if !text.contains('<') {
        return Err("not HTML: no markup found".into());
    }
    // A local file has no URL; the page's own canonical link is used where it has one.
    let mut e = html::extract(&text, None);
    if e.text.trim().is_empty() {
        return Err("no main text found".into());
    }
    // the language of the text, as `ingest` stores it; the page's declared one where the text
    // is too short to tell
    if let Some(l) = lagebild_ingest::lang::detect(&e.text) {
        e.language = Some(l.to_string());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).expect("write test file");
        p
    }

    #[test]
    fn bad_files_are_rejected_with_a_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        assert!(read(&d.join("fehlt.html")).is_err());
        assert_eq!(
            read(&write(d, "leer.html", b"  \n")).err().as_deref(),
            Some("empty input")
        );
        assert!(read(&write(
            d,
            "bild.html",
            &[0x89, b'P', b'N', b'G', 0, 0, 1, 2]
        ))
        .is_err());
        assert_eq!(
            read(&write(
                d,
                "text.html",
                "Nur ein Satz ohne Markup.".as_bytes()
            ))
            .err()
            .as_deref(),
            Some("not HTML: no markup found")
        );
        assert_eq!(
            read(&write(
                d,
                "nav.html",
                b"<html><body><nav><a href=\"/\">Start</a></nav></body></html>"
            ))
            .err()
            .as_deref(),
            Some("no main text found")
        );
    }

    #[test]
    fn latin1_page_to_json_and_text() {
        let dir = tempfile::tempdir().expect("tempdir");
        let page = "<html lang=\"de\"><head><meta charset=\"iso-8859-1\"><title>Gr\u{fc}ne Welle f\u{fc}r Radfahrer</title>\
            <meta property=\"article:published_time\" content=\"2026-06-02T08:30:00+02:00\"></head><body><article>\
            <h1>Gr\u{fc}ne Welle f\u{fc}r Radfahrer</h1><p>Auf der Ringstra\u{df}e schalten die Ampeln ab Juni so, dass Radfahrer bei f\u{fc}nfzehn \
            Kilometern pro Stunde durchfahren k\u{f6}nnen. Die Stadt testet das zun\u{e4}chst ein halbes Jahr lang.</p></article></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        let e = read(&write(dir.path(), "welle.html", &bytes)).expect("extracts");
        let j = to_json(&e);
        assert_eq!(j["title"], "Grüne Welle für Radfahrer");
        assert_eq!(j["published"], "2026-06-02");
        assert_eq!(j["published_time"], "08:30");
        assert_eq!(j["language"], "de");
        assert!(j["text"].as_str().is_some_and(|t| t.contains("Ringstraße")));
        let d = dump(&e);
        assert!(
            d.starts_with("Title:     Grüne Welle für Radfahrer\nPublished: 2026-06-02 08:30\n")
        );
    }

    #[test]
    fn an_english_page_without_a_declared_language_is_detected_and_loses_its_link_lines() {
        let dir = tempfile::tempdir().expect("tempdir");
        let page = "<html><head><title>Rail talks collapse</title></head><body><div class=\"body\">\
            <p>Talks to end the dispute on the regional railway collapsed on Tuesday afternoon, and \
            the drivers' union announced three further days of strikes before Christmas.</p>\
            <p><strong>Related:</strong> <a href=\"/r1\">What are my rights if my train is cancelled?</a></p>\
            <p>The operator said the strikes were deeply disappointing and would cause misery for \
            passengers in the run-up to the holidays, and that its offer was fair.</p>\
            <p>Follow us on <a href=\"#\">Twitter</a> for the latest news.</p></div></body></html>";
        let e = read(&write(dir.path(), "rail.html", page.as_bytes())).expect("extracts");
        assert_eq!(e.language.as_deref(), Some("en"));
        assert!(e.text.contains("deeply disappointing"), "{}", e.text);
        assert!(!e.text.contains("Related"), "{}", e.text);
        assert!(!e.text.contains("Follow us"), "{}", e.text);
    }
}
