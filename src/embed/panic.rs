//! A panic anywhere ends in a visible message in every widget of this WebAssembly
//! instance, not a blank box: the mount roots are remembered for the panic hook.

use std::cell::RefCell;

thread_local! {
    /// Mount roots, so the panic hook can tell readers what happened.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Installs a panic hook that logs and writes a readable message into each widget
/// of this WebAssembly instance (embed.js gives every widget its own instance).
/// Registered through Yew, whose renderer would otherwise install its own hook.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("evidence-article: {info}").into());
        let _ = ROOTS.try_with(|roots| {
            if let Ok(roots) = roots.try_borrow() {
                for root in roots.iter() {
                    show_fatal(root);
                }
            }
        });
    }));
}

/// Replaces a widget's content with a readable failure message (DOM APIs only, so it
/// works even when Yew cannot render any more).
fn show_fatal(root: &web_sys::Element) {
    let Some(doc) = root.owner_document() else {
        return;
    };
    let Ok(msg) = doc.create_element("p") else {
        return;
    };
    msg.set_class_name("ea-error ea-fatal");
    let _ = msg.set_attribute("role", "alert");
    msg.set_text_content(Some("Sorry, the article stopped working because of an internal error. Reload the page to try again."));
    root.set_text_content(None);
    let _ = root.append_child(&msg);
}

/// Remembers a mount root for the panic hook.
pub fn register_root(root: &web_sys::Element) {
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
}

/// Forgets a mount root (element removed).
pub fn unregister_root(root: &web_sys::Element) {
    ROOTS.with(|r| r.borrow_mut().retain(|x| x != root));
}
