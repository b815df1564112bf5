//! Checks of editor's notes: each names a cited reference and quotes a sentence that
//! is found once, followed by its citation, in text plain-language readers also see.

use crate::model::inline;
use crate::model::notes::{self, NoteAnchorError};
use crate::model::text::PLAIN;

use super::checker::{indexed, join, truncate, Checker};

impl Checker<'_> {
    /// Every editor's note: its text, its source and where it anchors.
    pub(super) fn editor_notes(&mut self, plain_audience: bool) {
        let article = self.article;
        // (anchor, source) → the note last attached there: a few pairs, so a list.
        let mut anchors: Vec<(_, usize)> = Vec::new();
        // Only built when there are notes: it flattens every block once.
        let locator = (!article.editor_notes.is_empty()).then(|| notes::Locator::new(article));
        let texts = notes::block_texts(article);
        for (i, n) in article.editor_notes.iter().enumerate() {
            let p = indexed("editor-notes", i, "");
            self.prose(&join(&p, ".note"), &n.note, plain_audience);
            if !self.ref_ids.contains(n.source.as_str()) {
                self.error(
                    join(&p, ".source"),
                    format!("\"{}\" is not a reference id", truncate(&n.source)),
                );
                continue;
            }
            let Some(locator) = &locator else { break };
            match locator.locate(&n.source, &n.sentence) {
                Ok(anchor) => {
                    let plain_groups = texts
                        .get(anchor.block)
                        .and_then(|t| t.get(PLAIN))
                        .map(|t| {
                            inline::citations(&inline::parse(t))
                                .iter()
                                .filter(|g| g.contains(&n.source))
                                .count()
                        });
                    if plain_groups.is_some_and(|k| k <= anchor.nth) {
                        self.error(
                            join(&p, ".sentence"),
                            format!(
                                "the plain text of that paragraph or item cites [@{}] only {} time(s), so plain-language readers would not see the note: cite it in the same groups as the professional text",
                                n.source,
                                plain_groups.unwrap_or(0)
                            ),
                        );
                    }
                    let key = (anchor, n.source.as_str());
                    let last = anchors.iter_mut().find(|(k, _)| *k == key);
                    let first = last.map(|(_, at)| std::mem::replace(at, i));
                    if first.is_none() {
                        anchors.push((key, i));
                    }
                    if let Some(first) = first {
                        self.error(
                            &p,
                            format!("editor-notes[{first}] is already attached to the same citation"),
                        );
                    }
                }
                Err(NoteAnchorError::NotFound) => self.error(
                    join(&p, ".sentence"),
                    format!(
                        "no professional text has these words followed, in the same sentence, by a citation of [@{}]: quote the sentence as written",
                        n.source
                    ),
                ),
                Err(NoteAnchorError::Ambiguous(k)) => self.error(
                    join(&p, ".sentence"),
                    format!(
                        "these words are followed by a citation of [@{}] in {k} places: quote more of the sentence so they name one",
                        n.source
                    ),
                ),
            }
        }
    }
}
