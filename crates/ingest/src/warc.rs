//! WARC files (`.warc`, `.warc.gz` after gzip is undone upstream): `response` records holding
//! HTML, streamed record by record. Other records (requests, metadata, non-HTML or non-2xx
//! responses) are skipped. The article id is the `WARC-Record-ID`. A page that declares no
//! publication date (neither in its markup nor in a date line of its text) takes the day of the
//! record's `WARC-Date`: the day it was fetched, so published then or before.

use crate::{clean, decode, page, IngestError, MAX_BYTES};
use lagebild_model::Article;
use std::io::{BufRead, Read};

/// Longest header line accepted (WARC or HTTP).
const MAX_LINE: u64 = 64 * 1024;
/// Most header lines in one record.
const MAX_HEADERS: usize = 512;

/// One parsed WARC record header.
#[derive(Debug, Default)]
struct Header {
    record_type: String,
    record_id: String,
    target_uri: Option<String>,
    /// Day of the `WARC-Date` (`YYYY-MM-DD`), when it parses.
    date: Option<String>,
    content_type: String,
    length: u64,
}

/// Read all records; a framing error ends the file with one error.
pub(crate) fn read<R: BufRead>(
    name: &str,
    mut reader: R,
    sink: &mut dyn FnMut(Result<Article, IngestError>),
) {
    let mut n = 0usize;
    loop {
        n += 1;
        let rec = format!("{name}#{n}");
        let header = match read_header(&mut reader) {
            Ok(Some(h)) => h,
            Ok(None) => return,
            Err(reason) => return sink(Err(IngestError::new(rec, reason))),
        };
        let wanted = header.record_type == "response"
            && header
                .content_type
                .to_ascii_lowercase()
                .contains("application/http");
        if !wanted || header.length > MAX_BYTES {
            if wanted {
                sink(Err(IngestError::new(&rec, "record larger than 50 MB")));
            }
            match std::io::copy(
                &mut reader.by_ref().take(header.length),
                &mut std::io::sink(),
            ) {
                Ok(k) if k == header.length => continue,
                Ok(_) => return sink(Err(IngestError::new(rec, "truncated WARC record"))),
                Err(e) => return sink(Err(IngestError::new(rec, crate::io_reason(&e)))),
            }
        }
        let mut body = Vec::with_capacity(header.length.min(1 << 20) as usize);
        match reader.by_ref().take(header.length).read_to_end(&mut body) {
            Ok(k) if k as u64 == header.length => {}
            Ok(_) => return sink(Err(IngestError::new(rec, "truncated WARC record"))),
            Err(e) => return sink(Err(IngestError::new(rec, crate::io_reason(&e)))),
        }
        if let Some(result) = response_article(&body, &header, &rec) {
            sink(result.map(|draft| {
                let mut article = clean::finish(draft);
                if article.published.is_none() {
                    article.published = header.date.clone();
                }
                article
            }));
        }
    }
}

/// One line (without CR LF), bounded; `None` at end of input.
fn read_line<R: BufRead>(reader: &mut R) -> Result<Option<String>, String> {
    let mut buf = Vec::new();
    let k = reader
        .by_ref()
        .take(MAX_LINE)
        .read_until(b'\n', &mut buf)
        .map_err(|e| crate::io_reason(&e))?;
    if k == 0 {
        return Ok(None);
    }
    if !buf.ends_with(b"\n") && k as u64 >= MAX_LINE {
        return Err("malformed WARC: header line too long".into());
    }
    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        buf.pop();
    }
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}

/// The next record's header; blank lines between records are skipped.
fn read_header<R: BufRead>(reader: &mut R) -> Result<Option<Header>, String> {
    let version = loop {
        match read_line(reader)? {
            None => return Ok(None),
            Some(l) if l.trim().is_empty() => continue,
            Some(l) => break l,
        }
    };
    if !version.starts_with("WARC/") {
        return Err("malformed WARC: record does not start with a WARC version line".into());
    }
    let mut h = Header::default();
    let mut have_length = false;
    for _ in 0..MAX_HEADERS {
        let line = read_line(reader)?.ok_or("malformed WARC: header ends early")?;
        if line.is_empty() {
            if !have_length {
                return Err("malformed WARC: record without Content-Length".into());
            }
            return Ok(Some(h));
        }
        let Some((k, v)) = line.split_once(':') else {
            return Err(format!("malformed WARC header line: {}", cut(&line)));
        };
        let v = v.trim();
        match k.trim().to_ascii_lowercase().as_str() {
            "warc-type" => h.record_type = v.to_ascii_lowercase(),
            "warc-record-id" => h.record_id = v.trim_matches(['<', '>']).to_string(),
            "warc-target-uri" => h.target_uri = Some(v.trim_matches(['<', '>']).to_string()),
            "warc-date" => h.date = clean::parse_date_time(v).map(|(day, _)| day),
            "content-type" => h.content_type = v.to_string(),
            "content-length" => {
                h.length = v
                    .parse()
                    .map_err(|_| format!("malformed WARC: bad Content-Length {}", cut(v)))?;
                have_length = true;
            }
            _ => {}
        }
    }
    Err("malformed WARC: too many header lines".into())
}

/// First 60 characters, for error messages.
fn cut(s: &str) -> String {
    s.chars().take(60).collect()
}

/// An HTTP response holding HTML into a draft; `None` for responses that are not HTML pages.
fn response_article(
    body: &[u8],
    h: &Header,
    rec: &str,
) -> Option<Result<clean::Draft, IngestError>> {
    let split = body
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            body.windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        });
    let Some((head_end, payload_start)) = split else {
        return Some(Err(IngestError::new(
            rec,
            "malformed HTTP response in WARC record",
        )));
    };
    let head = String::from_utf8_lossy(&body[..head_end]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code: u16 = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    if !status.starts_with("HTTP/") {
        return Some(Err(IngestError::new(
            rec,
            "malformed HTTP status line in WARC record",
        )));
    }
    if !(200..300).contains(&code) {
        return None;
    }
    let mut content_type = String::new();
    let mut chunked = false;
    let mut gzip = false;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let v = v.trim().to_ascii_lowercase();
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = v,
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" => gzip = v.contains("gzip"),
                _ => {}
            }
        }
    }
    if !content_type.is_empty() && !content_type.contains("html") {
        return None;
    }
    let mut payload = body[payload_start..].to_vec();
    if chunked {
        match dechunk(&payload) {
            Some(p) => payload = p,
            None => return Some(Err(IngestError::new(rec, "malformed chunked HTTP body"))),
        }
    }
    if gzip && payload.starts_with(&[0x1F, 0x8B]) {
        let mut out = Vec::new();
        let r = flate2::read::MultiGzDecoder::new(payload.as_slice())
            .take(MAX_BYTES + 1)
            .read_to_end(&mut out);
        if r.is_err() || out.len() as u64 > MAX_BYTES {
            return Some(Err(IngestError::new(
                rec,
                "corrupt gzip content in HTTP body",
            )));
        }
        payload = out;
    }
    let charset = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'']).to_string())
        .next();
    let markup = match decode::decode_markup(&payload, charset.as_deref()) {
        Ok(m) => m,
        Err(e) => return Some(Err(IngestError::new(rec, e))),
    };
    let id = if h.record_id.is_empty() {
        rec.to_string()
    } else {
        h.record_id.clone()
    };
    Some(page::read(&markup, &id, rec, h.target_uri.as_deref()))
}

/// Undo HTTP chunked transfer coding.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let nl = data.iter().position(|&b| b == b'\n')?;
        let line = std::str::from_utf8(&data[..nl]).ok()?.trim();
        let size = usize::from_str_radix(line.split(';').next()?.trim(), 16).ok()?;
        data = &data[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunk_works() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert!(dechunk(b"zz\r\nWiki").is_none());
    }
}
