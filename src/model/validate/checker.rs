//! The checker every validation rule reports to, and the checks of inline text that
//! all text fields share: registers, citations, links and the plain-language twin.

use std::collections::{BTreeSet, HashSet};

use crate::model::inline::{self, Inline};
use crate::model::text::{KNOWN_REGISTERS, PLAIN, PROFESSIONAL};
use crate::model::{Article, Text};

use super::{safe_href, Problem, Severity};

pub(super) struct Checker<'a> {
    pub(super) article: &'a Article,
    // Owned keys throughout: each distinct key type is another copy of hashbrown's
    // code in the wasm (`HashSet<String>` and `HashMap<String, usize>` exist anyway).
    pub(super) ref_ids: HashSet<String>,
    pub(super) cited: HashSet<String>,
    pub(super) section_ids: HashSet<String>,
    pub(super) problems: Vec<Problem>,
}

impl Checker<'_> {
    pub(super) fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
        });
    }

    pub(super) fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
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
                let mut p = join(path, ".");
                p.push_str(register);
                p
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
    pub(super) fn text(&mut self, path: &str, text: &Text, needs_plain: bool) {
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
    pub(super) fn prose(&mut self, path: &str, text: &Text, plain_audience: bool) {
        self.registers(path, text);
        if plain_audience && text.get(PROFESSIONAL).is_some() && text.get(PLAIN).is_none() {
            self.error(
                join(path, ".plain"),
                "plain-language text is missing (the article has an audience that reads plain language, so this needs a plain version)",
            );
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
pub(super) fn join(path: &str, rest: &str) -> String {
    let mut s = String::with_capacity(path.len() + rest.len());
    s.push_str(path);
    s.push_str(rest);
    s
}

/// `{prefix}[{i}]{rest}`.
pub(super) fn indexed(prefix: &str, i: usize, rest: &str) -> String {
    let mut s = join(prefix, "[");
    // Digits pushed by hand: `to_string` goes through the formatting machinery, and a
    // path is built for every checked value, valid or not.
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut n = i;
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.extend(digits[k..].iter().map(|&d| char::from(d)));
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

#[cfg(test)]
mod tests {
    use super::{indexed, join};

    #[test]
    fn paths_are_built_with_their_index_in_decimal() {
        for i in [0, 7, 10, 99, 123, 4_096, usize::MAX] {
            assert_eq!(
                indexed("sections", i, ".text"),
                format!("sections[{i}].text")
            );
        }
        assert_eq!(join("a.b", ".plain"), "a.b.plain");
    }
}
