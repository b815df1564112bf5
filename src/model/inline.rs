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
const MAX_PAREN_DEPTH: usize = 32;

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
    while i < src.len() {
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
fn escaped(rest: &str) -> Option<char> {
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

/// A CommonMark inline link without a title at the start of `rest`: `[label](dest)`
/// where `dest` is `<…>` (no line break or `<` inside) or a run without spaces or
/// control characters whose parentheses balance (`…/Azathioprine_(drug)`), with
/// backslash escapes resolved. Returns the label, the destination and the bytes used.
/// Labels with `[` are not links in this subset.
fn link_at(rest: &str) -> Option<(&str, String, usize)> {
    let b = rest.as_bytes();
    let i = label_end(rest)?;
    let label = &rest[1..i];
    if b.get(i + 1) != Some(&b'(') {
        return None;
    }
    let start = skip_space(rest, i + 2);
    let (href, after) = if b.get(start) == Some(&b'<') {
        angle_destination(rest, start + 1)?
    } else {
        bare_destination(rest, start)?
    };
    let end = skip_space(rest, after);
    (b.get(end) == Some(&b')')).then_some((label, href, end + 1))
}

/// Offset of the `]` closing the label opened by the `[` at the start of `rest`.
fn label_end(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let mut i = 1;
    loop {
        match *b.get(i)? {
            b'\\' if escaped(&rest[i..]).is_some() => i += 2,
            b'[' => return None,
            b']' => return Some(i),
            _ => i += 1,
        }
    }
}

/// Link-shaped text that is not a link (`[text](a target with spaces)`, unbalanced
/// parentheses): readers would see the markup, so the validator reports each one
/// (the text from `[` to the first `)` after `](`, at most 80 characters).
pub fn broken_links(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        if escaped(rest).is_some() {
            i += 2;
            continue;
        }
        if rest.starts_with('[') && !rest.starts_with("[@") {
            if let Some((_, _, used)) = link_at(rest) {
                i += used;
                continue;
            }
            if let Some(mid) = label_end(rest).filter(|m| rest[m + 1..].starts_with('(')) {
                let end = rest[mid..].find(')').map_or(rest.len(), |e| mid + e + 1);
                out.push(rest[..end].chars().take(80).collect());
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn skip_space(s: &str, from: usize) -> usize {
    from + s.as_bytes()[from.min(s.len())..]
        .iter()
        .take_while(|c| matches!(c, b' ' | b'\t' | b'\n'))
        .count()
}

/// `<…>` after the `<` at `from - 1`: the destination and the offset after `>`.
fn angle_destination(s: &str, from: usize) -> Option<(String, usize)> {
    let mut href = String::new();
    let mut j = from;
    while let Some(c) = s.get(j..)?.chars().next() {
        match c {
            '>' => return Some((href, j + 1)),
            '<' | '\n' => return None,
            _ => {}
        }
        if let Some(e) = escaped(&s[j..]) {
            href.push(e);
            j += 2;
        } else {
            href.push(c);
            j += c.len_utf8();
        }
    }
    None
}

/// A bare destination from `from`: it ends at a space, a control character or an
/// unbalanced `)`; parentheses inside must balance.
fn bare_destination(s: &str, from: usize) -> Option<(String, usize)> {
    let mut href = String::new();
    let mut open = 0usize;
    let mut j = from;
    while let Some(c) = s.get(j..)?.chars().next() {
        if c == ' ' || c.is_ascii_control() || (c == ')' && open == 0) {
            break;
        }
        if let Some(e) = escaped(&s[j..]) {
            href.push(e);
            j += 2;
            continue;
        }
        if c == '(' {
            open += 1;
            if open > MAX_PAREN_DEPTH {
                return None;
            }
        } else if c == ')' {
            open -= 1;
        }
        href.push(c);
        j += c.len_utf8();
    }
    (open == 0).then_some((href, j))
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

    fn link(href: &str, text: &str) -> Inline {
        Inline::Link {
            href: href.into(),
            children: vec![t(text)],
        }
    }

    #[test]
    fn link_destinations_keep_balanced_parentheses() {
        assert_eq!(
            parse("[the drug page](https://en.wikipedia.org/wiki/Azathioprine_(drug)). Next"),
            vec![
                link(
                    "https://en.wikipedia.org/wiki/Azathioprine_(drug)",
                    "the drug page"
                ),
                t(". Next"),
            ]
        );
        assert_eq!(parse("[a](x(b(c))d)"), vec![link("x(b(c))d", "a")]);
        // Unbalanced: not a link, literal text (as in CommonMark).
        assert_eq!(parse("[a](x(b)"), vec![t("[a](x(b)")]);
        assert_eq!(parse("[a](x\\(b)"), vec![link("x(b", "a")]);
    }

    #[test]
    fn angle_destinations_and_spaces() {
        assert_eq!(
            parse("[a](<https://e.org/a b)c>)"),
            vec![link("https://e.org/a b)c", "a")]
        );
        assert_eq!(
            parse("[a]( https://e.org )"),
            vec![link("https://e.org", "a")]
        );
        assert_eq!(parse("[a](<x<y>)"), vec![t("[a](<x<y>)")]);
        assert_eq!(parse("[a](b c)"), vec![t("[a](b c)")]);
        assert_eq!(parse("[a] (b)"), vec![t("[a] (b)")]);
    }

    #[test]
    fn empty_links_parse_so_the_validator_can_flag_them() {
        assert_eq!(
            parse("[](https://e.org)"),
            vec![Inline::Link {
                href: "https://e.org".into(),
                children: vec![]
            }]
        );
        assert_eq!(parse("[a]()"), vec![link("", "a")]);
    }

    #[test]
    fn emphasis_needs_text_next_to_its_delimiters() {
        assert_eq!(parse("2 * 3 * 4"), vec![t("2 * 3 * 4")]);
        assert_eq!(
            parse("*a **b** c*"),
            vec![Inline::Emph(vec![
                t("a "),
                Inline::Strong(vec![t("b")]),
                t(" c")
            ])]
        );
        assert_eq!(parse("*a \\* b*"), vec![Inline::Emph(vec![t("a * b")])]);
        assert_eq!(parse("***a**"), vec![t("*"), Inline::Strong(vec![t("a")])]);
    }

    #[test]
    fn link_shaped_text_that_is_not_a_link_is_reported() {
        assert_eq!(
            broken_links("ok [a](https://e.org) [b](my page) [c](x(y) \\[d](e f) [@k](g h)"),
            vec!["[b](my page)".to_owned(), "[c](x(y)".to_owned()]
        );
        assert!(broken_links("[a](https://en.wikipedia.org/wiki/A_(b)) [x] (y)").is_empty());
    }

    #[test]
    fn adversarial_links_are_fast_and_total() {
        let s = "[a](".repeat(20_000)
            + &"[a](<".repeat(20_000)
            + &"[a](([a]()".repeat(5_000)
            + &"[@[@".repeat(10_000)
            + "]";
        assert!(!parse(&s).is_empty());
    }

    #[test]
    fn adversarial_input_is_fast_and_total() {
        let s = "*".repeat(50_000) + &"[".repeat(50_000) + &"**[@".repeat(10_000);
        let out = parse(&s);
        assert!(!out.is_empty());
    }
}
