//! The studio's browser edges, each returning a `Result` with a typed error: the
//! draft in `localStorage` (one key), the download, the clipboard, reading a file.
//! Nothing here sends anything over the network.

use wasm_bindgen::JsCast;

/// The one storage key of the studio's draft.
pub const DRAFT_KEY: &str = "evidence-studio:draft";

/// Why a browser operation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserError {
    /// No window (not in a browser).
    NoWindow,
    /// Storage is switched off or refused (private mode, sandbox, policy).
    NoStorage,
    /// The browser refused the write (quota).
    StorageFull,
    /// The clipboard refused the text (no permission or focus).
    Clipboard,
    /// A download could not be started.
    Download,
    /// A file could not be read.
    Read,
}

impl std::fmt::Display for BrowserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            BrowserError::NoWindow => "no browser window",
            BrowserError::NoStorage => "this browser does not allow storage here",
            BrowserError::StorageFull => "the browser's storage for this site is full",
            BrowserError::Clipboard => "the browser did not allow copying",
            BrowserError::Download => "the browser did not start the download",
            BrowserError::Read => "the file could not be read",
        })
    }
}

fn window() -> Result<web_sys::Window, BrowserError> {
    web_sys::window().ok_or(BrowserError::NoWindow)
}

fn storage() -> Result<web_sys::Storage, BrowserError> {
    window()?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(BrowserError::NoStorage)
}

/// The stored draft, if any.
pub fn load_draft() -> Option<String> {
    storage().ok()?.get_item(DRAFT_KEY).ok().flatten()
}

/// Stores the draft (an empty text removes the key).
pub fn save_draft(text: &str) -> Result<(), BrowserError> {
    let s = storage()?;
    if text.is_empty() {
        s.remove_item(DRAFT_KEY)
            .map_err(|_| BrowserError::NoStorage)
    } else {
        s.set_item(DRAFT_KEY, text)
            .map_err(|_| BrowserError::StorageFull)
    }
}

/// Offers `text` as a download named `name` (a Blob URL: nothing leaves the page).
pub fn download(name: &str, text: &str) -> Result<(), BrowserError> {
    let doc = window()?.document().ok_or(BrowserError::NoWindow)?;
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| BrowserError::Download)?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| BrowserError::Download)?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| BrowserError::Download)?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked once the browser has taken the download.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Copies `text` to the clipboard.
pub async fn copy(text: String) -> Result<(), BrowserError> {
    let clipboard = window()?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .map(drop)
        .map_err(|_| BrowserError::Clipboard)
}

/// Reads a file as text.
pub async fn read_file(file: &web_sys::File) -> Result<String, BrowserError> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or(BrowserError::Read)
}

/// The JSON without spaces (`JSON.stringify(JSON.parse(text))`), for inline use.
pub fn compact(text: &str) -> Option<String> {
    let v = js_sys::JSON::parse(text).ok()?;
    js_sys::JSON::stringify(&v).ok()?.as_string()
}

/// The JSON indented by two spaces (the template's text in the editor).
pub fn pretty(text: &str) -> Option<String> {
    let v = js_sys::JSON::parse(text).ok()?;
    js_sys::JSON::stringify_with_replacer_and_space(&v, &wasm_bindgen::JsValue::NULL, &2.into())
        .ok()?
        .as_string()
}
