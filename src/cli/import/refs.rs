//! References for `import`: CSL-JSON (what Zotero and PubMed export), items kept as
//! they are, fields the format does not use included; or BibTeX, converted to
//! CSL-JSON items. Each item remembers its line in the references file.

use biblatex::{Bibliography, ChunksExt, Person};
use serde_json::{json, Map, Value};

use super::body::line_at;
use super::Problem;
use crate::cli::locate::Locator;

/// One reference item and its line in the references file.
#[derive(Debug, Clone)]
pub struct Item {
    /// The CSL-JSON item (`id` is the citation key).
    pub fields: Map<String, Value>,
    /// Its line.
    pub line: usize,
}

impl Item {
    /// The citation key.
    pub fn id(&self) -> &str {
        self.fields.get("id").and_then(Value::as_str).unwrap_or("")
    }
}

/// Reads references: BibTeX when `name` ends in `.bib`, CSL-JSON otherwise.
pub fn parse(name: &str, text: &str) -> Result<Vec<Item>, Vec<Problem>> {
    if name.to_ascii_lowercase().ends_with(".bib") {
        bibtex(text)
    } else {
        csl(text)
    }
}

/// A number written as text (`"2024"`, as some exports write dates) as a number.
fn numeric(v: &mut Value) {
    if let Some(n) = v.as_str().and_then(|s| s.trim().parse::<i64>().ok()) {
        *v = json!(n);
    }
}

fn csl(text: &str) -> Result<Vec<Item>, Vec<Problem>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        vec![Problem::new(
            e.line().max(1),
            format!("not valid CSL-JSON: {message}"),
        )]
    })?;
    let Value::Array(items) = value else {
        return Err(vec![Problem::new(
            1,
            "CSL-JSON is an array of items: [ {\"id\": …}, … ]",
        )]);
    };
    let locator = Locator::new(text);
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let line = locator.position(&format!("[{i}]")).line;
        let Value::Object(mut fields) = item else {
            problems.push(Problem::new(line, "a CSL-JSON item is an object"));
            continue;
        };
        match fields.get_mut("id") {
            Some(id) if id.is_number() => *id = json!(id.to_string()),
            Some(Value::String(_)) => {}
            _ => {
                problems.push(Problem::new(
                    line,
                    "this item has no \"id\" (its citation key)",
                ));
                continue;
            }
        }
        if let Some(parts) = fields
            .get_mut("issued")
            .and_then(|d| d.get_mut("date-parts"))
        {
            for part in parts.as_array_mut().into_iter().flatten() {
                part.as_array_mut().into_iter().flatten().for_each(numeric);
            }
        }
        out.push(Item { fields, line });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn csl_type(bibtex: &str) -> &'static str {
    match bibtex {
        "article" => "article-journal",
        "book" | "mvbook" => "book",
        "inbook" | "incollection" => "chapter",
        "inproceedings" | "proceedings" => "paper-conference",
        "report" | "techreport" => "report",
        "thesis" | "phdthesis" | "mastersthesis" => "thesis",
        "online" => "webpage",
        "dataset" => "dataset",
        _ => "document",
    }
}

fn month(s: &str) -> Option<i64> {
    if let Ok(n) = s.trim().parse::<i64>() {
        return (1..=12).contains(&n).then_some(n);
    }
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = s.trim().to_ascii_lowercase();
    NAMES
        .iter()
        .position(|m| lower.starts_with(m))
        .map(|i| i as i64 + 1)
}

fn name(p: &Person) -> Value {
    let family = [p.prefix.as_str(), p.name.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let mut n = Map::new();
    n.insert("family".into(), json!(family));
    if !p.given_name.is_empty() {
        n.insert("given".into(), json!(p.given_name));
    }
    Value::Object(n)
}

fn bibtex(text: &str) -> Result<Vec<Item>, Vec<Problem>> {
    let bib = Bibliography::parse(text).map_err(|e| {
        vec![Problem::new(
            line_at(text, e.span.start),
            format!("not valid BibTeX: {}", e.kind),
        )]
    })?;
    let mut out = Vec::new();
    for entry in bib.iter() {
        let field = |k: &str| entry.fields.get(k).map(|c| c.format_verbatim());
        let mut f = Map::new();
        f.insert("id".into(), json!(entry.key));
        f.insert(
            "type".into(),
            json!(csl_type(&entry.entry_type.to_string())),
        );
        if let Some(t) = field("title") {
            f.insert("title".into(), json!(t));
        }
        if let Ok(people) = entry.get_as::<Vec<Person>>("author") {
            f.insert(
                "author".into(),
                Value::Array(people.iter().map(name).collect()),
            );
        }
        let journal = field("journaltitle").or_else(|| field("journal"));
        for (csl, value) in [
            ("container-title", journal.or_else(|| field("booktitle"))),
            ("container-title-short", field("shortjournal")),
            ("volume", field("volume")),
            ("issue", field("number").or_else(|| field("issue"))),
            (
                "page",
                field("pages").map(|p| p.replace("--", "-").replace('–', "-")),
            ),
            ("DOI", field("doi")),
            ("PMID", field("pmid")),
            ("PMCID", field("pmcid")),
            ("URL", field("url")),
        ] {
            if let Some(v) = value {
                f.insert(csl.into(), json!(v));
            }
        }
        let date = field("date").unwrap_or_default();
        let year = field("year")
            .or_else(|| date.get(..4).map(str::to_owned))
            .and_then(|y| y.trim().parse::<i64>().ok());
        if let Some(y) = year {
            let m = field("month")
                .and_then(|m| month(&m))
                .or_else(|| date.get(5..7).and_then(month));
            let parts: Vec<i64> = std::iter::once(y).chain(m).collect();
            f.insert("issued".into(), json!({ "date-parts": [parts] }));
        }
        let at = text.find(&format!("{{{},", entry.key)).unwrap_or(0);
        out.push(Item {
            fields: f,
            line: line_at(text, at),
        });
    }
    Ok(out)
}
