//! `lagebild quotes`.

use crate::Format;
use lagebild_model::{Epistemic, Quote, QuoteKind};
use std::path::Path;
use std::process::ExitCode;

/// One quote as printed.
struct QuoteOut<'a> {
    speaker: Option<&'a str>,
    kind: QuoteKind,
    text: &'a str,
    cue: Option<&'a str>,
    start: usize,
    end: usize,
    epistemic: Epistemic,
    speaker_entity: Option<&'a str>,
}

/// Print the quotes of one article.
pub fn run(file: &Path, date: Option<&str>, format: Format) -> anyhow::Result<ExitCode> {
    if let Some(d) = date {
        let ok = d.len() == 10
            && d.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !ok {
            eprintln!("lagebild: --date must be YYYY-MM-DD, got {d}");
            return Ok(ExitCode::from(2));
        }
    }
    let mut article = match super::first_article(file) {
        Ok(a) => a,
        Err(why) => {
            eprintln!("lagebild: {why}");
            return Ok(ExitCode::from(1));
        }
    };
    if let Some(d) = date {
        article.published = Some(d.to_string());
    }
    let doc = lagebild_nlp::annotate(article);
    let entity_name = |q: &Quote| {
        q.speaker_entity
            .and_then(|i| doc.entities.get(i))
            .map(|e| e.name.as_str())
    };
    let out: Vec<QuoteOut> = doc
        .quotes
        .iter()
        .map(|q| QuoteOut {
            speaker: q.speaker.as_deref(),
            kind: q.kind,
            text: &q.text,
            cue: q.cue.as_deref(),
            start: q.span.start,
            end: q.span.end,
            epistemic: q.epistemic,
            speaker_entity: entity_name(q),
        })
        .collect();
    match format {
        Format::Json => {
            let list: Vec<serde_json::Value> = out
                .iter()
                .map(|q| {
                    serde_json::json!({
                        "speaker": q.speaker,
                        "kind": q.kind,
                        "text": q.text,
                        "cue": q.cue,
                        "start": q.start,
                        "end": q.end,
                        "epistemic": q.epistemic,
                        "speaker_entity": q.speaker_entity,
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&list)?)
        }
        _ => {
            for q in &out {
                let kind = match q.kind {
                    QuoteKind::Direct => "direct",
                    QuoteKind::Indirect => "indirect",
                    QuoteKind::Reported => "reported",
                };
                let flag = match q.epistemic {
                    Epistemic::Asserted | Epistemic::Attributed => "",
                    Epistemic::Hedged => " [hedged]",
                    Epistemic::Denied => " [denied]",
                };
                println!(
                    "{}-{} {kind}{flag} {} ({}): {}",
                    q.start,
                    q.end,
                    q.speaker.unwrap_or("?"),
                    q.cue.unwrap_or("-"),
                    q.text.replace('\n', " ")
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
