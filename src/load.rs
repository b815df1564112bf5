//! From raw JSON text to a validated article: limits first, then the parser (in the
//! widget a small one for the subset articles are written in,
//! [`crate::model::read::tree`], and the browser's `JSON.parse` for the rest;
//! serde_json natively), then the model's reader over the parsed value
//! ([`crate::model::read`], the same code on both), then validation. Reading
//! ([`read`]) and validating ([`check`]) can run in separate tasks: [`load`] is the
//! two in one. Every failure is a value the widget can show.

use crate::fetch::FetchError;
use crate::model::limits::{self, LimitError};
use crate::model::validate::{self, Problem, Severity};
use crate::model::Article;

#[cfg(target_arch = "wasm32")]
mod js_value;

/// Why an article could not be shown; its `Display` is the one plain sentence readers
/// see, [`LoadError::details`] the lines for its author.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// Too large or too deeply nested.
    #[error("This article could not be opened. {0}")]
    Limit(#[from] LimitError),
    /// Not JSON at all (the parser's position and reason).
    #[error("This article could not be opened: its file is not valid JSON.")]
    Syntax(String),
    /// JSON, but not shaped like an article (the reader's `path: reason`).
    #[error("This article could not be opened: its file is not in the evidence-article format.")]
    Shape(String),
    /// An article with errors.
    #[error("{}", invalid_summary(.0))]
    Invalid(Vec<Problem>),
    /// The host passed an article object that cannot be read as JSON (e.g. a cycle).
    #[error("This article could not be opened: the article object given by the page could not be read (it may contain a cycle).")]
    UnreadableObject,
    /// The host's article address is not an http(s) or relative URL.
    #[error("This article could not be opened: its address is not an http(s) or relative URL.")]
    UnsafeAddress,
    /// Downloading the article failed.
    #[error("{error}")]
    Fetch {
        /// The address asked for.
        url: String,
        /// What went wrong.
        #[source]
        error: FetchError,
    },
}

fn invalid_summary(problems: &[Problem]) -> String {
    let n = validate::errors(problems).count();
    format!(
        "This article has {n} problem{} and cannot be shown until its author fixes {}.",
        if n == 1 { "" } else { "s" },
        if n == 1 { "it" } else { "them" }
    )
}

impl LoadError {
    /// Details for authors: `path: message` lines.
    pub fn details(&self) -> Vec<String> {
        match self {
            LoadError::Limit(e) => vec![e.to_string()],
            LoadError::Syntax(m) | LoadError::Shape(m) => vec![m.clone()],
            LoadError::Invalid(p) => p.iter().map(ToString::to_string).collect(),
            LoadError::UnreadableObject | LoadError::UnsafeAddress => Vec::new(),
            LoadError::Fetch { url, .. } => vec![format!("URL: {url}")],
        }
    }

    /// Whether fetching again may give another result: a failed download, or text
    /// that is not JSON (cut short, or a proxy's HTML page). The same bytes, or an
    /// article with errors, fail the same way every time.
    pub fn transient(&self) -> bool {
        matches!(self, LoadError::Fetch { .. } | LoadError::Syntax(_))
    }
}

/// A validated article and the warnings that did not block it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The article.
    pub article: Article,
    /// Non-blocking problems.
    pub warnings: Vec<Problem>,
}

/// Parses and validates raw article JSON.
pub fn load(raw: &str) -> Result<Loaded, LoadError> {
    check(read(raw)?)
}

/// Parses raw article JSON without validating it (the first half of [`load`]; the
/// article is not to be shown until [`check`] passes it).
pub fn read(raw: &str) -> Result<Article, LoadError> {
    limits::check(raw)?;
    parse(raw)
}

/// Validates an already parsed article.
pub fn check(article: Article) -> Result<Loaded, LoadError> {
    let problems = validate::validate(&article);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(LoadError::Invalid(problems));
    }
    Ok(Loaded {
        article,
        warnings: problems,
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn parse(raw: &str) -> Result<Article, LoadError> {
    let value: serde_json::Value = serde_json::from_str(raw)
        .map_err(|e| LoadError::Syntax(format!("line {}, column {}: {e}", e.line(), e.column())))?;
    crate::model::read::article(&&value).map_err(|e| LoadError::Shape(e.to_string()))
}

/// The text parsed in the wasm (one crossing of the text, not one per string and
/// field name); what that parser leaves to the browser, `JSON.parse` parses.
#[cfg(target_arch = "wasm32")]
fn parse(raw: &str) -> Result<Article, LoadError> {
    use crate::model::read::tree;
    let value = match tree::parse(raw) {
        Some(value) => value,
        None => {
            let value = js_sys::JSON::parse(raw).map_err(|e| {
                let msg = js_sys::Error::from(e).message();
                LoadError::Syntax(String::from(msg))
            })?;
            js_value::tree(&value)
        }
    };
    crate::model::read::article(&&value).map_err(|e| LoadError::Shape(e.to_string()))
}

/// The embedded default article, parsed and validated.
pub fn embedded() -> Result<Loaded, LoadError> {
    load(crate::model::EMBEDDED_ARTICLE_JSON)
}

/// The embedded default article, parsed but not validated again: it is compiled into
/// the widget, and the native test `embedded_article_loads_without_errors_or_warnings`
/// (tests/model.rs) validates exactly these bytes, so a build whose article has a
/// problem fails its tests instead of shipping. The widget's start-up uses this (a
/// third of the parse-and-validate task measured at start-up was `validate`);
/// every other source (inline JSON, `src=`, the mount API) goes through [`load`].
pub fn embedded_prevalidated() -> Result<Loaded, LoadError> {
    let raw = crate::model::EMBEDDED_ARTICLE_JSON;
    limits::check(raw)?;
    Ok(Loaded {
        article: parse(raw)?,
        warnings: Vec::new(),
    })
}
