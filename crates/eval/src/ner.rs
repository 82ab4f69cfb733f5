//! Evaluation task `ner`: outer-span P/R/F1 for PER, ORG, LOC on GermEval 2014 by 5-fold
//! cross-validation (a model trained on four fifths tags the fifth, rules included).
//!
//! The metric is that of `eval/score_ner.py`: exact span and type; gold `*deriv`, `*part` and
//! OTH count as O; predicted MISC is ignored.

use crate::metrics::prf;
use lagebild_nlp::ner::features::Clusters;
use lagebild_nlp::ner::model::{output_label, LABELS};
use lagebild_nlp::ner::train::{
    raw_texts, read_germeval, train_two_stage, TaggedSentence, EPOCHS, STAGES,
};
use lagebild_nlp::ner::Tagger;
use std::collections::BTreeSet;
use std::path::Path;

const KEEP: [&str; 3] = ["PER", "ORG", "LOC"];
const FOLDS: usize = 5;

/// Spans `(start, end, type)` of a BIO tag sequence, as `score_ner.py` reads them: a span
/// starts at `B-X` or at an `I-X` that does not continue an `X` span; only PER/ORG/LOC kept.
pub fn spans(tags: &[&str]) -> BTreeSet<(usize, usize, String)> {
    let mut out = BTreeSet::new();
    let mut start = 0;
    let mut typ: Option<&str> = None;
    for i in 0..=tags.len() {
        let t = tags.get(i).copied().unwrap_or("O");
        let (bio, ty) = t.split_once('-').unwrap_or(("O", ""));
        let breaks = t == "O" || bio == "B" || (bio == "I" && Some(ty) != typ);
        if breaks {
            if let Some(ty0) = typ {
                if KEEP.contains(&ty0) {
                    out.insert((start, i, ty0.to_string()));
                }
            }
            typ = if t == "O" { None } else { Some(ty) };
            start = i;
        }
    }
    out
}

/// True positives, false positives and false negatives per type (PER, ORG, LOC).
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Per type, in [`KEEP`] order.
    pub tp: [usize; 3],
    /// Per type.
    pub fp: [usize; 3],
    /// Per type.
    pub fn_: [usize; 3],
}

impl Counts {
    /// Add one sentence.
    pub fn add(&mut self, gold: &[&str], pred: &[&str]) {
        let g = spans(gold);
        let p = spans(pred);
        let ix = |t: &str| KEEP.iter().position(|k| *k == t).unwrap_or(0);
        for s in &p {
            if g.contains(s) {
                self.tp[ix(&s.2)] += 1;
            } else {
                self.fp[ix(&s.2)] += 1;
            }
        }
        for s in g.difference(&p) {
            self.fn_[ix(&s.2)] += 1;
        }
    }
}

/// Run the task against the data under `shared`.
pub fn run(shared: &Path) -> anyhow::Result<()> {
    let dir = shared.join("data/germeval2014");
    let mut sents: Vec<TaggedSentence> = Vec::new();
    for f in ["dev.tsv", "train-from-test.tsv"] {
        let p = dir.join(f);
        match std::fs::read_to_string(&p) {
            Ok(t) => sents.extend(read_germeval(&t)),
            Err(_) => {
                println!("ner: skipped ({} not found)", p.display());
                return Ok(());
            }
        }
    }
    let clusters: &Clusters = Clusters::embedded();
    // the tag classes are rebuilt for every fold from a first model trained on that fold
    let texts = raw_texts(&shared.join("data"), &sents);
    let plain = &texts[..texts.len() - sents.len()];
    let mut c = Counts::default();
    let mut predicted: Vec<Vec<&'static str>> = vec![Vec::new(); sents.len()];
    for fold in 0..FOLDS {
        let tr: Vec<TaggedSentence> = sents
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let (model, fc) = train_two_stage(&tr, clusters.clone(), plain, EPOCHS, STAGES);
        let tagger = Tagger::with(&model, &fc);
        for (i, s) in sents.iter().enumerate().skip(fold).step_by(FOLDS) {
            let refs: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let pred: Vec<&'static str> = tagger
                .tag(&refs)
                .into_iter()
                .map(|l| LABELS[l as usize])
                .collect();
            let gold: Vec<&str> = s
                .labels
                .iter()
                .map(|&l| LABELS[output_label(l) as usize])
                .collect();
            c.add(&gold, &pred);
            predicted[i] = pred;
        }
    }
    // the cross-validated predictions, for checking with the reference scorer:
    // python3 eval/score_ner.py score <(cat dev.tsv train-from-test.tsv) FILE
    let out = std::env::temp_dir().join("lagebild-ner-cv.tsv");
    let mut text = String::new();
    for (s, p) in sents.iter().zip(&predicted) {
        for (w, t) in s.tokens.iter().zip(p) {
            text.push_str(w);
            text.push('\t');
            text.push_str(t);
            text.push('\n');
        }
        text.push('\n');
    }
    match std::fs::write(&out, text) {
        Ok(()) => println!(
            "ner: cross-validated predictions written to {}",
            out.display()
        ),
        Err(e) => println!("ner: could not write {}: {e}", out.display()),
    }
    println!(
        "ner: GermEval 2014 (dev + train-from-test, {} sentences), {FOLDS}-fold cross-validation",
        sents.len()
    );
    for (k, t) in KEEP.iter().enumerate() {
        let (p, r, f) = prf(c.tp[k], c.fp[k], c.fn_[k]);
        println!("ner {t}: P {p:.3} R {r:.3} F1 {f:.3}");
    }
    let (p, r, f) = prf(c.tp.iter().sum(), c.fp.iter().sum(), c.fn_.iter().sum());
    println!("ner ALL (PER+ORG+LOC): P {p:.3} R {r:.3} F1 {f:.3}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_like_the_reference_scorer() {
        let s = spans(&["B-PER", "I-PER", "I-LOC", "O", "B-MISC", "I-ORG", "B-ORG"]);
        let want: BTreeSet<_> = [
            (0, 2, "PER".to_string()),
            (2, 3, "LOC".to_string()),
            (5, 6, "ORG".to_string()),
            (6, 7, "ORG".to_string()),
        ]
        .into_iter()
        .collect();
        assert_eq!(s, want);
        let mut c = Counts::default();
        c.add(&["B-PER", "I-PER", "O"], &["B-PER", "O", "O"]);
        assert_eq!((c.tp[0], c.fp[0], c.fn_[0]), (0, 1, 1));
    }
}
