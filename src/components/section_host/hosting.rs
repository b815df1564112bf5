//! How the article widget renders its top-level sections ([`Hosting`]): in its own
//! tree, between raw-node marks for the pre-render, or as separately hydrated or
//! filled roots ([`DeferredSections`]); and how it sends those roots their props.

use std::rc::Rc;

use yew::prelude::*;

use super::{
    fill, DeferredSections, SectionHost, SectionHostProps, HOST_CLASS, RAW_CLOSE, RAW_OPEN,
};

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
        self.place(key, index, props, true)
    }

    /// The markup of what follows the `index` top-level sections ([`Part::Tail`]):
    /// hydrated later like a section, but rendered in the article's tree when
    /// rendering afresh.
    pub fn tail(&self, index: usize, props: SectionHostProps) -> Html {
        self.place("ea-tail".to_owned(), index, Some(props), false)
    }

    /// The markup of a part before the sections (the header, the audience picker):
    /// hydrated later like a section, in document order, and rendering afresh
    /// filled like one, before the sections (`section_host/fill.rs`). `index` counts
    /// the parts before it.
    pub fn lead(&self, key: &'static str, index: usize, props: SectionHostProps) -> Html {
        self.place(key.to_owned(), index, Some(props), true)
    }

    fn place(
        &self,
        key: String,
        index: usize,
        props: Option<SectionHostProps>,
        fills: bool,
    ) -> Html {
        let host = || match &props {
            Some(p) => html! { <div class={HOST_CLASS}><SectionHost ..p.clone() /></div> },
            None => html! { <div class={HOST_CLASS}></div> },
        };
        match self {
            // Filled by a root of its own; the article's tree keeps the wrapper empty.
            Self::Deferred(d) if fills && d.fills() => {
                html! { <key={key}><div class={HOST_CLASS}></div></> }
            }
            Self::Deferred(d) if !d.fills() && d.has(index) => {
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

    /// During the article's render: sends the latest props to the separately
    /// hydrated roots that have committed (the others get theirs from
    /// [`Hosting::offer`], after the commit).
    pub fn offer_committed(&self, props: &[SectionHostProps]) {
        match self {
            Self::Deferred(d) if !d.fills() => d.offer_committed(props),
            _ => {}
        }
    }

    /// Sends the latest props of the parts that fill their wrappers (the header, the
    /// picker, then the sections, in document order) to their roots (nothing
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
