//! `lagebild analyze`.

use crate::Format;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Read, annotate, cluster and analyse the inputs; print the analysis (JSON per SPEC §2.1,
/// Markdown, or a self-contained HTML report). With `--db`, the store is updated as well.
pub fn run(paths: &[PathBuf], format: Format, db: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (analysis, rejected) = match db {
        Some(db) => crate::cmd::store::analyze_with_store(paths, db)?,
        None => {
            let mut docs = Vec::new();
            let mut rejected = false;
            lagebild_ingest::read_inputs(paths, &mut |r| match r {
                Ok(a) => docs.push(lagebild_nlp::annotate(a)),
                Err(e) => {
                    eprintln!("{e}");
                    rejected = true;
                }
            });
            (lagebild_story::analyze_all(docs), rejected)
        }
    };
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &analysis)?;
            writeln!(out)?;
        }
        Format::Md | Format::Text => {
            write!(out, "{}", lagebild_story::render::markdown(&analysis))?
        }
        Format::Html => write!(out, "{}", lagebild_story::render::html(&analysis))?,
    }
    Ok(if rejected {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
