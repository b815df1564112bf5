//! The authoring analysis ([`crate::analysis`]) as `check` findings: the reading
//! level of the plain-language text and the coverage gaps, as warnings, or as
//! errors with `--strict` (glossary candidates, which are guesses, stay warnings).
//! A gap the validator already reports as an error is not repeated.

use crate::analysis::{self, reading::TextReading, CoverageKind};
use crate::model::validate::{Problem, Severity};
use crate::model::Article;

fn grade_message(t: &TextReading) -> String {
    let what = if t.limit() < analysis::reading::BLOCK_LIMIT {
        "a popover text"
    } else {
        "one heading, paragraph or list item"
    };
    format!(
        "the plain-language text reads at grade {:.1} (Flesch–Kincaid); aim for {} or below for {what}: use shorter sentences and words",
        t.grade,
        t.limit()
    )
}

/// `(severity, path, message)` for every reading-level and coverage finding of
/// `article` not already among `problems`.
pub fn analysis_findings(
    article: &Article,
    problems: &[Problem],
    strict: bool,
) -> Vec<(Severity, String, String)> {
    let severity = |hint: bool| {
        if strict && !hint {
            Severity::Error
        } else {
            Severity::Warning
        }
    };
    let mut out = Vec::new();
    let r = analysis::reading(article);
    if !r.meets_target() {
        let hardest: Vec<String> = r
            .hardest
            .iter()
            .map(|s| format!("{} (grade {:.1}, {})", s.text, s.grade, s.path))
            .collect();
        out.push((
            severity(false),
            String::new(),
            format!(
                "the plain-language text reads at grade {:.1} overall (Flesch–Kincaid); the target is {} or below. Hardest sentences: {}",
                r.grade,
                r.target,
                hardest.join("; ")
            ),
        ));
    }
    for t in r.too_hard() {
        out.push((severity(false), t.path.clone(), grade_message(t)));
    }
    let reported = |path: &str| {
        problems
            .iter()
            .any(|p| p.severity == Severity::Error && p.path == path)
    };
    for f in analysis::coverage(article) {
        let validated = !matches!(
            f.kind,
            CoverageKind::Abbreviation | CoverageKind::GlossaryCandidate
        );
        if !(validated && reported(&f.path)) {
            out.push((severity(f.kind.is_hint()), f.path, f.message));
        }
    }
    out
}
