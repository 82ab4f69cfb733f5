//! Reading the fixture articles of the integration tests.

use std::path::{Path, PathBuf};

/// `tests/fixtures` of this crate.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The articles of a fixture directory, in file-name order, read and annotated as `analyze`
/// reads and annotates them.
pub fn annotated(dir: &str) -> Vec<lagebild_model::AnnotatedArticle> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join(dir))
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut docs = Vec::new();
    lagebild_ingest::read_inputs(&files, &mut |r| {
        docs.push(lagebild_nlp::annotate(r.expect("fixture reads")))
    });
    docs
}
