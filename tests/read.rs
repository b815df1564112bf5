//! The model reader (`model::read`, what the widget runs over `JSON.parse`'s value)
//! against the model's serde derives (what the CLI and the studio run): every
//! fixture, and every single-value mutation of an article that uses every field,
//! give the same article or the same error at the same path. The one deliberate
//! difference (an array where an object belongs) is checked too, as are inputs no
//! parser would produce within the limits (sections nested 200 deep). Each case is
//! also read over the widget's own parse of its text (tests/json_tree.rs).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use evidence_article::load::{self, LoadError};
use evidence_article::model::read::{self, Problem, ReadError};
use evidence_article::model::Article;
use serde_json::{json, Value};

/// serde's reading of `v`, its error as (path, message) in validation's notation.
fn by_serde(v: &Value) -> Result<Article, (String, String)> {
    serde_path_to_error::deserialize(v).map_err(|e| {
        let mut path = String::new();
        for segment in e.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => path.push_str(&format!("[{index}]")),
                serde_path_to_error::Segment::Map { key } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                _ => {}
            }
        }
        // The reader names a block what it is; serde, its private helper type.
        let message = e
            .inner()
            .to_string()
            .replace("struct RawBlock", "struct Block");
        (path, message)
    })
}

fn by_reader(v: &Value) -> Result<Article, ReadError> {
    read::article(&v)
}

/// Whether `v` has a number JavaScript does not hold exactly as an integer.
fn has_unsafe_number(v: &Value) -> bool {
    match v {
        Value::Number(n) => n.as_i64().is_none_or(|i| i.unsigned_abs() >= 1 << 53),
        Value::Array(a) => a.iter().any(has_unsafe_number),
        Value::Object(m) => m.values().any(has_unsafe_number),
        _ => false,
    }
}

/// The reader over the widget's own parse of `v`'s text (`read::tree`) gives what
/// it gives over serde_json's value, or the text is left to the browser because a
/// number in it is one JavaScript would not read as the same integer.
fn tree_agrees(v: &Value, what: &str) {
    let text = v.to_string();
    match read::tree::parse(&text) {
        Some(t) => assert_eq!(read::article(&&t), by_reader(v), "{what}: over the tree"),
        None => assert!(has_unsafe_number(v), "{what}: left to the browser"),
    }
}

/// Whether the reader and serde agree on `v`; `Err` says how they differ.
fn agree(v: &Value) -> Result<(), String> {
    match (by_reader(v), by_serde(v)) {
        (Ok(a), Ok(b)) if a == b => Ok(()),
        (Err(e), Err((path, message))) if e.path == path && e.problem.to_string() == message => {
            Ok(())
        }
        (Ok(_), Ok(_)) => Err("both read an article, but different ones".into()),
        (mine, serde) => Err(format!(
            "reader: {:?}\nserde:  {:?}",
            mine.map(|_| "an article"),
            serde.map(|_| "an article")
        )),
    }
}

fn fixture(path: &str) -> Value {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_fixture_reads_as_serde_reads_it() {
    let mut refused = 0;
    for path in common::ARTICLE_FIXTURES {
        let v = fixture(path);
        if let Err(diff) = agree(&v) {
            panic!("{path}:\n{diff}");
        }
        refused += usize::from(by_reader(&v).is_err());
    }
    assert_eq!(
        refused, 1,
        "wrong-shape.json is the one fixture that is not an article"
    );
}

#[test]
fn a_shape_error_names_the_path_of_the_bad_value() {
    let raw = std::fs::read_to_string("tests/fixtures/articles/wrong-shape.json").expect("fixture");
    let err = load::load(&raw).expect_err("not an article");
    assert!(matches!(err, LoadError::Shape(_)), "{err:?}");
    assert_eq!(
        err.details(),
        ["sections[0].blocks[0].type: unknown variant `table`, expected one of `paragraph`, `list`, `findings`"]
    );
    let mut v = fixture("tests/fixtures/articles/valid.json");
    v["references"][2]["findings"][1]["groups"][0]["count"] = json!(-3);
    assert_eq!(
        load::load(&v.to_string())
            .expect_err("negative count")
            .details(),
        ["references[2].findings[1].groups[0].count: invalid value: integer `-3`, expected u32"]
    );
    v["question"] = json!({"plain": 7});
    assert_eq!(
        load::load(&v.to_string())
            .expect_err("register not text")
            .details(),
        ["question.plain: invalid type: integer `7`, expected a string"]
    );
    assert_eq!(
        load::load("[]").expect_err("not an object").details(),
        ["invalid type: sequence, expected struct Article"]
    );
}

/// The template (every field of the format) plus what it leaves out: findings of
/// each kind with counts, `likely`, identifiers, a findings block.
fn every_field() -> Value {
    let mut v = fixture("static/templates/article.json");
    let seed = fixture("static/articles/azathioprine-ild-uip.json");
    let mut findings = seed["references"][1]["findings"].clone();
    findings[1]["groups"][0]["count"] = json!(27);
    findings[1]["groups"][0]["of"] = json!(100);
    let r = &mut v["references"][0];
    r["findings"] = findings;
    r["likely"] = json!({"PMID": "123"});
    r["DOI"] = json!("10.1000/x");
    r["PMID"] = json!("1");
    r["PMCID"] = json!("PMC1");
    r["URL"] = json!("https://example.org/");
    v["sections"][0]["blocks"]
        .as_array_mut()
        .expect("blocks")
        .push(json!({"type": "findings"}));
    v
}

/// Every value's location in `v` as a JSON pointer.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, c)| pointers(c, format!("{at}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, c)| pointers(c, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

/// Values put in every place: each JSON kind, integers at and past the limits of
/// `u32` and `i64`, a float, unknown block types, a text by register with a bad value.
fn replacements() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(4_294_967_296u64),
        json!(18_446_744_073_709_551_615u64),
        json!(-9_223_372_036_854_775_808i64),
        json!(1.5),
        json!(1e300),
        json!("x"),
        json!("list"),
        json!("findings"),
        json!([]),
        json!(["x"]),
        json!({}),
        json!({"professional": 1}),
        json!({"plain": "p"}),
    ]
}

#[test]
fn every_single_change_reads_as_serde_reads_it() {
    let base = every_field();
    agree(&base).expect("the base article");
    assert!(by_reader(&base).is_ok());
    let mut places = Vec::new();
    pointers(&base, String::new(), &mut places);
    let mut cases = 0;
    let mut refused = 0;
    let mut check = |v: &Value, what: &str| {
        tree_agrees(v, what);
        if let Err(diff) = agree(v) {
            // The one known difference: serde reads a struct from an array too.
            let array_for_struct = matches!(
                by_reader(v),
                Err(ReadError { problem: Problem::InvalidType { ref found, expected }, .. })
                    if found == "sequence" && expected.starts_with("struct ")
            );
            assert!(array_for_struct, "{what}:\n{diff}");
        }
        cases += 1;
        refused += usize::from(by_reader(v).is_err());
    };
    for place in &places {
        for new in replacements() {
            let mut v = base.clone();
            *v.pointer_mut(place).expect("place") = new.clone();
            check(&v, &format!("{place} = {new}"));
        }
        let Some((parent, key)) = place.rsplit_once('/') else {
            continue;
        };
        let mut v = base.clone();
        match v.pointer_mut(parent) {
            Some(Value::Object(m)) => drop(m.remove(key)),
            Some(Value::Array(a)) => drop(a.remove(key.parse::<usize>().expect("index"))),
            _ => continue,
        }
        check(&v, &format!("{place} removed"));
    }
    // Fields every object may carry: unknown ones, and a block's `text`/`items` of
    // the wrong kind (serde reads both whatever the block's type).
    for place in &places {
        for (key, new) in [
            ("x-unknown", json!([1])),
            ("text", json!(5)),
            ("items", json!(5)),
        ] {
            let mut v = base.clone();
            if let Some(Value::Object(m)) = v.pointer_mut(place) {
                m.insert(key.to_owned(), new.clone());
                check(&v, &format!("{place}/{key} = {new}"));
            }
        }
    }
    assert!(cases > 2900, "{cases} cases");
    assert!(refused > cases / 3, "{refused} of {cases} refused");
}

#[test]
fn an_array_where_an_object_belongs_is_refused_though_serde_reads_it_by_position() {
    let mut v = every_field();
    v["references"][0]["issued"] = json!([[[2020]]]);
    v["publisher"] = json!(["Example"]);
    assert!(by_serde(&v).is_ok(), "serde reads structs from arrays");
    let err = by_reader(&v).expect_err("the reader does not");
    assert_eq!(
        err.to_string(),
        "publisher: invalid type: sequence, expected struct Publisher"
    );
}

#[test]
fn sections_nested_past_the_limits_are_an_error_not_a_stack_overflow() {
    let mut v = every_field();
    let mut section = json!({"title": "t"});
    for _ in 0..200 {
        section = json!({"title": "t", "subsections": [section]});
    }
    v["sections"] = json!([section]);
    let err = by_reader(&v).expect_err("too deep");
    assert_eq!(err.problem, Problem::TooDeep);
    assert!(err.path.starts_with("sections[0].subsections[0]"), "{err}");
}
