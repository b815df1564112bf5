//! The page URL follows the reader's view (`history.replaceState`: no history
//! entries), when the host allows share state.

use yew::prelude::*;

use crate::url::ShareState;

/// Writes `share` under `key` whenever it changes; `key` is `None` when the host
/// turned share state off.
#[hook]
pub fn use_share_url(key: Option<AttrValue>, share: ShareState) {
    use_effect_with(share, move |share| {
        if let Some(key) = key {
            crate::dom::write_share_state(&key, share);
        }
    });
}
