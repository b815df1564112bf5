//! The live preview: the widget's own article component (`ArticleWidget`, what the
//! widget's `App` shows for a valid article) for one audience, or professional and
//! plain side by side. It shows the last version without errors.

use std::rc::Rc;

use evidence_article::components::article::ArticleWidget;
use evidence_article::components::context::Shared;
use evidence_article::config::WidgetConfig;
use evidence_article::model::{Article, Audience};
use yew::prelude::*;

/// What the preview shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// One audience.
    One(Audience),
    /// Physician (professional register) and patient (plain) side by side.
    SideBySide,
}

impl View {
    /// Value of the view picker.
    pub fn id(self) -> &'static str {
        match self {
            View::One(a) => a.id(),
            View::SideBySide => "both",
        }
    }

    /// Parses the view picker's value.
    pub fn from_id(id: &str) -> Option<View> {
        if id == "both" {
            Some(View::SideBySide)
        } else {
            Audience::from_id(id).map(View::One)
        }
    }

    /// The audiences shown, in order.
    pub fn audiences(self) -> Vec<Audience> {
        match self {
            View::One(a) => vec![a],
            View::SideBySide => vec![Audience::Physician, Audience::Patient],
        }
    }
}

/// Props of [`Preview`].
#[derive(Properties, Clone, PartialEq)]
pub struct PreviewProps {
    /// The last article without errors.
    pub article: Option<Rc<Article>>,
    /// Whether the editor's text has errors now (the preview is older).
    pub outdated: bool,
    /// The view.
    pub view: View,
    /// A new view was picked.
    pub on_view: Callback<View>,
}

fn config(a: Audience) -> Rc<WidgetConfig> {
    Rc::new(WidgetConfig {
        prefix: format!("studio-{}-", a.id()),
        host_audience: Some(a),
        ..WidgetConfig::default()
    })
}

/// The preview component.
#[function_component(Preview)]
pub fn preview(p: &PreviewProps) -> Html {
    let onchange = {
        let cb = p.on_view.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|s| View::from_id(&s.value()))
            {
                cb.emit(v);
            }
        })
    };
    let option = |id: &'static str, label: String| {
        html! { <option value={id} selected={p.view.id() == id}>{label}</option> }
    };
    let panes = p.article.as_ref().map(|article| {
        p.view
            .audiences()
            .into_iter()
            .map(|a| {
                html! {
                    <div class="studio-pane" key={a.id()} id={format!("studio-pane-{}", a.id())}
                         role="region" aria-label={format!("Preview: {}", a.label())}>
                        <ArticleWidget article={Shared(article.clone())} config={config(a)} />
                    </div>
                }
            })
            .collect::<Html>()
    });
    html! {
        <section class="studio-preview" aria-labelledby="studio-preview-h">
            <div class="studio-preview__bar">
                <h2 id="studio-preview-h">{"Preview"}</h2>
                <label for="studio-view">{"Show as"}</label>
                <select id="studio-view" {onchange}>
                    { for Audience::ALL.iter().rev().map(|a| option(a.id(), a.label().to_owned())) }
                    { option("both", "Professional and plain, side by side".to_owned()) }
                </select>
            </div>
            if p.outdated && p.article.is_some() {
                <p class="studio-note">{"The text has errors: the preview shows the last version without errors."}</p>
            }
            <div class={classes!("studio-panes", (p.view == View::SideBySide).then_some("studio-panes--two"))}>
                { panes.unwrap_or_else(|| html! {
                    <p class="studio-note">{"The preview appears when the text is an article without errors."}</p>
                }) }
            </div>
        </section>
    }
}
