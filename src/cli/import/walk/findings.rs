//! The `::: findings` part of the walk: each div becomes a findings block of the
//! section it stands in, in its place among the blocks; one inside a block (a list
//! item), before the first heading or under `# Glossary` is a problem at its line.

use std::ops::Range;

use super::Walker;
use crate::cli::import::body::Blk;
use crate::cli::import::Problem;

impl Walker<'_> {
    /// Places the `::: findings` divs that start before the top-level block at
    /// `range` (and reports those inside it).
    pub(super) fn findings_before(&mut self, range: &Range<usize>) {
        while let Some((div, rest)) = self.findings.split_first() {
            if div.start >= range.end {
                break;
            }
            self.findings = rest;
            if div.start >= range.start {
                self.body.problems.push(Problem::new(
                    div.line,
                    "a ::: findings div stands on its own between blocks, not inside a list item: end the list before it",
                ));
            } else if self.glossary {
                self.body.problems.push(Problem::new(
                    div.line,
                    "a ::: findings div goes in a section, not under # Glossary",
                ));
            } else if self.cur.is_empty() {
                self.body.problems.push(Problem::new(
                    div.line,
                    "a ::: findings div before the first heading: put it in the section where the charts go",
                ));
            } else {
                self.block(div.start, Blk::Findings(div.line));
            }
        }
    }
}
