//! The numbered reference list: AMA citation, verified links, and back-links to every
//! section where the reference is cited.

use yew::prelude::*;

use crate::components::context::use_widget;
use crate::components::context::Shared;
use crate::state::focus::marker_id;
use crate::viewmodel::{ArticleView, RefView};

/// Props of [`References`].
#[derive(Properties, Clone, PartialEq)]
pub struct ReferencesProps {
    /// The resolved article.
    pub view: Shared<ArticleView>,
    /// A back-link was followed: (marker occurrence, citation number).
    pub onback: Callback<(usize, usize)>,
}

pub use crate::state::focus::entry_id;

/// Links from verified identifiers plus unconfirmed identifiers as text.
pub fn source_links(r: &RefView) -> Html {
    let links = r.links.iter().map(|l| {
        html! {
            <li><a href={l.href.clone()} target="_blank" rel="noopener noreferrer">
                {l.label}<span class="ea-visually-hidden">{" (opens in a new tab)"}</span>
            </a></li>
        }
    });
    let unconfirmed = r
        .unconfirmed
        .iter()
        .map(|u| html! { <li class="ea-unconfirmed">{u.clone()}</li> });
    html! { <ul class="ea-links">{for links}{for unconfirmed}</ul> }
}

/// The editor's notes on a reference's citations, each with a link to its marker.
fn notes<'a>(
    prefix: &'a str,
    r: &'a RefView,
    onback: &'a Callback<(usize, usize)>,
) -> impl Iterator<Item = Html> + 'a {
    r.notes.iter().enumerate().map(move |(i, n)| {
        let target = marker_id(prefix, n.occurrence, n.number);
        // Notes in the same section get numbered link texts, so each link names
        // a different place.
        let same = r
            .notes
            .iter()
            .filter(|m| m.section_title == n.section_title);
        let label = if same.clone().count() > 1 {
            let k = r.notes[..i]
                .iter()
                .filter(|m| m.section_title == n.section_title)
                .count();
            format!("{}, note {}", n.section_title, k + 1)
        } else {
            n.section_title.clone()
        };
        let onback = onback.clone();
        let at = (n.occurrence, n.number);
        let onclick = move |e: MouseEvent| {
            e.prevent_default();
            onback.emit(at);
        };
        html! {
            <li class="ea-refs__note">
                <a href={format!("#{target}")} class="ea-backlink" {onclick}>{label}</a>
                {": "}{n.text.clone()}
            </li>
        }
    })
}

/// The reference list.
#[function_component(References)]
pub fn references(p: &ReferencesProps) -> Html {
    crate::components::renders::count(crate::components::renders::Counted::References);
    let prefix = use_widget().prefix;
    let items = p.view.references().iter().map(|r| {
        let back = r.cited_in.iter().map(|(occ, title)| {
            let target = marker_id(&prefix, *occ, r.number);
            let onback = p.onback.clone();
            let at = (*occ, r.number);
            let onclick = move |e: MouseEvent| {
                e.prevent_default();
                onback.emit(at);
            };
            html! { <li><a href={format!("#{target}")} class="ea-backlink" {onclick}>{title.clone()}</a></li> }
        });
        html! {
            <li class="ea-refs__item" id={entry_id(&prefix, r.number)} tabindex="-1" value={r.number.to_string()}>
                <span class="ea-refs__text">{r.ama.clone()}</span>
                {source_links(r)}
                if !r.notes.is_empty() {
                    <div class="ea-refs__notes">{"Editor's notes (part of this article, not of the source):"}
                        <ul class="ea-refs__notelist">{for notes(&prefix, r, &p.onback)}</ul></div>
                }
                if !r.cited_in.is_empty() {
                    <div class="ea-refs__cited"><span aria-hidden="true">{"↩ "}</span>{"Cited in: "}
                        <ul class="ea-refs__backlinks">{for back}</ul></div>
                }
            </li>
        }
    });
    let heading_id = format!("{prefix}references");
    html! {
        <section class="ea-refs">
            <h2 class="ea-refs__heading" id={heading_id}>{"References"}</h2>
            <ol class="ea-refs__list">{for items}</ol>
        </section>
    }
}
