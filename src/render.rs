//! Server-side rendering of hydratable markup (feature `ssr`, native only), with the
//! same components the browser runs. Two users:
//!
//! - the CLI's `render` prints markup a host puts inside `<evidence-article>`: a
//!   declarative shadow root (`<template shadowrootmode="open">`) with the
//!   stylesheet and the article, plus the article as inline JSON, so the element
//!   paints with no JavaScript and the widget hydrates it when the wasm arrives;
//! - `render --bare` prints the article alone, for a light-DOM mount: the build
//!   puts it into the standalone page (`scripts/build.sh`).
//!
//! The widget hydrates only markup marked `data-ea-prerendered="<audience>"`, and
//! only when the reader's first view is that pre-rendered view (see
//! [`WidgetConfig::matches_prerender`]); otherwise it renders afresh.

use std::rc::Rc;

use crate::components::{App, AppProps, ArticleSource};
use crate::config::WidgetConfig;
use crate::model::Audience;

pub use crate::embed::PRERENDER_ATTR;

/// Renders the app for `source` and `config` to hydratable HTML.
pub fn render_app(source: ArticleSource, config: WidgetConfig) -> String {
    let config = Rc::new(config);
    let render = async move {
        yew::LocalServerRenderer::<App>::with_props(AppProps {
            source,
            config,
            on_event: Default::default(),
            control: None,
            // Each top-level section between raw-node marks, so the browser hydrates
            // the sections one per task (`components::section_host`).
            hosting: crate::components::section_host::Hosting::Marked,
            hydration: None,
        })
        .hydratable(true)
        .render()
        .await
    };
    match tokio::runtime::Builder::new_current_thread().build() {
        Ok(rt) => tokio::task::LocalSet::new().block_on(&rt, render),
        // Building a current-thread runtime without I/O or timers does not fail
        // in practice; an empty string makes the caller's output visibly empty.
        Err(_) => String::new(),
    }
}

/// The app for `json` in `audience`'s first view, for a light-DOM mount (the
/// standalone page, the mount API). The mount element carries
/// `data-ea-prerendered="<audience>"`.
pub fn render_bare(json: &str, audience: Audience) -> String {
    let config = WidgetConfig {
        host_audience: Some(audience),
        stale_hint: Some(stale_today(json)),
        ..WidgetConfig::default()
    };
    render_app(ArticleSource::Json(Rc::from(json)), config)
}

/// Whether the article is past its review interval by this machine's clock (UTC):
/// the pre-rendered markup shows the freshness notice then, and the browser
/// re-checks with the reader's clock after hydration.
fn stale_today(json: &str) -> bool {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| (d.as_secs() / 86_400) as i64);
    let today = crate::model::freshness::Date::from_unix_days(days);
    crate::load::load(json).is_ok_and(|l| l.article.is_stale(today))
}

use crate::markup::attr;
pub use crate::markup::script_safe_json;

/// Markup for the inside of `<evidence-article>`: a declarative shadow root with
/// the stylesheet and the pre-rendered article for `audience`, and the article as
/// inline JSON (compact). `json` must be a valid article (the CLI checks it first).
pub fn render_element(json: &str, audience: Audience, stylesheet: &str) -> String {
    let compact = serde_json::from_str::<serde_json::Value>(json)
        .map(|v| v.to_string())
        .unwrap_or_else(|_| json.to_owned());
    let body = render_bare(&compact, audience);
    format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{}\"><div {PRERENDER_ATTR}=\"{}\">{body}</div></template>\
         <script type=\"application/json\">{}</script>",
        attr(stylesheet),
        audience.id(),
        script_safe_json(&compact)
    )
}
