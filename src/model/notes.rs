//! Editor's notes: where a note attaches. A note names a source and quotes (part
//! of) the professional sentence its citation is attached to; it belongs to the
//! first citation group after the quoted words, in the same sentence, that cites the
//! source. Pure, shared by validation and the view model.

use serde::{Deserialize, Serialize};

use super::inline::{self, Inline};
use super::{Article, Block, Section, Text};

/// An editor's note on one citation occurrence: how the cited source relates to
/// the sentence it is attached to. Part of the article, not of the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EditorNote {
    /// The cited reference's id (its citation key).
    pub source: String,
    /// Words of the professional sentence the citation is attached to, as written
    /// there (markup and citations left out); enough of them to name one place.
    pub sentence: String,
    /// The note, plain prose without markup (`professional` and, for lay readers,
    /// `plain`).
    pub note: Text,
}

/// Where a note attaches: a content block (paragraph or list item, numbered in
/// document order) and which of that block's citation groups citing the source
/// (0 = the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NoteAnchor {
    /// Index of the content block in document order.
    pub block: usize,
    /// Index among the block's citation groups that cite the source.
    pub nth: usize,
}

/// Why a note does not attach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteAnchorError {
    /// No professional text has the quoted words followed, in the same sentence, by
    /// a citation of the source.
    NotFound,
    /// The quoted words name this many places.
    Ambiguous(usize),
}

/// Every content block's text in document order: a section's paragraphs and list
/// items, then its subsections (the order the view model numbers markers in).
pub fn block_texts(article: &Article) -> Vec<&Text> {
    fn walk<'a>(sections: &'a [Section], out: &mut Vec<&'a Text>) {
        for s in sections {
            for b in &s.blocks {
                match b {
                    Block::Paragraph { text } => out.push(text),
                    Block::List { items } => out.extend(items.iter().map(|i| &i.text)),
                    Block::Findings => {}
                }
            }
            walk(&s.subsections, out);
        }
    }
    let mut out = Vec::new();
    walk(&article.sections, &mut out);
    out
}

/// A block's text with whitespace collapsed, and each citation group's byte position
/// in it with the group's keys.
type Flat = (String, Vec<(usize, Vec<String>)>);

/// The reader's text of `src` with whitespace collapsed, and each citation group's
/// byte position in it.
fn flatten(src: &str) -> Flat {
    fn walk(nodes: &[Inline], text: &mut String, cites: &mut Vec<(usize, Vec<String>)>) {
        for n in nodes {
            match n {
                Inline::Text(t) => {
                    for c in t.chars() {
                        if c.is_whitespace() {
                            if !text.ends_with(' ') {
                                text.push(' ');
                            }
                        } else {
                            text.push(c);
                        }
                    }
                }
                Inline::Strong(c) | Inline::Emph(c) | Inline::Link { children: c, .. } => {
                    walk(c, text, cites)
                }
                Inline::Cite(keys) => cites.push((text.len(), keys.clone())),
            }
        }
    }
    let (mut text, mut cites) = (String::new(), Vec::new());
    walk(&inline::parse(src), &mut text, &mut cites);
    (text, cites)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every content block's professional text flattened once ([`flatten`]), so that
/// locating many notes parses the article once instead of once per note.
#[derive(Debug, Clone)]
pub struct Locator {
    blocks: Vec<Flat>,
}

impl Locator {
    /// Flattens every content block of `article`.
    pub fn new(article: &Article) -> Self {
        Self {
            blocks: block_texts(article)
                .into_iter()
                .map(|t| flatten(t.professional()))
                .collect(),
        }
    }

    /// Finds the one citation occurrence a note on `source` quoting `sentence`
    /// attaches to.
    pub fn locate(&self, source: &str, sentence: &str) -> Result<NoteAnchor, NoteAnchorError> {
        let needle = collapse(sentence);
        if needle.is_empty() {
            return Err(NoteAnchorError::NotFound);
        }
        let mut found: Vec<NoteAnchor> = Vec::new();
        for (block, (hay, cites)) in self.blocks.iter().enumerate() {
            let mut from = 0;
            while let Some(p) = hay.get(from..).and_then(|h| h.find(&needle)) {
                let end = from + p + needle.len();
                let group = cites
                    .iter()
                    .enumerate()
                    .filter(|(_, (pos, _))| *pos >= end)
                    .take_while(|(_, (pos, _))| !hay[end..*pos].contains(['.', '!', '?']))
                    .find(|(_, (_, keys))| keys.iter().any(|k| k == source));
                if let Some((g, _)) = group {
                    let nth = cites[..g]
                        .iter()
                        .filter(|(_, keys)| keys.iter().any(|k| k == source))
                        .count();
                    let anchor = NoteAnchor { block, nth };
                    if !found.contains(&anchor) {
                        found.push(anchor);
                    }
                }
                from = from + p + needle.chars().next().map_or(1, char::len_utf8);
            }
        }
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(NoteAnchorError::NotFound),
            many => Err(NoteAnchorError::Ambiguous(many.len())),
        }
    }
}

/// Finds the one citation occurrence a note on `source` quoting `sentence` attaches to
/// (one note; for many, build a [`Locator`] once).
pub fn locate(
    article: &Article,
    source: &str,
    sentence: &str,
) -> Result<NoteAnchor, NoteAnchorError> {
    Locator::new(article).locate(source, sentence)
}
