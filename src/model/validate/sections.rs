//! Checks of the article's sections (recursively, with their blocks) and of the
//! structured findings that references carry.

use crate::model::finding::{self, Finding};
use crate::model::{Block, Section};

use super::checker::{indexed, join, Checker};

impl Checker<'_> {
    /// Checks one structured finding: its texts (a plain version of every text when
    /// the article has a plain-language audience) and its numbers.
    pub(super) fn finding(&mut self, path: &str, f: &Finding, plain_audience: bool) {
        self.prose(&join(path, ".measure"), &f.measure, plain_audience);
        // Every finding is drawn for lay readers too: its reading always needs plain text.
        self.prose(&join(path, ".reading"), &f.reading, true);
        if let Some(t) = &f.estimate_name {
            self.prose(&join(path, ".estimate-name"), t, plain_audience);
        }
        if let Some(t) = &f.unit {
            self.prose(&join(path, ".unit"), t, plain_audience);
        }
        for (i, g) in f.groups.iter().enumerate() {
            self.prose(
                &indexed(&join(path, ".groups"), i, ".label"),
                &g.label,
                plain_audience,
            );
        }
        for (p, m) in finding::problems(f) {
            self.error(format!("{path}.{p}"), m);
        }
    }

    pub(super) fn section(&mut self, path: &str, s: &Section, depth: usize) {
        if depth > 3 {
            self.error(path, "sections nest more than 3 levels deep");
            return;
        }
        self.text(&join(path, ".title"), &s.title, false);
        if let Some(id) = &s.id {
            let ok = !id.is_empty()
                && id.len() <= 64
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !ok {
                self.error(
                    join(path, ".id"),
                    "a section id uses only a-z, 0-9 and hyphens (at most 64)",
                );
            } else if !self.section_ids.insert(id.clone()) {
                self.error(
                    join(path, ".id"),
                    format!("the section id \"{id}\" is used twice"),
                );
            }
        }
        for (i, b) in s.blocks.iter().enumerate() {
            let bp = indexed(&join(path, ".blocks"), i, "");
            match b {
                Block::Paragraph { text } => self.text(&join(&bp, ".text"), text, true),
                Block::List { items } => {
                    if items.is_empty() {
                        self.error(&bp, "the list has no items");
                    }
                    for (j, item) in items.iter().enumerate() {
                        self.text(&indexed(&join(&bp, ".items"), j, ".text"), &item.text, true);
                    }
                }
                Block::Findings => {
                    if self
                        .article
                        .references
                        .iter()
                        .all(|r| r.findings.is_empty())
                    {
                        self.warn(
                            &bp,
                            "no reference has findings, so this block shows nothing",
                        );
                    }
                }
            }
        }
        if s.blocks.is_empty() && s.subsections.is_empty() {
            self.warn(path, "the section is empty");
        }
        for (i, sub) in s.subsections.iter().enumerate() {
            self.section(&indexed(&join(path, ".subsections"), i, ""), sub, depth + 1);
        }
    }
}
