//! The bracketed constructs of inline markup: CommonMark links without titles (with
//! their destinations, angle or bare) and Pandoc-style citation groups.

use super::{escaped, MAX_PAREN_DEPTH};

/// A CommonMark inline link without a title at the start of `rest`: `[label](dest)`
/// where `dest` is `<…>` (no line break or `<` inside) or a run without spaces or
/// control characters whose parentheses balance (`…/Azathioprine_(drug)`), with
/// backslash escapes resolved. Returns the label, the destination and the bytes used.
/// Labels with `[` are not links in this subset.
pub(super) fn link_at(rest: &str) -> Option<(&str, String, usize)> {
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
pub(super) fn parse_cite_keys(inner: &str) -> Option<Vec<String>> {
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
