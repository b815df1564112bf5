//! The article header: question, review line, pending-review banner, review
//! stepper, last-updated date, the editorial-policy link and the tools row (the
//! article's controls, then Print).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::ReviewStatus;
use crate::viewmodel::ArticleView;

/// Props of [`Header`].
#[derive(Properties, Clone, PartialEq)]
pub struct HeaderProps {
    /// The resolved article.
    pub view: Rc<ArticleView>,
    /// Id of the heading element.
    pub heading_id: AttrValue,
    /// Controls shown next to the date (share, expand all).
    #[prop_or_default]
    pub tools: Html,
}

/// Article header.
#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    let v = &p.view;
    let current = v.status;
    let steps = ReviewStatus::ALL.iter().map(|&s| {
        let idx = ReviewStatus::ALL.iter().position(|x| *x == s).unwrap_or(0);
        let cur_idx = ReviewStatus::ALL
            .iter()
            .position(|x| *x == current)
            .unwrap_or(0);
        let state = if idx < cur_idx {
            "done"
        } else if idx == cur_idx {
            "current"
        } else {
            "todo"
        };
        html! {
            <li class={classes!("ea-steps__step", format!("ea-steps__step--{state}"))}
                aria-current={(s == current).then_some("step")}>
                {s.label()}
                if s == current { <span class="ea-visually-hidden">{" (current step)"}</span> }
            </li>
        }
    });
    html! {
        <header class="ea-header">
            <h1 class="ea-title" id={p.heading_id.clone()}>{v.question.clone()}</h1>
            if let Some(statement) = &v.statement {
                <p class="ea-review-line">
                    if let Some(board) = &v.board { <strong class="ea-review-line__board">{board.clone()}</strong>{" · "} }
                    {statement.clone()}
                </p>
            }
            if current != ReviewStatus::Approved {
                <p class="ea-banner" role="note">
                    <strong>{"Educational purpose only"}</strong>{" • Exercise caution as content is pending human review"}
                </p>
            }
            <div class="ea-review">
                <h2 class="ea-review__label" id={format!("{}-status", p.heading_id)}>{"Article Review Status"}</h2>
                <ol class="ea-steps" aria-labelledby={format!("{}-status", p.heading_id)}>{for steps}</ol>
            </div>
            <p class="ea-meta">
                {"Last updated: "}<time datetime={v.last_updated.clone()}>{v.last_updated_display.clone()}</time>
                if let Some(policy) = &v.editorial_policy {
                    {" · "}<a class="ea-meta__policy" href={policy.clone()}>{"View editorial policy"}</a>
                }
            </p>
            <div class="ea-header__tools">{p.tools.clone()}<PrintButton /></div>
        </header>
    }
}

/// "Print": opens the browser's print dialog (print styles open every section and
/// hide the controls). Same markup under SSR; `window.print()` runs only on click.
#[function_component(PrintButton)]
fn print_button() -> Html {
    let onclick = Callback::from(|_: MouseEvent| {
        if let Some(w) = crate::dom::window() {
            // Refused in some sandboxed iframes; nothing to tell the reader then.
            let _ = w.print();
        }
    });
    html! { <button type="button" class="ea-btn ea-btn--small ea-print" {onclick}>{"Print"}</button> }
}
