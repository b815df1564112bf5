//! The page URL follows the reader's view (`history.replaceState`: no history
//! entries), when the host allows share state; the host's [`Control`] keeps a copy
//! (the mount handle's reader state). The URL is written in a task of its own, after
//! the frame that shows the change (`replaceState` costs milliseconds, and a reader
//! waiting for a popover or an audience switch should not wait for it); a newer state
//! replaces a write not yet made.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::config::Control;
use crate::url::ShareState;

/// Writes `share` under `key` whenever it changes (`key` is `None` when the host
/// turned share state off) and records it on `control`.
#[hook]
pub fn use_share_url(key: Option<AttrValue>, control: Option<Rc<Control>>, share: ShareState) {
    use_effect_with(share, move |share| {
        if let Some(c) = &control {
            c.record(share.clone());
        }
        let write = key.map(|key| {
            let share = share.clone();
            Timeout::new(0, move || crate::dom::write_share_state(&key, &share))
        });
        move || drop(write)
    });
}
