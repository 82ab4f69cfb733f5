//! Reading and cleaning: bytes in, [`Article`]s out.
//!
//! Every reader streams: containers (JSON Lines, feeds, WARC) yield one article at a time
//! through a callback, so memory stays flat however large the input. A bad input produces an
//! [`IngestError`] naming the file and the reason; the run goes on.
//!
//! Formats are chosen by file extension (`.txt`, `.html`, `.xml`/`.rss`/`.atom`, `.jsonl`,
//! `.warc`, each optionally `.gz`) and, for unknown extensions and stdin, by sniffing the first
//! bytes. Single documents (text, HTML, feeds) larger than [`MAX_BYTES`] are rejected; for
//! containers the limit applies to each line or record.

pub mod clean;
pub mod decode;
mod feed;
pub mod html;
mod jsonl;
pub mod lang;
mod page;
mod text;
mod warc;

pub use clean::Draft;
use lagebild_model::Article;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Largest single document (or container record) accepted, in bytes.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// A problem with one input: names the file (and record) and the reason, in one line.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct IngestError {
    /// The file (or `file#record`) concerned.
    pub path: String,
    /// Why it was rejected.
    pub reason: String,
}

impl IngestError {
    /// An error for `path` with a one-line `reason`.
    pub fn new(path: impl Into<String>, reason: impl std::fmt::Display) -> Self {
        let reason = reason.to_string().replace(['\n', '\r'], " ");
        IngestError {
            path: path.into(),
            reason,
        }
    }
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text article (headline first).
    Text,
    /// One HTML page.
    Html,
    /// RSS 2.0 / RSS 1.0 / Atom feed.
    Feed,
    /// JSON Lines, one article per line (also one JSON object or an array of them).
    JsonLines,
    /// WARC file of HTTP responses.
    Warc,
}

impl Format {
    /// Format named by a file name's extension (a trailing `.gz` is ignored).
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        let ext = Path::new(lower).extension()?.to_str()?;
        Some(match ext {
            "txt" | "text" | "md" => Format::Text,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "xml" | "rss" | "atom" | "rdf" | "feed" => Format::Feed,
            "jsonl" | "ndjson" | "json" => Format::JsonLines,
            "warc" | "arc" => Format::Warc,
            _ => return None,
        })
    }

    /// Format suggested by the first bytes of the content.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = &head[start..];
        let lower: Vec<u8> = head
            .iter()
            .take(4096)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        let has = |n: &[u8]| lower.windows(n.len()).any(|w| w == n);
        if head.starts_with(b"WARC/") {
            Format::Warc
        } else if head.starts_with(b"{") || head.starts_with(b"[") {
            Format::JsonLines
        } else if lower.starts_with(b"<") && (has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf")) {
            if has(b"<html") {
                Format::Html
            } else {
                Format::Feed
            }
        } else if lower.starts_with(b"<")
            && (has(b"<html") || has(b"<!doctype html") || has(b"<head") || has(b"<body"))
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Read every input (files, directories recursively, `-` for stdin), calling `sink` once per
/// article or per rejected input, in a stable order.
pub fn read_inputs(paths: &[PathBuf], sink: &mut dyn FnMut(Result<Article, IngestError>)) {
    for p in paths {
        read_path(p, sink);
    }
}

/// Read one path (file or directory; `-` is stdin).
pub fn read_path(path: &Path, sink: &mut dyn FnMut(Result<Article, IngestError>)) {
    if path.as_os_str() == "-" {
        let stdin = std::io::stdin();
        read_reader("-", "stdin", None, stdin.lock(), sink);
        return;
    }
    read_path_depth(path, sink, 0);
}

/// Directory recursion with a depth guard against symlink loops.
fn read_path_depth(path: &Path, sink: &mut dyn FnMut(Result<Article, IngestError>), depth: u32) {
    let name = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return sink(Err(IngestError::new(name, e))),
    };
    if meta.is_dir() {
        if depth > 32 {
            return sink(Err(IngestError::new(name, "directory nesting too deep")));
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    !p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'))
                })
                .collect(),
            Err(e) => return sink(Err(IngestError::new(name, e))),
        };
        entries.sort();
        for e in entries {
            if is_store_file(&e) {
                continue;
            }
            read_path_depth(&e, sink, depth + 1);
        }
        return;
    }
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return sink(Err(IngestError::new(name, e))),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = doc_stem(&file_name);
    let format = Format::from_name(&file_name);
    read_reader(
        &name,
        &stem,
        format,
        BufReader::with_capacity(64 * 1024, file),
        sink,
    );
}

/// Files of a database found while walking a directory: an SQLite database, and the
/// `-wal`, `-shm`, `-journal` and `-lock` files beside one. `lagebild ingest .` in a folder
/// that holds its own store reads the articles, not the store.
fn is_store_file(path: &Path) -> bool {
    const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
    let name = path.as_os_str().to_string_lossy();
    for suffix in ["-wal", "-shm", "-journal", "-lock"] {
        if let Some(db) = name.strip_suffix(suffix) {
            if Path::new(db).is_file() {
                return true;
            }
        }
    }
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| &head == SQLITE_MAGIC)
}

/// File name without its format extensions (`a.warc.gz` → `a`, `000_x.txt` → `000_x`).
fn doc_stem(file_name: &str) -> String {
    let mut s = file_name;
    for _ in 0..2 {
        if let Some((base, ext)) = s.rsplit_once('.') {
            let e = ext.to_lowercase();
            if !base.is_empty() && (e == "gz" || Format::from_name(&format!("x.{e}")).is_some()) {
                s = base;
                continue;
            }
        }
        break;
    }
    s.to_string()
}

/// Read articles from any byte stream: `name` names it in errors and sources, `stem` is the
/// default article id for single documents, `format` overrides sniffing. Gzip is undone first.
pub fn read_reader<R: BufRead>(
    name: &str,
    stem: &str,
    format: Option<Format>,
    mut reader: R,
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    let head = match reader.fill_buf() {
        Ok(h) => h,
        Err(e) => return sink(Err(IngestError::new(name, e))),
    };
    if head.is_empty() {
        return sink(Err(IngestError::new(name, "empty input")));
    }
    if head.starts_with(&[0x1F, 0x8B]) {
        let gz = BufReader::with_capacity(
            64 * 1024,
            GzReader(flate2::bufread::MultiGzDecoder::new(reader)),
        );
        return read_plain(name, stem, format, gz, sink);
    }
    read_plain(name, stem, format, reader, sink)
}

/// [`read_reader`] after gzip has been undone.
fn read_plain<R: BufRead>(
    name: &str,
    stem: &str,
    format: Option<Format>,
    mut reader: R,
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    let format = match format {
        Some(f) => f,
        None => match reader.fill_buf() {
            Ok([]) => return sink(Err(IngestError::new(name, "empty input"))),
            Ok(h) => Format::sniff(h),
            Err(e) => return sink(Err(IngestError::new(name, io_reason(&e)))),
        },
    };
    match format {
        Format::JsonLines => jsonl::read(name, reader, sink),
        Format::Warc => warc::read(name, reader, sink),
        Format::Text | Format::Html | Format::Feed => match capped(reader) {
            Ok(bytes) => read_document(name, stem, format, &bytes, sink),
            Err(reason) => sink(Err(IngestError::new(name, reason))),
        },
    }
}

/// All bytes of a single document, at most [`MAX_BYTES`]; `Err` is the reason it is rejected.
fn capped(reader: impl Read) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("larger than {} MB", MAX_BYTES / (1024 * 1024)));
    }
    Ok(bytes)
}

/// The bytes of the single document in a file, gzip undone (`page.html.gz`), at most
/// [`MAX_BYTES`]; `Err` is the reason the file is rejected.
pub fn file_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let mut reader = BufReader::new(file);
    let gzip = reader
        .fill_buf()
        .map_err(|e| io_reason(&e))?
        .starts_with(&[0x1F, 0x8B]);
    if gzip {
        capped(GzReader(flate2::bufread::MultiGzDecoder::new(reader)))
    } else {
        capped(reader)
    }
}

/// Read one in-memory document of a known single-document format (or any format: containers
/// are streamed from the slice).
pub fn read_bytes(
    name: &str,
    stem: &str,
    format: Option<Format>,
    bytes: &[u8],
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    read_reader(name, stem, format, bytes, sink);
}

/// Text, HTML or feed bytes.
fn read_document(
    name: &str,
    stem: &str,
    format: Format,
    bytes: &[u8],
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    match format {
        Format::Text => match decode::decode(bytes, None) {
            Ok(s) => sink(Ok(clean::finish(text::parse(&s, stem, name)))),
            Err(e) => sink(Err(IngestError::new(name, e))),
        },
        Format::Html => match decode::decode_markup(bytes, None) {
            Ok(s) => sink(page::read(&s, stem, name, None).map(clean::finish)),
            Err(e) => sink(Err(IngestError::new(name, e))),
        },
        Format::Feed => match decode::decode_markup(bytes, None) {
            Ok(s) => match feed::parse(&s, stem, name) {
                Ok(drafts) => {
                    for d in drafts {
                        sink(Ok(clean::finish(d)));
                    }
                }
                Err(e) => sink(Err(e)),
            },
            Err(e) => sink(Err(IngestError::new(name, e))),
        },
        Format::JsonLines | Format::Warc => read_plain(name, stem, Some(format), bytes, sink),
    }
}

/// A gzip decoder whose errors say that the gzip data is at fault.
struct GzReader<R>(flate2::bufread::MultiGzDecoder<R>);

impl<R: BufRead> Read for GzReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("corrupt gzip data: {e}"),
            )
        })
    }
}

/// One-line reason for an I/O error.
fn io_reason(e: &std::io::Error) -> String {
    e.to_string().replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests;
