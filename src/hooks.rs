//! Browser side effects used by the widget's effects: URL writes, fragment reads,
//! focus moves and document-level dismiss listeners. Called only from effects and
//! callbacks, never while rendering. Every timer they start is owned by the widget
//! ([`use_unmount_slot`]), so none outlives it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::config::WidgetConfig;
use crate::state::{Action, WidgetState};
use crate::url::{self, ShareState};

/// Writes the share state into the page URL with `history.replaceState`, keeping the
/// host's other parameters and fragment untouched.
pub fn write_share_state(config: &WidgetConfig, share: &ShareState) {
    let Some(win) = crate::dom::window() else {
        return;
    };
    let loc = win.location();
    let (Ok(search), Ok(hash), Ok(path)) = (loc.search(), loc.hash(), loc.pathname()) else {
        return;
    };
    let value = url::encode(share);
    let query = url::write_param(&search, &config.share_key(), Some(&value));
    if query == search || (query.is_empty() && search.is_empty()) {
        return;
    }
    if let Ok(history) = win.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}{hash}")),
        );
    }
}

/// The page's fragment without `#`, if any.
pub fn location_hash() -> Option<String> {
    let h = crate::dom::window()?.location().hash().ok()?;
    let h = h.strip_prefix('#')?.to_owned();
    (!h.is_empty() && h.len() <= 128).then_some(h)
}

/// A slot for what must outlive the effect run that made it (a timer that fires after
/// the state moved on) but not the widget: its content is dropped on unmount, and a
/// dropped gloo `Timeout` never fires.
#[hook]
pub fn use_unmount_slot<T: 'static>() -> Rc<RefCell<Option<T>>> {
    let slot = use_mut_ref(|| None);
    {
        let slot = slot.clone();
        use_effect_with((), move |_| {
            move || {
                let held = slot.borrow_mut().take();
                drop(held);
            }
        });
    }
    slot
}

/// The timers [`focus_and_flash`] starts. Dropping it cancels them and ends the flash.
pub struct FocusTimers {
    _refocus: Timeout,
    flash: Option<(Timeout, web_sys::HtmlElement)>,
}

impl Drop for FocusTimers {
    fn drop(&mut self) {
        if let Some((_, el)) = self.flash.take() {
            let _ = el.class_list().remove_1("ea-flash");
        }
    }
}

/// Focuses an element (the browser scrolls only if it is off-screen, so a press in
/// progress is not disturbed); markers reached by a back-link flash briefly. The
/// caller keeps the returned timers (in a [`use_unmount_slot`]).
pub fn focus_and_flash(root: &web_sys::Element, id: &str) -> Option<FocusTimers> {
    let el = crate::dom::find(root, id)?;
    let _ = el.focus();
    // The press that asked for this may still move focus (its default action, or
    // a popover handing focus back): check once more after the current task.
    let again = el.clone();
    let refocus = Timeout::new(0, move || {
        if !again.matches(":focus").unwrap_or(true) {
            let _ = again.focus();
        }
    });
    let flash =
        (el.class_list().contains("ea-cite__btn") && !crate::dom::reduced_motion()).then(|| {
            let _ = el.class_list().add_1("ea-flash");
            let target = el.clone();
            let timer = Timeout::new(1600, move || {
                let _ = target.class_list().remove_1("ea-flash");
            });
            (timer, el)
        });
    Some(FocusTimers {
        _refocus: refocus,
        flash,
    })
}

/// Document listeners that close the open popover on Escape or a pointer press
/// outside it and its anchor; focus returns to the anchor. The timer that puts focus
/// back after a press goes into `pending` (a [`use_unmount_slot`]): it must outlive
/// these listeners (the press closes the popover) but not the widget.
pub fn dismiss_listeners(
    root: &NodeRef,
    popover_id: &str,
    anchor: &str,
    dispatch: UseReducerDispatcher<WidgetState>,
    pending: Rc<RefCell<Option<Timeout>>>,
) -> Option<[gloo::events::EventListener; 2]> {
    let doc = crate::dom::window()?.document()?;
    let root_el: web_sys::Element = root.cast()?;
    let anchor = anchor.to_owned();
    let on_key = {
        let dispatch = dispatch.clone();
        let anchor = anchor.clone();
        gloo::events::EventListener::new(&doc, "keydown", move |e| {
            let key = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(e).map(|k| k.key());
            if key.as_deref() == Some("Escape") {
                dispatch.dispatch(Action::Close {
                    focus: Some(anchor.clone()),
                });
            }
        })
    };
    let popover_id = popover_id.to_owned();
    let on_press = gloo::events::EventListener::new(&doc, "pointerdown", move |e| {
        let inside = |id: &str| {
            crate::dom::find(&root_el, id).is_some_and(|el| crate::dom::event_within(e, &el))
        };
        if !inside(&popover_id) && !inside(&anchor) && !keeps_popover(e) {
            // Pressing another control lets that control take focus; pressing plain
            // content returns focus to the marker so keyboard users are not lost.
            let interactive = pressed_interactive(e);
            if interactive {
                // A hidden popover hands focus back to whatever had it before (and
                // scrolls there), which would pull the page from under the press.
                blur_within(&root_el, &popover_id);
            }
            dispatch.dispatch(Action::Close { focus: None });
            if !interactive {
                // After the press's own default action (which focuses <body>), put
                // focus back on the marker.
                let (root_el, anchor) = (root_el.clone(), anchor.clone());
                let timer = Timeout::new(0, move || {
                    crate::dom::focus(&root_el, &anchor);
                });
                *pending.borrow_mut() = Some(timer);
            }
        }
    });
    Some([on_key, on_press])
}

/// Whether a pointer press landed on something that takes focus itself.
fn pressed_interactive(e: &web_sys::Event) -> bool {
    crate::dom::path_any(e, |el| {
        matches!(
            el.tag_name().to_ascii_lowercase().as_str(),
            "button" | "a" | "input" | "select" | "textarea" | "label" | "summary"
        )
    })
}

/// Blurs the focused element inside the element with `id`, if any.
fn blur_within(root: &web_sys::Element, id: &str) {
    let Some(container) = crate::dom::find(root, id) else {
        return;
    };
    if !container.matches(":focus-within").unwrap_or(false) {
        return;
    }
    let focused = container
        .query_selector(":focus")
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        .unwrap_or(container);
    let _ = focused.blur();
}

/// Presses on the share controls keep the popover open: its state is part of the
/// link being shared.
fn keeps_popover(e: &web_sys::Event) -> bool {
    crate::dom::path_any(e, |el| el.class_list().contains("ea-share"))
}
