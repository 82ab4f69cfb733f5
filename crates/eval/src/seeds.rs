//! Evaluation task `seeds`.

use std::path::Path;

/// Run the task against the data under `shared`.
pub fn run(_shared: &Path) -> anyhow::Result<()> {
    println!("seeds: not measured yet");
    Ok(())
}
