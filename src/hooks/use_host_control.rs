//! The host's `setAudience()` (mount API) and `audience` attribute changes reach the
//! reducer through the widget's [`Control`]; disconnected when the widget goes away.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{AudienceRequest, Control};
use crate::state::Action;

/// Connects `control` (if any) to `dispatch` while mounted; `root` is the widget's
/// root element, whose parts on screen switch audience in the same render when the
/// switch is `stepped` (`state::switch`; otherwise every part does, with no read).
#[hook]
pub fn use_host_control(
    control: Option<Rc<Control>>,
    root: NodeRef,
    stepped: bool,
    dispatch: Callback<Action>,
) {
    use_effect_with(control, move |control| {
        let control = control.clone();
        if let Some(c) = &control {
            c.connect(Some(Callback::from(move |r| {
                dispatch.emit(match r {
                    AudienceRequest::Reader(a) => Action::SetAudience(a),
                    AudienceRequest::Default(a) => Action::SetDefaultAudience(a),
                });
                if let Some(el) = root.cast::<web_sys::Element>().filter(|_| stepped) {
                    dispatch.emit(Action::CatchUp(crate::dom::parts_on_screen(&el)));
                }
            })));
        }
        move || {
            if let Some(c) = control {
                c.connect(None);
            }
        }
    });
}
