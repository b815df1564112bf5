//! "Have a follow-up question?": a link to the host's follow-up page (with the
//! question) or a button that reports the question to the host.

use yew::prelude::*;

use crate::config::HostEvent;
use crate::model::Audience;

/// Props of [`FollowUp`].
#[derive(Properties, Clone, PartialEq)]
pub struct FollowUpProps {
    /// Button text.
    pub label: AttrValue,
    /// The article's question in professional wording (sent to the host).
    pub question: AttrValue,
    /// Current audience.
    pub audience: Audience,
    /// Where the follow-up leads, if the host set a page.
    #[prop_or_default]
    pub href: Option<AttrValue>,
    /// Reports to the host.
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
}

/// The follow-up control.
#[function_component(FollowUp)]
pub fn follow_up(p: &FollowUpProps) -> Html {
    let onclick = {
        let (question, audience) = (p.question.to_string(), p.audience);
        p.on_event.reform(move |_: MouseEvent| HostEvent::FollowUp {
            question: question.clone(),
            audience,
        })
    };
    let control = match &p.href {
        Some(href) => {
            let sep = if href.contains('?') { '&' } else { '?' };
            let target = format!("{href}{sep}q={}", crate::url::encode_component(&p.question));
            html! { <a class="ea-btn ea-followup__btn" href={target} {onclick}>{p.label.clone()}</a> }
        }
        None => {
            html! { <button type="button" class="ea-btn ea-followup__btn" {onclick}>{p.label.clone()}</button> }
        }
    };
    html! { <div class="ea-followup">{control}</div> }
}
