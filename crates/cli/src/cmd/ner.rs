//! `lagebild ner`.

use crate::Format;
use anyhow::Context;
use lagebild_model::{CharIndex, Entity};
use lagebild_nlp::ner::Tagger;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

/// Print the entities of one text, or tag a CoNLL token file.
pub fn run(file: &Path, conll: bool, format: Format) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if conll {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("{}: cannot read as UTF-8 text", file.display()))?;
        tag_conll(&text, &mut out)?;
    } else {
        let article = match super::first_article(file) {
            Ok(a) => a,
            Err(why) => {
                eprintln!("lagebild: {why}");
                return Ok(ExitCode::from(1));
            }
        };
        let mut doc = lagebild_model::AnnotatedArticle {
            article,
            ..Default::default()
        };
        use lagebild_nlp::Annotator;
        lagebild_nlp::tokenize::Segmenter.annotate(&mut doc);
        Tagger::default_for(&doc.article.language).annotate(&mut doc);
        match format {
            Format::Json => {
                let ix = CharIndex::new(&doc.article.text);
                let v = serde_json::json!({
                    "entities": doc.entities.iter().map(|e| entity_json(e, &doc.article.text, &ix)).collect::<Vec<_>>()
                });
                serde_json::to_writer_pretty(&mut out, &v)?;
                writeln!(out)?;
            }
            _ => {
                for e in &doc.entities {
                    writeln!(
                        out,
                        "{}\t{}\troles: {}\taliases: {}\tmentions: {}",
                        e.kind.as_str(),
                        e.name,
                        e.roles.join(", "),
                        e.aliases.join(", "),
                        e.mentions
                            .iter()
                            .map(|m| format!("{}-{}", m.span.start, m.span.end))
                            .collect::<Vec<_>>()
                            .join(" ")
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn entity_json(e: &Entity, text: &str, ix: &CharIndex) -> serde_json::Value {
    serde_json::json!({
        "name": e.name,
        "type": e.kind.as_str(),
        "aliases": e.aliases,
        "roles": e.roles,
        "mentions": e.mentions.iter().map(|m| serde_json::json!({
            "start": m.span.start,
            "end": m.span.end,
            "kind": m.kind,
            "text": ix.slice(text, m.span),
        })).collect::<Vec<_>>(),
    })
}

/// Tag a token-per-line file: first tab-separated column is the token, blank lines end
/// sentences; writes `token<TAB>tag` lines with the blank lines kept.
fn tag_conll(text: &str, out: &mut impl Write) -> anyhow::Result<()> {
    let tagger = Tagger::default_for("de");
    let mut sent: Vec<&str> = Vec::new();
    let flush = |sent: &mut Vec<&str>, out: &mut dyn Write| -> std::io::Result<()> {
        if sent.is_empty() {
            return Ok(());
        }
        let labels = tagger.tag(sent);
        for (tok, l) in sent.iter().zip(labels) {
            writeln!(
                out,
                "{tok}\t{}",
                lagebild_nlp::ner::model::LABELS[l as usize]
            )?;
        }
        writeln!(out)?;
        sent.clear();
        Ok(())
    };
    for line in text.lines() {
        let tok = line.split('\t').next().unwrap_or("").trim();
        if tok.is_empty() {
            flush(&mut sent, out)?;
        } else {
            sent.push(tok);
        }
    }
    flush(&mut sent, out)?;
    Ok(())
}
