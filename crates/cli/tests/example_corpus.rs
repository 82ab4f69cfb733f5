//! Snapshot of the README's main command: the Markdown report of the example corpus that ships
//! with the project (`lagebild analyze examples/corpus --format md`). A change to what a reader
//! sees must show up here; `UPDATE_SNAPSHOTS=1` accepts a new report.

mod common;
#[path = "../../story/tests/common/snapshot.rs"]
mod snapshot;

use std::path::Path;

#[test]
fn example_corpus_report_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = common::run(&root, &["analyze", "examples/corpus", "--format", "md"]);
    assert_eq!(common::code(&out), Some(0), "{:?}", common::err_lines(&out));
    let actual = String::from_utf8(out.stdout).expect("UTF-8 report");
    snapshot::check(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/example_corpus.expected.md"),
        &actual,
    );
    // what a reader relies on: quotation marks only for direct speech, every line cited
    assert!(actual.contains("## Wer sagte was"));
    assert!(actual.contains("(indirekte Rede)"));
}
