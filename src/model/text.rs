//! Per-register text: a field is either one string for every reader or an object
//! keyed by register (`professional`, `plain`). The audience's fallback chain picks
//! which register a reader sees.

use std::collections::BTreeMap;

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// Register used when a text is a single string.
pub const PROFESSIONAL: &str = "professional";
/// Plain-language register.
pub const PLAIN: &str = "plain";
/// Registers this version of the format knows.
pub const KNOWN_REGISTERS: [&str; 2] = [PROFESSIONAL, PLAIN];

// Serialized untagged (a string or an object); read by the hand-written
// `Deserialize` below, which looks at the value once instead of buffering it to try
// each variant (smaller wasm, and a message that says what a text must be).
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

/// What a text field must hold (the message authors see after "expected").
pub const EXPECTED: &str =
    "text: a string, or an object of strings keyed by register (\"professional\", \"plain\")";

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

/// Accepts a string ([`Text::Single`]) or an object of strings ([`Text::Registers`]).
struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text::Single(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text::Single(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut registers = BTreeMap::new();
        while let Some((register, text)) = map.next_entry::<String, String>()? {
            registers.insert(register, text);
        }
        Ok(Text::Registers(registers))
    }
}

/// An empty single text (what the reader puts in a field it could not read, before
/// it returns the error).
impl Default for Text {
    fn default() -> Self {
        Text::Single(String::new())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Single(s.to_owned())
    }
}
