//! Snapshot comparison shared by the integration tests of the story and command-line crates.

use std::path::Path;

/// Compare `actual` with the snapshot file at `path`, panicking with the first differing
/// lines; with `UPDATE_SNAPSHOTS` set, write `actual` there instead.
pub fn check(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(5)
            .map(|(i, (a, b))| format!("line {}:\n- {a}\n+ {b}", i + 1))
            .collect();
        panic!(
            "snapshot {} differs (UPDATE_SNAPSHOTS=1 to accept):\n{}",
            path.display(),
            diff.join("\n")
        );
    }
}
