//! Scroll and focus requests, after the render that makes their target exist. The
//! typed target becomes an element id only here. A press that asked for focus may
//! still move it (a press on plain content focuses nothing once its default action
//! runs), so focus is checked once more after the current task, and given back only
//! if it was lost meanwhile: that check's timer can run long after the task (tasks
//! queued before it, e.g. parts hydrating after the ready signal), and by then the
//! reader may have moved focus on (Tab, another marker), which it must not take
//! back. Then the request is marked done. While
//! the article's sections are still being rendered (`pending`), a request whose
//! target is not there yet waits for them instead.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::dom::{self, TimedClass};
use crate::state::{Action, FocusTarget};

/// How long a marker reached by a back-link stays highlighted.
const FLASH_MS: u32 = 1600;

/// Scrolls to `scroll_to` and focuses `focus` inside `root`; a marker reached by
/// navigation (scrolled to and focused) flashes briefly. `(scroll_to, focus)`;
/// `pending`: some sections are not rendered yet.
#[hook]
pub fn use_focus_request(
    root: NodeRef,
    prefix: AttrValue,
    request: (Option<FocusTarget>, Option<FocusTarget>),
    pending: bool,
    dispatch: Callback<Action>,
) {
    let flash: Rc<RefCell<Option<TimedClass>>> = use_mut_ref(|| None);
    {
        let flash = flash.clone();
        let (scroll_to, focus) = request;
        use_effect_with(
            (scroll_to, focus, pending),
            move |(scroll_to, focus, pending)| {
                let (mut recheck, mut waiting) = (None, false);
                if let Some(el) = root.cast::<web_sys::Element>() {
                    let missing = |t: &Option<FocusTarget>| {
                        t.as_ref()
                            .is_some_and(|t| dom::find(&el, &t.element_id(&prefix)).is_none())
                    };
                    // Asked again once every section has rendered.
                    waiting = *pending && (missing(scroll_to) || missing(focus));
                    if !waiting {
                        recheck = request_now(&el, &prefix, scroll_to, focus, &flash, &dispatch);
                    }
                }
                if !waiting && recheck.is_none() && (scroll_to.is_some() || focus.is_some()) {
                    dispatch.emit(done(scroll_to, focus));
                }
                move || drop(recheck)
            },
        );
    }
    use_effect_with((), move |_| move || drop(flash.borrow_mut().take()));
}

/// Scrolls to and focuses the targets found; the timer that checks focus again.
fn request_now(
    el: &web_sys::Element,
    prefix: &str,
    scroll_to: &Option<FocusTarget>,
    focus: &Option<FocusTarget>,
    flash: &Rc<RefCell<Option<TimedClass>>>,
    dispatch: &Callback<Action>,
) -> Option<Timeout> {
    if let Some(target) = scroll_to {
        if let Some(found) = dom::find(el, &target.element_id(prefix)) {
            dom::scroll_into_view(&found);
        }
    }
    let found = focus
        .as_ref()
        .and_then(|t| dom::find(el, &t.element_id(prefix)))?;
    let _ = found.focus();
    let navigated = scroll_to == focus;
    if navigated && matches!(focus, Some(FocusTarget::Marker { .. })) && !dom::reduced_motion() {
        *flash.borrow_mut() = Some(TimedClass::add(found.clone().into(), "ea-flash", FLASH_MS));
    }
    let (dispatch, done) = (dispatch.clone(), done(scroll_to, focus));
    Some(crate::dom::timeout(0, move || {
        // Only focus that was lost: focus on another element is where the reader put it.
        if !dom::has_focus(&found) && dom::focus_lost() {
            let _ = found.focus();
        }
        dispatch.emit(done);
    }))
}

/// The report that these requests were carried out (only these: a newer request made
/// before the report arrives stays).
fn done(scroll_to: &Option<FocusTarget>, focus: &Option<FocusTarget>) -> Action {
    Action::FocusDone {
        scroll_to: scroll_to.clone(),
        focus: focus.clone(),
    }
}
