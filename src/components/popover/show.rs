//! When the popover shows: once its anchor (the citation marker or term button) says
//! `aria-expanded="true"`, so no frame shows the dialog open while its marker says
//! collapsed. The anchor's part may be a Yew root of its own (`section_host`) that
//! renders after the popover layer, even a task later: Yew's scheduler may yield to
//! the browser with props updates still queued. Until then a `MutationObserver` on
//! the widget's root waits for the anchor's `aria-expanded`: its callback runs in the
//! microtask after the script that rendered the marker, before the next frame.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::NodeRef;

use super::place;

type Listeners = Vec<gloo::events::EventListener>;
type OnChange = Closure<dyn FnMut(JsValue, web_sys::MutationObserver)>;

/// Shows the popover anyway after this long if its anchor never says it is
/// expanded (a reader's popover is never lost to a part that did not render).
const FALLBACK_MS: u32 = 1000;

/// A shown or waiting popover: dropped, it stops waiting and stops following its
/// anchor (scroll / resize listeners).
pub struct Shown {
    _listeners: Rc<RefCell<Option<Listeners>>>,
    waiting: Option<(web_sys::MutationObserver, OnChange)>,
    _fallback: Option<gloo::timers::callback::Timeout>,
}

impl Drop for Shown {
    fn drop(&mut self) {
        if let Some((observer, _)) = &self.waiting {
            observer.disconnect();
        }
    }
}

/// Shows the popover in `node` next to the element `anchor_id` now if the anchor
/// says it is expanded, else hides it (it may still show a previous anchor's) and
/// shows it once the anchor does.
pub fn when_anchor_expanded(node: &NodeRef, anchor_id: &str, take_focus: bool) -> Option<Shown> {
    let el: web_sys::HtmlElement = node.cast()?;
    let root = el.parent_element()?;
    let listeners: Rc<RefCell<Option<Listeners>>> = Rc::default();
    let show: Rc<dyn Fn(bool) -> bool> = {
        let (listeners, el, id) = (listeners.clone(), el.clone(), anchor_id.to_owned());
        Rc::new(move |force: bool| {
            if listeners.borrow().is_some() {
                return true;
            }
            let Some(anchor) = crate::dom::find(&root, &id) else {
                return false;
            };
            if !force && anchor.get_attribute("aria-expanded").as_deref() != Some("true") {
                return false;
            }
            *listeners.borrow_mut() = Some(show_and_place(&el, &anchor, take_focus));
            true
        })
    };
    if show(false) {
        return Some(Shown {
            _listeners: listeners,
            waiting: None,
            _fallback: None,
        });
    }
    // `hidePopover` throws when not open; ignoring that error is what we want.
    let _ = crate::dom::call_method(&JsValue::from(el.clone()), "hidePopover", &[]);
    let on_change = {
        let show = show.clone();
        Closure::<dyn FnMut(JsValue, web_sys::MutationObserver)>::new(
            move |_: JsValue, observer: web_sys::MutationObserver| {
                if show(false) {
                    observer.disconnect();
                }
            },
        )
    };
    let observer = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()).ok()?;
    let options = web_sys::MutationObserverInit::new();
    options.set_attributes(true);
    options.set_subtree(true);
    options.set_attribute_filter(&js_sys::Array::of1(&JsValue::from_str("aria-expanded")));
    let _ = observer.observe_with_options(&el.parent_node()?, &options);
    let fallback = crate::dom::timeout(FALLBACK_MS, move || {
        show(true);
    });
    Some(Shown {
        _listeners: listeners,
        waiting: Some((observer, on_change)),
        _fallback: Some(fallback),
    })
}

/// Opens the popover in the top layer and keeps it next to its anchor while the page
/// scrolls or resizes. The returned listeners stop when dropped.
fn show_and_place(
    el: &web_sys::HtmlElement,
    anchor: &web_sys::HtmlElement,
    take_focus: bool,
) -> Listeners {
    // `showPopover` throws when already open; ignoring that error is what we want.
    let _ = crate::dom::call_method(&JsValue::from(el.clone()), "showPopover", &[]);
    place(el, anchor);
    if take_focus {
        let _ = el.focus();
    }
    let Some(win) = crate::dom::window() else {
        return Vec::new();
    };
    let mk = |ev: &'static str| {
        let (el, anchor) = (el.clone(), anchor.clone());
        gloo::events::EventListener::new_with_options(
            &win,
            ev,
            gloo::events::EventListenerOptions {
                phase: gloo::events::EventListenerPhase::Capture,
                passive: true,
            },
            move |e: &web_sys::Event| {
                // Scrolling inside the popover does not move it (nor its anchor).
                let inside = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .is_some_and(|t| el.contains(Some(&t)));
                if !inside {
                    place(&el, &anchor);
                }
            },
        )
    };
    vec![mk("scroll"), mk("resize")]
}
