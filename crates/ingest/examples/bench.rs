//! Throughput harness for the readers (run in release).
//!
//! ```text
//! bench csv2jsonl CSV OUT.jsonl        # 10kGNAD-style `label;'text'` CSV → JSON Lines
//! bench gen-warc CSV N OUT.warc.gz     # N HTML response records built from the CSV texts
//! bench read PATH…                     # read + clean, print articles/s and MB/s
//! bench lang CSV                       # share of German snippets (30/60/120/all chars) tagged `de`
//! ```
//! Peak memory: run `read` under `/usr/bin/time -v`.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("csv2jsonl") if args.len() == 3 => csv2jsonl(&args[1], &args[2]),
        Some("gen-warc") if args.len() == 4 => gen_warc(&args[1], args[2].parse()?, &args[3]),
        Some("read") if args.len() >= 2 => read(&args[1..]),
        Some("lang") if args.len() == 2 => lang(&args[1]),
        _ => Err("usage: bench csv2jsonl CSV OUT | gen-warc CSV N OUT | read PATH…".into()),
    }
}

/// Rows of a `label;'text'` CSV (single quotes, doubled to escape).
fn csv_texts(path: &str) -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let data = std::fs::read_to_string(path)?;
    let mut rows = Vec::new();
    let mut chars = data.chars().peekable();
    while chars.peek().is_some() {
        let label: String = chars.by_ref().take_while(|&c| c != ';').collect();
        let mut text = String::new();
        if chars.peek() == Some(&'\'') {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\'' {
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                        text.push('\'');
                    } else {
                        break;
                    }
                } else {
                    text.push(c);
                }
            }
            for c in chars.by_ref() {
                if c == '\n' {
                    break;
                }
            }
        } else {
            text = chars.by_ref().take_while(|&c| c != '\n').collect();
        }
        if !text.trim().is_empty() {
            rows.push((label.trim().to_string(), text));
        }
    }
    Ok(rows)
}

fn lang(csv: &str) -> Result<(), Box<dyn std::error::Error>> {
    let rows = csv_texts(csv)?;
    for len in [30usize, 60, 120, usize::MAX] {
        let mut right = 0;
        let mut wrong = Vec::new();
        for (_, text) in &rows {
            let snippet: String = text.chars().take(len).collect();
            match lagebild_ingest::lang::detect(&snippet) {
                Some("de") => right += 1,
                other => wrong.push((other, snippet)),
            }
        }
        println!(
            "first {} chars: {right}/{} tagged de ({:.1} %)",
            if len == usize::MAX {
                "all".to_string()
            } else {
                len.to_string()
            },
            rows.len(),
            100.0 * right as f64 / rows.len() as f64
        );
        for (got, s) in wrong.iter().take(3) {
            println!("   {got:?}: {s}");
        }
    }
    Ok(())
}

fn csv2jsonl(csv: &str, out: &str) -> Result<(), Box<dyn std::error::Error>> {
    let rows = csv_texts(csv)?;
    let mut w = BufWriter::new(std::fs::File::create(out)?);
    for (i, (label, text)) in rows.iter().enumerate() {
        let v = serde_json::json!({"id": format!("gnad-{i}"), "outlet": "derstandard.at",
            "url": format!("https://www.derstandard.at/{}/{i}", label.to_lowercase()), "text": text});
        writeln!(w, "{v}")?;
    }
    eprintln!("{} rows → {out}", rows.len());
    Ok(())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn gen_warc(csv: &str, n: usize, out: &str) -> Result<(), Box<dyn std::error::Error>> {
    let rows = csv_texts(csv)?;
    let file = std::fs::File::create(out)?;
    let mut w = BufWriter::new(file);
    for i in 0..n {
        let (label, text) = &rows[i % rows.len()];
        let paras: String = text
            .split(". ")
            .collect::<Vec<_>>()
            .chunks(3)
            .map(|c| format!("<p>{}.</p>\n", escape(&c.join(". "))))
            .collect();
        let title = escape(&text.chars().take(60).collect::<String>());
        let html = format!(
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{title}</title>\
             <meta property=\"og:site_name\" content=\"Beispielportal\">\
             <meta property=\"article:published_time\" content=\"2024-03-0{}T08:15:00+01:00\"></head>\
             <body><nav><a href=\"/\">Start</a> | <a href=\"/{label}\">{label}</a></nav>\
             <article><h1>{title}</h1>{paras}</article><footer>Impressum · Datenschutz</footer></body></html>",
            1 + i % 9
        );
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
            html.len()
        );
        let head = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{i:012}>\r\nWARC-Target-URI: https://www.beispielportal.example/{label}/{i}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len()
        );
        // One gzip member per record, as Common Crawl writes them.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(head.as_bytes())?;
        gz.write_all(http.as_bytes())?;
        gz.write_all(b"\r\n\r\n")?;
        w.write_all(&gz.finish()?)?;
    }
    w.flush()?;
    eprintln!("{n} records → {out}");
    Ok(())
}

fn read(paths: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    let (mut ok, mut err, mut text_bytes) = (0usize, 0usize, 0usize);
    let mut first_err = None;
    let start = Instant::now();
    lagebild_ingest::read_inputs(&paths, &mut |r| match r {
        Ok(a) => {
            ok += 1;
            text_bytes += a.text.len();
        }
        Err(e) => {
            err += 1;
            first_err.get_or_insert(e.to_string());
        }
    });
    let secs = start.elapsed().as_secs_f64();
    let input: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "articles {ok}, errors {err}, input {:.1} MB, cleaned text {:.1} MB, {secs:.2} s: {:.0} articles/s, {:.1} MB/s input, {:.1} MB/s cleaned text",
        input as f64 / 1e6,
        text_bytes as f64 / 1e6,
        ok as f64 / secs,
        input as f64 / 1e6 / secs,
        text_bytes as f64 / 1e6 / secs
    );
    if let Some(e) = first_err {
        println!("first error: {e}");
    }
    Ok(())
}
