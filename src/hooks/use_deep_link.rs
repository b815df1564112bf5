//! A deep link by fragment (`#research`, `#<prefix>research`): open the section and
//! its ancestors, then scroll there. Read once, when the widget mounts.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Action, FocusTarget};
use crate::viewmodel::ArticleView;

/// Opens and scrolls to the section named by the page fragment, if it names one.
#[hook]
pub fn use_deep_link(view: Rc<ArticleView>, prefix: AttrValue, dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        if let Some(hash) = crate::dom::location_hash() {
            let id = hash.strip_prefix(prefix.as_str()).unwrap_or(&hash);
            if let Some(chain) = view.ancestry(id) {
                dispatch.emit(Action::OpenSections(chain));
                dispatch.emit(Action::ScrollTo(FocusTarget::Section(id.to_owned())));
            }
        }
    });
}
