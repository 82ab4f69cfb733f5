//! `lagebild ingest` and the store commands, end to end through the built binary.

mod common;

use common::*;
use std::path::Path;
use std::time::{Duration, Instant};

#[test]
fn ingest_stores_articles_and_reingest_changes_nothing() {
    for backend in backends("ingest_stores_articles") {
        ingest_stores_articles_and_reingest_changes_nothing_on(backend);
    }
}

fn ingest_stores_articles_and_reingest_changes_nothing_on(backend: Backend) {
    let dir = corpus(ARTICLES);
    let d = dir.path();
    let db = TestDb::new(backend, "reingest", "x.db");
    let x = db.arg.as_str();
    let o = run(d, &["ingest", "in", "--db", x, "--format", "json"]);
    assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        err_lines(&o).is_empty(),
        "no noise on stderr: {:?}",
        err_lines(&o)
    );
    let first = json(&o);
    assert_eq!(first["read"], 4);
    assert_eq!(first["added"], 4);
    let ids = stored_ids(d, x);
    assert_eq!(ids.len(), 4);
    let stories = run_json(d, &["stories", "--db", x, "--format", "json"]);
    let listed: usize = stories
        .as_array()
        .expect("stories")
        .iter()
        .map(|s| s["articles"].as_array().expect("ids").len())
        .sum();
    assert_eq!(listed, 4, "every article is in exactly one story");

    // Again, twice: nothing changes.
    for _ in 0..2 {
        let again = run_json(d, &["ingest", "in", "--db", x, "--format", "json"]);
        assert_eq!(again["added"], 0);
        assert_eq!(again["duplicates"], 4);
        assert_eq!(stored_ids(d, x), ids);
        assert_eq!(
            run_json(d, &["stories", "--db", x, "--format", "json"]),
            stories
        );
    }
    // The same text under another file name is a duplicate too.
    std::fs::create_dir(d.join("copy")).expect("copy/");
    std::fs::write(d.join("copy/renamed.txt"), ARTICLES[0].1).expect("write");
    let again = run_json(d, &["ingest", "copy", "--db", x, "--format", "json"]);
    assert_eq!(again["duplicates"], 1);
    assert_eq!(stored_ids(d, x).len(), 4);
}

#[test]
fn default_store_is_lagebild_db_in_the_working_directory() {
    let dir = corpus(&ARTICLES[..1]);
    let d = dir.path();
    let o = run(d, &["ingest", "in"]);
    assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(d.join("lagebild.db").is_file());
    let o = run(d, &["articles"]);
    assert_eq!(code(&o), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("auenbote-deich"));
}

#[test]
fn ingesting_the_folder_that_holds_the_store_skips_the_store_files() {
    let dir = corpus(&ARTICLES[..2]);
    let d = dir.path().join("in");
    for _ in 0..2 {
        let o = run(&d, &["ingest", ".", "--format", "json"]);
        assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(
            err_lines(&o).is_empty(),
            "the store's own files are no input: {:?}",
            err_lines(&o)
        );
        assert_eq!(json(&o)["read"], 2);
    }
    assert!(d.join("lagebild.db").is_file());
    // given by name, a database is still reported as bad input
    let o = run(&d, &["ingest", "lagebild.db", "--db", "other.db"]);
    assert_eq!(err_lines(&o).len(), 1, "{:?}", err_lines(&o));
}

#[test]
fn read_commands_show_what_was_stored() {
    for backend in backends("read_commands") {
        read_commands_show_what_was_stored_on(backend);
    }
}

fn read_commands_show_what_was_stored_on(backend: Backend) {
    let dir = corpus(ARTICLES);
    let d = dir.path();
    let db = TestDb::new(backend, "read", "x.db");
    let x = db.arg.as_str();
    assert_eq!(code(&run(d, &["ingest", "in", "--db", x])), Some(0));

    let a = run_json(
        d,
        &["article", "tagespost-deich", "--db", x, "--format", "json"],
    );
    assert_eq!(a["article"]["id"], "tagespost-deich");
    let text = a["article"]["text"].as_str().expect("text");
    assert!(text.contains("„Die Lage ist ernst"), "{text}");
    let story = a["story"].as_str().expect("story").to_string();

    let s = run_json(d, &["show", &story, "--db", x, "--format", "json"]);
    assert_eq!(s["id"], story.as_str());
    assert!(s["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .any(|x| x == "tagespost-deich"));

    // Markdown and HTML renderings of the stored story.
    for (format, marker) in [("md", "#"), ("html", "<html")] {
        let o = run(d, &["show", &story, "--db", x, "--format", format]);
        assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains(marker), "{format}: {out}");
        assert!(out.contains("Niederaue"), "{format}: {out}");
    }

    let hits = run_json(d, &["search", "Sandsäcke", "--db", x, "--format", "json"]);
    let found: Vec<&str> = hits
        .as_array()
        .expect("hits")
        .iter()
        .filter(|h| h["kind"] == "article")
        .map(|h| h["article"].as_str().expect("id"))
        .collect();
    assert!(found.contains(&"auenbote-deich"), "{found:?}");
    assert!(!found.contains(&"kurier-schach"));
    // Diacritics folded, prefix search.
    let hits = run_json(d, &["search", "schachturn*", "--db", x, "--format", "json"]);
    assert_eq!(hits[0]["article"], "kurier-schach");

    // Unknown ids are errors naming what is missing, exit 1.
    let o = run(d, &["article", "nichtda", "--db", x]);
    assert_eq!(code(&o), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nichtda"));
    let o = run(d, &["show", "nichtda", "--db", x]);
    assert_eq!(code(&o), Some(1));
    // Reading a store that is not there creates nothing.
    let none = TestDb::new(backend, "read", "none.db");
    let o = run(d, &["stories", "--db", &none.arg]);
    assert_eq!(code(&o), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("no store at"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(none.open(d).is_none());
    assert!(!d.join("none.db").exists());
}

#[test]
fn later_articles_join_their_stored_story_as_in_one_run() {
    for backend in backends("later_articles_join") {
        later_articles_join_their_stored_story_as_in_one_run_on(backend);
    }
}

fn later_articles_join_their_stored_story_as_in_one_run_on(backend: Backend) {
    let inc = TestDb::new(backend, "later", "inc.db");
    let one = TestDb::new(backend, "later", "one.db");
    let (inc, one) = (inc.arg.as_str(), one.arg.as_str());
    // Incremental: the first two files (in the order a directory is read: by name), then the
    // rest in a second run, so both ways see the articles in the same order.
    let dir = corpus(ARTICLES);
    let d = dir.path();
    std::fs::create_dir(d.join("first")).expect("first/");
    let mut sorted = ARTICLES.to_vec();
    sorted.sort();
    for (name, text) in &sorted[..2] {
        std::fs::write(d.join("first").join(name), text).expect("write");
    }
    assert_eq!(sorted[3].0, "tagespost-deich.txt");
    assert_eq!(code(&run(d, &["ingest", "first", "--db", inc])), Some(0));
    let o = run_json(d, &["ingest", "in", "--db", inc, "--format", "json"]);
    assert_eq!(o["added"], 2);
    assert_eq!(o["duplicates"], 2);
    // One shot.
    assert_eq!(code(&run(d, &["ingest", "in", "--db", one])), Some(0));
    let arrival = |db: &str| {
        let mut ids = stored_ids(d, db);
        ids.sort();
        ids
    };
    assert_eq!(arrival(inc), arrival(one));

    // Same stories, same analyses: the engine state survived between the runs.
    let by_story = |db: &str| {
        let mut v: Vec<(String, serde_json::Value)> = Vec::new();
        for s in run_json(d, &["stories", "--db", db, "--format", "json"])
            .as_array()
            .expect("stories")
        {
            let id = s["id"].as_str().expect("id").to_string();
            assert_eq!(s["stale"], false, "every story analysed after ingest");
            let mut articles: Vec<String> = s["articles"]
                .as_array()
                .expect("ids")
                .iter()
                .map(|x| x.as_str().expect("id").to_string())
                .collect();
            articles.sort();
            let analysis = run_json(d, &["show", &id, "--db", db, "--format", "json"]);
            v.push((articles.join(","), analysis["facts"].clone()));
        }
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    };
    assert_eq!(by_story(inc), by_story(one));

    // The later article's story analysis covers it.
    let later = run_json(
        d,
        &[
            "article",
            "tagespost-deich",
            "--db",
            inc,
            "--format",
            "json",
        ],
    );
    let story = later["story"].as_str().expect("story");
    let s = run_json(d, &["show", story, "--db", inc, "--format", "json"]);
    assert!(s["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .any(|x| x == "tagespost-deich"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    for args in [
        &["ingest"][..],
        &["show"],
        &["article"],
        &["search"],
        &["ingest", "x", "--format", "yaml"],
        &["stories", "--frobnicate"],
        &["no-such-command"],
        &[],
    ] {
        let o = run(d, args);
        assert_eq!(code(&o), Some(2), "lagebild {args:?}");
        assert!(!o.stderr.is_empty(), "lagebild {args:?} explains itself");
    }
    assert!(!d.join("lagebild.db").exists());
    let o = run(d, &["--help"]);
    assert_eq!(code(&o), Some(0));
}

#[test]
fn a_second_ingest_on_the_same_store_is_refused_while_one_runs() {
    let dir = corpus(&ARTICLES[..1]);
    let d = dir.path();
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(d.join("x.db-lock"))
        .expect("lock file");
    lock.lock().expect("hold the lock");
    let o = run(d, &["ingest", "in", "--db", "x.db"]);
    assert_eq!(code(&o), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("another ingest"));
    drop(lock);
    assert_eq!(code(&run(d, &["ingest", "in", "--db", "x.db"])), Some(0));
}

/// Write distinct short articles about invented events into `dir`, numbered by `range`.
fn many_articles(dir: &Path, range: std::ops::Range<usize>) {
    const PLACES: &[&str] = &[
        "Obertal",
        "Niederaue",
        "Kleinfeld",
        "Westerbruch",
        "Hohenmoor",
        "Lindental",
    ];
    const THINGS: &[&str] = &[
        "eine neue Brücke",
        "den Haushalt",
        "ein Schwimmbad",
        "die Buslinie",
        "den Stadtpark",
        "eine Schule",
    ];
    std::fs::create_dir_all(dir).expect("dir");
    for i in range {
        let place = PLACES[i % PLACES.len()];
        let thing = THINGS[(i / PLACES.len()) % THINGS.len()];
        let text = format!(
            "title: Rat von {place} berät über {thing} ({i})\ndate: 2025-0{}-{:02}\n\n\
             Rat von {place} berät über {thing} ({i})\n\n\
             Der Rat von {place} hat in seiner Sitzung Nummer {i} über {thing} beraten. \
             Der Bürgermeister sagte, man werde im Herbst entscheiden. \
             Die Kosten liegen bei {} Euro.\n",
            1 + i % 9,
            1 + i % 28,
            1000 + 37 * i
        );
        std::fs::write(dir.join(format!("m{i:05}.txt")), text).expect("write");
    }
}

#[test]
fn a_killed_ingest_leaves_a_consistent_store_and_resumes_without_duplicates() {
    for backend in backends("a_killed_ingest") {
        a_killed_ingest_leaves_a_consistent_store_on(backend);
    }
}

fn a_killed_ingest_leaves_a_consistent_store_on(backend: Backend) {
    const N: usize = 1500;
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    many_articles(&d.join("in"), 0..N);
    let k = TestDb::new(backend, "killed", "k.db");
    let clean = TestDb::new(backend, "killed", "clean.db");

    let errors = std::fs::File::create(d.join("stderr.txt")).expect("stderr file");
    let mut child = std::process::Command::new(bin())
        .args(["ingest", "in", "--db", &k.arg])
        .current_dir(d)
        .stdout(std::process::Stdio::null())
        .stderr(errors)
        .spawn()
        .expect("spawn ingest");
    // Kill it once some articles are stored (SIGKILL: no clean-up of any kind).
    let start = Instant::now();
    let mut killed_midway = false;
    let mut ended = None;
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            ended = Some(status);
            break;
        }
        let stored = k.open(d).and_then(|s| s.article_count().ok()).unwrap_or(0) >= 50;
        if stored {
            child.kill().expect("kill");
            child.wait().expect("reap");
            killed_midway = true;
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "ingest too slow"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    if !killed_midway {
        eprintln!("note: ingest of {N} articles finished before it could be killed");
    }

    {
        if backend == Backend::Sqlite {
            let s = lagebild_store::SqliteStore::open_existing(&d.join(&k.arg)).expect("reopen");
            assert_eq!(s.check().expect("check"), Vec::<String>::new());
        }
        let s = k.open(d).expect("reopen");
        let n = s.article_count().expect("count");
        assert!(
            n >= 50 && n <= N as u64,
            "{n} articles stored; ingest ended by itself: {ended:?}, stderr: {}",
            std::fs::read_to_string(d.join("stderr.txt")).unwrap_or_default()
        );
    }

    // Resume: everything stored exactly once, stories as in an uninterrupted run.
    let o = run_json(d, &["ingest", "in", "--db", &k.arg, "--format", "json"]);
    assert_eq!(o["rejected"], 0);
    let mut ids = stored_ids(d, &k.arg);
    assert_eq!(ids.len(), N);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), N);

    assert_eq!(
        code(&run(d, &["ingest", "in", "--db", &clean.arg])),
        Some(0)
    );
    let resumed = run_json(d, &["stories", "--db", &k.arg, "--format", "json"]);
    assert!(
        resumed
            .as_array()
            .is_some_and(|ss| ss.iter().all(|s| s["stale"] == false)),
        "{resumed}"
    );
    assert_eq!(story_members(d, &k.arg), story_members(d, &clean.arg));
}

#[test]
fn analyze_with_db_stores_and_prints_the_stories_of_its_inputs() {
    for backend in backends("analyze_with_db") {
        analyze_with_db_stores_and_prints_the_stories_of_its_inputs_on(backend);
    }
}

fn analyze_with_db_stores_and_prints_the_stories_of_its_inputs_on(backend: Backend) {
    let dir = corpus(ARTICLES);
    let d = dir.path();
    let db = TestDb::new(backend, "analyze", "a.db");
    let a = db.arg.as_str();
    let first = run_json(d, &["analyze", "in", "--db", a, "--format", "json"]);
    let articles = first["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 4);
    let in_stories: usize = first["stories"]
        .as_array()
        .expect("stories")
        .iter()
        .map(|s| s["articles"].as_array().expect("ids").len())
        .sum();
    assert_eq!(in_stories, 4);
    assert_eq!(stored_ids(d, a).len(), 4);
    // Everything already stored: the same picture again, nothing added.
    let again = run_json(d, &["analyze", "in", "--db", a, "--format", "json"]);
    assert_eq!(again, first);
    assert_eq!(stored_ids(d, a).len(), 4);
}

#[test]
fn ingest_reads_stdin() {
    for backend in backends("ingest_reads_stdin") {
        ingest_reads_stdin_on(backend);
    }
}

fn ingest_reads_stdin_on(backend: Backend) {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let db = TestDb::new(backend, "stdin", "x.db");
    let x = db.arg.as_str();
    let mut child = std::process::Command::new(bin())
        .args(["ingest", "-", "--db", x, "--format", "json"])
        .current_dir(d)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(ARTICLES[3].1.as_bytes())
        .expect("write stdin");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(json(&o)["added"], 1);
    let rows = run_json(d, &["articles", "--db", x, "--format", "json"]);
    assert_eq!(rows.as_array().expect("rows").len(), 1);
    assert!(rows[0]["title"]
        .as_str()
        .expect("title")
        .contains("Schachturnier"));
}

#[test]
fn a_second_ingest_into_postgres_waits_its_turn() {
    if postgres_url("a_second_ingest_waits").is_none() {
        return;
    }
    let dir = corpus(&ARTICLES[..1]);
    let d = dir.path();
    let db = TestDb::new(Backend::Postgres, "waits", "w");
    let mut holder = lagebild_store::PgStore::open(&db.arg).expect("open");
    assert!(holder.try_lock_ingest().expect("lock"));
    let child = std::process::Command::new(bin())
        .args(["ingest", "in", "--db", &db.arg, "--format", "json"])
        .current_dir(d)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn ingest");
    std::thread::sleep(Duration::from_millis(1500));
    {
        use lagebild_store::Store;
        assert_eq!(
            holder.article_count().expect("count"),
            0,
            "nothing is stored while another session holds the lock"
        );
    }
    drop(holder);
    let o = child.wait_with_output().expect("wait");
    assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let lines = err_lines(&o);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("waiting for another ingest into postgres"),
        "{lines:?}"
    );
    assert_eq!(json(&o)["added"], 1);
}

#[test]
fn two_ingests_into_postgres_at_once_keep_every_article_and_one_engine() {
    if postgres_url("two_ingests_at_once").is_none() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    // Two inputs that share 40 articles.
    many_articles(&d.join("a"), 0..120);
    many_articles(&d.join("b"), 80..200);
    let db = TestDb::new(Backend::Postgres, "at_once", "both");
    let spawn = |input: &str| {
        std::process::Command::new(bin())
            .args(["ingest", input, "--db", &db.arg, "--format", "json"])
            .current_dir(d)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn ingest")
    };
    let (a, b) = (spawn("a"), spawn("b"));
    let (a, b) = (
        a.wait_with_output().expect("a"),
        b.wait_with_output().expect("b"),
    );
    for o in [&a, &b] {
        assert_eq!(code(o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let waited = [&a, &b]
        .iter()
        .filter(|o| String::from_utf8_lossy(&o.stderr).contains("waiting for another ingest"))
        .count();
    if waited == 0 {
        eprintln!("note: the two ingests did not overlap");
    }
    assert!(waited <= 1);
    let (a, b) = (json(&a), json(&b));
    assert_eq!(a["read"], 120);
    assert_eq!(b["read"], 120);
    assert_eq!(
        a["added"].as_u64().expect("n") + b["added"].as_u64().expect("n"),
        200,
        "{a} {b}"
    );
    assert_eq!(
        a["duplicates"].as_u64().expect("n") + b["duplicates"].as_u64().expect("n"),
        40
    );
    let mut ids = stored_ids(d, &db.arg);
    assert_eq!(ids.len(), 200);
    // Which one went first: the one whose articles arrived first.
    let a_first = ids[0].as_str() < "m00080";
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 200, "every article stored once");

    // The engine has seen every article, and the stories are those of the two runs one after
    // the other.
    {
        let s = db.open(d).expect("open");
        let last = s.articles().expect("rows").last().expect("rows").seq;
        assert_eq!(s.checkpoint().expect("cp").expect("saved").seq, last);
        assert!(s.stale_stories().expect("stale").is_empty());
    }
    let sequential = TestDb::new(Backend::Postgres, "at_once", "sequential");
    let order = if a_first { ["a", "b"] } else { ["b", "a"] };
    for input in order {
        let o = run(d, &["ingest", input, "--db", &sequential.arg]);
        assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert_eq!(story_members(d, &db.arg), story_members(d, &sequential.arg));
    let again = run_json(
        d,
        &["ingest", "a", "b", "--db", &db.arg, "--format", "json"],
    );
    assert_eq!(again["added"], 0);
}
