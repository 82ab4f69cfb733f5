//! One module per subcommand group.

pub mod analyze;
pub mod extract;
pub mod ner;
pub mod quotes;
pub mod store;
pub mod timex;
