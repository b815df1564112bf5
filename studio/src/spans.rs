//! A position-tracking JSON scanner: checks the syntax of the editor's text (with
//! the line and column of the first error) and records where every value starts,
//! keyed by the same JSON path notation `validate()` uses
//! (`sections[1].blocks[2].text.plain`). serde_json gives no spans, so this small
//! scanner does; it is iterative (an explicit stack), so no nesting depth can
//! exhaust the call stack.

use std::collections::HashMap;

/// A place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Byte offset into the text.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// The first syntax error in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where.
    pub at: Position,
    /// What was expected, in plain words.
    pub message: &'static str,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.at.line, self.at.column, self.message
        )
    }
}

/// Where each value of a well-formed document starts (byte offsets), by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans {
    starts: HashMap<String, usize>,
}

impl Spans {
    /// The start of the value at exactly `path` (`""` is the whole document).
    pub fn get(&self, path: &str) -> Option<usize> {
        self.starts.get(path).copied()
    }

    /// The start of the value at `path`, or of its nearest enclosing value that
    /// exists (a problem may name a part of a string, or a member that is missing).
    pub fn locate(&self, path: &str) -> usize {
        let mut p = path;
        loop {
            if let Some(o) = self.get(p) {
                return o;
            }
            match p.rfind(['.', '[']) {
                Some(cut) => p = &p[..cut],
                None if !p.is_empty() => p = "",
                None => return 0,
            }
        }
    }
}

/// Line starts of a text, for offset → line:column.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// Number of lines (an empty text has one).
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// The position of a byte offset (clamped to the text, moved back to a
    /// character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        Position {
            offset,
            line,
            column: self.text[start..offset].chars().count() + 1,
        }
    }
}

/// The UTF-16 index of a byte offset: what a text area's selection uses.
pub fn utf16_index(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    text[..offset].encode_utf16().count()
}

/// Values nested deeper than this are not recorded (the widget's limit is 32).
pub const RECORD_DEPTH: usize = 64;

enum Frame {
    Object(String),
    Array(usize),
}

fn path_of(stack: &[Frame]) -> String {
    let mut out = String::new();
    for f in stack {
        match f {
            Frame::Array(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
            Frame::Object(k) => {
                let plain = !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if plain {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                } else {
                    out.push_str(&format!("[{k:?}]"));
                }
            }
        }
    }
    out
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
}

type Step<T> = Result<T, (usize, &'static str)>;

impl Scanner<'_> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// A string starting at `"`; returns its decoded value when `keep`.
    fn string(&mut self, keep: bool) -> Step<String> {
        let start = self.i;
        self.i += 1;
        let mut out = String::new();
        let mut run = self.i;
        loop {
            match self.peek() {
                None => return Err((start, "this string is never closed (a \" is missing)")),
                Some(b'"') => {
                    if keep {
                        out.push_str(&self.text[run..self.i]);
                    }
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    if keep {
                        out.push_str(&self.text[run..self.i]);
                    }
                    let at = self.i;
                    self.i += 1;
                    match self.peek() {
                        Some(c @ (b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't')) => {
                            self.i += 1;
                            if keep {
                                out.push(match c {
                                    b'b' => '\u{8}',
                                    b'f' => '\u{c}',
                                    b'n' => '\n',
                                    b'r' => '\r',
                                    b't' => '\t',
                                    c => c as char,
                                });
                            }
                        }
                        Some(b'u') => {
                            let hex = self.b.get(self.i + 1..self.i + 5);
                            let code = hex
                                .and_then(|h| std::str::from_utf8(h).ok())
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .ok_or((at, "\\u must be followed by four hex digits"))?;
                            self.i += 5;
                            if keep {
                                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                            }
                        }
                        _ => {
                            return Err((
                                at,
                                "unknown escape in a string (use \\\\ for a backslash)",
                            ))
                        }
                    }
                    run = self.i;
                }
                Some(c) if c < 0x20 => {
                    return Err((
                        self.i,
                        "a line break or control character inside a string (write \\n)",
                    ))
                }
                Some(_) => self.i += 1,
            }
        }
    }

    fn digits(&mut self) -> usize {
        let s = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - s
    }

    fn number(&mut self) -> Step<()> {
        let start = self.i;
        const BAD: &str = "this is not a valid number";
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err((start, BAD)),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err((start, BAD));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err((start, BAD));
            }
        }
        Ok(())
    }

    fn literal(&mut self, word: &'static str) -> Step<()> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(())
        } else {
            Err((self.i, "expected a value (text must be in \"quotes\")"))
        }
    }

    /// `"key"` then `:`; leaves the scanner at the member's value.
    fn key(&mut self) -> Step<String> {
        if self.peek() != Some(b'"') {
            return Err((
                self.i,
                "expected a member name in \"quotes\" (is there a comma too many?)",
            ));
        }
        let k = self.string(true)?;
        self.ws();
        if self.peek() != Some(b':') {
            return Err((self.i, "expected ':' after the member name"));
        }
        self.i += 1;
        self.ws();
        Ok(k)
    }

    fn run(&mut self, starts: &mut HashMap<String, usize>) -> Step<()> {
        let mut stack: Vec<Frame> = Vec::new();
        self.ws();
        'value: loop {
            // Deeper values than any article has are not recorded (their paths
            // would make the scan quadratic); they locate to an enclosing value.
            if stack.len() <= RECORD_DEPTH {
                starts.insert(path_of(&stack), self.i);
            }
            match self.peek() {
                None => return Err((self.i, "expected a value, but the text ends here")),
                Some(b'{') => {
                    self.i += 1;
                    self.ws();
                    if self.peek() == Some(b'}') {
                        self.i += 1;
                    } else {
                        let k = self.key()?;
                        stack.push(Frame::Object(k));
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    self.i += 1;
                    self.ws();
                    if self.peek() == Some(b']') {
                        self.i += 1;
                    } else {
                        stack.push(Frame::Array(0));
                        continue 'value;
                    }
                }
                Some(b'"') => {
                    self.string(false)?;
                }
                Some(b't') => self.literal("true")?,
                Some(b'f') => self.literal("false")?,
                Some(b'n') => self.literal("null")?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(_) => return Err((self.i, "expected a value (text must be in \"quotes\")")),
            }
            // After a value: close containers or move to the next member/element.
            loop {
                self.ws();
                let next = self.peek();
                match stack.last_mut() {
                    None if next.is_none() => return Ok(()),
                    None => return Err((self.i, "unexpected text after the end of the document")),
                    Some(Frame::Object(key)) => match next {
                        Some(b',') => {
                            self.i += 1;
                            self.ws();
                            *key = self.key()?;
                            continue 'value;
                        }
                        Some(b'}') => {
                            self.i += 1;
                            stack.pop();
                        }
                        _ => return Err((self.i, "expected ',' or '}' after an object member")),
                    },
                    Some(Frame::Array(index)) => match next {
                        Some(b',') => {
                            self.i += 1;
                            *index += 1;
                            self.ws();
                            if self.peek() == Some(b']') {
                                return Err((
                                    self.i,
                                    "expected a value after ',' (is there a comma too many?)",
                                ));
                            }
                            continue 'value;
                        }
                        Some(b']') => {
                            self.i += 1;
                            stack.pop();
                        }
                        _ => return Err((self.i, "expected ',' or ']' after a list element")),
                    },
                }
            }
        }
    }
}

/// Scans `text` as one JSON document: the start of every value by path, or the
/// first syntax error with its line and column.
pub fn scan(text: &str) -> Result<Spans, SyntaxError> {
    let mut starts = HashMap::new();
    let mut sc = Scanner {
        text,
        b: text.as_bytes(),
        i: 0,
    };
    sc.run(&mut starts)
        .map_err(|(offset, message)| SyntaxError {
            at: Lines::new(text).position(offset),
            message,
        })?;
    Ok(Spans { starts })
}
