//! The error panel shown instead of an article that cannot be displayed: a plain
//! summary for readers and, collapsed, the list of problems for the author.

use yew::prelude::*;

/// Props of [`ErrorPanel`].
#[derive(Properties, Clone, PartialEq)]
pub struct ErrorPanelProps {
    /// One plain sentence.
    pub summary: AttrValue,
    /// Details for the author (`path: message`).
    #[prop_or_default]
    pub details: Vec<String>,
    /// Offered when retrying can help (network errors).
    #[prop_or_default]
    pub onretry: Option<Callback<()>>,
}

/// Accessible error panel.
#[function_component(ErrorPanel)]
pub fn error_panel(p: &ErrorPanelProps) -> Html {
    html! {
        <div class="ea-error" role="alert">
            <p class="ea-error__title"><strong>{"The article cannot be shown."}</strong></p>
            <p class="ea-error__summary">{p.summary.clone()}</p>
            if !p.details.is_empty() {
                <details class="ea-error__details">
                    <summary>{format!("Details for the article's author ({})", p.details.len())}</summary>
                    <ul class="ea-error__list">
                        {for p.details.iter().map(|d| html! { <li><code>{d.clone()}</code></li> })}
                    </ul>
                </details>
            }
            if let Some(retry) = &p.onretry {
                <button type="button" class="ea-btn" onclick={retry.reform(|_: MouseEvent| ())}>{"Try again"}</button>
            }
        </div>
    }
}
