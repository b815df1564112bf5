//! The editor's text → every problem with its path and line:column, and the
//! article when it can be shown. The same steps as the widget's loader
//! (`evidence_article::load`): the library's limits first, then the parser, then
//! the library's `validate()`; the studio adds positions (from [`crate::spans`])
//! and the path of a shape error (serde_path_to_error).

use std::collections::HashMap;
use std::rc::Rc;

use evidence_article::analysis::{self, CoverageFinding, ReadingReport};
use evidence_article::model::limits;
use evidence_article::model::validate::{self, Severity};
use evidence_article::model::Article;

use crate::spans::{self, Lines, Position};

/// One problem, placed in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Error or warning.
    pub severity: Severity,
    /// JSON path (`""`: the document as a whole).
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// Where the caret goes.
    pub at: Position,
    /// The same place as a UTF-16 index (a text area's selection).
    pub caret: usize,
}

/// What the studio knows about the current text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// Errors first, then warnings, each in text order.
    pub problems: Vec<Located>,
    /// The article, when it parsed and has no errors (the preview shows it).
    pub article: Option<Rc<Article>>,
    /// The article's `id`, when it parsed (errors or not): names the download.
    pub id: Option<String>,
    /// Reading level of the plain-language text, when it parsed (the library's
    /// `analysis::reading`, as the CLI's `stats`).
    pub reading: Option<Rc<ReadingReport>>,
    /// Coverage findings, when it parsed (`analysis::coverage`).
    pub coverage: Rc<Vec<CoverageFinding>>,
    /// Where each path of the reading and coverage panels is in the text.
    pub spots: Rc<HashMap<String, Spot>>,
}

/// A place in the text for a path of the panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    /// Line and column.
    pub at: Position,
    /// UTF-16 index for the caret.
    pub caret: usize,
}

impl Analysis {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

fn at(
    text: &str,
    lines: &Lines<'_>,
    offset: usize,
    severity: Severity,
    path: &str,
    message: String,
) -> Located {
    Located {
        severity,
        path: path.to_owned(),
        message,
        at: lines.position(offset),
        caret: spans::utf16_index(text, offset),
    }
}

/// Analyses the editor's text.
pub fn analyse(text: &str) -> Analysis {
    let lines = Lines::new(text);
    let one = |offset, path: &str, message: String| Analysis {
        problems: vec![at(text, &lines, offset, Severity::Error, path, message)],
        article: None,
        id: None,
        ..Analysis::default()
    };
    if text.trim().is_empty() {
        return one(
            0,
            "",
            "The editor is empty: paste an article, open a file or start from a template.".into(),
        );
    }
    if let Err(e) = limits::check(text) {
        return one(0, "", e.to_string());
    }
    let spans = match spans::scan(text) {
        Ok(s) => s,
        Err(e) => {
            return one(
                e.at.offset,
                "",
                format!("This is not valid JSON: {}.", e.message),
            );
        }
    };
    let article = match parse(text) {
        Ok(a) => a,
        Err((path, message)) => {
            let message = format!("Not in the evidence-article format: {message}");
            return one(spans.locate(&path), &path, message);
        }
    };
    let mut problems: Vec<Located> = validate::validate(&article)
        .into_iter()
        .map(|p| {
            at(
                text,
                &lines,
                spans.locate(&p.path),
                p.severity,
                &p.path,
                p.message,
            )
        })
        .collect();
    problems.sort_by_key(|p| (p.severity, p.at.offset));
    let id = Some(article.id.clone());
    let reading = analysis::reading(&article);
    let coverage = analysis::coverage(&article);
    let paths = reading
        .texts
        .iter()
        .chain(&reading.popovers)
        .map(|t| &t.path)
        .chain(reading.hardest.iter().map(|s| &s.path))
        .chain(coverage.iter().map(|f| &f.path));
    let spots = paths
        .map(|p| {
            let offset = spans.locate(p);
            let spot = Spot {
                at: lines.position(offset),
                caret: spans::utf16_index(text, offset),
            };
            (p.clone(), spot)
        })
        .collect();
    let article =
        (!problems.iter().any(|p| p.severity == Severity::Error)).then(|| Rc::new(article));
    Analysis {
        problems,
        article,
        id,
        reading: Some(Rc::new(reading)),
        coverage: Rc::new(coverage),
        spots: Rc::new(spots),
    }
}

/// Parses natively with serde_json.
#[cfg(not(target_arch = "wasm32"))]
fn parse(text: &str) -> Result<Article, (String, String)> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(split)
}

/// Parses in the browser as the widget does (`JSON.parse` + serde-wasm-bindgen).
#[cfg(target_arch = "wasm32")]
fn parse(text: &str) -> Result<Article, (String, String)> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        (
            String::new(),
            String::from(js_sys::Error::from(e).message()),
        )
    })?;
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(split)
}

fn split<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> (String, String) {
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    (path, e.inner().to_string())
}
