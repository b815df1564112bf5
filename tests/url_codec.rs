//! The share-state codec: encode/decode round trips, decoding is total and only
//! ever yields valid state, sanitizing against an article, and query-string
//! editing that leaves the host page's own parameters byte-for-byte intact.

#![cfg(not(target_arch = "wasm32"))]

use evidence_article::model::Audience;
use evidence_article::url::{
    decode, encode, param_key, read_param, sanitize, write_param, ShareState, MAX_IDS, MAX_LEN,
};
use proptest::prelude::*;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

fn blns() -> Vec<String> {
    serde_json::from_str(include_str!("fixtures/blns.json"))
        .expect("blns.json is a list of strings")
}

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9-]{1,20}"
}

fn audience() -> impl Strategy<Value = Option<Audience>> {
    proptest::option::of(proptest::sample::select(Audience::ALL.to_vec()))
}

/// Distinct ids in generation order.
fn distinct(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in v {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// States that decode can produce: distinct ids, `shut` disjoint from `open`.
fn share_state() -> impl Strategy<Value = ShareState> {
    (
        audience(),
        proptest::collection::vec(id(), 0..12),
        proptest::collection::vec(id(), 0..12),
        proptest::option::of(1usize..=99),
        proptest::option::of(id()),
    )
        .prop_map(|(audience, open, shut, cite, at)| {
            let open = distinct(open);
            let shut = distinct(shut)
                .into_iter()
                .filter(|i| !open.contains(i))
                .collect();
            ShareState {
                audience,
                open,
                shut,
                cite,
                at,
            }
        })
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn assert_valid(s: &ShareState, input: &str) {
    for list in [&s.open, &s.shut] {
        assert!(list.len() <= MAX_IDS, "{input:?} → {} ids", list.len());
        assert!(list.iter().all(|i| valid_id(i)), "{input:?} → {s:?}");
        assert_eq!(
            distinct(list.clone()).len(),
            list.len(),
            "{input:?} → duplicate ids {s:?}"
        );
    }
    assert!(
        s.shut.iter().all(|i| !s.open.contains(i)),
        "{input:?} → open and shut overlap {s:?}"
    );
    assert!(s.cite.is_none_or(|c| c >= 1), "{input:?} → {s:?}");
    assert!(s.at.as_deref().is_none_or(valid_id), "{input:?} → {s:?}");
}

proptest! {
    #![proptest_config(config(2_000))]

    #[test]
    fn decode_inverts_encode(s in share_state()) {
        let text = encode(&s);
        prop_assert_eq!(decode(&text), s.clone(), "via {:?}", text);
        // The encoded form is URL-safe as it stands: nothing a query string would split on.
        prop_assert!(!text.contains(['&', '#', '=', ' ', '?']), "{:?}", text);
        prop_assert_eq!(encode(&s).is_empty(), s.is_empty());
    }

    #[test]
    fn decode_is_total_and_yields_only_valid_state(raw in prop_oneof![
        any::<String>(),
        // Codec-shaped noise.
        proptest::collection::vec(prop_oneof![
            Just("1;".to_owned()), Just("aud:".to_owned()), Just("open:".to_owned()), Just("shut:".to_owned()),
            Just("cite:".to_owned()), Just("at:".to_owned()), Just(",".to_owned()), Just(";".to_owned()),
            Just("%3B".to_owned()), Just("%2C".to_owned()), Just("%".to_owned()), Just("+".to_owned()),
            Just("patient".to_owned()), Just("0".to_owned()), Just("99999".to_owned()),
            "[a-z0-9-]{0,70}", any::<char>().prop_map(String::from),
        ], 0..30).prop_map(|v| v.concat()),
    ]) {
        let s = decode(&raw);
        assert_valid(&s, &raw);
        // What decode yields encodes and decodes to itself.
        prop_assert_eq!(decode(&encode(&s)), s);
    }
}

#[test]
fn decode_of_every_naughty_string_and_line_is_valid() {
    for s in blns() {
        for input in std::iter::once(s.as_str()).chain(s.lines()) {
            let state = decode(input);
            assert_valid(&state, input);
            for wrapped in [
                format!("1;open:{input}"),
                format!("1;aud:{input};cite:{input};at:{input};shut:{input}"),
            ] {
                assert_valid(&decode(&wrapped), &wrapped);
            }
        }
    }
}

#[test]
fn decode_examples() {
    let s = decode("1;aud:patient;shut:guidelines;cite:3");
    assert_eq!(
        s,
        ShareState {
            audience: Some(Audience::Patient),
            shut: vec!["guidelines".into()],
            cite: Some(3),
            ..Default::default()
        }
    );
    assert_eq!(
        decode("1%3Baud%3Anurse"),
        ShareState {
            audience: Some(Audience::Nurse),
            ..Default::default()
        }
    );
    assert_eq!(decode("1;cite:0"), ShareState::default());
    assert_eq!(
        decode("1;cite:-1;aud:admin;open:Bad_Id,ok"),
        ShareState {
            open: vec!["ok".into()],
            ..Default::default()
        }
    );
    assert_eq!(decode("1;open:a,a,b;shut:b,c").open, vec!["a", "b"]);
    assert_eq!(decode("1;open:a,a,b;shut:b,c").shut, vec!["c"]);
    assert_eq!(
        decode("1;cite:2;cite:5").cite,
        Some(2),
        "a repeated key keeps its first value"
    );
    let many = (0..200)
        .map(|i| format!("s{i}"))
        .collect::<Vec<_>>()
        .join(",");
    assert_eq!(decode(&format!("1;open:{many}")).open.len(), MAX_IDS);
}

proptest! {
    #![proptest_config(config(1_000))]

    #[test]
    fn sanitize_keeps_only_what_the_article_has(
        s in share_state(),
        sections in proptest::collection::vec(id(), 0..10),
        references in 0usize..120,
    ) {
        let out = sanitize(s.clone(), &sections, references);
        let known = |v: &Vec<String>| v.iter().filter(|i| sections.contains(i)).cloned().collect::<Vec<_>>();
        prop_assert_eq!(&out.open, &known(&s.open));
        prop_assert_eq!(&out.shut, &known(&s.shut));
        prop_assert_eq!(out.cite, s.cite.filter(|&c| c <= references));
        prop_assert_eq!(&out.at, &s.at.clone().filter(|a| sections.contains(a)));
        prop_assert_eq!(out.audience, s.audience);
        prop_assert_eq!(sanitize(out.clone(), &sections, references), out, "sanitize is idempotent");
    }
}

#[test]
fn sanitize_examples() {
    let sections = vec!["guidelines".to_owned(), "research".to_owned()];
    let s = decode("1;aud:student;open:research,nope;shut:guidelines,gone;cite:6;at:elsewhere");
    assert_eq!(
        sanitize(s, &sections, 5),
        ShareState {
            audience: Some(Audience::Student),
            open: vec!["research".into()],
            shut: vec!["guidelines".into()],
            cite: None,
            at: None,
        }
    );
    assert_eq!(sanitize(decode("1;cite:5"), &sections, 5).cite, Some(5));
}

/// A host page's own query parameter: key, optional `=value`, as raw text.
fn host_param() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        "[a-z]{1,4}".prop_filter("not the widget's key", |k| k != "ea"),
        Just("eab".to_owned()),
        Just("ea2".to_owned()),
        Just("ea-x".to_owned()),
        Just("EA".to_owned()),
        Just("e%61".to_owned()),
        Just("utm_source".to_owned()),
        Just("q%20x".to_owned()),
        Just("a+b".to_owned()),
    ];
    let value = proptest::option::of(prop_oneof![
        "[A-Za-z0-9%+=~._;:,/-]{0,12}",
        Just("%20x".to_owned()),
        Just("".to_owned())
    ]);
    (key, value).prop_map(|(k, v)| match v {
        Some(v) => format!("{k}={v}"),
        None => k,
    })
}

fn pairs(query: &str) -> Vec<&str> {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|p| !p.is_empty())
        .collect()
}

fn key_of(pair: &str) -> &str {
    pair.split_once('=').map_or(pair, |(k, _)| k)
}

proptest! {
    #![proptest_config(config(1_000))]

    #[test]
    fn write_param_keeps_every_other_parameter_byte_for_byte(
        host in proptest::collection::vec(host_param(), 0..6),
        old in proptest::option::of(share_state()),
        old_at in 0usize..7,
        state in share_state(),
        question_mark in any::<bool>(),
    ) {
        let key = "ea";
        let mut params = host.clone();
        if let Some(old) = &old {
            params.insert(old_at.min(params.len()), format!("{key}={}", encode(old)));
        }
        let query = format!("{}{}", if question_mark { "?" } else { "" }, params.join("&"));
        let value = encode(&state);
        let written = write_param(&query, key, Some(&value));

        // Every host parameter survives, in order, byte-for-byte.
        let others: Vec<&str> = pairs(&written).into_iter().filter(|p| key_of(p) != key).collect();
        prop_assert_eq!(others, host.iter().map(String::as_str).collect::<Vec<_>>());
        // Our value reads back and decodes to the state.
        if value.is_empty() {
            prop_assert_eq!(read_param(&written, key), None);
        } else {
            prop_assert_eq!(read_param(&written, key), Some(value.clone()));
            prop_assert_eq!(decode(&value), state);
            prop_assert_eq!(pairs(&written).iter().filter(|p| key_of(p) == key).count(), 1);
        }
        // Idempotent, with or without the leading `?`.
        prop_assert_eq!(write_param(&written, key, Some(&value)), written.clone());
        prop_assert_eq!(write_param(written.trim_start_matches('?'), key, Some(&value)), written.clone());
        // Removing our parameter gives back exactly the host's query.
        let removed = write_param(&written, key, None);
        let expected = if host.is_empty() { String::new() } else { format!("?{}", host.join("&")) };
        prop_assert_eq!(&removed, &expected);
        prop_assert_eq!(write_param(&removed, key, Some("")), expected);
    }
}

#[test]
fn write_and_read_examples() {
    assert_eq!(
        write_param("?a=1&b=%20x&c", "ea", Some("1;aud:patient")),
        "?a=1&b=%20x&c&ea=1;aud:patient"
    );
    assert_eq!(
        write_param("a=1&ea=old&c", "ea", Some("1;cite:2")),
        "?a=1&ea=1;cite:2&c"
    );
    assert_eq!(write_param("?ea=old", "ea", None), "");
    assert_eq!(write_param("", "ea", None), "");
    assert_eq!(
        write_param("?eab=1&ea2=2&ea-x=3", "ea", Some("1")),
        "?eab=1&ea2=2&ea-x=3&ea=1"
    );
    assert_eq!(
        read_param("?a=1&ea=1;aud:nurse&ea=2", "ea").as_deref(),
        Some("1;aud:nurse")
    );
    assert_eq!(read_param("?eab=1", "ea"), None);
    assert_eq!(read_param("?ea", "ea").as_deref(), Some(""));
}

#[test]
fn param_keys_are_namespaced() {
    assert_eq!(param_key(None, 0), "ea");
    assert_eq!(param_key(None, 1), "ea2");
    assert_eq!(param_key(None, 4), "ea5");
    assert_eq!(param_key(Some("main-article"), 0), "ea-main-article");
    assert_eq!(param_key(Some("main-article"), 3), "ea-main-article");
    // Ids that could not round-trip through the codec fall back to the position.
    assert_eq!(param_key(Some("Main Article"), 0), "ea");
    assert_eq!(param_key(Some(""), 2), "ea3");
    assert_eq!(param_key(Some("a&b=c"), 1), "ea2");
    assert_eq!(param_key(Some(&"x".repeat(65)), 0), "ea");
    // Distinct instances never share a key.
    let keys: Vec<String> = (0..10)
        .map(|i| param_key(None, i))
        .chain(["a", "b", "2"].iter().map(|id| param_key(Some(id), 0)))
        .collect();
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "{keys:?}");
}

/// Found by fuzzing (fuzz/ share_codec, reasoned to its edge): a state whose text is
/// longer than MAX_LEN was cut mid-id when the link was opened, and the cut id (still
/// made of valid characters) named another section or none. Now the encoder leaves
/// out whole ids that do not fit, and the decoder drops an item cut by the limit.
#[test]
fn a_long_state_never_turns_into_another_one() {
    let ids: Vec<String> = (0..MAX_IDS)
        .map(|i| format!("section-{i:02}-with-a-rather-long-id"))
        .collect();
    let s = ShareState {
        open: ids.clone(),
        ..ShareState::default()
    };
    let text = encode(&s);
    assert!(text.len() <= MAX_LEN, "{} characters", text.len());
    let back = decode(&text);
    assert!(!back.open.is_empty());
    assert!(back.open.iter().all(|i| ids.contains(i)), "{back:?}");
    assert_eq!(decode(&encode(&back)), back);

    // A hand-made link longer than the limit: the item cut in two is dropped.
    for raw in [
        format!("1;open:{}", ids.join(",")),
        format!("open:{}", ids.join(",")),
        format!("1%3Bopen%3A{}", ids.join("%2C")),
    ] {
        let s = decode(&raw);
        assert!(s.open.iter().all(|i| ids.contains(i)), "{raw:?} → {s:?}");
        assert_eq!(decode(&encode(&s)), s, "{raw:?}");
    }
}
