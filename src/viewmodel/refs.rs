//! The reference list of one audience's view: every cited reference in number
//! order, in the audience's words, with where it is cited and the editor's notes on
//! its occurrences (so it needs every section built first).

use super::prepared::Prepared;
use super::reader::Reader;
use super::section::Built;
use super::{sort_small_by_key, NoteView, RefView};
use crate::chart::FindingView;
use crate::model::{cite, Article, Reference};

/// The references of `article` for `reader`, given all its sections built.
pub(super) fn build<'a>(
    article: &Article,
    prepared: &Prepared,
    reader: &Reader,
    sections: impl Iterator<Item = &'a Built>,
) -> Vec<RefView> {
    // Indexed by citation number (dense, from 1): vectors, not hash maps, whose table
    // code is ~1 KB of wasm per element type (issue 11 §4).
    let mut cited_in: Vec<Vec<(usize, String)>> = Vec::new();
    let mut notes: Vec<Vec<NoteView>> = Vec::new();
    for b in sections {
        for (number, occurrence, title) in &b.cited_in {
            slot(&mut cited_in, *number).push((*occurrence, title.clone()));
        }
        for n in &b.notes {
            slot(&mut notes, n.number).push(n.clone());
        }
    }
    let mut refs: Vec<(usize, &Reference)> = article
        .references
        .iter()
        .filter_map(|r| prepared.numbers.get(&r.id).map(|&n| (n, r)))
        .collect();
    sort_small_by_key(&mut refs, |(n, _)| *n);
    refs.into_iter()
        .map(|(number, r)| RefView {
            number,
            id: r.id.clone(),
            ama: cite::ama(r),
            short: cite::short_label(r),
            title: r.title.clone(),
            source_kind: r.source_kind.clone(),
            key_finding: r.key_finding.as_ref().map(|t| reader.resolve(t)),
            certainty: r.certainty.as_ref().map(|t| reader.resolve(t)),
            plain: reader.plain,
            notes: std::mem::take(slot(&mut notes, number)),
            note_here: None,
            links: cite::links(r),
            unconfirmed: cite::unconfirmed_identifiers(r),
            cited_in: std::mem::take(slot(&mut cited_in, number)),
            findings: r
                .findings
                .iter()
                .filter_map(|f| FindingView::new(f, &reader.chain, reader.plain))
                .collect(),
        })
        .collect()
}

/// The list at `i`, the vector grown to hold it.
fn slot<T>(v: &mut Vec<Vec<T>>, i: usize) -> &mut Vec<T> {
    if v.len() <= i {
        v.resize_with(i + 1, Vec::new);
    }
    &mut v[i]
}
