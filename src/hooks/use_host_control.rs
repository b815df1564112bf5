//! The host's `setAudience()` (mount API) reaches the reducer through the widget's
//! [`Control`]; disconnected when the widget goes away.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::Control;
use crate::state::Action;

/// Connects `control` (if any) to `dispatch` while mounted.
#[hook]
pub fn use_host_control(control: Option<Rc<Control>>, dispatch: Callback<Action>) {
    use_effect_with(control, move |control| {
        let control = control.clone();
        if let Some(c) = &control {
            c.connect(Some(dispatch.reform(Action::SetAudience)));
        }
        move || {
            if let Some(c) = control {
                c.connect(None);
            }
        }
    });
}
