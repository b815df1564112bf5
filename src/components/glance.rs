//! "Evidence at a glance": the charts of every source's findings, grouped by source
//! in citation order, rendered where the article places a `findings` block.

use yew::prelude::*;

use crate::components::chart::chart;
use crate::components::context::Shared;
use crate::viewmodel::ArticleView;

/// Props of [`Glance`].
#[derive(Properties, Clone, PartialEq)]
pub struct GlanceProps {
    /// The resolved article.
    pub view: Shared<ArticleView>,
    /// Heading level of each source's heading.
    pub level: u8,
}

/// Every finding of every reference, one heading per source.
#[function_component(Glance)]
pub fn glance(p: &GlanceProps) -> Html {
    let tag = format!("h{}", p.level.clamp(2, 6));
    let sources = p
        .view
        .references()
        .iter()
        .filter(|r| !r.findings.is_empty())
        .map(|r| {
            html! {
                <div class="ea-glance__source">
                    <@{tag.clone()} class="ea-glance__heading">{format!("{}. {}", r.number, r.short)}</@>
                    {for r.findings.iter().map(chart)}
                </div>
            }
        });
    html! { <div class="ea-glance">{for sources}</div> }
}
