//! Inline content renders as a keyed list (`components::inline`), so an audience
//! switch keeps the citation groups and term marks both audiences show (same key:
//! their occurrence) and patches text nodes in place, instead of replacing every node
//! after the first one that moved. Checked on every paragraph and list item of the
//! seed, for the patient and the physician view.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use evidence_article::components::inline::{self, InlineCtx};
use evidence_article::model::{Article, Audience};
use evidence_article::viewmodel::{build, BlockView, Node, SectionView};
use yew::virtual_dom::VNode;

fn seed() -> Article {
    serde_json::from_value(common::seed_json()).expect("seed")
}

fn lists(s: &SectionView, out: &mut Vec<Vec<Node>>) {
    for b in &s.blocks {
        match b {
            BlockView::Paragraph(n) => out.push(n.clone()),
            BlockView::List(items) => out.extend(items.iter().cloned()),
            BlockView::Findings => {}
        }
    }
    s.subsections.iter().for_each(|x| lists(x, out));
}

/// The keys of a rendered list's children (`None` for an unkeyed child).
fn keys(nodes: &[Node]) -> Vec<Option<String>> {
    let ctx = InlineCtx {
        prefix: "ea-".into(),
        dispatch: Default::default(),
        labels: Rc::new(Vec::new()),
        popover: None,
    };
    match inline::render(nodes, &ctx) {
        VNode::VList(l) => l.iter().map(|c| c.key().map(|k| k.to_string())).collect(),
        other => vec![other.key().map(|k| k.to_string())],
    }
}

/// Key of every citation group and term mark by occurrence, for one audience.
fn anchors(article: &Article, audience: Audience) -> HashMap<String, String> {
    let view = build(article, audience);
    let mut all = Vec::new();
    view.sections.iter().for_each(|s| lists(s, &mut all));
    let mut out = HashMap::new();
    for nodes in &all {
        let keys = keys(nodes);
        assert!(keys.iter().all(Option::is_some), "an unkeyed child: {keys:?}");
        let unique: HashSet<_> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len(), "duplicate keys: {keys:?}");
        for k in keys.into_iter().flatten() {
            if k.starts_with('c') || k.starts_with('t') {
                out.insert(k.clone(), k);
            }
        }
    }
    out
}

#[test]
fn every_inline_child_is_keyed_uniquely() {
    let a = seed();
    for audience in Audience::ALL {
        anchors(&a, audience);
    }
}

#[test]
fn citation_groups_keep_their_keys_across_an_audience_switch() {
    let a = seed();
    let patient = anchors(&a, Audience::Patient);
    let physician = anchors(&a, Audience::Physician);
    let cites = |m: &HashMap<String, String>| -> HashSet<String> {
        m.keys().filter(|k| k.starts_with('c')).cloned().collect()
    };
    // The seed's plain text cites the same sources in the same groups: every group
    // has the same key in both views (an unkeyed or positional scheme would not).
    assert!(!cites(&patient).is_empty());
    assert_eq!(cites(&patient), cites(&physician));
    // Term marks both audiences show (abbreviations) keep theirs too.
    let terms = |m: &HashMap<String, String>| -> HashSet<String> {
        m.keys().filter(|k| k.starts_with('t')).cloned().collect()
    };
    let shared = terms(&patient).intersection(&terms(&physician)).count();
    assert!(shared > 0, "no term mark shared by both audiences");
}
