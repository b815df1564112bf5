//! Browser test of the panic hook: a panic ends in a readable message inside the
//! widget's mount root instead of a blank box.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

// The runner orders these so that the panicking test runs first (reverse order);
// the check relies on the root it leaves behind.
#[wasm_bindgen_test]
fn a_the_widget_shows_a_readable_message_after_the_panic() {
    let root = doc()
        .get_element_by_id("panic-root")
        .expect("root from the previous test");
    let alert = root
        .query_selector("[role=alert]")
        .ok()
        .flatten()
        .expect("an alert replaced the content");
    let text = alert.text_content().unwrap_or_default();
    assert!(
        text.contains("stopped working because of an internal error"),
        "{text}"
    );
    assert!(!root
        .text_content()
        .unwrap_or_default()
        .contains("article content"));
}

#[wasm_bindgen_test]
#[should_panic]
fn b_a_panic_inside_the_widget_trips_the_hook() {
    let root = doc().create_element("div").expect("div");
    root.set_id("panic-root");
    root.set_text_content(Some("article content"));
    doc()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    evidence_article::embed::register_root(&root);
    evidence_article::embed::install_panic_hook();
    panic!("simulated internal error");
}
