//! The authors' command-line checker (feature `cli`, native only):
//!
//! ```text
//! cargo run --features cli -- check path/to/article.json [more.json …]
//! ```
//!
//! prints every problem as `FILE:LINE:COL: error|warning: JSON-PATH: message`, then
//! a one-line summary per file, and exits 1 if any file has errors (0 with only
//! warnings, 2 for a usage mistake or an unreadable file). The checks are the
//! widget's own (limits, JSON syntax, shape, [`validate`](crate::model::validate)),
//! plus unknown fields, reported as warnings so that newer articles still open in
//! older checkers.

pub mod locate;

use serde_json::Value;

use crate::model::limits::{self, LimitError, MAX_BYTES};
use crate::model::validate::{self, Severity};
use crate::model::Article;
use locate::{Locator, Pos};

/// Exit code: no errors (warnings allowed).
pub const EXIT_OK: i32 = 0;
/// Exit code: at least one file has errors.
pub const EXIT_ERRORS: i32 = 1;
/// Exit code: the command was misused or a file could not be read.
pub const EXIT_USAGE: i32 = 2;

const USAGE: &str = "usage: evidence-article check FILE.json [FILE.json …]\n\
    \x20      evidence-article render FILE.json [--audience ID] [--stylesheet URL | --bare]\n\
    check: checks evidence-article/1 files and prints FILE:LINE:COL: error|warning: PATH: message.\n\
    render: checks one article, then prints the markup to put inside <evidence-article>\n\
    \x20 (a declarative shadow root with the pre-rendered article for audience ID, default\n\
    \x20 physician, linking the stylesheet URL, default evidence-article.css, and the\n\
    \x20 article as inline JSON); the widget hydrates it when the WebAssembly arrives.\n\
    \x20 --bare: the article markup alone, for an element of the host's own that carries\n\
    \x20 data-ea-prerendered=\"ID\" (the standalone page, the mount API).\n\
    Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or read error.";

/// One problem with its place in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Line and column in the file.
    pub pos: Pos,
    /// JSON path in the validator's notation (`$` for the whole document).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// The outcome of checking one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The name the file is shown under.
    pub name: String,
    /// Every problem, in source order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// The printed lines: one per finding, then the summary.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .findings
            .iter()
            .map(|f| {
                let sev = match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                format!(
                    "{}:{}:{}: {sev}: {}: {}",
                    self.name, f.pos.line, f.pos.col, f.path, f.message
                )
            })
            .collect();
        out.push(self.summary());
        out
    }

    /// `NAME: 2 errors, 1 warning`.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}: {}, {}",
            self.name,
            plural(self.errors(), "error"),
            plural(self.warnings(), "warning")
        )
    }
}

/// Checks the text of one article; `name` is how the file is shown in messages.
pub fn check_source(name: &str, raw: &str) -> Report {
    let mut report = Report {
        name: name.to_owned(),
        findings: Vec::new(),
    };
    let whole = |message: String| Finding {
        severity: Severity::Error,
        pos: Pos::START,
        path: "$".into(),
        message,
    };
    if let Err(e) = limits::check(raw) {
        report.findings.push(whole(e.to_string()));
        return report;
    }
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => {
            report.findings.push(Finding {
                pos: serde_pos(raw, &e),
                message: format!("not valid JSON: {}", serde_message(&e)),
                ..whole(String::new())
            });
            return report;
        }
    };
    let locator = Locator::new(raw);
    let mut findings = Vec::new();
    let schema = crate::model::schema::schema();
    let mut unknown = Vec::new();
    unknown_fields(&value, &schema, &schema, "", &mut unknown);
    for (path, message) in unknown {
        findings.push(Finding {
            severity: Severity::Warning,
            pos: locator.position(&path),
            path,
            message,
        });
    }
    match serde_json::from_str::<Article>(raw) {
        Err(e) => {
            // serde_json says where it stopped: inside or at the end of the
            // offending value, or at the closing brace of an object missing a
            // field. Point at the key of the innermost value there.
            let message = serde_message(&e);
            let pos = serde_pos(raw, &e);
            let mut path = locator.path_at(pos);
            if !message.starts_with("missing field") && locator.end(path) == Some(pos) {
                // It may stop on the closing bracket after the offending value.
                let before = locator.last_ending_before(pos);
                if before.len() > path.len() {
                    path = before;
                }
            }
            let path = path.to_owned();
            findings.push(Finding {
                severity: Severity::Error,
                pos: locator.position(&path),
                path: if path.is_empty() { "$".into() } else { path },
                message: format!("not in the evidence-article format: {message}"),
            });
        }
        Ok(article) => {
            for p in validate::validate(&article) {
                findings.push(Finding {
                    severity: p.severity,
                    pos: locator.position(&p.path),
                    path: if p.path.is_empty() {
                        "$".into()
                    } else {
                        p.path
                    },
                    message: p.message,
                });
            }
        }
    }
    // Source order; problems at one place keep the validator's order.
    findings.sort_by_key(|f| f.pos);
    report.findings = findings;
    report
}

/// Checks one file on disk (refusing oversized files before reading them).
pub fn check_file(path: &str) -> Result<Report, String> {
    checked_file(path).map(|(report, _)| report)
}

/// Checks one file on disk; also returns its text when it was read.
fn checked_file(path: &str) -> Result<(Report, Option<String>), String> {
    let len = std::fs::metadata(path)
        .map_err(|e| format!("{path}: cannot read: {e}"))?
        .len();
    if len > MAX_BYTES as u64 {
        let n = usize::try_from(len).unwrap_or(usize::MAX);
        let report = Report {
            name: path.to_owned(),
            findings: vec![Finding {
                severity: Severity::Error,
                pos: Pos::START,
                path: "$".into(),
                message: LimitError::TooLarge(n).to_string(),
            }],
        };
        return Ok((report, None));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let raw = String::from_utf8(bytes).map_err(|_| format!("{path}: not UTF-8 text"))?;
    Ok((check_source(path, &raw), Some(raw)))
}

/// Runs the command for `args` (program name first) without printing: the lines
/// for standard output and the exit code.
pub fn execute(args: &[String]) -> (Vec<String>, i32) {
    let rest = args.get(1..).unwrap_or_default();
    match rest.split_first() {
        Some((cmd, files)) if cmd == "check" && !files.is_empty() => {
            let mut lines = Vec::new();
            let mut code = EXIT_OK;
            for file in files {
                match check_file(file) {
                    Ok(report) => {
                        if report.errors() > 0 {
                            code = code.max(EXIT_ERRORS);
                        }
                        lines.extend(report.lines());
                    }
                    Err(message) => {
                        lines.push(message);
                        code = EXIT_USAGE;
                    }
                }
            }
            (lines, code)
        }
        Some((cmd, rest)) if cmd == "render" => render(rest),
        Some((cmd, _)) if cmd == "-h" || cmd == "--help" || cmd == "help" => {
            (USAGE.lines().map(str::to_owned).collect(), EXIT_OK)
        }
        _ => (USAGE.lines().map(str::to_owned).collect(), EXIT_USAGE),
    }
}

/// Options of `render`.
#[derive(Debug, PartialEq)]
struct RenderArgs<'a> {
    file: &'a str,
    audience: crate::model::Audience,
    stylesheet: &'a str,
    bare: bool,
}

fn render_args(args: &[String]) -> Result<RenderArgs<'_>, String> {
    let mut file = None;
    let mut audience = crate::model::Audience::default();
    let mut stylesheet = "evidence-article.css";
    let mut bare = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--audience" => {
                let id = it.next().ok_or("--audience needs an id")?;
                audience = crate::model::Audience::from_id(id).ok_or_else(|| {
                    format!("unknown audience {id:?} (patient, student, nurse, physician)")
                })?;
            }
            "--stylesheet" => {
                stylesheet = it.next().ok_or("--stylesheet needs a URL")?;
            }
            "--bare" => bare = true,
            f if !f.starts_with("--") && file.is_none() => file = Some(f),
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    Ok(RenderArgs {
        file: file.ok_or("render needs one FILE.json")?,
        audience,
        stylesheet,
        bare,
    })
}

/// `render`: the markup for `<evidence-article>`, or the check's findings (exit 1).
fn render(args: &[String]) -> (Vec<String>, i32) {
    let a = match render_args(args) {
        Ok(a) => a,
        Err(e) => {
            let mut lines = vec![format!("render: {e}")];
            lines.extend(USAGE.lines().map(str::to_owned));
            return (lines, EXIT_USAGE);
        }
    };
    let (report, raw) = match checked_file(a.file) {
        Ok(r) => r,
        Err(e) => return (vec![e], EXIT_USAGE),
    };
    let Some(raw) = raw.filter(|_| report.errors() == 0) else {
        return (report.lines(), EXIT_ERRORS);
    };
    let html = if a.bare {
        crate::render::render_bare(&raw, a.audience)
    } else {
        crate::render::render_element(&raw, a.audience, a.stylesheet)
    };
    (vec![html], EXIT_OK)
}

/// Runs the command, printing its lines, and returns the exit code.
pub fn run(args: impl IntoIterator<Item = String>) -> i32 {
    let args: Vec<String> = args.into_iter().collect();
    let (lines, code) = execute(&args);
    // `render` prints markup on success; its problems must not end up in a page.
    let rendering = args.get(1).is_some_and(|c| c == "render");
    for line in lines {
        if code == EXIT_USAGE || (rendering && code != EXIT_OK) {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    }
    code
}

/// serde_json's position (line, byte column) as a character column.
fn serde_pos(raw: &str, e: &serde_json::Error) -> Pos {
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

/// serde_json's message without its trailing " at line L column C", with a
/// malformed text field reported as what authors should write.
fn serde_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let text = text.strip_suffix(&suffix).unwrap_or(&text);
    let expected = format!("expected {}", crate::model::text::EXPECTED);
    if text.ends_with(&expected) {
        return expected;
    }
    text.to_owned()
}

/// Follows a `$ref` into the root's `$defs`.
fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    match schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        Some(name) => root["$defs"].get(name).unwrap_or(&Value::Null),
        None => schema,
    }
}

/// Whether `value` has the JSON type(s) and constant discriminators `schema` asks
/// for (enough to pick a branch of the `anyOf`/`oneOf` schemars derives).
fn shallow_match(value: &Value, schema: &Value, root: &Value) -> bool {
    let schema = resolve(schema, root);
    let type_ok = |t: &str| match t {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => true,
    };
    let types_ok = match schema.get("type") {
        Some(Value::String(t)) => type_ok(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(type_ok),
        _ => true,
    };
    let consts_ok = schema
        .get("properties")
        .and_then(Value::as_object)
        .is_none_or(|props| {
            props.iter().all(|(k, p)| match p.get("const") {
                Some(c) => value.get(k) == Some(c),
                None => true,
            })
        });
    types_ok && consts_ok
}

/// Collects `(path, message)` for every object key the schema does not know.
fn unknown_fields(
    value: &Value,
    schema: &Value,
    root: &Value,
    path: &str,
    out: &mut Vec<(String, String)>,
) {
    let schema = resolve(schema, root);
    for combinator in ["anyOf", "oneOf"] {
        if let Some(branches) = schema.get(combinator).and_then(Value::as_array) {
            if let Some(branch) = branches.iter().find(|b| shallow_match(value, b, root)) {
                unknown_fields(value, branch, root, path, out);
            }
            return;
        }
    }
    match value {
        Value::Object(map) => {
            let props = schema.get("properties").and_then(Value::as_object);
            let extra = schema.get("additionalProperties").filter(|a| a.is_object());
            for (key, child) in map {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                if let Some(s) = props.and_then(|p| p.get(key)) {
                    unknown_fields(child, s, root, &child_path, out);
                } else if let Some(s) = extra {
                    unknown_fields(child, s, root, &child_path, out);
                } else if let Some(props) = props {
                    let hint = suggestion(key, props.keys().map(String::as_str))
                        .map(|k| format!(" (did you mean \"{k}\"?)"))
                        .unwrap_or_default();
                    out.push((
                        child_path,
                        format!("unknown field \"{key}\"{hint}: evidence-article/1 ignores it"),
                    ));
                }
            }
        }
        Value::Array(items) => {
            if let Some(s) = schema.get("items").filter(|s| s.is_object()) {
                for (i, item) in items.iter().enumerate() {
                    unknown_fields(item, s, root, &format!("{path}[{i}]"), out);
                }
            }
        }
        _ => {}
    }
}

/// The known key closest to `key` (same letters in another case, or at most two
/// edits away).
fn suggestion<'a>(key: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
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
