//! Timeline: dated sentences merged across sources.
//!
//! Every sentence with an event date (from the annotator's `sentence_dates`) contributes, under
//! each date of an event it reports (see [`crate::facts::Unit::also`]); the
//! sentences of one fact with one date become one entry citing all their articles, shown in the
//! words of the most central sentence that stands on its own, preferring one written on or
//! after that date (a report) to one written before it (a forecast). Entries are
//! ordered by date (coarser dates first within a year or month), then by how many articles
//! report them.

use crate::facts::{sim_of, Sims, Unit};
use lagebild_model::{AnnotatedArticle, TimelineEntry};
use std::collections::{BTreeMap, BTreeSet};

/// Build the timeline of a story.
pub fn timeline(
    docs: &[AnnotatedArticle],
    units: &[Unit],
    clusters: &[Vec<usize>],
    sims: &Sims,
) -> Vec<TimelineEntry> {
    let mut entries: BTreeMap<(String, usize), Vec<usize>> = BTreeMap::new();
    for (c, members) in clusters.iter().enumerate() {
        for &u in members {
            for d in units[u].date.iter().chain(&units[u].also) {
                entries.entry((d.clone(), c)).or_default().push(u);
            }
        }
    }
    let mut out: Vec<(TimelineEntry, usize)> = entries
        .into_iter()
        .map(|((date, _), us)| {
            let rep = us
                .iter()
                .copied()
                .max_by(|&a, &b| {
                    let sa: f64 = us.iter().map(|&v| sim_of(sims, a, v)).sum();
                    let sb: f64 = us.iter().map(|&v| sim_of(sims, b, v)).sum();
                    (units[a].standalone.cmp(&units[b].standalone))
                        .then(units[b].forecast.cmp(&units[a].forecast))
                        .then(sa.total_cmp(&sb))
                        .then(b.cmp(&a))
                })
                .unwrap_or(us[0]);
            let arts: BTreeSet<usize> = us.iter().map(|&u| units[u].doc).collect();
            let mut cites: Vec<usize> = us.clone();
            cites.sort_by_key(|&u| (u != rep, units[u].doc));
            let first = *us.iter().min().unwrap_or(&rep);
            (
                TimelineEntry {
                    date,
                    text: units[rep].text.clone(),
                    articles: arts.iter().map(|&d| docs[d].article.id.clone()).collect(),
                    citations: cites.iter().map(|&u| units[u].citation(docs)).collect(),
                },
                first,
            )
        })
        .collect();
    out.sort_by(|a, b| {
        a.0.date
            .cmp(&b.0.date)
            .then(b.0.articles.len().cmp(&a.0.articles.len()))
            .then(a.1.cmp(&b.1))
    });
    out.into_iter().map(|(e, _)| e).collect()
}
