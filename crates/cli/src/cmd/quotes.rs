//! `lagebild quotes`.

use crate::Format;
use std::path::Path;
use std::process::ExitCode;

/// Print the quotes of one article.
pub fn run(_file: &Path, _date: Option<&str>, _format: Format) -> anyhow::Result<ExitCode> {
    anyhow::bail!("quotes is not available yet")
}
