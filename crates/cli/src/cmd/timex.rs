//! `lagebild timex`: temporal expressions of one text, offsets into the file's text as given.

use crate::Format;
use anyhow::Context;
use lagebild_nlp::time::{grammar, Date};
use std::path::Path;
use std::process::ExitCode;

/// Print the temporal expressions of one text. The file is read as UTF-8 without any
/// cleaning, so offsets (in chars) point into its exact text. Without `date`, the tagger runs
/// in narrative mode; without `lang`, the text's language is detected (German when it cannot
/// be told or has no grammar).
pub fn run(
    file: &Path,
    date: Option<&str>,
    lang: Option<&str>,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let dct = match date {
        None => None,
        Some(d) => match Date::parse(d) {
            Some(d) => Some(d),
            None => {
                eprintln!("lagebild: --date {d:?} is not a valid YYYY-MM-DD date");
                return Ok(ExitCode::from(2));
            }
        },
    };
    let bytes = std::fs::read(file).with_context(|| format!("{}: cannot read", file.display()))?;
    let text =
        String::from_utf8(bytes).with_context(|| format!("{}: not UTF-8 text", file.display()))?;
    let lang = match lang {
        Some(l) => l,
        None => match lagebild_ingest::lang::detect(&text) {
            Some("en") => "en",
            _ => "de",
        },
    };
    let found = grammar(lang)
        .with_context(|| format!("--lang {lang:?}"))?
        .tag(&text, dct);
    match format {
        Format::Json => {
            let list: Vec<serde_json::Value> = found
                .iter()
                .map(|t| {
                    serde_json::json!({
                        "start": t.span.start,
                        "end": t.span.end,
                        "text": t.text,
                        "type": t.kind,
                        "value": t.value,
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&list)?);
        }
        _ => {
            for t in &found {
                let kind = serde_json::to_value(t.kind)?;
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    t.span.start,
                    t.span.end,
                    kind.as_str().unwrap_or(""),
                    t.value,
                    t.text
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
