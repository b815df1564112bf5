//! Pre-rendered markup in a mount root: whether the widget may hydrate it (marked
//! for the reader's first view and rendered by this build) or must render afresh.

use crate::components::{AppProps, ArticleSource};
use crate::model::Audience;

/// The attribute that marks pre-rendered markup in a mount root and names the
/// audience it was rendered for (`tools/prerender.rs`, the CLI's `render`).
pub const PRERENDER_ATTR: &str = "data-ea-prerendered";

/// This build's name (`build.rs`: a hash of the sources, the embedded article and
/// `Cargo.lock`). The article root carries it as [`BUILD_ATTR`], in the browser and
/// in pre-rendered markup alike.
pub const BUILD_ID: &str = env!("EA_BUILD_ID");

/// The attribute on the article root (`.ea-root`) naming the build that rendered it.
pub const BUILD_ATTR: &str = "data-ea-build";

/// Whether `root`'s pre-rendered article was rendered by this build: markup from
/// another build (an older CLI's `render`) may differ, and hydration needs identical
/// markup, so it is rendered afresh.
fn same_build(root: &web_sys::Element) -> bool {
    root.query_selector(".ea-root")
        .ok()
        .flatten()
        .and_then(|r| r.get_attribute(BUILD_ATTR))
        .is_some_and(|b| b == BUILD_ID)
}

/// Whether `root` holds markup pre-rendered for exactly the first view these props
/// will render (same source kind, audience and share state) by this build, so it
/// can be hydrated.
pub(super) fn can_hydrate(root: &web_sys::Element, props: &AppProps) -> bool {
    matches!(
        props.source,
        ArticleSource::Embedded | ArticleSource::Json(_) | ArticleSource::Loaded(..)
    ) && root
        .get_attribute(PRERENDER_ATTR)
        .and_then(|a| Audience::from_id(&a))
        .is_some_and(|a| props.config.matches_prerender(a))
        && same_build(root)
}

/// Tells the host's developer, in the console, that a marked pre-render came from
/// another build and is rendered afresh (readers see the same article either way).
pub(super) fn warn_other_build(root: &web_sys::Element) {
    if root.has_attribute(PRERENDER_ATTR) && !same_build(root) {
        web_sys::console::warn_1(
            &"evidence-article: the pre-rendered markup was made by another build \
              (data-ea-build); it is rendered afresh. Re-run the CLI's `render` \
              with this release to have it hydrated."
                .into(),
        );
    }
}
