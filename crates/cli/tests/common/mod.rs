//! Helpers shared by the CLI integration tests: run the built binary, write fixtures.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../../../store/tests/common/pg.rs"]
mod pg;
pub use pg::{postgres_url, PgSchema};

/// The built `lagebild` binary.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_lagebild"))
}

/// Run `lagebild ARGS` in `cwd`, stdin closed.
pub fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(cwd)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run lagebild")
}

/// Exit code of a finished run (None when killed by a signal).
pub fn code(o: &Output) -> Option<i32> {
    o.status.code()
}

/// Stderr as lines.
pub fn err_lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

/// Stdout parsed as JSON.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

/// Run and parse stdout as JSON, asserting success.
pub fn run_json(cwd: &Path, args: &[&str]) -> serde_json::Value {
    let o = run(cwd, args);
    assert_eq!(
        code(&o),
        Some(0),
        "lagebild {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    json(&o)
}

/// Ids of the stored articles in `db` (relative to `cwd`).
pub fn stored_ids(cwd: &Path, db: &str) -> Vec<String> {
    run_json(cwd, &["articles", "--db", db, "--format", "json"])
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["id"].as_str().expect("id").to_string())
        .collect()
}

/// The article ids of every story in the store `db` (relative to `cwd`), each story's ids in
/// stored order, the stories sorted: what two runs must agree on.
pub fn story_members(cwd: &Path, db: &str) -> Vec<Vec<String>> {
    let mut v: Vec<Vec<String>> = run_json(cwd, &["stories", "--db", db, "--format", "json"])
        .as_array()
        .expect("stories")
        .iter()
        .map(|s| {
            s["articles"]
                .as_array()
                .expect("ids")
                .iter()
                .map(|x| x.as_str().expect("id").to_string())
                .collect()
        })
        .collect();
    v.sort();
    v
}

/// Three reports of one invented event (a dyke breach at an invented river) and one report of
/// something else, as plain-text files with header blocks.
pub const ARTICLES: &[(&str, &str)] = &[
    (
        "auenbote-deich.txt",
        "title: Deich an der Wehra gebrochen\ndate: 2025-03-04\nsource: Auenbote\n\n\
         Deich an der Wehra gebrochen\n\n\
         Am Dienstagmorgen ist bei Niederaue ein Deich an der Wehra auf einer Länge von \
         40 Metern gebrochen. Rund 300 Bewohner mussten ihre Häuser verlassen. \
         Landrätin Helga Brandt sagte, die Lage sei ernst, aber unter Kontrolle. \
         Das Technische Hilfswerk füllte bis zum Abend 20.000 Sandsäcke.\n",
    ),
    (
        "tagespost-deich.txt",
        "title: Wehra-Hochwasser: Deichbruch bei Niederaue\ndate: 2025-03-04\nsource: Tagespost\n\n\
         Wehra-Hochwasser: Deichbruch bei Niederaue\n\n\
         Bei Niederaue ist am Dienstag ein Deich an der Wehra gebrochen. Etwa 300 Menschen \
         wurden in Sicherheit gebracht. „Die Lage ist ernst, aber wir haben sie im Griff“, \
         sagte Landrätin Helga Brandt. Helfer des Technischen Hilfswerks füllten Sandsäcke.\n",
    ),
    (
        "kurier-deich.txt",
        "title: Niederaue: Bewohner dürfen nach Deichbruch zurück\ndate: 2025-03-05\nsource: Kurier\n\n\
         Niederaue: Bewohner dürfen nach Deichbruch zurück\n\n\
         Einen Tag nach dem Deichbruch an der Wehra dürfen die Bewohner von Niederaue in ihre \
         Häuser zurück. Landrätin Helga Brandt sagte, der Deich sei mit Sandsäcken gesichert. \
         Der Pegel der Wehra sinkt seit Mittwochmorgen.\n",
    ),
    (
        "kurier-schach.txt",
        "title: Schachturnier in Obertal eröffnet\ndate: 2025-06-20\nsource: Kurier\n\n\
         Schachturnier in Obertal eröffnet\n\n\
         In der Stadthalle von Obertal hat am Freitag das internationale Schachturnier \
         begonnen. 120 Spielerinnen und Spieler aus zwölf Ländern treten an. \
         Turnierleiter Jonas Feld erwartet spannende Partien.\n",
    ),
];

/// A fresh temp dir with `in/` holding the given articles; the store goes beside `in/`.
pub fn corpus(articles: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("in")).expect("in/");
    for (name, text) in articles {
        std::fs::write(dir.path().join("in").join(name), text).expect("write fixture");
    }
    dir
}

/// A store backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An SQLite file in the test's folder.
    Sqlite,
    /// A fresh schema on the server named by `LAGEBILD_TEST_POSTGRES`.
    Postgres,
}

/// The backends a store test runs on: SQLite, and PostgreSQL when `LAGEBILD_TEST_POSTGRES` is
/// set (otherwise one line says that part is skipped).
pub fn backends(test: &str) -> Vec<Backend> {
    if postgres_url(test).is_some() {
        vec![Backend::Sqlite, Backend::Postgres]
    } else {
        vec![Backend::Sqlite]
    }
}

/// A fresh store for a test: what `--db` gets, and the schema behind it on PostgreSQL
/// (dropped when this value goes).
pub struct TestDb {
    /// The `--db` argument: a file name relative to the test's folder, or a URL.
    pub arg: String,
    /// Which backend.
    pub backend: Backend,
    schema: Option<PgSchema>,
}

impl TestDb {
    /// A fresh store of `backend`: the SQLite file `file`, or a new PostgreSQL schema.
    pub fn new(backend: Backend, test: &str, file: &str) -> Self {
        match backend {
            Backend::Sqlite => Self {
                arg: file.to_string(),
                backend,
                schema: None,
            },
            Backend::Postgres => {
                let schema = PgSchema::new(&format!("{test}_{file}"))
                    .expect("backends() offers PostgreSQL only with a test server");
                Self {
                    arg: schema.url.clone(),
                    backend,
                    schema: Some(schema),
                }
            }
        }
    }

    /// Open the stored store (`None` while there is none yet), from the test's folder `cwd`.
    pub fn open(&self, cwd: &Path) -> Option<Box<dyn lagebild_store::Store>> {
        match self.backend {
            Backend::Sqlite => lagebild_store::SqliteStore::open_existing(&cwd.join(&self.arg))
                .ok()
                .map(|s| Box::new(s) as Box<dyn lagebild_store::Store>),
            Backend::Postgres => lagebild_store::PgStore::open_existing(&self.arg)
                .ok()
                .map(|s| Box::new(s) as Box<dyn lagebild_store::Store>),
        }
    }

    /// The PostgreSQL schema's name, if any.
    pub fn schema(&self) -> Option<&str> {
        self.schema.as_ref().map(|s| s.name.as_str())
    }
}
