//! Evaluation task `stories`.

use std::path::Path;

/// Run the task against the data under `shared`.
pub fn run(_shared: &Path) -> anyhow::Result<()> {
    println!("stories: not measured yet");
    Ok(())
}
