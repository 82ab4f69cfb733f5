//! Reader tests across formats, with inputs generated here.

use super::*;
use lagebild_model::Article;
use std::io::Write;

fn collect(name: &str, format: Option<Format>, bytes: &[u8]) -> (Vec<Article>, Vec<IngestError>) {
    let mut ok = Vec::new();
    let mut err = Vec::new();
    read_bytes(name, "stem", format, bytes, &mut |r| match r {
        Ok(a) => ok.push(a),
        Err(e) => err.push(e),
    });
    (ok, err)
}

const ARTICLE: &str = "Neuer Radweg in Beispielstadt\n\nDie Stadt Beispielstadt hat am Montag einen neuen Radweg entlang des Flusses eröffnet. „Das ist ein großer Tag“, sagte die Bürgermeisterin.\n\nDer Weg ist fünf Kilometer lang.\n";

#[test]
fn text_article_survives_every_encoding() {
    let (a, e) = collect("a.txt", Some(Format::Text), ARTICLE.as_bytes());
    assert!(e.is_empty());
    assert_eq!(a[0].title, "Neuer Radweg in Beispielstadt");
    assert!(a[0]
        .text
        .starts_with("Neuer Radweg in Beispielstadt\n\nDie Stadt"));
    assert_eq!(a[0].id, "stem");
    assert_eq!(a[0].language, "de");
    let (w, _, _) = encoding_rs::WINDOWS_1252.encode(ARTICLE);
    let (b, e) = collect("a.txt", None, &w);
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(b[0].text, a[0].text);
    assert_eq!(b[0].hash, a[0].hash);
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn jsonl_lines_and_errors() {
    let good = serde_json::json!({"id": "j1", "url": "https://www.nordblatt.example/x", "published": "2024-02-01T10:00:00+01:00",
        "title": "Schule saniert", "text": "Die Grundschule wird für drei Millionen Euro saniert. Der Unterricht läuft weiter."});
    let no_text = serde_json::json!({"id": "j2", "title": "Leer"});
    let input = format!("{good}\n\n{{\"id\": \"kaputt\"\n{no_text}\n[1,2]\n{good}\n");
    let (a, e) = collect("x.jsonl", None, input.as_bytes());
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].id, "j1");
    assert_eq!(a[0].published.as_deref(), Some("2024-02-01"));
    assert_eq!(a[0].published_time.as_deref(), Some("10:00"));
    assert_eq!(a[0].outlet.as_deref(), Some("nordblatt.example"));
    assert_eq!(a[0].source, "x.jsonl#1");
    assert_eq!(e.len(), 4);
    assert!(
        e[0].to_string().starts_with("x.jsonl#3: invalid JSON"),
        "{}",
        e[0]
    );
    assert!(e[1].reason.contains("no `text`"));
    // an array is a list of records: each number is one rejected record
    assert!(e[2].reason.contains("not an object") && e[3].reason.contains("not an object"));
    assert_eq!(e[3].path, "x.jsonl#5.2");
    // The same stream gzipped.
    let (a2, e2) = collect(
        "x.jsonl.gz",
        Some(Format::JsonLines),
        &gzip(input.as_bytes()),
    );
    assert_eq!((a2.len(), e2.len()), (2, 4));
}

#[test]
fn a_json_file_may_hold_one_pretty_printed_article_or_a_list() {
    let one = serde_json::json!({"id": "p1", "title": "Brücke gesperrt",
        "text": "Die Brücke über die Aue bleibt bis Freitag gesperrt."});
    let two =
        serde_json::json!({"title": "Fähre fährt", "text": "Die Fähre fährt wieder nach Plan."});
    let pretty = serde_json::to_string_pretty(&one).expect("json");
    let (a, e) = collect("eins.json", None, pretty.as_bytes());
    assert!(e.is_empty(), "{e:?}");
    assert_eq!((a.len(), a[0].id.as_str()), (1, "p1"));
    assert!(a[0].text.contains("Brücke über die Aue"));
    let list = serde_json::to_string_pretty(&serde_json::json!([one, two])).expect("json");
    let (a, e) = collect("liste.json", None, list.as_bytes());
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(a.len(), 2);
    assert_eq!(a[1].id, "liste-2");
    assert_eq!(a[1].title, "Fähre fährt");
    // a list cut off in the middle is one error naming where it starts
    let (a, e) = collect("kaputt.json", None, &list.as_bytes()[..list.len() / 2]);
    assert!(a.is_empty());
    assert_eq!(e.len(), 1);
    assert!(
        e[0].to_string().starts_with("kaputt.json#1: invalid JSON"),
        "{}",
        e[0]
    );
}

fn warc_record(kind: &str, id: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        payload.len()
    )
    .into_bytes();
    r.extend_from_slice(payload);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(html: &[u8], ctype: &str) -> Vec<u8> {
    let mut p = format!("HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n\r\n").into_bytes();
    p.extend_from_slice(html);
    p
}

#[test]
fn warc_framing_and_errors() {
    // Non-HTML responses and request records are skipped silently.
    let mut w = warc_record(
        "request",
        "r0",
        "https://a.example/",
        b"GET / HTTP/1.1\r\n\r\n",
    );
    w.extend(warc_record(
        "response",
        "r1",
        "https://a.example/x.png",
        &http(b"\x89PNG", "image/png"),
    ));
    let (a, e) = collect("w.warc", None, &w);
    assert!(a.is_empty() && e.is_empty(), "{e:?}");
    // Truncated record.
    let mut t = warc_record(
        "response",
        "r2",
        "https://a.example/",
        &http(b"<p>x</p>", "text/html"),
    );
    t.truncate(t.len() - 10);
    let (_, e) = collect("t.warc", None, &t);
    assert!(e[0].reason.contains("truncated"), "{e:?}");
    // Not WARC after the first record.
    let mut m = w.clone();
    m.extend_from_slice(b"garbage here\r\n");
    let (_, e) = collect("m.warc", Some(Format::Warc), &m);
    assert_eq!(e.len(), 1);
    assert!(e[0].reason.contains("malformed WARC"), "{e:?}");
    assert!(e[0].path.starts_with("m.warc#3"));
    // Corrupt gzip.
    let mut g = gzip(&w);
    let mid = g.len() / 2;
    for b in &mut g[mid..] {
        *b ^= 0x5A;
    }
    let (_, e) = collect("g.warc.gz", Some(Format::Warc), &g);
    assert_eq!(e.len(), 1, "{e:?}");
}

#[test]
fn warc_html_response_goes_through_extraction() {
    let page = "<html><head><title>Deich hält</title></head><body><article><h1>Deich hält</h1><p>Der Deich an der Elbe hat dem Hochwasser standgehalten, teilte die Stadt mit. Die Helfer arbeiteten die ganze Nacht.</p></article></body></html>";
    let w = warc_record(
        "response",
        "abc",
        "https://www.elbkurier.example/deich",
        &http(page.as_bytes(), "text/html; charset=utf-8"),
    );
    let (a, e) = collect("p.warc.gz", Some(Format::Warc), &gzip(&w));
    // Either the extractor finds the text (article keyed by the record id) or it reports it.
    match (a.first(), e.first()) {
        (Some(a), _) => {
            assert_eq!(a.id, "urn:uuid:abc");
            assert_eq!(
                a.url.as_deref(),
                Some("https://www.elbkurier.example/deich")
            );
            assert!(a.text.contains("Deich an der Elbe"));
        }
        (None, Some(e)) => assert!(e.reason.contains("no main text"), "{e}"),
        _ => panic!("neither article nor error"),
    }
}

#[test]
fn warc_date_is_the_fallback_publication_date() {
    let page = |date_meta: &str| {
        format!(
            "<html><head><title>Fähre fährt wieder</title>{date_meta}</head><body><article>\
             <h1>Fähre fährt wieder</h1><p>Die Fähre zwischen Brinkum und Oldersum fährt nach \
             drei Wochen Reparatur wieder nach Fahrplan, teilte der Landkreis am Montag mit. \
             Pendler mussten in der Zeit einen Umweg von vierzig Kilometern fahren.</p>\
             <p>Die Reederei kündigte an, die Preise bis zum Sommer nicht zu erhöhen.</p>\
             </article></body></html>"
        )
    };
    let record = |id: &str, html: &str| {
        let mut r = warc_record(
            "response",
            id,
            "https://www.kuestenbote.example/faehre",
            &http(html.as_bytes(), "text/html; charset=utf-8"),
        );
        // the record's own date, as crawlers write it
        let at = r
            .windows(16)
            .position(|w| w == b"Content-Length: ")
            .unwrap_or(0);
        r.splice(
            at..at,
            b"WARC-Date: 2026-03-10T06:15:00Z\r\n".iter().copied(),
        );
        r
    };
    let mut w = record("d1", &page(""));
    w.extend(record(
        "d2",
        &page(r#"<meta property="article:published_time" content="2026-03-08T17:00:00+01:00">"#),
    ));
    let (a, e) = collect("d.warc", Some(Format::Warc), &w);
    assert!(e.is_empty(), "{e:?}");
    let dates: Vec<Option<&str>> = a.iter().map(|a| a.published.as_deref()).collect();
    // no date of its own: the crawl day; a declared date wins over it
    assert_eq!(dates, vec![Some("2026-03-10"), Some("2026-03-08")]);
}

#[test]
fn bad_inputs_are_one_line_errors() {
    let cases: Vec<(&str, Option<Format>, Vec<u8>, &str)> = vec![
        ("empty.txt", Some(Format::Text), Vec::new(), "empty"),
        (
            "blank.txt",
            Some(Format::Text),
            b"  \n\n ".to_vec(),
            "empty",
        ),
        (
            "bin.txt",
            Some(Format::Text),
            vec![0x00, 0x01, 0x02, 0xFF, 0x00, 0x10],
            "binary",
        ),
        (
            "bin.html",
            Some(Format::Html),
            b"\x00\x00<html>\x00".to_vec(),
            "binary",
        ),
        (
            "f.xml",
            Some(Format::Feed),
            b"<rss><channel><item><title>x</item></rss>".to_vec(),
            "malformed XML",
        ),
        (
            "j.jsonl",
            Some(Format::JsonLines),
            b"{\"id\": 1, \"text\": \"abc\"".to_vec(),
            "invalid JSON",
        ),
        (
            "z.warc.gz",
            Some(Format::Warc),
            vec![0x1F, 0x8B, 0x08, 0x00, 1, 2, 3],
            "gzip",
        ),
        (
            "w.warc",
            Some(Format::Warc),
            b"WARC/1.0\r\nWARC-Type: response\r\n\r\n".to_vec(),
            "Content-Length",
        ),
        (
            "u.txt",
            Some(Format::Text),
            (0..3000u32).map(|i| (i % 31) as u8 + 1).collect(),
            "",
        ),
    ];
    for (name, fmt, bytes, want) in cases {
        let (a, e) = collect(name, fmt, &bytes);
        assert!(a.is_empty(), "{name}: got an article");
        assert_eq!(e.len(), 1, "{name}: {e:?}");
        let line = e[0].to_string();
        assert!(!line.contains('\n'), "{line}");
        assert!(line.starts_with(name), "{line}");
        assert!(
            line.to_lowercase().contains(&want.to_lowercase()),
            "{name}: {line}"
        );
    }
}

#[test]
fn oversized_document_rejected_without_reading_it_all() {
    struct Endless;
    impl std::io::Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            buf.fill(b'a');
            Ok(buf.len())
        }
    }
    let mut errs = Vec::new();
    read_reader(
        "big.txt",
        "big",
        Some(Format::Text),
        std::io::BufReader::new(Endless),
        &mut |r| errs.extend(r.err()),
    );
    assert_eq!(errs.len(), 1);
    assert!(errs[0].reason.contains("larger than 50 MB"));
}

#[test]
fn directory_walk_is_sorted_and_goes_on_after_errors() {
    let dir = std::env::temp_dir().join(format!("lagebild-ingest-test-{}", std::process::id()));
    let sub = dir.join("b");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(dir.join("c.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("a.txt"), ARTICLE.replace("Radweg", "Fußweg")).unwrap();
    std::fs::write(sub.join("leer.txt"), b"").unwrap();
    std::fs::write(dir.join(".versteckt"), b"x").unwrap();
    let mut seen = Vec::new();
    read_inputs(&[dir.clone(), dir.join("fehlt.txt")], &mut |r| {
        seen.push(match r {
            Ok(a) => a.id,
            Err(e) => format!("ERR {}", e.path.rsplit('/').next().unwrap_or("")),
        })
    });
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(seen, ["a", "ERR leer.txt", "c", "ERR fehlt.txt"]);
}

#[test]
fn format_detection() {
    assert_eq!(Format::from_name("x.warc.gz"), Some(Format::Warc));
    assert_eq!(Format::from_name("X.HTML"), Some(Format::Html));
    assert_eq!(Format::from_name("noext"), None);
    assert_eq!(
        Format::sniff(b"\xEF\xBB\xBF  <?xml version='1.0'?><feed>"),
        Format::Feed
    );
    assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Format::Html);
    assert_eq!(Format::sniff(b"WARC/1.1\r\n"), Format::Warc);
    assert_eq!(Format::sniff(b"{\"id\":1}"), Format::JsonLines);
    assert_eq!(Format::sniff(b"Schlagzeile\n\nText"), Format::Text);
    assert_eq!(doc_stem("000_ab.txt"), "000_ab");
    assert_eq!(doc_stem("crawl.warc.gz"), "crawl");
    assert_eq!(doc_stem("v1.2 notes"), "v1.2 notes");
}

/// The same entry points the `fuzz/` targets drive, run on deterministic mutations of valid
/// inputs of every format: nothing may panic, every outcome is an article or an error.
#[test]
fn mutated_inputs_never_panic() {
    let feed = br#"<?xml version="1.0"?><rss><channel><title>T</title><item><title>Zug f&#228;llt aus</title><description>Kurz &amp; knapp.</description><content:encoded><![CDATA[<p>Der Zug f&auml;llt aus.</p>]]></content:encoded></item></channel></rss>"#.to_vec();
    let jsonl = b"{\"id\":\"a\",\"title\":\"Br\xc3\xbccke\",\"text\":\"Die Br\xc3\xbccke ist gesperrt.\"}\n{\"id\":2,\"html\":\"<p>Hallo</p>\"}\n".to_vec();
    let warc = warc_record(
        "response",
        "m1",
        "https://a.example/",
        &http(b"<html><p>Ein Test.</p></html>", "text/html"),
    );
    let seeds: Vec<(Format, Vec<u8>)> = vec![
        (Format::Text, format!(" date 2024-01-02 Von Anna Beispiel\n\n{ARTICLE}").into_bytes()),
        (Format::Html, b"<html><head><meta charset=latin1><title>T</title></head><body><p>Gr\xfc\xdfe</p></body></html>".to_vec()),
        (Format::Feed, feed),
        (Format::JsonLines, jsonl),
        (Format::Warc, warc.clone()),
        (Format::Warc, gzip(&warc)),
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for (format, seed) in &seeds {
        for round in 0..200 {
            let mut data = seed.clone();
            let edits = 1 + (next() % 8) as usize;
            for _ in 0..edits {
                let pos = (next() as usize) % (data.len() + 1);
                match next() % 4 {
                    0 if pos < data.len() => data[pos] = next() as u8,
                    1 => data.insert(pos, next() as u8),
                    2 if pos < data.len() => {
                        data.remove(pos);
                    }
                    _ => data.truncate(pos),
                }
            }
            let fmt = if round % 5 == 0 { None } else { Some(*format) };
            let mut outcomes = 0;
            read_bytes("fuzz", "fuzz", fmt, &data, &mut |r| {
                outcomes += 1;
                if let Err(e) = r {
                    assert!(!e.to_string().contains('\n'));
                }
            });
            let _ = outcomes;
        }
    }
}

#[test]
fn file_bytes_undo_gzip_and_name_what_is_wrong() {
    let dir = std::env::temp_dir().join(format!("lagebild-file-bytes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = b"<html><body><p>Der Deich hielt.</p></body></html>";
    std::fs::write(dir.join("seite.html"), page).unwrap();
    std::fs::write(dir.join("seite.html.gz"), gzip(page)).unwrap();
    std::fs::write(dir.join("kaputt.html.gz"), [0x1F, 0x8B, 0x08, 0x00, 0x01]).unwrap();
    assert_eq!(file_bytes(&dir.join("seite.html")).unwrap(), page);
    assert_eq!(file_bytes(&dir.join("seite.html.gz")).unwrap(), page);
    let broken = file_bytes(&dir.join("kaputt.html.gz")).unwrap_err();
    let missing = file_bytes(&dir.join("fehlt.html")).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(broken.contains("gzip"), "{broken}");
    assert!(!missing.is_empty() && !missing.contains('\n'));
}
