//! `lagebild serve`: a web UI and a JSON API over the store.
//!
//! Read-only: the server never writes to the store (SQLite or PostgreSQL), so it runs beside
//! an `ingest` into the same store. A story whose stored
//! analysis lags behind its articles is analysed afresh for the answer, without storing it
//! (the next ingest or `show` stores it). Every request opens the store on a blocking thread;
//! the answers are built by the same functions as the commands `stories`, `show`, `articles`,
//! `article` and `search`.
//!
//! | path | answer |
//! | --- | --- |
//! | `GET /api/health` | `{"status": "ok", "articles": n, "stories": n}` |
//! | `GET /api/stories` | the stories as `lagebild stories --format json` lists them |
//! | `GET /api/stories/{id}` | the story's analysis in the shape of `analyze --format json` (SPEC §2.1): its articles and the one story |
//! | `GET /api/articles` | the stored articles as `lagebild articles --format json` lists them |
//! | `GET /api/articles/{id}` | one article with its annotations (`lagebild article ID --format json`) |
//! | `GET /api/search?q=…&limit=n` | search hits (`lagebild search --format json`), `limit` per kind (default 20, at most 200) |
//! | `GET /` | the stories, newest first, with a search form (`?page=n` for older ones) |
//! | `GET /stories/{id}` | the story's report page (as `show --format html`) |
//! | `GET /articles/{id}` | one article's text and metadata |
//! | `GET /search?q=…` | search hits with links |
//!
//! Errors are answered with their status (400, 401, 404, 500) and one line: JSON `{"error":
//! …}` under `/api`, an HTML page elsewhere; a failure is also printed to stderr.
//!
//! With `--auth-file FILE` (one line `user:password`), every path asks for HTTP Basic
//! authentication (browsers prompt for it; `curl -u user:password`); a request without the
//! right credentials gets 401. Without it, a server on an address other than loopback warns
//! on stderr that anyone who reaches it can read the store.

use super::store::{current_analysis, open_store, Access};
use anyhow::Context;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use lagebild_store::{HitKind, Store};
use lagebild_story::render::{esc, page};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Stories per page of the web UI's list.
const PAGE: usize = 100;

/// Search hits per kind unless `limit` says otherwise, and the most `limit` may ask for.
const SEARCH_LIMIT: (usize, usize) = (20, 200);

/// Run the server on `addr` over the store at `db` until the process is stopped, asking for
/// the credentials of `auth_file` when one is given. Prints `listening on http://ADDR` (the
/// bound address, so port 0 picks a free one) on stdout.
pub fn run(addr: &str, db: &Path, auth_file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let auth = auth_file.map(read_credentials).transpose()?;
    // Fail early, with the store's own message, when there is no store.
    drop(open_store(db, Access::Read)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .build()
        .context("starting the server's runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr().context("reading the bound address")?;
        if auth.is_none() && !local.ip().is_loopback() {
            eprintln!(
                "lagebild: serving {local} without --auth-file: anyone who can reach it reads the store"
            );
        }
        let mut out = std::io::stdout().lock();
        writeln!(out, "listening on http://{local}")?;
        out.flush()?;
        drop(out);
        let mut app = router(db.to_path_buf());
        if let Some(expected) = auth {
            app = app.layer(axum::middleware::from_fn_with_state(
                Arc::new(expected),
                require_credentials,
            ));
        }
        axum::serve(listener, app)
            .await
            .context("serving")
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The `Authorization` header that `user:password` on the first non-empty line of `path`
/// asks for.
fn read_credentials(path: &Path) -> anyhow::Result<String> {
    use base64::Engine as _;
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the credentials in {}", path.display()))?;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    match line.and_then(|l| l.split_once(':')) {
        Some((user, password)) if !user.is_empty() && !password.is_empty() => Ok(format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
        )),
        _ => anyhow::bail!(
            "{}: the first line must be user:password, both not empty",
            path.display()
        ),
    }
}

/// Let a request through only with the expected `Authorization` header (compared in time
/// independent of where it differs); otherwise 401 with a Basic challenge.
async fn require_credentials(
    State(expected): State<Arc<String>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let given = request
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    let expected = expected.as_bytes();
    let same = given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if same {
        return next.run(request).await;
    }
    let failure = Failure::Unauthorized("give the user and password of this server".into());
    let mut response = if request.uri().path().starts_with("/api/") {
        ApiError(failure).into_response()
    } else {
        UiError(failure).into_response()
    };
    response.headers_mut().insert(
        axum::http::header::WWW_AUTHENTICATE,
        axum::http::HeaderValue::from_static("Basic realm=\"lagebild\", charset=\"UTF-8\""),
    );
    response
}

/// The routes over the store at `db`.
fn router(db: PathBuf) -> Router {
    Router::new()
        .route("/api/health", get(api_health))
        .route("/api/stories", get(api_stories))
        .route("/api/stories/{id}", get(api_story))
        .route("/api/articles", get(api_articles))
        .route("/api/articles/{id}", get(api_article))
        .route("/api/search", get(api_search))
        .route("/", get(ui_index))
        .route("/stories/{id}", get(ui_story))
        .route("/articles/{id}", get(ui_article))
        .route("/search", get(ui_search))
        .fallback(not_found)
        .with_state(Arc::new(db))
}

type Db = State<Arc<PathBuf>>;
type Params = Query<HashMap<String, String>>;

/// Why a request failed.
enum Failure {
    BadRequest(String),
    Unauthorized(String),
    NotFound(String),
    Internal(String),
}

impl Failure {
    fn status(&self) -> (StatusCode, &str) {
        match self {
            Failure::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            Failure::Unauthorized(m) => (StatusCode::UNAUTHORIZED, m),
            Failure::NotFound(m) => (StatusCode::NOT_FOUND, m),
            Failure::Internal(m) => (StatusCode::INTERNAL_SERVER_ERROR, m),
        }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Internal(format!("{e:#}"))
    }
}

impl From<lagebild_store::StoreError> for Failure {
    fn from(e: lagebild_store::StoreError) -> Self {
        Failure::Internal(e.to_string())
    }
}

/// A failure answered as JSON (`/api`).
struct ApiError(Failure);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, msg) = self.0.status();
        (status, Json(serde_json::json!({ "error": msg }))).into_response()
    }
}

/// A failure answered as an HTML page.
struct UiError(Failure);

impl IntoResponse for UiError {
    fn into_response(self) -> Response {
        let (status, msg) = self.0.status();
        let body = format!("{}<p>{}</p>", nav(""), esc(msg));
        (status, Html(page("de", status.as_str(), &body))).into_response()
    }
}

/// Run `f` on a blocking thread with the store opened for it; failures are logged to stderr.
async fn with_store<T: Send + 'static>(
    db: &Arc<PathBuf>,
    f: impl FnOnce(&dyn Store) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let db = Arc::clone(db);
    let result = tokio::task::spawn_blocking(move || f(&*open_store(&db, Access::Read)?.store))
        .await
        .unwrap_or_else(|e| Err(Failure::Internal(format!("request failed: {e}"))));
    if let Err(Failure::Internal(m)) = &result {
        eprintln!("serve: {m}");
    }
    result
}

fn missing(what: &str, id: &str) -> Failure {
    Failure::NotFound(format!("no {what} {id} in the store"))
}

/// The search words of `?q=`, an error when there are none.
fn query_words(params: &HashMap<String, String>) -> Result<String, Failure> {
    match params.get("q").map(|q| q.trim()) {
        Some(q) if !q.is_empty() => Ok(q.to_string()),
        _ => Err(Failure::BadRequest("give the search words as ?q=…".into())),
    }
}

/// A whole-number query parameter, `default` when absent, an error when malformed.
fn number(params: &HashMap<String, String>, key: &str, default: usize) -> Result<usize, Failure> {
    params.get(key).map_or(Ok(default), |v| {
        v.trim()
            .parse()
            .map_err(|_| Failure::BadRequest(format!("{key} must be a whole number, not {v:?}")))
    })
}

async fn api_health(State(db): Db) -> Result<Response, ApiError> {
    let (articles, stories) = with_store(&db, |s| Ok((s.article_count()?, s.stories()?.len())))
        .await
        .map_err(ApiError)?;
    Ok(
        Json(serde_json::json!({"status": "ok", "articles": articles, "stories": stories}))
            .into_response(),
    )
}

async fn api_stories(State(db): Db) -> Result<Response, ApiError> {
    let rows = with_store(&db, |s| Ok(s.stories()?))
        .await
        .map_err(ApiError)?;
    Ok(Json(rows).into_response())
}

async fn api_story(State(db): Db, UrlPath(id): UrlPath<String>) -> Result<Response, ApiError> {
    let analysis = with_store(&db, move |s| {
        current_analysis(s, &id)?.ok_or_else(|| missing("story", &id))
    })
    .await
    .map_err(ApiError)?;
    Ok(Json(analysis).into_response())
}

async fn api_articles(State(db): Db) -> Result<Response, ApiError> {
    let rows = with_store(&db, |s| Ok(s.articles()?))
        .await
        .map_err(ApiError)?;
    Ok(Json(rows).into_response())
}

async fn api_article(State(db): Db, UrlPath(id): UrlPath<String>) -> Result<Response, ApiError> {
    let article = with_store(&db, move |s| {
        s.article(&id)?.ok_or_else(|| missing("article", &id))
    })
    .await
    .map_err(ApiError)?;
    Ok(Json(article).into_response())
}

async fn api_search(State(db): Db, Query(params): Params) -> Result<Response, ApiError> {
    let q = query_words(&params).map_err(ApiError)?;
    let limit = number(&params, "limit", SEARCH_LIMIT.0)
        .map_err(ApiError)?
        .min(SEARCH_LIMIT.1);
    let hits = with_store(&db, move |s| Ok(s.search(&q, limit)?))
        .await
        .map_err(ApiError)?;
    Ok(Json(hits).into_response())
}

async fn not_found(uri: axum::http::Uri) -> Response {
    let failure = Failure::NotFound(format!("no page {}", uri.path()));
    if uri.path().starts_with("/api/") {
        ApiError(failure).into_response()
    } else {
        UiError(failure).into_response()
    }
}

/// The link back to the list and the search form, atop every page; `q` fills the form.
fn nav(q: &str) -> String {
    format!(
        "<p class=\"meta\"><a href=\"/\">Lagebild</a> · <form action=\"/search\" method=\"get\" \
         style=\"display:inline\"><input name=\"q\" value=\"{}\" size=\"30\"> \
         <button>Suchen</button></form></p>\n",
        esc(q)
    )
}

/// A path segment with the characters that are not unreserved in URLs percent-encoded.
fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

async fn ui_index(State(db): Db, Query(params): Params) -> Result<Response, UiError> {
    let page_no = number(&params, "page", 1).map_err(UiError)?.max(1);
    let (rows, articles) = with_store(&db, |s| Ok((s.stories()?, s.article_count()?)))
        .await
        .map_err(UiError)?;
    let mut body = nav("");
    let _ = writeln!(
        body,
        "<h1>Geschichten</h1>\n<p class=\"meta\">{} Geschichten aus {articles} Artikeln, die \
         neuesten zuerst</p>\n<ul>",
        rows.len()
    );
    for s in rows.iter().rev().skip((page_no - 1) * PAGE).take(PAGE) {
        let _ = writeln!(
            body,
            "<li><a href=\"/stories/{}\">{}</a> <span class=\"meta\">{} Artikel{}</span></li>",
            segment(&s.id),
            esc(&s.title),
            s.articles.len(),
            if s.stale { " · Analyse folgt" } else { "" }
        );
    }
    body.push_str("</ul>\n");
    if rows.len() > page_no * PAGE {
        let _ = writeln!(
            body,
            "<p><a href=\"/?page={}\">Ältere Geschichten</a></p>",
            page_no + 1
        );
    }
    Ok(Html(page("de", "Lagebild", &body)).into_response())
}

async fn ui_story(State(db): Db, UrlPath(id): UrlPath<String>) -> Result<Response, UiError> {
    let analysis = with_store(&db, move |s| {
        current_analysis(s, &id)?.ok_or_else(|| missing("story", &id))
    })
    .await
    .map_err(UiError)?;
    let story = &analysis.stories[0];
    let mut body = nav("");
    body.push_str(&lagebild_story::render::html_story_body(
        story,
        &analysis.articles,
    ));
    body.push_str("<h2>Artikel</h2>\n<ul>\n");
    for a in &analysis.articles {
        let _ = writeln!(
            body,
            "<li><a href=\"/articles/{}\">{}</a> <span class=\"meta\">{} {}</span></li>",
            segment(&a.id),
            esc(&a.title),
            esc(a.outlet.as_deref().unwrap_or("")),
            esc(a.published.as_deref().unwrap_or(""))
        );
    }
    body.push_str("</ul>\n");
    Ok(Html(page("de", &story.title, &body)).into_response())
}

async fn ui_article(State(db): Db, UrlPath(id): UrlPath<String>) -> Result<Response, UiError> {
    let a = with_store(&db, move |s| {
        s.article(&id)?.ok_or_else(|| missing("article", &id))
    })
    .await
    .map_err(UiError)?;
    let art = &a.doc.article;
    let mut body = nav("");
    let _ = writeln!(
        body,
        "<h1>{}</h1>\n<p class=\"meta\">{} · {} · <a href=\"/stories/{}\">zur Geschichte</a></p>",
        esc(&art.title),
        esc(art.outlet.as_deref().unwrap_or("")),
        esc(art.published.as_deref().unwrap_or("")),
        segment(&a.story)
    );
    for para in art.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(body, "<p>{}</p>", esc(para.trim()));
    }
    Ok(Html(page(&art.language, &art.title, &body)).into_response())
}

async fn ui_search(State(db): Db, Query(params): Params) -> Result<Response, UiError> {
    let q = query_words(&params).map_err(UiError)?;
    let words = q.clone();
    let hits = with_store(&db, move |s| Ok(s.search(&words, SEARCH_LIMIT.0)?))
        .await
        .map_err(UiError)?;
    let mut body = nav(&q);
    let _ = writeln!(
        body,
        "<h1>Suche: {}</h1>\n<p class=\"meta\">{} Treffer</p>\n<ul>",
        esc(&q),
        hits.len()
    );
    for h in &hits {
        let (kind, href) = match (h.kind, &h.article) {
            (HitKind::Article, Some(a)) => ("Artikel", format!("/articles/{}", segment(a))),
            (HitKind::Quote, _) => ("Zitat", format!("/stories/{}", segment(&h.story))),
            _ => ("Fakt", format!("/stories/{}", segment(&h.story))),
        };
        let snippet = bold_matches(&h.snippet, &h.matches);
        let _ = writeln!(
            body,
            "<li><span class=\"kind\">{kind}</span> <a href=\"{href}\">{}</a><br>{snippet}</li>",
            esc(&h.title)
        );
    }
    body.push_str("</ul>\n");
    Ok(Html(page("de", &format!("Suche: {q}"), &body)).into_response())
}

/// `snippet` escaped for HTML, its matched words (character ranges inside the brackets that
/// mark them) in bold without the brackets; brackets of the text itself stay as they are.
fn bold_matches(snippet: &str, matches: &[[usize; 2]]) -> String {
    let chars: Vec<char> = snippet.chars().collect();
    let mut out = String::with_capacity(snippet.len() + 8 * matches.len());
    let mut at = 0;
    for &[start, end] in matches {
        if start < at + 1 || end >= chars.len() || start > end || chars[start - 1] != '[' {
            continue;
        }
        let text = |a: usize, b: usize| esc(&chars[a..b].iter().collect::<String>());
        out.push_str(&text(at, start - 1));
        let _ = write!(out, "<b>{}</b>", text(start, end));
        at = end + 1;
    }
    out.push_str(&esc(&chars[at..].iter().collect::<String>()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matched_words_are_bold_and_other_brackets_stay() {
        assert_eq!(
            bold_matches("Der Satz [sic] steht in den [Akten] <b>", &[[29, 34]]),
            "Der Satz [sic] steht in den <b>Akten</b> &lt;b&gt;"
        );
        assert_eq!(
            bold_matches("[a] [b]", &[[1, 2], [5, 6]]),
            "<b>a</b> <b>b</b>"
        );
        assert_eq!(bold_matches("kein Treffer", &[]), "kein Treffer");
        assert_eq!(bold_matches("kaputt", &[[0, 3], [4, 99]]), "kaputt");
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(segment("s0001"), "s0001");
        assert_eq!(segment("a b/ü"), "a%20b%2F%C3%BC");
    }

    #[test]
    fn parameters() {
        let p: HashMap<String, String> = [
            ("q".to_string(), "  ".to_string()),
            ("limit".into(), "x".into()),
        ]
        .into();
        assert!(matches!(query_words(&p), Err(Failure::BadRequest(_))));
        assert!(matches!(
            number(&p, "limit", 5),
            Err(Failure::BadRequest(_))
        ));
        assert_eq!(number(&p, "page", 3).ok(), Some(3));
    }
}
