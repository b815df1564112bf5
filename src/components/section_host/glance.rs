//! "Evidence at a glance" as parts that hydrate on their own, one per source: its
//! charts are most of the section that holds them (241 of the 349 elements of the
//! seed's Research section), so that section no longer hydrates them in its own
//! task, and no single task hydrates all of them. The
//! pre-render ([`Hosting::Marked`]) wraps the charts in `<div class="ea-glance-host">`
//! between raw-HTML marks; hydrating a marked pre-render, the section adopts that
//! region untouched and the charts hydrate as a root of their own in a later task, on
//! the same nodes, then follow the section's props (an audience switch). They hold no
//! control (their table is a native `<details>`), so they hydrate after the rest of
//! the widget, after its `ready` event ([`DeferredSections::release_charts`]), unless
//! the section's props change first. Rendered
//! afresh, or hydrating an unmarked pre-render, the same wrapper holds the charts in
//! the section's own tree. Rendered afresh without a pre-render (filling,
//! `section_host/fill.rs`), the section renders the wrapper empty and the charts fill
//! it as a root of their own in the next task, what follows them in their section
//! hidden until then (CSS), so nothing shown moves; there the `ready` event waits for
//! them ([`DeferredSections::done`]).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::{DeferredSections, Hosting, Part, SectionHost, SectionHostProps, RAW_CLOSE, RAW_OPEN};
use crate::components::context::{use_widget, Shared, WidgetContext};
use crate::components::glance::{Glance, GlanceProps};

/// Class of the element around the charts (`display: contents`).
pub const GLANCE_CLASS: &str = "ea-glance-host";

/// The charts' marked wrapper in a pre-render, before and after its own hydration.
pub(super) struct GlanceSlot {
    wrapper: web_sys::Element,
    handle: RefCell<Option<yew::AppHandle<SectionHost>>>,
    /// The latest props the section sent (the first ones are what the pre-render shows).
    latest: RefCell<Option<SectionHostProps>>,
    /// Hydrating a marked pre-render: the first props the section sent, which the
    /// charts hydrate with.
    first: RefCell<Option<SectionHostProps>>,
    /// Whether their hydration has been scheduled.
    scheduled: Cell<bool>,
    pub(super) committed: Rc<Cell<bool>>,
}

impl GlanceSlot {
    pub(super) fn new(wrapper: web_sys::Element) -> Self {
        Self {
            wrapper,
            handle: RefCell::default(),
            latest: RefCell::default(),
            first: RefCell::default(),
            scheduled: Cell::new(false),
            committed: Rc::default(),
        }
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

    /// Filling: the section's latest props for the charts, which its root (mounted
    /// by the fill, `fill::FillState::mount_next`) renders, or gets once mounted.
    fn offer_filled(&self, props: SectionHostProps) {
        if self.latest.borrow().as_ref() == Some(&props) {
            return;
        }
        *self.latest.borrow_mut() = Some(props.clone());
        if let Some(h) = self.handle.borrow_mut().as_mut() {
            h.update(props);
        }
    }

    /// Filling: mounts the charts' root with the latest props, unless mounted already;
    /// whether it did.
    pub(super) fn mount(&self) -> bool {
        let Some(props) = self.latest.borrow().clone() else {
            return false;
        };
        if self.handle.borrow().is_some() {
            return false;
        }
        let first = props.reporting(&self.committed);
        let handle =
            yew::Renderer::<SectionHost>::with_root_and_props(self.wrapper.clone(), first).render();
        *self.handle.borrow_mut() = Some(handle);
        true
    }

    pub(super) fn mounted(&self) -> bool {
        self.handle.borrow().is_some()
    }

    /// Filling: unmounts the charts' root (the widget is being destroyed).
    pub(super) fn destroy_filled(&self) {
        if let Some(h) = self.handle.borrow_mut().take() {
            super::fill::destroy_root(h, self.wrapper.clone(), 20);
        }
    }

    /// The section's latest props for the charts: the first are what the charts
    /// hydrate with, once the rest of the widget has hydrated
    /// ([`DeferredSections::release_charts`]); later ones update them, and a change
    /// before then (an early audience switch) hydrates them at once.
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
        if first {
            *self.first.borrow_mut() = Some(props);
            if !sections.charts_released.get() {
                return;
            }
        }
        self.hydrate_later(sections);
    }

    /// Hydrates the charts in a task of their own, on the pre-rendered nodes, with the
    /// props the pre-render shows, then the latest if they differ. Once only; not
    /// before the section has sent its first props.
    pub(super) fn hydrate_later(self: &Rc<Self>, sections: &Rc<DeferredSections>) {
        let Some(props) = self.first.borrow().clone() else {
            return;
        };
        if self.scheduled.replace(true) {
            return;
        }
        let (slot, sections) = (self.clone(), Rc::downgrade(sections));
        crate::dom::timeout(0, move || {
            let Some(all) = sections.upgrade().filter(|s| !s.destroyed()) else {
                return;
            };
            // Once committed, the next chart (released ones only).
            let next = Rc::downgrade(&all);
            let first = props.clone().reporting_then(&slot.committed, move || {
                if let Some(s) = next.upgrade().filter(|s| s.charts_released.get()) {
                    s.hydrate_next_chart();
                }
            });
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

impl DeferredSections {
    /// Hydrates the first adopted chart not scheduled yet (see
    /// [`DeferredSections::release_charts`]).
    pub(super) fn hydrate_next_chart(self: &Rc<Self>) {
        let claimed = &self.glances[..self.claimed.get()];
        if let Some(g) = claimed
            .iter()
            .find(|g| !g.scheduled.get() && g.first.borrow().is_some())
        {
            g.hydrate_later(self);
        }
    }
}

/// How a [`GlanceHost`]'s charts render, decided by its first render.
#[derive(Clone, PartialEq)]
enum Deferral {
    /// In its own tree.
    None,
    /// Adopting a marked wrapper, hydrated later as a root of its own.
    Hydrate(Shared<DeferredSections>, Shared<GlanceSlot>),
    /// An empty wrapper that a root of its own fills later (rendering afresh).
    Fill(Shared<DeferredSections>),
}

/// The charts of one source of a `findings` block, hosted as [`Hosting`] says.
#[function_component(GlanceHost)]
pub fn glance_host(p: &GlanceProps) -> Html {
    let ctx = use_widget();
    // Decided by the first render: whether it adopts a marked wrapper to hydrate
    // later, or leaves its wrapper empty for the fill.
    let deferred = use_state(|| match &ctx.hosting {
        Hosting::Deferred(d) if d.fills_glances() => Deferral::Fill(Shared(d.clone())),
        Hosting::Deferred(d) => d.claim_glance().map_or(Deferral::None, |s| {
            Deferral::Hydrate(Shared(d.clone()), Shared(s))
        }),
        _ => Deferral::None,
    });
    let wrapper = use_node_ref();
    let filled = use_mut_ref(|| None::<Rc<GlanceSlot>>);
    let props = SectionHostProps {
        part: Part::Glance(p.clone()),
        ctx: WidgetContext::clone(&ctx),
        hydration: None,
    };
    // A committed root (hydrated or filled) gets its props with the section's render.
    match &*deferred {
        Deferral::Hydrate(_, slot) => slot.0.offer_committed(&props),
        Deferral::Fill(_) => {
            if let Some(slot) = filled.borrow().as_ref() {
                slot.offer_committed(&props);
            }
        }
        Deferral::None => {}
    }
    {
        let (wrapper, state) = (wrapper.clone(), deferred.clone());
        use_effect_with(
            ((*deferred).clone(), props.clone()),
            move |(deferred, props)| {
                match deferred {
                    Deferral::Hydrate(sections, slot) => slot.0.offer(props.clone(), &sections.0),
                    Deferral::Fill(sections) => {
                        let mut filled = filled.borrow_mut();
                        if filled.is_none() {
                            *filled = wrapper
                                .cast::<web_sys::Element>()
                                .and_then(|w| sections.0.fill_glance(w));
                        }
                        match filled.as_ref() {
                            Some(slot) => slot.offer_filled(props.clone()),
                            // The fill ended meanwhile: the charts render in this tree.
                            None => state.set(Deferral::None),
                        }
                    }
                    Deferral::None => {}
                }
            },
        );
    }
    match (&ctx.hosting, &*deferred) {
        // Adopts the marked region as it is (only hydrated, never attached).
        (_, Deferral::Hydrate(..)) => Html::from_html_unchecked(AttrValue::Static("")),
        // Filled by a root of its own; this tree keeps the wrapper empty.
        (_, Deferral::Fill(_)) => html! { <div class={GLANCE_CLASS} ref={wrapper}></div> },
        (Hosting::Marked, _) => html! {
            <>
                {Html::from_html_unchecked(AttrValue::Static(RAW_OPEN))}
                <div class={GLANCE_CLASS}><SectionHost ..props /></div>
                {Html::from_html_unchecked(AttrValue::Static(RAW_CLOSE))}
            </>
        },
        _ => html! { <div class={GLANCE_CLASS}><Glance ..p.clone() /></div> },
    }
}
