//! Per-register text: a field is either one string for every reader or an object
//! keyed by register (`professional`, `plain`). The audience's fallback chain picks
//! which register a reader sees.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Register used when a text is a single string.
pub const PROFESSIONAL: &str = "professional";
/// Plain-language register.
pub const PLAIN: &str = "plain";
/// Registers this version of the format knows.
pub const KNOWN_REGISTERS: [&str; 2] = [PROFESSIONAL, PLAIN];

/// Text in one or more registers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Text {
    /// The same text for every register.
    Single(String),
    /// Text keyed by register.
    Registers(BTreeMap<String, String>),
}

impl Text {
    /// Text for the first register of `chain` that has some, else the professional
    /// text, else any text at all (so a reader never gets a blank block).
    pub fn resolve<'a, S: AsRef<str>>(&'a self, chain: &[S]) -> &'a str {
        match self {
            Text::Single(s) => s,
            Text::Registers(map) => chain
                .iter()
                .find_map(|r| map.get(r.as_ref()))
                .or_else(|| map.get(PROFESSIONAL))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// Text in one register, if present (a single string counts as professional).
    pub fn get(&self, register: &str) -> Option<&str> {
        match self {
            Text::Single(s) => (register == PROFESSIONAL).then_some(s.as_str()),
            Text::Registers(map) => map.get(register).map(String::as_str),
        }
    }

    /// The professional text (or the only text).
    pub fn professional(&self) -> &str {
        self.resolve(&[PROFESSIONAL])
    }

    /// Every `(register, text)` pair, for validation.
    pub fn entries(&self) -> Vec<(&str, &str)> {
        match self {
            Text::Single(s) => vec![(PROFESSIONAL, s.as_str())],
            Text::Registers(map) => map.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect(),
        }
    }

    /// Whether the text is a single string (so a validation path needs no register).
    pub fn is_single(&self) -> bool {
        matches!(self, Text::Single(_))
    }
}

/// What a text field must be (the message of a malformed one).
pub const TEXT_EXPECTED: &str =
    "text: a string, or an object of strings keyed by register (\"professional\", \"plain\")";

/// Read by kind (string or object) instead of `#[serde(untagged)]`, which buffers
/// every value and builds an error message for each variant that does not fit: most
/// texts are objects, so start-up paid for a failed string attempt per text.
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(TEXT_EXPECTED)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Single(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Single(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = m.next_entry::<String, String>()? {
                    out.insert(k, v);
                }
                Ok(Text::Registers(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Single(s.to_owned())
    }
}
