//! `check`: the widget's own checks (limits, JSON syntax, shape, unknown fields,
//! [`validate`](crate::model::validate)) plus the authoring analysis (reading level
//! and coverage, as warnings; errors with `--strict`), each finding placed at its
//! line and column. Each file is parsed once.

use super::advice::analysis_findings;
use super::error::{read_text, CliError};
use super::json::{self, ParseError};
use super::locate::{Locator, Pos};
use super::report::{Finding, Report};
use super::{EXIT_ERRORS, EXIT_OK};
use crate::model::limits::{self, LimitError, MAX_BYTES};
use crate::model::validate::{self, Severity};
use crate::model::Article;

/// How strictly to check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Reading-level and coverage warnings become errors (glossary candidates,
    /// which are guesses, stay warnings).
    pub strict: bool,
}

/// Checks the text of one article (not strict); `name` is how the file is shown.
pub fn check_source(name: &str, raw: &str) -> Report {
    inspect(name, raw, Options::default()).0
}

/// Checks the text of one article and returns the article when it could be read.
pub fn inspect(name: &str, raw: &str, options: Options) -> (Report, Option<Article>) {
    let mut report = Report {
        name: name.to_owned(),
        findings: Vec::new(),
    };
    if let Err(e) = limits::check(raw) {
        report.findings.push(Finding::whole(e.to_string()));
        return (report, None);
    }
    let mut unknown = Vec::new();
    let parsed = json::parse(raw, &mut unknown);
    if let Err(ParseError::Syntax(pos, message)) = &parsed {
        report.findings.push(Finding {
            pos: *pos,
            ..Finding::whole(format!("not valid JSON: {message}"))
        });
        return (report, None);
    }
    let locator = Locator::new(raw);
    let known = json::known_fields();
    let mut findings: Vec<Finding> = unknown
        .into_iter()
        .map(|path| {
            let key = path.rsplit(['.', ']']).next().unwrap_or(&path).to_owned();
            let hint = json::suggestion(&key, known.iter().map(String::as_str))
                .map(|k| format!(" (did you mean \"{k}\"?)"))
                .unwrap_or_default();
            Finding {
                severity: Severity::Warning,
                pos: locator.position(&path),
                message: format!("unknown field \"{key}\"{hint}: evidence-article/1 ignores it"),
                path,
            }
        })
        .collect();
    let article = match parsed {
        Err(ParseError::Shape(path, pos, message)) => {
            let path = refine(&locator, path, pos, &message);
            findings.push(Finding {
                severity: Severity::Error,
                pos: locator.position(&path),
                path: if path.is_empty() { "$".into() } else { path },
                message: format!("not in the evidence-article format: {message}"),
            });
            None
        }
        Err(ParseError::Syntax(..)) => None,
        Ok(article) => {
            let problems = validate::validate(&article);
            let extra = analysis_findings(&article, &problems, options.strict);
            for (severity, path, message) in problems
                .into_iter()
                .map(|p| (p.severity, p.path, p.message))
                .chain(extra)
            {
                findings.push(Finding {
                    severity,
                    pos: locator.position(&path),
                    path: if path.is_empty() { "$".into() } else { path },
                    message,
                });
            }
            Some(article)
        }
    };
    // Source order; problems at one place keep their order.
    findings.sort_by_key(|f| f.pos);
    report.findings = findings;
    (report, article)
}

/// The path of a shape error: serde's, or a deeper one where the parser stopped
/// inside a value serde read as a whole (a block's `type`, read through serde's
/// buffering of tagged enums).
fn refine(locator: &Locator, path: String, pos: Pos, message: &str) -> String {
    let mut deeper = locator.path_at(pos);
    if !message.starts_with("missing field") && locator.end(deeper) == Some(pos) {
        // It may stop on the closing bracket after the offending value.
        let before = locator.last_ending_before(pos);
        if before.len() > deeper.len() {
            deeper = before;
        }
    }
    let extends = |d: &str| {
        d.len() > path.len()
            && d.starts_with(&path)
            && (path.is_empty() || d[path.len()..].starts_with(['.', '[']))
    };
    if extends(deeper) {
        deeper.to_owned()
    } else {
        path
    }
}

/// Checks one file on disk (refusing oversized files before reading them); also
/// returns the article and its text when they could be read.
pub fn check_file(
    path: &str,
    options: Options,
) -> Result<(Report, Option<(Article, String)>), CliError> {
    let len = std::fs::metadata(path)
        .map_err(|source| CliError::Read {
            path: path.to_owned(),
            source,
        })?
        .len();
    if len > MAX_BYTES as u64 {
        let n = usize::try_from(len).unwrap_or(usize::MAX);
        let report = Report {
            name: path.to_owned(),
            findings: vec![Finding::whole(LimitError::TooLarge(n).to_string())],
        };
        return Ok((report, None));
    }
    let raw = read_text(path)?;
    let (report, article) = inspect(path, &raw, options);
    Ok((report, article.map(|a| (a, raw))))
}

/// `check [--strict] FILE…`: the lines to print and the exit code.
pub fn command(args: &[String]) -> Result<(Vec<String>, i32), CliError> {
    let strict = args.iter().any(|a| a == "--strict");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--strict").collect();
    if let Some(bad) = files.iter().find(|f| f.starts_with("--")) {
        return Err(CliError::usage("check", format!("unknown option {bad:?}")));
    }
    if files.is_empty() {
        return Err(CliError::usage("check", "give at least one FILE.json"));
    }
    let mut lines = Vec::new();
    let mut code = EXIT_OK;
    for file in files {
        match check_file(file, Options { strict }) {
            Ok((report, _)) => {
                if report.errors() > 0 {
                    code = code.max(EXIT_ERRORS);
                }
                lines.extend(report.lines());
            }
            // An unreadable file does not stop the others from being checked.
            Err(e) => {
                code = code.max(e.exit_code());
                lines.push(e.to_string());
            }
        }
    }
    Ok((lines, code))
}
