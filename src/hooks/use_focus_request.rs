//! Scroll and focus requests, after the render that makes their target exist. The
//! typed target becomes an element id only here. A press that asked for focus may
//! still move it (its default action, or a popover handing focus back), so focus is
//! checked once more after the current task; then the request is marked done.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::dom::{self, TimedClass};
use crate::state::{Action, FocusTarget};

/// How long a marker reached by a back-link stays highlighted.
const FLASH_MS: u32 = 1600;

/// Scrolls to `scroll_to` and focuses `focus` inside `root`; a marker reached by
/// navigation (scrolled to and focused) flashes briefly.
#[hook]
pub fn use_focus_request(
    root: NodeRef,
    prefix: AttrValue,
    scroll_to: Option<FocusTarget>,
    focus: Option<FocusTarget>,
    dispatch: Callback<Action>,
) {
    let flash: Rc<RefCell<Option<TimedClass>>> = use_mut_ref(|| None);
    {
        let flash = flash.clone();
        use_effect_with((scroll_to, focus), move |(scroll_to, focus)| {
            let mut recheck = None;
            if let Some(el) = root.cast::<web_sys::Element>() {
                if let Some(target) = scroll_to {
                    if let Some(found) = dom::find(&el, &target.element_id(&prefix)) {
                        dom::scroll_into_view(&found);
                    }
                }
                let found = focus
                    .as_ref()
                    .and_then(|t| dom::find(&el, &t.element_id(&prefix)));
                if let Some(found) = found {
                    let _ = found.focus();
                    let navigated = scroll_to == focus;
                    if navigated
                        && matches!(focus, Some(FocusTarget::Marker { .. }))
                        && !dom::reduced_motion()
                    {
                        *flash.borrow_mut() =
                            Some(TimedClass::add(found.clone().into(), "ea-flash", FLASH_MS));
                    }
                    let dispatch = dispatch.clone();
                    recheck = Some(Timeout::new(0, move || {
                        if !dom::has_focus(&found) {
                            let _ = found.focus();
                        }
                        dispatch.emit(Action::FocusDone);
                    }));
                }
            }
            if recheck.is_none() && (scroll_to.is_some() || focus.is_some()) {
                dispatch.emit(Action::FocusDone);
            }
            move || drop(recheck)
        });
    }
    use_effect_with((), move |_| move || drop(flash.borrow_mut().take()));
}
