//! Persistence of what the pipeline produced: articles, stories, their analyses.
//!
//! Analysis never needs the store; the store keeps results and feeds them back for
//! incremental runs.
