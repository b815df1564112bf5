//! Small browser helpers used by effects and callbacks. Every call that can fail in a
//! hostile page (no window, sandboxed iframe, missing API) returns an `Option` or
//! `Result`; nothing here panics.

use wasm_bindgen::{JsCast, JsValue};

/// The window, if there is one (there is none under SSR or in workers).
pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Finds an element by id inside `root` (works inside shadow roots, unlike
/// `document.getElementById`).
pub fn find(root: &web_sys::Element, id: &str) -> Option<web_sys::HtmlElement> {
    let sel = format!("[id=\"{}\"]", id.replace(['"', '\\'], ""));
    root.query_selector(&sel).ok().flatten()?.dyn_into().ok()
}

/// Indexes of the widget's top-level parts (its sections in order, then the
/// reference list) that lie on screen ([`crate::state::switch::near_viewport`]).
pub fn parts_on_screen(root: &web_sys::Element) -> Vec<usize> {
    let vh = window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(768.0);
    let near = |el: &web_sys::Element| {
        let r = el.get_bounding_client_rect();
        r.bottom() > 0.0 && r.top() < vh
    };
    // Every top-level section sits in a `display: contents` host element, which has
    // no box of its own (the same DOM in every render mode): measure the sections,
    // a few of them (bisection: they are stacked in document order). The hosts are
    // the body's child elements, the reference list the first element of the host
    // after the body: found by walking siblings, not by selector queries over the
    // whole article (at 200 sections each query walked ~every node of it).
    let body = root.query_selector(".ea-body").ok().flatten();
    let mut hosts = Vec::new();
    let mut next = body.as_ref().and_then(|b| b.first_element_child());
    while let Some(host) = next {
        next = host.next_element_sibling();
        hosts.push(host);
    }
    let rect = |n: usize| {
        hosts
            .get(n)
            .and_then(|h| h.first_element_child())
            .map(|el| {
                let r = el.get_bounding_client_rect();
                (r.top(), r.bottom())
            })
            .unwrap_or_default()
    };
    let mut out: Vec<usize> = crate::state::switch::near_viewport(hosts.len(), vh, rect).collect();
    let refs = body
        .and_then(|b| b.next_element_sibling())
        .and_then(|tail| tail.first_element_child())
        .filter(|el| el.matches(".ea-refs").unwrap_or(false));
    if refs.is_some_and(|el| near(&el)) {
        out.push(hosts.len());
    }
    out
}

/// [`parts_on_screen`] of the widget an event happened in (none outside one).
pub fn parts_on_screen_from(e: &web_sys::Event) -> Vec<usize> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".ea-root").ok().flatten())
        .map(|root| parts_on_screen(&root))
        .unwrap_or_default()
}

/// Focuses an element by id inside `root`; returns whether it was found.
pub fn focus(root: &web_sys::Element, id: &str) -> bool {
    find(root, id).map(|el| el.focus().is_ok()).unwrap_or(false)
}

/// Whether the reader asked for reduced motion.
pub fn reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// Scrolls an element into view (instantly under reduced motion): centred, or
/// from its top when it is taller than the window (a long section's heading would
/// otherwise end up above the viewport).
pub fn scroll_into_view(el: &web_sys::Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    let tall = window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .is_some_and(|h| el.get_bounding_client_rect().height() > h);
    opts.set_block(if tall {
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Center
    });
    opts.set_behavior(if reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Calls a method by name if the object has it (for APIs web-sys gates or that old
/// browsers lack, e.g. `showPopover`, `navigator.share`).
pub fn call_method(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f = js_sys::Reflect::get(target, &JsValue::from_str(name))?;
    let f: js_sys::Function = f
        .dyn_into()
        .map_err(|_| JsValue::from_str("not a function"))?;
    let arr = js_sys::Array::new();
    for a in args {
        arr.push(a);
    }
    f.apply(target, &arr)
}

/// Why `navigator.share` did not share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// The reader closed the share sheet (`AbortError`): nothing to do.
    Cancelled,
    /// No share sheet, or it refused (`NotAllowedError`, `DataError`, …).
    Failed,
}

/// Opens the platform share sheet for `url` now (inside the reader's click, which
/// it needs) and returns its outcome to await.
pub fn share(
    url: &str,
    title: &str,
) -> Result<impl std::future::Future<Output = Result<(), ShareError>>, ShareError> {
    let nav = window().ok_or(ShareError::Failed)?.navigator();
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let promise: js_sys::Promise = call_method(&nav.into(), "share", &[data.into()])
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or(ShareError::Failed)?;
    Ok(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => Ok(()),
            Err(e) => {
                let name = js_sys::Reflect::get(&e, &"name".into()).ok();
                if name.and_then(|n| n.as_string()).as_deref() == Some("AbortError") {
                    Err(ShareError::Cancelled)
                } else {
                    Err(ShareError::Failed)
                }
            }
        }
    })
}

/// `navigator.clipboard.writeText(text)`; resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return false;
    };
    let Ok(clip) = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard")) else {
        return false;
    };
    if clip.is_undefined() || clip.is_null() {
        return false;
    }
    match call_method(&clip, "writeText", &[JsValue::from_str(text)]) {
        Ok(p) => match p.dyn_into::<js_sys::Promise>() {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

/// Whether any element on an event's composed path (target to window, across
/// shadow roots) satisfies `pred`.
pub fn path_any(e: &web_sys::Event, pred: impl Fn(&web_sys::Element) -> bool) -> bool {
    e.composed_path()
        .iter()
        .any(|n| n.dyn_ref::<web_sys::Element>().is_some_and(&pred))
}

/// Whether an event's composed path contains `el` (works across shadow roots).
pub fn event_within(e: &web_sys::Event, el: &web_sys::Element) -> bool {
    path_any(e, |x| x == el)
}

/// Writes the share state into the page URL with `history.replaceState`, keeping the
/// host's other parameters and fragment untouched.
pub fn write_share_state(key: &str, share: &crate::url::ShareState) {
    let Some(win) = window() else {
        return;
    };
    let loc = win.location();
    let (Ok(search), Ok(hash), Ok(path)) = (loc.search(), loc.hash(), loc.pathname()) else {
        return;
    };
    let value = crate::url::encode(share);
    let query = crate::url::write_param(&search, key, Some(&value));
    if query == search || (query.is_empty() && search.is_empty()) {
        return;
    }
    if let Ok(history) = win.history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("{path}{query}{hash}")),
        );
    }
}

/// The reader's date by the browser's clock, in local time.
pub fn today() -> crate::model::freshness::Date {
    let now = js_sys::Date::new_0();
    crate::model::freshness::Date {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

/// The page's path (`location.pathname`), if the browser gives it.
pub fn location_path() -> Option<String> {
    window()?.location().pathname().ok()
}

/// The page's fragment without `#`, if any.
pub fn location_hash() -> Option<String> {
    let h = window()?.location().hash().ok()?;
    let h = h.strip_prefix('#')?.to_owned();
    (!h.is_empty() && h.len() <= 128).then_some(h)
}

/// Whether an element has keyboard focus.
pub fn has_focus(el: &web_sys::Element) -> bool {
    el.matches(":focus").unwrap_or(true)
}

/// Whether no element has keyboard focus: the document's active element is its body
/// or none (focus was lost, e.g. to a press on plain content; a shadow root's host
/// counts as focused).
pub fn focus_lost() -> bool {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return false;
    };
    match doc.active_element() {
        None => true,
        Some(active) => doc
            .body()
            .is_some_and(|body| AsRef::<web_sys::Element>::as_ref(&body) == &active),
    }
}

/// Whether a pointer press landed on something that takes focus itself.
pub fn pressed_interactive(e: &web_sys::Event) -> bool {
    path_any(e, |el| {
        matches!(
            el.tag_name().to_ascii_lowercase().as_str(),
            "button" | "a" | "input" | "select" | "textarea" | "label" | "summary"
        )
    })
}

/// Blurs the focused element inside the element with `id`, if any.
pub fn blur_within(root: &web_sys::Element, id: &str) {
    let Some(container) = find(root, id) else {
        return;
    };
    if !container.matches(":focus-within").unwrap_or(false) {
        return;
    }
    let focused = container
        .query_selector(":focus")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or(container);
    let _ = focused.blur();
}

/// A CSS class that stays on an element for a while; dropping the guard removes it
/// at once (the widget went away or another flash replaced it).
pub struct TimedClass {
    el: web_sys::Element,
    class: &'static str,
    _timer: gloo::timers::callback::Timeout,
}

impl TimedClass {
    /// Adds `class` to `el` and removes it after `ms` milliseconds.
    pub fn add(el: web_sys::Element, class: &'static str, ms: u32) -> Self {
        let _ = el.class_list().add_1(class);
        let later = el.clone();
        let timer = timeout(ms, move || {
            let _ = later.class_list().remove_1(class);
        });
        Self {
            el,
            class,
            _timer: timer,
        }
    }
}

impl Drop for TimedClass {
    fn drop(&mut self) {
        let _ = self.el.class_list().remove_1(self.class);
    }
}

/// Resolves in a later task (a zero-delay timer): lets the browser paint and handle
/// input between two pieces of start-up work.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        timeout(0, move || {
            let _ = resolve.call0(&JsValue::NULL);
        })
        .forget();
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `gloo`'s `Timeout::new` with the callback boxed first: every timer in the widget
/// then shares one instantiation of it (wasm-bindgen's `Closure::once` wrapper and
/// its shims, ~0.4 KB of wasm per distinct callback type; ~15 call sites).
pub fn timeout(ms: u32, f: impl FnOnce() + 'static) -> gloo::timers::callback::Timeout {
    let f: Box<dyn FnOnce()> = Box::new(f);
    gloo::timers::callback::Timeout::new(ms, f)
}
