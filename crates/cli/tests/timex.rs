//! `lagebild timex`: the grammar follows the text's language, or `--lang`.

mod common;

use common::*;

/// The value of the expression whose text is `needle` in `timex` JSON output.
fn value(out: &serde_json::Value, needle: &str) -> String {
    out.as_array()
        .expect("a list of expressions")
        .iter()
        .find(|t| t["text"] == needle)
        .and_then(|t| t["value"].as_str())
        .unwrap_or_else(|| panic!("{needle:?} not in {out}"))
        .to_string()
}

#[test]
fn german_and_english_texts_get_their_own_grammar() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(
        d.join("de.txt"),
        "Die Ausstellung im Stadtmuseum läuft von März bis Juni 2027, der Eintritt ist frei.",
    )
    .expect("write");
    std::fs::write(
        d.join("en.txt"),
        "The exhibition at the town museum runs from March to June 2027, and entry is free.",
    )
    .expect("write");
    let de = run_json(
        d,
        &[
            "timex",
            "de.txt",
            "--date",
            "2026-11-20",
            "--format",
            "json",
        ],
    );
    assert_eq!(value(&de, "März"), "2027-03");
    assert_eq!(value(&de, "Juni 2027"), "2027-06");
    let en = run_json(
        d,
        &[
            "timex",
            "en.txt",
            "--date",
            "2026-11-20",
            "--format",
            "json",
        ],
    );
    assert_eq!(value(&en, "March"), "2027-03");
    assert_eq!(value(&en, "June 2027"), "2027-06");
    let forced = run_json(
        d,
        &[
            "timex",
            "en.txt",
            "--lang",
            "de",
            "--date",
            "2026-11-20",
            "--format",
            "json",
        ],
    );
    assert!(
        forced
            .as_array()
            .is_some_and(|l| l.iter().all(|t| t["text"] != "March")),
        "the German grammar knows no `March`: {forced}"
    );
    let o = run(d, &["timex", "en.txt", "--lang", "xx"]);
    assert_eq!(code(&o), Some(1));
    assert_eq!(err_lines(&o).len(), 1, "{:?}", err_lines(&o));
}
