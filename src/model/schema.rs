//! The JSON Schema of the article format, derived from the model types with
//! `schemars` (feature `schema`, native only). The committed copy lives in
//! `static/schema/evidence-article-1.schema.json`; `tests/schema.rs` fails when it
//! drifts from the types (`EA_UPDATE_SCHEMA=1 cargo test --all-features --test
//! schema` rewrites it).

use serde_json::Value;

use super::Article;

/// `$id` of the format-1 schema.
pub const SCHEMA_ID: &str = "urn:evidence-article:schema:1";
/// Where the committed schema lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "static/schema/evidence-article-1.schema.json";

/// The JSON Schema (draft 2020-12) of an `evidence-article/1` document.
pub fn schema() -> Value {
    let mut value = schemars::schema_for!(Article).to_value();
    if let Value::Object(map) = &mut value {
        map.insert("$id".into(), SCHEMA_ID.into());
        map.insert("title".into(), "Evidence article, format 1".into());
        map.insert(
            "description".into(),
            "A clinical evidence article (`\"format\": \"evidence-article/1\"`): question, \
             review status, sections in professional and plain-language registers, glossary \
             and CSL-JSON references. Generated from the Rust model types; the validator \
             (`cargo run --features cli -- check article.json`) checks the rules a schema \
             cannot express (citations, links, plain-language coverage). \
             See docs/article-format.md."
                .into(),
        );
    }
    value
}

/// The schema as committed: pretty JSON with a trailing newline.
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}
