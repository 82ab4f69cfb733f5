//! Acceptance on the seed corpus in `../shared` (beside the repository): publication dates,
//! authors of article 003, credits of article 001, no gold boilerplate left in cleaned text.
//! Skips with a message when `../shared` is absent (`LAGEBILD_SHARED` names another place).

use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let root = std::env::var_os("LAGEBILD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    root.join("gold/seeds.json").exists().then_some(root)
}

#[test]
fn seeds_metadata_and_boilerplate() {
    let Some(root) = shared() else {
        eprintln!("skipped: ../shared/gold/seeds.json not found beside the repository");
        return;
    };
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("gold/seeds.json")).unwrap())
            .unwrap();
    let mut articles = Vec::new();
    lagebild_ingest::read_inputs(&[root.join("corpus/seeds")], &mut |r| {
        articles.push(r.expect("seed article reads"))
    });
    assert_eq!(articles.len(), 5);
    let by_letter = |l: &str| {
        let id = gold["articles"][l].as_str().unwrap();
        articles.iter().find(|a| a.id == id).expect("seed id")
    };
    for (letter, date) in gold["published"].as_object().unwrap() {
        let got = by_letter(letter).published.as_deref();
        let want = date.as_str().unwrap();
        let ok = got == Some(want)
            || (letter == "C" && matches!(got, Some("2025-12-02" | "2025-12-03")));
        assert!(ok, "{letter}: published {got:?}, gold {want}");
    }
    let d = by_letter("D");
    assert_eq!(d.authors.len(), 2, "{:?}", d.authors);
    let b = by_letter("B");
    for c in ["AFP", "dpa", "AP"] {
        assert!(
            b.credits.iter().any(|x| x == c),
            "{c} missing in {:?}",
            b.credits
        );
    }
    for a in &articles {
        for bp in gold["boilerplate"].as_array().unwrap() {
            let bp = bp.as_str().unwrap().to_lowercase();
            assert!(
                !a.text.to_lowercase().contains(&bp),
                "{}: '{bp}' survived",
                a.id
            );
        }
        assert_eq!(a.language, "de");
    }
}
