//! Coverage: what an article leaves unexplained or unconnected. Abbreviations and
//! glossary candidates without an entry, references never cited, citations that
//! differ between the plain and professional versions, content blocks without a
//! plain version, and editor's notes that point nowhere. Each finding has a path in
//! the validator's notation; the CLI reports them as warnings (errors with
//! `--strict`) and the studio lists them.

use std::collections::BTreeSet;

use serde::Serialize;

use super::counter;
pub use super::terms::{abbreviations, candidates, CANDIDATE_SYLLABLES};
use super::texts::{self, Role};
use crate::model::inline;
use crate::model::notes;
use crate::model::text::{PLAIN, PROFESSIONAL};
use crate::model::Article;

/// What kind of gap a finding is. Every kind but [`CoverageKind::GlossaryCandidate`]
/// names a definite gap; a candidate is a hint found by word length (see
/// [`candidates`](super::terms::candidates)), so `check --strict` leaves it a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CoverageKind {
    /// An abbreviation without a glossary entry.
    Abbreviation,
    /// A long word in plain text that no glossary entry explains.
    GlossaryCandidate,
    /// A reference no text cites.
    Uncited,
    /// Plain and professional versions cite different sources.
    CitationsDiffer,
    /// A content block (or popover text) without a plain version.
    NoPlain,
    /// An editor's note that attaches to no citation.
    NoteNowhere,
}

impl CoverageKind {
    /// Whether the finding is a hint (a heuristic guess) rather than a definite gap.
    pub fn is_hint(self) -> bool {
        self == Self::GlossaryCandidate
    }
}

/// One coverage finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageFinding {
    /// What kind of gap.
    pub kind: CoverageKind,
    /// Where, in the validator's path notation.
    pub path: String,
    /// What to do about it.
    pub message: String,
    /// The word, abbreviation or reference id concerned, when there is one.
    pub subject: Option<String>,
}

fn finding(
    kind: CoverageKind,
    path: String,
    subject: Option<String>,
    message: String,
) -> CoverageFinding {
    CoverageFinding {
        kind,
        path,
        message,
        subject,
    }
}

fn cite_keys(text: &str) -> BTreeSet<String> {
    inline::citations(&inline::parse(text))
        .into_iter()
        .flatten()
        .collect()
}

fn keys(set: &BTreeSet<String>) -> String {
    if set.is_empty() {
        "no sources".to_owned()
    } else {
        set.iter()
            .map(|k| format!("[@{k}]"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Every coverage finding of `article`, in the order of its texts.
pub fn coverage(article: &Article) -> Vec<CoverageFinding> {
    let mut out = Vec::new();
    let terms: BTreeSet<&str> = article.glossary.iter().map(|g| g.term.as_str()).collect();
    let mut cited = BTreeSet::new();
    // Each abbreviation and candidate is reported once, where it first appears.
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (path, text, role) in texts::all(article) {
        for (register, value) in text.entries() {
            cited.extend(cite_keys(value));
            let p = if text.is_single() {
                path.clone()
            } else {
                format!("{path}.{register}")
            };
            for abbr in abbreviations(&counter::readable(value)) {
                if !terms.contains(abbr.as_str()) && seen.insert(abbr.clone()) {
                    out.push(finding(CoverageKind::Abbreviation, p.clone(), Some(abbr.clone()), format!(
                        "\"{abbr}\" looks like an abbreviation without a glossary entry: add one with its expansion"
                    )));
                }
            }
        }
        let (plain_path, plain) = texts::plain_of(&path, text);
        if text.get(PLAIN).is_some() || text.is_single() {
            for word in candidates(article, &plain) {
                if !seen.insert(word.clone()) {
                    continue;
                }
                out.push(finding(CoverageKind::GlossaryCandidate, plain_path.clone(), Some(word.clone()), format!(
                    "\"{word}\" may be hard for lay readers: explain it in the text or give it a glossary entry"
                )));
            }
        }
        if let (Some(prof), Some(pl)) = (text.get(PROFESSIONAL), text.get(PLAIN)) {
            let (a, b) = (cite_keys(prof), cite_keys(pl));
            if a != b {
                out.push(finding(
                    CoverageKind::CitationsDiffer,
                    format!("{path}.plain"),
                    None,
                    format!(
                        "the plain version cites {} but the professional version cites {}",
                        keys(&b),
                        keys(&a)
                    ),
                ));
            }
        }
        let needs_plain = matches!(role, Role::Block | Role::Popover);
        if needs_plain && text.get(PROFESSIONAL).is_some() && text.get(PLAIN).is_none() {
            out.push(finding(
                CoverageKind::NoPlain,
                format!("{path}.plain"),
                None,
                "no plain-language version: write one for lay readers".to_owned(),
            ));
        }
    }
    for (i, r) in article.references.iter().enumerate() {
        if !cited.contains(&r.id) {
            out.push(finding(
                CoverageKind::Uncited,
                format!("references[{i}]"),
                Some(r.id.clone()),
                format!(
                    "\"{}\" is never cited: cite it with [@{}] or remove it",
                    r.id, r.id
                ),
            ));
        }
    }
    for (i, n) in article.editor_notes.iter().enumerate() {
        let known = article.references.iter().any(|r| r.id == n.source);
        let located = notes::locate(article, &n.source, &n.sentence);
        let message = match (known, located) {
            (false, _) => format!(
                "the note is on \"{}\", which is not a reference id",
                n.source
            ),
            (true, Ok(_)) => continue,
            (true, Err(notes::NoteAnchorError::NotFound)) => format!(
                "no professional sentence has these words followed by a citation of [@{}]",
                n.source
            ),
            (true, Err(notes::NoteAnchorError::Ambiguous(k))) => format!(
                "these words are followed by a citation of [@{}] in {k} places",
                n.source
            ),
        };
        let field = if known { "sentence" } else { "source" };
        out.push(finding(
            CoverageKind::NoteNowhere,
            format!("editor-notes[{i}].{field}"),
            Some(n.source.clone()),
            message,
        ));
    }
    out
}
