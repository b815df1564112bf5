//! Top-level sections as parts that hydrate on their own, so start-up is not one long
//! task: the pre-render ([`Hosting::Marked`]) wraps each top-level section in
//! `<div class="ea-section-host">` between raw-HTML marks; the browser's first
//! hydration ([`Hosting::Deferred`]) adopts each marked region untouched (Yew's raw
//! node keeps the nodes as they are) and hydrates the header, picker, references and
//! the rest; each section then hydrates as a Yew root of its own in a later task
//! ([`DeferredSections::hydrate_next`]) on the same nodes, and the article widget
//! sends it new props whenever its state changes. Rendered afresh in the browser
//! without a pre-render, the same deferred roots fill empty wrappers instead, a few
//! per task ([`DeferredSections::filling`], `section_host/fill.rs`). Rendered
//! afresh inline ([`Hosting::Inline`], also native tests) the same wrapper holds the
//! same component, so the DOM is the same in every mode.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::article_section::{ArticleSection, ArticleSectionProps};
use crate::components::context::WidgetContext;

/// Class of the element around each top-level section (`display: contents`).
pub const HOST_CLASS: &str = "ea-section-host";

/// Comment text of Yew's raw-node marks (what `<!--<#>-->` / `<!--</#>-->` hold).
const RAW_OPEN: &str = "<!--<#>-->";
const RAW_CLOSE: &str = "<!--</#>-->";

/// Props of [`SectionHost`]: the section's props and the widget context it reads.
#[derive(Properties, Clone, PartialEq)]
pub struct SectionHostProps {
    /// The top-level section.
    pub section: ArticleSectionProps,
    /// The widget's context (prefix, share key, dispatcher).
    pub ctx: WidgetContext,
}

/// One top-level section with the widget context provided: the root component of a
/// separately hydrated section, and the same inside the article when not.
#[function_component(SectionHost)]
pub fn section_host(p: &SectionHostProps) -> Html {
    html! {
        <ContextProvider<WidgetContext> context={p.ctx.clone()}>
            <ArticleSection ..p.section.clone() />
        </ContextProvider<WidgetContext>>
    }
}

/// How the article widget renders its top-level sections.
#[derive(Clone, Default)]
pub enum Hosting {
    /// In the article's own tree (rendered afresh; unmarked pre-renders).
    #[default]
    Inline,
    /// Server-side: in the article's tree, each wrapper between raw-node marks so the
    /// browser can adopt it untouched (the CLI's `render`).
    Marked,
    /// Browser, hydrating a marked pre-render: sections are hydrated later, each as a
    /// root of its own; or rendering afresh: empty wrappers that later tasks fill,
    /// each with a root of its own ([`DeferredSections::filling`]).
    Deferred(Rc<DeferredSections>),
}

impl PartialEq for Hosting {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Inline, Self::Inline) | (Self::Marked, Self::Marked) => true,
            (Self::Deferred(a), Self::Deferred(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Hosting {
    /// Whether the markup of top-level section `index` holds the section itself (so
    /// [`Hosting::slot`] needs its props); not when a root of its own renders it.
    pub fn slot_needs_props(&self, index: usize) -> bool {
        match self {
            Self::Deferred(d) => !d.fills() && !d.has(index),
            _ => true,
        }
    }

    /// The markup of top-level section `index` (keyed by `key`); `props` as
    /// [`Hosting::slot_needs_props`] says (an empty slot without them).
    pub fn slot(&self, key: String, index: usize, props: Option<SectionHostProps>) -> Html {
        let host = || match &props {
            Some(p) => html! { <div class={HOST_CLASS}><SectionHost ..p.clone() /></div> },
            None => html! { <div class={HOST_CLASS}></div> },
        };
        match self {
            // Filled by a root of its own; the article's tree keeps the wrapper empty.
            Self::Deferred(d) if d.fills() => {
                html! { <key={key}><div class={HOST_CLASS}></div></> }
            }
            Self::Deferred(d) if d.has(index) => {
                // Adopts the marked region as it is; never attached in the browser
                // (the raw-HTML path is disabled there), only hydrated.
                html! { <key={key}>{Html::from_html_unchecked(AttrValue::Static(""))}</> }
            }
            Self::Marked => html! {
                <key={key}>
                    {Html::from_html_unchecked(AttrValue::Static(RAW_OPEN))}
                    {host()}
                    {Html::from_html_unchecked(AttrValue::Static(RAW_CLOSE))}
                </>
            },
            _ => html! { <key={key}>{host()}</> },
        }
    }

    /// Sends the sections' latest props to their separately hydrated roots (nothing
    /// otherwise).
    pub fn offer(&self, props: &[SectionHostProps]) {
        match self {
            Self::Deferred(d) if !d.fills() => d.offer(props),
            _ => {}
        }
    }

    /// Sends the sections' latest props to the roots filling their wrappers (nothing
    /// otherwise).
    pub fn offer_filled(&self, props: &[SectionHostProps]) {
        match self {
            Self::Deferred(d) if d.fills() => d.offer(props),
            _ => {}
        }
    }

    /// Rendering afresh, once the article's first render is in the DOM: starts
    /// filling its empty wrappers; `filled` is told when every section has rendered.
    pub fn start_filling(&self, filled: Callback<()>) {
        if let Self::Deferred(d) = self {
            fill::start(d, filled);
        }
    }

    /// Whether some top-level sections are still to be rendered (filling).
    pub fn filling(&self) -> bool {
        matches!(self, Self::Deferred(d) if d.fills() && !d.done())
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
}

/// The marked top-level sections of one pre-rendered widget, hydrated one per task.
#[derive(Default)]
pub struct DeferredSections {
    slots: RefCell<Vec<Slot>>,
    /// Rendering afresh: what fills the empty wrappers ([`DeferredSections::filling`]).
    fill: Option<fill::Fill>,
}

mod fill;

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
        let list = root
            .query_selector_all(&format!(".ea-body > .{HOST_CLASS}"))
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
            });
        }
        (!slots.is_empty()).then(|| {
            Rc::new(Self {
                slots: RefCell::new(slots),
                fill: None,
            })
        })
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

    /// Hydrates the next section not hydrated yet (with the props of the first view,
    /// then the latest if they differ) and replays the clicks it got meanwhile.
    /// Returns whether one was left to hydrate.
    pub fn hydrate_next(&self) -> bool {
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
        let mut handle = yew::Renderer::<SectionHost>::with_root_and_props(
            slot.wrapper.clone(),
            initial.clone(),
        )
        .hydrate();
        if let Some(latest) = slot.latest.clone().filter(|l| *l != initial) {
            handle.update(latest);
        }
        slot.handle = Some(handle);
        let _ = slot.wrapper.remove_attribute(DEFERRED_ATTR);
        if let Some(early) = slot.early.take() {
            // After Yew's scheduler has run the hydration (queued before this).
            wasm_bindgen_futures::spawn_local(async move { early.replay() });
        }
        true
    }

    /// Whether every section has hydrated (or, filling, rendered).
    pub fn done(&self) -> bool {
        match &self.fill {
            Some(f) => f.finished(),
            None => self.slots.borrow().iter().all(|s| s.handle.is_some()),
        }
    }

    /// Unmounts the sections' roots (the widget is being destroyed); stops filling.
    pub fn destroy(&self) {
        if let Some(f) = &self.fill {
            f.cancel();
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
