//! Store commands: `ingest`, `articles`, `article`, `stories`, `show`, `search`.
//!
//! `ingest` streams: each input article is read, checked against the store by its hash,
//! annotated, assigned to a story by the [`StoryEngine`] and stored in its own transaction;
//! nothing but the engine's compact state is kept in memory. At the end every story that
//! received articles (or was left stale by an interrupted run) is analysed again from its
//! stored articles. The engine state is checkpointed every [`CHECKPOINT_EVERY`] articles (at
//! most once per [`CHECKPOINT_INTERVAL`]) and at the end of the loop; after
//! an interruption the articles stored since the checkpoint are replayed through the engine,
//! so a resumed run continues exactly where the killed one stopped.
//!
//! Other commands can drive the same steps: [`ingest_into`] and [`stored_analysis`] (used by
//! `analyze --db`).
//!
//! `--db` names an SQLite file or a PostgreSQL URL (`postgres://…`); [`open_store`] opens
//! either as a `Box<dyn Store>`. Ingesting holds the store's writer lock for the whole run: a
//! lock file beside an SQLite store (a second ingest is refused), an advisory lock on
//! PostgreSQL (a second ingest waits its turn, then continues from the first one's engine
//! state).

use crate::Format;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lagebild_model::{Analysis, AnnotatedArticle, StoryAnalysis};
use lagebild_store::{
    article_key, is_postgres_url, redact_url, Checkpoint, HitKind, Inserted, PgStore, SqliteStore,
    Store,
};
use lagebild_story::StoryEngine;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Save the story engine's state after at least this many new articles…
pub const CHECKPOINT_EVERY: usize = 1000;

/// …and at least this long after the previous save. The state grows with the number of
/// stories, so saving by count alone would cost quadratic time on long runs; what a crash can
/// lose is only the replay of the articles since the last save (read back from the store).
pub const CHECKPOINT_INTERVAL: Duration = Duration::from_secs(30);

/// A story analysis reads at most this many of the story's latest articles, so that memory
/// stays bounded however large one story grows.
pub const ANALYSIS_CAP: usize = 2000;

/// What an ingest run did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct IngestOutcome {
    /// Articles the readers produced.
    pub read: usize,
    /// Articles newly stored.
    pub added: usize,
    /// Articles already stored (same normalised text); skipped.
    pub duplicates: usize,
    /// Articles stored under a new id because their id was taken by another text.
    pub renamed: usize,
    /// Inputs (files or records) rejected, each reported on stderr.
    pub rejected: usize,
    /// Stories whose analysis was brought up to date, in order of first arrival.
    pub stories_analysed: Vec<String>,
    /// Stories that received new articles in this run, sorted.
    pub stories_touched: Vec<String>,
    /// Stories the articles read belong to (newly stored or stored before), in order of their
    /// first article among the inputs.
    pub stories: Vec<String>,
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Run `f`, turning a panic into an error message of one line (the panic is a bug; the input
/// that caused it is reported and the run goes on).
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(|_| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "panicked".into())
    })
}

/// A panic hook as `std::panic::take_hook` returns it.
type PanicHook = Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Panics inside [`guarded`] are recorded instead of printed, while this value lives.
struct QuietPanics {
    previous: Option<PanicHook>,
}

impl QuietPanics {
    fn install() -> Self {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(|info| {
            let msg = one_line(&info.to_string());
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(msg));
        }));
        Self {
            previous: Some(previous),
        }
    }
}

impl Drop for QuietPanics {
    fn drop(&mut self) {
        if let Some(prev) = self.previous.take() {
            std::panic::set_hook(prev);
        }
    }
}

fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A progress display on stderr: a spinner with counts, drawn only when stderr is a terminal.
pub fn progress() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style =
        ProgressStyle::with_template("{spinner} {pos} articles [{elapsed}] {per_sec} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
    pb.set_style(style);
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

/// Print one problem line on stderr without tearing the progress display.
fn report(pb: &ProgressBar, line: &str) {
    let line = one_line(line);
    pb.suspend(|| eprintln!("{line}"));
}

/// Load the story engine and bring it up to date with the store: from its checkpoint, then
/// every article stored after that checkpoint, in arrival order. Returns the engine and the
/// arrival number of the last article it has seen.
fn load_engine(store: &dyn Store, pb: &ProgressBar) -> anyhow::Result<(StoryEngine, i64)> {
    let (mut engine, from) = match store.checkpoint()? {
        Some(cp) => match serde_json::from_str::<StoryEngine>(&cp.state) {
            Ok(engine) => (engine, cp.seq),
            Err(e) => {
                report(
                    pb,
                    &format!("store: saved story engine state unreadable ({e}); rebuilding it from the stored articles"),
                );
                (StoryEngine::new(), 0)
            }
        },
        None => (StoryEngine::new(), 0),
    };
    let mut last = from;
    let mut moved = 0usize;
    if from > 0 || store.article_count()? > 0 {
        pb.set_message("catching up with stored articles");
        store.for_each_article_after(from, &mut |seq, story, doc| {
            if engine.assign(&doc) != story {
                moved += 1;
            }
            last = seq;
        })?;
    }
    if moved > 0 {
        report(
            pb,
            &format!("store: {moved} stored articles would now join another story; they keep their stored story"),
        );
    }
    Ok((engine, last))
}

fn save_engine(store: &mut dyn Store, engine: &StoryEngine, seq: i64) -> anyhow::Result<()> {
    let state = serde_json::to_string(engine).context("encoding the story engine state")?;
    store.put_checkpoint(&Checkpoint { state, seq })?;
    Ok(())
}

/// Analyse one story from its stored articles (the latest [`ANALYSIS_CAP`]) and store the
/// analysis.
pub fn refresh_story(store: &mut dyn Store, id: &str) -> anyhow::Result<StoryAnalysis> {
    let docs = store.story_docs(id, ANALYSIS_CAP)?;
    let analysis = guarded(|| lagebild_story::analyze_story(id, &docs))
        .map_err(|msg| anyhow::anyhow!("story {id}: analysis failed: {msg}"))?;
    store.put_analysis(&analysis)?;
    Ok(analysis)
}

/// The step of [`ingest_into`] for one article read.
struct Ingest<'a> {
    store: &'a mut dyn Store,
    engine: StoryEngine,
    last_seq: i64,
    since_checkpoint: usize,
    saved_at: Instant,
    outcome: IngestOutcome,
    touched: BTreeSet<String>,
    of_inputs: BTreeSet<String>,
    of_inputs_order: Vec<String>,
    fatal: Option<anyhow::Error>,
    pb: &'a ProgressBar,
}

impl Ingest<'_> {
    fn note_story(&mut self, story: String) {
        if self.of_inputs.insert(story.clone()) {
            self.of_inputs_order.push(story);
        }
    }

    fn article(&mut self, article: lagebild_model::Article) -> anyhow::Result<()> {
        self.outcome.read += 1;
        self.pb.inc(1);
        let key = article_key(&article);
        if let Some((_, story)) = self.store.find_hash(&key)? {
            self.outcome.duplicates += 1;
            self.note_story(story);
            return Ok(());
        }
        let source = article.source.clone();
        let mut doc: AnnotatedArticle = match guarded(|| lagebild_nlp::annotate(article)) {
            Ok(d) => d,
            Err(msg) => {
                self.outcome.rejected += 1;
                report(self.pb, &format!("{source}: cannot annotate: {msg}"));
                return Ok(());
            }
        };
        doc.article.hash = key;
        if self.store.has_id(&doc.article.id)? {
            let base = format!(
                "{}-{}",
                doc.article.id,
                &doc.article.hash[..8.min(doc.article.hash.len())]
            );
            let mut id = base.clone();
            let mut n = 1;
            while self.store.has_id(&id)? {
                n += 1;
                id = format!("{base}-{n}");
            }
            doc.article.id = id;
            self.outcome.renamed += 1;
        }
        let story = match guarded(|| self.engine.assign(&doc)) {
            Ok(s) => s,
            Err(msg) => {
                self.outcome.rejected += 1;
                report(
                    self.pb,
                    &format!("{source}: cannot assign to a story: {msg}"),
                );
                return Ok(());
            }
        };
        match self.store.insert_article(&doc, &story)? {
            Inserted::Added { seq } => {
                self.last_seq = seq;
                self.outcome.added += 1;
                self.note_story(story.clone());
                self.touched.insert(story);
                self.since_checkpoint += 1;
                if self.since_checkpoint >= CHECKPOINT_EVERY
                    && self.saved_at.elapsed() >= CHECKPOINT_INTERVAL
                {
                    save_engine(self.store, &self.engine, self.last_seq)?;
                    self.since_checkpoint = 0;
                    self.saved_at = Instant::now();
                }
            }
            Inserted::Duplicate { .. } => self.outcome.duplicates += 1,
        }
        Ok(())
    }
}

/// Ingest `paths` into `store`: read, skip what is stored, annotate, assign, store, then bring
/// the analyses of the affected stories up to date. Rejected inputs are reported on stderr
/// (one line each, naming the file) and counted; a store failure ends the run with an error.
pub fn ingest_into(
    store: &mut dyn Store,
    paths: &[PathBuf],
    pb: &ProgressBar,
) -> anyhow::Result<IngestOutcome> {
    let _quiet = QuietPanics::install();
    let (engine, last_seq) = load_engine(store, pb)?;
    pb.set_message("");
    let mut run = Ingest {
        store,
        engine,
        last_seq,
        since_checkpoint: 0,
        saved_at: Instant::now(),
        outcome: IngestOutcome::default(),
        touched: BTreeSet::new(),
        of_inputs: BTreeSet::new(),
        of_inputs_order: Vec::new(),
        fatal: None,
        pb,
    };
    lagebild_ingest::read_inputs(paths, &mut |r| {
        if run.fatal.is_some() {
            return;
        }
        match r {
            Ok(article) => {
                if let Err(e) = run.article(article) {
                    run.fatal = Some(e);
                }
            }
            Err(e) => {
                run.outcome.rejected += 1;
                report(run.pb, &e.to_string());
            }
        }
    });
    if let Some(e) = run.fatal {
        return Err(
            e.context("ingest stopped; everything stored before stays, run again to resume")
        );
    }
    save_engine(run.store, &run.engine, run.last_seq)?;
    let mut outcome = run.outcome;
    outcome.stories_touched = run.touched.into_iter().collect();
    outcome.stories = run.of_inputs_order;
    let stale = run.store.stale_stories()?;
    pb.set_message(format!("analysing {} stories", stale.len()));
    for id in stale {
        match refresh_story(run.store, &id) {
            Ok(_) => outcome.stories_analysed.push(id),
            Err(e) => {
                if e.downcast_ref::<lagebild_store::StoreError>().is_some() {
                    return Err(e);
                }
                report(pb, &format!("{e:#}"));
            }
        }
    }
    Ok(outcome)
}

/// The stored analyses of `stories` as one [`Analysis`] (SPEC §2.1 shape): their articles in
/// arrival order and their latest analyses (analysed now where stale).
pub fn stored_analysis(store: &mut dyn Store, stories: &[String]) -> anyhow::Result<Analysis> {
    let mut out = Analysis::default();
    for id in stories {
        let (analysis, members) = up_to_date(store, id)?;
        for aid in &members {
            if let Some(a) = store.article(aid)? {
                out.articles
                    .push(lagebild_story::summary(&a.doc.article, &a.story));
            }
        }
        out.stories.push(analysis);
    }
    Ok(out)
}

/// `analyze --db`: ingest `paths` into the store at `db` (see [`ingest_into`]) and return the
/// up-to-date analyses of the stories the inputs' articles belong to (new or stored before),
/// plus whether some input was rejected.
pub fn analyze_with_store(paths: &[PathBuf], db: &Path) -> anyhow::Result<(Analysis, bool)> {
    let mut opened = open_store(db, Access::Ingest)?;
    let store = opened.store.as_mut();
    let pb = progress();
    let outcome = ingest_into(store, paths, &pb);
    pb.finish_and_clear();
    let outcome = outcome?;
    let analysis = stored_analysis(store, &outcome.stories)?;
    Ok((analysis, outcome.rejected > 0))
}

/// The latest analysis of a story, analysed now (and stored) when missing or stale, with the
/// ids of all its stored articles in arrival order.
fn up_to_date(store: &mut dyn Store, id: &str) -> anyhow::Result<(StoryAnalysis, Vec<String>)> {
    let stored = store
        .story(id)?
        .with_context(|| format!("no story {id} in the store"))?;
    let analysis = match stored.analysis {
        Some(a) if !stored.row.stale => a,
        _ => {
            let _quiet = QuietPanics::install();
            refresh_story(store, id)?
        }
    };
    Ok((analysis, stored.row.articles))
}

/// The current analysis of a stored story in the shape of SPEC §2.1 (the story's articles and
/// the one story), without writing to the store: the stored analysis, or one made now when it
/// is missing or stale. `None` when there is no such story.
pub fn current_analysis(store: &dyn Store, id: &str) -> anyhow::Result<Option<Analysis>> {
    let Some(stored) = store.story(id)? else {
        return Ok(None);
    };
    let analysis = match stored.analysis {
        Some(a) if !stored.row.stale => a,
        _ => {
            let docs = store.story_docs(id, ANALYSIS_CAP)?;
            guarded(|| lagebild_story::analyze_story(id, &docs))
                .map_err(|msg| anyhow::anyhow!("story {id}: analysis failed: {msg}"))?
        }
    };
    let mut out = Analysis::default();
    for aid in &stored.row.articles {
        if let Some(a) = store.article(aid)? {
            out.articles
                .push(lagebild_story::summary(&a.doc.article, &a.story));
        }
    }
    out.stories.push(analysis);
    Ok(Some(out))
}

fn take_lock(db: &Path) -> anyhow::Result<std::fs::File> {
    let mut name = db.as_os_str().to_owned();
    name.push("-lock");
    let path = PathBuf::from(name);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot create lock file {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            anyhow::bail!(
                "another ingest is writing to {}; try again when it is done",
                db.display()
            )
        }
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
}

/// What a command does with the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read (and bring analyses up to date); the store must exist.
    Read,
    /// Ingest: create the store if needed and hold its writer lock.
    Ingest,
}

/// A store opened from `--db`, with the writer lock held while this value lives.
pub struct OpenStore {
    /// The store.
    pub store: Box<dyn Store>,
    /// The lock file of an SQLite store opened for ingest (PostgreSQL's advisory lock belongs
    /// to the store's connection).
    _lock: Option<std::fs::File>,
}

/// Open the store `db` names: a PostgreSQL URL (`postgres://…`, `postgresql://…`) or an
/// SQLite file. For [`Access::Ingest`] the store is created when missing and its writer lock
/// is taken: the lock file beside an SQLite store (refused while another ingest holds it), or
/// the PostgreSQL store's ingest lock (waited for, with a note on stderr).
pub fn open_store(db: &Path, access: Access) -> anyhow::Result<OpenStore> {
    if let Some(url) = db.to_str().filter(|d| is_postgres_url(d)) {
        let store = match access {
            Access::Read => PgStore::open_existing(url)?,
            Access::Ingest => {
                let mut store = PgStore::open(url)?;
                if !store.try_lock_ingest()? {
                    eprintln!(
                        "waiting for another ingest into {} to finish",
                        redact_url(url)
                    );
                    store.lock_ingest()?;
                }
                store
            }
        };
        return Ok(OpenStore {
            store: Box::new(store),
            _lock: None,
        });
    }
    Ok(match access {
        Access::Read => OpenStore {
            store: Box::new(SqliteStore::open_existing(db)?),
            _lock: None,
        },
        Access::Ingest => {
            let lock = take_lock(db)?;
            OpenStore {
                store: Box::new(SqliteStore::open(db)?),
                _lock: Some(lock),
            }
        }
    })
}

/// `db` as shown in messages (a URL without its password).
fn shown(db: &Path) -> String {
    redact_url(&db.to_string_lossy())
}

fn print_json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).context("writing JSON")?;
    writeln!(out).context("writing JSON")?;
    Ok(())
}

/// Add articles to the store.
pub fn ingest(paths: &[PathBuf], db: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let mut opened = open_store(db, Access::Ingest)?;
    let pb = progress();
    let outcome = ingest_into(opened.store.as_mut(), paths, &pb);
    pb.finish_and_clear();
    let outcome = outcome?;
    match format {
        Format::Json => print_json(&outcome)?,
        _ => println!(
            "{} articles read: {} added, {} already stored{}; {} inputs rejected; {} stories analysed",
            outcome.read,
            outcome.added,
            outcome.duplicates,
            if outcome.renamed > 0 {
                format!(", {} stored under a new id (id taken)", outcome.renamed)
            } else {
                String::new()
            },
            outcome.rejected,
            outcome.stories_analysed.len()
        ),
    }
    Ok(if outcome.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// List stored articles.
pub fn articles(db: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let store = open_store(db, Access::Read)?.store;
    let rows = store.articles()?;
    match format {
        Format::Json => print_json(&rows)?,
        _ => {
            let mut out = std::io::stdout().lock();
            for r in rows {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    r.id,
                    r.published.as_deref().unwrap_or("-"),
                    r.outlet.as_deref().unwrap_or("-"),
                    r.story,
                    one_line(&r.title)
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Show one stored article.
pub fn article(id: &str, db: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let store = open_store(db, Access::Read)?.store;
    let a = store
        .article(id)?
        .with_context(|| format!("no article {id} in {}", shown(db)))?;
    match format {
        Format::Json => print_json(&a)?,
        _ => {
            let art = &a.doc.article;
            let mut out = std::io::stdout().lock();
            writeln!(out, "{}", art.title)?;
            writeln!(out)?;
            writeln!(out, "id:        {}", art.id)?;
            writeln!(out, "story:     {}", a.story)?;
            writeln!(
                out,
                "published: {}",
                art.published.as_deref().unwrap_or("-")
            )?;
            writeln!(out, "outlet:    {}", art.outlet.as_deref().unwrap_or("-"))?;
            if !art.authors.is_empty() {
                writeln!(out, "authors:   {}", art.authors.join(", "))?;
            }
            if !art.credits.is_empty() {
                writeln!(out, "credits:   {}", art.credits.join(", "))?;
            }
            writeln!(out, "language:  {}", art.language)?;
            writeln!(out, "source:    {}", art.source)?;
            writeln!(
                out,
                "annotated: {} sentences, {} entities, {} quotes, {} time expressions",
                a.doc.sentences.len(),
                a.doc.entities.len(),
                a.doc.quotes.len(),
                a.doc.timexes.len()
            )?;
            writeln!(out)?;
            writeln!(out, "{}", art.text)?;
            if !art.removed.is_empty() {
                writeln!(out)?;
                writeln!(out, "removed:")?;
                for r in &art.removed {
                    writeln!(out, "  [{:?}] {}", r.kind, one_line(&r.text))?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// List stored stories.
pub fn stories(db: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let store = open_store(db, Access::Read)?.store;
    let rows = store.stories()?;
    match format {
        Format::Json => print_json(&rows)?,
        _ => {
            let mut out = std::io::stdout().lock();
            for s in rows {
                writeln!(
                    out,
                    "{}\t{} articles{}\t{}",
                    s.id,
                    s.articles.len(),
                    if s.stale { " (analysis pending)" } else { "" },
                    one_line(&s.title)
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Show one stored story: its analysis, brought up to date first if articles joined since.
pub fn show(story: &str, db: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let mut store = open_store(db, Access::Read)?.store;
    let store = store.as_mut();
    let ids = [story.to_string()];
    match format {
        Format::Json => print_json(&up_to_date(store, story)?.0)?,
        Format::Md | Format::Text => {
            let analysis = stored_analysis(store, &ids)?;
            print!("{}", lagebild_story::render::markdown(&analysis));
        }
        Format::Html => {
            let analysis = stored_analysis(store, &ids)?;
            print!("{}", lagebild_story::render::html(&analysis));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Full-text search.
pub fn search(query: &str, db: &Path, format: Format, limit: usize) -> anyhow::Result<ExitCode> {
    let store = open_store(db, Access::Read)?.store;
    let hits = store.search(query, limit)?;
    match format {
        Format::Json => print_json(&hits)?,
        _ => {
            let mut out = std::io::stdout().lock();
            for h in hits {
                let kind = match h.kind {
                    HitKind::Article => "article",
                    HitKind::Quote => "quote",
                    HitKind::Fact => "fact",
                };
                writeln!(
                    out,
                    "{kind}\t{}\t{}\t{}\t{}",
                    h.article.as_deref().unwrap_or("-"),
                    h.story,
                    one_line(&h.title),
                    one_line(&h.snippet)
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
