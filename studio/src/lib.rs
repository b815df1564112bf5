//! The evidence-article studio: a second Yew app (its own wasm, `dist/studio/`)
//! for authors. It opens, edits and checks `evidence-article/1` JSON with the
//! widget library's own limits, `validate()` and components, shows the live
//! widget beside the editor, keeps the draft in the browser and exports the
//! JSON, embed snippets and pre-rendered markup. Nothing leaves the browser.
//!
//! Pure, natively tested parts: [`spans`] (span-aware JSON scan, path →
//! line:column), [`check`] (limits → syntax → shape → validate, then the library's
//! reading level and coverage), [`draft`] (the draft's reducer) and [`export`].

pub mod app;
pub mod browser;
pub mod check;
pub mod draft;
pub mod editor;
pub mod export;
pub mod hooks;
pub mod panels;
pub mod preview;
pub mod problems;
pub mod spans;
pub mod toolbar;

/// Mounts the studio into `#studio` (the wasm's start function).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("evidence-studio: {info}").into());
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("studio"))
        {
            root.set_text_content(Some(
                "The studio stopped because of an internal error. Your last saved draft is kept in this browser: reload the page to continue.",
            ));
        }
    }));
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("studio"))
    {
        root.set_text_content(None);
        yew::Renderer::<app::Studio>::with_root(root).render();
    }
}
