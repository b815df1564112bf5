//! The committed JSON Schema (`static/schema/evidence-article-1.schema.json`) is the
//! one the model types generate, and the seed article satisfies it.
//!
//! After changing the model types, regenerate the committed file with
//! `EA_UPDATE_SCHEMA=1 cargo test --all-features --test schema`.

#![cfg(all(not(target_arch = "wasm32"), feature = "schema"))]

use std::path::PathBuf;

use evidence_article::model::schema::{schema, schema_text, SCHEMA_ID, SCHEMA_PATH};
use serde_json::Value;

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH)
}

#[test]
fn committed_schema_matches_the_types() {
    let generated = schema_text();
    let path = committed_path();
    if std::env::var_os("EA_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write the schema");
        eprintln!("rewrote {}", path.display());
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let first_diff = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "{SCHEMA_PATH} is out of date with the model types (first difference at line {}).\n\
             Regenerate it with:\n\n    EA_UPDATE_SCHEMA=1 cargo test --all-features --test schema\n\n\
             and commit the result.",
            first_diff + 1
        );
    }
}

#[test]
fn schema_has_identity() {
    let s = schema();
    assert_eq!(s["$id"], SCHEMA_ID);
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(s["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(s["description"].as_str().is_some_and(|t| !t.is_empty()));
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("the generated schema is a valid draft 2020-12 schema")
}

fn schema_errors(instance: &Value) -> Vec<String> {
    let v = validator();
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn seed() -> Value {
    serde_json::from_str(evidence_article::model::EMBEDDED_ARTICLE_JSON).expect("the seed is JSON")
}

#[test]
fn committed_schema_is_the_one_validated_against() {
    // The committed file parses to the same schema the tests below use.
    let committed: Value =
        serde_json::from_str(&std::fs::read_to_string(committed_path()).unwrap_or_default())
            .unwrap_or(Value::Null);
    if std::env::var_os("EA_UPDATE_SCHEMA").is_none() {
        assert_eq!(
            committed,
            schema(),
            "regenerate: EA_UPDATE_SCHEMA=1 cargo test --all-features --test schema"
        );
    }
}

#[test]
fn seed_article_satisfies_the_schema() {
    assert_eq!(schema_errors(&seed()), Vec::<String>::new());
}

#[test]
fn schema_catches_shape_errors() {
    let mut bad = seed();
    bad["review"]["status"] = "done".into();
    bad["last-updated"] = "30 May 2025".into();
    bad["sections"][0]["blocks"][0]["type"] = "table".into();
    bad.as_object_mut().map(|o| o.remove("publisher"));
    let errors = schema_errors(&bad);
    for path in ["/review/status", "/last-updated", "/sections/0/blocks/0"] {
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{path}:"))),
            "expected a schema error at {path}; got {errors:#?}"
        );
    }
    assert!(
        errors.iter().any(|e| e.contains("publisher")),
        "expected the missing publisher; got {errors:#?}"
    );
}

#[test]
fn unknown_fields_are_allowed_for_forward_compatibility() {
    let mut v = seed();
    v["x-editor-note"] = "draft 3".into();
    v["sections"][0]["x-owner"] = "ab".into();
    assert_eq!(schema_errors(&v), Vec::<String>::new());
}
