//! "Evidence at a glance": the charts of every source's findings, grouped by source
//! in citation order, rendered where the article places a `findings` block. Each
//! source's charts are a part of their own ([`GlanceHost`]): hydrating a marked
//! pre-render, each hydrates in a task of its own.

use yew::prelude::*;

use crate::components::chart::chart;
use crate::components::context::Shared;
use crate::components::section_host::glance::GlanceHost;
use crate::viewmodel::ArticleView;

/// Props of [`Glance`].
#[derive(Properties, Clone, PartialEq)]
pub struct GlanceProps {
    /// The resolved article.
    pub view: Shared<ArticleView>,
    /// Heading level of each source's heading.
    pub level: u8,
    /// Which source with findings (in citation order) [`Glance`] shows; not read by
    /// [`GlanceList`].
    #[prop_or_default]
    pub source: usize,
}

/// Every finding of every reference, one heading per source, each source's charts
/// hosted as a part ([`GlanceHost`]).
#[function_component(GlanceList)]
pub fn glance_list(p: &GlanceProps) -> Html {
    let sources = p
        .view
        .references()
        .iter()
        .filter(|r| !r.findings.is_empty())
        .count();
    let hosts = (0..sources).map(|source| {
        html! { <GlanceHost view={p.view.clone()} level={p.level} {source} /> }
    });
    html! { <div class="ea-glance">{for hosts}</div> }
}

/// The findings of one source ([`GlanceProps::source`]) under its heading.
#[function_component(Glance)]
pub fn glance(p: &GlanceProps) -> Html {
    let tag = format!("h{}", p.level.clamp(2, 6));
    let source = p
        .view
        .references()
        .iter()
        .filter(|r| !r.findings.is_empty())
        .nth(p.source);
    let Some(r) = source else {
        return Html::default();
    };
    html! {
        <div class="ea-glance__source">
            <@{tag} class="ea-glance__heading">{format!("{}. {}", r.number, r.short)}</@>
            {for r.findings.iter().map(chart)}
        </div>
    }
}
