//! Coverage: what an article leaves unexplained or unconnected. Abbreviations and
//! glossary candidates without an entry, references never cited, citations that
//! differ between the plain and professional versions, content blocks without a
//! plain version, and editor's notes that point nowhere. Each finding has a path in
//! the validator's notation; the CLI reports them as warnings (errors with
//! `--strict`) and the studio lists them.

use std::collections::BTreeSet;

use serde::Serialize;

use super::counter;
use super::texts::{self, Role};
use crate::model::inline;
use crate::model::notes;
use crate::model::text::{PLAIN, PROFESSIONAL};
use crate::model::Article;

/// Syllables from which a word counts as a glossary candidate.
pub const CANDIDATE_SYLLABLES: usize = 5;

/// What kind of gap a finding is. Every kind but [`CoverageKind::GlossaryCandidate`]
/// names a definite gap; a candidate is a hint found by word length (see
/// [`candidates`]), so `check --strict` leaves it a warning.
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

/// Abbreviation-like tokens: a capital letter followed by letters with at least one
/// more capital (ILD, RP-ILD, TNFi, JAKi, DLCO). Hyphenated parts that are plain
/// lower-case words are split off ("CTD-associated" → "CTD"); capitalised ordinary
/// words (one capital) are ignored.
pub fn abbreviations(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        let token = token.trim_matches('-');
        let parts: Vec<&str> = token.split('-').collect();
        let is_abbr = |s: &str| {
            s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && s.chars().filter(char::is_ascii_uppercase).count() >= 2
                && s.chars().all(|c| c.is_ascii_alphabetic())
        };
        if parts.iter().all(|p| is_abbr(p)) && !token.is_empty() {
            out.insert(token.to_owned());
        } else {
            out.extend(parts.into_iter().filter(|p| is_abbr(p)).map(str::to_owned));
        }
    }
    out
}

/// Byte spans of whole-word occurrences of `needle` in `hay` (ASCII case folding
/// unless `case_sensitive`; neighbours must not be letters, digits or hyphens).
fn spans(hay: &str, needle: &str, case_sensitive: bool) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let (h, n) = if case_sensitive {
        (hay.to_owned(), needle.to_owned())
    } else {
        (hay.to_ascii_lowercase(), needle.to_ascii_lowercase())
    };
    let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-'));
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = h[from..].find(&n) {
        let pos = from + p;
        if boundary(h[..pos].chars().next_back()) && boundary(h[pos + n.len()..].chars().next()) {
            out.push((pos, pos + n.len()));
        }
        from = pos + n.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Glossary candidates in a plain text: words of [`CANDIDATE_SYLLABLES`] or more
/// syllables (by the reading-level counter) that no glossary entry's occurrence in
/// the text covers (entries match whole words, abbreviations case-sensitively,
/// other terms in any case, as the widget marks them).
pub fn candidates(article: &Article, plain: &str) -> BTreeSet<String> {
    let text = counter::readable(plain);
    let covered: Vec<(usize, usize)> = article
        .glossary
        .iter()
        .flat_map(|g| spans(&text, &g.term, g.is_abbreviation()))
        .collect();
    let mut out = BTreeSet::new();
    let mut start = None;
    for (i, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = ch.is_alphabetic() || ch == '\'' || ch == '’';
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let word = &text[s..i];
                let inside = covered.iter().any(|&(a, b)| a <= s && i <= b);
                if !inside
                    && counter::syllables(word) >= CANDIDATE_SYLLABLES
                    && abbreviations(word).is_empty()
                {
                    out.insert(word.to_lowercase());
                }
            }
            _ => {}
        }
    }
    out
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
