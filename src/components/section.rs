//! A collapsible section following the WAI-ARIA disclosure pattern: a real button in
//! the heading with `aria-expanded`/`aria-controls`. Controlled (`expanded`) or
//! uncontrolled (`initially_open`), like patternfly-yew's `ExpandableSection`.
//! Closed content stays in the DOM as `hidden="until-found"`, so the browser's
//! find-in-page can reveal it; `beforematch` tells us to open it.

use yew::prelude::*;

/// Props of [`Section`].
#[derive(Properties, Clone, PartialEq)]
pub struct SectionProps {
    /// Element id (deep-link target).
    pub id: AttrValue,
    /// Heading text.
    pub title: AttrValue,
    /// Heading level 2..=6.
    #[prop_or(2)]
    pub level: u8,
    /// Uncontrolled initial state.
    #[prop_or(true)]
    pub initially_open: bool,
    /// Controlled state; `None` lets the component keep its own.
    #[prop_or_default]
    pub expanded: Option<bool>,
    /// Called with the requested new state.
    #[prop_or_default]
    pub ontoggle: Callback<bool>,
    /// Extra controls placed after the heading button (e.g. "copy link").
    #[prop_or_default]
    pub actions: Html,
    /// Section content.
    #[prop_or_default]
    pub children: Html,
}

/// A collapsible section.
#[function_component(Section)]
pub fn section(p: &SectionProps) -> Html {
    let own = use_state(|| p.initially_open);
    let open = p.expanded.unwrap_or(*own);
    let body_ref = use_node_ref();
    let toggle = {
        let own = own.clone();
        let ontoggle = p.ontoggle.clone();
        Callback::from(move |next: bool| {
            own.set(next);
            ontoggle.emit(next);
        })
    };
    {
        // Find-in-page fires `beforematch` on hidden="until-found" content before
        // revealing it: follow the browser by opening the section in our state.
        let body_ref = body_ref.clone();
        let toggle = toggle.clone();
        use_effect_with((body_ref, open), move |(body_ref, open)| {
            let listener = (!*open)
                .then(|| body_ref.cast::<web_sys::Element>())
                .flatten()
                .map(|el| {
                    gloo::events::EventListener::new(&el, "beforematch", move |_| toggle.emit(true))
                });
            move || drop(listener)
        });
    }
    let onclick = {
        let toggle = toggle.clone();
        move |_: MouseEvent| toggle.emit(!open)
    };
    let btn_id = format!("{}-btn", p.id);
    let body_id = format!("{}-body", p.id);
    let level = p.level.clamp(2, 6);
    let heading = html! {
        <button type="button" class="ea-section__toggle" id={btn_id.clone()}
            aria-expanded={open.to_string()} aria-controls={body_id.clone()} {onclick}>
            <span class="ea-section__chevron" aria-hidden="true"></span>
            <span class="ea-section__title">{p.title.clone()}</span>
        </button>
    };
    let tag = format!("h{level}");
    // Built by hand because the html! macro treats `hidden` as a boolean and
    // cannot emit `hidden="until-found"`.
    let mut body = yew::virtual_dom::VTag::new("div");
    body.add_attribute("class", "ea-section__body");
    body.add_attribute("id", body_id.clone());
    if !open {
        body.add_attribute("hidden", "until-found");
    }
    body.node_ref = body_ref;
    body.add_child(p.children.clone());
    let body: Html = body.into();
    html! {
        <section class={classes!("ea-section", format!("ea-section--l{level}"), (!open).then_some("ea-section--closed"))}
            id={p.id.clone()}>
            <div class="ea-section__head">
                <@{tag} class="ea-section__heading">{heading}</@>
                {p.actions.clone()}
            </div>
            {body}
        </section>
    }
}
