//! Custom hooks: each wraps one `use_effect_with` that carries state out to the
//! browser (URL, focus, timers, document listeners, host events) or host input in.
//! They run only in the browser (effects never run under SSR); the browser calls
//! they make live in `crate::dom`.

mod use_announce;
mod use_catch_up;
mod use_deep_link;
mod use_dismiss;
mod use_focus_request;
mod use_host_control;
mod use_host_events;
mod use_hover_timer;
mod use_hydration;
mod use_share_url;

pub use use_announce::use_announce;
pub use use_catch_up::use_catch_up;
pub use use_deep_link::use_deep_link;
pub use use_dismiss::use_dismiss;
pub use use_focus_request::use_focus_request;
pub use use_host_control::use_host_control;
pub use use_host_events::use_host_events;
pub use use_hover_timer::use_hover_timer;
pub use use_hydration::{use_hydration, Hydration};
pub use use_share_url::use_share_url;
