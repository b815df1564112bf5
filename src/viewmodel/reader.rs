//! What one audience's view needs from the article before any section is built: the
//! register chain its text is picked through, the glossary terms it marks and the
//! editor's notes in its words.

use super::prepared::Prepared;
use super::sort_small_by_key;
use crate::model::text::{PLAIN, PROFESSIONAL};
use crate::model::{Article, Audience, Text};

/// One audience's reading of an article.
#[derive(Debug, Clone)]
pub(super) struct Reader {
    pub audience: Audience,
    pub chain: Vec<String>,
    /// Whether the audience reads plain language.
    pub plain: bool,
    /// Glossary indexes marked for this audience, longest term first.
    pub candidates: Vec<usize>,
    /// (block, key, nth group citing key) → resolved note text: a few pairs (one per
    /// editor's note), so a list, not a hash table of an element type of its own.
    pub note_at: Vec<((usize, String, usize), String)>,
    publisher: String,
}

impl Reader {
    /// The note at the `nth` group citing `key` in `block` (the last one given, as a
    /// map collected from the same pairs would keep).
    pub fn note(&self, block: usize, key: &str, nth: usize) -> Option<String> {
        let found = self
            .note_at
            .iter()
            .rev()
            .find(|((b, k, n), _)| *b == block && *n == nth && k == key);
        found.map(|(_, text)| text.clone())
    }

    pub fn new(article: &Article, prepared: &Prepared, audience: Audience) -> Self {
        let chain = article
            .audiences
            .get(audience.id())
            .cloned()
            .unwrap_or_else(|| vec![PROFESSIONAL.to_owned()]);
        let mut candidates: Vec<usize> = (0..article.glossary.len())
            .filter(|&i| audience.marks_all_terms() || article.glossary[i].is_abbreviation())
            .collect();
        sort_small_by_key(&mut candidates, |&i| {
            std::cmp::Reverse(article.glossary[i].term.len())
        });
        let plain = chain.first().is_some_and(|r| r == PLAIN);
        let note_at = article
            .editor_notes
            .iter()
            .zip(&prepared.anchors)
            .filter_map(|(n, a)| {
                let a = (*a)?;
                Some((
                    (a.block, n.source.clone(), a.nth),
                    n.note.resolve(&chain).to_owned(),
                ))
            })
            .collect();
        Self {
            audience,
            chain,
            plain,
            candidates,
            note_at,
            publisher: article.publisher.name.clone(),
        }
    }

    /// The text in this audience's register, with the publisher's name filled in.
    pub fn resolve(&self, t: &Text) -> String {
        t.resolve(&self.chain)
            .replace("{publisher}", &self.publisher)
    }
}
