//! `lagebild analyze`.

use crate::Format;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Read, annotate, cluster and analyse the inputs; print the analysis.
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
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&analysis)?),
        _ => anyhow::bail!("format {format:?} is not supported by analyze yet"),
    }
    Ok(if rejected {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
