//! Reading the model from a parsed JSON value without serde: one reader for the
//! widget (over [`tree`]: the text parsed in the wasm, or `JSON.parse`'s value copied
//! into it, `load::js_value`) and for native loading (over `serde_json::Value`,
//! [`native`]), so the native tests check the very code the wasm runs (tests/read.rs
//! holds the tree to serde_json). It behaves as the model's serde derives do (unknown
//! fields ignored, `null` or absence of an optional field is `None`, defaults where
//! the derive has `default`, serde's messages), and every error carries the path of
//! the offending value (`sections[0].blocks[2].text`). The CLI and the studio keep
//! serde (positions, unknown-field warnings); tests/read.rs checks both agree.
//!
//! Of several problems it reports the first in the format's field order (serde: the
//! first in the order of the document's keys, then missing fields). One deliberate
//! difference: serde's derive (natively) also accepts a JSON array where an object
//! belongs, reading it field by field in order; the reader, like the widget always
//! did, refuses it.

mod article;
#[cfg(not(target_arch = "wasm32"))]
mod native;
pub mod tree;

use std::cell::Cell;
use std::collections::BTreeMap;

pub use article::article;

use super::text::{self, Text};

/// What a JSON value is (as much as the reader needs to branch or to describe it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `null` (or JavaScript's `undefined`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer that fits `i64` (in the browser: a safe integer).
    Int(i64),
    /// An integer above `i64::MAX` (only serde_json keeps these exactly).
    BigInt(u64),
    /// Any other number.
    Float,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

/// A parsed JSON value the reader can look into.
pub trait JsonValue: Sized {
    /// What the value is.
    fn kind(&self) -> Kind;
    /// The string, if the value is one.
    fn string(&self) -> Option<String>;
    /// Whether the value is an object (not an array, not `null`).
    fn is_object(&self) -> bool;
    /// The object's own field `key`, if present (called on objects only).
    fn field(&self, key: &str) -> Option<Self>;
    /// The array's elements, or `None` if the value is not an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// The object's `(key, value)` pairs (called on objects only).
    fn entries(&self) -> Vec<(String, Self)>;
    /// A non-integer number as text, for messages (no Rust float formatting in the wasm).
    fn number_text(&self) -> String;
}

/// Where a value is: built on the stack as the reader descends, written only for an error.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The document.
    Root,
    /// A field of an object.
    Key(&'a Path<'a>, &'a str),
    /// An element of an array.
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// Number of steps from the document.
    fn depth(&self) -> usize {
        match self {
            Path::Root => 0,
            Path::Key(p, _) | Path::Index(p, _) => p.depth() + 1,
        }
    }

    /// The path in validation's notation (`sections[0].title`; empty for the document).
    #[cold]
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(p, k) => {
                p.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Path::Index(p, i) => {
                p.write(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

/// Why a value is not what the format wants there (serde's wording).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// A required field is absent.
    #[error("missing field `{0}`")]
    MissingField(&'static str),
    /// A value of the wrong kind.
    #[error("invalid type: {found}, expected {expected}")]
    InvalidType {
        /// The value found (serde's description, e.g. ``integer `3` ``).
        found: String,
        /// What belongs there.
        expected: &'static str,
    },
    /// An integer outside its type's range.
    #[error("invalid value: integer `{found}`, expected {expected}")]
    OutOfRange {
        /// The integer.
        found: String,
        /// Its type (`u32`, `i64`).
        expected: &'static str,
    },
    /// A block `type` the format does not know.
    #[error("unknown variant `{0}`, expected one of `paragraph`, `list`, `findings`")]
    UnknownBlockType(String),
    /// Sections nested deeper than any document within the limits can nest them.
    #[error(
        "sections are nested more than {} levels deep",
        super::limits::MAX_DEPTH
    )]
    TooDeep,
}

/// A problem and the path of the value it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Validation's notation; empty for the document itself.
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
}

impl std::fmt::Display for ReadError {
    /// `path: problem` (the problem alone for the document itself).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.path.is_empty() {
            f.write_str(&self.path)?;
            f.write_str(": ")?;
        }
        std::fmt::Display::fmt(&self.problem, f)
    }
}

impl std::error::Error for ReadError {}

/// The result of reading one value.
pub type Read<T> = Result<T, ReadError>;

/// A reader of one kind of value.
pub type Reader<V, T> = fn(&V, &Path<'_>) -> Read<T>;

#[cold]
fn error(at: &Path<'_>, problem: Problem) -> ReadError {
    ReadError {
        path: at.render(),
        problem,
    }
}

/// serde's description of a value that is not what was expected.
#[cold]
#[inline(never)]
fn invalid<V: JsonValue>(v: &V, at: &Path<'_>, expected: &'static str) -> ReadError {
    let found = match v.kind() {
        Kind::Null => "null".to_owned(),
        Kind::Bool(b) => format!("boolean `{b}`"),
        Kind::Int(i) => format!("integer `{i}`"),
        Kind::BigInt(u) => format!("integer `{u}`"),
        Kind::Float => format!("floating point `{}`", v.number_text()),
        Kind::String => format!("string {:?}", v.string().unwrap_or_default()),
        Kind::Array => "sequence".to_owned(),
        Kind::Object => "map".to_owned(),
    };
    error(at, Problem::InvalidType { found, expected })
}

/// A string.
pub fn string<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<String> {
    v.string().ok_or_else(|| invalid(v, at, "a string"))
}

/// `true` or `false`.
pub fn boolean<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<bool> {
    match v.kind() {
        Kind::Bool(b) => Ok(b),
        _ => Err(invalid(v, at, "a boolean")),
    }
}

/// An integer of `expected`'s range (`lo..=hi`).
fn integer<V: JsonValue>(
    v: &V,
    at: &Path<'_>,
    (lo, hi, expected): (i64, i64, &'static str),
) -> Read<i64> {
    match v.kind() {
        Kind::Int(i) if (lo..=hi).contains(&i) => Ok(i),
        Kind::Int(i) => Err(error(
            at,
            Problem::OutOfRange {
                found: i.to_string(),
                expected,
            },
        )),
        Kind::BigInt(u) => Err(error(
            at,
            Problem::OutOfRange {
                found: u.to_string(),
                expected,
            },
        )),
        _ => Err(invalid(v, at, expected)),
    }
}

/// A `u32`.
pub fn u32<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<u32> {
    let i = integer(v, at, (0, i64::from(u32::MAX), "u32"))?;
    Ok(u32::try_from(i).unwrap_or_default())
}

/// An `i64`.
pub fn i64<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<i64> {
    integer(v, at, (i64::MIN, i64::MAX, "i64"))
}

/// Calls `f` on each element of an array (not generic over what is read: one loop
/// serves every list of the format).
#[inline(never)]
fn each<V: JsonValue>(
    v: &V,
    at: &Path<'_>,
    f: &mut dyn FnMut(&V, &Path<'_>) -> Read<()>,
) -> Read<()> {
    let Some(items) = v.items() else {
        return Err(invalid(v, at, "a sequence"));
    };
    for (i, item) in items.iter().enumerate() {
        f(item, &Path::Index(at, i))?;
    }
    Ok(())
}

/// An array, each element read by `read`.
pub fn list<V: JsonValue, T>(v: &V, at: &Path<'_>, read: Reader<V, T>) -> Read<Vec<T>> {
    let mut out = Vec::new();
    each(v, at, &mut |item, at| {
        out.push(read(item, at)?);
        Ok(())
    })?;
    Ok(out)
}

/// Calls `f` on each `(key, value)` of an object (one copy for every map); `at` is
/// the object's path.
#[inline(never)]
fn each_entry<V: JsonValue>(
    v: &V,
    at: &Path<'_>,
    f: &mut dyn FnMut(String, &V, &Path<'_>) -> Read<()>,
) -> Read<()> {
    if !v.is_object() {
        return Err(invalid(v, at, "a map"));
    }
    for (key, value) in v.entries() {
        f(key, &value, at)?;
    }
    Ok(())
}

/// An object as a map, each value read by `read`.
pub fn map<V: JsonValue, T>(v: &V, at: &Path<'_>, read: Reader<V, T>) -> Read<BTreeMap<String, T>> {
    let mut out = BTreeMap::new();
    each_entry(v, at, &mut |key, value, at| {
        let item = read(value, &Path::Key(at, &key))?;
        out.insert(key, item);
        Ok(())
    })?;
    Ok(out)
}

/// A text: one string, or an object of strings keyed by register.
pub fn text<V: JsonValue>(v: &V, at: &Path<'_>) -> Read<Text> {
    if let Some(s) = v.string() {
        Ok(Text::Single(s))
    } else if v.is_object() {
        map(v, at, string).map(Text::Registers)
    } else {
        Err(invalid(v, at, text::EXPECTED))
    }
}

/// An object being read field by field. A field's error is kept (the first one
/// only) and the field gets its default, so a struct is built whole and dropped
/// whole on error: returning at each field would make every field's exit drop the
/// fields before it, code that grows with the square of the field count.
pub struct Object<'a, V> {
    value: &'a V,
    at: &'a Path<'a>,
    error: Cell<Option<ReadError>>,
}

impl<'a, V: JsonValue> Object<'a, V> {
    /// `v` as an object, else an error saying `expected` (serde's `struct Name`).
    pub fn new(v: &'a V, at: &'a Path<'a>, expected: &'static str) -> Read<Self> {
        if v.is_object() {
            Ok(Object {
                value: v,
                at,
                error: Cell::new(None),
            })
        } else {
            Err(invalid(v, at, expected))
        }
    }

    /// Keeps `problem` about the object itself (unless an earlier one is kept).
    pub fn problem(&self, problem: Problem) {
        self.keep::<()>(Err(error(self.at, problem)));
    }

    /// `value`, or the first error kept while reading its fields.
    pub fn finish<T>(&self, value: T) -> Read<T> {
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(value),
        }
    }

    fn keep<T: Default>(&self, read: Read<T>) -> T {
        read.unwrap_or_else(|e| {
            self.note(e);
            T::default()
        })
    }

    #[cold]
    #[inline(never)]
    fn note(&self, e: ReadError) {
        let first = self.error.take().unwrap_or(e);
        self.error.set(Some(first));
    }

    /// The field's value; `None` when it is absent (or, `null_is_absent`, `null`).
    #[inline(never)]
    fn lookup(&self, key: &str, null_is_absent: bool) -> Option<V> {
        self.value
            .field(key)
            .filter(|v| !null_is_absent || v.kind() != Kind::Null)
    }

    /// A field that must be present (its value read by `read`, so `null` is an error
    /// unless `read` accepts it).
    pub fn required<T: Default>(&self, key: &'static str, read: Reader<V, T>) -> T {
        let value = match self.lookup(key, false) {
            Some(v) => read(&v, &Path::Key(self.at, key)),
            None => Err(error(self.at, Problem::MissingField(key))),
        };
        self.keep(value)
    }

    /// An `Option` field: absent or `null` is `None`.
    pub fn optional<T>(&self, key: &'static str, read: Reader<V, T>) -> Option<T> {
        let v = self.lookup(key, true)?;
        self.keep(read(&v, &Path::Key(self.at, key)).map(Some))
    }

    /// A field with a default: absent is the default, `null` is read like any value.
    pub fn or_default<T: Default>(&self, key: &'static str, read: Reader<V, T>) -> T {
        match self.lookup(key, false) {
            Some(v) => self.keep(read(&v, &Path::Key(self.at, key))),
            None => T::default(),
        }
    }
}
