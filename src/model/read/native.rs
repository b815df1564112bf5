//! The reader over serde_json's value (native only: loading in the CLI's `render`,
//! server-side rendering, and the tests that hold the reader to serde's derives).

use serde_json::Value;

use super::{JsonValue, Kind};

impl JsonValue for &Value {
    fn kind(&self) -> Kind {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(b) => Kind::Bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Kind::Int(i),
                (None, Some(u)) => Kind::BigInt(u),
                (None, None) => Kind::Float,
            },
            Value::String(_) => Kind::String,
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }

    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }

    fn is_object(&self) -> bool {
        Value::is_object(self)
    }

    fn field(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key)
    }

    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().map(|items| items.iter().collect())
    }

    fn entries(&self) -> Vec<(String, Self)> {
        self.as_object()
            .map(|o| o.iter().map(|(k, v)| (k.clone(), v)).collect())
            .unwrap_or_default()
    }

    fn number_text(&self) -> String {
        self.to_string()
    }
}
