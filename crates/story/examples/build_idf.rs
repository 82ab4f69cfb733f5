//! Build `resources/de/idf.tsv`: document frequencies of story keys in German news text.
//!
//! `cargo run -p lagebild-story --example build_idf -- ../shared/data > crates/story/resources/de/idf.tsv`
//!
//! Reads the 10kGNAD test articles (`news-de-10kgnad/test.csv`) and the WikiNews documents
//! (`quotes-de-wikinews/{train,dev}/*.json`, field `originalText`). Keys seen in fewer than
//! three documents are left out (unknown keys count as rarest anyway).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = std::env::args()
        .nth(1)
        .ok_or("usage: build_idf DATA_DIR (e.g. ../shared/data)")?;
    let data = Path::new(&data);
    let mut texts: Vec<String> = Vec::new();
    let csv = std::fs::read_to_string(data.join("news-de-10kgnad/test.csv"))?;
    for line in csv.lines() {
        if let Some((_, t)) = line.split_once(';') {
            texts.push(t.trim_matches('\'').to_string());
        }
    }
    for split in ["train", "dev"] {
        let mut files: Vec<_> = std::fs::read_dir(data.join("quotes-de-wikinews").join(split))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for f in files {
            let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&f)?)?;
            if let Some(t) = v.get("originalText").and_then(|t| t.as_str()) {
                texts.push(t.to_string());
            }
        }
    }
    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    for t in &texts {
        let keys: BTreeSet<String> = lagebild_story::features::text_keys(t).into_iter().collect();
        for k in keys {
            *df.entry(k).or_default() += 1;
        }
    }
    println!("# document frequencies of story keys; built by examples/build_idf.rs");
    println!("#docs\t{}", texts.len());
    for (k, n) in df {
        if n >= 3 {
            println!("{k}\t{n}");
        }
    }
    Ok(())
}
