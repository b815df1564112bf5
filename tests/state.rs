//! The reducer: pure transitions of the widget state, and the share state derived
//! from it.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use evidence_article::model::Audience;
use evidence_article::state::{
    share_state, Action, Dismiss, FocusTarget, Popover, PopoverAction, WidgetState,
};
use evidence_article::viewmodel;
use yew::Reducible;

fn seed_state() -> (Rc<WidgetState>, viewmodel::ArticleView) {
    let article = evidence_article::load::embedded().expect("seed").article;
    let view = viewmodel::build(&article, Audience::Physician);
    (
        Rc::new(WidgetState::new(
            Audience::Physician,
            &view.section_defaults(),
        )),
        view,
    )
}

#[test]
fn starts_with_the_data_defaults_and_nothing_to_share() {
    let (s, view) = seed_state();
    assert_eq!(s.open.len(), 6, "all seed sections start open");
    assert_eq!(s.popover, None);
    assert!(share_state(&s, &view).is_empty());
}

#[test]
fn choosing_an_audience_is_a_reader_choice_and_is_announced() {
    let (s, view) = seed_state();
    let s = s.reduce(Action::SetAudience(Audience::Patient));
    assert_eq!(s.audience, Audience::Patient);
    assert!(s.audience_chosen && s.reader_choice);
    assert_eq!(s.announcement, "Now reading as: Patient or caregiver.");
    assert_eq!(share_state(&s, &view).audience, Some(Audience::Patient));
}

#[test]
fn a_new_host_default_applies_until_the_reader_or_a_link_has_chosen() {
    let (s, view) = seed_state();
    let s = s.reduce(Action::SetDefaultAudience(Audience::Nurse));
    assert_eq!(s.audience, Audience::Nurse);
    assert!(
        !s.audience_chosen && !s.reader_choice,
        "a default is not stored"
    );
    assert_eq!(share_state(&s, &view).audience, None);
    let s = s.reduce(Action::SetAudience(Audience::Patient));
    let chosen = s.clone();
    let s = s.reduce(Action::SetDefaultAudience(Audience::Student));
    assert_eq!(s.audience, Audience::Patient, "the reader's choice wins");
    assert!(Rc::ptr_eq(&s, &chosen), "nothing changed");
    // A share link's audience counts as chosen too.
    let (s, _) = seed_state();
    let mut linked = (*s).clone();
    linked.audience_chosen = true;
    let s = Rc::new(linked).reduce(Action::SetDefaultAudience(Audience::Student));
    assert_eq!(s.audience, Audience::Physician);
}

#[test]
fn collapsing_the_section_holding_the_open_popover_closes_it_and_moves_focus() {
    let (s, view) = seed_state();
    let outcomes = &view.sections[1].subsections[1];
    let marker = outcomes.markers.start;
    let s = s.reduce(Action::Popover(PopoverAction::MarkerPress {
        number: 5,
        marker,
    }));
    assert_eq!(s.open_citation(), Some(5));
    let s = s.reduce(Action::SetSection {
        id: outcomes.id.clone(),
        open: false,
        contains_marker: outcomes.markers.clone(),
    });
    assert_eq!(s.popover, None);
    assert_eq!(
        s.return_focus,
        Some(FocusTarget::SectionButton(
            "research-treatment-outcomes".into()
        ))
    );
    assert_eq!(
        s.return_focus.as_ref().map(|t| t.element_id("w-")),
        Some("w-research-treatment-outcomes-btn".to_owned())
    );
    let share = share_state(&s, &view);
    assert_eq!(share.shut, vec!["research-treatment-outcomes".to_owned()]);
    assert_eq!(share.cite, None);
}

#[test]
fn collapsing_another_section_keeps_the_popover() {
    let (s, view) = seed_state();
    let outcomes = &view.sections[1].subsections[1];
    let guidelines = &view.sections[0];
    let s = s.reduce(Action::Popover(PopoverAction::MarkerPress {
        number: 5,
        marker: outcomes.markers.start,
    }));
    let s = s.reduce(Action::SetSection {
        id: guidelines.id.clone(),
        open: false,
        contains_marker: guidelines.markers.clone(),
    });
    assert!(s.popover.is_some());
    assert_eq!(s.return_focus, None);
}

#[test]
fn a_hover_preview_is_not_shared_but_a_pinned_popover_is() {
    let (s, view) = seed_state();
    let s = s.reduce(Action::Popover(PopoverAction::MarkerEnter {
        number: 2,
        marker: 7,
    }));
    let generation = s.pending_hover.expect("hover delay").generation;
    let s = s.reduce(Action::Popover(PopoverAction::HoverElapsed(generation)));
    assert_eq!(
        s.popover,
        Some(Popover::Cite {
            number: 2,
            marker: 7,
            pinned: false
        })
    );
    assert_eq!(share_state(&s, &view).cite, None);
    let s = s.reduce(Action::Popover(PopoverAction::MarkerPress {
        number: 2,
        marker: 7,
    }));
    assert_eq!(share_state(&s, &view).cite, Some(2));
}

#[test]
fn collapse_all_closes_everything_and_no_op_actions_keep_the_same_state() {
    let (s, view) = seed_state();
    let ids: Vec<String> = view
        .section_defaults()
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    let closed = s.clone().reduce(Action::SetAll {
        ids: ids.clone(),
        open: false,
    });
    assert!(closed.open.is_empty());
    assert_eq!(share_state(&closed, &view).shut.len(), 6);
    let again = closed
        .clone()
        .reduce(Action::Popover(PopoverAction::Dismiss(Dismiss::Escape)));
    assert!(
        Rc::ptr_eq(&closed, &again),
        "closing nothing does not re-render"
    );
    let reopened = closed.reduce(Action::SetAll { ids, open: true });
    assert_eq!(reopened.open, s.open);
}

#[test]
fn section_marker_ranges_cover_their_subsections() {
    let (_, view) = seed_state();
    let research = &view.sections[1];
    assert_eq!(
        research.markers.start,
        research.subsections[0].markers.start
    );
    assert_eq!(research.markers.end, research.subsections[2].markers.end);
    assert_eq!(view.sections[0].markers, 0..7);
    assert_eq!(research.markers.end, view.marker_count());
}
