//! What every store guarantees, checked on each backend (see `common::each_backend`).

mod common;

use common::{doc, each_backend, sample};
use lagebild_model::{Fact, QuoteKind, StoryAnalysis, StoryQuote};
use lagebild_store::{article_key, Checkpoint, HitKind, Inserted};

#[test]
fn insert_is_idempotent_and_round_trips() {
    each_backend("insert_is_idempotent_and_round_trips", |s| {
        let d = sample(1);
        assert_eq!(
            s.insert_article(&d, "s1").expect("ins"),
            Inserted::Added { seq: 1 }
        );
        // Same text under another id and different layout: a duplicate.
        let mut again = d.clone();
        again.article.id = "other".into();
        again.article.text = format!("  {}\n", d.article.text);
        assert_eq!(
            s.insert_article(&again, "s2").expect("ins"),
            Inserted::Duplicate { id: "a1".into() }
        );
        assert_eq!(s.article_count().expect("n"), 1);
        assert_eq!(s.stories().expect("stories").len(), 1);
        let back = s.article("a1").expect("get").expect("present");
        assert_eq!(back.doc, d);
        assert_eq!(back.story, "s1");
        assert_eq!(back.seq, 1);
        assert_eq!(back.ingested_at.len(), "2025-03-04T10:00:00Z".len());
        assert!(back.ingested_at.ends_with('Z'), "{}", back.ingested_at);
        assert!(s.article("other").expect("get").is_none());
        assert!(s.has_id("a1").expect("id"));
        assert!(!s.has_id("other").expect("id"));
        assert_eq!(
            s.find_hash(&article_key(&d.article)).expect("h"),
            Some(("a1".into(), "s1".into()))
        );
        assert_eq!(s.find_hash("0000").expect("h"), None);
        let rows = s.articles().expect("rows");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].id, "a1");
        assert_eq!(rows[0].outlet.as_deref(), Some("Kurier am Abend"));
        assert_eq!(rows[0].published.as_deref(), Some("2025-03-04"));
        assert_eq!(rows[0].hash, article_key(&d.article));
    });
}

#[test]
fn an_explicit_hash_is_the_key() {
    each_backend("an_explicit_hash_is_the_key", |s| {
        let mut a = sample(1);
        a.article.hash = "feed".into();
        let mut b = sample(2);
        b.article.hash = "feed".into();
        s.insert_article(&a, "s1").expect("a");
        assert!(matches!(
            s.insert_article(&b, "s1").expect("b"),
            Inserted::Duplicate { .. }
        ));
    });
}

#[test]
fn an_id_taken_by_another_text_is_refused() {
    each_backend("an_id_taken_by_another_text_is_refused", |s| {
        s.insert_article(&sample(1), "s1").expect("a1");
        let mut other = sample(2);
        other.article.id = "a1".into();
        assert!(s.insert_article(&other, "s1").is_err());
        // The failed transaction left nothing behind and the store goes on.
        assert_eq!(s.article_count().expect("n"), 1);
        s.insert_article(&sample(3), "s1").expect("a3");
        assert_eq!(s.article_count().expect("n"), 2);
    });
}

#[test]
fn stories_go_stale_and_fresh() {
    each_backend("stories_go_stale_and_fresh", |s| {
        s.insert_article(&sample(1), "s1").expect("1");
        s.insert_article(&sample(2), "s2").expect("2");
        s.insert_article(&sample(3), "s1").expect("3");
        assert_eq!(s.stale_stories().expect("stale"), vec!["s1", "s2"]);
        let docs = s.story_docs("s1", 10).expect("docs");
        assert_eq!(
            docs.iter()
                .map(|d| d.article.id.as_str())
                .collect::<Vec<_>>(),
            vec!["a1", "a3"]
        );
        let latest = s.story_docs("s1", 1).expect("docs");
        assert_eq!(latest.len(), 1);
        assert_eq!(latest[0].article.id, "a3");
        let listed = s.stories().expect("stories");
        assert_eq!(
            listed
                .iter()
                .map(|r| (r.id.as_str(), r.articles.len(), r.title.as_str()))
                .collect::<Vec<_>>(),
            vec![("s1", 2, "Meldung Nummer 1"), ("s2", 1, "Meldung Nummer 2")]
        );
        assert!(listed.iter().all(|r| r.stale && !r.analysed));

        let analysis = StoryAnalysis {
            id: "s1".into(),
            title: "Kleinfeld spart".into(),
            articles: vec!["a1".into(), "a3".into()],
            quotes: vec![StoryQuote {
                speaker: Some("Bürgermeisterin".into()),
                kind: QuoteKind::Indirect,
                text: "man müsse sparen".into(),
                cue: Some("sagte".into()),
                article: "a3".into(),
                start: 10,
                end: 26,
                group: 0,
            }],
            facts: vec![Fact {
                text: "Der Gemeinderat beriet über Haushaltsvorlagen.".into(),
                articles: vec!["a1".into(), "a3".into()],
                origins: 2,
                evidence: vec![],
                single_source: false,
                status: lagebild_model::Epistemic::Asserted,
            }],
            ..Default::default()
        };
        s.put_analysis(&analysis).expect("put");
        assert_eq!(s.stale_stories().expect("stale"), vec!["s2"]);
        let st = s.story("s1").expect("get").expect("present");
        assert_eq!(st.analysis.as_ref(), Some(&analysis));
        assert_eq!(st.row.title, "Kleinfeld spart");
        assert_eq!(st.row.articles, vec!["a1", "a3"]);
        assert!(!st.row.stale && st.row.analysed);
        // A later article makes it stale again; the old analysis stays readable meanwhile.
        s.insert_article(&sample(4), "s1").expect("4");
        let st = s.story("s1").expect("get").expect("present");
        assert!(st.row.stale && st.analysis.is_some());
        assert_eq!(st.row.articles, vec!["a1", "a3", "a4"]);
        // An analysis without a title keeps the story's title.
        s.put_analysis(&StoryAnalysis {
            id: "s1".into(),
            ..Default::default()
        })
        .expect("put");
        let st = s.story("s1").expect("get").expect("present");
        assert_eq!(st.row.title, "Kleinfeld spart");
        assert!(!st.row.stale);
        // Analysis of an unknown story is refused.
        let ghost = StoryAnalysis {
            id: "nope".into(),
            ..Default::default()
        };
        assert!(s.put_analysis(&ghost).is_err());
        assert!(s.story("nope").expect("get").is_none());
    });
}

#[test]
fn search_finds_articles_quotes_and_facts() {
    each_backend("search_finds_articles_quotes_and_facts", |s| {
        s.insert_article(
            &doc(
                "x1",
                "Fähre läuft wieder aus",
                "Nach drei Tagen Sturm fährt die Fähre nach Süderoog wieder.",
            ),
            "s1",
        )
        .expect("x1");
        s.insert_article(
            &doc(
                "x2",
                "Bahnstreik beendet",
                "Die Züge rollen wieder pünktlich.",
            ),
            "s2",
        )
        .expect("x2");
        s.insert_article(
            &doc(
                "x3",
                "Verbund zieht sich zurück",
                "Graz/Wien – Der Verbund zieht sich beim Murkraftwerk zurück, berichtet Bild.de.",
            ),
            "s3",
        )
        .expect("x3");
        let hits = s.search("Wien", 10).expect("dateline");
        assert_eq!(hits.len(), 1, "words are split at a slash: {hits:?}");
        assert_eq!(
            hits[0].snippet,
            "Graz/[Wien] – Der Verbund zieht sich beim Murkraftwerk zurück, berichtet Bild.de."
        );
        assert_eq!(s.search("Bild", 10).expect("host").len(), 1, "and at a dot");
        assert_eq!(s.search("\"graz/wien\"", 10).expect("phrase").len(), 1);
        let hits = s.search("fahre", 10).expect("search");
        assert_eq!(hits.len(), 1, "diacritics are folded: {hits:?}");
        assert_eq!(hits[0].article.as_deref(), Some("x1"));
        assert_eq!(hits[0].kind, HitKind::Article);
        assert_eq!(hits[0].story, "s1");
        assert_eq!(hits[0].title, "Fähre läuft wieder aus");
        assert!(hits[0].snippet.contains("[Fähre]"), "{}", hits[0].snippet);
        let [start, end] = hits[0].matches[0];
        let first: String = hits[0]
            .snippet
            .chars()
            .skip(start)
            .take(end - start)
            .collect();
        assert_eq!(first, "Fähre", "{hits:?}");
        assert!(!hits[0].snippet.contains("[fährt]"), "{}", hits[0].snippet);
        assert_eq!(s.search("Süder*", 10).expect("prefix").len(), 1);
        assert_eq!(s.search("Süder", 10).expect("no prefix").len(), 0);
        assert_eq!(s.search("Fähre Züge", 10).expect("and").len(), 0);
        assert_eq!(s.search("Fähre OR Züge", 10).expect("or").len(), 2);
        assert_eq!(s.search("Fähre OR Züge", 1).expect("limit").len(), 1);
        assert_eq!(s.search("\"Sturm fährt\"", 10).expect("phrase").len(), 1);
        assert_eq!(s.search("\"fährt Sturm\"", 10).expect("order").len(), 0);
        s.insert_article(
            &doc(
                "x4",
                "Zitat mit Zusatz",
                "Der Satz [sic] steht so in den Akten.",
            ),
            "s3",
        )
        .expect("x4");
        let hits = s.search("Akten", 10).expect("brackets in the text");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert!(hits[0].snippet.contains("[sic]"), "{hits:?}");
        assert_eq!(hits[0].matches.len(), 1, "{hits:?}");
        let [start, end] = hits[0].matches[0];
        let marked: String = hits[0]
            .snippet
            .chars()
            .skip(start)
            .take(end - start)
            .collect();
        assert_eq!(
            marked, "Akten",
            "a bracket of the text is no mark: {hits:?}"
        );
        assert!(s.search("\"(", 10).expect("junk").is_empty());
        assert!(s.search("NEAR( a\"b -c :* & | !", 10).is_ok());

        s.put_analysis(&StoryAnalysis {
            id: "s2".into(),
            title: "Streik".into(),
            facts: vec![Fact {
                text: "Die Gewerkschaft beendete den Ausstand.".into(),
                articles: vec!["x2".into()],
                origins: 1,
                evidence: vec![],
                single_source: true,
                status: lagebild_model::Epistemic::Asserted,
            }],
            quotes: vec![StoryQuote {
                speaker: Some("Sprecherin".into()),
                kind: QuoteKind::Direct,
                text: "Der Ausstand ist vorbei".into(),
                cue: Some("sagte".into()),
                article: "x2".into(),
                start: 0,
                end: 23,
                group: 0,
            }],
            ..Default::default()
        })
        .expect("put");
        let hits = s.search("Ausstand", 10).expect("fact");
        assert_eq!(hits.len(), 2, "{hits:?}");
        let fact = hits.iter().find(|h| h.kind == HitKind::Fact).expect("fact");
        assert_eq!(fact.story, "s2");
        assert_eq!(fact.title, "Streik");
        assert_eq!(fact.article, None);
        assert!(fact.snippet.contains("[Ausstand]"), "{}", fact.snippet);
        let quote = hits
            .iter()
            .find(|h| h.kind == HitKind::Quote)
            .expect("quote");
        assert_eq!(quote.article.as_deref(), Some("x2"));
        assert_eq!(quote.title, "Bahnstreik beendet");
        // A new analysis replaces the old index entries.
        s.put_analysis(&StoryAnalysis {
            id: "s2".into(),
            ..Default::default()
        })
        .expect("put");
        assert!(s.search("Ausstand", 10).expect("gone").is_empty());
    });
}

#[test]
fn search_ranks_within_each_kind_and_lists_articles_first() {
    each_backend("search_ranks_within_each_kind", |s| {
        s.insert_article(
            &doc(
                "text",
                "Sitzung des Rates",
                "Der Rat sprach lange über vieles, am Rande auch über den Deich.",
            ),
            "s1",
        )
        .expect("text");
        s.insert_article(
            &doc(
                "title",
                "Deich hält",
                "Der Rat sprach lange über vieles und vertagte sich.",
            ),
            "s2",
        )
        .expect("title");
        s.put_analysis(&StoryAnalysis {
            id: "s1".into(),
            facts: vec![Fact {
                text: "Der Deich wurde geprüft.".into(),
                articles: vec!["text".into()],
                origins: 1,
                evidence: vec![],
                single_source: true,
                status: lagebild_model::Epistemic::Asserted,
            }],
            ..Default::default()
        })
        .expect("put");
        let hits = s.search("deich", 10).expect("search");
        let kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
        assert_eq!(
            kinds,
            vec![HitKind::Article, HitKind::Article, HitKind::Fact]
        );
        assert_eq!(
            hits[0].article.as_deref(),
            Some("title"),
            "a match in the title counts more: {hits:?}"
        );
        assert!(hits[0].score > hits[1].score, "{hits:?}");
    });
}

#[test]
fn checkpoint_and_replay() {
    each_backend("checkpoint_and_replay", |s| {
        assert!(s.checkpoint().expect("none").is_none());
        for i in 1..=5 {
            s.insert_article(&sample(i), if i % 2 == 0 { "s2" } else { "s1" })
                .expect("ins");
        }
        s.put_checkpoint(&Checkpoint {
            state: "{\"n\":2}".into(),
            seq: 2,
        })
        .expect("cp");
        s.put_checkpoint(&Checkpoint {
            state: "{\"n\":3}".into(),
            seq: 3,
        })
        .expect("cp");
        let cp = s.checkpoint().expect("cp").expect("some");
        assert_eq!(cp.seq, 3);
        assert_eq!(cp.state, "{\"n\":3}");
        let mut seen = Vec::new();
        s.for_each_article_after(cp.seq, &mut |seq, story, d| {
            seen.push((seq, story.to_string(), d.article.id))
        })
        .expect("replay");
        assert_eq!(
            seen,
            vec![
                (4, "s2".to_string(), "a4".to_string()),
                (5, "s1".into(), "a5".into())
            ]
        );
        let mut all = 0;
        s.for_each_article_after(0, &mut |_, _, _| all += 1)
            .expect("replay");
        assert_eq!(all, 5);
    });
}
