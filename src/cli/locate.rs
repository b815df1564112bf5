//! A small JSON position locator: serde_json keeps no spans, so this walks the
//! source text once, tracking the path of keys and indices, and records where each
//! value starts and ends. Paths use the validator's notation
//! (`sections[1].subsections[0].blocks[2].text.plain`); positions are 1-based lines
//! and 1-based columns counted in characters.
//!
//! It expects text that serde_json has already accepted (and that passed the depth
//! limit, which bounds the recursion); on anything unexpected it stops early and
//! keeps what it found, never panicking.

use std::collections::HashMap;

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

impl Pos {
    /// The start of the document.
    pub const START: Pos = Pos { line: 1, col: 1 };
}

/// Where one value sits in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Span {
    path: String,
    /// Where the problem should point: the key for an object member, the value
    /// itself for an array element or the root.
    anchor: Pos,
    /// First character of the value.
    start: Pos,
    /// Last character of the value (inclusive).
    end: Pos,
}

/// The positions of every value of one JSON document.
#[derive(Debug, Clone, Default)]
pub struct Locator {
    spans: Vec<Span>,
    by_path: HashMap<String, usize>,
}

impl Locator {
    /// Walks `src` (a JSON document) and records the position of every value.
    pub fn new(src: &str) -> Self {
        let mut w = Walker {
            b: src.as_bytes(),
            i: 0,
            pos: Pos::START,
            last: Pos::START,
            loc: Locator::default(),
        };
        w.ws();
        let anchor = w.pos;
        w.value(String::new(), anchor);
        w.loc
    }

    /// Position for a validator path: the key (or element) at that path, else the
    /// nearest enclosing one that exists (a missing `text.plain` points at `text`),
    /// else the start of the document.
    pub fn position(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(&i) = self.by_path.get(p) {
                return self.spans[i].anchor;
            }
            match p.rfind(['.', '[']) {
                Some(cut) => p = &p[..cut],
                None if !p.is_empty() => p = "",
                None => return Pos::START,
            }
        }
    }

    /// Every path in the document, in source order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|s| s.path.as_str())
    }

    /// Where the value at exactly `path` ends (its last character), if it exists.
    pub fn end(&self, path: &str) -> Option<Pos> {
        self.by_path.get(path).map(|&i| self.spans[i].end)
    }

    /// The path of the value that ends last before `pos` (empty if none).
    pub fn last_ending_before(&self, pos: Pos) -> &str {
        self.spans
            .iter()
            .filter(|s| s.end < pos)
            .max_by_key(|s| s.end)
            .map_or("", |s| s.path.as_str())
    }

    /// The path of the innermost value that contains `pos` (for errors that come
    /// with a position but no path); the empty string is the whole document.
    pub fn path_at(&self, pos: Pos) -> &str {
        self.spans
            .iter()
            .rev()
            .find(|s| s.start <= pos && pos <= s.end)
            .map_or("", |s| s.path.as_str())
    }
}

struct Walker<'a> {
    b: &'a [u8],
    i: usize,
    /// Position of the byte at `i`.
    pos: Pos,
    /// Position of the last byte consumed.
    last: Pos,
    loc: Locator,
}

impl Walker<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn bump(&mut self) {
        let Some(&c) = self.b.get(self.i) else { return };
        self.last = self.pos;
        self.i += 1;
        if c == b'\n' {
            self.pos = Pos {
                line: self.pos.line + 1,
                col: 1,
            };
        } else if self.b.get(self.i).is_none_or(|n| n & 0xC0 != 0x80) {
            // Count a column once per character: at the end of its last byte.
            self.pos.col += 1;
        }
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    /// Consumes a string starting at `"`, returning its raw text including quotes.
    fn string(&mut self) -> Option<&str> {
        let from = self.i;
        self.bump();
        loop {
            match self.peek()? {
                b'\\' => {
                    self.bump();
                    self.bump();
                }
                b'"' => {
                    self.bump();
                    break;
                }
                _ => self.bump(),
            }
        }
        std::str::from_utf8(self.b.get(from..self.i)?).ok()
    }

    fn record(&mut self, path: String, anchor: Pos) -> usize {
        let idx = self.loc.spans.len();
        self.loc.by_path.insert(path.clone(), idx);
        self.loc.spans.push(Span {
            path,
            anchor,
            start: self.pos,
            end: self.pos,
        });
        idx
    }

    /// Walks one value starting at the current (non-space) byte.
    fn value(&mut self, path: String, anchor: Pos) -> Option<()> {
        let idx = self.record(path.clone(), anchor);
        let result = match self.peek()? {
            b'{' => self.object(&path),
            b'[' => self.array(&path),
            b'"' => self.string().map(|_| ()),
            _ => {
                while self.peek().is_some_and(|c| {
                    !matches!(c, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    self.bump();
                }
                Some(())
            }
        };
        self.loc.spans[idx].end = self.last;
        result
    }

    fn object(&mut self, path: &str) -> Option<()> {
        self.bump();
        loop {
            self.ws();
            match self.peek()? {
                b'}' => {
                    self.bump();
                    return Some(());
                }
                b',' => {
                    self.bump();
                    continue;
                }
                b'"' => {}
                _ => return None,
            }
            let key_pos = self.pos;
            let raw = self.string()?;
            let key: String = serde_json::from_str(raw).ok()?;
            self.ws();
            if self.peek()? != b':' {
                return None;
            }
            self.bump();
            self.ws();
            let child = if path.is_empty() {
                key
            } else {
                format!("{path}.{key}")
            };
            self.value(child, key_pos)?;
        }
    }

    fn array(&mut self, path: &str) -> Option<()> {
        self.bump();
        let mut index = 0usize;
        loop {
            self.ws();
            match self.peek()? {
                b']' => {
                    self.bump();
                    return Some(());
                }
                b',' => {
                    self.bump();
                    continue;
                }
                _ => {}
            }
            let at = self.pos;
            self.value(format!("{path}[{index}]"), at)?;
            index += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_elements_and_enclosing_paths() {
        let src = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"é\": {\"c\": true}\n}";
        let l = Locator::new(src);
        assert_eq!(l.position(""), Pos { line: 1, col: 1 });
        assert_eq!(l.position("a"), Pos { line: 2, col: 3 });
        assert_eq!(l.position("a[1]"), Pos { line: 2, col: 12 });
        assert_eq!(l.position("a[1].b"), Pos { line: 2, col: 13 });
        assert_eq!(l.position("a[1].b.plain"), Pos { line: 2, col: 13 });
        assert_eq!(l.position("é.c"), Pos { line: 3, col: 9 });
        assert_eq!(l.position("nope"), Pos::START);
        assert_eq!(l.path_at(Pos { line: 2, col: 19 }), "a[1].b");
        assert_eq!(l.path_at(Pos { line: 3, col: 17 }), "é.c");
        assert_eq!(l.path_at(Pos { line: 3, col: 18 }), "é");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for src in ["", "{", "[1,", "{\"a\"", "{\"a\":}", "\"", "{\"\\", "[{]}"] {
            let _ = Locator::new(src).position("a[0].b");
        }
    }
}
