//! Temporal expressions (TIMEX3 style).

use crate::Span;
use serde::{Deserialize, Serialize};

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or part of one (`2025-12-02`, `2025-10`, `2025`).
    Date,
    /// A time of day (`2025-12-02T20:00`, `2025-12-02TEV`).
    Time,
    /// A length of time (`PT5H`, `P2W`).
    Duration,
    /// A recurrence (`XXXX-WXX-2`, `P1W`).
    Set,
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Where it stands in the text.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// Normalised value (`2025-12-02`, `2025-11`, `PT5H`, `XXXX-12-24`).
    pub value: String,
}
