//! YAML front matter: the article's fields that are not sections, glossary or
//! references (id, question, publisher, review, dates, audiences, disclaimer,
//! follow-up, editor's notes), between a first line `---` and a line `---`.

use serde_json::{Map, Value};

use super::Problem;

/// The parsed front matter.
#[derive(Debug, Default)]
pub struct Front {
    /// Its fields.
    pub fields: Map<String, Value>,
    /// Its lines (numbered from `first_line`), to find where a field is written.
    pub lines: Vec<(usize, String)>,
    /// Byte length of the front matter, fences included (the body starts there).
    pub len: usize,
}

impl Front {
    /// The line of the field at a validator path (`question.plain`,
    /// `editor-notes[2].note`): the top-level key's line, refined to a nested key
    /// written below it when there is one; `None` for a field not written here.
    pub fn line_of(&self, path: &str) -> Option<usize> {
        let top_end = path.find(['.', '[']).unwrap_or(path.len());
        let top = &path[..top_end];
        let at = self.lines.iter().position(|(_, l)| {
            l.strip_prefix(top)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })?;
        let mut line = self.lines[at].0;
        let nested = path[top_end..].rsplit(['.', ']']).next().unwrap_or("");
        if !nested.is_empty() {
            let below = self.lines[at + 1..]
                .iter()
                .take_while(|(_, l)| l.is_empty() || l.starts_with([' ', '-', '#']))
                .find(|(_, l)| {
                    let t = l.trim_start().trim_start_matches("- ");
                    t.strip_prefix(nested)
                        .is_some_and(|r| r.trim_start().starts_with(':'))
                });
            if let Some((n, _)) = below {
                line = *n;
            }
        }
        Some(line)
    }
}

/// Splits off and parses the front matter of `src`; a file without one has none.
pub fn parse(src: &str) -> Result<Front, Problem> {
    let mut lines = src.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Ok(Front::default());
    }
    let mut len = src.split_inclusive('\n').next().map_or(0, str::len);
    let mut yaml = String::new();
    let mut numbered = Vec::new();
    let mut closed = false;
    for (i, line) in lines.enumerate() {
        len += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            closed = true;
            break;
        }
        yaml.push_str(line);
        numbered.push((i + 2, line.trim_end().to_owned()));
    }
    if !closed {
        return Err(Problem::new(
            1,
            "the front matter is never closed: end it with a line ---",
        ));
    }
    let value: Value = if yaml.trim().is_empty() {
        Value::Object(Map::new())
    } else {
        yaml_serde::from_str(&yaml).map_err(|e| {
            let line = e.location().map_or(1, |l| l.line() + 1);
            let text = e.to_string();
            let text = text.split(" at line ").next().unwrap_or(&text).to_owned();
            Problem::new(line, format!("the front matter is not valid YAML: {text}"))
        })?
    };
    let Value::Object(fields) = value else {
        return Err(Problem::new(
            2,
            "the front matter must be YAML fields (key: value)",
        ));
    };
    Ok(Front {
        fields,
        lines: numbered,
        len,
    })
}
