//! Reading a parsed tree: its citation groups, its link targets and its text as a
//! reader sees it.

use super::Inline;

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
