//! Keeps one update of the article in one scheduler run, so one frame: Yew 0.23's
//! scheduler yields to the browser (a `setTimeout`) once 16 ms of wall clock have
//! passed, at the first point where no render is queued; queued props updates do not
//! stop it. An update renders its components in order of creation (lowest id first),
//! each one's children after their props updates: so once the last queued render has
//! run, whatever its children still had to render came after a frame. At 4x CPU an
//! audience switch passes 16 ms long before that: the parts of the last root (the
//! references, disclaimer and follow-up) changed a task and a frame after the rest.
//!
//! [`Last`] is made anew (a new key) by the render it guards, so it is the newest
//! component; its first render queues a second one, which waits behind every other
//! render of that run (all of older components, or first renders, which cannot be
//! cut): no render is missing from the queue until the second one has run.

use yew::prelude::*;

/// Renders nothing; see the module doc.
#[function_component(Last)]
pub fn last() -> Html {
    let again = use_state(|| true);
    if *again {
        again.set(false);
    }
    Html::default()
}
