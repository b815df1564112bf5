//! The app shell: gets the article (embedded, inline JSON, parsed value or URL),
//! validates it, and shows the article, a loading skeleton or an error panel.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::article::ArticleWidget;
use crate::components::context::Shared;
use crate::components::error_panel::ErrorPanel;
use crate::components::header::StaleHint;
use crate::config::{Control, HostEvent, WidgetConfig};
use crate::load::{self, LoadError};
use crate::model::Article;

/// Where the article comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum ArticleSource {
    /// The article compiled into the widget.
    Embedded,
    /// Raw JSON text (inline `<script type="application/json">`, mount API).
    Json(Rc<str>),
    /// A failure found before the app could load anything (e.g. bad JS value).
    Failed(Rc<LoadError>),
    /// A URL to fetch.
    Url(AttrValue),
    /// An article parsed and validated already (the standalone page does that in a
    /// task of its own before mounting, so no single task does everything).
    Loaded(Shared<Article>),
}

/// Props of [`App`].
#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    /// Article source.
    pub source: ArticleSource,
    /// Host settings.
    #[prop_or_default]
    pub config: Rc<WidgetConfig>,
    /// Reports to the host.
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
    /// Host steering (mount API).
    #[prop_or_default]
    pub control: Option<Rc<Control>>,
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Loading,
    Ready(Rc<Article>),
    Failed {
        summary: String,
        details: Vec<String>,
        retry: bool,
    },
}

fn from_load(r: Result<load::Loaded, LoadError>) -> Phase {
    match r {
        Ok(l) => Phase::Ready(Rc::new(l.article)),
        Err(e) => Phase::Failed {
            summary: e.summary(),
            details: e.details(),
            retry: false,
        },
    }
}

fn initial_phase(source: &ArticleSource) -> Phase {
    match source {
        ArticleSource::Embedded => from_load(load::embedded()),
        ArticleSource::Json(raw) => from_load(load::load(raw)),
        ArticleSource::Failed(e) => from_load(Err((**e).clone())),
        ArticleSource::Url(_) => Phase::Loading,
        ArticleSource::Loaded(a) => Phase::Ready(a.0.clone()),
    }
}

/// The widget root component.
#[function_component(App)]
pub fn app(p: &AppProps) -> Html {
    let phase = {
        let source = p.source.clone();
        use_state(move || initial_phase(&source))
    };
    let attempt = use_state(|| 0u32);
    // The source the current phase was computed from: the first render already
    // loaded an embedded or inline article, so the effect must not load it again.
    let loaded_from = use_mut_ref(|| p.source.clone());
    {
        let phase = phase.clone();
        let timeout = p
            .config
            .fetch_timeout_ms
            .unwrap_or(crate::fetch::TIMEOUT_MS)
            .clamp(500, 60_000);
        use_effect_with(
            (p.source.clone(), *attempt),
            move |(source, attempt)| match source {
                ArticleSource::Url(url) => {
                    if *attempt > 0 {
                        phase.set(Phase::Loading);
                    }
                    let url = url.to_string();
                    let phase = phase.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let next = match crate::fetch::fetch_text(&url, timeout).await {
                            Ok(text) => match load::load(&text) {
                                Ok(l) => Phase::Ready(Rc::new(l.article)),
                                Err(e) => {
                                    let retry = matches!(e, LoadError::Syntax(_));
                                    Phase::Failed {
                                        summary: e.summary(),
                                        details: e.details(),
                                        retry,
                                    }
                                }
                            },
                            Err(e) => Phase::Failed {
                                summary: e.0,
                                details: vec![format!("URL: {url}")],
                                retry: true,
                            },
                        };
                        phase.set(next);
                    });
                }
                other => {
                    if *loaded_from.borrow() != *other {
                        *loaded_from.borrow_mut() = other.clone();
                        phase.set(initial_phase(other));
                    }
                }
            },
        );
    }
    {
        let on_event = p.on_event.clone();
        // Keyed on the failure only: comparing the whole phase would walk the article.
        let failed = match &*phase {
            Phase::Failed { summary, .. } => Some(summary.clone()),
            _ => None,
        };
        use_effect_with(failed, move |failed| {
            if let Some(summary) = failed {
                on_event.emit(HostEvent::Error(summary.clone()));
            }
        });
    }
    match &*phase {
        Phase::Loading => html! {
            <div class="ea-root ea-skeleton" aria-busy="true">
                <p class="ea-visually-hidden" role="status">{"Loading the article…"}</p>
                <div class="ea-skeleton__title"></div>
                <div class="ea-skeleton__line"></div>
                <div class="ea-skeleton__line"></div>
                <div class="ea-skeleton__line ea-skeleton__line--short"></div>
            </div>
        },
        Phase::Ready(article) => html! {
            <ContextProvider<StaleHint> context={StaleHint(p.config.stale_hint)}>
                <ArticleWidget article={Shared(article.clone())} config={p.config.clone()} on_event={p.on_event.clone()} control={p.control.clone()} />
            </ContextProvider<StaleHint>>
        },
        Phase::Failed {
            summary,
            details,
            retry,
        } => {
            let attempt = attempt.clone();
            let onretry = retry.then(|| Callback::from(move |_| attempt.set(*attempt + 1)));
            html! {
                <div class="ea-root">
                    <ErrorPanel summary={summary.clone()} details={details.clone()} {onretry} />
                </div>
            }
        }
    }
}
