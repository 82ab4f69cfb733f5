//! `lagebild serve`: the JSON API and the web UI over a store, with the built binary.

mod common;

use common::{backends, bin, corpus, run, Backend, TestDb, ARTICLES};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    /// Start `lagebild serve` on a free port over the store `db` in `cwd`.
    fn start(cwd: &Path, db: &str) -> Server {
        Server::start_with(cwd, &["--db", db])
    }

    /// Start `lagebild serve` on a free port in `cwd` with these arguments.
    fn start_with(cwd: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(bin())
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .current_dir(cwd)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start lagebild serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the address");
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        Server { child, addr }
    }

    /// GET `path`: the status code and the body.
    fn get(&self, path: &str) -> (u16, String) {
        let (status, _, body) = self.get_with(path, "");
        (status, body)
    }

    /// GET `path` with these header lines (each ending in `\r\n`): the status code, the
    /// head and the body.
    fn get_with(&self, path: &str, headers: &str) -> (u16, String, String) {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {}\r\n{headers}Connection: close\r\n\r\n",
            self.addr
        )
        .expect("send");
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("read the answer");
        let raw = String::from_utf8(raw).expect("UTF-8 answer");
        let (head, body) = raw.split_once("\r\n\r\n").expect("head and body");
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .expect("status code");
        (status, head.to_string(), body.to_string())
    }

    /// GET `path` and parse the body as JSON, asserting the status.
    fn json(&self, path: &str, status: u16) -> serde_json::Value {
        let (got, body) = self.get(path);
        assert_eq!(got, status, "GET {path}: {body}");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: {e}: {body}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A folder with these articles under `in/`, ingested into the store `s.db` beside them.
fn ingested(articles: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = corpus(articles);
    let o = run(dir.path(), &["ingest", "in", "--db", "s.db"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    dir
}

#[test]
fn api_and_pages_answer_from_the_store() {
    for backend in backends("serve_api") {
        api_and_pages_answer_from_the_store_on(backend);
    }
}

fn api_and_pages_answer_from_the_store_on(backend: Backend) {
    let dir = corpus(ARTICLES);
    let db = TestDb::new(backend, "serve", "s.db");
    let o = run(dir.path(), &["ingest", "in", "--db", db.arg.as_str()]);
    assert_eq!(o.status.code(), Some(0));
    let server = Server::start(dir.path(), db.arg.as_str());

    let health = server.json("/api/health", 200);
    assert_eq!(health["status"], "ok");
    assert_eq!(health["articles"], 4);

    let stories = server.json("/api/stories", 200);
    let stories = stories.as_array().expect("array");
    assert_eq!(stories.len(), 2, "the dyke story and the chess story");
    let dyke = stories
        .iter()
        .find(|s| s["articles"].as_array().is_some_and(|a| a.len() == 3))
        .expect("the story of three articles");
    let id = dyke["id"].as_str().expect("id");

    // One story in the shape of `analyze --format json`.
    let one = server.json(&format!("/api/stories/{id}"), 200);
    assert_eq!(one["articles"].as_array().map(Vec::len), Some(3));
    assert_eq!(one["stories"][0]["id"], id);
    let quotes = one["stories"][0]["quotes"].as_array().expect("quotes");
    assert!(
        quotes.iter().any(|q| q["speaker"] == "Helga Brandt"),
        "{quotes:?}"
    );

    let articles = server.json("/api/articles", 200);
    assert_eq!(articles.as_array().map(Vec::len), Some(4));
    let article = server.json("/api/articles/kurier-schach", 200);
    assert_eq!(
        article["article"]["title"],
        "Schachturnier in Obertal eröffnet"
    );

    let hits = server.json("/api/search?q=Sands%C3%A4cke&limit=5", 200);
    let hits = hits.as_array().expect("hits");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["story"] == id), "{hits:?}");

    // Errors: one line of JSON under /api.
    let e = server.json("/api/stories/none", 404);
    assert_eq!(e["error"], "no story none in the store");
    server.json("/api/articles/none", 404);
    server.json("/api/search", 400);
    server.json("/api/search?q=Deich&limit=many", 400);
    server.json("/api/elsewhere", 404);

    // The web UI.
    let (status, index) = server.get("/");
    assert_eq!(status, 200);
    assert!(
        index.contains(&format!("href=\"/stories/{id}\"")),
        "{index}"
    );
    assert!(index.contains("Schachturnier in Obertal"));
    let (status, page) = server.get(&format!("/stories/{id}"));
    assert_eq!(status, 200);
    assert!(page.contains("Helga Brandt") && page.contains("href=\"/articles/kurier-deich\""));
    let (status, page) = server.get("/articles/kurier-deich");
    assert_eq!(status, 200);
    assert!(page.contains("Der Pegel der Wehra sinkt seit Mittwochmorgen."));
    let (status, page) = server.get("/search?q=Turnierleiter");
    assert_eq!(status, 200);
    assert!(page.contains("href=\"/articles/kurier-schach\""), "{page}");
    let (status, page) = server.get("/search?q=%3Cscript%3E");
    assert_eq!(status, 200);
    assert!(!page.contains("<script>"), "the query is escaped: {page}");
    assert_eq!(server.get("/stories/none").0, 404);
}

#[test]
fn a_story_that_gained_articles_is_served_with_them_and_serving_writes_nothing() {
    let dir = ingested(&ARTICLES[..2]);
    let server = Server::start(dir.path(), "s.db");
    let before = server.json("/api/stories", 200);
    let id = before[0]["id"].as_str().expect("id").to_string();
    // A later article joins while the server runs; the served story includes it.
    let (name, text) = ARTICLES[2];
    std::fs::write(dir.path().join(name), text).expect("write");
    assert_eq!(
        run(dir.path(), &["ingest", name, "--db", "s.db"])
            .status
            .code(),
        Some(0)
    );
    let one = server.json(&format!("/api/stories/{id}"), 200);
    assert_eq!(one["articles"].as_array().map(Vec::len), Some(3));
    let modified = std::fs::metadata(dir.path().join("s.db")).and_then(|m| m.modified());
    server.json(&format!("/api/stories/{id}"), 200);
    assert_eq!(
        modified.ok(),
        std::fs::metadata(dir.path().join("s.db"))
            .and_then(|m| m.modified())
            .ok(),
        "serving wrote to the store"
    );
}

#[test]
fn serving_a_missing_store_fails_with_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run(
        dir.path(),
        &["serve", "--db", "none.db", "--addr", "127.0.0.1:0"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("none.db"), "{err}");
    assert!(!dir.path().join("none.db").exists());
}

#[test]
fn with_an_auth_file_every_path_asks_for_the_credentials() {
    let dir = ingested(&ARTICLES[..2]);
    std::fs::write(dir.path().join("auth"), "\nredaktion:Deich-2026\n").expect("write");
    let server = Server::start_with(dir.path(), &["--db", "s.db", "--auth-file", "auth"]);
    // `redaktion:Deich-2026` in Base64, and the same user with another password
    let right = "Authorization: Basic cmVkYWt0aW9uOkRlaWNoLTIwMjY=\r\n";
    let wrong = "Authorization: Basic cmVkYWt0aW9uOkRlaWNoLTIwMjU=\r\n";
    for path in ["/api/health", "/api/stories", "/", "/search?q=Pegel"] {
        for headers in ["", wrong] {
            let (status, head, body) = server.get_with(path, headers);
            assert_eq!(status, 401, "{path} with {headers:?}: {body}");
            assert!(
                head.to_lowercase()
                    .contains("www-authenticate: basic realm=\"lagebild\""),
                "{head}"
            );
            assert!(!body.contains("Wehra"), "{body}");
        }
        let (status, _, body) = server.get_with(path, right);
        assert_eq!(status, 200, "{path}: {body}");
    }
    let (_, _, body) = server.get_with("/api/health", "");
    let e: serde_json::Value = serde_json::from_str(&body).expect("JSON under /api");
    assert!(e["error"].as_str().is_some_and(|m| !m.is_empty()), "{e}");
}

#[test]
fn a_malformed_auth_file_fails_with_one_line_naming_it() {
    let dir = ingested(&ARTICLES[..1]);
    std::fs::write(dir.path().join("auth"), "nur-ein-name\n").expect("write");
    for file in ["auth", "missing"] {
        let o = run(
            dir.path(),
            &[
                "serve",
                "--db",
                "s.db",
                "--addr",
                "127.0.0.1:0",
                "--auth-file",
                file,
            ],
        );
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(file), "{err}");
    }
}
