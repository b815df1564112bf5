//! The widget's own JSON parser (`model::read::tree`, the text read in the wasm in one
//! crossing) against serde_json: it never accepts a text a JSON parser refuses, it
//! gives the same values where it accepts one, it leaves to the browser exactly the
//! cases where JavaScript's value would differ (numbers that are not safe integers,
//! lone surrogates, array-index or escaped field names), and the model reader gives
//! the same article or the same error at the same path over either value (every
//! fixture, and the single-value changes of tests/read.rs are checked there too).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use evidence_article::model::read::{self, tree};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// The tree as serde_json's value (a repeated field keeps its last value, as both do).
fn to_serde(v: &tree::Value<'_>) -> Value {
    match v {
        tree::Value::Null => Value::Null,
        tree::Value::Bool(b) => Value::Bool(*b),
        tree::Value::Int(i) => Value::from(*i),
        tree::Value::Float(t) => panic!("the parser makes no floats: {t}"),
        tree::Value::Str(s) => Value::String(s.to_string()),
        tree::Value::Array(items) => Value::Array(items.iter().map(to_serde).collect()),
        tree::Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), to_serde(v)))
                .collect::<Map<_, _>>(),
        ),
    }
}

#[test]
fn every_fixture_is_parsed_in_the_wasm_and_reads_as_over_serde_json() {
    for path in common::ARTICLE_FIXTURES {
        let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mine = tree::parse(&raw).unwrap_or_else(|| panic!("{path}: left to the browser"));
        let serde: Value = serde_json::from_str(&raw).expect("JSON");
        assert_eq!(to_serde(&mine), serde, "{path}");
        assert_eq!(read::article(&&mine), read::article(&&serde), "{path}");
    }
}

#[test]
fn texts_a_json_parser_refuses_are_refused() {
    let bad = [
        "",
        " ",
        "{",
        "[",
        "]",
        "{}x",
        "[1,]",
        "{\"a\":1,}",
        "[1 2]",
        "{\"a\" 1}",
        "{\"a\":1 \"b\":2}",
        "{a:1}",
        "{'a':1}",
        "'x'",
        "01",
        "-",
        "--1",
        "+1",
        "1.",
        ".5",
        "NaN",
        "Infinity",
        "tru",
        "nul",
        "truex",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12G4\"",
        "\"\\u+123\"",
        "\"a\tb\"",
        "\"a\nb\"",
        "\u{feff}{}",
        "[\"\\\"]",
        "{\"a\":}",
        "{,}",
        "[,1]",
        "\"\\",
        "-01",
        "1 2",
    ];
    for text in bad {
        assert!(
            serde_json::from_str::<Value>(text).is_err(),
            "{text:?} is JSON"
        );
        assert_eq!(tree::parse(text), None, "{text:?}");
    }
}

#[test]
fn what_javascript_reads_otherwise_is_left_to_the_browser() {
    // Valid JSON whose JavaScript value the tree would not match exactly: floats and
    // integers past 2^53 - 1 (JavaScript rounds them; `1.0` is the integer 1), an
    // escaped lone surrogate (a JavaScript string keeps it), field names that are array
    // indexes (JavaScript lists them first) or escaped, very wide objects.
    let wide = format!(
        "{{{}}}",
        (0..65)
            .map(|i| format!("\"k{i}\":0"))
            .collect::<Vec<_>>()
            .join(",")
    );
    for text in [
        "1.5",
        "1.0",
        "1e3",
        "-0.0",
        "9007199254740992",
        "-9007199254740992",
        "123456789012345678901",
        "\"\\ud800\"",
        "\"\\udc00x\"",
        "\"\\ud800\\u0041\"",
        "{\"0\":1}",
        "{\"12\":1}",
        "{\"\\u0061\":1}",
        &wide,
    ] {
        assert!(
            serde_json::from_str::<Value>(text).is_ok() || text.contains("\\ud"),
            "{text}"
        );
        assert_eq!(tree::parse(text), None, "{text}");
    }
    // And within the subset: the edges of what it reads itself.
    let ok = [
        ("9007199254740991", Value::from(9_007_199_254_740_991i64)),
        ("-9007199254740991", Value::from(-9_007_199_254_740_991i64)),
        (" \t\n\r[ ] ", Value::Array(vec![])),
        (
            "\"\\ud83d\\ude00 \\u00e9\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
            Value::from("😀 é/\u{8}\u{c}\n\r\t\"\\"),
        ),
        ("\"é😀\"", Value::from("é😀")),
        (
            "{\"a\":1,\"b\":2,\"a\":3}",
            serde_json::json!({"a": 3, "b": 2}),
        ),
        ("{\"a0\":1,\"\":2}", serde_json::json!({"a0": 1, "": 2})),
    ];
    for (text, want) in ok {
        let got = tree::parse(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(to_serde(&got), want, "{text}");
        assert_eq!(
            serde_json::from_str::<Value>(text).ok(),
            Some(want),
            "{text}"
        );
    }
    // `-0` is a safe integer to JavaScript, read as 0 (serde_json makes it a float).
    assert_eq!(tree::parse("-0"), Some(tree::Value::Int(0)));
    // A repeated field keeps its first place (JavaScript's order) and its last value.
    let Some(tree::Value::Object(fields)) = tree::parse("{\"b\":1,\"a\":2,\"b\":3}") else {
        panic!("an object");
    };
    let fields: Vec<_> = fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    assert_eq!(
        fields,
        [
            ("b".to_owned(), tree::Value::Int(3)),
            ("a".to_owned(), tree::Value::Int(2))
        ]
    );
}

#[test]
fn nesting_past_the_limits_is_left_to_the_limits() {
    let ok = format!("{}{}", "[".repeat(32), "]".repeat(32));
    assert!(tree::parse(&ok).is_some());
    let deep = format!("{}{}", "[".repeat(33), "]".repeat(33));
    assert_eq!(tree::parse(&deep), None);
}

/// serde_json reads `-0` as a float; JavaScript, as the safe integer 0 (as the tree).
fn minus_zero_as_zero(v: Value) -> Value {
    match v {
        Value::Number(n) if n.as_f64() == Some(0.0) => Value::from(0),
        Value::Array(a) => Value::Array(a.into_iter().map(minus_zero_as_zero).collect()),
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (k, minus_zero_as_zero(v)))
                .collect(),
        ),
        v => v,
    }
}

/// JSON-ish text from pieces that make valid and broken documents alike.
fn jsonish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"a\"",
        "\"b\"",
        "\"\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"\\n\"",
        "\"x",
        "\\",
        "0",
        "-",
        "1",
        "12",
        "1.5",
        "e",
        "true",
        "false",
        "null",
        " ",
        "\n",
        "\"é\"",
        "\"0\"",
        "\t",
    ]);
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn whatever_it_accepts_a_json_parser_accepts_with_the_same_value(text in jsonish()) {
        if let Some(v) = tree::parse(&text) {
            let serde: Value = serde_json::from_str(&text)
                .map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
            prop_assert_eq!(to_serde(&v), minus_zero_as_zero(serde), "{:?}", text);
        }
    }

    #[test]
    fn generated_documents_are_parsed_whole(v in arb_json()) {
        let text = serde_json::to_string(&v).expect("text");
        let pretty = serde_json::to_string_pretty(&v).expect("text");
        for t in [text, pretty] {
            let parsed = tree::parse(&t).ok_or_else(|| TestCaseError::fail(t.clone()))?;
            prop_assert_eq!(to_serde(&parsed), v.clone());
        }
    }
}

/// JSON values within the subset: safe integers, any strings, non-index field names.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-(1i64 << 53) + 1..(1i64 << 53)).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z_-][a-z0-9 é-]{0,6}", inner), 0..6)
                .prop_map(|f| Value::Object(f.into_iter().collect())),
        ]
    })
}
