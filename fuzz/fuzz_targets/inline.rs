//! The inline markup parser and the helpers over its tree. No input may panic, and
//! the tree invents nothing: its text, link targets and citation keys together are
//! never longer than the source.
#![no_main]

use evidence_article::model::inline::{self, Inline};
use libfuzzer_sys::fuzz_target;

fn size(nodes: &[Inline]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Inline::Text(t) => t.len(),
            Inline::Strong(c) | Inline::Emph(c) => size(c),
            Inline::Link { href, children } => href.len() + size(children),
            Inline::Cite(keys) => keys.iter().map(String::len).sum(),
        })
        .sum()
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let tree = inline::parse(src);
    assert!(size(&tree) <= src.len(), "the tree is larger than {src:?}");
    let _ = inline::broken_links(src);
    let _ = inline::citations(&tree);
    let _ = inline::links(&tree);
    let _ = inline::plain_text(&tree, &|keys| keys.join(","));
});
