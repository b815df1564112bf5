//! What the page URL carries for a state: only what differs from the article's
//! defaults, and a citation popover only when it is pinned.

use super::WidgetState;
use crate::url::ShareState;
use crate::viewmodel::ArticleView;

/// What the URL should carry for this state.
pub fn share_state(state: &WidgetState, view: &ArticleView) -> ShareState {
    let mut s = ShareState {
        audience: state.audience_chosen.then_some(state.audience),
        ..Default::default()
    };
    for (id, default_open) in view.section_defaults() {
        let open = state.open.contains(&id);
        if open && !default_open {
            s.open.push(id);
        } else if !open && default_open {
            s.shut.push(id);
        }
    }
    s.cite = state.open_citation();
    s
}
