//! `JSON.parse`'s value copied into the reader's tree ([`crate::model::read::tree`])
//! (wasm only), for the documents the tree's own parser leaves to the browser: its
//! syntax messages, and what JavaScript makes of numbers that are not safe integers,
//! of lone surrogates and of array-index field names, stay the browser's. Numbers
//! that are not integers are written by JavaScript, so the wasm carries no Rust float
//! formatting.

use std::borrow::Cow;

use js_sys::{Array, Number, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::read::tree::Value;

/// `v` (a value `JSON.parse` returned) as a tree: fields in `Object.entries` order,
/// strings as `as_string` gives them.
pub fn tree(v: &JsValue) -> Value<'static> {
    if v.is_null() || v.is_undefined() {
        Value::Null
    } else if let Some(b) = v.as_bool() {
        Value::Bool(b)
    } else if let Some(n) = v.as_f64() {
        if Number::is_safe_integer(v) {
            Value::Int(n as i64)
        } else {
            let n: &Number = v.unchecked_ref();
            Value::Float(
                n.to_string_with_radix(10)
                    .map(String::from)
                    .unwrap_or_default(),
            )
        }
    } else if let Some(s) = v.as_string() {
        Value::Str(Cow::Owned(s))
    } else if Array::is_array(v) {
        Value::Array(
            v.unchecked_ref::<Array>()
                .iter()
                .map(|x| tree(&x))
                .collect(),
        )
    } else {
        let entries = Object::entries(v.unchecked_ref());
        let fields = entries.iter().map(|pair| {
            let pair: Array = pair.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            (Cow::Owned(key), tree(&pair.get(1)))
        });
        Value::Object(fields.collect())
    }
}
