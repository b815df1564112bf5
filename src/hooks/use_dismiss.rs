//! While a popover is open: Escape, or a pointer press outside the popover and its
//! anchor, dismisses it. The listeners live exactly as long as that popover.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::dom;
use crate::state::{focus::popover_id, Action, Dismiss, FocusTarget, PopoverAction};

/// Installs document listeners for the popover anchored at `anchor`, if any.
#[hook]
pub fn use_dismiss(
    root: NodeRef,
    prefix: AttrValue,
    anchor: Option<FocusTarget>,
    dispatch: Callback<Action>,
) {
    use_effect_with(anchor, move |anchor| {
        let listeners = anchor
            .as_ref()
            .and_then(|a| listen(&root, &prefix, &a.element_id(&prefix), dispatch));
        move || drop(listeners)
    });
}

fn listen(
    root: &NodeRef,
    prefix: &str,
    anchor: &str,
    dispatch: Callback<Action>,
) -> Option<[EventListener; 2]> {
    let doc = dom::window()?.document()?;
    let root_el: web_sys::Element = root.cast()?;
    let dismiss = move |how| dispatch.emit(PopoverAction::Dismiss(how).into());
    let on_key = {
        let dismiss = dismiss.clone();
        EventListener::new(&doc, "keydown", move |e| {
            let key = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(e).map(|k| k.key());
            if key.as_deref() == Some("Escape") {
                dismiss(Dismiss::Escape);
            }
        })
    };
    let (popover, anchor) = (popover_id(prefix), anchor.to_owned());
    let on_press = EventListener::new(&doc, "pointerdown", move |e| {
        let inside = |id: &str| dom::find(&root_el, id).is_some_and(|el| dom::event_within(e, &el));
        // Presses on the share controls keep the popover: it is part of the link.
        let on_share = dom::path_any(e, |el| el.class_list().contains("ea-share"));
        if inside(&popover) || inside(&anchor) || on_share {
            return;
        }
        let interactive = dom::pressed_interactive(e);
        if interactive {
            // A hidden popover hands focus back to whatever had it before (and
            // scrolls there), which would pull the page from under the press.
            dom::blur_within(&root_el, &popover);
        }
        dismiss(Dismiss::OutsidePress { interactive });
    });
    Some([on_key, on_press])
}
