//! A stepped audience switch (`state::switch`): which parts lag, which are caught up
//! first, and that a switch always ends with every part in the new audience.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use evidence_article::config::WidgetConfig;
use evidence_article::model::Audience;
use evidence_article::state::switch::{
    alone_in_step, near_viewport, next_parts, next_step, stepped, ONE_STEP_PARTS,
};
use evidence_article::state::{initial_state, Action, WidgetState};
use yew::Reducible;

fn seed() -> Rc<WidgetState> {
    let article = evidence_article::load::embedded().expect("seed").article;
    Rc::new(initial_state(&article, &WidgetConfig::default()))
}

/// The seed's state as if the article had more top-level parts than switch in one
/// step (a long article's switch goes in steps; the reducer only counts the parts).
fn long() -> Rc<WidgetState> {
    let mut s = (*seed()).clone();
    s.parts = ONE_STEP_PARTS + 8;
    Rc::new(s)
}

/// A short article (the seed: 2 sections and the reference list) switches every part
/// in the switch's own render: nothing lags, the screen counts as caught up (the
/// picker reads nothing, the catch-up hook has nothing to do).
#[test]
fn a_short_article_switches_every_part_at_once() {
    let s = seed();
    assert!(
        s.parts <= ONE_STEP_PARTS,
        "the seed is short: {} parts",
        s.parts
    );
    assert!(!stepped(s.parts));
    let s = s.reduce(Action::SetAudience(Audience::Patient));
    assert_eq!(s.audience, Audience::Patient);
    assert!(s.lagging_parts().is_empty());
    assert!(s.screen_caught_up);
    assert!((0..s.parts).all(|i| s.shown(i) == Audience::Patient));
    assert_eq!(s.announcement, "Now reading as: Patient or caregiver.");
    let s = s.reduce(Action::SetDefaultAudience(Audience::Student));
    assert!(s.lagging_parts().is_empty(), "the reader chose: unchanged");
    let s = seed().reduce(Action::SetDefaultAudience(Audience::Student));
    assert_eq!(s.audience, Audience::Student);
    assert!(s.lagging_parts().is_empty() && s.screen_caught_up);
}

#[test]
fn an_article_steps_from_one_part_more_than_fits_one_step() {
    assert!(!stepped(0), "a state without parts switches at once");
    assert!(!stepped(ONE_STEP_PARTS));
    assert!(stepped(ONE_STEP_PARTS + 1));
}

#[test]
fn every_part_lags_at_the_old_audience_until_caught_up() {
    let s = long();
    let n = s.parts;
    assert!(n >= 2, "sections and the reference list: {n}");
    assert!(s.lagging_parts().is_empty());
    let from = s.audience;
    let s = s.reduce(Action::SetAudience(Audience::Patient));
    assert_eq!(s.audience, Audience::Patient);
    assert_eq!(s.lagging_parts().len(), n);
    assert!((0..n).all(|i| s.shown(i) == from));
    assert_eq!(s.announcement, "Now reading as: Patient or caregiver.");
    let s = s.reduce(Action::CatchUp(vec![1]));
    assert_eq!(s.shown(1), Audience::Patient);
    assert_eq!(s.shown(0), from);
    let s = s.reduce(Action::CatchUp((0..n).collect()));
    assert!(s.lagging_parts().is_empty());
    assert!((0..n).all(|i| s.shown(i) == Audience::Patient));
    assert_eq!(s.references_part(), n - 1);
}

#[test]
fn a_second_switch_keeps_what_each_part_shows_and_drops_parts_already_there() {
    let s = long();
    let n = s.parts;
    let from = s.audience;
    let s = s
        .reduce(Action::SetAudience(Audience::Patient))
        .reduce(Action::CatchUp(vec![0]));
    // Part 0 shows patient, the others the first audience; now back to the first.
    let s = s.reduce(Action::SetAudience(from));
    assert_eq!(s.shown(0), Audience::Patient, "part 0 lags at patient");
    assert!(
        (1..n).all(|i| !s.lagging_parts().contains(&i)),
        "the others show it already"
    );
    let s = s.reduce(Action::CatchUp(vec![0]));
    assert!(s.lagging_parts().is_empty());
}

#[test]
fn the_same_audience_again_or_a_state_without_parts_switches_in_one_step() {
    let s = long();
    let a = s.audience;
    let s = s.reduce(Action::SetAudience(a));
    assert!(s.lagging_parts().is_empty());
    let plain = Rc::new(WidgetState::new(Audience::Physician, &[]));
    let plain = plain.reduce(Action::SetAudience(Audience::Patient));
    assert!(plain.lagging_parts().is_empty());
    assert_eq!(plain.shown(0), Audience::Patient);
}

#[test]
fn the_host_default_steps_too() {
    let s = long();
    let s = s.reduce(Action::SetDefaultAudience(Audience::Patient));
    assert_eq!(s.lagging_parts().len(), s.parts);
}

#[test]
fn parts_on_screen_come_first_then_the_nearest() {
    let lagging: Vec<usize> = (0..20).collect();
    assert_eq!(
        next_parts(&lagging, &[7, 8], 0),
        vec![7, 8],
        "visible parts are never cut"
    );
    assert_eq!(next_parts(&lagging, &[7, 8], 4), vec![7, 8, 6, 9]);
    assert_eq!(next_parts(&lagging, &[], 3), vec![0, 1, 2]);
    // Visible parts already caught up are not sent again.
    assert_eq!(next_parts(&[3, 4, 10], &[4, 5], 2), vec![4, 3]);
}

#[test]
fn parts_on_screen_are_found_by_bisection_as_by_a_scan() {
    let vh = 800.0;
    // Parts of uneven heights stacked from y = 0, read at several scroll offsets.
    let heights: Vec<f64> = (0..57)
        .map(|i| 40.0 + f64::from((i * 37) % 11) * 90.0)
        .collect();
    let tops: Vec<f64> = heights
        .iter()
        .scan(0.0, |y, h| {
            let t = *y;
            *y += h;
            Some(t)
        })
        .collect();
    let total: f64 = heights.iter().sum();
    let mut scroll = -2000.0;
    while scroll < total + 2000.0 {
        let rect = |i: usize| (tops[i] - scroll, tops[i] + heights[i] - scroll);
        let scan: Vec<usize> = (0..heights.len())
            .filter(|&i| rect(i).1 > 0.0 && rect(i).0 < vh)
            .collect();
        let found: Vec<usize> = near_viewport(heights.len(), vh, rect).collect();
        assert_eq!(found, scan, "scrolled to {scroll}");
        scroll += 173.0;
    }
    assert!(near_viewport(0, vh, |_| (0.0, 0.0)).is_empty());
    // Only the parts reaching into the viewport: not the one ending just above it nor
    // the one starting just below it (they come first in the next step).
    let stack = [
        (-500.0, -10.0),
        (-10.0, 300.0),
        (300.0, 790.0),
        (790.0, 1300.0),
        (1300.0, 1800.0),
    ];
    assert_eq!(near_viewport(stack.len(), vh, |i| stack[i]), 1..4);
    let below = [(800.0, 900.0), (900.0, 1000.0)];
    assert!(near_viewport(below.len(), vh, |i| below[i]).is_empty());
}

/// The picker reports the parts on screen with the switch, even when there are none
/// (`Action::CatchUp(vec![])`): from then on the catch-up hook must not read the
/// screen again after the render (a forced layout in the click's task).
#[test]
fn the_screen_counts_as_caught_up_once_any_catch_up_arrives() {
    let s = long();
    assert!(s.screen_caught_up, "no switch under way");
    let s = s.reduce(Action::SetAudience(Audience::Patient));
    assert!(!s.screen_caught_up, "a switch begins: the screen lags");
    let s = s.reduce(Action::CatchUp(Vec::new()));
    assert!(
        s.screen_caught_up,
        "none on screen: nothing to catch up there"
    );
    assert_eq!(s.lagging_parts().len(), s.parts, "the rest still lags");
    // A new switch during the old one resets it.
    let s = s.reduce(Action::SetAudience(Audience::Student));
    assert!(!s.screen_caught_up);
    let all: Vec<usize> = (0..s.parts).collect();
    let s = s.reduce(Action::CatchUp(all));
    assert!(s.screen_caught_up && s.lagging_parts().is_empty());
}

/// The catch-up hook takes every lagging part in one step, without reading the
/// screen, when they all fit in a step: the same set `next_parts` picks whatever is
/// on screen.
#[test]
fn a_step_that_fits_every_lagging_part_takes_them_all_whatever_is_on_screen() {
    let lagging = vec![0, 2, 5, 7];
    for visible in [vec![], vec![5], vec![6, 7], vec![9]] {
        let mut got = next_parts(&lagging, &visible, 10);
        got.sort_unstable();
        assert_eq!(got, lagging, "visible {visible:?}");
    }
}

#[test]
fn a_later_step_reads_the_screen_only_when_the_lagging_parts_do_not_fit() {
    let lagging = vec![0, 2, 5, 7];
    let fits = next_step(&lagging, 10, 99, || {
        panic!("the screen was read although all parts fit")
    });
    assert_eq!(fits, lagging);
    let mut read = false;
    let cut = next_step(&lagging, 2, 99, || {
        read = true;
        vec![5]
    });
    assert!(
        read,
        "the screen was not read although the parts do not fit"
    );
    assert_eq!(cut, vec![5, 7]);
}

/// The reference list (a long article's last part) is caught up in a later step of
/// its own, in its turn among the nearest parts: the parts picked before it go
/// first, then it alone; every part is still caught up once.
#[test]
fn the_reference_list_goes_in_a_later_step_of_its_own() {
    assert_eq!(alone_in_step(vec![3, 4, 12, 5], 12), vec![3, 4]);
    assert_eq!(alone_in_step(vec![12, 11, 10], 12), vec![12]);
    assert_eq!(alone_in_step(vec![3, 4], 12), vec![3, 4]);
    // All lagging parts fit: the sections first (no screen read), then the list.
    let read = || panic!("the screen was read although all parts fit");
    assert_eq!(next_step(&[2, 7, 12], 10, 12, read), vec![2, 7]);
    assert_eq!(next_step(&[12], 10, 12, read), vec![12]);
    // They do not fit: around the screen, the list in its turn.
    assert_eq!(
        next_step(&[8, 9, 10, 11, 12], 2, 12, || vec![11]),
        vec![11, 10]
    );
    assert_eq!(
        next_step(&[8, 9, 10, 11, 12], 3, 12, || vec![11]),
        vec![11, 10]
    );
    assert_eq!(next_step(&[8, 9, 10, 12], 3, 12, || vec![12]), vec![12]);
    // A whole switch of 30 sections and the list, 10 per step, from the top: every
    // part once, the list alone and last.
    let mut lagging: Vec<usize> = (0..=30).collect();
    let mut steps = Vec::new();
    while !lagging.is_empty() {
        let step = next_step(&lagging, 10, 30, Vec::new);
        assert!(!step.is_empty() && step.len() <= 10, "{step:?}");
        assert!(!step.contains(&30) || step == [30], "{step:?}");
        lagging.retain(|i| !step.contains(i));
        steps.push(step);
    }
    assert_eq!(steps.last(), Some(&vec![30]));
    assert_eq!(steps.iter().map(Vec::len).sum::<usize>(), 31);
}
