//! Training data reading and the training loop (used by the `train-ner` recipe and the
//! evaluation harness).

use super::features::{extract, tag_class, Clusters};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Words seen fewer times than this get no tag class.
const MIN_FREQ: u32 = 3;
use super::model::{label_id, Model, Trainer};

/// Default number of passes over the training data.
pub const EPOCHS: usize = 12;

/// Replaced-entity copies of each training sentence (see [`augment`]).
pub const AUGMENT: usize = 1;

/// Default number of training stages (see [`train_two_stage`]).
pub const STAGES: usize = 2;

/// One sentence with gold label ids (see [`super::model::LABELS`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaggedSentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// Gold label id of each token.
    pub labels: Vec<u8>,
}

/// Map a GermEval outer tag to a model label id (see [`super::model::MODEL_LABELS`]): OTH →
/// MISC, `*deriv` and `*part` → DRV (output as `O`).
pub fn germeval_label(tag: &str) -> u8 {
    if tag == "O" {
        return 0;
    }
    if tag.ends_with("deriv") || tag.ends_with("part") {
        return if tag.starts_with('B') { 9 } else { 10 };
    }
    match tag.split_once('-') {
        Some((bio, "OTH")) => label_id(&format!("{bio}-MISC")),
        _ => label_id(tag),
    }
}

/// Sentences of a GermEval 2014 file (`index<TAB>token<TAB>outer<TAB>inner`, `#` comment
/// lines, blank line between sentences), outer tags mapped by [`germeval_label`]. An `I-` tag
/// left without its `B-` (after a dropped `*deriv`/`*part`) becomes `B-`.
pub fn read_germeval(text: &str) -> Vec<TaggedSentence> {
    let mut out = Vec::new();
    let mut cur = TaggedSentence::default();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        cur.tokens.push(cols[1].to_string());
        cur.labels.push(germeval_label(cols[2]));
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    for s in &mut out {
        repair_bio(&mut s.labels);
    }
    out
}

/// Turn every `I-X` that does not follow `B-X`/`I-X` into `B-X`.
pub fn repair_bio(labels: &mut [u8]) {
    for i in 0..labels.len() {
        let t = labels[i];
        if t != 0
            && t.is_multiple_of(2)
            && !super::model::allowed(i.checked_sub(1).map(|p| labels[p] as usize), t as usize)
        {
            labels[i] = t - 1;
        }
    }
}

/// Copies of each sentence with entities in which every entity is replaced by another
/// entity of the same type from the training data (mention replacement), so that the model
/// learns contexts rather than the names it happens to have seen. Deterministic.
pub fn augment(sents: &[TaggedSentence], copies: usize) -> Vec<TaggedSentence> {
    let mut pool: HashMap<u8, Vec<Vec<String>>> = HashMap::new();
    // entity spans with the label that begins them (`*deriv`/`*part` are no entities here)
    let spans_of = |s: &TaggedSentence| -> Vec<(usize, usize, u8)> {
        super::spans(&s.labels)
            .into_iter()
            .map(|(a, b, t)| (a, b, super::label_of(t, true)))
            .collect()
    };
    for s in sents {
        for (a, b, l) in spans_of(s) {
            pool.entry(l).or_default().push(s.tokens[a..b].to_vec());
        }
    }
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let listed = super::gazetteer::Gazetteer::get().names();
    // half of the replacements come from the word lists: a person as given name and family
    // name (or the family name alone), a listed place or organisation
    let from_lists = |l: u8, next: &mut dyn FnMut(usize) -> usize| -> Option<Vec<String>> {
        if next(2) == 0 {
            return None;
        }
        match l {
            1 if !listed.surnames.is_empty() && !listed.first.is_empty() => {
                let sur = listed.surnames[next(listed.surnames.len())].clone();
                Some(if next(3) == 0 {
                    vec![sur]
                } else {
                    vec![listed.first[next(listed.first.len())].clone(), sur]
                })
            }
            3 if !listed.orgs.is_empty() => Some(listed.orgs[next(listed.orgs.len())].clone()),
            5 if !listed.places.is_empty() => {
                Some(listed.places[next(listed.places.len())].clone())
            }
            _ => None,
        }
    };
    let mut out = Vec::new();
    for s in sents {
        let spans = spans_of(s);
        if spans.is_empty() {
            continue;
        }
        for _ in 0..copies {
            let mut t = TaggedSentence::default();
            let mut i = 0;
            for &(a, b, l) in &spans {
                t.tokens.extend_from_slice(&s.tokens[i..a]);
                t.labels.extend_from_slice(&s.labels[i..a]);
                let r = from_lists(l, &mut next).unwrap_or_else(|| {
                    let cands = &pool[&l];
                    cands[next(cands.len())].clone()
                });
                for (k, w) in r.iter().enumerate() {
                    t.tokens.push(w.clone());
                    t.labels.push(if k == 0 { l } else { l + 1 });
                }
                i = b;
            }
            t.tokens.extend_from_slice(&s.tokens[i..]);
            t.labels.extend_from_slice(&s.labels[i..]);
            out.push(t);
        }
    }
    out
}

/// Share of a sentence's feature occurrences left out of each training step, in percent.
/// Leaving out a random tenth each time keeps the model from leaning on a few features (the
/// word itself) and makes it learn the others too, which is what unseen names have.
pub const DROPOUT: u64 = 10;

/// Number of models, each trained with its own shuffling and dropout, whose mean is the
/// model: a linear model again, so no slower to run than one, and steadier than each.
pub const MEMBERS: u64 = 3;

/// The feature rows of a sentence with [`DROPOUT`] percent of them left out, chosen by a hash
/// of the row, the epoch's `seed`, the sentence and the token: deterministic.
fn dropped(rows: &[Vec<u32>], seed: u64, sentence: usize) -> Vec<Vec<u32>> {
    rows.iter()
        .enumerate()
        .map(|(i, rs)| {
            let at = ((sentence as u64) << 16 | i as u64).wrapping_mul(0x94d0_49bb_1331_11eb);
            rs.iter()
                .copied()
                .filter(|&r| {
                    let mut x = u64::from(r).wrapping_mul(0x9e37_79b9_7f4a_7c15)
                        ^ seed.wrapping_mul(0xbf58_476d_1ce4_e5b9)
                        ^ at;
                    x ^= x >> 31;
                    x = x.wrapping_mul(0xd6e8_feb8_6659_fd93);
                    x ^= x >> 32;
                    x % 100 >= DROPOUT
                })
                .collect()
        })
        .collect()
}

/// Train a model on `sents` (all of them), deterministic for the same input.
pub fn train(sents: &[TaggedSentence], clusters: &Clusters, epochs: usize) -> Model {
    let mut sents = sents.to_vec();
    sents.extend(augment(&sents, AUGMENT));
    let sents = &sents[..];
    let prepared: Vec<(Vec<u64>, Vec<usize>)> = sents
        .iter()
        .map(|s| {
            let refs: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let (mut f, mut o) = (Vec::new(), Vec::new());
            extract(&refs, clusters, &mut f, &mut o);
            (f, o)
        })
        .collect();
    let fresh = Trainer::new(prepared.iter().map(|(f, _)| f.as_slice()), 1);
    let rows: Vec<Vec<Vec<u32>>> = prepared.iter().map(|(f, o)| fresh.rows(f, o)).collect();
    drop(prepared);
    let trainers = (0..MEMBERS)
        .map(|m| {
            let mut t = fresh.clone();
            let mut order: Vec<usize> = (0..sents.len()).collect();
            let mut seed = 0x2545_f491_4f6c_dd1du64 ^ m.wrapping_mul(0x9e37_79b9_7f4a_7c15);
            for _ in 0..epochs {
                // deterministic Fisher-Yates shuffle (xorshift)
                for i in (1..order.len()).rev() {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    order.swap(i, (seed % (i as u64 + 1)) as usize);
                }
                for &o in &order {
                    t.step(&dropped(&rows[o], seed, o), &sents[o].labels);
                }
            }
            t
        })
        .collect();
    Trainer::finish_mean(trainers)
}

/// Raw German texts under `data` (WikiNews texts of the quotes corpus, 10kGNAD articles,
/// trafilatura's German pages), then GermEval's sentences as text; missing parts are skipped.
pub fn raw_texts(data: &Path, germeval: &[TaggedSentence]) -> Vec<String> {
    let mut texts = Vec::new();
    let mut files = Vec::new();
    for split in ["train", "dev"] {
        if let Ok(rd) = std::fs::read_dir(data.join("quotes-de-wikinews").join(split)) {
            for e in rd.flatten() {
                files.push(e.path());
            }
        }
    }
    files.sort();
    for f in files {
        if let Ok(s) = std::fs::read_to_string(&f) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&s) {
                if let Some(t) = v.get("originalText").and_then(|t| t.as_str()) {
                    texts.push(t.to_string());
                }
            }
        }
    }
    if let Ok(s) = std::fs::read_to_string(data.join("news-de-10kgnad/test.csv")) {
        for line in s.lines() {
            if let Some((_, t)) = line.split_once(';') {
                texts.push(t.trim_matches('\'').to_string());
            }
        }
    }
    // German web pages: text between tags, lines of at least eight words
    let mut pages: Vec<PathBuf> = std::fs::read_dir(data.join("html-de-trafilatura/pages"))
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    pages.sort();
    for p in pages {
        use std::io::Read;
        let Ok(f) = std::fs::File::open(&p) else {
            continue;
        };
        let mut html = String::new();
        let mut bytes = Vec::new();
        if flate2::read::GzDecoder::new(f)
            .read_to_end(&mut bytes)
            .is_err()
        {
            continue;
        }
        html.push_str(&String::from_utf8_lossy(&bytes));
        texts.push(html_text(&html));
    }
    for s in germeval {
        texts.push(s.tokens.join(" "));
    }
    texts
}

/// Crude visible text of an HTML page: scripts and styles dropped, tags removed, only lines
/// of at least eight words kept.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut buf = String::new();
    while let Some(lt) = rest.find('<') {
        buf.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let lower: String = after.chars().take(8).collect::<String>().to_lowercase();
        let skip_to = if lower.starts_with("<script") {
            after.to_lowercase().find("</script>").map(|e| e + 9)
        } else if lower.starts_with("<style") {
            after.to_lowercase().find("</style>").map(|e| e + 8)
        } else {
            after.find('>').map(|e| e + 1)
        };
        let Some(k) = skip_to else { break };
        let tag = &after[..k];
        if tag.starts_with("<p")
            || tag.starts_with("</p")
            || tag.starts_with("<br")
            || tag.starts_with("<div")
            || tag.starts_with("</div")
            || tag.starts_with("<h")
            || tag.starts_with("</h")
            || tag.starts_with("<li")
        {
            buf.push('\n');
        } else {
            buf.push(' ');
        }
        rest = &after[k..];
    }
    let buf = buf
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#8222;", "„")
        .replace("&#8220;", "“");
    for line in buf.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.split(' ').count() >= 8 && !line.contains("&#") && !line.contains('{') {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Tag classes (see [`tag_class`]) of the words a tagger labels in the raw texts: every word
/// seen at least `MIN_FREQ` times.
pub fn build_tags(texts: &[String], model: &Model, clusters: &Clusters) -> HashMap<String, u8> {
    let mut counts: HashMap<String, [u32; 5]> = HashMap::new();
    let (mut feats, mut offsets) = (Vec::new(), Vec::new());
    for t in texts {
        let toks: Vec<&str> = crate::tokenize::tokens(t).map(|k| k.text(t)).collect();
        let mut pos = 0;
        for s in crate::tokenize::sentences(t) {
            let n = s.tokens.len();
            let Some(words) = toks.get(pos..pos + n) else {
                break;
            };
            pos += n;
            extract(words, clusters, &mut feats, &mut offsets);
            let pred = model.decode(&feats, &offsets);
            for (w, &p) in words.iter().zip(&pred) {
                if !w.chars().next().is_some_and(char::is_alphabetic) {
                    continue;
                }
                let c = counts.entry(w.to_lowercase()).or_default();
                c[0] += 1;
                if p != 0 {
                    c[(p as usize).div_ceil(2)] += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .filter(|(w, c)| c[0] >= MIN_FREQ && !w.contains(['\t', '\n']))
        .map(|(w, c)| (w, tag_class(c)))
        .collect()
}

/// Two-stage training: a first model, its tag classes over the raw texts, then the final
/// model with them as features.
pub fn train_two_stage(
    sents: &[TaggedSentence],
    clusters: Clusters,
    texts: &[String],
    epochs: usize,
    stages: usize,
) -> (Model, Clusters) {
    let mut clusters = clusters.with_tags(HashMap::new());
    let mut model = train(sents, &clusters, epochs);
    for _ in 1..stages {
        let tags = build_tags(texts, &model, &clusters);
        eprintln!("tag classes: {} words", tags.len());
        clusters = clusters.with_tags(tags);
        model = train(sents, &clusters, epochs);
    }
    (model, clusters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn germeval_tags() {
        assert_eq!(germeval_label("B-OTH"), 7);
        assert_eq!(germeval_label("I-PER"), 2);
        assert_eq!(germeval_label("B-LOCderiv"), 9);
        assert_eq!(germeval_label("I-ORGpart"), 10);
        assert_eq!(super::super::model::output_label(10), 0);
        let text = "# x\n1\tIn\tO\tO\n2\tBonn\tB-LOC\tO\n\n1\tdie\tO\tO\n2\tX\tI-LOC\tO\n";
        let s = read_germeval(text);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].labels, vec![0, 5]);
        assert_eq!(s[1].labels, vec![0, 5]);
    }

    #[test]
    fn trains_a_toy_tagger() {
        let mk = |t: &[&str], l: &[u8]| TaggedSentence {
            tokens: t.iter().map(|s| s.to_string()).collect(),
            labels: l.to_vec(),
        };
        let data = vec![
            mk(&["Herr", "Abel", "kommt"], &[0, 1, 0]),
            mk(&["Herr", "Brun", "geht"], &[0, 1, 0]),
            mk(&["Der", "Tisch", "steht"], &[0, 0, 0]),
        ];
        let m = train(&data, &Clusters::default(), 5);
        let (mut f, mut o) = (Vec::new(), Vec::new());
        extract(
            &["Herr", "Abel", "geht"],
            &Clusters::default(),
            &mut f,
            &mut o,
        );
        assert_eq!(m.decode(&f, &o), vec![0, 1, 0]);
    }
}
