//! Reports to the host: `ready` once, and every audience the reader picks (which is
//! also stored as the reader's preference).

use yew::prelude::*;

use crate::config::HostEvent;
use crate::model::Audience;

/// Emits host events for the ready state and the reader's audience choices.
#[hook]
pub fn use_host_events(on_event: Callback<HostEvent>, audience: Audience, reader_choice: bool) {
    {
        let on_event = on_event.clone();
        use_effect_with((), move |_| on_event.emit(HostEvent::Ready));
    }
    use_effect_with((audience, reader_choice), move |(aud, reader_choice)| {
        if *reader_choice {
            crate::storage::save_browser_audience(*aud);
            on_event.emit(HostEvent::AudienceChange(*aud));
        }
    });
}
