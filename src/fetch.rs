//! Fetching an article from a host-given URL: a timeout, a size cap and a message
//! for every way it can fail (network, status, body type, time).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::limits::MAX_BYTES;

/// Give up after this long.
pub const TIMEOUT_MS: u32 = 10_000;

/// Why a fetch failed, as a sentence for readers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError(pub String);

/// Fetches the text at `url` (same origin or CORS-allowed; no cookies sent to others).
pub async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, FetchError> {
    let win = crate::dom::window().ok_or_else(|| FetchError("No browser window.".into()))?;
    let controller = web_sys::AbortController::new()
        .map_err(|_| FetchError("The browser cannot fetch.".into()))?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    init.set_cache(web_sys::RequestCache::NoCache);
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        gloo::timers::callback::Timeout::new(timeout_ms, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let resp = JsFuture::from(win.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| {
            if timed_out.get() {
                FetchError(format!(
                    "The article took longer than {} seconds to arrive.",
                    timeout_ms / 1000
                ))
            } else {
                FetchError(
                    "The article could not be downloaded (network error or blocked by the server)."
                        .into(),
                )
            }
        })?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| FetchError("Unexpected response.".into()))?;
    if !resp.ok() {
        return Err(FetchError(format!(
            "The server answered {} {} instead of the article.",
            resp.status(),
            resp.status_text()
        )));
    }
    if let Ok(Some(len)) = resp.headers().get("content-length") {
        if len.parse::<usize>().is_ok_and(|n| n > MAX_BYTES) {
            return Err(FetchError(format!(
                "The article is larger than {} KiB.",
                MAX_BYTES / 1024
            )));
        }
    }
    let text = resp
        .text()
        .map_err(|_| FetchError("The response has no body.".into()))?;
    let text = JsFuture::from(text).await.map_err(|_| {
        if timed_out.get() {
            FetchError(format!(
                "The article took longer than {} seconds to arrive.",
                timeout_ms / 1000
            ))
        } else {
            FetchError("The download was interrupted.".into())
        }
    })?;
    text.as_string()
        .ok_or_else(|| FetchError("The response is not text.".into()))
}
