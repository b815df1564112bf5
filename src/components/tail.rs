//! What follows the article's sections: the reference list, the disclaimer and the
//! follow-up control. One part of the article like a top-level section
//! ([`crate::components::section_host`]): hydrating a marked pre-render, it
//! hydrates in a task of its own after the sections, with the props the article
//! sends it.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::context::{use_widget, Shared};
use crate::components::follow_up::FollowUp;
use crate::components::inline::{self, InlineCtx};
use crate::components::references::{References, ReferencesProps};
use crate::config::HostEvent;
use crate::model::Audience;
use crate::state::Popover;
use crate::viewmodel::ArticleView;

/// Props of [`Tail`].
#[derive(Properties, Clone, PartialEq)]
pub struct TailProps {
    /// The reference list (`None` while sections are still being rendered afresh).
    pub refs: Option<ReferencesProps>,
    /// The article's view (disclaimer, follow-up wording).
    pub view: Shared<ArticleView>,
    /// Accessible names of the references (citations in the disclaimer).
    pub labels: Rc<Vec<String>>,
    /// The open popover, only if anchored in the disclaimer.
    pub popover: Option<Popover>,
    /// Current audience.
    pub audience: Audience,
    /// The host's follow-up page, if set.
    pub follow_up_href: Option<AttrValue>,
    /// Reports to the host.
    pub on_event: Callback<HostEvent>,
}

/// The reference list, the disclaimer and the follow-up control.
#[function_component(Tail)]
pub fn tail(p: &TailProps) -> Html {
    let ctx = use_widget();
    let view = &p.view.0;
    let disclaimer = InlineCtx {
        prefix: ctx.prefix.clone(),
        dispatch: ctx.dispatch.clone(),
        labels: p.labels.clone(),
        popover: p.popover,
    };
    html! {
        <>
            if let Some(refs) = &p.refs {
                <References ..refs.clone() />
            }
            <section class="ea-disclaimer">
                <h2 class="ea-disclaimer__title" id={format!("{}disclaimer", ctx.prefix)}>{view.disclaimer_title.clone()}</h2>
                <p>{inline::render(&view.disclaimer, &disclaimer)}</p>
            </section>
            <FollowUp label={view.follow_up.clone()} question={view.question_professional.clone()}
                audience={p.audience} href={p.follow_up_href.clone()}
                on_event={p.on_event.clone()} />
        </>
    }
}
