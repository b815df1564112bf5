//! The host's `setAudience()` (mount API) and `audience` attribute changes reach the
//! reducer through the widget's [`Control`]; disconnected when the widget goes away.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::{AudienceRequest, Control};
use crate::state::Action;

/// Connects `control` (if any) to `dispatch` while mounted.
#[hook]
pub fn use_host_control(control: Option<Rc<Control>>, dispatch: Callback<Action>) {
    use_effect_with(control, move |control| {
        let control = control.clone();
        if let Some(c) = &control {
            c.connect(Some(dispatch.reform(|r| match r {
                AudienceRequest::Reader(a) => Action::SetAudience(a),
                AudienceRequest::Default(a) => Action::SetDefaultAudience(a),
            })));
        }
        move || {
            if let Some(c) = control {
                c.connect(None);
            }
        }
    });
}
