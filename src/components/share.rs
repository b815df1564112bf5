//! Share controls: "Copy link" for the whole view (the URL already carries the state),
//! the platform share sheet where offered, and "copy link to this section".
//! When the clipboard is unavailable or denied, the link appears in a selected field.
//! Status messages are announced through the widget's one live region.

use yew::prelude::*;

/// The page URL with `at:<section>` added to this widget's share state: the link
/// reopens the whole view, scrolled to that section.
fn url_with_position(key: &str, at: String) -> Option<String> {
    let loc = crate::dom::window()?.location();
    let (search, hash) = (loc.search().ok()?, loc.hash().ok()?);
    let mut state = crate::url::read_param(&search, key)
        .map(|v| crate::url::decode(&v))
        .unwrap_or_default();
    state.at = Some(at);
    let query = crate::url::write_param(&search, key, Some(&crate::url::encode(&state)));
    Some(format!(
        "{}{}{query}{hash}",
        loc.origin().ok()?,
        loc.pathname().ok()?
    ))
}

fn current_url(fragment: Option<&str>) -> Option<String> {
    let loc = crate::dom::window()?.location();
    let href = loc.href().ok()?;
    Some(match fragment {
        Some(f) => format!("{}#{f}", href.split('#').next().unwrap_or(&href)),
        None => href,
    })
}

/// Copies `url`; on failure shows it in `fallback` for manual copying.
fn copy_or_show(
    url: String,
    status: UseStateHandle<String>,
    fallback: UseStateHandle<Option<String>>,
    done: &'static str,
) {
    wasm_bindgen_futures::spawn_local(async move {
        if crate::dom::copy_text(&url).await {
            fallback.set(None);
            status.set(done.into());
        } else {
            status.set("Copy the link from the field below.".into());
            fallback.set(Some(url));
        }
    });
}

/// Said when the share sheet failed and the link was copied instead.
const SHARE_FELL_BACK: &str = "Sharing did not work here, so the link was copied instead.";

/// The header's share control.
#[function_component(ShareControl)]
pub fn share_control() -> Html {
    let prefix = crate::components::context::use_widget().prefix;
    let status = use_state(String::new);
    crate::hooks::use_announce((*status).clone());
    let fallback = use_state(|| None::<String>);
    let can_share = use_state(|| false);
    let field = use_node_ref();
    {
        let can_share = can_share.clone();
        use_effect_with((), move |_| {
            let has = crate::dom::window()
                .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).ok())
                .is_some_and(|f| f.is_function());
            can_share.set(has);
        });
    }
    {
        let field = field.clone();
        use_effect_with((*fallback).clone(), move |f| {
            if f.is_some() {
                if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }
    let copy = {
        let (status, fallback) = (status.clone(), fallback.clone());
        move |_: MouseEvent| {
            if let Some(url) = current_url(None) {
                copy_or_show(url, status.clone(), fallback.clone(), "Link copied.");
            }
        }
    };
    let share = {
        let (status, fallback) = (status.clone(), fallback.clone());
        move |_: MouseEvent| {
            let Some(url) = current_url(None) else { return };
            let doc_title = crate::dom::window()
                .and_then(|w| w.document())
                .map(|d| d.title())
                .unwrap_or_default();
            let (status, fallback) = (status.clone(), fallback.clone());
            // A share sheet that fails (not cancelled by the reader) falls back to copying.
            let fail = move |url| copy_or_show(url, status, fallback, SHARE_FELL_BACK);
            match crate::dom::share(&url, &doc_title) {
                Ok(outcome) => wasm_bindgen_futures::spawn_local(async move {
                    if outcome.await == Err(crate::dom::ShareError::Failed) {
                        fail(url);
                    }
                }),
                Err(_) => fail(url),
            }
        }
    };
    html! {
        <div class="ea-share">
            <button type="button" class="ea-btn ea-btn--small" onclick={copy}>{"Copy link"}</button>
            if *can_share {
                <button type="button" class="ea-btn ea-btn--small" onclick={share}>{"Share…"}</button>
            }
            <span class="ea-share__status">{(*status).clone()}</span>
            if let Some(url) = &*fallback {
                <label class="ea-share__fallback">{"Link to this view: "}
                    <input ref={field} type="text" readonly=true value={url.clone()} id={format!("{prefix}share-field")} />
                </label>
            }
        </div>
    }
}

/// Props of [`SectionLink`].
#[derive(Properties, Clone, PartialEq)]
pub struct SectionLinkProps {
    /// Section id.
    pub section: String,
    /// Section title (for the accessible name).
    pub title: String,
}

/// "Copy link to this section", shown on hover/focus of the heading, always in the
/// tab order.
#[function_component(SectionLink)]
pub fn section_link(p: &SectionLinkProps) -> Html {
    // The share key is `None` when share state is off: the link then uses a `#fragment`.
    let ctx = crate::components::context::use_widget();
    let status = use_state(String::new);
    crate::hooks::use_announce((*status).clone());
    let fallback = use_state(|| None::<String>);
    let onclick = {
        let (status, fallback) = (status.clone(), fallback.clone());
        let frag = format!("{}{}", ctx.prefix, p.section);
        let (key, section) = (ctx.share_key.clone(), p.section.clone());
        move |_: MouseEvent| {
            let url = match &key {
                Some(key) => url_with_position(key, section.clone()),
                None => current_url(Some(&frag)),
            };
            if let Some(url) = url {
                copy_or_show(
                    url,
                    status.clone(),
                    fallback.clone(),
                    "Section link copied.",
                );
            }
        }
    };
    html! {
        <span class="ea-seclink">
            <button type="button" class="ea-seclink__btn" {onclick} aria-label={format!("Copy link to this section: {}", p.title)}>
                <span aria-hidden="true">{"#"}</span>
            </button>
            if let Some(url) = &*fallback {
                <input class="ea-seclink__field" type="text" readonly=true value={url.clone()} aria-label="Link to this section" />
            }
        </span>
    }
}
