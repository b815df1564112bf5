//! Top-level sections as parts that hydrate on their own, so start-up is not one long
//! task: the pre-render ([`Hosting::Marked`]) wraps each top-level section in
//! `<div class="ea-section-host">` between raw-HTML marks; the browser's first
//! hydration ([`Hosting::Deferred`]) adopts each marked region untouched (Yew's raw
//! node keeps the nodes as they are) and hydrates the header, picker, references and
//! the rest; each section then hydrates as a Yew root of its own in a later task
//! ([`DeferredSections::hydrate_next`]) on the same nodes, and the article widget
//! sends it new props whenever its state changes. Rendered afresh in the browser
//! without a pre-render, the same deferred roots (the header, the picker, then the
//! sections) fill empty wrappers instead, a few per task
//! ([`DeferredSections::filling`], `section_host/fill.rs`). Rendered
//! afresh inline ([`Hosting::Inline`], also native tests) the same wrapper holds the
//! same component, so the DOM is the same in every mode.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::components::article::Tools;
use crate::components::article_section::{ArticleSection, ArticleSectionProps};
use crate::components::audience_picker::{AudiencePicker, AudiencePickerProps};
use crate::components::context::Shared;
use crate::components::context::WidgetContext;
use crate::components::glance::{Glance, GlanceProps};
use crate::components::header::{Header, StaleHint};
use crate::components::tail::{Tail, TailProps};
use crate::hooks::{use_hydration, Hydration};

/// Class of the element around each top-level section (`display: contents`).
pub const HOST_CLASS: &str = "ea-section-host";

/// Comment text of Yew's raw-node marks (what `<!--<#>-->` / `<!--</#>-->` hold).
const RAW_OPEN: &str = "<!--<#>-->";
const RAW_CLOSE: &str = "<!--</#>-->";

/// A part of the article that can hydrate on its own.
#[derive(Clone, PartialEq)]
pub enum Part {
    /// The header (question, review status, date, tools): the first part to hydrate
    /// (or, rendering afresh, to fill its wrapper), after the article's shell.
    Header(HeaderPartProps),
    /// The audience picker, in a task of its own after the header.
    Picker(AudiencePickerProps),
    /// A top-level section.
    Section(ArticleSectionProps),
    /// The reference list, disclaimer and follow-up after the sections.
    Tail(TailProps),
    /// The "evidence at a glance" charts inside a section (`section_host/glance.rs`).
    Glance(GlanceProps),
}

/// Props of the header as a part ([`Part::Header`]).
#[derive(Clone, PartialEq)]
pub struct HeaderPartProps {
    /// The view the header and its tools show.
    pub view: Shared<crate::viewmodel::ArticleView>,
    /// Id of the heading element.
    pub heading_id: AttrValue,
    /// The app's freshness decision (a separately hydrated root has no app above it).
    pub stale: StaleHint,
}

/// Props of [`SectionHost`]: the part's props and the widget context it reads.
#[derive(Properties, Clone)]
pub struct SectionHostProps {
    /// The part.
    pub part: Part,
    /// The widget's context (prefix, share key, dispatcher).
    pub ctx: WidgetContext,
    /// A separately hydrated root's first render reports here (its early clicks).
    /// Not compared: it only matters to the first render.
    #[prop_or_default]
    pub hydration: Option<Hydration>,
}

impl SectionHostProps {
    /// These props for a root's first render, which sets `done` once it has committed
    /// (its effects have run).
    pub(super) fn reporting(self, done: &Rc<Cell<bool>>) -> Self {
        self.reporting_then(done, || ())
    }

    /// [`SectionHostProps::reporting`], and `then` runs once that first render has
    /// committed.
    pub(super) fn reporting_then(self, done: &Rc<Cell<bool>>, then: impl Fn() + 'static) -> Self {
        let done = done.clone();
        Self {
            hydration: Some(Hydration {
                rendering: Callback::noop(),
                committed: Callback::from(move |()| {
                    done.set(true);
                    then();
                }),
            }),
            ..self
        }
    }
}

impl PartialEq for SectionHostProps {
    fn eq(&self, other: &Self) -> bool {
        self.part == other.part && self.ctx == other.ctx
    }
}

/// One part (a top-level section, or what follows them) with the widget context
/// provided: the root component of a separately hydrated part, and the same inside
/// the article when not.
#[function_component(SectionHost)]
pub fn section_host(p: &SectionHostProps) -> Html {
    use_hydration(p.hydration.clone());
    html! {
        <ContextProvider<WidgetContext> context={p.ctx.clone()}>
            {match &p.part {
                Part::Header(h) => html! {
                    <ContextProvider<StaleHint> context={h.stale}>
                        <Header view={h.view.clone()} heading_id={h.heading_id.clone()}
                            tools={html! { <Tools view={h.view.clone()} /> }} />
                    </ContextProvider<StaleHint>>
                },
                Part::Picker(a) => html! { <AudiencePicker ..a.clone() /> },
                Part::Section(s) => html! { <ArticleSection ..s.clone() /> },
                Part::Tail(t) => html! { <Tail ..t.clone() /> },
                Part::Glance(g) => html! { <Glance ..g.clone() /> },
            }}
        </ContextProvider<WidgetContext>>
    }
}

/// One marked section of a pre-render, before and after its own hydration.
struct Slot {
    wrapper: web_sys::Element,
    /// Props of the first render (what the pre-render shows): hydration must match.
    initial: Option<SectionHostProps>,
    /// The latest props the article widget sent.
    latest: Option<SectionHostProps>,
    handle: Option<yew::AppHandle<SectionHost>>,
    /// Clicks on the section before it hydrated, replayed once it has.
    early: Option<crate::embed::early::EarlyClicks>,
    /// Whether its hydration has committed (listeners attached).
    committed: Rc<Cell<bool>>,
}

/// The marked top-level sections of one pre-rendered widget, hydrated one per task.
#[derive(Default)]
pub struct DeferredSections {
    slots: RefCell<Vec<Slot>>,
    /// Rendering afresh: what fills the empty wrappers ([`DeferredSections::filling`]).
    fill: Option<fill::Fill>,
    /// Set once destroyed: nothing hydrates any more.
    destroyed: Cell<bool>,
    /// The marked "evidence at a glance" wrappers, in document order.
    glances: Vec<Rc<glance::GlanceSlot>>,
    /// How many of them a section's first render has adopted.
    claimed: Cell<usize>,
    /// Whether the adopted charts may hydrate ([`DeferredSections::release_charts`]).
    charts_released: Cell<bool>,
}

mod fill;
pub mod glance;
mod hosting;

pub use hosting::Hosting;

/// Set on a section's wrapper until it has hydrated; the widget's own early-click
/// recorder leaves clicks inside it to the section's.
pub const DEFERRED_ATTR: &str = "data-ea-deferred";

/// Selector of [`DEFERRED_ATTR`].
pub const DEFERRED_SELECTOR: &str = "[data-ea-deferred]";

impl DeferredSections {
    /// The marked sections under `root` (a pre-render from [`Hosting::Marked`]), or
    /// `None` when there are none (rendered afresh, or an older pre-render): then the
    /// whole article hydrates in one go, as before.
    pub fn find(root: &web_sys::Element) -> Option<Rc<Self>> {
        // The sections, then what follows them (document order).
        let list = root
            .query_selector_all(&format!(
                ".ea-body > .{HOST_CLASS}, .ea-article > .{HOST_CLASS}"
            ))
            .ok()?;
        let mut slots = Vec::new();
        for i in 0..list.length() {
            let wrapper: web_sys::Element = wasm_bindgen::JsCast::dyn_into(list.get(i)?).ok()?;
            let marked = wrapper
                .previous_sibling()
                .filter(|n| n.node_type() == web_sys::Node::COMMENT_NODE)
                .and_then(|n| n.text_content())
                .is_some_and(|t| t == "</#>");
            if !marked {
                return None;
            }
            let _ = wrapper.set_attribute(DEFERRED_ATTR, "");
            let early = crate::embed::early::EarlyClicks::record(&wrapper);
            slots.push(Slot {
                wrapper,
                initial: None,
                latest: None,
                handle: None,
                early: Some(early),
                committed: Rc::default(),
            });
        }
        if slots.is_empty() {
            return None;
        }
        let glances = root
            .query_selector_all(&format!(".{}", glance::GLANCE_CLASS))
            .ok()?;
        let glances = (0..glances.length())
            .filter_map(|i| wasm_bindgen::JsCast::dyn_into(glances.get(i)?).ok())
            .filter(|w: &web_sys::Element| {
                w.previous_sibling()
                    .filter(|n| n.node_type() == web_sys::Node::COMMENT_NODE)
                    .and_then(|n| n.text_content())
                    .is_some_and(|t| t == "</#>")
            })
            .map(|w| Rc::new(glance::GlanceSlot::new(w)))
            .collect();
        Some(Rc::new(Self {
            slots: RefCell::new(slots),
            fill: None,
            destroyed: Cell::new(false),
            glances,
            claimed: Cell::new(0),
            charts_released: Cell::new(false),
        }))
    }

    fn has(&self, index: usize) -> bool {
        index < self.slots.borrow().len()
    }

    fn offer(&self, props: &[SectionHostProps]) {
        if let Some(f) = &self.fill {
            f.offer(props);
        }
        let mut slots = self.slots.borrow_mut();
        for (slot, p) in slots.iter_mut().zip(props) {
            if slot.initial.is_none() {
                slot.initial = Some(p.clone());
            }
            if slot.latest.as_ref() == Some(p) {
                continue;
            }
            slot.latest = Some(p.clone());
            if let Some(h) = slot.handle.as_mut() {
                h.update(p.clone());
            }
        }
    }

    /// The hydrated roots that have committed get `props` now (called during the
    /// article's render): their props updates are queued with the article's own
    /// children's, so Yew renders them in the same scheduler run. Given in the
    /// article's effect instead ([`DeferredSections::offer`]), Yew could yield to the
    /// browser with them still queued, and a frame showed the article's change (an
    /// open popover) before the section's (its marker's `aria-expanded`). Roots still
    /// hydrating get theirs from [`DeferredSections::offer`], after the commit.
    fn offer_committed(&self, props: &[SectionHostProps]) {
        let mut slots = self.slots.borrow_mut();
        for (slot, p) in slots.iter_mut().zip(props) {
            if !slot.committed.get() || slot.latest.as_ref() == Some(p) {
                continue;
            }
            if let Some(h) = slot.handle.as_mut() {
                slot.latest = Some(p.clone());
                h.update(p.clone());
            }
        }
    }

    /// Hydrates the next section not hydrated yet (with the props of the first view,
    /// then the latest if they differ); once it has committed it replays the clicks
    /// it got meanwhile and `then` is told. Returns whether one was left to hydrate
    /// (false too while the article has not offered the sections' props yet).
    pub fn hydrate_next(&self, then: Callback<()>) -> bool {
        if self.destroyed.get() {
            return false;
        }
        let mut slots = self.slots.borrow_mut();
        let Some(slot) = slots
            .iter_mut()
            .find(|s| s.handle.is_none() && s.initial.is_some())
        else {
            return false;
        };
        let Some(initial) = slot.initial.clone() else {
            return false;
        };
        // Not right after this call: Yew's scheduler may be mid-run (it yields to
        // the browser after ~16 ms), so the hydration can happen tasks later. Until
        // it has committed the section counts as not hydrated ([`DEFERRED_ATTR`]):
        // the widget's own recorder leaves its clicks to the section's.
        let (wrapper, done) = (slot.wrapper.clone(), slot.committed.clone());
        let committed = Callback::from(move |()| {
            if !done.replace(true) {
                let _ = wrapper.remove_attribute(DEFERRED_ATTR);
                then.emit(());
            }
        });
        let early = slot.early.take();
        let hydration = match early {
            Some(early) => early.hydration(committed),
            None => Hydration {
                rendering: Callback::noop(),
                committed,
            },
        };
        let first = SectionHostProps {
            hydration: Some(hydration),
            ..initial.clone()
        };
        let mut handle =
            yew::Renderer::<SectionHost>::with_root_and_props(slot.wrapper.clone(), first)
                .hydrate();
        if let Some(latest) = slot.latest.clone().filter(|l| *l != initial) {
            handle.update(latest);
        }
        slot.handle = Some(handle);
        true
    }

    /// Whether every section has hydrated and committed (or, filling, rendered, the
    /// charts included). Hydrating, the charts the sections adopted are not waited
    /// for: they hydrate after ([`DeferredSections::release_charts`]).
    pub fn done(&self) -> bool {
        match &self.fill {
            Some(f) => f.finished(),
            None => self.sections_committed(),
        }
    }

    /// Hydrates the charts the sections adopted, each in a task of its own once the
    /// one before has committed (queued at once, a Yew run that yielded before its
    /// effects ran the next chart's hydration in the same task): called once the rest
    /// has hydrated (after the `ready` event). Their markup is already what they show
    /// and they hold no control, so nobody waits for them; a change of their props
    /// before (an early audience switch) hydrates them at once.
    pub fn release_charts(self: &Rc<Self>) {
        if self.charts_released.replace(true) {
            return;
        }
        self.hydrate_next_chart();
    }

    fn sections_committed(&self) -> bool {
        self.slots.borrow().iter().all(|s| s.committed.get())
    }

    /// For the first render of a `findings` block source: the next marked charts wrapper, which
    /// it adopts (its section is hydrating: the sections and their blocks render in
    /// document order); none rendering afresh or once every section has hydrated.
    fn claim_glance(&self) -> Option<Rc<glance::GlanceSlot>> {
        if self.fill.is_some() || self.destroyed.get() || self.sections_committed() {
            return None;
        }
        let next = self.glances.get(self.claimed.get())?.clone();
        self.claimed.set(self.claimed.get() + 1);
        Some(next)
    }

    /// Whether [`DeferredSections::destroy`] has run.
    pub fn destroyed(&self) -> bool {
        self.destroyed.get()
    }

    /// Unmounts the sections' roots (the widget is being destroyed); stops filling.
    pub fn destroy(&self) {
        self.destroyed.set(true);
        if let Some(f) = &self.fill {
            f.cancel();
        }
        self.destroy_glances();
        for g in &self.glances {
            g.destroy();
        }
        for slot in self.slots.borrow_mut().iter_mut() {
            slot.early = None;
            if let Some(h) = slot.handle.take() {
                if self.fill.is_some() {
                    fill::destroy_root(h, slot.wrapper.clone(), 20);
                } else {
                    h.destroy();
                }
            }
        }
    }
}
