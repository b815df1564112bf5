//! The Markdown body, walked with pulldown-cmark: headings are sections (`#`),
//! subsections (`##`, `###`); paragraphs and `-` lists are content blocks; a
//! definition list under `# Glossary` is the glossary. Texts are taken from the
//! source as written (the widget's inline syntax is a Markdown subset), their lines
//! joined with spaces.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser};

use super::divs::{Divs, FindingsDiv};
use super::Problem;

/// A text of the article with where it came from.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    /// The professional (or only) text.
    pub text: String,
    /// Its line.
    pub line: usize,
    /// Where its content ends (a `::: plain` div after it translates it).
    pub end: usize,
    /// Whether a plain div may translate it (false for glossary entries).
    pub translatable: bool,
    /// The plain-language version and its line.
    pub plain: Option<(String, usize)>,
}

/// A section as written.
#[derive(Debug, Default)]
pub struct Sec {
    /// `{#id}` on the heading.
    pub id: Option<String>,
    /// `{.collapsed}` on the heading.
    pub collapsed: bool,
    /// Index of the title in [`Body::units`].
    pub title: usize,
    /// Blocks: a paragraph is one unit, a list its items' units (with its line).
    pub blocks: Vec<Blk>,
    /// Subsections.
    pub subsections: Vec<Sec>,
}

/// A content block as written.
#[derive(Debug)]
pub enum Blk {
    /// A paragraph (unit index).
    Para(usize),
    /// A list: its line and its items (unit indices).
    List(usize, Vec<usize>),
    /// A `::: findings` div: its line.
    Findings(usize),
}

/// A glossary entry as written.
#[derive(Debug)]
pub struct Term {
    /// The term, expansion (from `Term (expansion)`) and definition.
    pub term: String,
    /// The expansion, for an abbreviation.
    pub expansion: Option<String>,
    /// The definition.
    pub definition: String,
    /// The term's line.
    pub line: usize,
}

/// The walked body.
#[derive(Debug, Default)]
pub struct Body {
    /// Every text in document order.
    pub units: Vec<Unit>,
    /// Top-level sections.
    pub sections: Vec<Sec>,
    /// Glossary entries.
    pub glossary: Vec<Term>,
    /// What could not be read.
    pub problems: Vec<Problem>,
}

/// Source text of `range`, lines trimmed and joined with single spaces.
pub fn joined(src: &str, range: Range<usize>) -> String {
    src.get(range)
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Line number (1-based) of byte `offset`.
pub fn line_at(src: &str, offset: usize) -> usize {
    src.as_bytes()[..offset.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Splits a glossary term line `ILD (interstitial lung disease)` into term and
/// expansion (the parenthesis that closes the line, balanced).
pub fn term_and_expansion(s: &str) -> (String, Option<String>) {
    if let Some(inner) = s.strip_suffix(')') {
        let mut depth = 0i32;
        for (i, c) in inner.char_indices().rev() {
            match c {
                ')' => depth += 1,
                '(' if depth == 0 => {
                    let term = inner[..i].trim();
                    if !term.is_empty() {
                        return (term.to_owned(), Some(inner[i + 1..].trim().to_owned()));
                    }
                    break;
                }
                '(' => depth -= 1,
                _ => {}
            }
        }
    }
    (s.to_owned(), None)
}

/// Walks `src` (front matter and divs already blanked out), placing a findings
/// block where each `::: findings` div stood.
pub fn parse(src: &str, findings: &[FindingsDiv]) -> Body {
    let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_DEFINITION_LIST;
    let events: Vec<(Event<'_>, Range<usize>)> =
        Parser::new_ext(src, options).into_offset_iter().collect();
    super::walk::Walker::new(src, findings).run(&events)
}

/// Gives each `::: plain` div to the text just before it (not across a
/// `::: findings` div: the charts' plain texts are in the references).
pub fn attach(body: &mut Body, divs: Divs) {
    for div in divs.plain {
        let before = body
            .units
            .iter_mut()
            .filter(|u| u.end <= div.start)
            .max_by_key(|u| u.end);
        let after_findings = divs
            .findings
            .iter()
            .any(|f| f.start < div.start && before.as_ref().is_none_or(|u| u.end <= f.start));
        if after_findings {
            body.problems.push(Problem::new(
                div.line,
                "a ::: plain div after ::: findings: the charts take their plain texts from the references' findings, so put the plain div right after the block it translates",
            ));
            continue;
        }
        match before {
            Some(u) if !u.translatable => body.problems.push(Problem::new(
                div.line,
                "a ::: plain div translates the heading, paragraph or list item just above it, and a glossary entry has none",
            )),
            Some(u) => match &u.plain {
                Some((_, first)) => body.problems.push(Problem::new(
                    div.line,
                    format!("the text above already has a plain version (line {first}): one ::: plain div per block"),
                )),
                None => u.plain = Some((div.text, div.line)),
            },
            None => body.problems.push(Problem::new(
                div.line,
                "a ::: plain div must follow the heading, paragraph or list item it translates",
            )),
        }
    }
}
