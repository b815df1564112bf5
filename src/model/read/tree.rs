//! A JSON document parsed in Rust into a small tree the reader looks into: the
//! widget's article text crosses into the wasm once, instead of every string and
//! field name of `JSON.parse`'s value crossing one at a time (those crossings were
//! most of a long article's parse). Only a plain subset is parsed here, the one an
//! article's JSON is written in; for anything else ([`parse`] gives `None`: a
//! syntax error, a number that is not a safe integer, an escaped lone surrogate, an
//! escaped or array-index field name, a very wide object) the widget lets the
//! browser parse it and copies its value into the same tree (`load::js_value`), so
//! what JavaScript would make of such a document, and its syntax messages, stay
//! the browser's own. Within the subset the tree is what `JSON.parse` gives: a
//! repeated field keeps its first place and its last value, integers are exact.

use std::borrow::Cow;

use super::{JsonValue, Kind};
use crate::model::limits::MAX_DEPTH;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A safe integer (`|n| < 2^53`).
    Int(i64),
    /// Any other number, written as JavaScript writes it (from the browser only).
    Float(String),
    /// A string (borrowed from the text when it has no escapes).
    Str(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object's fields in `Object.entries` order.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// The largest safe integer of JavaScript (`2^53 - 1`).
const MAX_SAFE: i64 = (1 << 53) - 1;
/// More fields than this in one object are left to the browser (no article type has
/// as many; a repeated field is looked for among those before it).
const MAX_FIELDS: usize = 64;

/// `src` as a tree, or `None` when it is outside the subset parsed here (see the
/// module's doc). Never accepts a text `JSON.parse` refuses.
pub fn parse(src: &str) -> Option<Value<'_>> {
    let mut p = Parser { src, i: 0 };
    let v = p.value(0)?;
    p.space();
    (p.i == src.len()).then_some(v)
}

struct Parser<'a> {
    src: &'a str,
    i: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.i).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.i += usize::from(hit);
        hit
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn word(&mut self, word: &str, v: Value<'a>) -> Option<Value<'a>> {
        let hit = self.src.as_bytes()[self.i..].starts_with(word.as_bytes());
        self.i += word.len();
        hit.then_some(v)
    }

    fn value(&mut self, depth: usize) -> Option<Value<'a>> {
        self.space();
        match self.peek()? {
            b'{' | b'[' if depth >= MAX_DEPTH => None,
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(Value::Str),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'n' => self.word("null", Value::Null),
            _ => self.integer(),
        }
    }

    /// After a value in an array or object: `true` at its closing `close`, `false`
    /// after a comma, `None` at anything else.
    fn next(&mut self, close: u8) -> Option<bool> {
        self.space();
        if self.eat(close) {
            Some(true)
        } else {
            self.eat(b',').then_some(false)
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value<'a>> {
        self.i += 1;
        let mut items = Vec::new();
        self.space();
        if !self.eat(b']') {
            loop {
                items.push(self.value(depth)?);
                if self.next(b']')? {
                    break;
                }
            }
        }
        Some(Value::Array(items))
    }

    fn object(&mut self, depth: usize) -> Option<Value<'a>> {
        self.i += 1;
        let mut fields: Vec<(Cow<'a, str>, Value<'a>)> = Vec::new();
        self.space();
        if self.eat(b'}') {
            return Some(Value::Object(fields));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return None;
            }
            // An escaped name could spell a name seen before differently, and an
            // array index comes first in JavaScript's order: the browser's cases.
            let Cow::Borrowed(key) = self.string()? else {
                return None;
            };
            if key.bytes().all(|b| b.is_ascii_digit()) && !key.is_empty() {
                return None;
            }
            self.space();
            if !self.eat(b':') {
                return None;
            }
            let v = self.value(depth)?;
            match fields.iter().position(|(k, _)| k == key) {
                Some(at) => fields[at].1 = v,
                None if fields.len() < MAX_FIELDS => fields.push((Cow::Borrowed(key), v)),
                None => return None,
            }
            if self.next(b'}')? {
                return Some(Value::Object(fields));
            }
        }
    }

    /// A string at its opening quote.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let start = self.i + 1;
        let bytes = self.src.as_bytes();
        let mut j = start;
        loop {
            match *bytes.get(j)? {
                b'"' => {
                    self.i = j + 1;
                    return Some(Cow::Borrowed(&self.src[start..j]));
                }
                b'\\' => return self.escaped(start).map(Cow::Owned),
                0..=0x1f => return None,
                _ => j += 1,
            }
        }
    }

    /// A string with escapes, from its first character.
    fn escaped(&mut self, start: usize) -> Option<String> {
        let bytes = self.src.as_bytes();
        let mut out = String::new();
        let (mut j, mut run) = (start, start);
        loop {
            match *bytes.get(j)? {
                b'"' => {
                    out.push_str(&self.src[run..j]);
                    self.i = j + 1;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(&self.src[run..j]);
                    let (c, len) = self.escape(j + 1)?;
                    out.push(c);
                    j += 1 + len;
                    run = j;
                }
                0..=0x1f => return None,
                _ => j += 1,
            }
        }
    }

    /// The character of the escape after the backslash at `j - 1`, and its length.
    fn escape(&self, j: usize) -> Option<(char, usize)> {
        let c = match *self.src.as_bytes().get(j)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex(j + 1)?;
                if !(0xD800..0xDC00).contains(&hi) {
                    // A lone low surrogate is `None` here (the browser's case).
                    return Some((char::from_u32(hi)?, 5));
                }
                let lo = match self.src.get(j + 5..j + 7) {
                    Some("\\u") => self.hex(j + 7)?,
                    _ => return None,
                };
                if !(0xDC00..0xE000).contains(&lo) {
                    return None;
                }
                return Some((
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?,
                    11,
                ));
            }
            _ => return None,
        };
        Some((c, 1))
    }

    /// Four hex digits at `j`.
    fn hex(&self, j: usize) -> Option<u32> {
        let h = self.src.get(j..j + 4)?;
        h.bytes()
            .all(|b| b.is_ascii_hexdigit())
            .then(|| u32::from_str_radix(h, 16).ok())?
    }

    /// An integer without fraction or exponent, within the safe range.
    fn integer(&mut self) -> Option<Value<'a>> {
        let negative = self.eat(b'-');
        let start = self.i;
        let mut n: i64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            n = n * 10 + i64::from(d - b'0');
            if n > MAX_SAFE {
                return None;
            }
            self.i += 1;
        }
        let digits = self.i - start;
        let leading_zero = digits > 1 && self.src.as_bytes()[start] == b'0';
        if digits == 0 || leading_zero || matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        Some(Value::Int(if negative { -n } else { n }))
    }
}

impl<'a> JsonValue for &Value<'a> {
    fn kind(&self) -> Kind {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(b) => Kind::Bool(*b),
            Value::Int(i) => Kind::Int(*i),
            Value::Float(_) => Kind::Float,
            Value::Str(_) => Kind::String,
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }

    fn string(&self) -> Option<String> {
        match self {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        }
    }

    fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    fn field(&self, key: &str) -> Option<Self> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn items(&self) -> Option<Vec<Self>> {
        match self {
            Value::Array(items) => Some(items.iter().collect()),
            _ => None,
        }
    }

    fn entries(&self) -> Vec<(String, Self)> {
        match self {
            Value::Object(fields) => fields.iter().map(|(k, v)| (k.to_string(), v)).collect(),
            _ => Vec::new(),
        }
    }

    fn number_text(&self) -> String {
        match self {
            Value::Float(t) => t.clone(),
            _ => String::new(),
        }
    }
}
