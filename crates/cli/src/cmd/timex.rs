//! `lagebild timex`.

use crate::Format;
use std::path::Path;
use std::process::ExitCode;

/// Print the temporal expressions of one text.
pub fn run(_file: &Path, _date: Option<&str>, _format: Format) -> anyhow::Result<ExitCode> {
    anyhow::bail!("timex is not available yet")
}
