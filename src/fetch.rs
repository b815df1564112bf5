//! Fetching an article from a host-given URL: a timeout, a size cap and a typed error
//! for every way it can fail (network, status, body type, time). `embed.js` starts
//! the request while the wasm downloads ([`adopt`]); the first fetch of that URL then
//! takes it over instead of asking again, with the time already spent counted.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::limits::MAX_BYTES;

/// Give up after this long.
pub const TIMEOUT_MS: u32 = 10_000;

/// Why a fetch failed; its `Display` is the sentence readers see.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// Not running in a browser window.
    #[error("No browser window.")]
    NoWindow,
    /// The browser lacks what fetching needs (AbortController).
    #[error("The browser cannot fetch.")]
    Unsupported,
    /// Nothing (or not all of it) arrived within the timeout, in milliseconds.
    #[error("The article took longer than {} to arrive.", duration(*.0))]
    Timeout(u32),
    /// The request failed: offline, DNS, CORS, blocked by the server.
    #[error("The article could not be downloaded (network error or blocked by the server).")]
    Network,
    /// `fetch` resolved to something that is not a `Response`.
    #[error("Unexpected response.")]
    NotAResponse,
    /// An HTTP status other than 2xx.
    #[error("The server answered {status} {status_text} instead of the article.")]
    Status {
        /// HTTP status code.
        status: u16,
        /// Its reason phrase, as sent.
        status_text: String,
    },
    /// The declared length is over the article size limit.
    #[error("The article is larger than {} KiB.", MAX_BYTES / 1024)]
    TooLarge,
    /// The response has no readable body.
    #[error("The response has no body.")]
    NoBody,
    /// The body stopped arriving.
    #[error("The download was interrupted.")]
    Interrupted,
    /// The body is not text.
    #[error("The response is not text.")]
    NotText,
}

/// "10 seconds", "1 second", "500 milliseconds".
fn duration(ms: u32) -> String {
    match ms {
        1000 => "1 second".into(),
        ms if ms % 1000 == 0 => format!("{} seconds", ms / 1000),
        // Tenths by integer arithmetic (rounded half up): `{:.1}` on an f64 would pull
        // Rust's float formatting (~11 KB) into the wasm.
        ms if ms > 1000 => {
            let tenths = ms / 100 + u32::from(ms % 100 >= 50);
            format!("{}.{} seconds", tenths / 10, tenths % 10)
        }
        ms => format!("{ms} milliseconds"),
    }
}

/// A request `embed.js` started for `src` before this instance existed.
struct Prefetched {
    src: String,
    response: js_sys::Promise,
    controller: web_sys::AbortController,
    /// `Date.now()` when it started.
    started: f64,
}

thread_local! {
    static PREFETCHED: std::cell::RefCell<Option<Prefetched>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the loader's request (`{ src, response, controller, started }`, untrusted)
/// for the first fetch of `src` when `wanted` is that URL; anything else is aborted.
pub fn adopt(prefetched: &wasm_bindgen::JsValue, wanted: Option<&str>) {
    let get = |k: &str| js_sys::Reflect::get(prefetched, &k.into()).ok();
    if !prefetched.is_object() {
        return;
    }
    let Some(controller) =
        get("controller").and_then(|c| c.dyn_into::<web_sys::AbortController>().ok())
    else {
        return;
    };
    let src = get("src").and_then(|s| s.as_string());
    let response = get("response").and_then(|r| r.dyn_into::<js_sys::Promise>().ok());
    let started = get("started")
        .and_then(|t| t.as_f64())
        .filter(|t| t.is_finite());
    match (src, response, started) {
        (Some(src), Some(response), Some(started)) if wanted == Some(src.trim()) => {
            let old = PREFETCHED.with(|p| {
                p.borrow_mut().replace(Prefetched {
                    src: src.trim().to_owned(),
                    response,
                    controller,
                    started,
                })
            });
            if let Some(old) = old {
                old.controller.abort();
            }
        }
        _ => controller.abort(),
    }
}

/// The loader's request for `url`, if there is one not yet used.
fn take(url: &str) -> Option<Prefetched> {
    PREFETCHED.with(|p| {
        let mut p = p.borrow_mut();
        if p.as_ref().is_some_and(|f| f.src == url) {
            p.take()
        } else {
            None
        }
    })
}

/// Fetches the text at `url` (same origin or CORS-allowed; no cookies sent to others).
pub async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, FetchError> {
    let win = crate::dom::window().ok_or(FetchError::NoWindow)?;
    let (request, controller, wait_ms) = match take(url) {
        // Counted from when the loader asked, so the reader waits no longer than set.
        Some(p) => {
            let spent = (js_sys::Date::now() - p.started).clamp(0.0, f64::from(timeout_ms));
            (p.response, p.controller, timeout_ms - spent as u32)
        }
        None => {
            let controller =
                web_sys::AbortController::new().map_err(|_| FetchError::Unsupported)?;
            let init = web_sys::RequestInit::new();
            init.set_signal(Some(&controller.signal()));
            init.set_credentials(web_sys::RequestCredentials::SameOrigin);
            init.set_cache(web_sys::RequestCache::NoCache);
            (
                win.fetch_with_str_and_init(url, &init),
                controller,
                timeout_ms,
            )
        }
    };
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        crate::dom::timeout(wait_ms, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let or_timeout = |other: FetchError| {
        if timed_out.get() {
            FetchError::Timeout(timeout_ms)
        } else {
            other
        }
    };
    let resp = JsFuture::from(request)
        .await
        .map_err(|_| or_timeout(FetchError::Network))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::NotAResponse)?;
    if !resp.ok() {
        return Err(FetchError::Status {
            status: resp.status(),
            status_text: resp.status_text(),
        });
    }
    if let Ok(Some(len)) = resp.headers().get("content-length") {
        if len.parse::<usize>().is_ok_and(|n| n > MAX_BYTES) {
            return Err(FetchError::TooLarge);
        }
    }
    let text = resp.text().map_err(|_| FetchError::NoBody)?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| or_timeout(FetchError::Interrupted))?;
    text.as_string().ok_or(FetchError::NotText)
}
