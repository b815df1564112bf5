//! The editor: a text area with line numbers beside it (a gutter that scrolls with
//! it; lines do not wrap, so numbers and lines stay aligned), and a drop zone for
//! JSON files.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`Editor`].
#[derive(Properties, Clone, PartialEq)]
pub struct EditorProps {
    /// The text.
    pub text: Rc<str>,
    /// Typed or pasted text.
    pub on_input: Callback<Rc<str>>,
    /// A file dropped on the editor.
    pub on_file: Callback<web_sys::File>,
    /// The text area (the problems list moves its caret).
    pub textarea: NodeRef,
}

/// The numbers `1…n`, one a line.
fn numbers(n: usize) -> String {
    let mut s = String::with_capacity(n * 4);
    for i in 1..=n {
        s.push_str(&i.to_string());
        s.push('\n');
    }
    s
}

/// The editor component.
#[function_component(Editor)]
pub fn editor(p: &EditorProps) -> Html {
    let lines = p.text.bytes().filter(|&b| b == b'\n').count() + 1;
    let gutter_text = use_memo(lines, |&n| numbers(n));
    let gutter = use_node_ref();
    let dragging = use_state(|| false);
    let oninput = {
        let cb = p.on_input.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                cb.emit(t.value().into());
            }
        })
    };
    let onscroll = {
        let gutter = gutter.clone();
        Callback::from(move |e: Event| {
            if let (Some(t), Some(g)) = (
                e.target_dyn_into::<web_sys::Element>(),
                gutter.cast::<web_sys::Element>(),
            ) {
                g.set_scroll_top(t.scroll_top());
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, cb) = (dragging.clone(), p.on_file.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|fs| fs.get(0))
            {
                cb.emit(f);
            }
        })
    };
    let class = classes!("studio-editor", dragging.then_some("studio-editor--drop"));
    html! {
        <div {class} {ondragover} {ondragleave} {ondrop}>
            <label for="studio-text" class="studio-label">{"Article JSON"}</label>
            <p id="studio-text-hint" class="studio-hint">{"Paste or type here, or drop a JSON file on the editor. The draft stays in this browser."}</p>
            <div class="studio-editor__frame">
                <pre class="studio-gutter" aria-hidden="true" ref={gutter}>{(*gutter_text).clone()}</pre>
                <textarea id="studio-text" ref={p.textarea.clone()} class="studio-textarea"
                    aria-describedby="studio-text-hint" spellcheck="false" wrap="off"
                    autocomplete="off" value={p.text.to_string()} {oninput} {onscroll} />
            </div>
        </div>
    }
}

/// Moves the text area's caret to a UTF-16 index and scrolls its line into view.
pub fn move_caret(textarea: &NodeRef, caret: usize, line: usize, lines: usize) {
    let Some(t) = textarea.cast::<web_sys::HtmlTextAreaElement>() else {
        return;
    };
    let _ = t.focus();
    let caret = u32::try_from(caret).unwrap_or(u32::MAX);
    let _ = t.set_selection_range(caret, caret);
    let el: &web_sys::Element = t.unchecked_ref();
    let per_line = f64::from(el.scroll_height()) / lines.max(1) as f64;
    let top = per_line * (line.saturating_sub(1)) as f64 - f64::from(el.client_height()) / 3.0;
    el.set_scroll_top(top.max(0.0) as i32);
}
