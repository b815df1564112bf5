//! Element builders for the chart: one function per kind of node instead of an
//! `html!` per mark, which keeps the wasm small (each `html!` element expands to its
//! own code).

use yew::prelude::*;
use yew::virtual_dom::VTag;

/// An HTML element with a class (empty: none) and children.
pub(super) fn tag(name: &'static str, class: &'static str, children: Vec<Html>) -> Html {
    let mut t = VTag::new(name);
    if !class.is_empty() {
        t.add_attribute("class", class);
    }
    t.add_children(children);
    t.into()
}

/// One SVG element: a tag, its class, numeric attributes and optional text. One
/// builder instead of an `html!` per mark keeps the wasm small (each `html!`
/// element expands to its own code).
pub(super) fn el(
    tag: &'static str,
    class: &'static str,
    attrs: &[(&'static str, i32)],
    text: Option<String>,
) -> Html {
    let mut t = VTag::new(tag);
    t.add_attribute("class", class);
    for (k, v) in attrs {
        t.add_attribute(k, v.to_string());
    }
    if let Some(text) = text {
        t.add_child(Html::from(text));
    }
    t.into()
}

/// Text centred on `x` (or anchored at its start or end).
pub(super) fn label(
    class: &'static str,
    x: i32,
    y: i32,
    anchor: &'static str,
    text: String,
) -> Html {
    let mut t = VTag::new("text");
    t.add_attribute("class", class);
    t.add_attribute("x", x.to_string());
    t.add_attribute("y", y.to_string());
    t.add_attribute("text-anchor", anchor);
    t.add_child(Html::from(text));
    t.into()
}

pub(super) fn line(class: &'static str, x1: i32, x2: i32, y1: i32, y2: i32) -> Html {
    el(
        "line",
        class,
        &[("x1", x1), ("x2", x2), ("y1", y1), ("y2", y2)],
        None,
    )
}
