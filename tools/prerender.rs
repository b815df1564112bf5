//! Pre-renders the standalone page's article (physician view, the seed text as
//! written) to HTML on stdout, with the same components the browser runs. The build
//! puts it into `dist/index.html`, so the article is readable before (and without)
//! WebAssembly, and crawlers see it; the app then replaces it with the live widget.

#[cfg(not(target_arch = "wasm32"))]
use std::rc::Rc;

#[cfg(not(target_arch = "wasm32"))]
use evidence_article::config::WidgetConfig;
#[cfg(not(target_arch = "wasm32"))]
use evidence_article::{App, AppProps, ArticleSource};

/// Server-side rendering is a native-only tool.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let html = yew::ServerRenderer::<App>::with_props(|| AppProps {
        source: ArticleSource::Embedded,
        config: Rc::new(WidgetConfig::default()),
        on_event: Default::default(),
        control: None,
    })
    .hydratable(false)
    .render()
    .await;
    print!("{html}");
}
