//! Snapshot of the README's main command: the Markdown report of the example corpus that ships
//! with the project (`lagebild analyze examples/corpus --format md`). A change to what a reader
//! sees must show up here; `UPDATE_SNAPSHOTS=1` accepts a new report.

mod common;

use std::path::Path;

#[test]
fn example_corpus_report_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = common::run(&root, &["analyze", "examples/corpus", "--format", "md"]);
    assert_eq!(common::code(&out), Some(0), "{:?}", common::err_lines(&out));
    let actual = String::from_utf8(out.stdout).expect("UTF-8 report");
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/example_corpus.expected.md");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    let diff: Vec<String> = expected
        .lines()
        .zip(actual.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .take(5)
        .map(|(i, (a, b))| format!("line {}:\n- {a}\n+ {b}", i + 1))
        .collect();
    assert!(
        expected == actual,
        "report differs (UPDATE_SNAPSHOTS=1 to accept):\n{}",
        diff.join("\n")
    );
    // what a reader relies on: quotation marks only for direct speech, every line cited
    assert!(actual.contains("## Wer sagte was"));
    assert!(actual.contains("(indirekte Rede)"));
}
