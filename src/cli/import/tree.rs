//! The body's sections as JSON values, recording where each JSON path came from
//! (file and line) so that the checker's findings can be traced back.

use serde_json::{json, Map, Value};

use super::body::{Blk, Body, Sec};

/// Where each JSON path came from: `(path, file, line)`.
pub type Origins = Vec<(String, String, usize)>;

fn text_value(body: &Body, unit: usize, path: &str, md: &str, origins: &mut Origins) -> Value {
    let u = &body.units[unit];
    origins.push((path.to_owned(), md.to_owned(), u.line));
    match &u.plain {
        Some((plain, line)) => {
            origins.push((format!("{path}.plain"), md.to_owned(), *line));
            json!({ "professional": u.text, "plain": plain })
        }
        None => json!(u.text),
    }
}

pub fn sections(body: &Body, list: &[Sec], path: &str, md: &str, origins: &mut Origins) -> Value {
    let mut out = Vec::new();
    for (i, s) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        origins.push((p.clone(), md.to_owned(), body.units[s.title].line));
        let mut obj = Map::new();
        if let Some(id) = &s.id {
            obj.insert("id".into(), json!(id));
        }
        obj.insert(
            "title".into(),
            text_value(body, s.title, &format!("{p}.title"), md, origins),
        );
        if s.collapsed {
            obj.insert("collapsed".into(), json!(true));
        }
        let mut blocks = Vec::new();
        for (j, b) in s.blocks.iter().enumerate() {
            let bp = format!("{p}.blocks[{j}]");
            blocks.push(match b {
                Blk::Para(u) => {
                    let text = text_value(body, *u, &format!("{bp}.text"), md, origins);
                    origins.push((bp, md.to_owned(), body.units[*u].line));
                    json!({ "type": "paragraph", "text": text })
                }
                Blk::List(line, items) => {
                    origins.push((bp.clone(), md.to_owned(), *line));
                    let items: Vec<Value> = items
                        .iter()
                        .enumerate()
                        .map(|(k, u)| json!({ "text": text_value(body, *u, &format!("{bp}.items[{k}].text"), md, origins) }))
                        .collect();
                    json!({ "type": "list", "items": items })
                }
                Blk::Findings(line) => {
                    origins.push((bp, md.to_owned(), *line));
                    json!({ "type": "findings" })
                }
            });
        }
        obj.insert("blocks".into(), Value::Array(blocks));
        if !s.subsections.is_empty() {
            let subs = sections(
                body,
                &s.subsections,
                &format!("{p}.subsections"),
                md,
                origins,
            );
            obj.insert("subsections".into(), subs);
        }
        out.push(Value::Object(obj));
    }
    Value::Array(out)
}
