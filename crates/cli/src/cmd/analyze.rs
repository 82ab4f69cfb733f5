//! `lagebild analyze`.

use crate::Format;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Read, annotate, cluster and analyse the inputs; print the analysis.
///
/// With `--db`, the analysis still runs in memory; persisting it is the store's business
/// (`lagebild ingest`), so the flag is accepted and reported on stderr.
pub fn run(paths: &[PathBuf], format: Format, db: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut docs = Vec::new();
    let mut rejected = false;
    lagebild_ingest::read_inputs(paths, &mut |r| match r {
        Ok(a) => docs.push(lagebild_nlp::annotate(a)),
        Err(e) => {
            eprintln!("{e}");
            rejected = true;
        }
    });
    if let Some(db) = db {
        eprintln!(
            "lagebild: analyze does not write {}; use `lagebild ingest --db` to store articles",
            db.display()
        );
    }
    let analysis = lagebild_story::analyze_all(docs);
    let mut out = std::io::stdout().lock();
    use std::io::Write;
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
