//! The inline markup of article text: `**strong**`, `*emphasis*`, `[text](url)` and
//! Pandoc-style citations `[@key]` / `[@a; @b]`, with `\` escaping ASCII punctuation.
//! Emphasis and links follow CommonMark (tests/inline_oracle.rs compares the two).
//! Anything that does not form one of these is literal text, so no input is an
//! error here and none can panic; the renderer turns the tree into DOM nodes, never
//! into an HTML string.

/// One node of parsed inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Literal text.
    Text(String),
    /// `**strong**`.
    Strong(Vec<Inline>),
    /// `*emphasis*`.
    Emph(Vec<Inline>),
    /// `[text](href)`; the href is checked by the validator and again by the renderer.
    Link {
        /// Raw target as written.
        href: String,
        /// Link text.
        children: Vec<Inline>,
    },
    /// A citation group: reference ids in the author's order.
    Cite(Vec<String>),
}

/// Nesting deeper than this is kept as literal text (bounds recursion).
const MAX_NESTING: usize = 4;

/// CommonMark's limit on unescaped parentheses nested in a link destination.
pub(super) const MAX_PAREN_DEPTH: usize = 32;

/// Parses inline markup into a tree.
pub fn parse(src: &str) -> Vec<Inline> {
    parse_at(src, 0)
}

fn parse_at(src: &str, depth: usize) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    // Once a closer is missing after some position it is missing after every later
    // one: remembering that keeps adversarial input ("****…") linear.
    let mut no_double_star = false;
    let mut no_star = false;
    let mut no_bracket = false;
    let mut i = 0;
    let bytes = src.as_bytes();
    while i < src.len() {
        // Only `\`, `[` and `*` can start markup (all ASCII, so any other byte run
        // ends on a character boundary): copy the text up to the next one at once
        // instead of testing every character.
        if !matches!(bytes[i], b'\\' | b'[' | b'*') {
            let run = bytes[i..]
                .iter()
                .position(|b| matches!(b, b'\\' | b'[' | b'*'))
                .map_or(src.len(), |n| i + n);
            text.push_str(&src[i..run]);
            i = run;
            continue;
        }
        let rest = &src[i..];
        let flush = |text: &mut String, out: &mut Vec<Inline>| {
            if !text.is_empty() {
                out.push(Inline::Text(std::mem::take(text)));
            }
        };
        if let Some(c) = escaped(rest) {
            text.push(c);
            i += 2;
            continue;
        }
        if depth < MAX_NESTING {
            if rest.starts_with("[@") && !no_bracket {
                // A citation group ends at the first `]`; a `[` first means it is not one.
                match rest[1..].find(['[', ']']) {
                    Some(end) if rest.as_bytes()[1 + end] == b']' => {
                        if let Some(keys) = parse_cite_keys(&rest[1..1 + end]) {
                            flush(&mut text, &mut out);
                            out.push(Inline::Cite(keys));
                            i += 1 + end + 1;
                            continue;
                        }
                    }
                    Some(_) => {}
                    None => no_bracket = true,
                }
            } else if rest.starts_with('[') {
                if let Some((label, href, used)) = link_at(rest) {
                    flush(&mut text, &mut out);
                    out.push(Inline::Link {
                        href,
                        children: parse_at(label, depth + 1),
                    });
                    i += used;
                    continue;
                }
            } else if rest.starts_with("**") && !no_double_star {
                if opens(&rest[2..]) {
                    match closer(&rest[2..], 2) {
                        Some(end) => {
                            flush(&mut text, &mut out);
                            out.push(Inline::Strong(parse_at(&rest[2..2 + end], depth + 1)));
                            i += 2 + end + 2;
                            continue;
                        }
                        None => no_double_star = true,
                    }
                }
            } else if rest.starts_with('*') && !no_star && opens(&rest[1..]) {
                match closer(&rest[1..], 1) {
                    Some(end) => {
                        flush(&mut text, &mut out);
                        out.push(Inline::Emph(parse_at(&rest[1..1 + end], depth + 1)));
                        i += 1 + end + 1;
                        continue;
                    }
                    None => no_star = true,
                }
            }
        }
        let c = rest.chars().next().unwrap_or('\u{fffd}');
        text.push(c);
        i += c.len_utf8().max(1);
    }
    if !text.is_empty() {
        out.push(Inline::Text(text));
    }
    out
}

/// `\` before ASCII punctuation stands for that character (as in CommonMark).
pub(super) fn escaped(rest: &str) -> Option<char> {
    let b = rest.as_bytes();
    (b.first() == Some(&b'\\') && b.get(1).is_some_and(u8::is_ascii_punctuation))
        .then(|| char::from(b[1]))
}

/// An opening `*`/`**` must be followed by text: not whitespace, not another `*`.
fn opens(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && c != '*')
}

/// Byte offset of the run of exactly `len` stars that closes emphasis opened just
/// before `s`: it follows text (not whitespace). Escaped stars and runs of another
/// length (`**strong**` inside `*emphasis*`) are skipped.
fn closer(s: &str, len: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = 0;
    while j < b.len() {
        if b[j] == b'\\' && b.get(j + 1).is_some_and(u8::is_ascii_punctuation) {
            j += 2;
        } else if b[j] == b'*' {
            let run = b[j..].iter().take_while(|&&c| c == b'*').count();
            let after_text = s[..j]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace());
            if run == len && after_text {
                return Some(j);
            }
            j += run;
        } else {
            j += 1;
        }
    }
    None
}

mod brackets;
mod walk;

pub use brackets::broken_links;
use brackets::{link_at, parse_cite_keys};
pub use walk::{citations, links, plain_text};

#[cfg(test)]
mod tests;
