//! Stores for the behavioural tests: each backend's fresh empty store.
//!
//! PostgreSQL runs when `LAGEBILD_TEST_POSTGRES` holds a connection URL
//! (`postgres://user@host:port/database`): every test gets its own schema, dropped when the
//! test ends, so tests run in parallel. Without the variable the PostgreSQL part of a test
//! prints one line saying so and passes.

#![allow(dead_code)]

use lagebild_model::{AnnotatedArticle, Article};
use lagebild_store::{PgStore, SqliteStore, Store};

mod pg;
pub use pg::*;

/// Run `test` on a fresh empty store of each backend: SQLite in memory, then PostgreSQL in a
/// fresh schema when a test server is configured.
pub fn each_backend(name: &str, test: impl Fn(&mut dyn Store)) {
    println!("{name}: SQLite");
    let mut s = SqliteStore::open_in_memory().expect("open SQLite");
    test(&mut s);
    if let Some(schema) = PgSchema::new(name) {
        println!("{name}: PostgreSQL");
        let mut s = PgStore::open(&schema.url).expect("open PostgreSQL");
        test(&mut s);
    }
}

/// A short German article.
pub fn doc(id: &str, title: &str, text: &str) -> AnnotatedArticle {
    AnnotatedArticle {
        article: Article {
            id: id.into(),
            title: title.into(),
            published: Some("2025-03-04".into()),
            outlet: Some("Kurier am Abend".into()),
            language: "de".into(),
            text: text.into(),
            source: format!("{id}.txt"),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// The i-th of a series of distinct council reports.
pub fn sample(i: usize) -> AnnotatedArticle {
    doc(
        &format!("a{i}"),
        &format!("Meldung Nummer {i}"),
        &format!(
            "Der Gemeinderat von Kleinfeld hat am Dienstag über Vorlage {i} beraten. \
             Die Bürgermeisterin sagte, man müsse sparen. {}",
            "Weitere Einzelheiten folgen. ".repeat(i % 7 + 1)
        ),
    )
}
