//! `stats FILE.json`: the reading level and coverage tables of one article (the
//! same figures as `check` and the studio, from [`crate::analysis`]).

use super::check::{check_file, Options};
use super::error::CliError;
use super::{EXIT_ERRORS, EXIT_OK};
use crate::analysis::{self, ReadingReport, TextReading};
use crate::model::Article;

fn row(label: &str, c: analysis::Counts, grade: f64, note: &str) -> String {
    format!(
        "  {label:<58} {:>6} {:>5} {:>6} {:>6.1}{note}",
        c.words, c.sentences, c.syllables, grade
    )
}

fn text_rows(out: &mut Vec<String>, texts: &[TextReading]) {
    for t in texts {
        let mut note = String::new();
        if t.is_too_hard() {
            note.push_str(&format!("  above {}", t.limit()));
        }
        if !t.has_plain {
            note.push_str("  (no plain version: professional text measured)");
        }
        out.push(row(&t.path, t.counts, t.grade, &note));
    }
}

/// The reading-level table.
pub fn reading_table(r: &ReadingReport) -> Vec<String> {
    let header = format!(
        "  {:<58} {:>6} {:>5} {:>6} {:>6}",
        "text (what a plain-language reader reads)", "words", "sent", "syll", "grade"
    );
    let mut out = vec![
        format!(
            "Reading level (Flesch–Kincaid grade; target {} or below overall and for each popover text, {} for any one article text)",
            r.target,
            analysis::reading::BLOCK_LIMIT
        ),
        header.clone(),
    ];
    text_rows(&mut out, &r.texts);
    let verdict = if r.meets_target() {
        "  meets the target"
    } else {
        "  ABOVE THE TARGET"
    };
    out.push(row("WHOLE ARTICLE", r.overall, r.grade, verdict));
    out.push(String::new());
    out.push("Popover texts (findings, certainty, editor's notes)".into());
    out.push(header);
    text_rows(&mut out, &r.popovers);
    out.push(String::new());
    out.push("Hardest sentences".into());
    for (i, s) in r.hardest.iter().enumerate() {
        out.push(format!(
            "  {}. grade {:.1}  {} (sentence {}): {}",
            i + 1,
            s.grade,
            s.path,
            s.index + 1,
            s.text
        ));
    }
    out
}

/// The coverage table.
pub fn coverage_table(article: &Article) -> Vec<String> {
    let findings = analysis::coverage(article);
    let mut out = vec![format!("Coverage ({} finding(s))", findings.len())];
    if findings.is_empty() {
        out.push("  nothing left unexplained or unconnected".into());
    }
    for f in findings {
        let kind = serde_json::to_value(f.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        out.push(format!("  {kind:<19} {}: {}", f.path, f.message));
    }
    out
}

/// `stats`: the tables (exit 0), or the check's findings when the file is not an
/// article (exit 1).
pub fn command(args: &[String]) -> Result<(Vec<String>, i32), CliError> {
    let [file] = args else {
        return Err(CliError::usage("stats", "give one FILE.json"));
    };
    if file.starts_with('-') {
        return Err(CliError::usage("stats", format!("unknown option {file:?}")));
    }
    let (report, read) = check_file(file, Options::default())?;
    let Some((article, _)) = read else {
        return Ok((report.lines(), EXIT_ERRORS));
    };
    let mut out = vec![file.clone(), String::new()];
    out.extend(reading_table(&analysis::reading(&article)));
    out.push(String::new());
    out.extend(coverage_table(&article));
    out.push(String::new());
    out.push(report.summary());
    Ok((out, EXIT_OK))
}
