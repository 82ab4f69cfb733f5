//! Training data reading and the training loop (used by the `train-ner` recipe and the
//! evaluation harness).

use super::features::{extract, Clusters};
use super::model::{label_id, Model, Trainer};

/// Default number of passes over the training data.
pub const EPOCHS: usize = 12;

/// One sentence with gold label ids (see [`super::model::LABELS`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaggedSentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// Gold label id of each token.
    pub labels: Vec<u8>,
}

/// Map a GermEval outer tag to a label id: OTH → MISC, `*deriv` and `*part` → O.
pub fn germeval_label(tag: &str) -> u8 {
    if tag == "O" || tag.ends_with("deriv") || tag.ends_with("part") {
        return 0;
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

/// Train a model on `sents` (all of them), deterministic for the same input.
pub fn train(sents: &[TaggedSentence], clusters: &Clusters, epochs: usize) -> Model {
    let prepared: Vec<(Vec<u64>, Vec<usize>)> = sents
        .iter()
        .map(|s| {
            let refs: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let (mut f, mut o) = (Vec::new(), Vec::new());
            extract(&refs, clusters, &mut f, &mut o);
            (f, o)
        })
        .collect();
    let mut t = Trainer::new(prepared.iter().map(|(f, _)| f.as_slice()), 1);
    let rows: Vec<Vec<Vec<u32>>> = prepared.iter().map(|(f, o)| t.rows(f, o)).collect();
    drop(prepared);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..epochs {
        // deterministic Fisher-Yates shuffle (xorshift)
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &o in &order {
            t.step(&rows[o], &sents[o].labels);
        }
    }
    t.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn germeval_tags() {
        assert_eq!(germeval_label("B-OTH"), 7);
        assert_eq!(germeval_label("I-PER"), 2);
        assert_eq!(germeval_label("B-LOCderiv"), 0);
        assert_eq!(germeval_label("I-ORGpart"), 0);
        let text = "# x\n1\tIn\tO\tO\n2\tBonn\tB-LOC\tO\n\n1\tdie\tB-LOCderiv\tO\n2\tX\tI-LOC\tO\n";
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
