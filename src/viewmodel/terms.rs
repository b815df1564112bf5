//! Glossary marks: the first use of each term the audience is shown in a section
//! becomes a button that opens its definition, and an abbreviation is expanded after
//! its first use where the audience needs it. A mark's number depends only on the
//! section and the glossary entry, so it is the same for every audience.

use super::section::{Builder, SectionScope};
use super::Node;

impl Builder<'_> {
    pub(super) fn mark_terms(&mut self, text: &str, sc: &mut SectionScope, out: &mut Vec<Node>) {
        // Folded once per text (ASCII folding keeps byte offsets), and each candidate's
        // next match remembered until the marking passes it: the text is searched once
        // per candidate, not once per candidate per mark.
        let lower = text.to_ascii_lowercase();
        let mut next: Vec<Option<Option<(usize, usize)>>> =
            vec![None; self.reader.candidates.len()];
        let mut at = 0;
        loop {
            let mut best: Option<(usize, usize, usize)> = None; // (pos, len, entry)
            for (ci, &e) in self.reader.candidates.iter().enumerate() {
                if sc.used.contains(&e) {
                    continue;
                }
                let found = match next[ci] {
                    Some(Some((p, l))) if p >= at => Some((p, l)),
                    Some(None) => None,
                    _ => {
                        let entry = &self.article.glossary[e];
                        let f = if entry.is_abbreviation() {
                            find_word(text, at, &entry.term)
                        } else {
                            find_word(&lower, at, &self.prepared.folded[e])
                        };
                        next[ci] = Some(f);
                        f
                    }
                };
                if let Some((pos, len)) = found {
                    let better = match best {
                        None => true,
                        Some((bp, bl, _)) => pos < bp || (pos == bp && len > bl),
                    };
                    if better {
                        best = Some((pos, len, e));
                    }
                }
            }
            let Some((pos, len, e)) = best else { break };
            let rest = &text[at..];
            let (pos, after) = (pos - at, pos + len - at);
            let mut before = &rest[..pos];
            let lead = match before.chars().next_back() {
                Some(c) if "([{\u{201c}\u{2018}\"'".contains(c) => {
                    before = &before[..before.len() - c.len_utf8()];
                    c.to_string()
                }
                _ => String::new(),
            };
            if !before.is_empty() {
                out.push(Node::Text(before.to_owned()));
            }
            let (lower_rest, lead_len) = (&lower[at..], lead.len());
            sc.seen_lower.push_str(&lower_rest[..pos - lead_len]);
            sc.seen_lower.push_str(&lead);
            let matched = &rest[pos..after];
            let occurrence = sc.index * self.article.glossary.len() + e;
            out.push(Node::Term {
                entry: e,
                text: matched.to_owned(),
                occurrence,
                lead,
            });
            sc.used.insert(e);
            let entry = &self.article.glossary[e];
            if let Some(exp) = &entry.expansion {
                let exp = exp.to_ascii_lowercase();
                let already = sc.seen_lower.contains(&exp)
                    || lower_rest[after..]
                        .trim_start()
                        .strip_prefix('(')
                        .is_some_and(|r| r.starts_with(&exp));
                if self.reader.audience.expands_abbreviations() && !already {
                    out.push(Node::Expansion(format!(
                        " ({})",
                        entry.expansion.as_deref().unwrap_or_default()
                    )));
                }
            }
            sc.seen_lower.push_str(&lower_rest[pos..after]);
            at += after;
        }
        let rest = &text[at..];
        if !rest.is_empty() {
            sc.seen_lower.push_str(&lower[at..]);
            out.push(Node::Text(rest.to_owned()));
        }
    }
}

/// Whole-word search for `needle` in `hay` from byte `from` on (a match at `from`
/// counts as starting at a boundary): the caller folds both to lower case for a
/// word term and leaves an abbreviation as written (case-sensitive). Neighbours must
/// not be letters, digits or hyphens (so "ILD" is not found inside "RP-ILD").
/// Returns the match's byte position in `hay` and its length.
fn find_word(hay: &str, from: usize, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-'));
    let step = needle.chars().next().map_or(1, char::len_utf8);
    let start = from;
    let mut from = from;
    while let Some(p) = hay.get(from..)?.find(needle) {
        let pos = from + p;
        if (pos == start || boundary(hay[..pos].chars().next_back()))
            && boundary(hay[pos + needle.len()..].chars().next())
        {
            return Some((pos, needle.len()));
        }
        from = pos + step;
    }
    None
}
