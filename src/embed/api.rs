//! The JavaScript mount API behind `embed.js` and `mount()`: hosts hand us an element
//! and untrusted options; we decode them into a [`WidgetConfig`], mount the same
//! [`App`] as the standalone page, and report back through DOM events
//! (`evidence-article:*`, bubbling and composed). No analytics, no tracking.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::Callback;

use crate::components::section_host::Hosting;
use crate::components::{AppProps, ArticleSource};
use crate::config::{Control, HostEvent, WidgetConfig};
use crate::model::Audience;

thread_local! {
    static NEXT_PREFIX: Cell<u32> = const { Cell::new(0) };
}

/// A mounted widget, returned to JavaScript.
#[wasm_bindgen]
pub struct MountHandle {
    app: Rc<super::Starting>,
    root: web_sys::Element,
    control: Rc<Control>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Sets the reader's audience (`patient`, `student`, `nurse`, `physician`);
    /// returns false for an unknown id or a widget still loading.
    #[wasm_bindgen(js_name = setAudience)]
    pub fn set_audience(&self, id: &str) -> bool {
        Audience::from_id(id).is_some_and(|a| self.control.set_audience(a))
    }

    /// Sets the host's default audience (the `audience` attribute changed): the
    /// reader's own or a share link's choice still wins. An unknown id means the
    /// default default (physician), as at mount.
    #[wasm_bindgen(js_name = setDefaultAudience)]
    pub fn set_default_audience(&self, id: &str) {
        self.control
            .set_default_audience(WidgetConfig::parse_audience(Some(id)).unwrap_or_default());
    }

    /// The reader's state (audience chosen, sections, open citation) in the share
    /// link's encoding, for a re-mount to carry over (`state` option); `None` before
    /// the article rendered.
    #[wasm_bindgen(js_name = readerState)]
    pub fn reader_state(&self) -> Option<String> {
        self.control.snapshot().map(|s| crate::url::encode(&s))
    }

    /// Unmounts the widget: its listeners and timers go with it.
    pub fn destroy(&mut self) {
        self.app.destroy();
        super::unregister_root(&self.root);
        self.root.set_text_content(None);
    }
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    if obj.is_object() {
        js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn get_str(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key).as_string().filter(|s| s.len() <= 4096)
}

/// The article source from options: `article` (object or JSON text), else `src`,
/// else the embedded default.
fn source(options: &JsValue) -> ArticleSource {
    let article = get(options, "article");
    if let Some(text) = article.as_string() {
        return ArticleSource::Json(Rc::from(text.as_str()));
    }
    if article.is_object() {
        // Through JSON text so the size and depth limits apply to objects too.
        return match js_sys::JSON::stringify(&article)
            .ok()
            .and_then(|s| s.as_string())
        {
            Some(text) => ArticleSource::Json(Rc::from(text.as_str())),
            None => ArticleSource::Failed(Rc::new(crate::load::LoadError::UnreadableObject)),
        };
    }
    match get_str(options, "src")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
    {
        Some(src) if crate::model::validate::safe_href(&src) => ArticleSource::Url(src.into()),
        Some(_) => ArticleSource::Failed(Rc::new(crate::load::LoadError::UnsafeAddress)),
        None => ArticleSource::Embedded,
    }
}

fn config(options: &JsValue) -> WidgetConfig {
    let prefix = get_str(options, "prefix")
        .filter(|p| p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or_else(|| {
            NEXT_PREFIX.with(|n| {
                let v = n.get();
                n.set(v + 1);
                format!("ea{v}-")
            })
        });
    let share_state = get(options, "shareState").as_bool().unwrap_or(true);
    let key = crate::url::param_key(
        get_str(options, "id").as_deref(),
        get(options, "position")
            .as_f64()
            .map(|p| p as usize)
            .unwrap_or(0),
    );
    let search = crate::dom::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    WidgetConfig {
        prefix,
        host_audience: WidgetConfig::parse_audience(get_str(options, "audience").as_deref()),
        stored_audience: crate::storage::load_browser_audience(),
        follow_up_href: WidgetConfig::parse_follow_up(get_str(options, "followUpHref").as_deref()),
        share_state,
        // A re-mount carries the reader's state over (`state`); else the page URL's.
        url_state: get_str(options, "state")
            .or_else(|| crate::url::read_param(&search, &key))
            .map(|v| crate::url::decode(&v)),
        url_key: Some(key),
        fetch_timeout_ms: get(options, "timeoutMs")
            .as_f64()
            .filter(|t| t.is_finite() && *t > 0.0)
            .map(|t| t.min(60_000.0) as u32),
        stale_hint: None,
        today: None,
    }
}

/// Dispatches `evidence-article:<name>` on the host element.
fn emit(host: &web_sys::Element, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) =
        web_sys::CustomEvent::new_with_event_init_dict(&format!("evidence-article:{name}"), &init)
    {
        let _ = host.dispatch_event(&ev);
    }
}

fn object(pairs: &[(&str, &str)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o.into()
}

/// Mounts a widget into `root`, reporting events on `host`. `options` (all optional,
/// all untrusted): `article` (object or JSON text), `src`, `audience`,
/// `followUpHref`, `shareState` (bool), `id` and `position` (share-link key),
/// `prefix` (element-id prefix), `state` (reader state from `readerState()`),
/// `prefetched` (the loader's request for `src`, see [`crate::fetch::adopt`]).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    root: web_sys::Element,
    host: web_sys::Element,
    options: JsValue,
) -> MountHandle {
    let control = Rc::new(Control::default());
    let on_event = Callback::from(move |ev: HostEvent| match ev {
        HostEvent::Ready => emit(&host, "ready", &JsValue::NULL),
        HostEvent::AudienceChange(a) => {
            emit(&host, "audience-change", &object(&[("audience", a.id())]))
        }
        HostEvent::FollowUp { question, audience } => emit(
            &host,
            "follow-up",
            &object(&[("question", &question), ("audience", audience.id())]),
        ),
        HostEvent::Error(message) => emit(&host, "error", &object(&[("message", &message)])),
    });
    super::register_root(&root);
    let source = source(&options);
    let wanted = match &source {
        ArticleSource::Url(url) => Some(&**url),
        _ => None,
    };
    crate::fetch::adopt(&get(&options, "prefetched"), wanted);
    let props = AppProps {
        source,
        config: Rc::new(config(&options)),
        on_event,
        control: Some(control.clone()),
        hosting: Hosting::Inline,
        hydration: None,
    };
    let app = super::start_in_tasks(&root, props, Box::new(|| {}));
    MountHandle { app, root, control }
}

/// Test hook: panics inside this WebAssembly instance, so the end-to-end tests can
/// check that a failure stays inside one widget. Only in builds with the
/// `test-hooks` feature; the shipped module does not export it.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __panicForTesting)]
pub fn panic_for_testing() {
    panic!("evidence-article: panic requested through __panicForTesting");
}

/// Test hook: how many times each counted component has rendered in this instance
/// ([`crate::components::renders`]: article sections, citation groups, reference
/// lists), so the end-to-end tests can check that an interaction re-renders only
/// what it changed.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __renderCountsForTesting)]
pub fn render_counts_for_testing() -> Vec<u32> {
    crate::components::renders::counts().to_vec()
}
