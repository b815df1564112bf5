//! Validation: one pure pass that returns every problem at once, each with a precise
//! path (`sections[1].subsections[0].blocks[2].text.plain`) and a message a medical
//! writer can act on. Errors block rendering; warnings never do.

use std::collections::HashSet;

use super::Article;

mod article;
mod checker;
mod href;
mod notes;
mod sections;

pub(crate) use checker::truncate;
pub use href::safe_href;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The article cannot be shown as it is.
    Error,
    /// Worth fixing; the article still renders.
    Warning,
}

/// One problem found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where, in JSON path notation.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}: {}: {}", self.path, self.message)
    }
}

/// Validates an article; an empty result means it is fine to render.
pub fn validate(article: &Article) -> Vec<Problem> {
    let mut c = checker::Checker {
        article,
        ref_ids: HashSet::new(),
        cited: HashSet::new(),
        section_ids: HashSet::new(),
        problems: Vec::new(),
    };
    c.fields();
    c.audiences();
    c.references();
    let plain_audience = article
        .audiences
        .values()
        .any(|chain| chain.iter().any(|r| r == super::text::PLAIN));
    c.reference_texts(plain_audience);
    c.editor_notes(plain_audience);
    c.text("question", &article.question, false);
    if article.sections.is_empty() {
        c.error("sections", "the article has no sections");
    }
    for (i, s) in article.sections.iter().enumerate() {
        c.section(&checker::indexed("sections", i, ""), s, 1);
    }
    c.glossary();
    c.text("disclaimer.title", &article.disclaimer.title, false);
    c.text("disclaimer.text", &article.disclaimer.text, false);
    c.text("follow-up.prompt", &article.follow_up.prompt, false);
    c.uncited();
    c.problems
}

/// Only errors, for deciding whether to render.
pub fn errors(problems: &[Problem]) -> impl Iterator<Item = &Problem> {
    problems.iter().filter(|p| p.severity == Severity::Error)
}

/// A real calendar date in `YYYY-MM-DD` form.
pub fn is_real_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|x| x.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|x| x.parse::<u32>().ok())
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1000 && (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real() {
        assert!(is_real_date("2025-05-30"));
        assert!(is_real_date("2024-02-29"));
        assert!(!is_real_date("2023-02-29"));
        assert!(!is_real_date("2025-13-01"));
        assert!(!is_real_date("2025-5-30"));
        assert!(!is_real_date("May 30, 2025"));
    }
}
