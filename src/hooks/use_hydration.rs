//! What a root that hydrates a pre-render tells the code that started it: when its
//! first render begins and when it has committed. Clicks on the pre-render before
//! then are recorded (`crate::embed::early`); recording must stop when the render
//! begins (from then on, until the whole tree below has rendered with its
//! listeners, Yew's scheduler does not yield to the browser, so no click lands in
//! between) and the recorded clicks be replayed once it has committed (effects run
//! after the tree below has rendered). Replaying sooner, e.g. right after
//! `Renderer::hydrate`, can click buttons that have no listeners yet: the scheduler
//! may still be busy with other work and run the hydration tasks later.

use yew::prelude::*;

/// The two moments of a hydrating root ([`use_hydration`]).
#[derive(Clone, PartialEq, Debug)]
pub struct Hydration {
    /// The first render begins.
    pub rendering: Callback<()>,
    /// The first render is in the DOM with its listeners.
    pub committed: Callback<()>,
}

/// Tells `hydration` when the component's first render begins and when it has
/// committed (nothing without one).
#[hook]
pub fn use_hydration(hydration: Option<Hydration>) {
    let first = hydration.clone();
    // A state initialiser runs once, in the first render (also under SSR, where no
    // root has a `Hydration`).
    use_state(move || {
        if let Some(h) = first {
            h.rendering.emit(());
        }
    });
    use_effect_with((), move |_| {
        if let Some(h) = hydration {
            h.committed.emit(());
        }
    });
}
