//! Reading an article's JSON once: `serde_path_to_error` gives every shape error its
//! path, `serde_ignored` reports the fields the format does not know, and the
//! parser's own line and column place syntax errors.

use std::collections::BTreeSet;

use serde_json::Value;

use super::locate::Pos;
use crate::model::Article;

/// How reading the JSON failed.
pub enum ParseError {
    /// Not JSON at all: where the parser stopped and why.
    Syntax(Pos, String),
    /// JSON, but not an article: the path of the offending value (validator
    /// notation, empty for the document), the parser's position and the message.
    Shape(String, Pos, String),
}

/// Parses `raw` into an article, collecting the paths of unknown fields.
pub fn parse(raw: &str, unknown: &mut Vec<String>) -> Result<Article, ParseError> {
    let mut de = serde_json::Deserializer::from_str(raw);
    let mut track = |p: serde_ignored::Path<'_>| unknown.push(ignored_path(&p));
    let ignored = serde_ignored::Deserializer::new(&mut de, &mut track);
    let article = serde_path_to_error::deserialize(ignored).map_err(|e| {
        let inner = e.inner();
        if inner.is_syntax() || inner.is_eof() {
            ParseError::Syntax(serde_pos(raw, inner), serde_message(inner))
        } else {
            ParseError::Shape(
                error_path(e.path()),
                serde_pos(raw, inner),
                serde_message(inner),
            )
        }
    })?;
    de.end()
        .map_err(|e| ParseError::Syntax(serde_pos(raw, &e), serde_message(&e)))?;
    Ok(article)
}

fn ignored_path(p: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match p {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        Path::Map { parent, key } => match ignored_path(parent) {
            s if s.is_empty() => key.clone(),
            s => format!("{s}.{key}"),
        },
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => ignored_path(parent),
    }
}

fn error_path(p: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in p.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { .. } => {}
            Segment::Unknown => break,
        }
    }
    out
}

/// serde_json's position (line, byte column) as a character column.
pub fn serde_pos(raw: &str, e: &serde_json::Error) -> Pos {
    let line = e.line().max(1);
    let text = raw.split('\n').nth(line - 1).unwrap_or("");
    let mut bytes = e.column().min(text.len());
    while !text.is_char_boundary(bytes) {
        bytes -= 1;
    }
    Pos {
        line,
        col: text[..bytes].chars().count().max(1),
    }
}

/// serde_json's message without its trailing " at line L column C", with serde's
/// wording for a malformed text field replaced by what authors should write.
pub fn serde_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let text = text.strip_suffix(&suffix).unwrap_or(&text);
    if text.contains("untagged enum Text") || text.contains(crate::model::text::EXPECTED) {
        return "expected text: a string, or an object of strings keyed by register \
                (\"professional\", \"plain\")"
            .into();
    }
    text.to_owned()
}

/// Every field name the format uses anywhere (from its JSON Schema, derived once),
/// for "did you mean" hints.
pub fn known_fields() -> &'static BTreeSet<String> {
    static KNOWN: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    KNOWN.get_or_init(derive_known_fields)
}

fn derive_known_fields() -> BTreeSet<String> {
    fn walk(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    out.extend(props.keys().cloned());
                }
                map.values().for_each(|c| walk(c, out));
            }
            Value::Array(items) => items.iter().for_each(|c| walk(c, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(&crate::model::schema::schema(), &mut out);
    out
}

/// The known field closest to `key` (same letters in another case, or at most two
/// edits away).
pub fn suggestion<'a>(key: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = key.to_lowercase();
    known
        .map(|k| {
            let d = if k.to_lowercase() == lower {
                0
            } else {
                edit_distance(&lower, &k.to_lowercase())
            };
            (d, k)
        })
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
