//! Validation: one pure pass that returns every problem at once, each with a precise
//! path (`sections[1].subsections[0].blocks[2].text.plain`) and a message a medical
//! writer can act on. Errors block rendering; warnings never do.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::finding::{self, Finding};
use super::freshness::MAX_REVIEW_INTERVAL_MONTHS;
use super::inline::{self, Inline};
use super::notes::{self, NoteAnchorError};
use super::text::{KNOWN_REGISTERS, PLAIN, PROFESSIONAL};
use super::{Article, Audience, Block, ReviewStatus, Section, Text, FORMAT_V1};

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

struct Checker<'a> {
    article: &'a Article,
    // Owned keys throughout: each distinct key type is another copy of hashbrown's
    // code in the wasm (`HashSet<String>` and `HashMap<String, usize>` exist anyway).
    ref_ids: HashSet<String>,
    cited: HashSet<String>,
    section_ids: HashSet<String>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
        });
    }

    fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            severity: Severity::Warning,
            path: path.into(),
            message: message.into(),
        });
    }

    /// The registers of a text worth checking further, each with its path: unknown
    /// registers are warned about and empty ones are errors (both left out).
    fn registers<'t>(&mut self, path: &str, text: &'t Text) -> Vec<(String, &'t str, &'t str)> {
        let mut out = Vec::new();
        for (register, value) in text.entries() {
            let p = if text.is_single() {
                path.to_owned()
            } else {
                format!("{path}.{register}")
            };
            if !KNOWN_REGISTERS.contains(&register) {
                self.warn(&p, format!("\"{register}\" is not a register this version knows (professional, plain); it is ignored"));
            } else if value.trim().is_empty() {
                self.error(&p, "the text is empty");
            } else {
                out.push((p, register, value));
            }
        }
        out
    }

    /// Checks one text field; `needs_plain` asks for a plain-language version.
    fn text(&mut self, path: &str, text: &Text, needs_plain: bool) {
        let mut cite_sets: Vec<(&str, BTreeSet<String>)> = Vec::new();
        if !text
            .entries()
            .iter()
            .any(|(r, _)| KNOWN_REGISTERS.contains(r))
        {
            self.error(
                path,
                "the text is empty: give it professional (and, where needed, plain) text",
            );
        }
        for (p, register, value) in self.registers(path, text) {
            let tree = inline::parse(value);
            let mut set = BTreeSet::new();
            for group in inline::citations(&tree) {
                for key in group {
                    if self.ref_ids.contains(key.as_str()) {
                        self.cited.insert(key.clone());
                    } else {
                        self.error(&p, format!("[@{key}] is not a reference id"));
                    }
                    set.insert(key);
                }
            }
            for broken in inline::broken_links(value) {
                self.error(
                    &p,
                    format!(
                        "\"{}\" is not a link: a link target has no spaces and its parentheses balance (put a target with spaces inside <…>)",
                        truncate(&broken)
                    ),
                );
            }
            for href in inline::links(&tree) {
                if href.trim().is_empty() {
                    self.error(&p, "a link has no target");
                } else if !safe_href(&href) {
                    self.error(
                        &p,
                        format!(
                            "the link \"{}\" is not allowed: only http, https, mailto or relative links are",
                            truncate(&href)
                        ),
                    );
                }
            }
            check_no_empty_markup(&tree, &p, self);
            cite_sets.push((register, set));
        }
        let has_prof = text.get(PROFESSIONAL).is_some();
        if needs_plain && has_prof && text.get(PLAIN).is_none() {
            self.error(
                join(path, ".plain"),
                "plain-language text is missing (every block with professional text needs one)",
            );
        }
        if let (Some(prof), Some(plain)) = (
            cite_sets.iter().find(|(r, _)| *r == PROFESSIONAL),
            cite_sets.iter().find(|(r, _)| *r == PLAIN),
        ) {
            if prof.1 != plain.1 {
                self.error(join(path, ".plain"), format!(
                    "cites {} but the professional text cites {}: both versions must cite the same sources",
                    fmt_keys(&plain.1), fmt_keys(&prof.1)
                ));
            }
        }
    }

    /// Checks a text shown as written, without inline markup (a reference's finding
    /// and certainty, an editor's note): known registers, not empty, and a plain
    /// version when the article declares a plain-language audience.
    fn prose(&mut self, path: &str, text: &Text, plain_audience: bool) {
        self.registers(path, text);
        if plain_audience && text.get(PROFESSIONAL).is_some() && text.get(PLAIN).is_none() {
            self.error(
                join(path, ".plain"),
                "plain-language text is missing (the article has an audience that reads plain language, so this needs a plain version)",
            );
        }
    }

    /// Checks one structured finding: its texts (a plain version of every text when
    /// the article has a plain-language audience) and its numbers.
    fn finding(&mut self, path: &str, f: &Finding, plain_audience: bool) {
        self.prose(&join(path, ".measure"), &f.measure, plain_audience);
        // Every finding is drawn for lay readers too: its reading always needs plain text.
        self.prose(&join(path, ".reading"), &f.reading, true);
        if let Some(t) = &f.estimate_name {
            self.prose(&join(path, ".estimate-name"), t, plain_audience);
        }
        if let Some(t) = &f.unit {
            self.prose(&join(path, ".unit"), t, plain_audience);
        }
        for (i, g) in f.groups.iter().enumerate() {
            self.prose(
                &indexed(&join(path, ".groups"), i, ".label"),
                &g.label,
                plain_audience,
            );
        }
        for (p, m) in finding::problems(f) {
            self.error(format!("{path}.{p}"), m);
        }
    }

    fn section(&mut self, path: &str, s: &Section, depth: usize) {
        if depth > 3 {
            self.error(path, "sections nest more than 3 levels deep");
            return;
        }
        self.text(&join(path, ".title"), &s.title, false);
        if let Some(id) = &s.id {
            let ok = !id.is_empty()
                && id.len() <= 64
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !ok {
                self.error(
                    join(path, ".id"),
                    "a section id uses only a-z, 0-9 and hyphens (at most 64)",
                );
            } else if !self.section_ids.insert(id.clone()) {
                self.error(
                    join(path, ".id"),
                    format!("the section id \"{id}\" is used twice"),
                );
            }
        }
        for (i, b) in s.blocks.iter().enumerate() {
            let bp = indexed(&join(path, ".blocks"), i, "");
            match b {
                Block::Paragraph { text } => self.text(&join(&bp, ".text"), text, true),
                Block::List { items } => {
                    if items.is_empty() {
                        self.error(&bp, "the list has no items");
                    }
                    for (j, item) in items.iter().enumerate() {
                        self.text(&indexed(&join(&bp, ".items"), j, ".text"), &item.text, true);
                    }
                }
                Block::Findings => {
                    if self
                        .article
                        .references
                        .iter()
                        .all(|r| r.findings.is_empty())
                    {
                        self.warn(
                            &bp,
                            "no reference has findings, so this block shows nothing",
                        );
                    }
                }
            }
        }
        if s.blocks.is_empty() && s.subsections.is_empty() {
            self.warn(path, "the section is empty");
        }
        for (i, sub) in s.subsections.iter().enumerate() {
            self.section(&indexed(&join(path, ".subsections"), i, ""), sub, depth + 1);
        }
    }
}

fn check_no_empty_markup(tree: &[Inline], path: &str, c: &mut Checker<'_>) {
    for n in tree {
        if let Inline::Link { children, .. } = n {
            if children.is_empty() {
                c.error(path, "a link has no text");
            }
        }
    }
}

/// `{path}{rest}`: paths are built on every check, and a `format!` at each of ~40 call
/// sites costs more wasm than one shared function.
fn join(path: &str, rest: &str) -> String {
    let mut s = String::with_capacity(path.len() + rest.len());
    s.push_str(path);
    s.push_str(rest);
    s
}

/// `{prefix}[{i}]{rest}`.
fn indexed(prefix: &str, i: usize, rest: &str) -> String {
    let mut s = join(prefix, "[");
    s.push_str(&i.to_string());
    s.push(']');
    s.push_str(rest);
    s
}

fn fmt_keys(set: &BTreeSet<String>) -> String {
    if set.is_empty() {
        return "nothing".into();
    }
    set.iter()
        .map(|k| format!("[@{k}]"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// At most 60 characters of `s`, without control characters, for messages.
pub(crate) fn truncate(s: &str) -> String {
    let t: String = s.chars().filter(|c| !c.is_control()).take(60).collect();
    if s.chars().count() > 60 {
        format!("{t}…")
    } else {
        t
    }
}

/// Validates an article; an empty result means it is fine to render.
pub fn validate(article: &Article) -> Vec<Problem> {
    let mut c = Checker {
        article,
        ref_ids: HashSet::new(),
        cited: HashSet::new(),
        section_ids: HashSet::new(),
        problems: Vec::new(),
    };
    if article.format != FORMAT_V1 {
        c.error(
            "format",
            format!(
                "expected \"{FORMAT_V1}\", found \"{}\"",
                truncate(&article.format)
            ),
        );
    }
    if article.id.trim().is_empty() {
        c.error("id", "the article id is empty");
    }
    if article.publisher.name.trim().is_empty() {
        c.error("publisher.name", "the publisher name is empty");
    }
    if ReviewStatus::parse(&article.review.status).is_none() {
        c.error(
            "review.status",
            format!(
                "\"{}\" is not a review status: use submitted, under-review or approved",
                truncate(&article.review.status)
            ),
        );
    }
    if !is_real_date(&article.last_updated) {
        c.error(
            "last-updated",
            format!(
                "\"{}\" is not a real date in the form YYYY-MM-DD",
                truncate(&article.last_updated)
            ),
        );
    }
    if let Some(p) = &article.editorial_policy {
        if !safe_href(p) {
            c.error(
                "editorial-policy",
                "only http, https, mailto or relative links are allowed",
            );
        }
    }
    for (aud, chain) in &article.audiences {
        if Audience::from_id(aud).is_none() {
            c.warn(
                format!("audiences.{aud}"),
                "not an audience this version knows (patient, student, nurse, physician)",
            );
        }
        for (i, r) in chain.iter().enumerate() {
            if !KNOWN_REGISTERS.contains(&r.as_str()) {
                c.error(
                    format!("audiences.{aud}[{i}]"),
                    format!(
                        "\"{}\" is not a register (professional, plain)",
                        truncate(r)
                    ),
                );
            }
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, r) in article.references.iter().enumerate() {
        if r.id.trim().is_empty() {
            c.error(indexed("references", i, ".id"), "the reference id is empty");
        } else if let Some(first) = seen.insert(r.id.clone(), i) {
            c.error(
                indexed("references", i, ".id"),
                format!("\"{}\" is also the id of references[{first}]", r.id),
            );
        }
        if r.title.trim().is_empty() {
            c.error(indexed("references", i, ".title"), "the title is empty");
        }
        if let Some(u) = &r.url {
            let lower = u.trim().to_ascii_lowercase();
            if !safe_href(u) || !(lower.starts_with("https://") || lower.starts_with("http://")) {
                c.error(
                    indexed("references", i, ".URL"),
                    "a reference URL must be an absolute http or https address",
                );
            }
        }
        if let Some(issued) = &r.issued {
            let ok = issued
                .date_parts
                .first()
                .is_some_and(|p| match p.as_slice() {
                    [y] => (1000..=9999).contains(y),
                    [y, m] => (1000..=9999).contains(y) && (1..=12).contains(m),
                    [y, m, d] => is_real_date(&format!("{y:04}-{m:02}-{d:02}")),
                    _ => false,
                });
            if !ok {
                c.error(
                    indexed("references", i, ".issued"),
                    "date-parts is not a real date ([[year, month?, day?]])",
                );
            }
        }
    }
    c.ref_ids = seen.into_keys().collect();
    let plain_audience = article
        .audiences
        .values()
        .any(|chain| chain.iter().any(|r| r == PLAIN));
    for (i, r) in article.references.iter().enumerate() {
        if let Some(t) = &r.key_finding {
            c.prose(&indexed("references", i, ".key-finding"), t, plain_audience);
        }
        if let Some(t) = &r.certainty {
            c.prose(&indexed("references", i, ".certainty"), t, plain_audience);
        }
        for (j, f) in r.findings.iter().enumerate() {
            c.finding(&format!("references[{i}].findings[{j}]"), f, plain_audience);
        }
    }
    if let Some(m) = article.review_interval_months {
        if !(1..=MAX_REVIEW_INTERVAL_MONTHS).contains(&m) {
            c.error(
                "review-interval-months",
                format!("{m} is not a review interval: give a number of months from 1 to {MAX_REVIEW_INTERVAL_MONTHS}"),
            );
        }
    }
    let mut anchors = HashMap::new();
    // Only built when there are notes: it flattens every block once.
    let locator = (!article.editor_notes.is_empty()).then(|| notes::Locator::new(article));
    let texts = notes::block_texts(article);
    for (i, n) in article.editor_notes.iter().enumerate() {
        let p = indexed("editor-notes", i, "");
        c.prose(&join(&p, ".note"), &n.note, plain_audience);
        if !c.ref_ids.contains(n.source.as_str()) {
            c.error(
                join(&p, ".source"),
                format!("\"{}\" is not a reference id", truncate(&n.source)),
            );
            continue;
        }
        let Some(locator) = &locator else { break };
        match locator.locate(&n.source, &n.sentence) {
            Ok(anchor) => {
                let plain_groups = texts
                    .get(anchor.block)
                    .and_then(|t| t.get(PLAIN))
                    .map(|t| {
                        inline::citations(&inline::parse(t))
                            .iter()
                            .filter(|g| g.contains(&n.source))
                            .count()
                    });
                if plain_groups.is_some_and(|k| k <= anchor.nth) {
                    c.error(
                        join(&p, ".sentence"),
                        format!(
                            "the plain text of that paragraph or item cites [@{}] only {} time(s), so plain-language readers would not see the note: cite it in the same groups as the professional text",
                            n.source,
                            plain_groups.unwrap_or(0)
                        ),
                    );
                }
                if let Some(first) = anchors.insert((anchor, n.source.as_str()), i) {
                    c.error(
                        &p,
                        format!("editor-notes[{first}] is already attached to the same citation"),
                    );
                }
            }
            Err(NoteAnchorError::NotFound) => c.error(
                join(&p, ".sentence"),
                format!(
                    "no professional text has these words followed, in the same sentence, by a citation of [@{}]: quote the sentence as written",
                    n.source
                ),
            ),
            Err(NoteAnchorError::Ambiguous(k)) => c.error(
                join(&p, ".sentence"),
                format!(
                    "these words are followed by a citation of [@{}] in {k} places: quote more of the sentence so they name one",
                    n.source
                ),
            ),
        }
    }
    c.text("question", &article.question, false);
    if article.sections.is_empty() {
        c.error("sections", "the article has no sections");
    }
    for (i, s) in article.sections.iter().enumerate() {
        c.section(&indexed("sections", i, ""), s, 1);
    }
    let mut terms: HashSet<String> = HashSet::new();
    for (i, g) in article.glossary.iter().enumerate() {
        if g.term.trim().is_empty() || g.definition.trim().is_empty() {
            c.error(
                indexed("glossary", i, ""),
                "a glossary entry needs a term and a definition",
            );
        } else if !terms.insert(g.term.clone()) {
            c.error(
                indexed("glossary", i, ".term"),
                format!("\"{}\" is defined twice", g.term),
            );
        }
    }
    c.text("disclaimer.title", &article.disclaimer.title, false);
    c.text("disclaimer.text", &article.disclaimer.text, false);
    c.text("follow-up.prompt", &article.follow_up.prompt, false);
    for (i, r) in article.references.iter().enumerate() {
        if !r.id.is_empty() && !c.cited.contains(&r.id) {
            c.error(
                indexed("references", i, ""),
                format!("\"{}\" is never cited in the text", r.id),
            );
        }
    }
    let _ = c.article;
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

/// Whether a link target may be rendered: relative, or http/https/mailto. The scheme
/// is read after undoing the disguises browsers forgive: HTML entities,
/// percent-encoding, control characters, whitespace and mixed case.
pub fn safe_href(href: &str) -> bool {
    let normalized = normalize_for_scheme(href);
    let scheme_end = normalized.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if normalized.as_bytes()[i] == b':' => {
            matches!(&normalized[..i], "http" | "https" | "mailto")
        }
        _ => true,
    }
}

fn normalize_for_scheme(href: &str) -> String {
    let mut s = href.to_owned();
    // Layers can be stacked (`&amp;#58;`, `%253A`): undo a few rounds.
    for _ in 0..4 {
        let next = super::encoding::percent_decode(&decode_entities(&s), false);
        if next == s {
            break;
        }
        s = next;
    }
    s.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace() && *c != '\u{feff}' && *c != '\u{200b}')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        // Numeric references end at the first non-digit, with or without `;` (as
        // browsers read them: `&#106avascript:` is `javascript:`).
        let numeric = |digits_from: usize, radix: u32| {
            let digits = after[digits_from..]
                .bytes()
                .take_while(|b| (*b as char).is_digit(radix))
                .count();
            let end = digits_from + digits;
            let c = (digits > 0).then(|| {
                u32::from_str_radix(&after[digits_from..end], radix)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}')
            });
            (end, c)
        };
        let (end, decoded) = if after.starts_with("#x") || after.starts_with("#X") {
            numeric(2, 16)
        } else if after.starts_with('#') {
            numeric(1, 10)
        } else {
            let end = after
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(after.len());
            let c = match after[..end].to_ascii_lowercase().as_str() {
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                "sol" => Some('/'),
                "amp" => Some('&'),
                "lpar" => Some('('),
                "rpar" => Some(')'),
                _ => None,
            };
            (end, c)
        };
        let name = &after[..end];
        match decoded {
            Some(c) if !name.is_empty() => {
                out.push(c);
                let skip = if after[end..].starts_with(';') {
                    end + 1
                } else {
                    end
                };
                rest = &after[skip..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disguised_schemes_are_rejected() {
        for bad in [
            "javascript:alert(1)",
            "JaVa\tscript:alert(1)",
            " \u{1}javascript:x",
            "java\nscript:x",
            "javascript&#58;x",
            "javascript&colon;x",
            "&#x6A;avascript:x",
            "javascript%3Ax",
            "&#106avascript:x",
            "%6Aavascript:x",
            "data:text/html,x",
            "vbscript:x",
            "javascript&amp;#58;x",
            "%256Aavascript:x",
        ] {
            assert!(!safe_href(bad), "{bad:?} should be rejected");
        }
        for good in [
            "https://doi.org/10.1/x",
            "http://a.b",
            "mailto:a@b.c",
            "editorial-policy.html",
            "/x?y=1:2",
            "#refs",
        ] {
            assert!(safe_href(good), "{good:?} should be allowed");
        }
    }

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
