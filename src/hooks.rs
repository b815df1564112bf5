//! Browser side effects used by the widget's effects: URL writes, fragment reads,
//! focus moves and document-level dismiss listeners. Called only from effects and
//! callbacks, never while rendering.

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

/// Focuses an element; markers reached by a back-link flash briefly.
pub fn focus_and_flash(root: &web_sys::Element, id: &str) {
    let Some(el) = crate::dom::find(root, id) else {
        return;
    };
    crate::dom::scroll_into_view(&el);
    let _ = el.focus();
    if el.class_list().contains("ea-cite__btn") && !crate::dom::reduced_motion() {
        let _ = el.class_list().add_1("ea-flash");
        gloo::timers::callback::Timeout::new(1600, move || {
            let _ = el.class_list().remove_1("ea-flash");
        })
        .forget();
    }
}

/// Document listeners that close the open popover on Escape or a pointer press
/// outside it and its anchor; focus returns to the anchor.
pub fn dismiss_listeners(
    root: &NodeRef,
    popover_id: &str,
    anchor: &str,
    dispatch: UseReducerDispatcher<WidgetState>,
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
        if !inside(&popover_id) && !inside(&anchor) {
            dispatch.dispatch(Action::Close {
                focus: Some(anchor.clone()),
            });
        }
    });
    Some([on_key, on_press])
}
