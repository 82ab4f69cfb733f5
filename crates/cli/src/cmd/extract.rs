//! `lagebild extract`.

use crate::Format;
use std::path::Path;
use std::process::ExitCode;

/// Print main text and metadata of one HTML page.
pub fn run(_file: &Path, _format: Format) -> anyhow::Result<ExitCode> {
    anyhow::bail!("extract is not available yet")
}
