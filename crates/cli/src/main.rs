//! `lagebild`: the command-line front of the pipeline. Thin: parses arguments, calls the
//! library crates, prints. Exit codes: 0 all inputs read, 1 some input rejected, 2 usage error.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

mod cmd;

/// Turn news articles into a situation picture.
#[derive(Parser)]
#[command(name = "lagebild", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Output format of a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Human-readable text.
    #[default]
    Text,
    /// JSON.
    Json,
    /// Markdown.
    Md,
    /// Self-contained HTML.
    Html,
}

#[derive(Subcommand)]
enum Command {
    /// Read, analyse and print the stories of these inputs.
    Analyze {
        /// Files, directories, or `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        /// Store to update (an SQLite file or a `postgres://` URL); without it, work in memory.
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// Add articles to the store, updating stories.
    Ingest {
        /// Files, directories, or `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Store: an SQLite file, or a PostgreSQL URL (`postgres://user@host/db`).
        #[arg(long, default_value = "lagebild.db")]
        db: PathBuf,
        /// Output format of the summary.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// List stored articles.
    Articles {
        /// Store: an SQLite file, or a PostgreSQL URL (`postgres://user@host/db`).
        #[arg(long, default_value = "lagebild.db")]
        db: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Show one stored article.
    Article {
        /// Article id.
        id: String,
        /// Store: an SQLite file, or a PostgreSQL URL (`postgres://user@host/db`).
        #[arg(long, default_value = "lagebild.db")]
        db: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// List stored stories.
    Stories {
        /// Store: an SQLite file, or a PostgreSQL URL (`postgres://user@host/db`).
        #[arg(long, default_value = "lagebild.db")]
        db: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Show one stored story with its analysis.
    Show {
        /// Story id.
        story: String,
        /// Store: an SQLite file, or a PostgreSQL URL (`postgres://user@host/db`).
        #[arg(long, default_value = "lagebild.db")]
        db: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
    },
    /// Full-text search over stored articles, quotes and facts.
    /// Serve a web UI and a JSON API over the store (read-only; runs beside `ingest`).
    Serve {
        /// Address to listen on (port 0 picks a free port; the address is printed).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Store file.
        #[arg(long, default_value = "lagebild.db")]
        db: PathBuf,
        /// File whose first line is `user:password`: every request must give them (HTTP
        /// Basic authentication).
        #[arg(long)]
        auth_file: Option<PathBuf>,
    },
    Search {
        /// Query words: all must occur; `word*` is a prefix, `a OR b` either, "…" a phrase.
        query: String,
        /// Most hits of each kind (articles; quotes and facts).
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Store: an SQLite file, or a PostgreSQL URL (`postgres://user@host/db`).
        #[arg(long, default_value = "lagebild.db")]
        db: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Main text and metadata of one HTML page.
    Extract {
        /// The HTML file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Named entities of one text.
    Ner {
        /// The text file (with --conll: one token a line, blank line between sentences).
        file: PathBuf,
        /// CoNLL mode: token-per-line in, `token<TAB>BIO-tag` out.
        #[arg(long)]
        conll: bool,
        /// Output format (without --conll).
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Quotes of one article.
    Quotes {
        /// The article file.
        file: PathBuf,
        /// Publication date, `YYYY-MM-DD`.
        #[arg(long)]
        date: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Temporal expressions of one text (offsets into the file's text as given).
    Timex {
        /// The text file.
        file: PathBuf,
        /// Document creation date, `YYYY-MM-DD`; without it, narrative mode.
        #[arg(long)]
        date: Option<String>,
        /// Language of the text (`de`, `en`); without it, detected (German when unclear).
        #[arg(long)]
        lang: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Analyze { paths, format, db } => cmd::analyze::run(&paths, format, db.as_deref()),
        Command::Ingest { paths, db, format } => cmd::store::ingest(&paths, &db, format),
        Command::Articles { db, format } => cmd::store::articles(&db, format),
        Command::Article { id, db, format } => cmd::store::article(&id, &db, format),
        Command::Stories { db, format } => cmd::store::stories(&db, format),
        Command::Show { story, db, format } => cmd::store::show(&story, &db, format),
        Command::Search {
            query,
            limit,
            db,
            format,
        } => cmd::store::search(&query, &db, format, limit),
        Command::Serve {
            addr,
            db,
            auth_file,
        } => cmd::serve::run(&addr, &db, auth_file.as_deref()),
        Command::Extract { file, format } => cmd::extract::run(&file, format),
        Command::Ner {
            file,
            conll,
            format,
        } => cmd::ner::run(&file, conll, format),
        Command::Quotes { file, date, format } => cmd::quotes::run(&file, date.as_deref(), format),
        Command::Timex {
            file,
            date,
            lang,
            format,
        } => cmd::timex::run(&file, date.as_deref(), lang.as_deref(), format),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lagebild: {e:#}");
            ExitCode::from(1)
        }
    }
}
