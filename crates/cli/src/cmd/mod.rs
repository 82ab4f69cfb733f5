//! One module per subcommand group.

pub mod analyze;
pub mod extract;
pub mod ner;
pub mod quotes;
pub mod serve;
pub mod store;
pub mod timex;

/// The first article of `file` as the readers see it (a text with its header lines, an HTML page,
/// the first record of a container); the one-line reason when there is none.
pub fn first_article(file: &std::path::Path) -> Result<lagebild_model::Article, String> {
    let mut article = None;
    let mut error = None;
    lagebild_ingest::read_path(file, &mut |r| match r {
        Ok(a) if article.is_none() => article = Some(a),
        Ok(_) => {}
        Err(e) => error = Some(e),
    });
    article.ok_or_else(|| {
        error.map_or_else(
            || format!("{}: no article", file.display()),
            |e| e.to_string(),
        )
    })
}
