//! A fresh PostgreSQL schema per test on the server named by `LAGEBILD_TEST_POSTGRES`, shared by
//! the store's tests and the command-line tests (which include this file by path).

#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The variable holding the test server's URL.
pub const ENV: &str = "LAGEBILD_TEST_POSTGRES";

/// The test server's URL, or `None` (with one line saying what is skipped) when unset.
pub fn postgres_url(what: &str) -> Option<String> {
    match std::env::var(ENV) {
        Ok(url) if !url.trim().is_empty() => Some(url.trim().to_string()),
        _ => {
            println!("{what}: PostgreSQL skipped ({ENV} is not set)");
            None
        }
    }
}

/// A fresh schema on the test server, dropped (with everything in it) when this value goes.
pub struct PgSchema {
    base: String,
    /// The schema's name.
    pub name: String,
    /// A URL whose sessions work in this schema.
    pub url: String,
}

impl PgSchema {
    /// A new empty schema for the test `test`; `None` when no test server is configured.
    pub fn new(test: &str) -> Option<Self> {
        let base = postgres_url(test)?;
        static N: AtomicUsize = AtomicUsize::new(0);
        let slug: String = test
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .take(32)
            .collect();
        let name = format!(
            "lbt_{}_{}_{slug}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = connect(&base);
        shared_extension(&mut client);
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
            ))
            .expect("create the test schema");
        let url = in_schema(&base, &name);
        Some(Self { base, name, url })
    }

    /// A new session on the test server (in its default schema).
    pub fn admin(&self) -> postgres::Client {
        connect(&self.base)
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.base, postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

/// `base` with the session's search_path set to `schema`.
pub fn in_schema(base: &str, schema: &str) -> String {
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}options=-c%20search_path%3D{schema}")
}

fn connect(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot connect to {ENV}: {e:?}"))
}

/// The store creates the `unaccent` extension in its own schema when the database has none;
/// for tests it is created once in `public`, so that dropping one test's schema never takes
/// the dictionary away from another's.
fn shared_extension(client: &mut postgres::Client) {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        if client
            .batch_execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
            .is_err()
        {
            // Another test process created it at the same moment.
            let n = client
                .query_one(
                    "SELECT count(*) FROM pg_extension WHERE extname = 'unaccent'",
                    &[],
                )
                .expect("look for unaccent")
                .get::<_, i64>(0);
            assert_eq!(n, 1, "the unaccent extension could not be created");
        }
    });
}
