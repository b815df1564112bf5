//! The inline markup of article text: `**strong**`, `*emphasis*`, `[text](url)` and
//! Pandoc-style citations `[@key]` / `[@a; @b]`, with `\` escaping the next character.
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
    let mut no_link = false;
    let mut no_bracket = false;
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        let flush = |text: &mut String, out: &mut Vec<Inline>| {
            if !text.is_empty() {
                out.push(Inline::Text(std::mem::take(text)));
            }
        };
        if let Some(after) = rest.strip_prefix('\\') {
            if let Some(c) = after.chars().next() {
                if "\\*[]()@".contains(c) {
                    text.push(c);
                    i += 1 + c.len_utf8();
                    continue;
                }
            }
        }
        if depth < MAX_NESTING {
            if rest.starts_with("[@") && !no_bracket {
                match rest.find(']') {
                    Some(end) => {
                        if let Some(keys) = parse_cite_keys(&rest[1..end]) {
                            flush(&mut text, &mut out);
                            out.push(Inline::Cite(keys));
                            i += end + 1;
                            continue;
                        }
                    }
                    None => no_bracket = true,
                }
            } else if rest.starts_with('[') && !no_link {
                match rest.find("](") {
                    Some(mid) => {
                        if let Some(close) = rest[mid + 2..].find(')') {
                            let label = &rest[1..mid];
                            let href = &rest[mid + 2..mid + 2 + close];
                            if !label.is_empty() && !label.contains('[') {
                                flush(&mut text, &mut out);
                                out.push(Inline::Link {
                                    href: href.trim().to_owned(),
                                    children: parse_at(label, depth + 1),
                                });
                                i += mid + 2 + close + 1;
                                continue;
                            }
                        } else {
                            no_link = true;
                        }
                    }
                    None => no_link = true,
                }
            } else if rest.starts_with("**") && !no_double_star {
                match rest[2..].find("**") {
                    Some(end) if end > 0 => {
                        flush(&mut text, &mut out);
                        out.push(Inline::Strong(parse_at(&rest[2..2 + end], depth + 1)));
                        i += 2 + end + 2;
                        continue;
                    }
                    Some(_) => {}
                    None => no_double_star = true,
                }
            } else if rest.starts_with('*') && !no_star {
                match rest[1..].find('*') {
                    Some(end) if end > 0 => {
                        flush(&mut text, &mut out);
                        out.push(Inline::Emph(parse_at(&rest[1..1 + end], depth + 1)));
                        i += 1 + end + 1;
                        continue;
                    }
                    Some(_) => {}
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

/// `@a; @b` → `["a", "b"]`; `None` when it is not a citation group.
fn parse_cite_keys(inner: &str) -> Option<Vec<String>> {
    let keys: Option<Vec<String>> = inner
        .split(';')
        .map(|part| {
            let key = part.trim().strip_prefix('@')?;
            let ok = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'));
            ok.then(|| key.to_owned())
        })
        .collect();
    keys.filter(|k| !k.is_empty())
}

/// Every citation group in the tree, in reading order.
pub fn citations(nodes: &[Inline]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    walk(nodes, &mut |n| {
        if let Inline::Cite(keys) = n {
            out.push(keys.clone());
        }
    });
    out
}

/// Every link target in the tree.
pub fn links(nodes: &[Inline]) -> Vec<String> {
    let mut out = Vec::new();
    walk(nodes, &mut |n| {
        if let Inline::Link { href, .. } = n {
            out.push(href.clone());
        }
    });
    out
}

/// The text a reader sees, with citation groups rendered by `cite`.
pub fn plain_text(nodes: &[Inline], cite: &dyn Fn(&[String]) -> String) -> String {
    let mut s = String::new();
    for n in nodes {
        match n {
            Inline::Text(t) => s.push_str(t),
            Inline::Strong(c) | Inline::Emph(c) | Inline::Link { children: c, .. } => {
                s.push_str(&plain_text(c, cite))
            }
            Inline::Cite(keys) => s.push_str(&cite(keys)),
        }
    }
    s
}

fn walk(nodes: &[Inline], f: &mut dyn FnMut(&Inline)) {
    for n in nodes {
        f(n);
        match n {
            Inline::Strong(c) | Inline::Emph(c) | Inline::Link { children: c, .. } => walk(c, f),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn parses_every_construct() {
        let got = parse("a **b** *c* [d](https://e.org) f [@x]. g [@y; @z]");
        assert_eq!(
            got,
            vec![
                t("a "),
                Inline::Strong(vec![t("b")]),
                t(" "),
                Inline::Emph(vec![t("c")]),
                t(" "),
                Inline::Link {
                    href: "https://e.org".into(),
                    children: vec![t("d")]
                },
                t(" f "),
                Inline::Cite(vec!["x".into()]),
                t(". g "),
                Inline::Cite(vec!["y".into(), "z".into()]),
            ]
        );
    }

    #[test]
    fn unclosed_markup_is_literal() {
        assert_eq!(parse("2 * 3 [x"), vec![t("2 * 3 [x")]);
        assert_eq!(parse("[@ bad key!]"), vec![t("[@ bad key!]")]);
        assert_eq!(parse("\\*not\\*"), vec![t("*not*")]);
    }

    #[test]
    fn adversarial_input_is_fast_and_total() {
        let s = "*".repeat(50_000) + &"[".repeat(50_000) + &"**[@".repeat(10_000);
        let out = parse(&s);
        assert!(!out.is_empty());
    }
}
