//! What only the PostgreSQL store has: its migrations, its locks, several sessions writing at
//! once. Runs when `LAGEBILD_TEST_POSTGRES` is set (see `common`).

mod common;

use common::{sample, PgSchema};
use lagebild_store::{Inserted, PgStore, Store, StoreError};
use std::sync::{Arc, Barrier};

#[test]
fn fresh_store_is_migrated_once_and_a_newer_one_refused() {
    let Some(schema) = PgSchema::new("migrated_once") else {
        return;
    };
    // Read commands create nothing.
    assert!(matches!(
        PgStore::open_existing(&schema.url),
        Err(StoreError::Missing(_))
    ));
    let tables = |schema: &PgSchema| -> i64 {
        schema
            .admin()
            .query_one(
                "SELECT count(*) FROM pg_tables WHERE schemaname = $1",
                &[&schema.name],
            )
            .expect("count tables")
            .get(0)
    };
    assert_eq!(tables(&schema), 0);

    // Four sessions opening a new store at once: one migrates, the others find it done.
    let barrier = Arc::new(Barrier::new(4));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let url = schema.url.clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                PgStore::open(&url).map(|s| s.schema_version().expect("version"))
            })
        })
        .collect();
    for h in handles {
        assert_eq!(
            h.join().expect("thread").expect("open"),
            PgStore::latest_schema_version()
        );
    }
    let s = PgStore::open_existing(&schema.url).expect("reopen");
    assert_eq!(s.schema(), schema.name);
    let versions: i64 = schema
        .admin()
        .query_one(
            &format!("SELECT count(*) FROM {}.schema_version", schema.name),
            &[],
        )
        .expect("versions")
        .get(0);
    assert_eq!(versions, PgStore::latest_schema_version());
    drop(s);

    schema
        .admin()
        .execute(
            &format!(
                "INSERT INTO {}.schema_version (version) VALUES (99)",
                schema.name
            ),
            &[],
        )
        .expect("bump");
    match PgStore::open(&schema.url) {
        Err(StoreError::TooNew { found: 99, .. }) => {}
        Err(e) => panic!("wrong error {e}"),
        Ok(_) => panic!("a newer store must not be opened"),
    }
}

#[test]
fn errors_name_what_failed_without_the_password() {
    let Some(schema) = PgSchema::new("errors") else {
        return;
    };
    let missing = common::in_schema(
        &std::env::var(common::ENV).expect("url"),
        "lbt_no_such_schema",
    );
    match PgStore::open(&missing) {
        Err(e @ StoreError::NoSchema(_)) => assert!(e.to_string().contains("search_path")),
        Err(e) => panic!("wrong error {e}"),
        Ok(_) => panic!("no schema to create the store in"),
    }
    let e = PgStore::open("postgres://someone:secret@127.0.0.1:1/nothing")
        .err()
        .expect("nothing listens on port 1");
    let line = e.to_string();
    assert!(
        line.contains("postgres://someone@127.0.0.1:1/nothing"),
        "{line}"
    );
    assert!(!line.contains("secret") && !line.contains('\n'), "{line}");

    let mut s = PgStore::open(&schema.url).expect("open");
    s.insert_article(&sample(1), "s1").expect("a1");
    let mut clash = sample(2);
    clash.article.id = "a1".into();
    let line = s
        .insert_article(&clash, "s1")
        .expect_err("id taken")
        .to_string();
    assert!(line.starts_with("storing an article: ERROR: "), "{line}");
    assert!(!line.contains('\n'), "{line}");
}

#[test]
fn the_ingest_lock_admits_one_session_per_store() {
    let Some(one) = PgSchema::new("ingest_lock") else {
        return;
    };
    let Some(other) = PgSchema::new("ingest_lock_other") else {
        return;
    };
    let mut a = PgStore::open(&one.url).expect("a");
    let mut b = PgStore::open(&one.url).expect("b");
    let mut elsewhere = PgStore::open(&other.url).expect("other schema");
    assert!(a.try_lock_ingest().expect("a locks"));
    assert!(
        a.try_lock_ingest().expect("a again"),
        "taking it twice is fine"
    );
    assert!(!b.try_lock_ingest().expect("b waits"));
    assert!(
        elsewhere.try_lock_ingest().expect("other store"),
        "stores in other schemas have their own lock"
    );
    // A waiting session gets the lock once the holder is gone (dropped or killed alike).
    let url = one.url.clone();
    let waiter = std::thread::spawn(move || {
        let mut c = PgStore::open(&url).expect("c");
        c.lock_ingest().expect("c waits");
        c.unlock_ingest().expect("c releases");
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        !waiter.is_finished(),
        "the waiter waits while a holds the lock"
    );
    drop(a);
    waiter.join().expect("waiter");
    assert!(b.try_lock_ingest().expect("b now"));
}

#[test]
fn sessions_storing_the_same_texts_at_once_store_each_once() {
    let Some(schema) = PgSchema::new("same_texts_at_once") else {
        return;
    };
    PgStore::open(&schema.url).expect("create");
    const N: usize = 60;
    let barrier = Arc::new(Barrier::new(3));
    let handles: Vec<_> = (0..3)
        .map(|t| {
            let url = schema.url.clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                let mut s = PgStore::open(&url).expect("open");
                barrier.wait();
                let mut added = Vec::new();
                // Each thread stores every text (under ids of its own: the text is the key),
                // starting at a different place.
                for k in 0..N {
                    let i = (k + t * N / 3) % N;
                    let mut d = sample(i);
                    d.article.id = format!("a{i}-{t}");
                    if let Inserted::Added { seq } = s
                        .insert_article(&d, &format!("s{}", i % 4))
                        .expect("insert")
                    {
                        added.push(seq);
                    }
                }
                added
            })
        })
        .collect();
    let mut seqs: Vec<i64> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("thread"))
        .collect();
    seqs.sort_unstable();
    seqs.dedup();
    assert_eq!(seqs.len(), N, "every text added exactly once");
    let s = PgStore::open_existing(&schema.url).expect("open");
    assert_eq!(s.article_count().expect("n"), N as u64);
    let stored: usize = s
        .stories()
        .expect("stories")
        .iter()
        .map(|r| r.articles.len())
        .sum();
    assert_eq!(stored, N);
    assert_eq!(s.search("Vorlage", 100).expect("search").len(), N);
}
