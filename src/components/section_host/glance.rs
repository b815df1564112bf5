//! "Evidence at a glance" as parts that hydrate on their own, one per source: its
//! charts are most of the section that holds them (241 of the 349 elements of the
//! seed's Research section), so that section no longer hydrates them in its own
//! task, and no single task hydrates all of them. The
//! pre-render ([`Hosting::Marked`]) wraps the charts in `<div class="ea-glance-host">`
//! between raw-HTML marks; hydrating a marked pre-render, the section adopts that
//! region untouched and the charts hydrate as a root of their own in a later task, on
//! the same nodes, then follow the section's props (an audience switch). Rendered
//! afresh, or hydrating an unmarked pre-render, the same wrapper holds the charts in
//! the section's own tree. The `ready` event waits for them
//! ([`DeferredSections::done`]).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::{DeferredSections, Hosting, Part, SectionHost, SectionHostProps, RAW_CLOSE, RAW_OPEN};
use crate::components::context::{use_widget, Shared, WidgetContext};
use crate::components::glance::{Glance, GlanceProps};
use crate::hooks::Hydration;

/// Class of the element around the charts (`display: contents`).
pub const GLANCE_CLASS: &str = "ea-glance-host";

/// The charts' marked wrapper in a pre-render, before and after its own hydration.
pub(super) struct GlanceSlot {
    wrapper: web_sys::Element,
    handle: RefCell<Option<yew::AppHandle<SectionHost>>>,
    /// The latest props the section sent (the first ones are what the pre-render shows).
    latest: RefCell<Option<SectionHostProps>>,
    committed: Rc<Cell<bool>>,
}

impl GlanceSlot {
    pub(super) fn new(wrapper: web_sys::Element) -> Self {
        Self {
            wrapper,
            handle: RefCell::default(),
            latest: RefCell::default(),
            committed: Rc::default(),
        }
    }

    pub(super) fn committed(&self) -> bool {
        self.committed.get()
    }

    pub(super) fn destroy(&self) {
        if let Some(h) = self.handle.borrow_mut().take() {
            h.destroy();
        }
    }

    /// During the section's render: a root that has committed gets `props` now, so
    /// its update is queued with the section's own (given in the section's effect, it
    /// waited for Yew's next yield: on the standalone page at 4x CPU a task and a
    /// frame of its own after the section's, the last of an audience switch).
    fn offer_committed(&self, props: &SectionHostProps) {
        if !self.committed.get() || self.latest.borrow().as_ref() == Some(props) {
            return;
        }
        if let Some(h) = self.handle.borrow_mut().as_mut() {
            *self.latest.borrow_mut() = Some(props.clone());
            h.update(props.clone());
        }
    }

    /// The section's latest props for the charts: the first hydrate them, in a task
    /// of their own; later ones update them.
    fn offer(self: &Rc<Self>, props: SectionHostProps, sections: &Rc<DeferredSections>) {
        let first = self.latest.borrow().is_none();
        if self.latest.borrow().as_ref() == Some(&props) {
            return;
        }
        *self.latest.borrow_mut() = Some(props.clone());
        if let Some(h) = self.handle.borrow_mut().as_mut() {
            h.update(props);
            return;
        }
        if !first {
            return;
        }
        let (slot, sections) = (self.clone(), Rc::downgrade(sections));
        crate::dom::timeout(0, move || {
            if sections.upgrade().is_none_or(|s| s.destroyed()) {
                return;
            }
            let done = slot.committed.clone();
            let first = SectionHostProps {
                hydration: Some(Hydration {
                    rendering: Callback::noop(),
                    committed: Callback::from(move |()| done.set(true)),
                }),
                ..props.clone()
            };
            let mut handle =
                yew::Renderer::<SectionHost>::with_root_and_props(slot.wrapper.clone(), first)
                    .hydrate();
            if let Some(latest) = slot.latest.borrow().clone().filter(|l| *l != props) {
                handle.update(latest);
            }
            *slot.handle.borrow_mut() = Some(handle);
        })
        .forget();
    }
}

/// The charts of one source of a `findings` block, hosted as [`Hosting`] says.
#[function_component(GlanceHost)]
pub fn glance_host(p: &GlanceProps) -> Html {
    let ctx = use_widget();
    // Decided by the first render: whether it adopts a marked wrapper to hydrate later.
    let deferred = use_state(|| match &ctx.hosting {
        Hosting::Deferred(d) => d.claim_glance().map(|s| (Shared(d.clone()), Shared(s))),
        _ => None,
    });
    let props = SectionHostProps {
        part: Part::Glance(p.clone()),
        ctx: WidgetContext::clone(&ctx),
        hydration: None,
    };
    if let Some((_, slot)) = &*deferred {
        slot.0.offer_committed(&props);
    }
    use_effect_with(((*deferred).clone(), props.clone()), |(deferred, props)| {
        if let Some((sections, slot)) = deferred {
            slot.0.offer(props.clone(), &sections.0);
        }
    });
    match (&ctx.hosting, &*deferred) {
        // Adopts the marked region as it is (only hydrated, never attached).
        (_, Some(_)) => Html::from_html_unchecked(AttrValue::Static("")),
        (Hosting::Marked, None) => html! {
            <>
                {Html::from_html_unchecked(AttrValue::Static(RAW_OPEN))}
                <div class={GLANCE_CLASS}><SectionHost ..props /></div>
                {Html::from_html_unchecked(AttrValue::Static(RAW_CLOSE))}
            </>
        },
        _ => html! { <div class={GLANCE_CLASS}><Glance ..p.clone() /></div> },
    }
}
