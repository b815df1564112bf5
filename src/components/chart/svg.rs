//! Element builders for the chart: one function per kind of node instead of an
//! `html!` per mark, which keeps the wasm small (each `html!` element expands to its
//! own code). Every element goes through [`node`], whose attribute names are a static
//! list, as `html!` makes them: Yew then compares two renders' attributes by position.
//! Through `VTag::add_attribute` each element built a map of its attributes (hashing
//! each name) and each render's diff looked every name up in the other's map, for the
//! ~250 elements of the seed's charts at every audience switch.

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag};

/// An attribute value.
pub(super) type Value = Option<AttributeOrProperty>;

/// A fixed attribute value (not `AttributeOrProperty::Static`: server-side
/// rendering leaves those out of a static list of names).
pub(super) fn fixed(v: &'static str) -> Value {
    Some(AttributeOrProperty::Attribute(AttrValue::Static(v)))
}

/// A computed attribute value.
pub(super) fn text(v: String) -> Value {
    Some(AttributeOrProperty::Attribute(v.into()))
}

/// A number as an attribute value.
pub(super) fn num(v: i32) -> Value {
    text(v.to_string())
}

/// An element with attributes `keys` set to `values` (as many), and children.
pub(super) fn node(
    name: &'static str,
    keys: &'static [&'static str],
    values: Vec<Value>,
    children: Vec<Html>,
) -> Html {
    let mut t = VTag::new(name);
    t.set_attributes(Attributes::Dynamic {
        keys,
        values: values.into_boxed_slice(),
    });
    t.add_children(children);
    t.into()
}

/// An HTML element with a class (empty: none) and children.
pub(super) fn tag(name: &'static str, class: &'static str, children: Vec<Html>) -> Html {
    match class {
        "" => node(name, &[], vec![], children),
        _ => node(name, &["class"], vec![fixed(class)], children),
    }
}

/// A rectangle.
pub(super) fn rect(class: &'static str, x: i32, y: i32, width: i32, height: i32) -> Html {
    node(
        "rect",
        &["class", "x", "y", "width", "height"],
        vec![fixed(class), num(x), num(y), num(width), num(height)],
        vec![],
    )
}

/// Text centred on `x` (or anchored at its start or end).
pub(super) fn label(
    class: &'static str,
    x: i32,
    y: i32,
    anchor: &'static str,
    text: String,
) -> Html {
    node(
        "text",
        &["class", "x", "y", "text-anchor"],
        vec![fixed(class), num(x), num(y), fixed(anchor)],
        vec![text.into()],
    )
}

pub(super) fn line(class: &'static str, x1: i32, x2: i32, y1: i32, y2: i32) -> Html {
    node(
        "line",
        &["class", "x1", "x2", "y1", "y2"],
        vec![fixed(class), num(x1), num(x2), num(y1), num(y2)],
        vec![],
    )
}
