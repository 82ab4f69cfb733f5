//! Train the German entity model (deterministic; one command, see docs/nlp.md):
//!
//! ```text
//! cargo run --release -p lagebild-nlp --example train-ner -- ../shared/data [--cv K] [--no-write]
//! ```
//!
//! 1. Word clusters: distributional vectors (left and right neighbours among the most frequent
//!    words) of every word seen at least 2 times in the raw German text under DATA
//!    (`quotes-de-wikinews/*/*.json` texts, `news-de-10kgnad/test.csv`, GermEval tokens),
//!    randomly projected, then spherical k-means at three granularities. Written to
//!    `resources/de/clusters.tsv`.
//! 2. The tagger: an averaged structured perceptron with passive-aggressive steps on GermEval
//!    2014 (`dev.tsv` and `train-from-test.tsv`, outer tags; OTH → MISC; `*deriv`/`*part` →
//!    a label of its own, output as O), each sentence with entities also once more with its
//!    entities replaced (from the training data and the word lists), in two stages (tag
//!    classes), written to `resources/de/ner.model`. With `--cv K`, first reports K-fold
//!    cross-validated outer-span F1 for PER/ORG/LOC. `--no-germeval-text` builds clusters and
//!    usage classes without GermEval's sentences (to check that the figures do not rest on
//!    having seen the test sentences' words).

use lagebild_nlp::ner::features::{
    context_class, extract, usage_class, Clusters, CLUSTER_LEVELS, DETERMINERS, PLACE_PREPOSITIONS,
};
use lagebild_nlp::ner::model::{LABELS, MODEL_LABELS};
use lagebild_nlp::ner::train::{
    raw_texts, read_germeval, train_two_stage, TaggedSentence, EPOCHS, STAGES,
};
use lagebild_nlp::ner::{apply_rules, spans};
use std::collections::HashMap;
use std::path::PathBuf;

const LEVELS: [usize; CLUSTER_LEVELS] = [64, 256, 1024];
const DIM: usize = 96;
const CONTEXT: usize = 1000;
const MIN_FREQ: u32 = 2;
const WINDOW: usize = 1;

/// Deterministic pseudo-random sign for projection.
fn sign(a: usize, b: usize) -> f32 {
    let mut x = (a as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ (b as u64).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    x ^= x >> 29;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 32;
    if x & 1 == 0 {
        1.0
    } else {
        -1.0
    }
}

fn build_clusters(texts: &[String]) -> HashMap<String, [u16; CLUSTER_LEVELS]> {
    // token streams, lower-cased
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut streams: Vec<Vec<u32>> = Vec::new();
    for t in texts {
        let mut s = Vec::new();
        for tok in lagebild_nlp::tokenize::tokens(t) {
            let w = tok.text(t).to_lowercase();
            let id = *ids.entry(w.clone()).or_insert_with(|| {
                words.push(w);
                counts.push(0);
                (words.len() - 1) as u32
            });
            counts[id as usize] += 1;
            s.push(id);
        }
        streams.push(s);
    }
    let mut order: Vec<u32> = (0..words.len() as u32).collect();
    order.sort_by(|a, b| {
        counts[*b as usize]
            .cmp(&counts[*a as usize])
            .then_with(|| words[*a as usize].cmp(&words[*b as usize]))
    });
    let ctx: HashMap<u32, usize> = order
        .iter()
        .take(CONTEXT)
        .enumerate()
        .map(|(i, &w)| (w, i))
        .collect();
    let vocab: Vec<u32> = order
        .iter()
        .copied()
        .filter(|&w| counts[w as usize] >= MIN_FREQ)
        .collect();
    let vix: HashMap<u32, usize> = vocab.iter().enumerate().map(|(i, &w)| (w, i)).collect();
    eprintln!(
        "clusters: {} words, {} tokens",
        vocab.len(),
        counts.iter().map(|&c| c as u64).sum::<u64>()
    );
    // sparse context counts: (word, context dim) -> count
    let mut cc: Vec<HashMap<usize, f32>> = vec![HashMap::new(); vocab.len()];
    for s in &streams {
        for i in 0..s.len() {
            let Some(&v) = vix.get(&s[i]) else { continue };
            for d in 1..=WINDOW {
                if i >= d {
                    if let Some(&c) = ctx.get(&s[i - d]) {
                        *cc[v].entry((2 * (d - 1)) * CONTEXT + c).or_insert(0.0) += 1.0;
                    }
                }
                if i + d < s.len() {
                    if let Some(&c) = ctx.get(&s[i + d]) {
                        *cc[v].entry((2 * (d - 1) + 1) * CONTEXT + c).or_insert(0.0) += 1.0;
                    }
                }
            }
        }
    }
    // Hellinger weights, random projection, normalise
    let proj: Vec<f32> = (0..2 * WINDOW * CONTEXT * DIM)
        .map(|k| sign(k / DIM, k % DIM) / (DIM as f32).sqrt())
        .collect();
    let mut vecs = vec![0f32; vocab.len() * DIM];
    for (v, m) in cc.iter().enumerate() {
        let total: f32 = m.values().sum();
        if total == 0.0 {
            continue;
        }
        let mut keys: Vec<&usize> = m.keys().collect();
        keys.sort();
        let out = &mut vecs[v * DIM..(v + 1) * DIM];
        for k in keys {
            let x = (m[k] / total).sqrt();
            let p = &proj[k * DIM..(k + 1) * DIM];
            for d in 0..DIM {
                out[d] += x * p[d];
            }
        }
        let norm = out.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
        out.iter_mut().for_each(|x| *x /= norm);
    }
    let mut result: HashMap<String, [u16; CLUSTER_LEVELS]> = HashMap::new();
    let mut assign_all = vec![[0u16; CLUSTER_LEVELS]; vocab.len()];
    for (lvl, &k) in LEVELS.iter().enumerate() {
        let k = k.min(vocab.len().max(1));
        // init: every (n/k)-th word by frequency
        let step = (vocab.len() / k).max(1);
        let mut cent: Vec<f32> = (0..k)
            .flat_map(|c| vecs[(c * step) * DIM..(c * step + 1) * DIM].to_vec())
            .collect();
        let mut assign = vec![0usize; vocab.len()];
        for _ in 0..10 {
            for v in 0..vocab.len() {
                let x = &vecs[v * DIM..(v + 1) * DIM];
                let mut best = f32::NEG_INFINITY;
                for c in 0..k {
                    let y = &cent[c * DIM..(c + 1) * DIM];
                    let s: f32 = x.iter().zip(y).map(|(a, b)| a * b).sum();
                    if s > best {
                        best = s;
                        assign[v] = c;
                    }
                }
            }
            cent.iter_mut().for_each(|x| *x = 0.0);
            for v in 0..vocab.len() {
                let c = assign[v];
                for d in 0..DIM {
                    cent[c * DIM + d] += vecs[v * DIM + d];
                }
            }
            for c in 0..k {
                let y = &mut cent[c * DIM..(c + 1) * DIM];
                let norm = y.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
                y.iter_mut().for_each(|x| *x /= norm);
            }
        }
        for v in 0..vocab.len() {
            assign_all[v][lvl] = assign[v] as u16;
        }
        eprintln!("clusters: k={k} done");
    }
    for (v, &w) in vocab.iter().enumerate() {
        result.insert(words[w as usize].clone(), assign_all[v]);
    }
    result
}

/// Usage classes (see `usage_class`) of every word seen at least `MIN_FREQ` times inside a
/// sentence (right after another word) in the raw texts.
fn build_usage(texts: &[String]) -> HashMap<String, [u8; 2]> {
    let mut counts: HashMap<String, [u32; 5]> = HashMap::new();
    for t in texts {
        let mut prev: Option<String> = None;
        let toks: Vec<&str> = lagebild_nlp::tokenize::tokens(t)
            .map(|k| k.text(t))
            .collect();
        for (i, &w) in toks.iter().enumerate() {
            let first = w.chars().next();
            let is_word = first.is_some_and(char::is_alphabetic);
            if is_word {
                if let Some(p) = &prev {
                    let c = counts.entry(w.to_lowercase()).or_default();
                    c[0] += 1;
                    if first.is_some_and(char::is_uppercase) {
                        c[1] += 1;
                    }
                    if DETERMINERS.contains(&p.as_str()) {
                        c[2] += 1;
                    }
                    if PLACE_PREPOSITIONS.contains(&p.as_str()) {
                        c[3] += 1;
                    }
                    if toks
                        .get(i + 1)
                        .and_then(|n| n.chars().next())
                        .is_some_and(char::is_uppercase)
                    {
                        c[4] += 1;
                    }
                }
                prev = Some(w.to_lowercase());
            } else {
                prev = None;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(w, c)| c[0] >= MIN_FREQ && !w.contains(['\t', '\n']))
        .map(|(w, c)| {
            (
                w,
                [
                    usage_class(c[0], c[1], c[2]),
                    context_class(c[0], c[3], c[4]),
                ],
            )
        })
        .collect()
}

#[derive(Default)]
struct Counts {
    tp: [usize; 3],
    fp: [usize; 3],
    fn_: [usize; 3],
}

fn kind_ix(l: lagebild_model::EntityType) -> Option<usize> {
    match l {
        lagebild_model::EntityType::Per => Some(0),
        lagebild_model::EntityType::Org => Some(1),
        lagebild_model::EntityType::Loc => Some(2),
        lagebild_model::EntityType::Misc => None,
    }
}

fn score(c: &mut Counts, gold: &[u8], pred: &[u8]) {
    let g: Vec<_> = spans(gold)
        .into_iter()
        .filter_map(|(a, b, t)| kind_ix(t).map(|k| (a, b, k)))
        .collect();
    let p: Vec<_> = spans(pred)
        .into_iter()
        .filter_map(|(a, b, t)| kind_ix(t).map(|k| (a, b, k)))
        .collect();
    for s in &p {
        if g.contains(s) {
            c.tp[s.2] += 1;
        } else {
            c.fp[s.2] += 1;
        }
    }
    for s in &g {
        if !p.contains(s) {
            c.fn_[s.2] += 1;
        }
    }
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut data = PathBuf::from("../shared/data");
    let mut cv = 0usize;
    let mut write = true;
    let mut reuse = false;
    let mut no_clusters = false;
    let mut no_usage = false;
    let mut no_germeval_text = false;
    let mut epochs = EPOCHS;
    let mut stages = STAGES;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--cv" => cv = args.next().and_then(|s| s.parse().ok()).unwrap_or(5),
            "--no-write" => write = false,
            "--reuse-clusters" => reuse = true,
            "--no-clusters" => no_clusters = true,
            "--no-usage" => no_usage = true,
            "--no-germeval-text" => no_germeval_text = true,
            "--stages" => stages = args.next().and_then(|s| s.parse().ok()).unwrap_or(STAGES),
            "--epochs" => epochs = args.next().and_then(|s| s.parse().ok()).unwrap_or(EPOCHS),
            _ => data = PathBuf::from(a),
        }
    }
    let ge = data.join("germeval2014");
    let mut sents = Vec::new();
    for f in ["dev.tsv", "train-from-test.tsv"] {
        match std::fs::read_to_string(ge.join(f)) {
            Ok(s) => sents.extend(read_germeval(&s)),
            Err(e) => {
                eprintln!(
                    "train-ner: cannot read {}: {e}; nothing trained",
                    ge.join(f).display()
                );
                std::process::exit(1);
            }
        }
    }
    eprintln!("train-ner: {} sentences", sents.len());
    let res = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("resources/de");
    let texts = raw_texts(&data, &sents);
    // the raw texts without GermEval's own sentences, for the tag classes
    let plain = &texts[..texts.len() - sents.len()];
    // with `--no-germeval-text`, clusters and usage classes come from the raw texts alone
    let stats_texts = if no_germeval_text { plain } else { &texts[..] };
    let usage = build_usage(stats_texts);
    eprintln!("usage classes: {} words", usage.len());
    if write {
        let mut keys: Vec<&String> = usage.keys().collect();
        keys.sort();
        let mut out = String::new();
        for w in keys {
            let [a, b] = usage[w];
            out.push_str(&format!("{w}\t{a}\t{b}\n"));
        }
        if let Err(e) = std::fs::write(res.join("word_usage.tsv"), out) {
            eprintln!("train-ner: cannot write usage classes: {e}");
            std::process::exit(1);
        }
    }
    let cmap = if reuse {
        let text = std::fs::read_to_string(res.join("clusters.tsv")).unwrap_or_default();
        let mut m = HashMap::new();
        for line in text.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() == 4 {
                let ids = [1, 2, 3].map(|k| f[k].parse().unwrap_or(0));
                m.insert(f[0].to_string(), ids);
            }
        }
        m
    } else {
        build_clusters(stats_texts)
    };
    if write && !reuse {
        let mut keys: Vec<&String> = cmap.keys().filter(|w| !w.contains(['\t', '\n'])).collect();
        keys.sort();
        let mut out = String::new();
        for w in keys {
            let c = cmap[w];
            out.push_str(&format!("{w}\t{}\t{}\t{}\n", c[0], c[1], c[2]));
        }
        if let Err(e) = std::fs::write(res.join("clusters.tsv"), out) {
            eprintln!("train-ner: cannot write clusters: {e}");
            std::process::exit(1);
        }
    }
    let clusters = if no_clusters {
        Clusters::default()
    } else {
        Clusters::from_map(cmap)
    };
    let clusters = if no_usage {
        clusters
    } else {
        clusters.with_usage(usage)
    };
    if cv > 1 {
        let (mut raw, mut ruled) = (Counts::default(), Counts::default());
        let mut dump = String::new();
        for fold in 0..cv {
            let tr: Vec<TaggedSentence> = (0..sents.len())
                .filter(|i| i % cv != fold)
                .map(|i| sents[i].clone())
                .collect();
            let (model, fc) = train_two_stage(&tr, clusters.clone(), plain, epochs, stages);
            let clusters = &fc;
            let (mut feats, mut offsets) = (Vec::new(), Vec::new());
            for i in (0..sents.len()).filter(|i| i % cv == fold) {
                let refs: Vec<&str> = sents[i].tokens.iter().map(String::as_str).collect();
                extract(&refs, clusters, &mut feats, &mut offsets);
                let mut pred = model.decode(&feats, &offsets);
                score(&mut raw, &sents[i].labels, &pred);
                apply_rules(&refs, &mut pred);
                score(&mut ruled, &sents[i].labels, &pred);
                if fold == 0 {
                    for (k, w) in refs.iter().enumerate() {
                        dump.push_str(&format!(
                            "{w}\t{}\t{}\n",
                            MODEL_LABELS[sents[i].labels[k] as usize], LABELS[pred[k] as usize]
                        ));
                    }
                    dump.push('\n');
                }
            }
            eprintln!("fold {fold} done");
            if fold == 0 {
                let _ = std::fs::write(std::env::temp_dir().join("ner-cv-fold0.tsv"), &dump);
            }
        }
        for (name, c) in [("model", &raw), ("model+rules", &ruled)] {
            for (k, t) in ["PER", "ORG", "LOC"].iter().enumerate() {
                let (p, r, f) = prf(c.tp[k], c.fp[k], c.fn_[k]);
                println!("{cv}-fold CV {name} {t}: P {p:.4} R {r:.4} F1 {f:.4}");
            }
            let (p, r, f) = prf(c.tp.iter().sum(), c.fp.iter().sum(), c.fn_.iter().sum());
            println!("{cv}-fold CV {name} ALL: P {p:.4} R {r:.4} F1 {f:.4}");
        }
    }
    if write {
        let (model, fc) = train_two_stage(&sents, clusters.clone(), plain, epochs, stages);
        let mut tags: Vec<(String, u8)> = fc.tag_classes();
        tags.sort();
        let mut out = String::new();
        for (w, c) in tags {
            out.push_str(&format!("{w}\t{c}\n"));
        }
        if let Err(e) = std::fs::write(res.join("word_tags.tsv"), out) {
            eprintln!("train-ner: cannot write tag classes: {e}");
            std::process::exit(1);
        }
        let bytes = model.to_bytes();
        eprintln!(
            "train-ner: {} features, {} bytes, labels {:?}",
            model.features(),
            bytes.len(),
            LABELS
        );
        if let Err(e) = std::fs::write(res.join("ner.model"), bytes) {
            eprintln!("train-ner: cannot write model: {e}");
            std::process::exit(1);
        }
    }
}
