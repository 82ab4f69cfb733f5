//! Evaluation task `quotes`.

use std::path::Path;

/// Run the task against the data under `shared`.
pub fn run(_shared: &Path) -> anyhow::Result<()> {
    println!("quotes: not measured yet");
    Ok(())
}
