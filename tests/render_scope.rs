//! What a dispatch re-renders: Yew skips a component whose new props equal the old
//! ones, so these tests build the props the widget builds, before and after an
//! action, and count which differ. Opening a popover must touch one citation group
//! and one top-level section; a hover delay starting must touch none.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use evidence_article::components::article_section::ArticleSectionProps;
use evidence_article::components::citation::CitationGroupProps;
use evidence_article::components::context::Shared;
use evidence_article::model::Audience;
use evidence_article::state::{Action, PopoverAction, WidgetState};
use evidence_article::viewmodel::{self, ArticleView};
use yew::Reducible;

struct Fixture {
    view: Shared<ArticleView>,
    labels: Rc<Vec<String>>,
    state: Rc<WidgetState>,
}

fn fixture() -> Fixture {
    let article = evidence_article::load::embedded().expect("seed").article;
    let view = viewmodel::build(&article, Audience::Physician);
    let labels = Rc::new(view.references().iter().map(|r| r.short.clone()).collect());
    let state = Rc::new(WidgetState::new(
        Audience::Physician,
        &view.section_defaults(),
    ));
    Fixture {
        view: Shared(Rc::new(view)),
        labels,
        state,
    }
}

fn groups(f: &Fixture, s: &WidgetState) -> Vec<CitationGroupProps> {
    f.view
        .markers()
        .iter()
        .map(|(occ, _, numbers)| CitationGroupProps::new(numbers, *occ, s.popover, &f.labels))
        .collect()
}

fn sections(f: &Fixture, s: &WidgetState) -> Vec<ArticleSectionProps> {
    (0..f.view.sections.len())
        .map(|i| ArticleSectionProps::new(&f.view, i, s, &f.labels).expect("section"))
        .collect()
}

fn changed<T: PartialEq>(a: &[T], b: &[T]) -> Vec<usize> {
    assert_eq!(a.len(), b.len());
    (0..a.len()).filter(|&i| a[i] != b[i]).collect()
}

#[test]
fn props_built_twice_from_the_same_state_compare_equal() {
    let f = fixture();
    assert!(groups(&f, &f.state).len() >= 10, "seed has many markers");
    assert!(changed(&groups(&f, &f.state), &groups(&f, &f.state)).is_empty());
    assert!(changed(&sections(&f, &f.state), &sections(&f, &f.state)).is_empty());
}

#[test]
fn opening_a_popover_changes_one_citation_group_and_one_section() {
    let f = fixture();
    let markers = f.view.markers();
    let (occ, sid, numbers) = markers.last().expect("a marker").clone();
    let open = f
        .state
        .clone()
        .reduce(Action::Popover(PopoverAction::MarkerPress {
            number: numbers[0],
            marker: occ,
        }));
    let g = changed(&groups(&f, &f.state), &groups(&f, &open));
    assert_eq!(g, vec![markers.len() - 1], "only the pressed group");
    let s = changed(&sections(&f, &f.state), &sections(&f, &open));
    assert_eq!(s.len(), 1, "only one top-level section");
    let top = &f.view.sections[s[0]];
    assert!(f.view.ancestry(&sid).expect("section").contains(&top.id));
}

#[test]
fn a_hover_delay_or_its_timer_changes_no_section_or_group() {
    let f = fixture();
    let (occ, _, numbers) = f.view.markers()[3].clone();
    let hovering = f
        .state
        .clone()
        .reduce(Action::Popover(PopoverAction::MarkerEnter {
            number: numbers[0],
            marker: occ,
        }));
    assert!(!Rc::ptr_eq(&f.state, &hovering), "the state did change");
    assert!(changed(&groups(&f, &f.state), &groups(&f, &hovering)).is_empty());
    assert!(changed(&sections(&f, &f.state), &sections(&f, &hovering)).is_empty());
}

#[test]
fn toggling_a_subsection_changes_only_its_top_level_section() {
    let f = fixture();
    let research = &f.view.sections[1];
    let sub = &research.subsections[0];
    let shut = f.state.clone().reduce(Action::SetSection {
        id: sub.id.clone(),
        open: false,
        contains_marker: sub.markers.clone(),
    });
    assert_eq!(
        changed(&sections(&f, &f.state), &sections(&f, &shut)),
        vec![1]
    );
    assert!(changed(&groups(&f, &f.state), &groups(&f, &shut)).is_empty());
}

#[test]
fn a_popover_is_anchored_in_the_disclaimer_only_when_its_marker_is_there() {
    use evidence_article::components::article_section::nodes_anchor;
    use evidence_article::state::Popover;
    use evidence_article::viewmodel::BlockView;
    let f = fixture();
    let markers = f.view.markers();
    assert!(!markers.is_empty());
    let cite = |marker: usize| Popover::Cite {
        number: 1,
        marker,
        pinned: true,
    };
    // Every marker of the sections: not in the disclaimer (the tail keeps its props).
    for (occ, _, _) in &markers {
        assert!(
            !nodes_anchor(&f.view.disclaimer, cite(*occ)),
            "marker {occ}"
        );
    }
    // ...but found in the paragraph that holds it.
    let (occ, sid, _) = markers[0].clone();
    let top = f
        .view
        .sections
        .iter()
        .find(|s| s.id == sid)
        .expect("top-level");
    let held = top.blocks.iter().filter(|b| match b {
        BlockView::Paragraph(n) => nodes_anchor(n, cite(occ)),
        BlockView::List(items) => items.iter().any(|n| nodes_anchor(n, cite(occ))),
        BlockView::Findings => false,
    });
    assert_eq!(held.count(), 1);
}
