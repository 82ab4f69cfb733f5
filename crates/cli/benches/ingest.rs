//! Ingest benchmark: throughput and peak memory of `lagebild ingest` (release build) into a
//! fresh SQLite store.
//!
//! `cargo bench -p lagebild-cli --bench ingest` runs three workloads:
//! - the 1,028 articles of `../shared/data/news-de-10kgnad/test.csv` (`category;'text'` per
//!   line), converted to JSON Lines here at run time (skipped with a message when the data is
//!   absent);
//! - generated WARC.gz files (one gzip member per record, HTML responses) with 10,000 and
//!   40,000 records, so that memory can be compared as the input grows.
//!
//! The data is looked for in `../shared` beside the repository, or in `$LAGEBILD_SHARED`.
//! Each run is timed under `/usr/bin/time -v` for the peak resident set. Set
//! `LAGEBILD_BENCH_WARC=10000,40000` to choose the WARC sizes (empty for none) and
//! `LAGEBILD_BENCH_KEEP=1` to keep the work directory.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn main() {
    // `cargo bench` passes `--bench`; nothing else is understood.
    let work = tempfile::Builder::new()
        .prefix("lagebild-bench-")
        .tempdir()
        .expect("work dir");
    let dir = work.path().to_path_buf();
    let mut rows = Vec::new();

    let shared = std::env::var_os("LAGEBILD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let csv = shared.join("data/news-de-10kgnad/test.csv");
    if csv.is_file() {
        let jsonl = dir.join("10kgnad-test.jsonl");
        let n = csv_to_jsonl(&csv, &jsonl);
        rows.push(measure("10kGNAD test (JSON Lines)", &jsonl, n, &dir));
    } else {
        eprintln!("skipping 10kGNAD: {} not found", csv.display());
    }

    let sizes = std::env::var("LAGEBILD_BENCH_WARC").unwrap_or_else(|_| "10000,40000".into());
    for n in sizes
        .split(',')
        .filter_map(|s| s.trim().parse::<usize>().ok())
    {
        let warc = dir.join(format!("generated-{n}.warc.gz"));
        let raw = write_warc(&warc, n);
        let mut row = measure(&format!("generated WARC.gz, {n} records"), &warc, n, &dir);
        row.raw_bytes = Some(raw);
        rows.push(row);
    }

    println!();
    println!("| input | articles stored | wall s | CPU s | articles/s (wall) | articles/CPU-s | MB/s (file, wall) | MB/s (uncompressed, wall) | peak RSS MB |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for r in &rows {
        let mb = r.bytes as f64 / 1e6;
        println!(
            "| {} | {} | {:.1} | {:.1} | {:.0} | {:.0} | {:.2} | {} | {:.0} |",
            r.name,
            r.added,
            r.secs,
            r.cpu,
            r.added as f64 / r.secs,
            r.added as f64 / r.cpu.max(0.001),
            mb / r.secs,
            r.raw_bytes
                .map(|b| format!("{:.2}", b as f64 / 1e6 / r.secs))
                .unwrap_or_else(|| "–".into()),
            r.peak_kb as f64 / 1024.0
        );
    }
    if std::env::var_os("LAGEBILD_BENCH_KEEP").is_some() {
        let kept = work.keep();
        eprintln!("work directory kept: {}", kept.display());
    }
}

struct Row {
    name: String,
    added: u64,
    secs: f64,
    cpu: f64,
    bytes: u64,
    raw_bytes: Option<u64>,
    peak_kb: u64,
}

/// Run `lagebild ingest INPUT --db fresh.db --format json` under `/usr/bin/time -v`.
fn measure(name: &str, input: &Path, expected: usize, dir: &Path) -> Row {
    let db = dir.join(format!(
        "{}.db",
        input.file_name().and_then(|s| s.to_str()).unwrap_or("x")
    ));
    let _ = std::fs::remove_file(&db);
    let bytes = std::fs::metadata(input).map(|m| m.len()).unwrap_or(0);
    let bin = env!("CARGO_BIN_EXE_lagebild");
    eprintln!(
        "ingesting {name} ({expected} records, {:.1} MB)…",
        bytes as f64 / 1e6
    );
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(bin)
        .args(["ingest", "--format", "json", "--db"])
        .arg(&db)
        .arg(input)
        .output()
        .expect("run /usr/bin/time (apt-get install time)");
    let secs = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let field = |name: &str| -> Option<f64> {
        stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
    };
    let peak_kb = field("Maximum resident set size (kbytes):").unwrap_or(0.0) as u64;
    let cpu = field("User time (seconds):").unwrap_or(0.0)
        + field("System time (seconds):").unwrap_or(0.0);
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{name}: no JSON summary ({e}); stderr:\n{stderr}");
    });
    let added = summary["added"].as_u64().unwrap_or(0);
    let rejected = summary["rejected"].as_u64().unwrap_or(0);
    let stories = summary["stories_analysed"].as_array().map_or(0, Vec::len);
    eprintln!(
        "  {added} stored, {rejected} rejected, {stories} stories analysed, {secs:.1} s wall, {cpu:.1} s CPU, peak RSS {:.0} MB",
        peak_kb as f64 / 1024.0
    );
    if rejected > 0 {
        let first: Vec<&str> = stderr.lines().take(3).collect();
        eprintln!("  first rejections: {first:?}");
    }
    Row {
        name: name.to_string(),
        added,
        secs,
        cpu,
        bytes,
        raw_bytes: None,
        peak_kb,
    }
}

/// Convert `category;'text'` lines to JSON Lines records; returns the number of records.
fn csv_to_jsonl(csv: &Path, out: &Path) -> usize {
    let r = BufReader::new(File::open(csv).expect("open csv"));
    let mut w = BufWriter::new(File::create(out).expect("create jsonl"));
    let mut n = 0;
    for line in r.lines() {
        let line = line.expect("read csv");
        let Some((category, text)) = line.split_once(';') else {
            continue;
        };
        let text = text.trim_end_matches(['\r', '\n']);
        let text = text.strip_prefix('\'').unwrap_or(text);
        let text = text.strip_suffix('\'').unwrap_or(text).replace("''", "'");
        let title: String = {
            let end = text.find(". ").map_or(text.len(), |i| i + 1);
            text[..end].chars().take(160).collect()
        };
        n += 1;
        let rec = serde_json::json!({
            "id": format!("gnad-{n:04}"),
            "url": format!("https://www.derstandard.at/{}/{n}", category.to_lowercase()),
            "outlet": "Der Standard",
            "published": null,
            "title": title,
            "text": text,
        });
        serde_json::to_writer(&mut w, &rec).expect("write jsonl");
        w.write_all(b"\n").expect("write jsonl");
    }
    w.flush().expect("flush jsonl");
    n
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const PLACES: &[&str] = &[
    "Obertal",
    "Niederaue",
    "Kleinfeld",
    "Westerbruch",
    "Hohenmoor",
    "Lindental",
    "Birkenhain",
    "Steinach am See",
    "Rabenau",
    "Altmühlen",
    "Grünwies",
    "Eichstedt",
    "Sandbergen",
    "Talheim",
];
const PEOPLE: &[&str] = &[
    "Helga Brandt",
    "Jonas Feld",
    "Miriam Olschewski",
    "Karl-Heinz Rehm",
    "Sevgi Aydın",
    "Torben Lüders",
    "Anja Wiesner",
    "Piotr Kowalczyk",
    "Ute Sommerfeld",
    "Felix Grabowski",
];
const ROLES: &[&str] = &[
    "Bürgermeisterin",
    "Landrat",
    "Sprecher der Feuerwehr",
    "Vorsitzende des Vereins",
    "Stadtkämmerer",
    "Schulleiterin",
    "Polizeisprecher",
    "Geschäftsführer",
];
const SUBJECTS: &[&str] = &[
    "der Neubau der Brücke",
    "die Sanierung des Hallenbads",
    "der Streit um die Buslinie",
    "das Hochwasser am Fluss",
    "die Schließung des Krankenhauses",
    "der Ausbau des Radwegs",
    "die Ansiedlung eines Werks",
    "der Brand in der Lagerhalle",
    "die Wahl des Gemeinderats",
    "das Stadtfest",
    "der Streik der Müllabfuhr",
    "die neue Grundschule",
];
const VERBS: &[&str] = &[
    "beschäftigt die Stadt",
    "sorgt für Diskussionen",
    "kostet mehr als geplant",
    "verzögert sich erneut",
    "stößt auf Widerstand",
    "geht in die nächste Runde",
];
const CUES: &[&str] = &["sagte", "erklärte", "betonte", "kündigte an"];
const BOILER: &[&str] = &[
    "Startseite",
    "Politik",
    "Wirtschaft",
    "Sport",
    "Kultur",
    "Newsletter abonnieren",
    "Impressum",
    "Datenschutz",
    "Kontakt",
];

/// One generated article as an HTML page. Articles of the same topic share place, subject
/// and people, so the story engine sees realistic clusters.
fn page(rng: &mut Rng, i: usize, topics: usize) -> (String, String) {
    let topic = rng.below(topics);
    let mut t = Rng(0x9e37_79b9_7f4a_7c15 ^ (topic as u64 + 1).wrapping_mul(0x1000_0000_01b3));
    t.next();
    let place = t.pick(PLACES);
    let subject = t.pick(SUBJECTS);
    let person = t.pick(PEOPLE);
    let role = t.pick(ROLES);
    let day = 1 + t.below(28);
    let month = 1 + t.below(12);
    let outlet = ["Auenbote", "Tagespost", "Kurier", "Rundschau", "Abendblatt"][rng.below(5)];
    let title = format!("{place}: {} {}", capitalise(subject), rng.pick(VERBS));
    let mut paras = Vec::new();
    paras.push(format!(
        "In {place} {} {subject} weiterhin die Öffentlichkeit. Am {day}. {} trafen sich Vertreter \
         von Stadt und Land zu einem Gespräch, das nach Angaben der Teilnehmer {} Stunden dauerte.",
        rng.pick(&["beschäftigt", "bewegt", "beschäftigte"]),
        MONTHS[month - 1],
        2 + rng.below(5)
    ));
    for _ in 0..4 + rng.below(6) {
        let sentence = match rng.below(4) {
            0 => format!(
                "„Wir werden {} eine Lösung finden“, {} {role} {person}.",
                rng.pick(&["gemeinsam", "rasch", "bis zum Herbst", "ohne neue Schulden"]),
                rng.pick(CUES)
            ),
            1 => format!(
                "Die Kosten belaufen sich nach jüngsten Schätzungen auf {},{} Millionen Euro, \
                 {} Prozent mehr als im Vorjahr.",
                1 + rng.below(40),
                rng.below(10),
                3 + rng.below(30)
            ),
            2 => format!(
                "{role} {person} {} , man sei {} zuversichtlich.",
                rng.pick(&["erklärte am Abend", "sagte im Gemeinderat", "betonte"]),
                rng.pick(&["weiterhin", "durchaus", "nur bedingt"])
            ),
            _ => format!(
                "Bereits im {} hatte der Gemeinderat von {place} über {subject} beraten; \
                 eine Entscheidung soll in {} Wochen fallen.",
                MONTHS[rng.below(12)],
                2 + rng.below(8)
            ),
        };
        paras.push(sentence);
    }
    paras.push(format!("Artikel {i} von {outlet}."));
    let nav: String = BOILER
        .iter()
        .map(|b| format!("<li><a href=\"/{b}\">{b}</a></li>"))
        .collect();
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>{title} | {outlet}</title>\
         <meta property=\"og:site_name\" content=\"{outlet}\">\
         <meta property=\"article:published_time\" content=\"2025-{month:02}-{day:02}T08:00:00+01:00\">\
         </head><body><nav><ul>{nav}</ul></nav><main><article><h1>{title}</h1>\n{body}</article></main>\
         <footer><p>© {outlet} – Alle Rechte vorbehalten.</p><ul>{nav}</ul></footer></body></html>\n"
    );
    let url = format!(
        "https://www.{}.example/lokales/{}-{i}.html",
        outlet.to_lowercase(),
        place.to_lowercase().replace(' ', "-")
    );
    (url, html)
}

const MONTHS: &[&str] = &[
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn gz_member(w: &mut impl Write, record: &[u8]) {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(record).expect("gzip");
    w.write_all(&e.finish().expect("gzip")).expect("write warc");
}

fn warc_header(kind: &str, id: usize, extra: &str, content_type: &str, len: usize) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{id:012x}>\r\n\
         WARC-Date: 2025-03-04T10:00:00Z\r\n{extra}Content-Type: {content_type}\r\nContent-Length: {len}\r\n\r\n"
    )
}

/// Write a WARC.gz of `n` HTML response records (plus a warcinfo record); returns the
/// uncompressed size.
fn write_warc(path: &PathBuf, n: usize) -> u64 {
    let mut w = BufWriter::new(File::create(path).expect("create warc"));
    let mut raw = 0u64;
    let info = "software: lagebild ingest benchmark\r\nformat: WARC File Format 1.0\r\n";
    let mut rec =
        warc_header("warcinfo", 0, "", "application/warc-fields", info.len()).into_bytes();
    rec.extend_from_slice(info.as_bytes());
    rec.extend_from_slice(b"\r\n\r\n");
    raw += rec.len() as u64;
    gz_member(&mut w, &rec);
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let topics = (n / 20).max(1);
    for i in 1..=n {
        let (url, html) = page(&mut rng, i, topics);
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
            html.len()
        );
        let mut rec = warc_header(
            "response",
            i,
            &format!("WARC-Target-URI: {url}\r\n"),
            "application/http; msgtype=response",
            http.len(),
        )
        .into_bytes();
        rec.extend_from_slice(http.as_bytes());
        rec.extend_from_slice(b"\r\n\r\n");
        raw += rec.len() as u64;
        gz_member(&mut w, &rec);
    }
    w.flush().expect("flush warc");
    raw
}
