//! Putting an imported article together: front matter fields, the body's sections
//! and glossary, the cited references; then the checker's findings, each traced
//! back to the Markdown (or references) line it came from.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use super::body;
use super::tree::{sections, Origins};
use super::{divs, front, output, refs, Located, Problem};
use crate::cli::check::{inspect, Options};
use crate::model::{inline, Article, FORMAT_V1};

/// A successful import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The article JSON.
    pub json: String,
    /// Warnings, traced to their lines.
    pub warnings: Vec<Located>,
    /// References in the references file that the article never cites (left out).
    pub left_out: usize,
}

fn cited(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) if s.contains("[@") => {
            out.extend(inline::citations(&inline::parse(s)).into_iter().flatten())
        }
        Value::Array(a) => a.iter().for_each(|x| cited(x, out)),
        Value::Object(o) => {
            for (k, x) in o {
                if k == "source" {
                    if let Some(s) = x.as_str() {
                        out.insert(s.to_owned());
                    }
                }
                cited(x, out);
            }
        }
        _ => {}
    }
}

fn origin<'a>(origins: &'a Origins, path: &str) -> Option<(&'a str, usize)> {
    let mut p = path;
    loop {
        if let Some((_, f, l)) = origins.iter().find(|(op, _, _)| op == p) {
            return Some((f, *l));
        }
        p = &p[..p.rfind(['.', '['])?];
    }
}

fn located(file: &str, problems: Vec<Problem>) -> Vec<Located> {
    problems
        .into_iter()
        .map(|p| Located {
            file: file.to_owned(),
            line: p.line,
            error: true,
            message: p.message,
        })
        .collect()
}

/// Imports the Markdown `md` (shown as `md_name`) with the references file
/// `refs` (`(name, text)`), or says what is wrong, line by line.
pub fn import(
    md_name: &str,
    md: &str,
    refs: Option<(&str, &str)>,
) -> Result<Imported, Vec<Located>> {
    let front = front::parse(md).map_err(|p| located(md_name, vec![p]))?;
    let mut blank = md.as_bytes().to_vec();
    for b in blank.iter_mut().take(front.len) {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    let blank = String::from_utf8(blank).unwrap_or_default();
    let (divs, blanked, mut problems) = divs::extract(&blank);
    let mut body = body::parse(&blanked, &divs.findings);
    body::attach(&mut body, divs);
    problems.append(&mut body.problems);
    for key in ["sections", "glossary", "references"] {
        if front.fields.contains_key(key) {
            let line = front.line_of(key).unwrap_or(1);
            problems.push(Problem::new(line, format!(
                "{key} are not written in the front matter: sections come from headings, the glossary from # Glossary, references from --references"
            )));
        }
    }
    let items = match refs {
        Some((name, text)) => refs::parse(name, text).map_err(|p| located(name, p))?,
        None => Vec::new(),
    };
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(located(md_name, problems));
    }
    let mut origins: Origins = Vec::new();
    let mut fields = front.fields.clone();
    let extras = fields.remove("reference-fields");
    fields.entry("format").or_insert_with(|| json!(FORMAT_V1));
    fields.insert(
        "sections".into(),
        sections(&body, &body.sections, "sections", md_name, &mut origins),
    );
    let glossary: Vec<Value> = body
        .glossary
        .iter()
        .enumerate()
        .map(|(i, g)| {
            origins.push((format!("glossary[{i}]"), md_name.to_owned(), g.line));
            let mut o = Map::new();
            o.insert("term".into(), json!(g.term));
            if let Some(e) = &g.expansion {
                o.insert("expansion".into(), json!(e));
            }
            o.insert("definition".into(), json!(g.definition));
            Value::Object(o)
        })
        .collect();
    fields.insert("glossary".into(), Value::Array(glossary));
    let mut keys = BTreeSet::new();
    cited(&Value::Object(fields.clone()), &mut keys);
    let refs_name = refs.map_or("", |(n, _)| n);
    let mut chosen = Vec::new();
    for item in &items {
        if keys.contains(item.id()) {
            let mut f = item.fields.clone();
            if let Some(Value::Object(more)) = extras.as_ref().and_then(|e| e.get(item.id())) {
                f.extend(more.clone());
            }
            origins.push((
                format!("references[{}]", chosen.len()),
                refs_name.to_owned(),
                item.line,
            ));
            chosen.push(f);
        }
    }
    let left_out = items.len() - chosen.len();
    fields.insert(
        "references".into(),
        Value::Array(chosen.iter().cloned().map(Value::Object).collect()),
    );
    let trace = |path: &str| -> (String, usize) {
        match origin(&origins, path) {
            Some((f, l)) => (f.to_owned(), l),
            None => (md_name.to_owned(), front.line_of(path).unwrap_or(1)),
        }
    };
    let value = Value::Object(fields);
    let article: Article = serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        let (file, line) = trace(&path);
        vec![Located {
            file,
            line,
            error: true,
            message: format!("{path}: not in the evidence-article format: {}", e.inner()),
        }]
    })?;
    let json = output::to_json(&article, &chosen).map_err(|e| {
        vec![Located {
            file: md_name.to_owned(),
            line: 1,
            error: true,
            message: e.to_string(),
        }]
    })?;
    let (report, _) = inspect(md_name, &json, Options::default());
    let mut findings: Vec<Located> = report
        .findings
        .into_iter()
        .map(|f| {
            let (file, line) = trace(&f.path);
            Located {
                file,
                line,
                error: f.severity == crate::model::validate::Severity::Error,
                message: format!("{}: {}", f.path, f.message),
            }
        })
        .collect();
    if refs.is_none() && !keys.is_empty() {
        let list: Vec<String> = keys.iter().map(|k| format!("[@{k}]")).collect();
        findings.push(Located {
            file: md_name.to_owned(),
            line: 1,
            error: true,
            message: format!(
                "the article cites {} but no references file was given: add --references REFS.json (CSL-JSON) or REFS.bib",
                list.join(", ")
            ),
        });
    }
    // The Markdown's lines in order, then the references file's.
    findings.sort_by_key(|f| (f.file != md_name, f.line));
    if findings.iter().any(|f| f.error) {
        return Err(findings);
    }
    Ok(Imported {
        json,
        warnings: findings,
        left_out,
    })
}
