//! The no-framework floor in the widget's pipeline: wasm-bindgen + web-sys, one
//! element and one click listener. Built by scripts/perf/floor.sh; never shipped.
use wasm_bindgen::prelude::*;

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.get_element_by_id("app") else {
        return;
    };
    let Ok(button) = doc.create_element("button") else {
        return;
    };
    button.set_text_content(Some("Open"));
    let target = button.clone();
    let onclick = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |_| {
        let open = target.get_attribute("aria-expanded").as_deref() == Some("true");
        let _ = target.set_attribute("aria-expanded", if open { "false" } else { "true" });
    });
    let _ = button.add_event_listener_with_callback("click", onclick.as_ref().unchecked_ref());
    onclick.forget();
    let _ = root.append_child(&button);
}
