//! The toolbar: open a file, start from the template, download and copy.

use yew::prelude::*;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Download the JSON.
    Download,
    /// Copy `<evidence-article src=…>`.
    SnippetSrc,
    /// Copy the element with the article inline.
    SnippetInline,
    /// Copy the pre-rendered element (from the preview).
    Prerendered,
}

/// A template to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// The skeleton (`static/templates/article.json`: every field, explained in place).
    Skeleton,
    /// The seed article.
    Seed,
}

/// Props of [`Toolbar`].
#[derive(Properties, Clone, PartialEq)]
pub struct ToolbarProps {
    /// A file was chosen.
    pub on_file: Callback<web_sys::File>,
    /// Start from a template.
    pub on_template: Callback<Template>,
    /// An export was asked for.
    pub on_export: Callback<Export>,
    /// Whether there is anything to export.
    pub can_export: bool,
}

/// The toolbar component.
#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let onchange = {
        let cb = p.on_file.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Some(f) = input.files().and_then(|fs| fs.get(0)) {
                    cb.emit(f);
                }
                // The same file can be opened again.
                input.set_value("");
            }
        })
    };
    let export = |x: Export, label: &'static str| {
        let cb = p.on_export.clone();
        html! {
            <button type="button" class="studio-btn" disabled={!p.can_export}
                    onclick={Callback::from(move |_| cb.emit(x))}>{label}</button>
        }
    };
    html! {
        <div class="studio-toolbar" role="group" aria-label="File and export">
            <label for="studio-file" class="studio-file-label">{"Open a JSON file"}</label>
            <input id="studio-file" class="studio-file" type="file" accept=".json,application/json" {onchange} />
            <button type="button" class="studio-btn" onclick={p.on_template.reform(|_| Template::Skeleton)}>{"Start from the skeleton"}</button>
            <button type="button" class="studio-btn" onclick={p.on_template.reform(|_| Template::Seed)}>{"Start from the seed article"}</button>
            { export(Export::Download, "Download JSON") }
            { export(Export::SnippetSrc, "Copy embed snippet (src)") }
            { export(Export::SnippetInline, "Copy embed snippet (inline JSON)") }
            { export(Export::Prerendered, "Copy pre-rendered markup") }
        </div>
    }
}
