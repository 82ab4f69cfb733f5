//! `lagebild-eval [TASK…] [--shared DIR]`: the quality figures of SPEC §3.
//!
//! Reads third-party evaluation data from `DIR/data` (default `../shared`); a task whose data
//! is absent says so and is skipped. Tasks: `html`, `ner`, `quotes`, `timex`, `seeds`,
//! `stories`, `sets` (the project's own story sets against their hand-made gold files); none
//! given runs all. Metrics follow the reference scorers in `DIR/eval`.

use std::path::{Path, PathBuf};

mod html;
mod metrics;
mod ner;
mod quotes;
mod seeds;
mod stories;
mod timex;

type Task = fn(&Path) -> anyhow::Result<()>;

const TASKS: &[(&str, Task)] = &[
    ("html", html::run),
    ("ner", ner::run),
    ("quotes", quotes::run),
    ("timex", timex::run),
    ("seeds", seeds::run),
    ("stories", stories::run),
    ("sets", seeds::run_sets),
];

fn main() -> anyhow::Result<()> {
    let mut shared = PathBuf::from("../shared");
    let mut wanted = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--shared" {
            shared = PathBuf::from(
                args.next()
                    .ok_or_else(|| anyhow::anyhow!("--shared needs a directory"))?,
            );
        } else {
            wanted.push(a);
        }
    }
    for (name, task) in TASKS {
        if wanted.is_empty() || wanted.iter().any(|w| w == name) {
            println!("== {name}");
            if let Err(e) = task(&shared) {
                println!("{name}: failed: {e:#}");
            }
        }
    }
    Ok(())
}
