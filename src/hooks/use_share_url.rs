//! The page URL follows the reader's view (`history.replaceState`: no history
//! entries), when the host allows share state; the host's [`Control`] keeps a copy
//! (the mount handle's reader state). The URL is written in a task of its own,
//! [`WRITE_DELAY_MS`] after the last change: `replaceState` costs milliseconds (3–4 ms
//! of main-thread time per write measured on desktop, ×4 at 4× CPU), and written at
//! once (a zero timeout) it ran before the next frame, so a reader waiting for a
//! popover or an audience switch waited for it too. A newer state replaces a write not
//! yet made, so a burst of changes writes once.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::Control;
use crate::url::ShareState;

/// How long after the last change the URL is written (ms): past the frames that show
/// a change (a stepped audience switch included) on a slow device.
pub const WRITE_DELAY_MS: u32 = 250;

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
            crate::dom::timeout(WRITE_DELAY_MS, move || {
                crate::dom::write_share_state(&key, &share)
            })
        });
        move || drop(write)
    });
}
