//! Bad inputs generated here: each gives exactly one stderr line naming the file, the good
//! files beside it are stored, the exit code is 1 and the store stays intact.

mod common;

use common::*;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

/// Ingest the good articles, then the same directory with `bad` added: one line for the bad
/// file, nothing lost or duplicated, exit 1 (twice: the second run is idempotent too).
fn rejected_alone(name: &str, bad: &[u8]) {
    let dir = corpus(&ARTICLES[..2]);
    let d = dir.path();
    let o = run(d, &["ingest", "in", "--db", "x.db"]);
    assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let before = stored_ids(d, "x.db");
    assert_eq!(before.len(), 2);
    let stories_before = run_json(d, &["stories", "--db", "x.db", "--format", "json"]);

    std::fs::create_dir(d.join("bad")).expect("bad/");
    std::fs::write(d.join("bad").join(name), bad).expect("write bad input");
    let bad_path = format!("bad/{name}");
    for _ in 0..2 {
        let o = run(
            d,
            &[
                "ingest", "in", &bad_path, "--db", "x.db", "--format", "json",
            ],
        );
        let lines = err_lines(&o);
        assert_eq!(
            lines.len(),
            1,
            "{name}: exactly one stderr line, got {lines:?}"
        );
        assert!(
            lines[0].contains(name),
            "{name}: the line names the file: {lines:?}"
        );
        assert_eq!(code(&o), Some(1), "{name}: exit code 1");
        let summary = json(&o);
        assert_eq!(summary["rejected"], 1, "{name}");
        assert_eq!(summary["duplicates"], 2, "{name}");
        assert_eq!(stored_ids(d, "x.db"), before, "{name}: store unchanged");
        assert_eq!(
            run_json(d, &["stories", "--db", "x.db", "--format", "json"]),
            stories_before
        );
    }

    // The good files of a fresh run beside the bad one are all stored.
    let o = run(
        d,
        &[
            "ingest", &bad_path, "in", "--db", "fresh.db", "--format", "json",
        ],
    );
    assert_eq!(code(&o), Some(1), "{name}");
    assert_eq!(err_lines(&o).len(), 1, "{name}: {:?}", err_lines(&o));
    assert_eq!(json(&o)["added"], 2, "{name}");
    let s = lagebild_store::SqliteStore::open_existing(&d.join("fresh.db")).expect("open");
    assert_eq!(s.check().expect("check"), Vec::<String>::new(), "{name}");
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

fn warc_record(html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427>\r\n\
         WARC-Target-URI: https://example.org/a\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn empty_file() {
    rejected_alone("leer.txt", b"");
}

#[test]
fn whitespace_only_file() {
    rejected_alone("luft.txt", b"  \n\n\t \r\n");
}

#[test]
fn binary_garbage() {
    let mut bytes = Vec::new();
    let mut x: u32 = 0x9e37_79b9;
    for _ in 0..4096 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bytes.push((x >> 24) as u8);
    }
    bytes[10] = 0;
    rejected_alone("rauschen.bin", &bytes);
}

#[test]
fn binary_garbage_with_a_text_name() {
    let bytes: Vec<u8> = (0..2048u32).map(|i| (i * 7 % 256) as u8).collect();
    rejected_alone("bild.txt", &bytes);
}

#[test]
fn gigantic_file() {
    // Over 50 MB of plausible text: rejected for its size, not read whole.
    let line = "Ein Satz über den Gemeinderat, der am Dienstag tagte und beriet. ";
    let n = 51 * 1024 * 1024 / line.len() + 1;
    rejected_alone("riesig.txt", line.repeat(n).as_bytes());
}

#[test]
fn malformed_json_lines() {
    rejected_alone(
        "kaputt.jsonl",
        "{\"id\": \"j1\", \"title\": \"Unfertig\", \"text\": \"Der Satz hört mitten".as_bytes(),
    );
}

#[test]
fn malformed_feed() {
    rejected_alone(
        "kaputt.rss",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Kurier</title>\
         <item><title>Abgebrochen</title><description>Ein Text ohne Ende &amp; ohne"
            .as_bytes(),
    );
}

#[test]
fn malformed_atom_feed() {
    rejected_alone(
        "kaputt.atom",
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>X</title><content>abc</entry></feed>"
            .as_bytes(),
    );
}

#[test]
fn html_without_any_text() {
    rejected_alone(
        "leer.html",
        b"<html><head><title></title></head><body><div><span></div></p><script>var a = 1;</script></body",
    );
}

#[test]
fn truncated_gzip() {
    let mut gz = gzip(&warc_record(
        "<html><body><article><p>Ein Absatz über den Gemeinderat von Obertal.</p></article></body></html>",
    ));
    gz.truncate(gz.len() / 2);
    rejected_alone("abgeschnitten.warc.gz", &gz);
}

#[test]
fn gzip_name_without_gzip_bytes() {
    rejected_alone("falsch.warc.gz", b"WARC/1.0\r\nthis is not gzip at all");
}

#[test]
fn malformed_warc() {
    let mut w = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n".to_vec();
    w.extend_from_slice(b"HTTP/1.1 200 OK\r\n\r\n<html><body><p>kurz");
    rejected_alone("kaputt.warc", &w);
}

#[test]
fn not_a_warc_at_all() {
    rejected_alone("unsinn.warc", b"Dies ist keine WARC-Datei.\nNur Text.\n");
}

#[test]
fn unreadable_path() {
    let dir = corpus(&ARTICLES[..1]);
    let d = dir.path();
    let o = run(d, &["ingest", "in", "fehlt.txt", "--db", "x.db"]);
    assert_eq!(code(&o), Some(1));
    let lines = err_lines(&o);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("fehlt.txt"));
    assert_eq!(stored_ids(d, "x.db").len(), 1);
}

#[test]
fn windows_1252_and_latin1_text_is_decoded_not_rejected() {
    // „Grüße“ aus Gießen – in Windows-1252: „ = 0x84, “ = 0x93, – = 0x96.
    let mut cp1252 = b"title: Gr\xfc\xdfe aus Gie\xdfen\n\n".to_vec();
    cp1252.extend_from_slice(
        b"Gr\xfc\xdfe aus Gie\xdfen\n\n\x84Wir freuen uns\x93, sagte die B\xfcrgermeisterin \x96 \
          die Stra\xdfen seien ge\xf6ffnet und das Wetter sei sch\xf6n f\xfcr alle G\xe4ste.\n",
    );
    let latin1 = b"title: \xc4rger in M\xfcnchen\n\n\xc4rger in M\xfcnchen\n\n\
        Die Stadtwerke erh\xf6hen die Preise f\xfcr Fernw\xe4rme. Viele Kunden \xe4u\xdferten \
        ihren Unmut \xfcber die Geb\xfchren.\n";
    let dir = corpus(&[]);
    let d = dir.path();
    std::fs::write(d.join("in/cp1252.txt"), &cp1252).expect("write");
    std::fs::write(d.join("in/latin1.txt"), latin1).expect("write");
    let o = run(d, &["ingest", "in", "--db", "x.db"]);
    assert_eq!(code(&o), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let a = run_json(
        d,
        &["article", "cp1252", "--db", "x.db", "--format", "json"],
    );
    let text = a["article"]["text"].as_str().expect("text");
    assert!(text.contains("„Wir freuen uns“"), "{text}");
    assert!(text.contains("Bürgermeisterin – die Straßen"), "{text}");
    let a = run_json(
        d,
        &["article", "latin1", "--db", "x.db", "--format", "json"],
    );
    let text = a["article"]["text"].as_str().expect("text");
    assert!(text.contains("Fernwärme"), "{text}");
    assert!(text.contains("äußerten"), "{text}");
}

#[test]
fn several_bad_inputs_one_line_each() {
    let dir = corpus(&ARTICLES[..2]);
    let d = dir.path();
    std::fs::write(d.join("in/a-leer.txt"), b"").expect("write");
    std::fs::write(d.join("in/b-kaputt.jsonl"), b"{\"id\": ").expect("write");
    std::fs::write(
        d.join("in/c-rauschen.bin"),
        [0u8, 159, 146, 150, 0, 255, 1, 2],
    )
    .expect("write");
    let o = run(d, &["ingest", "in", "--db", "x.db"]);
    assert_eq!(code(&o), Some(1));
    let lines = err_lines(&o);
    assert_eq!(lines.len(), 3, "{lines:?}");
    for name in ["a-leer.txt", "b-kaputt.jsonl", "c-rauschen.bin"] {
        assert_eq!(
            lines.iter().filter(|l| l.contains(name)).count(),
            1,
            "{name}: {lines:?}"
        );
    }
    assert_eq!(stored_ids(d, "x.db").len(), 2);
}
