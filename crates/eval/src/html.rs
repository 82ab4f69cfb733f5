//! Evaluation task `html`.

use std::path::Path;

/// Run the task against the data under `shared`.
pub fn run(_shared: &Path) -> anyhow::Result<()> {
    println!("html: not measured yet");
    Ok(())
}
