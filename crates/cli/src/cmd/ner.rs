//! `lagebild ner`.

use crate::Format;
use std::path::Path;
use std::process::ExitCode;

/// Print the entities of one text, or tag a CoNLL token file.
pub fn run(_file: &Path, _conll: bool, _format: Format) -> anyhow::Result<ExitCode> {
    anyhow::bail!("ner is not available yet")
}
