//! Findings with their place in the source, and the per-file report `check` prints
//! (`FILE:LINE:COL: error|warning: PATH: message`, then a summary line).

use super::locate::Pos;
use crate::model::validate::Severity;

/// One problem with its place in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Line and column in the file.
    pub pos: Pos,
    /// JSON path in the validator's notation (`$` for the whole document).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl Finding {
    /// An error about the whole document, at its start.
    pub fn whole(message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            pos: Pos::START,
            path: "$".into(),
            message: message.into(),
        }
    }
}

/// The outcome of checking one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The name the file is shown under.
    pub name: String,
    /// Every problem, in source order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// The printed lines: one per finding, then the summary.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .findings
            .iter()
            .map(|f| {
                let sev = match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                format!(
                    "{}:{}:{}: {sev}: {}: {}",
                    self.name, f.pos.line, f.pos.col, f.path, f.message
                )
            })
            .collect();
        out.push(self.summary());
        out
    }

    /// `NAME: 2 errors, 1 warning`.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}: {}, {}",
            self.name,
            plural(self.errors(), "error"),
            plural(self.warnings(), "warning")
        )
    }
}
