//! The page URL follows the reader's view (`history.replaceState`: no history
//! entries), when the host allows share state; the host's [`Control`] keeps a copy
//! (the mount handle's reader state).

use std::rc::Rc;

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
        if let Some(key) = key {
            crate::dom::write_share_state(&key, share);
        }
    });
}
