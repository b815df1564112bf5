//! The app shell: gets the article (embedded, inline JSON, parsed value or URL),
//! validates it, and shows the article, a loading skeleton or an error panel.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::article::{ArticleWidget, ViewCache};
use crate::components::context::Shared;
use crate::components::error_panel::ErrorPanel;
use crate::components::header::StaleHint;
use crate::components::section_host::Hosting;
use crate::config::{Control, HostEvent, WidgetConfig};
use crate::hooks::{use_hydration, Hydration};
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
    /// task of its own before mounting, so no single task does everything), and its
    /// first view when built beforehand too (in a task of its own).
    Loaded(Shared<Article>, Option<Shared<ViewCache>>),
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
    /// Where the article's top-level sections render (see [`Hosting`]).
    #[prop_or_default]
    pub hosting: Hosting,
    /// Hydrating a pre-render: what the first render reports to (early clicks).
    #[prop_or_default]
    pub hydration: Option<Hydration>,
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Loading,
    Ready(Rc<Article>, Option<Shared<ViewCache>>),
    /// Why nothing can be shown, and whether "Try again" is offered.
    Failed {
        error: Rc<LoadError>,
        retry: bool,
    },
}

/// The one mapping from a load result to what the app shows: a refusal offers
/// "Try again" only when the article came from a URL and fetching again may help.
fn phase_for(result: Result<load::Loaded, LoadError>, source: &ArticleSource) -> Phase {
    match result {
        Ok(l) => Phase::Ready(Rc::new(l.article), None),
        Err(e) => Phase::Failed {
            retry: matches!(source, ArticleSource::Url(_)) && e.transient(),
            error: Rc::new(e),
        },
    }
}

fn initial_phase(source: &ArticleSource) -> Phase {
    match source {
        ArticleSource::Embedded => phase_for(load::embedded_prevalidated(), source),
        ArticleSource::Json(raw) => phase_for(load::load(raw), source),
        ArticleSource::Failed(e) => phase_for(Err((**e).clone()), source),
        ArticleSource::Url(_) => Phase::Loading,
        ArticleSource::Loaded(a, views) => Phase::Ready(a.0.clone(), views.clone()),
    }
}

/// The widget root component.
#[function_component(App)]
pub fn app(p: &AppProps) -> Html {
    use_hydration(p.hydration.clone());
    let phase = {
        let source = p.source.clone();
        use_state(move || initial_phase(&source))
    };
    let attempt = use_state(|| 0u32);
    // The source the current phase was computed from: the first render already
    // loaded an embedded or inline article, so the effect must not load it again.
    let loaded_from = use_mut_ref(|| p.source.clone());
    {
        let (phase, config) = (phase.clone(), p.config.clone());
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
                    let source = source.clone();
                    let url = url.to_string();
                    let phase = phase.clone();
                    let audience = config.initial_audience().0;
                    wasm_bindgen_futures::spawn_local(async move {
                        // Parsed in the task the text arrived in, validated in the
                        // next, the first view built in the next, rendered in the one
                        // after: no task does two of these.
                        let result = match crate::fetch::fetch_text(&url, timeout).await {
                            Ok(text) => load::read(&text),
                            Err(error) => Err(LoadError::Fetch { url, error }),
                        };
                        let result = match result {
                            Ok(article) => {
                                crate::dom::next_task().await;
                                load::check(article)
                            }
                            Err(e) => Err(e),
                        };
                        let next = match result {
                            Ok(l) => {
                                crate::dom::next_task().await;
                                let article = Rc::new(l.article);
                                let views = ViewCache::new(&article, audience);
                                crate::dom::next_task().await;
                                Phase::Ready(article, Some(Shared(Rc::new(views))))
                            }
                            Err(e) => phase_for(Err(e), &source),
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
            Phase::Failed { error, .. } => Some(error.to_string()),
            _ => None,
        };
        use_effect_with(failed, move |failed| {
            if let Some(message) = failed {
                on_event.emit(HostEvent::Error(message.clone()));
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
        Phase::Ready(article, prepared) => html! {
            <ContextProvider<StaleHint> context={StaleHint(p.config.stale_hint.or_else(|| p.config.today.map(|t| article.is_stale(t))))}>
                <ArticleWidget article={Shared(article.clone())} config={p.config.clone()} on_event={p.on_event.clone()} control={p.control.clone()} hosting={p.hosting.clone()} prepared={prepared.clone()} />
            </ContextProvider<StaleHint>>
        },
        Phase::Failed { error, retry } => {
            let attempt = attempt.clone();
            let onretry = retry.then(|| Callback::from(move |_| attempt.set(*attempt + 1)));
            html! {
                <div class="ea-root">
                    <ErrorPanel summary={error.to_string()} details={error.details()} {onretry} />
                </div>
            }
        }
    }
}
