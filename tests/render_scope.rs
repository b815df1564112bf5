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
fn opening_a_popover_changes_one_block_of_its_section() {
    let f = fixture();
    // A marker in a top-level section's own paragraphs (not in a subsection).
    let (top, (occ, _, numbers)) = f
        .view
        .markers()
        .into_iter()
        .find_map(|m| {
            let i = f.view.sections.iter().position(|s| s.id == m.1)?;
            Some((i, m))
        })
        .expect("a marker in a top-level section");
    let open = f
        .state
        .clone()
        .reduce(Action::Popover(PopoverAction::MarkerPress {
            number: numbers[0],
            marker: occ,
        }));
    let blocks = |s: &WidgetState| {
        ArticleSectionProps::new(&f.view, top, s, &f.labels)
            .expect("section")
            .blocks()
    };
    let (before, after) = (blocks(&f.state), blocks(&open));
    assert!(before.len() >= 2, "the section has several blocks");
    let b = changed(&before, &after);
    assert_eq!(b.len(), 1, "only the block holding the marker");
    assert!(after[b[0]].as_ref().and_then(|p| p.popover).is_some());
    // Closing it again gives back the props of before.
    let shut = open.reduce(Action::Popover(PopoverAction::Dismiss(
        evidence_article::state::Dismiss::CloseButton,
    )));
    assert!(changed(&before, &blocks(&shut)).is_empty());
}
