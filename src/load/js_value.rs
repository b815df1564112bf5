//! The model reader ([`crate::model::read`]) over the value the browser's
//! `JSON.parse` returns (wasm only): no JSON parser and no serde deserializer in the
//! wasm. Fields are looked up by name, own properties only; numbers are written for
//! messages by JavaScript, so the wasm carries no Rust float formatting.

use js_sys::{Array, Number, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::read::{JsonValue, Kind};

impl JsonValue for JsValue {
    fn kind(&self) -> Kind {
        if self.is_null() || self.is_undefined() {
            Kind::Null
        } else if let Some(b) = self.as_bool() {
            Kind::Bool(b)
        } else if let Some(n) = self.as_f64() {
            if Number::is_safe_integer(self) {
                Kind::Int(n as i64)
            } else {
                Kind::Float
            }
        } else if self.is_string() {
            Kind::String
        } else if Array::is_array(self) {
            Kind::Array
        } else {
            Kind::Object
        }
    }

    fn string(&self) -> Option<String> {
        self.as_string()
    }

    fn is_object(&self) -> bool {
        JsValue::is_object(self) && !Array::is_array(self)
    }

    fn field(&self, key: &str) -> Option<Self> {
        let object: &Object = self.unchecked_ref();
        let key = JsValue::from_str(key);
        if !Object::has_own(object, &key) {
            return None;
        }
        Reflect::get(object, &key).ok()
    }

    fn items(&self) -> Option<Vec<Self>> {
        Array::is_array(self).then(|| self.unchecked_ref::<Array>().iter().collect())
    }

    fn entries(&self) -> Vec<(String, Self)> {
        Object::entries(self.unchecked_ref())
            .iter()
            .map(|pair| {
                let pair: Array = pair.unchecked_into();
                (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
            })
            .collect()
    }

    fn number_text(&self) -> String {
        let n: &Number = self.unchecked_ref();
        n.to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    }
}
