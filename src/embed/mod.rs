//! Mounting into host pages. The standalone page is one more host: it decodes the
//! page URL and storage into a [`WidgetConfig`] and mounts the same [`App`].
//! A panic anywhere ends in a visible message in every mounted widget, not a blank
//! box.

use std::cell::RefCell;
use std::rc::Rc;

use crate::components::article::ViewCache;
use crate::components::context::Shared;
use crate::components::section_host::{DeferredSections, Hosting, DEFERRED_SELECTOR};
use crate::components::{App, AppProps, ArticleSource};
use crate::config::WidgetConfig;
use crate::model::Article;

/// A started widget: its app and, when its pre-render was marked for it, the
/// top-level sections that hydrate later, one per task ([`DeferredSections`]).
pub struct Started {
    /// The app.
    pub app: yew::AppHandle<App>,
    /// The sections still to hydrate on their own (`None`: all in the app).
    pub sections: Option<Rc<DeferredSections>>,
}

impl Started {
    /// Unmounts the app and its separately hydrated sections.
    pub fn destroy(self) {
        if let Some(s) = &self.sections {
            s.destroy();
        }
        self.app.destroy();
    }
}

/// What runs once a widget has hydrated everything (one type, so the start-up code
/// is compiled once).
pub type Then = Box<dyn FnOnce()>;

/// The marked sections of `root`'s pre-render when these props will hydrate it.
pub fn deferred_sections(
    root: &web_sys::Element,
    props: &AppProps,
) -> Option<Rc<DeferredSections>> {
    if can_hydrate(root, props) {
        DeferredSections::find(root)
    } else {
        None
    }
}

/// Mounts the app into `root`: hydrates pre-rendered markup when the reader's first
/// view is the pre-rendered one (the nodes that painted first stay, nothing is built
/// twice), otherwise empties `root` and renders (a share link or a stored audience
/// that differs from the pre-render, or no pre-render at all). A marked pre-render's
/// top-level sections then hydrate in later tasks, one each, so no task hydrates the
/// whole article; rendered afresh, the sections fill their empty wrappers a few per
/// task ([`DeferredSections::filling`]). `then` runs once they all have (at once when
/// an unmarked pre-render hydrates; never when no article renders), and the `Ready`
/// event waits for it.
pub fn start_app(root: &web_sys::Element, props: AppProps, then: Then) -> Started {
    let sections = deferred_sections(root, &props);
    start_app_with(root, props, sections, None, then)
}

/// [`start_app`] with the sections found beforehand ([`deferred_sections`]) and the
/// clicks recorded on the pre-render meanwhile, replayed once the app's hydration
/// has committed ([`early::EarlyClicks::hydration`]).
pub fn start_app_with(
    root: &web_sys::Element,
    mut props: AppProps,
    sections: Option<Rc<DeferredSections>>,
    early: Option<early::EarlyClicks>,
    then: Then,
) -> Started {
    let hydrate = can_hydrate(root, &props);
    let mut config = (*props.config).clone();
    if hydrate {
        // The pre-render's freshness decision, so the first render matches it.
        let shown = root
            .query_selector(".ea-freshness")
            .ok()
            .flatten()
            .is_some();
        config.stale_hint = Some(shown);
    } else {
        warn_other_build(root);
        // Rendered afresh: the first render decides with the reader's clock.
        config.today = Some(crate::dom::today());
    }
    props.config = Rc::new(config);
    let sections = sections.filter(|_| hydrate);
    let held_ready = Rc::new(std::cell::Cell::new(false));
    let on_event = props.on_event.clone();
    let held = held_ready.clone();
    let then: Then = Box::new(move || {
        if held.get() {
            on_event.emit(crate::config::HostEvent::Ready);
        }
        then();
    });
    let (sections, then) = match sections {
        Some(s) => (Some(s), Some(then)),
        // Rendered afresh: the sections fill their wrappers a few per task.
        None if !hydrate => (Some(DeferredSections::filling(root, then)), None),
        None => (None, Some(then)),
    };
    if let Some(s) = &sections {
        props.hosting = Hosting::Deferred(s.clone());
        let (inner, s, held) = (props.on_event.clone(), s.clone(), held_ready.clone());
        props.on_event = yew::Callback::from(move |ev: crate::config::HostEvent| {
            if ev == crate::config::HostEvent::Ready && !s.done() {
                held.set(true);
            } else {
                inner.emit(ev);
            }
        });
    }
    if hydrate {
        props.hydration = early.map(|e| e.hydration(yew::Callback::noop()));
    }
    // The markup is live from now on: a later mount into this root must not
    // mistake it for pre-rendered markup.
    let _ = root.remove_attribute(PRERENDER_ATTR);
    let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
    let app = if hydrate {
        renderer.hydrate()
    } else {
        root.set_text_content(None);
        renderer.render()
    };
    match (&sections, then) {
        (Some(s), Some(then)) => hydrate_rest(s.clone(), 0, Rc::new(RefCell::new(Some(then)))),
        (None, Some(then)) => then(),
        // Filling: `then` runs once the last section has rendered.
        (_, None) => {}
    }
    Started { app, sections }
}

/// Hydrates the deferred sections one per task, each once the one before has
/// committed, then runs `then`. Gives up after many tasks without progress (an app
/// that never rendered its article); stops when the widget is destroyed.
fn hydrate_rest(sections: Rc<DeferredSections>, idle: u32, then: Rc<RefCell<Option<Then>>>) {
    crate::dom::timeout(0, move || {
        if sections.destroyed() {
            return;
        }
        let next = {
            let (sections, then) = (sections.clone(), then.clone());
            yew::Callback::from(move |()| hydrate_rest(sections.clone(), 0, then.clone()))
        };
        if sections.hydrate_next(next) {
            // Goes on once it has committed.
        } else if sections.done() || idle > 100 {
            if let Some(then) = then.borrow_mut().take() {
                then();
            }
            // After the ready event: the adopted charts, which hold no control.
            sections.release_charts();
        } else {
            hydrate_rest(sections, idle + 1, then);
        }
    })
    .forget();
}

/// Config for the standalone page: share state from `?ea=`, the stored audience and
/// the mount element's `data-audience` / `data-follow-up-href`.
pub fn standalone_config(mount: &web_sys::Element) -> WidgetConfig {
    let search = crate::dom::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let key = "ea".to_owned();
    WidgetConfig {
        prefix: String::new(),
        host_audience: WidgetConfig::parse_audience(
            mount.get_attribute("data-audience").as_deref(),
        ),
        stored_audience: crate::storage::load_browser_audience(),
        follow_up_href: WidgetConfig::parse_follow_up(
            mount.get_attribute("data-follow-up-href").as_deref(),
        ),
        share_state: mount.get_attribute("data-share-state").as_deref() != Some("off"),
        url_state: crate::url::read_param(&search, &key).map(|v| crate::url::decode(&v)),
        url_key: Some(key),
        fetch_timeout_ms: None,
        stale_hint: None,
        today: None,
    }
}

/// Entry point of the standalone page (`index.html`): mounts into
/// `#evidence-article`, or the body if that element is missing.
pub fn start_standalone() {
    install_panic_hook();
    let Some(doc) = crate::dom::window().and_then(|w| w.document()) else {
        return;
    };
    // Pages without this element (hosts using embed.js, which loads this same
    // module) get nothing mounted automatically.
    let Some(mount) = doc.get_element_by_id("evidence-article") else {
        return;
    };
    register_root(&mount);
    let config = standalone_config(&mount);
    let ready_target = mount.clone();
    let on_event = yew::Callback::from(move |ev: crate::config::HostEvent| {
        if ev == crate::config::HostEvent::Ready {
            // Lets pages and benchmarks tell when the widget is interactive.
            let _ = ready_target.set_attribute("data-ea-ready", "");
        }
    });
    // Start-up in several tasks, so none blocks the page for long: this one starts
    // the module and reads the page's settings; the next parses the embedded
    // article; the next builds its first view; the next hydrates (or renders) the
    // article but its top-level sections; then one task per section. The
    // pre-rendered page stays as it is in between.
    let source = ArticleSource::Embedded;
    let props = AppProps {
        source,
        config: Rc::new(config),
        on_event,
        control: None,
        hosting: Hosting::Inline,
        hydration: None,
    };
    // Dropping it does not unmount: the app lives as long as the page.
    let _ = start_in_tasks(&mount, props, Box::new(|| {}));
}

/// A widget starting over several tasks ([`start_in_tasks`]), then started.
#[derive(Default)]
pub struct Starting {
    started: RefCell<Option<Started>>,
    cancelled: std::cell::Cell<bool>,
}

impl Starting {
    /// Unmounts the widget, or cancels its start if it has not started yet.
    pub fn destroy(&self) {
        self.cancelled.set(true);
        if let Some(s) = self.started.borrow_mut().take() {
            s.destroy();
        }
    }
}

/// Starts the app in `root`. An article given as JSON (or the embedded one) starts
/// over several tasks so that none blocks the page for long: this one only looks at
/// the root; the next parses the article, the next (unless embedded) validates it;
/// the next builds its first view; the next hydrates the article but its top-level sections,
/// then one task per section ([`start_app`]), or, rendering afresh, renders the
/// shell and the first sections, then the others a few per task
/// (`DeferredSections::filling`). When it will hydrate a pre-render, clicks on the
/// pre-rendered page in between are replayed on the same nodes once hydrated (the
/// sections replay their own) and [`STARTING_ATTR`] is set on `root` meanwhile. An
/// article that fails to load shows its error panel in the task that found it;
/// otherwise (a URL, a failure) it starts at once. `then` runs once everything has
/// rendered.
pub fn start_in_tasks(root: &web_sys::Element, props: AppProps, then: Then) -> Rc<Starting> {
    let starting = Rc::new(Starting::default());
    let loads = matches!(
        props.source,
        ArticleSource::Json(_) | ArticleSource::Embedded
    );
    if !loads && !matches!(props.source, ArticleSource::Loaded(..)) {
        *starting.started.borrow_mut() = Some(start_app(root, props, then));
        return starting;
    }
    // Hydrating a pre-render: clicks on it are recorded from now on.
    let hydrating = can_hydrate(root, &props).then(|| {
        let sections = deferred_sections(root, &props);
        let early = early::EarlyClicks::record_except(root, Some(DEFERRED_SELECTOR));
        let _ = root.set_attribute(STARTING_ATTR, "");
        (sections, early)
    });
    let (root, out) = (root.clone(), starting.clone());
    let rest = move |props: AppProps| {
        if !matches!(props.source, ArticleSource::Loaded(..)) {
            // Failed to load: the error panel, now (nothing to hydrate).
            drop(hydrating);
            let _ = root.remove_attribute(STARTING_ATTR);
            *out.started.borrow_mut() = Some(start_app(&root, props, then));
            return;
        }
        let next = out.clone();
        later(&out, move || {
            // A task of its own for the view model (the first audience's view): a
            // third of the hydrating task before.
            let props = with_first_view(props);
            let out = next.clone();
            later(&next, move || {
                let started = match hydrating {
                    Some((sections, early)) => {
                        let done = root.clone();
                        start_app_with(
                            &root,
                            props,
                            sections,
                            Some(early),
                            Box::new(move || {
                                let _ = done.remove_attribute(STARTING_ATTR);
                                then();
                            }),
                        )
                    }
                    None => start_app(&root, props, then),
                };
                *out.started.borrow_mut() = Some(started);
            });
        });
    };
    if loads {
        // Parsing the article (a third of the task that started the module before)
        // in a task of its own, and validating it (unless embedded) in the next: on a
        // long article each is a long task's worth.
        let next = starting.clone();
        later(&starting, move || match read(props) {
            (props, Some(article)) => later(&next, move || rest(checked(props, article))),
            (props, None) => rest(props),
        });
    } else {
        rest(props);
    }
    starting
}

/// Runs `f` in a task of its own unless the start is cancelled by then.
fn later(starting: &Rc<Starting>, f: impl FnOnce() + 'static) {
    let starting = starting.clone();
    crate::dom::timeout(0, move || {
        if !starting.cancelled.get() {
            f();
        }
    })
    .forget();
}

/// Props whose article, given as JSON (or the embedded one), is parsed now: the
/// embedded one is loaded (it was validated before it was compiled in); an article
/// given as JSON comes back beside the props, to be validated ([`checked`]) before
/// it is shown; one that cannot be read fails now.
fn read(mut props: AppProps) -> (AppProps, Option<Article>) {
    let loaded = match &props.source {
        ArticleSource::Json(raw) => match crate::load::read(raw) {
            Ok(article) => return (props, Some(article)),
            Err(e) => Err(e),
        },
        ArticleSource::Embedded => crate::load::embedded_prevalidated(),
        _ => return (props, None),
    };
    props.source = source(loaded);
    (props, None)
}

/// Props whose article is `article` once it passes validation, or its problems.
fn checked(mut props: AppProps, article: Article) -> AppProps {
    props.source = source(crate::load::check(article));
    props
}

fn source(loaded: Result<crate::load::Loaded, crate::load::LoadError>) -> ArticleSource {
    match loaded {
        Ok(l) => ArticleSource::Loaded(Shared(Rc::new(l.article)), None),
        Err(e) => ArticleSource::Failed(Rc::new(e)),
    }
}

/// Props whose loaded article carries its first view, built now.
fn with_first_view(mut props: AppProps) -> AppProps {
    if let ArticleSource::Loaded(article, None) = &props.source {
        let audience = props.config.initial_audience().0;
        let views = ViewCache::new(&article.0, audience);
        props.source = ArticleSource::Loaded(article.clone(), Some(Shared(Rc::new(views))));
    }
    props
}

/// Set on a mount root that hydrates a pre-render from the moment the wasm starts
/// until the widget has hydrated all of it ([`start_in_tasks`]).
pub const STARTING_ATTR: &str = "data-ea-starting";

pub mod api;
pub mod early;
mod panic;
mod prerender;

pub use panic::{install_panic_hook, register_root, unregister_root};

use prerender::{can_hydrate, warn_other_build};
pub use prerender::{BUILD_ATTR, BUILD_ID, PRERENDER_ATTR};
