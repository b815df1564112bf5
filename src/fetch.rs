//! Fetching an article from a host-given URL: a timeout, a size cap and a typed error
//! for every way it can fail (network, status, body type, time).

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

/// Fetches the text at `url` (same origin or CORS-allowed; no cookies sent to others).
pub async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, FetchError> {
    let win = crate::dom::window().ok_or(FetchError::NoWindow)?;
    let controller = web_sys::AbortController::new().map_err(|_| FetchError::Unsupported)?;
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
    let or_timeout = |other: FetchError| {
        if timed_out.get() {
            FetchError::Timeout(timeout_ms)
        } else {
            other
        }
    };
    let resp = JsFuture::from(win.fetch_with_str_and_init(url, &init))
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
