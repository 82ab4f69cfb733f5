//! Store commands: `ingest`, `articles`, `article`, `stories`, `show`, `search`.

use crate::Format;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Add articles to the store.
pub fn ingest(_paths: &[PathBuf], _db: &Path, _format: Format) -> anyhow::Result<ExitCode> {
    anyhow::bail!("ingest is not available yet")
}

/// List stored articles.
pub fn articles(_db: &Path, _format: Format) -> anyhow::Result<ExitCode> {
    anyhow::bail!("articles is not available yet")
}

/// Show one stored article.
pub fn article(_id: &str, _db: &Path, _format: Format) -> anyhow::Result<ExitCode> {
    anyhow::bail!("article is not available yet")
}

/// List stored stories.
pub fn stories(_db: &Path, _format: Format) -> anyhow::Result<ExitCode> {
    anyhow::bail!("stories is not available yet")
}

/// Show one stored story.
pub fn show(_story: &str, _db: &Path, _format: Format) -> anyhow::Result<ExitCode> {
    anyhow::bail!("show is not available yet")
}

/// Full-text search.
pub fn search(_query: &str, _db: &Path, _format: Format) -> anyhow::Result<ExitCode> {
    anyhow::bail!("search is not available yet")
}
